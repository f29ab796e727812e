"""Resolutions travel (docs/SYNC.md, "Resolutions travel"), in process: a conflict resolved on
one laptop closes the other laptop's copy at its next sync, saying by whom and how; a resolution
made offline waits in the data file across a restart; the first resolution wins and a later one
stays resolved here with both noted; a lead's resolution on the server closes every copy; a
conflict of this computer alone is never sent."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from qclinic.server import db
from qclinic.server.models import Conflict
from qclinic.services import Services
from qclinic.services.conflict_sync import ELSEWHERE, LATE, PENDING, SENT
from qclinic.services.conflicts import ConflictRecord
from qclinic.services.events import ChangeEvent, Origin
from qclinic.storage.startup import open_database
from tests.sync.hub import Hub, Laptop, hub


@pytest.fixture
def two(tmp_path: Path) -> Iterator[tuple[Hub, Laptop, Laptop]]:
    """Laptop A (alice) made an organization; laptop B (bob, assigned it) pulled it; both
    changed its region, A first: B's push lost, and A heard of the conflict at its sync."""
    with hub(tmp_path) as server:
        server.add_user("alice")
        a = server.laptop("a", "alice")
        organization = a.services.organizations.create("Wuhu Alloys", region="Anhui").id
        a.sync()
        server.add_user("bob", "consultant", organization)
        b = server.laptop("b", "bob")
        b.sync()
        a.services.organizations.update(organization, region="Wuhu")
        b.services.organizations.update(organization, region="Maanshan")
        a.sync()
        assert b.sync().conflicts == 1
        a.sync()
        assert a.services.conflicts.open_count() == b.services.conflicts.open_count() == 1
        yield server, a, b


def _only(laptop: Laptop) -> ConflictRecord:
    (kept,) = laptop.services.conflicts.records()
    return kept


def _on_server(server: Hub) -> Conflict:
    with db.sessions(server.engine)() as session:
        (found,) = session.scalars(select(Conflict)).all()
        session.expunge(found)
        return found


def _reopen(server: Hub, laptop: Laptop) -> Laptop:
    """The same data folder opened again, as after quitting and starting the app."""
    path = laptop.services.database.path
    laptop.services.database.dispose()
    services = Services(open_database(path, attachments_dir=path.parent / "att"))
    server._open.append((laptop.client._http, services))  # type: ignore[arg-type]
    return Laptop(services, laptop.client)


def test_a_resolution_on_one_laptop_closes_the_other_copy_at_its_next_sync(
    two: tuple[Hub, Laptop, Laptop],
) -> None:
    server, a, b = two
    b.services.conflicts.resolve(_only(b).id, "mine")
    assert (_only(b).resolution_state, _only(b).resolved_by) == (PENDING, "bob")
    b = _reopen(server, b)  # offline and restarted: the resolution still waits to be sent
    assert b.services.sync.resolutions().pending_count() == 1

    summary = b.sync()

    assert summary.resolutions_sent == 1
    assert _only(b).resolution_state == SENT
    kept = _on_server(server)
    assert (kept.resolved, kept.resolution, kept.resolved_by) == (True, "mine", "bob")
    assert (kept.resolved_value, kept.resolution_key) == ("Maanshan", _only(b).id)
    heard: list[ChangeEvent] = []
    a.services.bus.subscribe(heard.append)

    assert a.sync().closed_elsewhere == 1

    on_a = _only(a)
    assert on_a.resolved and a.services.conflicts.open_count() == 0
    assert (on_a.resolution, on_a.resolved_by, on_a.resolution_state) == ("mine", "bob", ELSEWHERE)
    assert on_a.resolved_value == "Maanshan"
    assert on_a.resolved_at is not None and kept.resolved_at is not None
    assert on_a.resolved_at.replace(tzinfo=None) == kept.resolved_at
    # announced at once: the inbox and the navigation's count follow
    closing = [e for e in heard if e.entity == "sync_conflict" and on_a.id in e.ids]
    assert closing and all(e.origin is Origin.SYNC for e in closing)
    # the values agree too (the resolution's edit went as an ordinary edit)
    assert a.services.organizations.get(kept.row_id).region == "Maanshan"
    # nothing more to send or hear: a second sync changes nothing
    again = a.sync()
    assert (again.resolutions_sent, again.closed_elsewhere) == (0, 0)
    assert b.services.sync.resolutions().pending_count() == 0


def test_the_first_resolution_wins_and_a_later_one_is_kept_here_with_both_noted(
    two: tuple[Hub, Laptop, Laptop],
) -> None:
    server, a, b = two
    a.services.conflicts.resolve(_only(a).id, "theirs")
    b.services.conflicts.resolve(_only(b).id, "merged", "Wuhu / Maanshan")
    a.sync()

    summary = b.sync()  # not an error: b's resolution came second

    assert (summary.resolutions_sent, summary.resolved_first_elsewhere) == (1, 1)
    on_b = _only(b)
    assert (on_b.resolution, on_b.resolved_value, on_b.resolved_by) == (
        "merged",
        "Wuhu / Maanshan",
        "bob",
    )
    assert on_b.resolution_state == LATE and on_b.first_resolution is not None
    assert {k: on_b.first_resolution[k] for k in ("resolution", "resolved_by")} == {
        "resolution": "theirs",
        "resolved_by": "alice",
    }
    kept = _on_server(server)
    assert (kept.resolution, kept.resolved_by) == ("theirs", "alice")
    a.sync()
    on_a = _only(a)
    assert (on_a.resolution, on_a.resolution_state) == ("theirs", SENT)
    assert a.services.conflicts.open_count() == b.services.conflicts.open_count() == 0


