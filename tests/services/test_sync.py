"""SyncService: what a push sends, how the server's answer is adopted, and pulled pages —
each committed in one transaction, announced with ``Origin.SYNC``, never pushed back."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from qclinic.services import ChangeEvent, Origin, Services
from qclinic.services.sync import CURSOR_PREFIX, KEY_PUSHED, SYNC_DEVICE
from qclinic.storage.models import ChangeLog, Organization

ORG = "01a00000-0000-7000-8000-00000000f001"


def _pulled(revision: int = 1, **fields: object) -> dict[str, object]:
    return {
        "entity": "organization",
        "row_id": ORG,
        "organization_id": ORG,
        "revision": revision,
        "fields": {"name": "Pulled Co", "region": "Tongling", "notes": "", **fields},
        "deleted": False,
        "seq": revision,
    }


def _stored(services: Services, organization_id: str) -> Organization:
    with services.database.read_session() as session:
        found = session.get(Organization, organization_id)
    assert found is not None
    return found


def test_a_new_record_is_pushed_whole_against_revision_0(services: Services) -> None:
    created = services.organizations.create("鹰潭铜业", region="鹰潭")

    batch = services.sync.pending_changes()

    assert services.sync.pending_count() == 1
    [sent] = batch.changes
    assert sent["entity"] == "organization" and sent["row_id"] == created.id
    assert sent["organization_id"] == created.id and sent["base_revision"] == 0
    assert sent["fields"]["name"] == "鹰潭铜业" and sent["fields"]["region"] == "鹰潭"
    assert "search_key" not in sent["fields"] and "revision" not in sent["fields"]
    assert sent["change_id"].startswith(services.database.device_id + ":")


def test_an_acknowledged_push_leaves_nothing_pending_and_sends_only_later_edits(
    services: Services, events: list[ChangeEvent]
) -> None:
    created = services.organizations.create("Copper Co", region="Tongling")
    batch = services.sync.pending_changes()
    sent = batch.changes[0]
    answer = {
        "change_id": sent["change_id"],
        "outcome": "applied",
        "revision": 1,
        "fields": sent["fields"],
        "deleted": False,
    }

    counts = services.sync.acknowledge(batch, [answer])

    assert counts == {"applied": 1}
    assert services.sync.pending_count() == 0
    assert services.sync.state()[KEY_PUSHED] == str(batch.up_to_seq)
    services.organizations.update(created.id, notes="call first")
    [edit] = services.sync.pending_changes().changes
    assert edit["fields"] == {"notes": "call first"} and edit["base_revision"] == 1


def test_a_conflict_answer_adopts_the_servers_value_without_pushing_it_back(
    services: Services, events: list[ChangeEvent]
) -> None:
    created = services.organizations.create("Copper Co", region="Maanshan")
    batch = services.sync.pending_changes()
    sent = batch.changes[0]
    server_fields = {**sent["fields"], "region": "Wuhu"}
    events.clear()

    services.sync.acknowledge(
        batch,
        [
            {
                "change_id": sent["change_id"],
                "outcome": "conflict",
                "revision": 2,
                "fields": server_fields,
                "deleted": False,
            }
        ],
    )

    assert _stored(services, created.id).region == "Wuhu"
    assert services.sync.pending_count() == 0
    assert [(e.entity, e.ids, e.origin) for e in events] == [
        ("organization", (created.id,), Origin.SYNC)
    ]


def test_a_pulled_page_is_committed_announced_as_sync_and_never_pushed_back(
    services: Services, events: list[ChangeEvent]
) -> None:
    puller = object()

    applied = services.sync.apply_page(ORG, [_pulled()], 7, source=puller)

    assert applied == 1
    stored = _stored(services, ORG)
    assert (stored.name, stored.region) == ("Pulled Co", "Tongling")
    assert services.sync.cursor(ORG) == 7
    assert services.sync.state()[CURSOR_PREFIX + ORG] == "7"
    assert [(e.entity, e.ids, e.origin, e.source) for e in events] == [
        ("organization", (ORG,), Origin.SYNC, puller)
    ]
    with services.database.read_session() as session:
        devices = session.scalars(select(ChangeLog.device_id).where(ChangeLog.row_id == ORG))
        assert list(devices) == [SYNC_DEVICE]
    assert services.sync.pending_count() == 0
    assert services.sync.pending_changes().changes == []


def test_a_pull_keeps_a_local_edit_not_yet_pushed(services: Services) -> None:
    services.sync.apply_page(ORG, [_pulled()], 1)
    services.organizations.update(ORG, region="Hefei")  # local, not pushed yet

    services.sync.apply_page(ORG, [_pulled(2, notes="from the office")], 2)

    stored = _stored(services, ORG)
    assert (stored.region, stored.notes) == ("Hefei", "from the office")
    [edit] = services.sync.pending_changes().changes
    assert edit["fields"] == {"region": "Hefei"} and edit["base_revision"] == 2


def test_a_page_that_cannot_be_applied_commits_and_announces_nothing(
    services: Services, events: list[ChangeEvent]
) -> None:
    orphan = {
        "entity": "site",
        "row_id": "01a00000-0000-7000-8000-00000000f002",
        "organization_id": ORG,
        "revision": 1,
        "fields": {"organization_id": "01a00000-0000-7000-8000-00000000ffff", "name": "Plant"},
        "deleted": False,
        "seq": 2,
    }

    with pytest.raises(IntegrityError):
        services.sync.apply_page(ORG, [_pulled(), orphan], 2)

    with services.database.read_session() as session:
        assert session.get(Organization, ORG) is None
    assert services.sync.cursor(ORG) == 0
    assert events == []
