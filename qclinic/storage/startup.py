"""Opening the database at start-up: check the file, refuse what we must not touch, migrate safely.

:func:`open_database` is what the CLI and the GUI call. The decisions, in order:

1. A missing or empty file: create the schema through the migrations (one truth for the schema).
2. Otherwise read the 16-byte header and, through a *read-only* SQLite connection, the Alembic
   revision stamped in the file — without importing Alembic. Not SQLite, damaged, or not a QClinic
   database: :class:`~qclinic.errors.DatabaseRefused`, the file untouched.
3. A revision this release does not know was written by a newer QClinic: refused, untouched.
4. At head: open at once (Alembic is never imported).
5. Behind: ``PRAGMA quick_check``, a timestamped backup copy (SQLite backup API, so content still in
   the ``-wal`` file is included), then one atomic upgrade.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from qclinic import paths
from qclinic.errors import DatabaseRefused
from qclinic.storage.database import Database
from qclinic.storage.errors import classify_sqlite_error
from qclinic.storage.schema import HEAD_REVISION, KNOWN_REVISIONS

SQLITE_HEADER = b"SQLite format 3\x00"
_UNTOUCHED = "QClinic left the file untouched."


@dataclass(frozen=True)
class FileState:
    """What the start-up probe found in a database file.

    Attributes:
        revision: The Alembic revision stamped in the file; ``None`` for a new (empty) database.
    """

    revision: str | None

    @property
    def is_new(self) -> bool:
        return self.revision is None


def _refuse(path: Path, problem: str) -> DatabaseRefused:
    return DatabaseRefused(f"{path}: {problem} {_UNTOUCHED}")


def _read_only_connection(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def probe(path: Path) -> FileState:
    """Find out what *path* holds without writing to it (and without importing Alembic).

    Raises:
        DatabaseRefused: Not a SQLite file, damaged, or not a QClinic database.
        DatabaseUnavailable: The file cannot be read (permissions, I/O).
    """
    if not path.exists() or path.stat().st_size == 0:
        return FileState(revision=None)
    try:
        with path.open("rb") as stream:
            header = stream.read(len(SQLITE_HEADER))
    except OSError as error:
        raise _refuse(path, f"the file cannot be read ({error.strerror}).") from error
    if header != SQLITE_HEADER:
        raise _refuse(path, "this is not a SQLite database file (wrong header), so not QClinic's.")
    try:
        with closing(_read_only_connection(path)) as connection:
            tables = {
                name
                for (name,) in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                )
            }
            if not tables:
                return FileState(revision=None)
            if "alembic_version" not in tables:
                raise _refuse(path, "this SQLite database was not made by QClinic.")
            revisions = [
                row[0] for row in connection.execute("SELECT version_num FROM alembic_version")
            ]
    except sqlite3.DatabaseError as error:
        friendly = classify_sqlite_error(error, path)
        if isinstance(friendly, DatabaseRefused) or friendly is None:
            raise _refuse(path, f"the database is damaged or unreadable ({error}).") from error
        raise friendly from error
    if len(revisions) != 1:
        raise _refuse(path, f"the schema version record is damaged ({revisions!r}).")
    return FileState(revision=str(revisions[0]))


def quick_check(path: Path) -> None:
    """Run ``PRAGMA quick_check`` read-only; refuse a damaged file before migrating it."""
    try:
        with closing(_read_only_connection(path)) as connection:
            problems = [row[0] for row in connection.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as error:
        raise _refuse(path, f"the database is damaged ({error}).") from error
    if problems != ["ok"]:
        raise _refuse(path, f"the integrity check failed: {'; '.join(problems[:5])}.")


def backup_copy(path: Path, revision: str, folder: Path | None = None) -> Path:
    """Copy the database (WAL content included) to a new timestamped file in the backups folder.

    Returns:
        The backup file, e.g. ``backups/qclinic-20260509T071500Z-rev0001.sqlite``.
    """
    folder = folder or paths.backups_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"{path.stem}-{stamp}-rev{revision}.sqlite"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"{path.stem}-{stamp}-rev{revision}-{counter}.sqlite"
    with (
        closing(_read_only_connection(path)) as source,
        closing(sqlite3.connect(target)) as destination,
    ):
        source.backup(destination)
    return target


def open_database(path: Path | None = None, *, attachments_dir: Path | None = None) -> Database:
    """Open QClinic's database, creating or migrating it if needed (see the module docstring).

    Args:
        path: The SQLite file; ``paths.database_path()`` by default.
        attachments_dir: Where attachment blobs live; ``paths.attachments_dir()`` by default.

    Returns:
        The open :class:`Database`, at :data:`~qclinic.storage.schema.HEAD_REVISION`.

    Raises:
        DatabaseRefused: The file is not ours, damaged, or newer than this release; untouched.
        DatabaseUnavailable: Disk full, locked, read-only or I/O trouble while migrating.
    """
    path = (path or paths.database_path()).expanduser().resolve()
    state = probe(path)
    if state.revision is not None and state.revision not in KNOWN_REVISIONS:
        raise _refuse(
            path,
            f"it was written by a newer QClinic (schema {state.revision}; this release knows up to "
            f"{HEAD_REVISION}). Update QClinic to open it.",
        )
    if state.revision != HEAD_REVISION:
        if state.revision is not None:
            quick_check(path)
            backup_copy(path, state.revision)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
        _migrate(path)
    return Database(path, attachments_dir=attachments_dir)


def _migrate(path: Path) -> None:
    from sqlalchemy.exc import DBAPIError

    from qclinic.storage import migrate  # Alembic is imported only on this path.

    try:
        migrate.upgrade(path)
    except DBAPIError as error:
        friendly = classify_sqlite_error(error, path)
        if friendly is None:
            raise
        raise friendly from error
