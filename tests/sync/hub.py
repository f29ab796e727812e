"""Sync in process: the server's app behind FastAPI's test client, desktop data folders opened
through the services, and the real sync engine between them — no process, no socket, so a test
of what the desktop does with the server's answers runs in a fraction of a second."""

from __future__ import annotations

import secrets
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from qclinic.server import accounts, db
from qclinic.server.app import create_app
from qclinic.server.models import Record, Token, User, UserOrganization
from qclinic.services import Services
from qclinic.services.sync import KEY_SERVER, KEY_USER
from qclinic.storage.models.base import DEVICE_ID_KEY
from qclinic.storage.startup import open_database
from qclinic.sync.client import SyncClient
from qclinic.sync.engine import SyncSummary, run

PASSWORD = "correct horse battery"


@cache
def password_hash() -> str:
    from argon2 import PasswordHasher

    return PasswordHasher().hash(PASSWORD)


@cache
def _template() -> Path:
    """A fresh desktop database at head, made once per test process (migrating one from
    scratch takes seconds); each laptop starts from a copy with a device id of its own."""
    folder = Path(tempfile.mkdtemp(prefix="qclinic-template-"))
    open_database(folder / "qclinic.sqlite", attachments_dir=folder / "att").dispose()
    return folder / "qclinic.sqlite"


def fresh_database(folder: Path) -> Path:
    """A copy of the template database in *folder* (no device id yet: one is made at first use)."""
    target = folder / "qclinic.sqlite"
    with sqlite3.connect(_template()) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
        copy.execute("DELETE FROM local_state WHERE key = ?", (DEVICE_ID_KEY,))
    return target


@dataclass
class Laptop:
    """One desktop data folder signed in to the hub as *user*."""

    services: Services
    client: SyncClient
    said: list[str] = field(default_factory=list)

    def sync(self) -> SyncSummary:
        return run(self.services.sync, self.client, self.said.append, "en")


class Hub:
    """A server (SQLite in *folder*) and the laptops that sync with it."""

    def __init__(self, folder: Path, **settings: int) -> None:
        self.folder = folder
        self.engine: Engine = db.make_engine(db.database_url(folder))
        db.upgrade(self.engine)
        self.app = create_app(db.sessions(self.engine), **settings)
        self._open: list[tuple[TestClient, Services]] = []

    def add_user(self, name: str, role: str = "consultant", *orgs: str) -> None:
        """A user as ``accounts.add_user`` makes one, the password hashed once per process."""
        with db.sessions(self.engine)() as session, session.begin():
            user = User(name=name, role=role, password_hash=password_hash(), disabled=False)
            session.add(user)
            session.flush()
            session.add_all(UserOrganization(user_id=user.id, organization_id=o) for o in orgs)

    def token(self, user: str, device: str) -> str:
        """A device token for *user*, as ``/v1/login`` gives one (without argon2's second)."""
        token = secrets.token_urlsafe(32)
        with db.sessions(self.engine)() as session, session.begin():
            found = accounts.find_user(session, user)
            session.add(
                Token(user_id=found.id, token_hash=accounts.token_hash(token), device=device)
            )
        return token

    def laptop(self, name: str, user: str) -> Laptop:
        folder = self.folder / name
        folder.mkdir()
        database = open_database(fresh_database(folder), attachments_dir=folder / "att")
        services = Services(database)
        http = TestClient(self.app, base_url="http://hub")
        http.headers["Authorization"] = f"Bearer {self.token(user, name)}"
        client = SyncClient("http://hub")
        client._http.close()
        client._http = http  # the same calls, answered in process
        services.sync.set_state({KEY_SERVER: "http://hub", KEY_USER: user})
        self._open.append((http, services))
        return Laptop(services, client)

    def records(self, entity: str) -> list[Record]:
        """The server's live records of *entity*."""
        with db.sessions(self.engine)() as session:
            query = select(Record).where(Record.entity == entity, Record.deleted.is_(False))
            return list(session.scalars(query))

    def close(self) -> None:
        for http, services in self._open:
            http.close()
            services.database.dispose()
        self.engine.dispose()


@contextmanager
def hub(folder: Path, **settings: int) -> Iterator[Hub]:
    opened = Hub(folder, **settings)
    try:
        yield opened
    finally:
        opened.close()
