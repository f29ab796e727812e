"""A second app on one data folder is refused naming the first; a crash leaves no blocking lock."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from qclinic.instance_lock import LOCK_NAME, InstanceLock


def _start_app(data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "qclinic", "--data-dir", str(data_dir), "--quit-after-start"],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )


def test_a_second_app_on_the_same_folder_is_refused(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    first = InstanceLock(data_dir)  # this test process plays the app already running
    assert first.acquire()
    try:
        second = InstanceLock(data_dir)
        assert not second.acquire()
        assert second.holder_pid == str(os.getpid())
        app = _start_app(data_dir)
        assert app.returncode == 2, app.stderr
        assert "already running" in app.stderr and str(os.getpid()) in app.stderr
        assert socket.gethostname() in app.stderr and "Traceback" not in app.stderr
        assert not (data_dir / "qclinic.sqlite").exists()  # refused before touching the data
    finally:
        first.release()
    again = InstanceLock(data_dir)
    assert again.acquire()  # released: the next start gets it
    again.release()


def test_a_lock_left_by_a_crashed_app_does_not_block_the_start(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    crashed = subprocess.run(  # a process that takes the lock and dies without releasing it
        [
            sys.executable,
            "-c",
            "import os, sys; from pathlib import Path; from qclinic.instance_lock import "
            "InstanceLock; InstanceLock(Path(sys.argv[1])).acquire(); os._exit(9)",
            str(data_dir),
        ],
        env={**os.environ, "PYTHONPATH": os.getcwd()},
        timeout=60,
    )
    assert crashed.returncode == 9
    assert (data_dir / LOCK_NAME).read_text().split()[0].isdigit()  # its file is still there
    app = _start_app(data_dir)
    assert app.returncode == 0, app.stderr
