"""One desktop app per data folder: an operating-system lock on ``DIR/qclinic.lock``.

A second QClinic started on the same folder (another window of the app, or the same USB stick
opened twice) is refused with a message naming the process that holds the folder. The lock is the
platform's own (``flock`` on POSIX, ``msvcrt.locking`` on Windows): the operating system releases
it when the process ends, however it ends, so a crash never leaves a lock that blocks the next
start. The file's content (process id and host) is only there to name the holder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

LOCK_NAME = "qclinic.lock"


def _try_lock(stream: IO[str]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            stream.seek(0)
            msvcrt.locking(stream.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(stream.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _host_name() -> str:
    if hasattr(os, "uname"):
        return os.uname().nodename  # no socket import (2.5 ms) before the first paint
    import socket

    return socket.gethostname()


class InstanceLock:
    """The data folder's lock for this process; keep the object alive while the app runs."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_NAME
        self._stream: IO[str] | None = None
        #: Who holds the lock when :meth:`acquire` failed: process id and host ("?" if unknown).
        self.holder_pid = "?"
        self.holder_host = "?"

    def acquire(self) -> bool:
        """Take the lock; ``False`` when another process holds it (see :attr:`holder`).

        A folder where the lock file cannot be created (a read-only medium) is not locked: nothing
        can be written there by either instance, and opening the database says why.
        """
        try:
            stream = self.path.open("a+", encoding="utf-8")
        except OSError:
            return True
        if not _try_lock(stream):
            try:
                stream.seek(0)
                pid, _, host = stream.read().strip().partition("\n")
            except OSError:
                pid, host = "", ""
            stream.close()
            self.holder_pid, self.holder_host = pid.strip() or "?", host.strip() or "?"
            return False
        try:
            stream.seek(0)
            stream.truncate()
            stream.write(f"{os.getpid()}\n{_host_name()}\n")
            stream.flush()
        except OSError:
            pass  # the lock holds all the same; only the holder's name is missing
        self._stream = stream
        return True

    def release(self) -> None:
        if self._stream is not None:
            self._stream.close()  # closing the file releases the operating-system lock
            self._stream = None
