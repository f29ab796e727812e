"""The server's database: the engine (SQLite in the data dir by default) and its migrations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
#: Alembic's version table for the server: not the desktop's ``alembic_version``
VERSION_TABLE = "qclinic_server_version"
DATABASE_FILE = "server.sqlite"


def database_url(data_dir: Path, url: str | None = None) -> str:
    """*url* if given, else the SQLite file in *data_dir*."""
    return url or f"sqlite:///{data_dir / DATABASE_FILE}"


def make_engine(url: str) -> Engine:
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
        def _immediate(connection: Any) -> None:
            # Writers serialise at BEGIN, so busy_timeout applies (as the desktop's database.py).
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def sessions(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


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
