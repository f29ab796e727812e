"""The automatic backups: made before every migration, and named when a database is damaged.

A backup is offered to the user only if it is a whole, valid QClinic database: a copy that fails
(disk full, medium removed) is deleted at once, and the damage message names the newest backup
that passes ``PRAGMA quick_check`` — never a 0-byte or half-written file.
"""

from __future__ import annotations

import errno
import sqlite3
from contextlib import closing, suppress
from datetime import UTC, datetime
from pathlib import Path

from qclinic import paths
from qclinic.errors import UserError
from qclinic.storage.errors import DatabaseFull, DatabaseUnavailable, classify_sqlite_error

SQLITE_HEADER = b"SQLite format 3\x00"


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _remove(target: Path) -> None:
    for leftover in (target, *(target.with_name(target.name + s) for s in ("-journal", "-wal"))):
        with suppress(OSError):
            leftover.unlink(missing_ok=True)


def make_backup(path: Path, revision: str, folder: Path | None = None) -> Path:
    """Copy the database (WAL content included) to a new timestamped file in the backups folder.

    The copy is checked (``PRAGMA quick_check``) before it counts; on any failure it is removed.

    Returns:
        The backup file, e.g. ``backups/qclinic-20260509T071500Z-rev0001.sqlite``.

    Raises:
        DatabaseFull: No room for the copy (the partial copy is removed, the database untouched).
        DatabaseUnavailable: The backups folder cannot be written, or the copy is not valid.
    """
    folder = folder or paths.data_dir() / "backups"
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"{path.stem}-{stamp}-rev{revision}.sqlite"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"{path.stem}-{stamp}-rev{revision}-{counter}.sqlite"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with closing(_read_only(path)) as source, closing(sqlite3.connect(target)) as copy:
            source.backup(copy)
        if not is_valid_database(target):
            raise DatabaseUnavailable(
                f"{target}: the backup copy made before upgrading the database is not valid "
                "(the disk or USB stick may be failing). It was removed; nothing was changed."
            )
    except UserError:
        _remove(target)
        raise
    except (OSError, sqlite3.Error) as error:
        _remove(target)
        raise _backup_failed(folder, error) from error
    return target


def _backup_failed(folder: Path, error: OSError | sqlite3.Error) -> UserError:
    full = (isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT)) or (
        getattr(error, "sqlite_errorname", "") == "SQLITE_FULL"
    )
    if full:
        return DatabaseFull(
            f"{folder}: the disk is full, so the backup QClinic makes before upgrading the "
            "database could not be written. The partial copy was removed and the database was "
            "not changed. Free some space and start QClinic again."
        )
    friendly = classify_sqlite_error(error, folder) if isinstance(error, sqlite3.Error) else None
    if friendly is not None:
        return friendly
    reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return DatabaseUnavailable(
        f"{folder}: the backup before upgrading the database could not be written ({reason}). "
        "The partial copy was removed and the database was not changed."
    )


def is_valid_database(path: Path) -> bool:
    """Whether *path* is a whole QClinic database: SQLite header, schema stamp, quick_check ok."""
    try:
        with path.open("rb") as stream:
            if stream.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return False
        # immutable: no locks, no -shm/-wal files left beside a backup (nobody writes backups)
        uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
        with closing(sqlite3.connect(uri, uri=True)) as connection:
            if connection.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
                return False
            stamped = connection.execute("SELECT count(*) FROM alembic_version").fetchone()
    except (OSError, sqlite3.Error):
        return False
    return bool(stamped and stamped[0] == 1)


def latest_valid_backup(folder: Path | None = None) -> Path | None:
    """The newest backup in *folder* (the data dir's ``backups/``) that is a valid database."""
    folder = folder or paths.data_dir() / "backups"
    try:
        candidates = sorted(folder.glob("*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return None
    return next((candidate for candidate in candidates if is_valid_database(candidate)), None)


def restore_advice(database: Path) -> str:
    """What to do about a damaged *database*: which backup to restore, or that there is none."""
    folder = database.parent / "backups"
    backup = latest_valid_backup(folder)
    if backup is None:
        return (
            f"There is no valid automatic backup in {folder}; restore the file from your own "
            "copies, or move it away to start with an empty database."
        )
    return (
        f"Restore the latest good automatic backup: close QClinic and copy {backup} over "
        f"{database}."
    )
