"""The run marker and the notice a user sees after a run that did not quit."""

from __future__ import annotations

import faulthandler
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from qclinic.crashes import CRASH_LOG_NAME, MARKER_NAME, RunMarker


@pytest.fixture(autouse=True)
def restore_faulthandler() -> Iterator[None]:
    """RunMarker points faulthandler at its crash log; give pytest's back afterwards."""
    yield
    faulthandler.enable(sys.__stderr__)


def test_a_clean_run_leaves_nothing_behind(tmp_path: Path) -> None:
    marker = RunMarker(tmp_path)
    assert marker.open() is None
    assert (tmp_path / MARKER_NAME).exists()
    marker.close()
    assert list(tmp_path.iterdir()) == []
    again = RunMarker(tmp_path)
    assert again.open() is None
    again.close()


def test_a_marker_left_by_a_dead_process_is_an_unclean_exit_with_its_trace_kept(
    tmp_path: Path,
) -> None:
    started = time.time() - 3600
    (tmp_path / MARKER_NAME).write_text(json.dumps({"pid": 2**22 + 7, "started": started}))
    (tmp_path / CRASH_LOG_NAME).write_text("Fatal Python error: Segmentation fault\n")
    marker = RunMarker(tmp_path)
    previous = marker.open()
    marker.close()
    assert previous is not None
    assert previous.started == started
    assert previous.crash_log is not None and previous.crash_log.name.startswith("crash-")
    assert "Segmentation fault" in previous.crash_log.read_text()


def test_the_marker_of_a_running_instance_is_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / MARKER_NAME).write_text(json.dumps({"pid": os.getppid(), "started": time.time()}))
    assert RunMarker(tmp_path)._previous() is None


def test_the_notice_does_not_block_and_points_at_the_log(qtbot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox, QWidget

    from qclinic.crashes import UncleanExit
    from qclinic.ui.errors import show_unclean_exit

    window = QWidget()
    qtbot.addWidget(window)
    trace = tmp_path / "crash-20261126-101500.log"
    show_unclean_exit(window, UncleanExit(time.time(), 1234, trace), tmp_path / "qclinic.log")
    box = window.findChild(QMessageBox, "uncleanExitNotice")
    assert box is not None and box.isVisible()
    assert not box.isModal() or box.windowModality().name == "WindowModal"
    assert str(trace) in box.text()
    assert "saved" in box.text()


def test_the_app_sets_its_window_icon(qapp) -> None:
    from PySide6.QtGui import QIcon

    from qclinic.app import _set_app_icon

    qapp.setWindowIcon(QIcon())
    _set_app_icon(qapp)
    assert not qapp.windowIcon().isNull()
    assert qapp.windowIcon().availableSizes()  # the PNG renderings were found and loaded
