"""A laptop's sync of many scope keys (docs/SYNC.md, "Pulling many keys"): a real desktop
database synced through :mod:`qclinic.sync.engine` and the real :class:`SyncClient`, in process
against the server's API on a SQLite file; the requests are counted as the client sends them.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from argon2 import PasswordHasher
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select

from qclinic.server import accounts, db
from qclinic.server.accounts import Caller
from qclinic.server.app import create_app
from qclinic.server.push import apply_push
from qclinic.services import Services
from qclinic.storage.models import Organization, Site
from qclinic.storage.models.base import DEVICE_ID_KEY
from qclinic.storage.startup import open_database
from qclinic.sync import engine as sync_engine
from qclinic.sync.client import SyncClient, Unreachable
from tests.server.conftest import PASSWORD, change

ORGANIZATIONS = 240
SITES = 2
PAGE = 200  # rows per answer here, so that the first pull takes several


def _org(n: int) -> str:
    return f"01a00000-0000-7000-8000-{n:012d}"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """240 organizations of two sites each, pushed by the admin; shared by the module (each
    test only reads it, but for the one site it adds of its own)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=64))
        folder = tmp_path_factory.mktemp("server")
        engine = db.make_engine(f"sqlite:///{folder / 'server.sqlite'}")
        db.upgrade(engine)
        with db.sessions(engine)() as session, session.begin():
            accounts.add_user(session, "root", "admin", PASSWORD, [])
        changes: list[dict[str, Any]] = []
        for n in range(ORGANIZATIONS):
            org = _org(n)
            changes.append(
                change(f"o{n}", "organization", org, {"name": f"Co {n}"}, organization=org)
            )
            for k in range(SITES):
                row = f"01a00000-0000-7000-8{k + 1:03d}-{n:012d}"
                fields = {"organization_id": org, "name": f"site {k}", "address": ""}
                changes.append(change(f"s{n}-{k}", "site", row, fields, organization=org))
        with db.sessions(engine)() as session:
            user = accounts.find_user(session, "root")
            apply_push(session, Caller(user.id, user.name, user.role, "setup"), changes)
        yield engine
        engine.dispose()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("desktop-template")
    open_database(folder / "qclinic.sqlite", attachments_dir=folder / "attachments").dispose()
    return folder / "qclinic.sqlite"


class Laptop:
    """A desktop database (its own device id) signed in as the admin to *app*, counting the
    requests its sync client sends by method and path."""

    def __init__(self, folder: Path, template: Path, app: FastAPI) -> None:
        folder.mkdir()
        shutil.copyfile(template, folder / "qclinic.sqlite")
        with sqlite3.connect(folder / "qclinic.sqlite") as connection:
            connection.execute("DELETE FROM local_state WHERE key = ?", (DEVICE_ID_KEY,))
        self.database = open_database(folder / "qclinic.sqlite", attachments_dir=folder / "att")
        self.services = Services(self.database)
        self.requests: Counter[str] = Counter()
        #: raise a dropped connection at this many ``POST /v1/pull/many`` requests
        self.drop_at: int | None = None
        self._http = TestClient(app)
        self._http.event_hooks = {"request": [self._count], "response": []}
        login = {"user": "root", "password": PASSWORD, "device": str(folder)}
        token = self._http.post("/v1/login", json=login).json()["token"]
        self._http.headers["Authorization"] = f"Bearer {token}"
        self.requests.clear()

    def _count(self, request: httpx.Request) -> None:
        name = f"{request.method} {request.url.path}"
        self.requests[name] += 1
        if name == "POST /v1/pull/many" and self.requests[name] == self.drop_at:
            raise httpx.ConnectError("dropped", request=request)

    def sync(self, summary: sync_engine.SyncSummary | None = None) -> sync_engine.SyncSummary:
        self.requests.clear()
        client = SyncClient("http://testserver", http=self._http)
        return sync_engine.run(self.services.sync, client, lambda _: None, "en", summary=summary)

    def count(self, model: Any) -> int:
        with self.database.read_session() as session:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)

    def close(self) -> None:
        self._http.close()
        self.database.dispose()


@pytest.fixture
def laptop(
    tmp_path: Path, template: Path, server: Engine, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Any]:
    monkeypatch.setattr(sync_engine, "PULL_PAGE", PAGE)
    made: list[Laptop] = []

    def make(name: str = "laptop", app: FastAPI | None = None) -> Laptop:
        made.append(Laptop(tmp_path / name, template, app or create_app(db.sessions(server))))
        return made[-1]

    yield make
    for each in made:
        each.close()


def _older_server(engine: Engine) -> FastAPI:
    """The API as it was before ``POST /v1/pull/many``."""
    app = create_app(db.sessions(engine))
    app.router.routes = [r for r in app.router.routes if getattr(r, "path", "") != "/v1/pull/many"]
    return app


def test_many_keys_converge_in_few_requests_and_a_quiet_sync_asks_once(laptop: Any) -> None:
    first = laptop()
    rows = ORGANIZATIONS * (1 + SITES)

    pulled = first.sync().pulled
    answers = first.requests["POST /v1/pull/many"]
    again = first.sync()

    assert first.count(Organization) == ORGANIZATIONS
    assert first.count(Site) == ORGANIZATIONS * SITES
    assert pulled == rows
    assert answers == -(-rows // PAGE)  # full answers of PAGE rows, not a request a key
    assert again.pulled == 0
    assert first.requests["POST /v1/pull/many"] == 1  # every key's cursor in one body
    assert first.requests["GET /v1/pull"] == 0


def test_against_an_older_server_each_key_is_pulled_alone(laptop: Any, server: Engine) -> None:
    old = laptop("old", _older_server(server))

    summary = old.sync()

    assert old.count(Organization) == ORGANIZATIONS
    assert old.count(Site) == ORGANIZATIONS * SITES
    assert summary.pulled == ORGANIZATIONS * (1 + SITES)
    assert old.requests["POST /v1/pull/many"] == 1  # asked once, answered 404
    # the provider directory and every organization, one page each
    assert old.requests["GET /v1/pull"] == 1 + ORGANIZATIONS


def test_a_pull_dropped_between_answers_resumes_where_it_stopped(
    laptop: Any, server: Engine
) -> None:
    cut, whole = laptop("cut"), laptop("whole")
    cut.drop_at = 3  # the third answer never arrives: two are applied, with their cursors

    with pytest.raises(Unreachable):
        cut.sync()
    applied = cut.count(Site) + cut.count(Organization)
    cut.drop_at = None
    resumed = cut.sync()
    rows = whole.sync().pulled

    assert applied == 2 * PAGE  # two whole answers, each in its own transaction
    assert resumed.pulled == rows - applied  # nothing pulled twice
    assert cut.count(Organization) == ORGANIZATIONS
    assert cut.count(Site) == ORGANIZATIONS * SITES
