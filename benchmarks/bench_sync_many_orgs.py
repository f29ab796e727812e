"""Benchmark an admin's sync of many organizations: requests, wall and CPU time, before and after
``POST /v1/pull/many`` (docs/SYNC.md, "Pulling many keys").

Fills a server database with N organizations of ~10 records each (the organization and nine
sites; written in process through the push path before the server starts, not timed), starts
the real ``qclinic-server`` process on 127.0.0.1, and runs ``qclinic.sync.engine.run`` (push,
pull, conflicts, blobs — what ``qclinic sync`` runs) for a fresh laptop signed in as the admin:
its first sync, then a second with nothing new. Each twice: with the many-key pull, and with
the one-key pulls an older client made (the client told the server has no such endpoint). The
requests are counted as the client sends them.

Usage::

    python benchmarks/bench_sync_many_orgs.py [--organizations 2000] [--sites 9] [--dir DIR]
    python benchmarks/bench_sync_many_orgs.py --postgres      # a throwaway cluster (tests/postgres.py)
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_sync import PASSWORD, _cpu_s

from qclinic.server import db
from qclinic.server.accounts import Caller, find_user
from qclinic.server.push import apply_push
from qclinic.services import Services
from qclinic.storage.startup import open_database
from qclinic.sync.client import SyncClient
from qclinic.sync.engine import run

BATCH = 5000


class OneKeyClient(SyncClient):
    """The client as it was: the server is taken to have no ``POST /v1/pull/many``."""

    def pull_many(self, scopes: list[tuple[str, int]], limit: int) -> dict[str, Any] | None:
        return None


def _server_args(data: Path, database_url: str | None) -> list[str]:
    return ["--data-dir", str(data), *(["--database-url", database_url] if database_url else [])]


def _fill(data: Path, database_url: str | None, organizations: int, sites: int) -> None:
    password = data.parent / "password"
    password.write_text(PASSWORD, encoding="utf-8")
    subprocess.run(
        [
            *(sys.executable, "-m", "qclinic.server", "init", *_server_args(data, database_url)),
            *("--admin", "bench", "--password-file", str(password)),
        ],
        check=True,
        capture_output=True,
    )
    engine = db.make_engine(database_url or f"sqlite:///{data / 'server.sqlite'}")
    with db.sessions(engine)() as session:
        user = find_user(session, "bench")
        caller = Caller(user.id, user.name, user.role, "bench")
    changes: list[dict[str, Any]] = []
    for n in range(organizations):
        org = f"01a00000-0000-7000-8000-{n:012d}"
        changes.append(_change(f"o{n}", "organization", org, org, {"name": f"Company {n}"}))
        for k in range(sites):
            row = f"01a00000-0000-7000-8{k + 1:03d}-{n:012d}"
            fields = {"organization_id": org, "name": f"Plant {k}", "address": f"Road {k}"}
            changes.append(_change(f"s{n}-{k}", "site", row, org, fields))
    for start in range(0, len(changes), BATCH):
        with db.sessions(engine)() as session:
            apply_push(session, caller, changes[start : start + BATCH])
    engine.dispose()


def _change(
    change_id: str, entity: str, row_id: str, org: str, fields: dict[str, Any]
) -> dict[str, Any]:
    return {
        "change_id": change_id,
        "entity": entity,
        "row_id": row_id,
        "organization_id": org,
        "base_revision": 0,
        "fields": fields,
        "deleted": False,
    }


def _serve(data: Path, database_url: str | None, port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "qclinic.server", "serve", *_server_args(data, database_url)),
            *("--port", str(port)),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(300):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/v1/hello", timeout=1).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not start")


def _sync(
    services: Services, url: str, token: str, server: int, kind: type[SyncClient]
) -> tuple[Counter[str], float, float, float, int]:
    """One ``qclinic sync``: the requests by endpoint, wall, client CPU, server CPU, rows."""
    requests: Counter[str] = Counter()

    def count(request: httpx.Request) -> None:
        requests[f"{request.method} {request.url.path}"] += 1

    http = httpx.Client(
        base_url=url,
        headers={"Authorization": f"Bearer {token}"},
        timeout=120,
        event_hooks={"request": [count], "response": []},
    )
    with kind(url, http=http) as client:
        start, cpu, server_cpu = time.perf_counter(), time.process_time(), _cpu_s(server)
        summary = run(services.sync, client, lambda _line: None, "en")
        wall = time.perf_counter() - start
        used = (time.process_time() - cpu, _cpu_s(server) - server_cpu)
    return requests, wall, used[0], used[1], summary.pulled


def _line(label: str, figures: tuple[Counter[str], float, float, float, int]) -> str:
    requests, wall, client_cpu, server_cpu, rows = figures
    pulls = requests["GET /v1/pull"] + requests["POST /v1/pull/many"]
    return (
        f"{label:<40} {sum(requests.values()):>6} requests ({pulls} pulls)"
        f" {wall:>7.2f} s  CPU client {client_cpu:.2f} s + server {server_cpu:.2f} s;"
        f" {rows} rows"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organizations", type=int, default=2000)
    parser.add_argument("--sites", type=int, default=9)
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--port", type=int, default=18472)
    parser.add_argument("--postgres", action="store_true", help="a throwaway PostgreSQL cluster")
    args = parser.parse_args()
    cluster = None
    database_url = None
    if args.postgres:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from tests.postgres import find_pg_ctl, fresh_database, start_cluster

        pg_ctl = find_pg_ctl()
        if pg_ctl is None:
            raise SystemExit("--postgres: no pg_ctl here")
        cluster = start_cluster(pg_ctl, durable=True)
        database_url = fresh_database(cluster.url, "bench")
    try:
        with tempfile.TemporaryDirectory(dir=args.dir) as name:
            folder = Path(name)
            _fill(folder / "server", database_url, args.organizations, args.sites)
            server = _serve(folder / "server", database_url, args.port)
            url = f"http://127.0.0.1:{args.port}"
            try:
                token = SyncClient(url).login("bench", PASSWORD, "bench")["token"]
                print(
                    f"{args.organizations} organizations of {1 + args.sites} records,"
                    f" server on {'PostgreSQL' if database_url else 'SQLite'}, an admin's sync"
                )
                for label, kind in (("one key a request", OneKeyClient), ("many keys", SyncClient)):
                    laptop = folder / label.replace(" ", "-")
                    services = Services(
                        open_database(laptop / "qclinic.sqlite", attachments_dir=laptop / "att")
                    )
                    first = _sync(services, url, token, server.pid, kind)
                    second = _sync(services, url, token, server.pid, kind)
                    print(_line(f"{label}: first sync", first))
                    print(_line(f"{label}: second, nothing new", second))
                    services.database.dispose()
            finally:
                server.terminate()
                server.wait()
    finally:
        if cluster is not None:
            cluster.stop()


if __name__ == "__main__":
    main()
