"""Resolutions travel (docs/SYNC.md, "Resolutions travel"), in process on SQLite and PostgreSQL:
a desktop's resolution recorded on the conflict (how, by whom, when), the first one winning,
who may record one, and a resolution of an old conflict reaching another user's ``since``
query — a cursor of resolutions, not only of new conflicts."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select, text

from qclinic.server import accounts, db
from qclinic.server.conflicts import record_resolutions, resolutions_page
from qclinic.server.models import Conflict
from tests.server.conftest import ORG, OTHER_ORG, PASSWORD, Push, change, signed_in


def _users(engine: Engine) -> None:
    """bob sees ORG (assigned), carol only OTHER_ORG, li is a company user of ORG."""
    with db.sessions(engine)() as session, session.begin():
        accounts.add_user(session, "bob", "consultant", PASSWORD, [ORG])
        accounts.add_user(session, "carol", "consultant", PASSWORD, [OTHER_ORG])
        accounts.add_user(session, "li", "company", PASSWORD, [ORG])


def _conflict(push: Push, name: str, n: int) -> dict[str, Any]:
    """Two edits of ORG's field *name* from the same base: the second loses (a conflict)."""
    for side in (1, 2):
        edit = change(f"{name}-{n}-{side}", "organization", ORG, {name: f"{name} {side}"})
        edit |= {"organization_id": ORG, "base_revision": 1}
        push(edit)
    return {"change_id": f"{name}-{n}-2", "field": name}


def _send(client: TestClient, who: dict[str, str], *resolutions: dict[str, Any]) -> Any:
    answer = client.post(
        "/v1/conflicts/resolutions", json={"resolutions": list(resolutions)}, headers=who
    )
    assert answer.status_code == 200, answer.text
    return answer.json()["results"]


def _row(engine: Engine, change_id: str) -> Conflict:
    with db.sessions(engine)() as session:
        found = session.scalars(select(Conflict).where(Conflict.change_id == change_id)).one()
        session.expunge(found)
        return found


def _setup(client: TestClient, engine: Engine, push: Push) -> dict[str, Any]:
    push(change("org-1", "organization", ORG, {"name": "Copper Co"}, organization=ORG))
    _users(engine)
    return _conflict(push, "region", 1)


def test_a_desktops_resolution_is_recorded_and_the_first_one_wins(
    client: TestClient, engine: Engine, push: Push
) -> None:
    named = _setup(client, engine, push)
    bob = signed_in(client, "bob")

    (first,) = _send(client, bob, named | {"resolution": "merged", "value": "R", "key": "k-b"})
    (retry,) = _send(client, bob, named | {"resolution": "merged", "value": "R", "key": "k-b"})
    (late,) = _send(
        client, signed_in(client), named | {"resolution": "mine", "value": None, "key": "k-a"}
    )

    row = _row(engine, named["change_id"])
    assert (row.resolved, row.resolution, row.resolved_value, row.resolved_by) == (
        True,
        "merged",
        "R",
        "bob",
    )
    assert row.resolved_at is not None and row.resolved_at >= row.at
    assert row.resolution_key == "k-b" and row.resolution_seq == 1
    assert (first["outcome"], retry["outcome"], late["outcome"]) == ("resolved",) * 2 + ("already",)
    assert retry == first  # a retry changes nothing and hears the same answer
    # the later one hears the first: how, what, by whom
    assert (late["resolution"], late["resolved_value"], late["resolved_by"]) == (
        "merged",
        "R",
        "bob",
    )
    assert late["key"] == "k-b"


def test_only_a_user_who_sees_the_organization_may_record_a_resolution(
    client: TestClient, engine: Engine, push: Push
) -> None:
    named = _setup(client, engine, push)
    carol = signed_in(client, "carol")
    wanted = named | {"resolution": "theirs", "value": "x", "key": "k-c"}

    outside = _send(client, carol, wanted)
    unknown = _send(client, carol, wanted | {"change_id": "no-such-change"})
    bad = client.post(
        "/v1/conflicts/resolutions",
        json={"resolutions": [wanted | {"resolution": "whatever"}]},
        headers=carol,
    )

    # the same answer whether the conflict exists elsewhere or not at all
    assert [r["outcome"] for r in outside + unknown] == ["refused", "refused"]
    assert set(outside[0]) == {"change_id", "field", "outcome"}
    assert bad.status_code == 422
    assert not _row(engine, named["change_id"]).resolved
    # a company user sees their own organization: they may
    li = signed_in(client, "li")
    (theirs,) = _send(client, li, wanted | {"key": "k-li"})
    assert (theirs["outcome"], theirs["resolved_by"]) == ("resolved", "li")
    listed = client.get("/v1/conflicts/resolutions", headers=carol).json()
    assert listed["resolutions"] == [] and listed["cursor"] == 0


