"""Bad input and refusals, in process: each a clear answer, nothing applied, nothing leaked."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select, update

from qclinic.server import accounts, db
from qclinic.server.app import create_app
from qclinic.server.models import Change, Conflict, Record, Token, utc_now
from tests.server.conftest import (
    ORG,
    OTHER_ORG,
    PASSWORD,
    Push,
    change,
    organization,
    signed_in,
)

VALID_USCC = "91340700MA2N0X0B8A"


def _counts(engine: Engine) -> tuple[int, int, int]:
    with db.sessions(engine)() as session:
        return (
            session.scalar(select(func.count()).select_from(Record)) or 0,
            session.scalar(select(func.count()).select_from(Change)) or 0,
            session.scalar(select(func.max(Record.seq))) or 0,
        )


def test_malformed_json_is_400_with_a_reason_and_applies_nothing(
    client: TestClient, alice: dict[str, str], engine: Engine
) -> None:
    before = _counts(engine)
    cut = client.post(
        "/v1/push",
        content=b'{"changes": [{"change_id": "x", "entity": "organiz',
        headers={**alice, "Content-Type": "application/json"},
    )
    assert cut.status_code == 400
    assert cut.json()["detail"]["code"] == "malformed_json"
    assert "not valid JSON" in cut.json()["detail"]["message"]
    assert _counts(engine) == before


def test_a_body_of_the_wrong_shape_is_422_naming_the_field(
    client: TestClient, alice: dict[str, str]
) -> None:
    answer = client.post("/v1/push", json={"changes": [{"entity": "site"}]}, headers=alice)
    assert answer.status_code == 422
    detail = answer.json()["detail"]
    assert detail["code"] == "bad_request"
    assert "change_id" in detail["message"]


@pytest.fixture
def small_client(engine: Engine) -> Iterator[TestClient]:
    """A server that caps request bodies at 4 KiB."""
    with TestClient(create_app(db.sessions(engine), max_body=4096)) as test_client:
        yield test_client


def _big_push(count: int) -> dict[str, object]:
    sites = [
        change(f"big-{n}", "site", f"01a00000-0000-7000-8000-{n:012d}", {"organization_id": ORG})
        for n in range(count)
    ]
    return {"changes": [organization(), *sites]}


def test_an_oversized_body_is_413_with_the_limit_and_applies_nothing(
    small_client: TestClient, engine: Engine
) -> None:
    headers = signed_in(small_client)
    body = json.dumps(_big_push(40)).encode()
    assert len(body) > 4096
    before = _counts(engine)

    declared = small_client.post(
        "/v1/push", content=body, headers={**headers, "Content-Type": "application/json"}
    )
    streamed = small_client.post(  # no Content-Length: counted as it arrives
        "/v1/push",
        content=iter([body[:3000], body[3000:]]),
        headers={**headers, "Content-Type": "application/json"},
    )

    for answer in (declared, streamed):
        assert answer.status_code == 413
        assert answer.json()["detail"]["code"] == "too_large"
        assert answer.json()["detail"]["limit"] == 4096
    assert _counts(engine) == before
    assert small_client.get("/v1/hello").json()["max_body"] == 4096
    small = small_client.post("/v1/push", json={"changes": [organization()]}, headers=headers)
    assert small.status_code == 200


def test_an_expired_token_is_401_expired_and_a_used_one_is_renewed(
    client: TestClient, engine: Engine
) -> None:
    headers = signed_in(client)
    token = headers["Authorization"].split()[1]
    factory = db.sessions(engine)

    def age(days: float) -> None:
        with factory() as session, session.begin():
            session.execute(
                update(Token)
                .where(Token.token_hash == accounts.token_hash(token))
                .values(created_at=utc_now() - timedelta(days=days))
            )

    def issued() -> timedelta:
        with factory() as session:
            found = session.scalar(
                select(Token.created_at).where(Token.token_hash == accounts.token_hash(token))
            )
        assert found is not None
        return utc_now() - found

    age(80)  # used within the 90 days: accepted, and renewed to now
    assert client.get("/v1/organizations", headers=headers).status_code == 200
    assert issued() < timedelta(minutes=5)

    age(91)
    refused = client.get("/v1/organizations", headers=headers)
    assert refused.status_code == 401
    assert refused.json()["detail"]["code"] == "expired_token"
    assert "sign in again" in refused.json()["detail"]["message"]


def test_another_organizations_user_is_refused_and_its_rows_never_leave(
    client: TestClient, engine: Engine, push: Push
) -> None:
    push(organization(), organization("org-b", OTHER_ORG, name="B Secret Works"))
    push(
        change(
            "b-edit-1",
            "organization",
            OTHER_ORG,
            {"notes": "B one"},
            base=1,
            organization=OTHER_ORG,
        )
    )
    push(
        change(
            "b-edit-2",
            "organization",
            OTHER_ORG,
            {"notes": "B two"},
            base=1,
            organization=OTHER_ORG,
        )
    )
    with db.sessions(engine)() as session, session.begin():
        accounts.add_user(session, "bob", "company", PASSWORD, [OTHER_ORG])
        accounts.add_user(session, "ann", "company", PASSWORD, [ORG])
    ann = signed_in(client, "ann")
    before = _counts(engine)

    pulled = client.get("/v1/pull", params={"organization": OTHER_ORG}, headers=ann)
    conflicts = client.get("/v1/conflicts", params={"organization": OTHER_ORG}, headers=ann)
    pushed = client.post(
        "/v1/push",
        json={
            "changes": [
                change("ann-1", "organization", ORG, {"notes": "ok"}, base=1),
                change(
                    "ann-2", "organization", OTHER_ORG, {"name": "mine"}, organization=OTHER_ORG
                ),
            ]
        },
        headers=ann,
    )
    listed = client.get("/v1/organizations", headers=ann)
    own_conflicts = client.get("/v1/conflicts", headers=ann)

    for refused in (pulled, conflicts, pushed):
        assert refused.status_code == 403
        assert refused.json()["detail"]["code"] == "forbidden"
        assert "B Secret Works" not in refused.text
    assert listed.json()["organizations"] == [ORG]
    assert own_conflicts.json() == {"conflicts": [], "cursor": 0, "more": False}  # not B's
    assert _counts(engine) == before  # not even the allowed first change was applied


def test_a_replayed_batch_answers_the_same_and_applies_nothing_twice(
    client: TestClient, alice: dict[str, str], engine: Engine, push: Push
) -> None:
    push(organization())
    batch = [
        change("edit-1", "organization", ORG, {"region": "Hefei"}, base=1),
        change("site-1", "site", "01a00000-0000-7000-8000-0000000000c1", {"organization_id": ORG}),
    ]
    first = push(*batch)
    before = _counts(engine)
    again = push(*batch)
    assert again == first
    assert _counts(engine) == before


def test_a_conflict_is_named_in_the_answer_and_pulled_by_the_organization(
    client: TestClient, alice: dict[str, str], push: Push
) -> None:
    push(organization())
    push(change("a-1", "organization", ORG, {"region": "Wuhu"}, base=1))
    (lost,) = push(change("b-1", "organization", ORG, {"region": "Maanshan"}, base=1))

    assert lost["outcome"] == "conflict"
    (named,) = lost["conflicts"]
    assert (named["field"], named["theirs"], named["mine"]) == ("region", "Wuhu", "Maanshan")
    assert named["theirs_by"] == "alice"
    listed = client.get("/v1/conflicts", headers=alice).json()
    assert [(c["change_id"], c["field"], c["theirs"], c["mine"]) for c in listed["conflicts"]] == [
        ("b-1", "region", "Wuhu", "Maanshan")
    ]
    later = client.get("/v1/conflicts", params={"after": listed["cursor"]}, headers=alice).json()
    one = client.get("/v1/conflicts", params={"organization": ORG}, headers=alice).json()
    assert one == listed
    assert later == {"conflicts": [], "cursor": listed["cursor"], "more": False}


def test_a_second_organization_with_a_known_credit_code_is_refused_naming_the_first(
    push: Push, engine: Engine
) -> None:
    push(organization(uscc=VALID_USCC, name="Tongling Copper"))
    (refused,) = push(organization("dup-1", OTHER_ORG, uscc=VALID_USCC, name="Tongling Cu"))

    assert refused["outcome"] == "rejected"
    assert refused["reason"] == "duplicate_credit_code"
    assert refused["existing"] == {"id": ORG, "credit_code": VALID_USCC, "name": "Tongling Copper"}
    with db.sessions(engine)() as session:
        assert session.get(Record, OTHER_ORG) is None
        assert session.scalar(select(func.count()).select_from(Conflict)) == 0
    # the same company edited, or a different code, still goes through
    assert (
        push(change("own-1", "organization", ORG, {"region": "Tongling"}, base=1))[0]["outcome"]
        == "applied"
    )
    other = push(organization("dup-2", OTHER_ORG, uscc=None, name="Tongling Cu"))
    assert other[0]["outcome"] == "applied"
