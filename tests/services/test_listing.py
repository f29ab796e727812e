"""The read methods behind ``qclinic list``: ``records()`` of organizations, assessments,
actions and cases, and ``SyncService.conflicts()``; they read, commit nothing, announce nothing."""

from __future__ import annotations

from datetime import datetime

from qclinic.core.catalogue import text
from qclinic.core.vocabulary import CaseStatus, NqiCategory
from qclinic.services import ChangeEvent, Services
from qclinic.services.sync import CONFLICTS_LOCAL
from qclinic.storage.database import Database


def _count(db: Database, table: str) -> int:
    from sqlalchemy import text as sql

    with db.read_session() as session:
        return int(session.execute(sql(f"SELECT count(*) FROM {table}")).scalar_one())


def test_organizations_are_listed_by_id_and_tombstones_only_when_asked(
    services: Services, events: list[ChangeEvent], db: Database
) -> None:
    kept = services.organizations.create("Tongling Copper Works", region="Tongling")
    gone = services.organizations.create("Anhui Cable", region="Hefei")
    services.organizations.delete(gone.id)
    events.clear()
    log_lines = _count(db, "change_log")

    live = services.organizations.records()
    every = services.organizations.records(include_deleted=True)

    assert [r.id for r in live] == [kept.id]
    assert [r.id for r in every] == sorted([kept.id, gone.id])  # UUIDv7: creation order
    row = live[0]
    assert (row.name, row.status, row.organization_id, row.deleted_at) == (
        "Tongling Copper Works",
        None,
        None,
        None,
    )
    assert row.revision == kept.revision and row.server_revision is None  # never synced
    assert datetime.fromisoformat(row.updated_at).utcoffset() is not None  # explicit UTC
    tombstone = next(r for r in every if r.id == gone.id)
    assert tombstone.deleted_at is not None and tombstone.revision > 1
    assert tombstone.as_dict()["deleted_at"] == tombstone.deleted_at
    # reading commits and announces nothing
    assert events == [] and _count(db, "change_log") == log_lines


def test_cases_and_actions_are_filtered_by_organization(
    services: Services, events: list[ChangeEvent]
) -> None:
    one = services.organizations.create("One Works").id
    two = services.organizations.create("Two Works").id
    case = services.cases.register(one, NqiCategory.METROLOGY, "CMM readings scatter")
    services.cases.register(two, NqiCategory.METROLOGY, "Gauge overdue")
    action = services.actions.create(one, "Recalibrate the CMM", case_id=case.id)
    dropped = services.actions.create(one, "Buy a new CMM")
    services.actions.delete(dropped.id)
    events.clear()

    cases = services.cases.records(organization_id=one)
    assert [(r.id, r.name, r.status) for r in cases] == [
        (case.id, "CMM readings scatter", CaseStatus.REGISTERED.value)
    ]
    assert len(services.cases.records()) == 2
    assert [r.id for r in services.actions.records(organization_id=one)] == [action.id]
    assert [r.id for r in services.actions.records(include_deleted=True)] == [
        action.id,
        dropped.id,
    ]
    assert services.actions.records(organization_id=two) == []
    assert services.assessments.records(organization_id=one) == []
    assert all(r.organization_id == one for r in services.actions.records(include_deleted=True))
    assert events == []


def test_a_desktop_that_never_synced_keeps_no_conflict_and_says_so(services: Services) -> None:
    known = services.sync.conflicts()
    assert (known.source, known.conflicts) == (CONFLICTS_LOCAL, [])
    message = text("sync.list_no_conflicts")
    assert message.get("zh") != message.get("en")
    assert message.get("zh") and message.get("en")