def test_a_resolution_of_an_old_conflict_reaches_another_users_since_query(
    client: TestClient, engine: Engine, push: Push
) -> None:
    old = _setup(client, engine, push)
    new = _conflict(push, "notes", 2)
    bob = signed_in(client, "bob")
    conflicts = client.get("/v1/conflicts", headers=bob).json()
    assert [c["field"] for c in conflicts["conflicts"]] == ["region", "notes"]
    assert all(c["resolution"] is None for c in conflicts["conflicts"])
    since = client.get("/v1/conflicts/resolutions", headers=bob).json()["cursor"]

    _send(client, signed_in(client), old | {"resolution": "mine", "value": None, "key": "k-a"})
    lead_resolved = client.post(
        f"/v1/conflicts/{_row(engine, new['change_id']).id}/resolve",
        headers=signed_in(client, "root"),
    )

    assert lead_resolved.status_code == 200
    # no new conflict: a cursor over conflict ids would never say the old one was settled
    newer = client.get("/v1/conflicts", params={"after": conflicts["cursor"]}, headers=bob)
    assert newer.json()["conflicts"] == []
    page = client.get(
        "/v1/conflicts/resolutions", params={"after": since, "limit": 1}, headers=bob
    ).json()
    rest = client.get(
        "/v1/conflicts/resolutions", params={"after": page["cursor"]}, headers=bob
    ).json()
    heard = page["resolutions"] + rest["resolutions"]
    assert page["more"] is True and rest["more"] is False
    assert [(r["change_id"], r["field"]) for r in heard] == [
        (old["change_id"], "region"),
        (new["change_id"], "notes"),
    ]
    assert [(r["resolution"], r["resolved_by"]) for r in heard] == [
        ("mine", "alice"),
        ("theirs", "root"),
    ]
    assert heard[0]["resolved_value"] == "region 2"  # mine: the value that lost
    assert heard[1]["resolved_value"] == "notes 1"  # the server's, kept
    # a device that first hears of a conflict now hears it resolved
    again = client.get("/v1/conflicts", headers=bob).json()["conflicts"]
    assert [(c["resolved"], c["resolved_by"]) for c in again] == [(True, "alice"), (True, "root")]


def test_conflicts_a_lead_resolved_before_s0004_are_numbered_for_the_devices(
    server_database_url: str,
) -> None:
    from alembic import command
    from alembic.config import Config

    engine = db.make_engine(server_database_url)
    config = Config()
    config.set_main_option("script_location", str(db.MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "s0003")
    rows = [  # (server value, resolved at): the second was resolved first
        ('"kept 1"', "2026-11-20 10:00:00"),
        ('"kept 2"', "2026-11-19 10:00:00"),
        ('"kept 3"', None),
    ]
    insert = text(
        "INSERT INTO server_conflict (change_id, entity, row_id, organization_id, field,"
        " server_value, incoming_value, server_by, incoming_by, at, resolved, resolved_by,"
        " resolved_at) VALUES (:change_id, 'organization', :org, :org, 'region', :kept,"
        " '\"lost\"', 'alice', 'bob', '2026-11-18 10:00:00', :resolved, :by, :resolved_at)"
    )
    with engine.begin() as connection:
        for n, (kept, resolved_at) in enumerate(rows, start=1):
            connection.execute(
                insert,
                {
                    "change_id": f"c-{n}",
                    "org": ORG,
                    "kept": kept,
                    "resolved": resolved_at is not None,
                    "by": "sun" if resolved_at else None,
                    "resolved_at": resolved_at,
                },
            )

    db.upgrade(engine)

    with db.sessions(engine)() as session:
        found = {
            c.change_id: (c.resolution_seq, c.resolution, c.resolved_value)
            for c in session.scalars(select(Conflict))
        }
        page = resolutions_page(session, None, 0, 10)
    engine.dispose()
    assert found == {
        "c-1": (2, "theirs", "kept 1"),
        "c-2": (1, "theirs", "kept 2"),
        "c-3": (None, None, None),
    }
    assert [r["change_id"] for r in page["resolutions"]] == ["c-2", "c-1"]
    assert page["cursor"] == 2


def test_two_resolutions_at_once_are_serialised_and_the_second_hears_the_first(
    client: TestClient, engine: Engine, push: Push
) -> None:
    import threading

    from qclinic.server.accounts import Caller
    from qclinic.server.conflicts import ResolutionNumbers

    named = _setup(client, engine, push)
    root = Caller(user_id=2, name="root", role="admin", device="t")
    factory = db.sessions(engine)
    answers: list[list[dict[str, Any]]] = []

    def second() -> None:
        with factory() as session:
            wanted = named | {"resolution": "mine", "value": None, "key": "k-2"}
            answers.append(record_resolutions(session, root, [wanted]))

    with factory() as first:  # holds the counter's lock, its resolution not committed yet
        numbers = ResolutionNumbers(first)
        conflict = first.scalars(
            select(Conflict).where(Conflict.change_id == named["change_id"])
        ).one()
        numbers.settle(conflict, "alice", "theirs", conflict.server_value, "k-1")
        first.flush()
        racing = threading.Thread(target=second)
        racing.start()
        racing.join(timeout=0.5)
        assert racing.is_alive()  # it queues behind the lock instead of reading "open"
        first.commit()
    racing.join(timeout=30)

    assert not racing.is_alive()
    ((answer,),) = answers
    assert (answer["outcome"], answer["resolved_by"], answer["key"]) == ("already", "alice", "k-1")
    row = _row(engine, named["change_id"])
    assert (row.resolution, row.resolution_key, row.resolution_seq) == ("theirs", "k-1", 1)
