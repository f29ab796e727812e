"""Benchmark answer commits (``services.answers.save_answer``) while a large sync runs.

A real ``qclinic-server serve`` process on 127.0.0.1; a desktop data file with 10,000 pending
changes (organizations, one transaction to make them); the app's sync (``Account.sync``: push in
batches of 1,000, each acknowledged in its own short transaction, then pull by pages) runs on a
worker thread, as the app's *Sync now* does, while the main thread commits one answer after
another, as typing in the runner does. The same commits are timed first with no sync running.
Prints the median, p95 and max of each, and how long the sync took.

Usage::

    python benchmarks/bench_sync_while_typing.py [--changes 10000] [--dir /path/on/the/disk]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

PASSWORD = "bench password"


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _server(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    import httpx

    (folder / "password").write_text(PASSWORD, encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(Path(__file__).resolve().parents[1]), env.get("PYTHONPATH")])
    )
    server = [sys.executable, "-m", "qclinic.server"]
    data = ["--data-dir", str(folder / "server")]
    subprocess.run(
        [*server, "init", *data, "--admin", "root", "--password-file", str(folder / "password")],
        check=True,
        env=env,
        capture_output=True,
        timeout=120,
    )
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [*server, "serve", *data, "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/v1/hello", timeout=1).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the server did not start within 60 s")


def run(folder: Path, changes: int) -> None:
    from qclinic import paths
    from qclinic.services import Services
    from qclinic.services.demo import seed
    from qclinic.storage.library import checklist_content, install_builtin_library
    from qclinic.storage.repositories.assessments import start_assessment
    from qclinic.storage.repositories.organizations import create_organization
    from qclinic.storage.startup import open_database
    from qclinic.sync.account import Account

    paths.set_data_dir(folder / "desktop")
    process, url = _server(folder)
    try:
        database = open_database(
            folder / "desktop" / "qclinic.sqlite", attachments_dir=folder / "desktop" / "att"
        )
        install_builtin_library(database)
        ids = seed(database)
        with database.session() as session:
            content = checklist_content(session, "nqi-clinic")
            assessment = start_assessment(
                session, ids["organization"], "nqi-clinic", content["version"], content, "bench"
            ).id
            questions = [q.id for q in content_questions(content)]
            for number in range(changes):
                create_organization(session, f"Bench supplier {number:05d}")
        services = Services(database)
        account = Account(services, folder / "desktop")
        account.sign_in(url, "root", PASSWORD)
        print(f"pending changes before the sync: {services.sync.pending_count():,}")

        def commit(number: int) -> float:
            start = time.perf_counter()
            services.answers.save_answer(assessment, questions[number % len(questions)], number % 6)
            return (time.perf_counter() - start) * 1000.0

        idle = [commit(n) for n in range(300)]
        done = threading.Event()
        took: list[float] = []

        def sync() -> None:
            start = time.perf_counter()
            try:
                account.sync(lambda _line: None, "en")
            finally:
                took.append(time.perf_counter() - start)
                done.set()

        worker = threading.Thread(target=sync, name="sync")
        worker.start()
        busy: list[float] = []
        number = 0
        while not done.is_set():
            busy.append(commit(number))
            number += 1
            time.sleep(0.02)  # a fast typist: ~40 answers a second at most
        worker.join()
        database.dispose()
    finally:
        process.terminate()
        process.wait(timeout=30)

    for name, samples in (("idle", idle), ("during the sync", busy)):
        print(
            f"answer commits {name:<16} n={len(samples):5d}  median {statistics.median(samples):6.2f}"
            f" ms  p95 {_percentile(samples, 0.95):6.2f} ms  max {max(samples):7.2f} ms"
        )
    print(f"the sync of {changes:,} changes (push, pull) took {took[0]:.1f} s on its worker")


def content_questions(content: dict) -> list:  # type: ignore[type-arg]
    """The maturity questions of a checklist's content (scored 0–5)."""
    from qclinic.core.checklists.loader import from_frozen

    checklist = from_frozen(content)
    return [q for q in checklist.questions() if q.type == "maturity" and q.show_if is None]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--dir", type=Path, help="where to put the data (default: a temp dir)")
    args = parser.parse_args()
    if args.dir is not None:
        args.dir.mkdir(parents=True, exist_ok=True)
        run(args.dir, args.changes)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        run(Path(folder), args.changes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