def test_a_lead_resolving_on_the_server_closes_every_copy(two: tuple[Hub, Laptop, Laptop]) -> None:
    server, a, b = two
    server.add_user("sun", "admin")
    from fastapi.testclient import TestClient

    with TestClient(server.app, base_url="http://hub") as http:
        token = server.token("sun", "desk")
        answer = http.post(
            f"/v1/conflicts/{_on_server(server).id}/resolve",
            headers={"Authorization": f"Bearer {token}"},
        )
    assert answer.status_code == 200, answer.text
    # a third laptop that first hears of the conflict now hears it resolved
    server.add_user("carol", "consultant", _on_server(server).organization_id)
    c = server.laptop("c", "carol")

    for laptop in (a, b, c):
        laptop.sync()

    assert [_only(laptop).resolved_by for laptop in (a, b, c)] == ["sun"] * 3
    assert {(_only(x).resolution, _only(x).resolution_state) for x in (a, b, c)} == {
        ("theirs", ELSEWHERE)
    }
    assert _only(c).resolved_value == "Wuhu"
    assert sum(x.services.conflicts.open_count() for x in (a, b, c)) == 0


def test_a_conflict_of_this_computer_alone_is_never_sent(two: tuple[Hub, Laptop, Laptop]) -> None:
    _server, a, _b = two
    organization = _only(a).row_id
    a.services.sync.record_edit_conflict("organization", organization, "notes", "typed", "pulled")
    editing = next(c for c in a.services.conflicts.records() if c.reason == "editing")

    a.services.conflicts.resolve(editing.id, "mine")

    assert a.services.conflicts.records()[-1].resolution_state is None
    assert a.services.sync.resolutions().pending() == []
    assert a.sync().resolutions_sent == 0


def test_conflicts_resolved_before_0018_are_told_to_the_server_at_the_next_sync(
    tmp_path: Path,
) -> None:
    import sqlite3
    from contextlib import closing

    from qclinic.storage import migrate

    path = tmp_path / "qclinic.sqlite"
    migrate.upgrade(path, "0017")
    rows = [  # (id, reason, resolved at)
        ("c-server", None, "2026-11-20 10:00:00"),
        ("c-deleted", "deleted", "2026-11-20 10:00:00"),
        ("c-editing", "editing", "2026-11-20 10:00:00"),
        ("c-code", "duplicate_credit_code", "2026-11-20 10:00:00"),
        ("c-open", None, None),
    ]
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.executemany(
            "INSERT INTO sync_conflict (id, change_id, entity, row_id, field, reason, at,"
            " resolved_at, resolution) VALUES (?, ?, 'organization', 'o-1', 'region', ?,"
            " '2026-11-19 10:00:00', ?, ?)",
            [(i, f"d:{i}", reason, at, "theirs" if at else None) for i, reason, at in rows],
        )

    database = open_database(path, attachments_dir=tmp_path / "att")
    try:
        states = dict(database.query("SELECT id, resolution_state FROM sync_conflict"))
    finally:
        database.dispose()
    assert states == {
        "c-server": PENDING,
        "c-deleted": PENDING,
        "c-editing": None,
        "c-code": None,
        "c-open": None,
    }


def test_a_server_without_resolutions_leaves_them_pending_and_the_sync_goes_on(
    two: tuple[Hub, Laptop, Laptop],
) -> None:
    import httpx

    from qclinic.sync.client import SyncClient
    from qclinic.sync.engine import SyncSummary, pull_resolutions, push_resolutions

    _server, _a, b = two
    b.services.conflicts.resolve(_only(b).id, "theirs")
    asked: list[str] = []

    def older_server(request: httpx.Request) -> httpx.Response:
        asked.append(f"{request.method} {request.url.path}")
        return httpx.Response(404, json={"detail": "Not Found"})  # FastAPI's: no such route

    old = SyncClient(
        "http://old",
        http=httpx.Client(base_url="http://old", transport=httpx.MockTransport(older_server)),
    )
    summary = SyncSummary()

    push_resolutions(b.services.sync, old, summary)
    pull_resolutions(b.services.sync, old, summary)

    assert asked == ["POST /v1/conflicts/resolutions", "GET /v1/conflicts/resolutions"]
    assert (summary.resolutions_sent, summary.closed_elsewhere) == (0, 0)
    assert _only(b).resolution_state == PENDING  # sent once the server knows resolutions
    assert b.sync().resolutions_sent == 1
