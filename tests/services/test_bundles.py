"""BundleService: an export carries what a push would send; an import applies what cannot lose
anything, in one transaction announced with ``Origin.SYNC``, and reports the rest as conflicts."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from qclinic.core.catalogue import text
from qclinic.errors import UserError
from qclinic.services import ChangeEvent, Origin, Services
from qclinic.services.sync import SYNC_DEVICE
from qclinic.storage.models import ChangeLog, Organization

ORG = "01a00000-0000-7000-8000-00000000b001"


def _created(name: str = "Bundled Co", **fields: object) -> dict[str, Any]:
    return {
        "change_id": "other-device:7",
        "entity": "organization",
        "row_id": ORG,
        "organization_id": ORG,
        "base_revision": 0,
        "fields": {"name": name, "region": "Tongling", "notes": "", **fields},
        "deleted": False,
    }


def _log_count(services: Services) -> int:
    with services.database.read_session() as session:
        return int(session.scalar(select(func.count()).select_from(ChangeLog)) or 0)


def test_export_carries_the_pending_changes_of_the_chosen_organizations(
    services: Services,
) -> None:
    first = services.organizations.create("One Co", region="Tongling")
    second = services.organizations.create("Two Co", region="Hefei")

    everything = services.bundles.export_changes()
    only_second = services.bundles.export_changes([second.id])

    assert [c["row_id"] for c in everything] == [first.id, second.id]
    assert everything == services.sync.pending_changes().changes  # the push's own changes
    assert [c["row_id"] for c in only_second] == [second.id]
    assert services.sync.pending_count() == 2  # exporting marks nothing pushed


def test_an_export_of_one_organization_carries_the_chain_its_membership_names(
    services: Services,
) -> None:
    from qclinic.core.vocabulary import ChainRole
    from qclinic.storage.models import Chain, ChainMember

    member = services.organizations.create("Member Co", region="Tongling")
    other = services.organizations.create("Other Co", region="Hefei")
    with services.organizations._writing(None) as session:  # the chains service is issue 14's
        chain, unrelated = Chain(name="Copper chain"), Chain(name="Another chain")
        session.add_all([chain, unrelated])
        session.flush()
        for organization, in_chain in ((member, chain), (other, unrelated)):
            role = ChainRole.CHAIN_LEADER
            link = ChainMember(chain_id=in_chain.id, organization_id=organization.id, role=role)
            session.add(link)
        session.flush()
        chain_id = chain.id

    exported = services.bundles.export_changes([member.id])

    assert [(c["entity"], c["organization_id"]) for c in exported] == [
        ("organization", member.id),
        ("chain", chain_id),
        ("chain_member", member.id),
    ]


def test_an_import_applies_once_announces_sync_and_is_never_pushed_back(
    services: Services, events: list[ChangeEvent]
) -> None:
    source = object()

    result = services.bundles.apply([_created()], source=source)

    assert (result.applied, result.unchanged, result.conflicts) == (1, 0, [])
    with services.database.read_session() as session:
        stored = session.get(Organization, ORG)
        assert stored is not None and stored.name == "Bundled Co"
        devices = set(session.scalars(select(ChangeLog.device_id).where(ChangeLog.row_id == ORG)))
    assert devices == {SYNC_DEVICE}
    assert events == [ChangeEvent("organization", (ORG,), Origin.SYNC)]
    assert events[0].source is source
    assert services.sync.pending_count() == 0

    logged = _log_count(services)
    again = services.bundles.apply([_created()])

    assert (again.applied, again.unchanged, again.conflicts) == (0, 1, [])
    assert _log_count(services) == logged  # nothing written the second time
    assert len(events) == 1


def test_a_local_edit_not_pushed_is_a_conflict_and_is_kept(
    services: Services, events: list[ChangeEvent]
) -> None:
    services.bundles.apply([_created()])
    services.organizations.update(ORG, name="Renamed here")
    events.clear()
    logged = _log_count(services)
    edit = {**_created("Renamed there"), "change_id": "other-device:9"}

    result = services.bundles.apply([edit])

    assert result.applied == 0
    assert result.conflicts == [
        {
            "change_id": "other-device:9",
            "entity": "organization",
            "row_id": ORG,
            "reason": "local_edit",
        }
    ]
    assert services.organizations.get(ORG).name == "Renamed here"
    assert _log_count(services) == logged and events == []


def test_an_edit_of_a_record_not_here_is_a_conflict(services: Services) -> None:
    edit = {**_created(), "base_revision": 3, "fields": {"notes": "edited"}}

    result = services.bundles.apply([edit])

    assert [c["reason"] for c in result.conflicts] == ["not_here"]
    with services.database.read_session() as session:
        assert session.get(Organization, ORG) is None


def test_a_change_whose_parent_is_missing_commits_and_announces_nothing(
    services: Services, events: list[ChangeEvent]
) -> None:
    orphan = {
        "change_id": "other-device:8",
        "entity": "assessment",
        "row_id": "01a00000-0000-7000-8000-00000000b002",
        "organization_id": "01a00000-0000-7000-8000-00000000b0ff",
        "base_revision": 0,
        "fields": {
            "organization_id": "01a00000-0000-7000-8000-00000000b0ff",
            "title": "Orphan",
            "checklist_id": "nqi-clinic",
            "checklist_version": "1",
        },
        "deleted": False,
    }
    logged = _log_count(services)

    with pytest.raises(UserError) as refused:
        services.bundles.apply([_created(), orphan], label="x.qcbundle")

    assert refused.value.text == text("bundle.import_missing_parent", path="x.qcbundle")
    assert "x.qcbundle" in refused.value.message("zh") and "parent" in refused.value.message("en")
    assert refused.value.message("zh") != refused.value.message("en")
    assert _log_count(services) == logged and events == []
    with services.database.read_session() as session:
        assert session.get(Organization, ORG) is None


def test_an_edit_from_the_synced_base_applies_and_another_base_is_a_conflict(
    services: Services,
) -> None:
    pulled = {
        "entity": "organization",
        "row_id": ORG,
        "organization_id": ORG,
        "revision": 2,
        "fields": {"name": "Pulled Co", "region": "Tongling", "notes": ""},
        "deleted": False,
        "seq": 2,
    }
    services.sync.apply_page(ORG, [pulled], 2)
    edit = {**_created(), "base_revision": 2, "fields": {"notes": "audited on site"}}
    stale = {**_created(), "change_id": "other-device:3", "base_revision": 1}
    stale["fields"] = {"region": "Hefei"}

    result = services.bundles.apply([edit, stale])

    assert result.applied == 1
    assert [(c["change_id"], c["reason"]) for c in result.conflicts] == [
        ("other-device:3", "other_base")
    ]
    stored = services.organizations.get(ORG)
    assert (stored.notes, stored.region) == ("audited on site", "Tongling")
    # the imported field is not taken for a local edit: nothing to push, nothing hidden from a pull
    assert services.sync.pending_count() == 0
    assert services.sync.pending_changes().changes == []
