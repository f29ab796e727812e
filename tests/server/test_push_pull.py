"""Push and pull through the server's API, in process: idempotency, waiting parents, seals,
deletes, cursors, access and the tamper-evident log."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select, update

from qclinic.server import db
from qclinic.server.audit import verify
from qclinic.server.models import Change, Conflict, Record, Waiting
from tests.server.conftest import ORG, OTHER_ORG, Push, change, organization, signed_in

ASSESSMENT = "01a00000-0000-7000-8000-0000000000c1"
ANSWER = "01a00000-0000-7000-8000-0000000000d1"


def _record(engine: Engine, row_id: str) -> Record | None:
    with db.sessions(engine)() as session:
        return session.get(Record, row_id)


def _assessment(change_id: str, **fields: Any) -> dict[str, Any]:
    return change(
        change_id,
        "assessment",
        ASSESSMENT,
        {"organization_id": ORG, "title": "Visit", "signed_at": None, **fields},
    )


def _answer(change_id: str, value: str, base: int = 0) -> dict[str, Any]:
    fields = {"assessment_id": ASSESSMENT, "question_id": "Q1", "value": value}
    return change(change_id, "answer", ANSWER, fields, base=base)


def test_a_child_waits_for_its_parent_and_lands_when_it_arrives(push: Push, engine: Engine) -> None:
    first = push(organization(), _answer("ans-1", "3"))
    assert [r["outcome"] for r in first] == ["applied", "waiting"]
    assert _record(engine, ANSWER) is None

    second = push(_assessment("asm-1"))

    assert [r["outcome"] for r in second] == ["applied"]
    landed = _record(engine, ANSWER)
    assert landed is not None and landed.fields["value"] == "3"
    with db.sessions(engine)() as session:
        assert session.scalars(select(Waiting)).all() == []
        logged = session.scalar(select(Change.result).where(Change.change_id == "ans-1"))
    assert logged is not None and logged["outcome"] == "applied"
    # asked again, the waiting change answers with its settled result
    assert push(_answer("ans-1", "3"))[0]["outcome"] == "applied"


def test_a_rejected_change_does_not_block_those_behind_it(push: Push, engine: Engine) -> None:
    results = push(
        organization(),
        change("bad-1", "no_such_table", "01a00000-0000-7000-8000-0000000000e1", {}),
        _assessment("asm-1"),
    )
    assert [r["outcome"] for r in results] == ["applied", "rejected", "applied"]
    assert results[1]["reason"] == "unknown_entity"
    assert _record(engine, ASSESSMENT) is not None


def test_a_signed_assessment_refuses_later_changes(push: Push, engine: Engine) -> None:
    # the answer and the signature travel in one batch: the answer waits for its assessment,
    # and lands with it although that arrives signed
    signed = push(
        organization(), _answer("ans-1", "3"), _assessment("asm-1", signed_at="2026-11-20T10:00:00")
    )
    assert [r["outcome"] for r in signed] == ["applied", "waiting", "applied"]
    assert _record(engine, ANSWER) is not None

    later = push(
        _answer("ans-2", "0", base=1),
        _assessment("asm-2", title="Changed after signing") | {"base_revision": 1},
    )

    assert [(r["outcome"], r.get("reason")) for r in later] == [
        ("rejected", "signed"),
        ("rejected", "signed"),
    ]
    answer = _record(engine, ANSWER)
    assessment = _record(engine, ASSESSMENT)
    assert answer is not None and answer.fields["value"] == "3" and answer.revision == 1
    assert assessment is not None and assessment.fields["title"] == "Visit"


def test_a_delete_wins_and_the_losing_edit_is_kept(push: Push, engine: Engine) -> None:
    push(organization())
    deleted = push(change("org-del", "organization", ORG, {}, base=1, deleted=True))
    assert deleted[0]["outcome"] == "applied" and deleted[0]["deleted"]

    late = push(organization("org-edit", region="Hefei") | {"base_revision": 1})

    assert late[0]["outcome"] == "conflict" and late[0]["reason"] == "deleted"
    record = _record(engine, ORG)
    assert record is not None and record.deleted and "region" not in record.fields
    with db.sessions(engine)() as session:
        kept = session.scalars(select(Conflict).where(Conflict.change_id == "org-edit")).all()
    assert {(c.field, c.incoming_value) for c in kept} == {
        ("name", "Copper Co"),
        ("region", "Hefei"),
    }


def test_pull_pages_follow_the_sequence_and_carry_late_parents(
    client: TestClient, alice: dict[str, str], push: Push
) -> None:
    push(organization(), _assessment("asm-1"), _answer("ans-1", "3"))
    push(organization("org-2", region="Hefei") | {"base_revision": 1})  # the parent moves last

    def pull(after: int, limit: int) -> dict[str, Any]:
        answer = client.get(
            "/v1/pull", params={"organization": ORG, "after": after, "limit": limit}, headers=alice
        )
        assert answer.status_code == 200
        return dict(answer.json())

    first = pull(0, 1)
    second = pull(first["cursor"], 1)
    rest = pull(second["cursor"], 10)

    # the assessment comes first in sequence, with its organization (changed later) before it
    assert [r["entity"] for r in first["rows"]] == ["organization", "assessment"]
    assert first["more"] and second["more"] and not rest["more"]
    assert [r["entity"] for r in second["rows"]] == ["answer"]
    assert [r["entity"] for r in rest["rows"]] == ["organization"]
    assert rest["rows"][0]["fields"]["region"] == "Hefei"
    assert pull(rest["cursor"], 10)["rows"] == []


def test_nobody_reaches_an_organization_not_theirs(client: TestClient, push: Push) -> None:
    root = signed_in(client, "root")
    client.post("/v1/push", json={"changes": [organization(row_id=OTHER_ORG)]}, headers=root)
    alice = signed_in(client)

    pulled = client.get("/v1/pull", params={"organization": OTHER_ORG}, headers=alice)
    pushed = client.post(
        "/v1/push",
        json={"changes": [organization("x", row_id=OTHER_ORG) | {"base_revision": 1}]},
        headers=alice,
    )
    listed = client.get("/v1/organizations", headers=alice)

    assert pulled.status_code == pushed.status_code == 403
    assert pulled.json()["detail"]["code"] == "forbidden"
    # the provider directory is everyone's (docs/SYNC.md, Providers), and opens no organization
    assert listed.json() == {
        "organizations": [],
        "chains": [],
        "directories": ["provider-directory"],
    }


def test_a_wrong_password_or_an_unknown_token_is_refused(client: TestClient) -> None:
    wrong = client.post("/v1/login", json={"user": "alice", "password": "nope", "device": "t"})
    nobody = client.post("/v1/login", json={"user": "zed", "password": "nope", "device": "t"})
    forged = client.get("/v1/organizations", headers={"Authorization": "Bearer forged"})

    assert wrong.status_code == nobody.status_code == forged.status_code == 401
    assert wrong.json() == nobody.json()  # no hint whether the user exists
    assert wrong.json()["detail"]["code"] == "bad_credentials"
    assert forged.json()["detail"]["code"] == "bad_token"


def test_the_audit_finds_an_edited_or_removed_log_entry(push: Push, engine: Engine) -> None:
    push(organization(), _assessment("asm-1"), _answer("ans-1", "3"))
    factory = db.sessions(engine)
    with factory() as session:
        assert verify(session) == []

    with factory() as session, session.begin():
        session.execute(
            update(Change).where(Change.change_id == "asm-1").values(user_name="mallory")
        )
    with factory() as session:
        edited = verify(session)
    assert len(edited) == 1 and "asm-1" in edited[0].en and "asm-1" in edited[0].zh

    with factory() as session, session.begin():
        session.execute(update(Change).where(Change.change_id == "asm-1").values(user_name="alice"))
        session.delete(session.scalars(select(Change).where(Change.change_id == "asm-1")).one())
    with factory() as session:
        removed = verify(session)
    assert len(removed) == 1 and "removed" in removed[0].en


def test_a_restore_made_after_seeing_the_delete_brings_the_record_back(
    push: Push, engine: Engine
) -> None:
    push(organization())
    push(change("org-del", "organization", ORG, {}, base=1, deleted=True))

    restored = push(change("org-undo", "organization", ORG, {}, base=2))

    assert restored[0]["outcome"] == "applied" and not restored[0]["deleted"]
    record = _record(engine, ORG)
    assert record is not None and not record.deleted and record.revision == 3


def test_a_change_cannot_reach_into_another_organization(
    client: TestClient, push: Push, engine: Engine
) -> None:
    root = signed_in(client, "root")
    theirs = organization("their-org", row_id=OTHER_ORG)
    client.post("/v1/push", json={"changes": [theirs]}, headers=root)
    push(organization())

    results = push(
        # a site of ours whose organization field points to theirs
        change("site-1", "site", ASSESSMENT, {"organization_id": OTHER_ORG, "name": "Plant"}),
        # an organization row filed under another organization
        change("org-x", "organization", OTHER_ORG, {"name": "Mine now"}, base=1),
    )

    assert [(r["outcome"], r.get("reason")) for r in results] == [
        ("rejected", "wrong_organization"),
        ("rejected", "wrong_organization"),
    ]
    assert _record(engine, ASSESSMENT) is None
    other = _record(engine, OTHER_ORG)
    assert other is not None and other.fields["name"] == "Copper Co"
