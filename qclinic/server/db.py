"""The server's database: the engine (SQLite in the data dir, or PostgreSQL), its sessions and
its migrations.

One code path for both backends. Two kinds of session:

- :func:`sessions` write: a push, a login, the administration commands. On SQLite every such
  transaction starts with ``BEGIN IMMEDIATE`` (writers queue at the start, under
  ``busy_timeout``); on PostgreSQL they are READ COMMITTED, and a push serialises on the
  ``seq`` counter's row lock (qclinic/server/push.py).
- :func:`read_sessions` only read: the sign-in check of a request, the organization list, a pull.
  They take no write lock: on SQLite a deferred ``BEGIN`` (in WAL mode a reader keeps its
  snapshot while a writer works), on PostgreSQL a read-only REPEATABLE READ transaction, so a
  page and the parents it carries come from one snapshot. Neither can see half a push, and a
  reader never waits for a writer (docs/SYNC.md, "Cursors").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
#: Alembic's version table for the server: not the desktop's ``alembic_version``
VERSION_TABLE = "qclinic_server_version"
DATABASE_FILE = "server.sqlite"
#: the execution option that marks a read-only engine (see :func:`read_sessions`)
READ_ONLY = "qclinic_read_only"


def database_url(data_dir: Path, url: str | None = None) -> str:
    """*url* if given, else the SQLite file in *data_dir*."""
    return url or f"sqlite:///{data_dir / DATABASE_FILE}"


def make_engine(url: str) -> Engine:
    if make_url(url).get_backend_name() == "postgresql":
        # a pooled connection a restarted PostgreSQL closed is replaced, not handed to a request
        return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection: Any, _record: object) -> None:
            dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" below starts them
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=10000")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin(connection: Any) -> None:
            if connection.get_execution_options().get(READ_ONLY):
                # a reader: its snapshot starts at its first read, and no writer waits for it
                connection.exec_driver_sql("BEGIN")
            else:
                # Writers serialise at BEGIN, so busy_timeout applies (as the desktop's database.py).
                connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def sessions(engine: Engine) -> sessionmaker[Session]:
    """Sessions that may write (see the module's docstring)."""
    return sessionmaker(bind=engine, expire_on_commit=False)


def read_sessions(engine: Engine) -> sessionmaker[Session]:
    """Sessions that only read and take no write lock (see the module's docstring)."""
    options: dict[str, Any] = {READ_ONLY: True}
    if engine.dialect.name == "postgresql":
        options.update(isolation_level="REPEATABLE READ", postgresql_readonly=True)
    return sessionmaker(bind=engine.execution_options(**options), expire_on_commit=False)


def upgrade(engine: Engine) -> None:
    """Bring the server's tables to the newest revision (its own Alembic history)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def is_initialised(engine: Engine) -> bool:
    return inspect(engine).has_table(VERSION_TABLE)
