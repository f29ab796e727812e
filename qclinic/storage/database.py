"""The SQLite engine and short sessions over it.

Importing this module is light: SQLAlchemy and the models are imported the first time a session or
the engine is needed, never Alembic. The app's first screen reads through :meth:`Database.query`
(plain ``sqlite3``) and paints before SQLAlchemy is loaded — importing it and mapping the models
costs several times a bare window's start-up on a small machine. Use
:func:`qclinic.storage.startup.open_database` to get a :class:`Database`; it checks and migrates the
file first.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qclinic import paths
from qclinic.storage.blobs import BlobStore
from qclinic.storage.errors import classify_sqlite_error
from qclinic.storage.uuid7 import new_id

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from qclinic.storage.changelog import ChangeLoggingSession

DEFAULT_BUSY_TIMEOUT_MS = 5_000
_BEGIN_OPTION = "qclinic_begin"


def is_writable(path: Path) -> bool:
    """Whether the database *path* (and its folder, for the WAL files) can be written.

    ``os.access`` reports a read-only mount (``EROFS``) even to root.
    """
    folder = path.parent
    while not folder.exists() and folder != folder.parent:  # a new folder is made in its parent
        folder = folder.parent
    return os.access(folder, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def read_only_uri(path: Path) -> str:
    """A ``file:`` URI opening *path* read-only, also on a read-only medium.

    SQLite needs to create the ``-shm`` file to read a WAL database; where the folder cannot be
    written and no WAL content is pending, ``immutable=1`` reads the file without it (nothing can
    change it on a read-only medium).
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not os.access(path.parent, os.W_OK):
        wal = path.with_name(path.name + "-wal")
        shm = path.with_name(path.name + "-shm")
        pending = wal.exists() and wal.stat().st_size > 0 and shm.exists()
        if not pending:
            uri += "&immutable=1"
    return uri


