"""The real program, started as users start it, many times, with its background work on real threads.

Issue 8: the app died with a segmentation fault about a second after its window appeared, in about
half of its starts, while the suite was green — every UI test ran background tasks inline, and
``--quit-after-start`` quits before the first task returns. These tests start ``qclinic`` itself
(offscreen) and let it live long enough for its tasks to come back; ``soak_driver.py`` drives a whole
session (start an assessment, answer fast enough that what-if runs overlap, print, open the SPC
workspace). Every run must exit 0. ``benchmarks/soak_app.py`` runs the long version (100 starts and
20 sessions) and prints the figures.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("soak_driver.py")
STARTS = 8
SESSIONS = 2

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="signals")]


def _env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}


def _qclinic(data_dir: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qclinic", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=timeout,
    )


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    data_dir = tmp_path_factory.mktemp("soak") / "data"
    seeded = _qclinic(data_dir, "demo", "--json")
    assert seeded.returncode == 0, seeded.stderr
    return data_dir, json.loads(seeded.stdout)["organization"]


def test_scripted_sessions_with_real_threads_all_exit_0(demo_dir, tmp_path: Path) -> None:
    data_dir, organization = demo_dir
    for seed in range(1, SESSIONS + 1):
        run = subprocess.run(
            [sys.executable, str(DRIVER), str(data_dir), organization, str(tmp_path), str(seed)],
            capture_output=True,
            text=True,
            env=_env(),
            timeout=180,
        )
        assert run.returncode == 0, f"session {seed}: exit {run.returncode}\n{run.stderr[-3000:]}"
        assert f"SOAK OK seed={seed} exit=0" in run.stdout
        assert "SOAK ERROR" not in run.stderr
        assert (tmp_path / f"report-{seed}.pdf").read_bytes().startswith(b"%PDF")
    assert not (data_dir / "logs" / "running").exists()  # every run quit cleanly


def test_repeated_starts_left_alone_all_exit_0(demo_dir) -> None:
    """The last session quit inside the runner, so starts reopen an assessment (the worst case)."""
    data_dir, _ = demo_dir
    codes = [_qclinic(data_dir, "--quit-after", "1.0").returncode for _ in range(STARTS)]
    assert codes == [0] * STARTS


def test_a_run_that_dies_is_reported_at_the_next_start_and_loses_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert _qclinic(data_dir, "demo").returncode == 0
    app = subprocess.Popen(
        [sys.executable, "-m", "qclinic", "--data-dir", str(data_dir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=_env(),
    )
    marker = data_dir / "logs" / "running"
    deadline = time.monotonic() + 60
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)
    app.send_signal(signal.SIGSEGV)  # what the crash looked like from outside
    assert app.wait(timeout=30) != 0

    again = _qclinic(data_dir, "--quit-after", "0.5")
    assert again.returncode == 0
    log = (data_dir / "logs" / "qclinic.log").read_text(encoding="utf-8")
    assert "did not quit" in log
    kept = sorted((data_dir / "logs").glob("crash-*.log"))
    assert kept, "the fatal-error trace of the dead run is kept"
    assert "Segmentation fault" in kept[-1].read_text(encoding="utf-8")
    assert not marker.exists()
