"""Opening the database at start-up: check the file, refuse what we must not touch, migrate safely.

:func:`open_database` is what the CLI and the GUI call. The decisions, in order:

1. A missing or empty file: create the schema through the migrations (one truth for the schema).
2. Otherwise read the 16-byte header and, through a *read-only* SQLite connection, the Alembic
   revision stamped in the file — without importing Alembic. Not SQLite, damaged, or not a QClinic
   database: :class:`~qclinic.errors.DatabaseRefused`, the file untouched.
3. A revision this release does not know was written by a newer QClinic: refused, untouched.
4. ``PRAGMA quick_check`` (read-only): damage is refused, untouched, with the message naming the
   newest valid automatic backup. It costs ~1.5 ms per MB; the app gives it a time budget and
   finishes a longer check in the background (:func:`quick_check` returns ``False`` then).
5. At head: open at once (Alembic is never imported).
6. Behind: a timestamped backup copy (SQLite backup API, so content still in the ``-wal`` file is
   included; a failed copy is removed, see :mod:`qclinic.storage.backups`), then one atomic upgrade.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from qclinic import paths
from qclinic.core.catalogue import text
from qclinic.core.text import Text
from qclinic.errors import DatabaseRefused
from qclinic.storage.backups import make_backup, restore_advice
from qclinic.storage.database import Database, is_writable, read_only_uri
from qclinic.storage.errors import DatabaseReadOnly, classify_sqlite_error
from qclinic.storage.schema import HEAD_REVISION, KNOWN_REVISIONS

SQLITE_HEADER = b"SQLite format 3\x00"


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


def _refuse(path: Path, problem: Text) -> DatabaseRefused:
    return DatabaseRefused(text("storage.refused", path=path, problem=problem))


def _refuse_damaged(path: Path, problem: Text) -> DatabaseRefused:
    advice = restore_advice(path)
    return DatabaseRefused(
        text("storage.refused_damaged", path=path, problem=problem, advice=advice)
    )


def _read_only_connection(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(read_only_uri(path), uri=True)


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
        raise _refuse(path, text("storage.unreadable_file", reason=error.strerror)) from error
    if header != SQLITE_HEADER:
        raise _refuse(path, text("storage.not_sqlite"))
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
                raise _refuse(path, text("storage.not_qclinic"))
            revisions = [
                row[0] for row in connection.execute("SELECT version_num FROM alembic_version")
            ]
    except sqlite3.DatabaseError as error:
        friendly = classify_sqlite_error(error, path)
        if isinstance(friendly, DatabaseRefused) or friendly is None:
            problem = text("storage.damaged_or_unreadable", error=error)
            raise _refuse_damaged(path, problem) from error
        raise friendly from error
    if len(revisions) != 1:
        raise _refuse(path, text("storage.version_record", revisions=revisions))
    return FileState(revision=str(revisions[0]))


def quick_check(path: Path, budget_ms: float | None = None) -> bool:
    """Run ``PRAGMA quick_check`` read-only; refuse a damaged file before anything writes to it.

    Args:
        path: The database file.
        budget_ms: Stop checking after this long (``None``: check the whole file).

    Returns:
        ``True`` when the whole file was checked and is sound, ``False`` when the budget ran out
        first (nothing found so far; check again without a budget, e.g. in the background).

    Raises:
        DatabaseRefused: The check found damage; the message names the backup to restore.
    """
    import threading

    stopped = threading.Event()
    try:
        with closing(_read_only_connection(path)) as connection:
            # The check is one long SQLite step (progress handlers are not called inside it on
            # older SQLite); sqlite3_interrupt from a timer thread is what stops it in time.
            def _stop() -> None:
                stopped.set()
                connection.interrupt()

            timer = None
            if budget_ms is not None:
                timer = threading.Timer(budget_ms / 1000, _stop)
                timer.start()
            try:
                problems = [row[0] for row in connection.execute("PRAGMA quick_check")]
            finally:
                if timer is not None:
                    timer.cancel()
    except sqlite3.DatabaseError as error:
        if stopped.is_set() and "interrupt" in str(error):
            return False
        raise _refuse_damaged(path, text("storage.damaged_plain", error=error)) from error
    if problems != ["ok"]:
        found = "; ".join(" ".join(p.split()) for p in problems[:5])
        raise _refuse_damaged(path, text("storage.integrity", found=found))
    return True


#: What the CLI's and the app's start-up pass to :func:`open_database` by default: the whole file.
FULL_CHECK = None


def backup_copy(path: Path, revision: str, folder: Path | None = None) -> Path:
    """Kept for callers of the old name; see :func:`qclinic.storage.backups.make_backup`."""
    return make_backup(path, revision, folder)


def open_database(
    path: Path | None = None,
    *,
    attachments_dir: Path | None = None,
    check_budget_ms: float | None = FULL_CHECK,
) -> Database:
    """Open QClinic's database, creating or migrating it if needed (see the module docstring).

    Args:
        path: The SQLite file; ``paths.database_path()`` by default.
        attachments_dir: Where attachment blobs live; ``paths.attachments_dir()`` by default.
        check_budget_ms: Time allowed for the integrity check of an existing file at head
            (``None``: the whole file). When it runs out, ``database.integrity_checked`` is
            ``False`` and the caller must finish :func:`quick_check` itself (the app does so in
            the background).

    Returns:
        The open :class:`Database`, at :data:`~qclinic.storage.schema.HEAD_REVISION`.

    Raises:
        DatabaseRefused: The file is not ours, damaged, or newer than this release; untouched.
        DatabaseUnavailable: Disk full, locked, read-only or I/O trouble while migrating.
    """
    path = (path or paths.database_path()).expanduser().resolve()
    state = probe(path)
    if state.revision is not None and state.revision not in KNOWN_REVISIONS:
        raise _refuse(path, text("storage.newer", revision=state.revision, head=HEAD_REVISION))
    checked = True
    read_only = not is_writable(path)
    if read_only and state.revision != HEAD_REVISION:
        needed = "create" if state.revision is None else "upgrade"
        raise DatabaseReadOnly(text(f"storage.must_{needed}_read_only", path=path))
    if state.revision == HEAD_REVISION:
        checked = quick_check(path, check_budget_ms)
    elif state.revision is not None:
        quick_check(path)  # the whole file, always, before it is copied and migrated
        make_backup(path, state.revision)
        _migrate(path)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        _migrate(path)
    database = Database(path, attachments_dir=attachments_dir, read_only=read_only)
    database.integrity_checked = checked
    return database


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
