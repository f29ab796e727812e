"""Benchmark sync over loopback: push and pull of 10,000 changed records (target ≤ 3 s each way).

Starts the real ``qclinic-server`` process on 127.0.0.1 in a temporary folder, writes N sites of
one organization into laptop A (one transaction: the set-up is not timed), then times A's push
(every batch read, sent, merged on the server and acknowledged) and laptop B's pull of the same
records (every page fetched and applied in its own transaction), in process, with the two halves
``qclinic sync`` runs (``qclinic.sync.engine.push`` and ``pull``).

The server runs on its SQLite default, or on PostgreSQL: ``--database-url
postgresql+psycopg://…`` names an empty database, or ``--postgres`` starts a throwaway cluster
(``tests/postgres.py``, as the tests do: as the ``postgres`` user when root; but with
PostgreSQL's durable defaults, every commit flushed) and creates one.

Usage::

    python benchmarks/bench_sync.py [--records 10000] [--dir /path/on/the/target/disk]
    python benchmarks/bench_sync.py --postgres | --database-url postgresql+psycopg://USER@HOST/DB
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from qclinic.services import Services
from qclinic.storage.startup import open_database
from qclinic.sync.client import SyncClient
from qclinic.sync.engine import SyncSummary, pull, push

TARGET_S = 3.0
PASSWORD = "benchmark password"


def _server(folder: Path, port: int, database_url: str | None) -> subprocess.Popen[bytes]:
    password = folder / "password"
    password.write_text(PASSWORD, encoding="utf-8")
    data = folder / "server"
    database = ["--database-url", database_url] if database_url else []
    subprocess.run(
        [
            sys.executable,
            "-m",
            "qclinic.server",
            "init",
            "--data-dir",
            str(data),
            "--admin",
            "bench",
            "--password-file",
            str(password),
            *database,
        ],
        check=True,
        capture_output=True,
    )
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "qclinic.server",
            "serve",
            "--data-dir",
            str(data),
            "--port",
            str(port),
            *database,
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


def _cpu_s(pid: int) -> float:
    """CPU seconds (user + system) process *pid* has used so far (Linux; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _laptop(folder: Path) -> Services:
    return Services(open_database(folder / "qclinic.sqlite", attachments_dir=folder / "att"))


def run(folder: Path, records: int, port: int, database_url: str | None = None) -> bool:
    from qclinic.storage.models import Site

    server = _server(folder, port, database_url)
    url = f"http://127.0.0.1:{port}"
    try:
        token = SyncClient(url).login("bench", PASSWORD, "bench")["token"]
        a, b = _laptop(folder / "a"), _laptop(folder / "b")
        organization = a.organizations.create("Benchmark Copper").id
        with a.database.session() as session:
            session.add_all(
                Site(organization_id=organization, name=f"Plant {n}", address=f"Road {n}")
                for n in range(records - 1)
            )
        quiet = lambda _line: None  # noqa: E731

        pushed, pulled = SyncSummary(), SyncSummary()
        with SyncClient(url, token) as client:
            start, cpu = time.perf_counter(), (time.process_time(), _cpu_s(server.pid))
            push(a.sync, client, quiet, "en", pushed)
            push_s = time.perf_counter() - start
            push_cpu = (time.process_time() - cpu[0], _cpu_s(server.pid) - cpu[1])
        with SyncClient(url, token) as client:
            start, cpu = time.perf_counter(), (time.process_time(), _cpu_s(server.pid))
            pull(b.sync, client, quiet, "en", pulled)
            pull_s = time.perf_counter() - start
            pull_cpu = (time.process_time() - cpu[0], _cpu_s(server.pid) - cpu[1])
    finally:
        server.terminate()
        server.wait()
    backend = "PostgreSQL" if database_url else "SQLite"
    print(f"server on {backend}; CPU seconds given as client + server process (load-independent)")
    print(
        f"push {pushed.pushed} records: {push_s:.2f} s (target ≤ {TARGET_S} s);"
        f" CPU {push_cpu[0]:.2f} + {push_cpu[1]:.2f} s"
    )
    print(
        f"pull {pulled.pulled} records: {pull_s:.2f} s (target ≤ {TARGET_S} s);"
        f" CPU {pull_cpu[0]:.2f} + {pull_cpu[1]:.2f} s"
    )
    return push_s <= TARGET_S and pull_s <= TARGET_S and pulled.pulled == records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--port", type=int, default=18471)
    backend = parser.add_mutually_exclusive_group()
    backend.add_argument("--database-url", metavar="URL", help="an empty database for the server")
    backend.add_argument(
        "--postgres", action="store_true", help="start a throwaway PostgreSQL cluster"
    )
    args = parser.parse_args()
    cluster = None
    database_url = args.database_url
    if args.postgres:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from tests.postgres import find_pg_ctl, fresh_database, start_cluster

        pg_ctl = find_pg_ctl()
        if pg_ctl is None:
            raise SystemExit("--postgres: no pg_ctl here")
        cluster = start_cluster(pg_ctl, durable=True)
        database_url = fresh_database(cluster.url, "bench")
    try:
        with tempfile.TemporaryDirectory(dir=args.dir) as folder:
            ok = run(Path(folder), args.records, args.port, database_url)
    finally:
        if cluster is not None:
            cluster.stop()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
