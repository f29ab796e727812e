"""Storage errors a user can act on, and the sorting of SQLite failures into them.

Environmental trouble (disk full, file locked by another program, read-only medium, I/O error,
corruption) becomes a :class:`~qclinic.errors.UserError` subclass with a message that names the
file and what to do. Anything else SQLite raises is left alone: it is our bug, reported as one.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from qclinic.core.catalogue import text
from qclinic.errors import DatabaseRefused, UserError


class NotFound(UserError):
    """The row asked for does not exist or was deleted."""


class InvalidValue(UserError):
    """A value the user typed is not acceptable (bad credit code, duplicate, ...)."""


class TransitionRefused(UserError):
    """A status change that the workflow does not allow."""


class RecordLocked(UserError):
    """The record is signed (or otherwise final) and cannot be changed; amend it instead."""


class AnswerChanged(UserError):
    """The answer was changed elsewhere (another window or QClinic) since this edit was based on it.

    Nothing was written. The attributes hold what is stored now, so the caller can show it.
    """

    def __init__(
        self,
        question: str,
        *,
        value: object,
        is_na: bool,
        note: str,
        revision: int,
        live: bool,
    ) -> None:
        now = "not answered" if not live else ("N/A" if is_na else repr(value))
        super().__init__(
            f"{question}: the answer was changed elsewhere (another window?) and is now {now}; "
            "this change was not saved."
        )
        self.question = question
        self.value, self.is_na, self.note = value, is_na, note
        self.revision, self.live = revision, live


class DatabaseUnavailable(UserError):
    """The database cannot be used right now for an environmental reason; nothing was lost."""


class DatabaseBusy(DatabaseUnavailable):
    """Another program (or another QClinic window) holds the database lock."""


class DatabaseFull(DatabaseUnavailable):
    """The disk (or the database's size limit) is full."""


class DatabaseReadOnly(DatabaseUnavailable):
    """The file or its folder cannot be written."""


class DatabaseIOError(DatabaseUnavailable):
    """The operating system reported an I/O error (removed USB stick, failing disk, ...)."""


def _sqlite_error_name(error: BaseException) -> str:
    """The SQLite error name (``SQLITE_FULL``, ...) of *error* or of the DB-API error it wraps."""
    original = getattr(error, "orig", None) or error
    return str(getattr(original, "sqlite_errorname", "") or "")


def _disk_full(path: Path) -> bool:
    """Whether the disk holding *path* has (next to) no free space left."""
    import shutil

    try:
        folder = path if path.is_dir() else path.parent
        return shutil.disk_usage(folder).free < 64 * 1024
    except OSError:
        return False


def classify_sqlite_error(error: BaseException, path: Path | str) -> UserError | None:
    """The friendly error for an environmental SQLite failure, or ``None`` when it is a bug.

    Args:
        error: A :mod:`sqlite3` error or a SQLAlchemy ``DBAPIError`` wrapping one.
        path: The database file, named in the message.

    Returns:
        A :class:`UserError` subclass instance to raise ``from`` *error*, or ``None``.
    """
    name = _sqlite_error_name(error)
    if not name and isinstance(error, sqlite3.Error):
        name = "SQLITE_NOTADB" if "not a database" in str(error) else ""
    if name in ("SQLITE_BUSY", "SQLITE_LOCKED") or name.startswith(
        ("SQLITE_BUSY_", "SQLITE_LOCKED_")
    ):
        return DatabaseBusy(text("storage.busy", path=path))
    if name == "SQLITE_FULL":
        return DatabaseFull(text("storage.full", path=path))
    if name.startswith("SQLITE_READONLY") or name in ("SQLITE_PERM", "SQLITE_AUTH"):
        return DatabaseReadOnly(text("storage.cannot_write", path=path))
    if name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")) and _disk_full(Path(path)):
        # A full disk shows up as an I/O error when SQLite grows the -shm or -wal file.
        return DatabaseFull(text("storage.full_io", path=path, name=name))
    if name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")):
        return DatabaseIOError(text("storage.io_error", path=path, name=name))
    if name in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or name.startswith("SQLITE_CORRUPT"):
        from qclinic.storage.backups import restore_advice  # it imports this module

        return DatabaseRefused(
            text("storage.damaged", path=path, name=name, advice=restore_advice(Path(path)))
        )
    return None
