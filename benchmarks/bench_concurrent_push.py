"""Benchmark 20 concurrent clients pushing 1,000 changes each to one server on SQLite.

Starts the real ``qclinic-server`` process on 127.0.0.1 (SQLite in a temporary folder), signs
in N consultants, and lets each push its own organization and 999 sites in batches, all at
once (one thread and one HTTP connection per client). Then checks what the server holds — each
change applied exactly once: N × 1,000 records, N × 1,000 log entries, no refusal, no
"database is locked" — and replays every batch: every answer must equal the first and nothing
may change. Prints the throughput (changes per second, wall clock of the concurrent phase).

Usage::

    python benchmarks/bench_concurrent_push.py [--clients 20] [--changes 1000] [--batch 100]
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from qclinic.storage.uuid7 import new_id

PASSWORD = "benchmark password"


def _server(folder: Path, port: int) -> subprocess.Popen[bytes]:
    password = folder / "password"
    password.write_text(PASSWORD, encoding="utf-8")
    data = folder / "server"
    server = [sys.executable, "-m", "qclinic.server"]
    subprocess.run(
        [
            *server,
            "init",
            "--data-dir",
            str(data),
            "--admin",
            "bench",
            "--password-file",
            str(password),
        ],
        check=True,
        capture_output=True,
    )
    process = subprocess.Popen(
        [*server, "serve", "--data-dir", str(data), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(600):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/v1/hello", timeout=1).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not start")


def _add_users(folder: Path, count: int) -> None:
    """The consultants, as ``qclinic-server users add`` makes them (one process, not N)."""
    from qclinic.server import accounts, db

    engine = db.make_engine(db.database_url(folder / "server"))
    with db.sessions(engine)() as session, session.begin():
        for n in range(count):
            accounts.add_user(session, f"c{n:02d}", "consultant", PASSWORD, [])
    engine.dispose()


def _batches(client: int, changes: int, batch: int) -> list[list[dict[str, Any]]]:
    organization = new_id()
    rows: list[dict[str, Any]] = [
        {
            "change_id": f"c{client}:org",
            "entity": "organization",
            "row_id": organization,
            "organization_id": organization,
            "fields": {"name": f"Concurrent Co {client}", "region": "Hefei"},
        }
    ]
    rows += [
        {
            "change_id": f"c{client}:{n}",
            "entity": "site",
            "row_id": new_id(),
            "organization_id": organization,
            "fields": {"organization_id": organization, "name": f"Plant {n}", "address": ""},
        }
        for n in range(1, changes)
    ]
    return [rows[start : start + batch] for start in range(0, len(rows), batch)]


def _push_all(
    url: str, tokens: list[str], work: list[list[list[dict[str, Any]]]]
) -> tuple[float, list[list[Any]], list[str]]:
    """Every client's batches, all clients at once; (seconds, answers per client, failures)."""
    answers: list[list[Any]] = [[] for _ in tokens]
    failures: list[str] = []
    start = threading.Barrier(len(tokens) + 1)

    def client(n: int) -> None:
        headers = {"Authorization": f"Bearer {tokens[n]}"}
        with httpx.Client(base_url=url, headers=headers, timeout=300) as http:
            start.wait()
            for batch in work[n]:
                answer = http.post("/v1/push", json={"changes": batch})
                if answer.status_code != 200:
                    failures.append(f"client {n}: HTTP {answer.status_code} {answer.text[:200]}")
                    return
                answers[n].append(answer.json())

    threads = [threading.Thread(target=client, args=(n,)) for n in range(len(tokens))]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    return time.perf_counter() - began, answers, failures


def _server_state(data: Path) -> tuple[int, int, int, int]:
    with sqlite3.connect(data / "server.sqlite") as connection:
        return (
            connection.execute("SELECT count(*) FROM server_record").fetchone()[0],
            connection.execute("SELECT count(DISTINCT change_id) FROM server_change").fetchone()[0],
            connection.execute("SELECT count(*) FROM server_change").fetchone()[0],
            connection.execute("SELECT coalesce(max(seq), 0) FROM server_record").fetchone()[0],
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--changes", type=int, default=1000, help="changes per client")
    parser.add_argument("--batch", type=int, default=100, help="changes per push request")
    parser.add_argument("--dir", type=Path, default=None, help="where the server's data goes")
    parser.add_argument("--port", type=int, default=8479)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(dir=args.dir) as temporary:
        folder = Path(temporary)
        process = _server(folder, args.port)
        try:
            _add_users(folder, args.clients)
            url = f"http://127.0.0.1:{args.port}"
            tokens = [
                httpx.post(
                    f"{url}/v1/login",
                    json={"user": f"c{n:02d}", "password": PASSWORD, "device": f"bench {n}"},
                    timeout=60,
                ).json()["token"]
                for n in range(args.clients)
            ]
            work = [_batches(n, args.changes, args.batch) for n in range(args.clients)]
            total = args.clients * args.changes

            seconds, first, failures = _push_all(url, tokens, work)
            state = _server_state(folder / "server")
            replay_seconds, again, replay_failures = _push_all(url, tokens, work)
            after_replay = _server_state(folder / "server")
        finally:
            process.terminate()
            process.wait(timeout=30)

    outcomes: dict[str, int] = {}
    for client in first:
        for answer in client:
            for result in answer["results"]:
                outcomes[result["outcome"]] = outcomes.get(result["outcome"], 0) + 1
    print(f"{args.clients} clients × {args.changes} changes, {args.batch} a push, SQLite")
    print(f"  concurrent push: {seconds:.1f} s, {total / seconds:,.0f} changes/s")
    print(f"  outcomes: {outcomes}; failed requests: {len(failures)}")
    for failure in failures[:5]:
        print(f"    {failure}")
    print(
        f"  server: {state[0]} records, {state[1]} distinct change ids in {state[2]} log "
        f"entries, last seq {state[3]}"
    )
    print(
        f"  replay of every batch: {replay_seconds:.1f} s, failed requests: {len(replay_failures)}"
    )
    same = again == first
    unchanged = after_replay == state
    print(f"  replay answers identical: {same}; server unchanged by the replay: {unchanged}")
    ok = (
        not failures
        and not replay_failures
        and outcomes == {"applied": total}
        and state[:3] == (total, total, total)
        and state[3] == total
        and same
        and unchanged
    )
    print("  no change lost or applied twice" if ok else "  CHECK FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
