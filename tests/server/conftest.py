"""The server's API in process (FastAPI's test client) over a fresh database: every test that
uses these fixtures runs on SQLite and on PostgreSQL (``server_database_url``, tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from qclinic.server import accounts, db
from qclinic.server.app import create_app

PASSWORD = "correct horse battery"
ORG = "01a00000-0000-7000-8000-0000000000a1"
OTHER_ORG = "01a00000-0000-7000-8000-0000000000b1"


@pytest.fixture
def engine(server_database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    # argon2 at its cheapest: the default costs ~0.3 s a hash (more on a loaded machine), and
    # every test here adds two users and signs in; verifying reads the cost from the hash
    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=64))
    engine = db.make_engine(server_database_url)
    db.upgrade(engine)
    with db.sessions(engine)() as session, session.begin():
        accounts.add_user(session, "alice", "consultant", PASSWORD, [])
        accounts.add_user(session, "root", "admin", PASSWORD, [])
    yield engine
    engine.dispose()


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(db.sessions(engine))) as test_client:
        yield test_client


def signed_in(client: TestClient, user: str = "alice") -> dict[str, str]:
    answer = client.post("/v1/login", json={"user": user, "password": PASSWORD, "device": "t"})
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['token']}"}


@pytest.fixture
def alice(client: TestClient) -> dict[str, str]:
    return signed_in(client)


Push = Callable[..., list[dict[str, Any]]]


@pytest.fixture
def push(client: TestClient, alice: dict[str, str]) -> Push:
    """Push changes as alice; returns the per-change results."""

    def send(*changes: dict[str, Any]) -> list[dict[str, Any]]:
        answer = client.post("/v1/push", json={"changes": list(changes)}, headers=alice)
        assert answer.status_code == 200, answer.text
        return list(answer.json()["results"])

    return send


def change(
    change_id: str,
    entity: str,
    row_id: str,
    fields: dict[str, Any],
    *,
    base: int = 0,
    deleted: bool = False,
    organization: str = ORG,
) -> dict[str, Any]:
    return {
        "change_id": change_id,
        "entity": entity,
        "row_id": row_id,
        "organization_id": organization,
        "base_revision": base,
        "fields": fields,
        "deleted": deleted,
    }


def organization(change_id: str = "org-1", row_id: str = ORG, **fields: Any) -> dict[str, Any]:
    return change(
        change_id, "organization", row_id, {"name": "Copper Co", **fields}, organization=row_id
    )