def create_database_engine(
    path: Path,
    *,
    foreign_keys: bool = True,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    read_only: bool = False,
) -> Engine:
    """An engine on the SQLite file *path*, with QClinic's connection settings.

    Args:
        path: The database file (created by SQLite if missing).
        foreign_keys: Enforce foreign keys; migrations turn this off while they rebuild tables and
            run ``PRAGMA foreign_key_check`` before committing instead.
        busy_timeout_ms: How long to wait for another writer before giving up with "locked".
        read_only: Open through :func:`read_only_uri` and leave the journal mode alone.

    Returns:
        The engine. Transactions begin ``DEFERRED`` unless the connection carries the execution
        option ``qclinic_begin="IMMEDIATE"`` (writers use it, see :class:`Database`).
    """
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import NullPool

    # NullPool: every short session opens the file and closes it again. For a local SQLite file
    # connecting costs microseconds (no server, no handshake), while a pooled connection could be
    # handed to another thread (the UI thread and the database worker), which sqlite3 connections
    # do not tolerate, and a leaked pooled transaction would pin an old WAL snapshot (blocking
    # checkpoints, so the -wal file grows). Each operation gets a fresh, clean connection instead.
    # (Database keeps one idle connection, without any transaction, so closing a session's
    # connection is never the "last close" that checkpoints and deletes the WAL; see there.)
    if read_only:
        uri = read_only_uri(path)
        engine = create_engine(
            "sqlite://",
            poolclass=NullPool,
            creator=lambda: sqlite3.connect(uri, uri=True, timeout=busy_timeout_ms / 1000),
        )
    else:
        engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _configure_connection(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's BEGIN (below) drive transactions: the sqlite3 module's own implicit
        # transactions skip DDL, which would make migrations non-atomic.
        dbapi_connection.isolation_level = None
        if read_only:
            return
        cursor = dbapi_connection.cursor()
        try:
            # WAL: readers never block the writer, and a commit appends to one file. The mode is
            # stored in the file; setting it on every connection also restores it if another tool
            # switched the file back to a rollback journal.
            cursor.execute("PRAGMA journal_mode=WAL")
            # FULL, deliberately: the product promise is that a crash, a kill or a power cut loses
            # nothing acknowledged. In WAL mode FULL fsyncs the WAL at every commit; NORMAL only at
            # checkpoints, so a power cut could lose the last commits the user saw saved.
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
            cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        mode = connection.get_execution_options().get(_BEGIN_OPTION, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


class Database:
    """An open QClinic database: the engine, this installation's device id and session factories.

    Build it with :func:`qclinic.storage.startup.open_database`, which makes sure the schema is
    current. Sessions are short: one per user operation.
    """

    def __init__(
        self,
        path: Path,
        *,
        attachments_dir: Path | None = None,
        busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
        read_only: bool = False,
    ) -> None:
        """Wrap the (already migrated) database file *path*.

        Args:
            path: The SQLite file.
            attachments_dir: Where attachment blobs live; ``paths.attachments_dir()`` by default.
            busy_timeout_ms: How long a writer waits for another one before "locked".
            read_only: The file is on a read-only medium: reading works (reports, exports),
                :meth:`session` refuses with a message.
        """
        self.path = path
        self.read_only = read_only
        #: Whether start-up checked the whole file (``PRAGMA quick_check``); see open_database.
        self.integrity_checked = True
        self._busy_timeout_ms = busy_timeout_ms
        self._engine: Engine | None = None
        self._engine_lock = threading.Lock()
        self._writer: sessionmaker[ChangeLoggingSession] | None = None
        self._reader: sessionmaker[ChangeLoggingSession] | None = None
        if attachments_dir is None:
            attachments_dir = path.parent / "attachments" if read_only else paths.attachments_dir()
        self.blobs = BlobStore(attachments_dir)
        self._device_id: str | None = None
        # An idle connection (after one statement it holds no lock and no snapshot): while it is
        # open, a session closing its connection is not the last one, so SQLite does not
        # checkpoint and delete the WAL at every operation (which tripled the cost of saving an
        # answer). dispose() closes it, and that last close checkpoints the WAL into the file.
        self._wal_keeper: sqlite3.Connection | None = None
        if read_only:
            return
        try:
            self._wal_keeper = sqlite3.connect(
                path, timeout=busy_timeout_ms / 1000, check_same_thread=False
            )
            # A statement (it leaves no transaction open) so the keeper attaches to the WAL index.
            self._wal_keeper.execute("PRAGMA journal_mode=WAL").fetchall()
        except sqlite3.Error as error:
            self.dispose()
            friendly = classify_sqlite_error(error, path)
            if friendly is None:
                raise
            raise friendly from error

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, created (and SQLAlchemy imported) on first use.

        The UI thread and a background task may both be first: the lock makes one engine, not two
        (a second would be set up half-way while the first is handed out).
        """
        if self._engine is not None:
            return self._engine
        with self._engine_lock:
            return self._create_engine()

    def _create_engine(self) -> Engine:
        if self._engine is None:
            from sqlalchemy.orm import sessionmaker

            from qclinic.storage.changelog import ChangeLoggingSession

            engine = create_database_engine(
                self.path, busy_timeout_ms=self._busy_timeout_ms, read_only=self.read_only
            )
            # Writers take the write lock at BEGIN (IMMEDIATE) so busy_timeout applies; a DEFERRED
            # transaction that later upgrades to a writer can fail at once with SQLITE_BUSY.
            self._writer = sessionmaker(
                bind=engine.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"}),
                class_=ChangeLoggingSession,
                expire_on_commit=False,
            )
            self._reader = sessionmaker(
                bind=engine, class_=ChangeLoggingSession, expire_on_commit=False
            )
            self._engine = engine
        return self._engine

    def query(self, sql: str, parameters: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Rows of a read-only SQL query through plain ``sqlite3`` (no SQLAlchemy import).

        For the few hot reads that must not wait for SQLAlchemy (the first screen); everything
        else goes through sessions and repositories.
        """
        try:
            connection = sqlite3.connect(
                read_only_uri(self.path), uri=True, timeout=self._busy_timeout_ms / 1000
            )
            try:
                return connection.execute(sql, parameters).fetchall()
            finally:
                connection.close()
        except sqlite3.Error as error:
            friendly = classify_sqlite_error(error, self.path)
            if friendly is None:
                raise
            raise friendly from error

    @property
    def device_id(self) -> str:
        """This installation's id (a UUIDv7 made with the database), stamped on every change."""
        if self._device_id is None:
            self._device_id = self._load_or_create_device_id()
        return self._device_id

    def _load_or_create_device_id(self) -> str:
        from sqlalchemy import select

        from qclinic.storage.models.base import DEVICE_ID_KEY, LocalState

        with self._translated_errors():
            with self.engine.connect() as connection:
                query = select(LocalState.value).where(LocalState.key == DEVICE_ID_KEY)
                existing = connection.execute(query).scalar_one_or_none()
            if existing:
                return existing
            # Migration 0001 stores one; a database without it gets one now, once.
            assert self._writer is not None
            with self._writer() as session, session.begin():
                existing = session.execute(query).scalar_one_or_none()
                if existing:
                    return existing
                device_id = new_id()
                session.add(LocalState(key=DEVICE_ID_KEY, value=device_id))
            return device_id

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A write session: commits when the block ends normally, rolls back on any error.

        Yields:
            The session; objects stay usable after the block (``expire_on_commit=False``).

        Raises:
            DatabaseUnavailable: Disk full, locked, read-only or I/O trouble (nothing committed).
        """
        if self.read_only:
            from qclinic.core.catalogue import text
            from qclinic.storage.errors import DatabaseReadOnly

            raise DatabaseReadOnly(text("storage.read_only", path=self.path))
        self.engine  # noqa: B018 - creates the session factories on first use
        assert self._writer is not None
        with self._session(self._writer) as session:
            yield session

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A session for reading (lists, reports): no write lock taken, nothing committed.

        Closing it ends the read transaction; loaded objects stay usable afterwards.
        """
        self.engine  # noqa: B018 - creates the session factories on first use
        assert self._reader is not None
        with self._translated_errors(), self._reader(info=self._info()) as session:
            yield session

    def _info(self) -> dict[str, Any]:
        from qclinic.storage.changelog import DEVICE_ID_INFO_KEY

        return {DEVICE_ID_INFO_KEY: self.device_id}

    @contextmanager
    def _session(self, factory: sessionmaker[ChangeLoggingSession]) -> Iterator[Session]:
        with self._translated_errors(), factory(info=self._info()) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def _translated_errors(self) -> Iterator[None]:
        from sqlalchemy.exc import DBAPIError

        try:
            yield
        except DBAPIError as error:
            friendly = classify_sqlite_error(error, self.path)
            if friendly is None:
                raise
            raise friendly from error

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_exc_info: object) -> None:
        self.dispose()

    def dispose(self) -> None:
        """Close the database: the WAL is checkpointed into the main file and removed."""
        if self._engine is not None:
            self._engine.dispose()
        if self._wal_keeper is not None:
            self._wal_keeper.close()
            self._wal_keeper = None
