"""Noticing that the last run of the app did not end: a marker while running, a crash log.

The app writes ``logs/running`` when it starts and removes it when it quits. If the file is still
there at the next start and the process it names is gone, the last run ended without quitting —
killed, crashed, or a power cut. Nothing acknowledged is lost in that case (every edit is committed
when it is made), but the user should hear about it and know where the details are.

:mod:`faulthandler` writes the Python stacks of every thread to ``logs/crash.log`` if the process
dies of a fatal signal (a segmentation fault in Qt, for example), so a crash leaves a trace even
though no Python ``except`` ever runs.
"""

from __future__ import annotations

import contextlib
import faulthandler
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

MARKER_NAME = "running"
CRASH_LOG_NAME = "crash.log"


@dataclass(frozen=True)
class UncleanExit:
    """What the marker of a run that did not quit says."""

    started: float  # epoch seconds
    pid: int
    crash_log: Path | None  # the fatal-error trace, when the run left one

    def started_text(self) -> str:
        return time.strftime("%Y-%m-%d %H:%M", time.localtime(self.started))


class RunMarker:
    """The marker of this run; :meth:`close` at a clean quit."""

    def __init__(self, logs_dir: Path) -> None:
        self.logs_dir = logs_dir
        self.path = logs_dir / MARKER_NAME
        self._crash_file: IO[str] | None = None

    def open(self) -> UncleanExit | None:
        """Start this run; returns the previous run's unclean exit, if it had one."""
        previous = self._previous()
        with contextlib.suppress(OSError):  # a read-only medium: no marker, no crash log
            self.path.write_text(
                json.dumps({"pid": os.getpid(), "started": time.time()}), encoding="utf-8"
            )
            crash_log = self.logs_dir / CRASH_LOG_NAME
            if previous is not None and previous.crash_log is not None:
                # keep the last run's trace under its own name, for the user and for a bug report
                stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(previous.started))
                kept = self.logs_dir / f"crash-{stamp}.log"
                crash_log.replace(kept)
                previous = UncleanExit(previous.started, previous.pid, kept)
            self._crash_file = crash_log.open("w", encoding="utf-8")
            self._crash_file.write(f"--- run {os.getpid()} started {time.ctime()}\n")
            self._crash_file.flush()
            faulthandler.enable(self._crash_file, all_threads=True)
        return previous

    def close(self) -> None:
        """This run quits cleanly: remove the marker and the (empty) crash trace."""
        if self._crash_file is not None:
            faulthandler.disable()
            self._crash_file.close()
            self._crash_file = None
            with contextlib.suppress(OSError):
                (self.logs_dir / CRASH_LOG_NAME).unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)

    def _previous(self) -> UncleanExit | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            pid, started = int(data["pid"]), float(data["started"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if pid != os.getpid() and _alive(pid):
            return None  # another instance is running: its marker is not a crash
        crash_log = self.logs_dir / CRASH_LOG_NAME
        has_trace = crash_log.is_file() and "Fatal Python error" in _read(crash_log)
        return UncleanExit(started, pid, crash_log if has_trace else None)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _alive(pid: int) -> bool:
    if os.name == "nt":  # pragma: no cover - no os.kill(pid, 0) probe on Windows
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
