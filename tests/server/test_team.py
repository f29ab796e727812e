"""Team work on the server: a lead assigns organizations of their scope to consultants."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from qclinic.server import accounts, db
from tests.server.conftest import ORG, OTHER_ORG, PASSWORD, organization
from tests.server.conftest import signed_in as sign_in

_tokens: dict[tuple[int, str], dict[str, str]] = {}


def signed_in(client: TestClient, user: str) -> dict[str, str]:
    """One sign-in per user and test (argon2 is slow on purpose)."""
    key = (id(client), user)
    if key not in _tokens:
        _tokens[key] = sign_in(client, user)
    return _tokens[key]


@pytest.fixture
def team_client(engine: Engine, client: TestClient) -> Iterator[TestClient]:
    """alice (consultant), bob (consultant), lena (lead of region Hefei), root (admin); ORG in
    Hefei, OTHER_ORG in Wuhu, both pushed by root."""
    with db.sessions(engine)() as session, session.begin():
        accounts.add_user(session, "bob", "consultant", PASSWORD, [])
        accounts.add_user(session, "lena", "lead", PASSWORD, [], regions=["Hefei"])
        accounts.add_user(session, "cora", "company", PASSWORD, [ORG])
    root = signed_in(client, "root")
    changes = [
        organization("o1", ORG, region="Hefei"),
        organization("o2", OTHER_ORG, name="Wire Co", region="Wuhu"),
    ]
    answer = client.post("/v1/push", json={"changes": changes}, headers=root)
    assert [r["outcome"] for r in answer.json()["results"]] == ["applied", "applied"]
    yield client
    _tokens.clear()


def assign(
    client: TestClient, who: dict[str, str], user: str, org: str, assigned: bool = True
) -> Any:
    body = {"user": user, "organization": org, "assigned": assigned}
    return client.post("/v1/assignments", json=body, headers=who)


def scope_of(client: TestClient, user: str) -> list[str]:
    answer = client.get("/v1/organizations", headers=signed_in(client, user))
    return list(answer.json()["organizations"])


def test_a_lead_assigns_an_organization_of_their_scope(team_client: TestClient) -> None:
    lena = signed_in(team_client, "lena")
    assert ORG not in scope_of(team_client, "alice")
    answer = assign(team_client, lena, "alice", ORG)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"user": "alice", "organization": ORG, "assigned": True}
    assert scope_of(team_client, "alice") == [ORG]
    pulled = team_client.get(
        "/v1/pull", params={"organization": ORG}, headers=signed_in(team_client, "alice")
    )
    assert [row["row_id"] for row in pulled.json()["rows"]] == [ORG]
    # and takes it back
    assert assign(team_client, lena, "alice", ORG, assigned=False).status_code == 200
    assert scope_of(team_client, "alice") == []


def test_a_lead_may_not_assign_outside_their_scope(team_client: TestClient) -> None:
    answer = assign(team_client, signed_in(team_client, "lena"), "alice", OTHER_ORG)
    assert answer.status_code == 403
    assert answer.json()["detail"]["code"] == "forbidden"
    assert OTHER_ORG not in scope_of(team_client, "alice")


@pytest.mark.parametrize("user", ["alice", "cora"])
def test_consultants_and_companies_may_not_assign(team_client: TestClient, user: str) -> None:
    who = signed_in(team_client, user)
    assert assign(team_client, who, "bob", ORG).status_code == 403
    assert team_client.get("/v1/team", headers=who).status_code == 403
    assert ORG not in scope_of(team_client, "bob")


def test_the_team_a_lead_sees(team_client: TestClient) -> None:
    root = signed_in(team_client, "root")
    assert assign(team_client, root, "alice", OTHER_ORG).status_code == 200  # admin: anywhere
    assert assign(team_client, root, "bob", ORG).status_code == 200
    with_root = team_client.get("/v1/team", headers=root).json()["team"]
    assert {p["user"]: p["organizations"] for p in with_root} == {
        "alice": [OTHER_ORG],
        "bob": [ORG],
        "lena": [],
    }
    lena = team_client.get("/v1/team", headers=signed_in(team_client, "lena")).json()["team"]
    # the lead sees alice's Wuhu company neither in her scope nor in the team list
    assert {p["user"]: (p["role"], p["organizations"]) for p in lena} == {
        "alice": ("consultant", []),
        "bob": ("consultant", [ORG]),
        "lena": ("lead", []),
    }


def test_unknown_people_and_organizations(team_client: TestClient) -> None:
    root = signed_in(team_client, "root")
    nobody = assign(team_client, root, "nobody", ORG)
    assert (nobody.status_code, nobody.json()["detail"]["code"]) == (404, "no_consultant")
    company = assign(team_client, root, "cora", ORG)
    assert company.status_code == 404  # a company user is no consultant
    unknown = assign(team_client, root, "alice", "01a00000-0000-7000-8000-0000000000c1")
    assert (unknown.status_code, unknown.json()["detail"]["code"]) == (404, "no_organization")
