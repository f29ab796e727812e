"""Benchmark blob sync: 200 photos of 2 MB, the client killed half way, then synced again.

Serves the API with uvicorn on 127.0.0.1 in this process (so it can count, server side, every
request-body byte the blob uploads read: ``ServerBlobs.received``), writes the photos (random
bytes, 2 MiB each) into laptop A's data folder through the services, then:

1. starts ``python -m qclinic sync`` on A and kills it (SIGKILL) once the server has received
   half of the bytes and half a chunk more (so a chunk is in flight: the worst case);
2. runs ``qclinic sync`` on A again to the end;
3. syncs laptop B, which downloads every photo.

It prints the bytes the server received against the photos' total (nothing is sent twice
beyond the chunk in flight at the kill, at most 1 MiB), and the elapsed times.

Usage::

    python benchmarks/bench_blobs.py [--photos 200] [--megabytes 2] [--dir /path/on/disk]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

import uvicorn

from qclinic.core.vocabulary import VisitKind
from qclinic.server import accounts, db
from qclinic.server.app import create_app
from qclinic.server.blobs import ServerBlobs
from qclinic.services import Services
from qclinic.storage.library import install_builtin_library
from qclinic.storage.startup import open_database
from qclinic.sync.transfer import CHUNK

PASSWORD = "benchmark password"
ROOT = Path(__file__).resolve().parents[1]


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("QCLINIC_DATA_DIR", None)
    return env


def _qclinic(data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "qclinic", "--data-dir", str(data_dir), "--lang", "en", *args]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _serve(folder: Path) -> tuple[uvicorn.Server, ServerBlobs, str]:
    folder.mkdir(parents=True, exist_ok=True)
    engine = db.make_engine(db.database_url(folder))
    db.upgrade(engine)
    with db.sessions(engine)() as session, session.begin():
        accounts.add_user(session, "wang", "consultant", PASSWORD, [])
    app = create_app(db.sessions(engine), blobs_dir=folder / "blobs")
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            raise SystemExit("the server did not start within 30 s")
        time.sleep(0.05)
    return server, app.state.blobs, f"http://127.0.0.1:{port}"


def _laptop(folder: Path, url: str, password: Path) -> None:
    login = _qclinic(folder, "sync", "login", "--server", url, "--user", "wang")
    subprocess.run(
        [*login, "--password-file", str(password)], check=True, env=_environment(), timeout=120
    )


def _photos(folder: Path, count: int, size: int) -> int:
    """Write *count* random photos into an assessment on laptop *folder*; their total bytes."""
    database = open_database(folder / "qclinic.sqlite", attachments_dir=folder / "attachments")
    services = Services(database)
    install_builtin_library(database)
    organization = services.organizations.create("Tongling Copper Works", region="Tongling").id
    nqi = next(
        c
        for c in services.assessments.start_choices(organization).checklists
        if c.id == "nqi-clinic"
    )
    assessment = services.assessments.start(
        organization,
        checklist_id=nqi.id,
        checklist_version=nqi.version,
        title="Photo walk",
        visit_kind=VisitKind.ONSITE_CLINIC,
        visit_date=date(2026, 11, 26),
    )
    for start in range(0, count, 10):
        files = [
            (os.urandom(size), f"photo-{n:03}.jpg") for n in range(start, min(count, start + 10))
        ]
        services.answers.add_photos(assessment, "QMS.1", files)
    database.dispose()
    return count * size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=200)
    parser.add_argument("--megabytes", type=float, default=2.0)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    size = int(args.megabytes * (1 << 20))
    with tempfile.TemporaryDirectory(dir=args.dir) as temporary:
        folder = Path(temporary)
        server, blobs, url = _serve(folder / "server")
        password = folder / "password"
        password.write_text(PASSWORD, encoding="utf-8")
        a, b = folder / "laptop-a", folder / "laptop-b"
        _laptop(a, url, password)
        _laptop(b, url, password)
        total = _photos(a, args.photos, size)
        print(f"{args.photos} photos of {size / (1 << 20):.1f} MiB: {total / (1 << 20):.0f} MiB")

        started = time.monotonic()
        first = subprocess.Popen(
            _qclinic(a, "sync"),
            env=_environment(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # half way, in the middle of a chunk: the worst case, a chunk half read when it dies
        while blobs.received < total // 2 + CHUNK // 2:
            if first.poll() is not None:
                raise SystemExit("the first sync ended before half way")
            time.sleep(0.01)
        first.kill()
        first.wait()
        killed_after = time.monotonic() - started
        at_kill = blobs.received
        time.sleep(0.5)  # let the server finish reading what was in flight
        at_kill_settled = blobs.received
        print(
            f"killed the client after {killed_after:.1f} s, the server had received "
            f"{at_kill / (1 << 20):.1f} MiB ({at_kill_settled / (1 << 20):.1f} MiB once settled)"
        )

        started = time.monotonic()
        second = subprocess.run(
            _qclinic(a, "sync"), env=_environment(), capture_output=True, text=True, timeout=3600
        )
        resumed = time.monotonic() - started
        if second.returncode != 0:
            raise SystemExit(second.stderr)
        print(f"the second sync finished in {resumed:.1f} s: {second.stdout.strip()}")

        received = blobs.received
        kept = [p for p in (folder / "server" / "blobs").glob("[0-9a-f][0-9a-f]/*")]
        intact = all(
            hashlib.sha256(p.read_bytes()).hexdigest() == p.parent.name + p.name for p in kept
        )
        print(
            f"bytes received by the server: {received:,} for {total:,} of photos "
            f"(overhead {received - total:,} bytes = {(received - total) / (1 << 20):.2f} MiB); "
            f"{len(kept)} blobs kept, all intact: {intact}"
        )

        started = time.monotonic()
        pulled = subprocess.run(
            _qclinic(b, "sync"), env=_environment(), capture_output=True, text=True, timeout=3600
        )
        if pulled.returncode != 0:
            raise SystemExit(pulled.stderr)
        print(
            f"laptop B pulled and downloaded in {time.monotonic() - started:.1f} s: "
            f"{pulled.stdout.strip()}"
        )
        server.should_exit = True


if __name__ == "__main__":
    main()
