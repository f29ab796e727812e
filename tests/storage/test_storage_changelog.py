"""Record bookkeeping: revision, timestamps, tombstones and the change log, atomically."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from qclinic.storage.database import Database
from qclinic.storage.models import ChangeLog, Organization
from qclinic.storage.repositories import organizations


def _log(db: Database) -> list[ChangeLog]:
    with db.read_session() as session:
        return list(session.scalars(select(ChangeLog).order_by(ChangeLog.seq)))


def _count(db: Database, model: type[Organization] | type[ChangeLog]) -> int:
    with db.read_session() as session:
        return int(session.execute(select(func.count()).select_from(model)).scalar_one())


def test_insert_writes_a_change_log_line_with_the_row(db: Database) -> None:
    with db.session() as session:
        organization = organizations.create_organization(session, "Acme Copper")
    (line,) = _log(db)
    assert (line.table_name, line.row_id, line.operation, line.revision) == (
        "organization",
        organization.id,
        "insert",
        1,
    )
    assert line.device_id == db.device_id
    assert line.changed_at == organization.created_at == organization.updated_at
    assert organization.revision == 1
    assert organization.created_at.tzinfo is UTC


def test_change_log_line_rolls_back_with_its_data_change(db: Database) -> None:
    with pytest.raises(RuntimeError, match="user cancelled"), db.session() as session:
        organizations.create_organization(session, "Never saved")
        # Flushed inside the transaction: both the row and its log line exist here ...
        assert session.execute(select(func.count()).select_from(ChangeLog)).scalar_one() == 1
        assert session.execute(select(func.count()).select_from(Organization)).scalar_one() == 1
        raise RuntimeError("user cancelled")
    # ... and neither survives the rollback.
    assert _count(db, Organization) == 0
    assert _count(db, ChangeLog) == 0


def test_update_bumps_revision_and_updated_at_and_logs_it(db: Database) -> None:
    with db.session() as session:
        organization = organizations.create_organization(session, "Acme")
    created = organization.updated_at
    with db.session() as session:
        updated = organizations.update_organization(session, organization.id, region="南昌市")
    assert updated.revision == 2
    assert updated.updated_at > created
    assert updated.created_at == organization.created_at
    assert [(line.operation, line.revision) for line in _log(db)] == [("insert", 1), ("update", 2)]


def test_saving_unchanged_values_is_not_a_new_revision(db: Database) -> None:
    with db.session() as session:
        organization = organizations.create_organization(session, "Acme", region="南昌市")
    with db.session() as session:
        organizations.update_organization(session, organization.id, region="南昌市")
    with db.read_session() as session:
        assert organizations.get_organization(session, organization.id).revision == 1
    assert len(_log(db)) == 1


def test_soft_delete_keeps_a_tombstone_and_logs_a_delete(db: Database) -> None:
    with db.session() as session:
        organization = organizations.create_organization(session, "Acme")
    with db.session() as session:
        organizations.delete_organization(session, organization.id)
    with db.read_session() as session:
        row = session.get(Organization, organization.id)
        assert row is not None
        assert row.deleted_at is not None
        assert row.deleted_at.tzinfo is UTC
        assert row.revision == 2
        assert organizations.list_organizations(session) == []
    assert [(line.operation, line.revision) for line in _log(db)] == [("insert", 1), ("delete", 2)]


def test_hard_delete_is_still_logged(db: Database) -> None:
    with db.session() as session:
        organization = organizations.create_organization(session, "Acme")
    with db.session() as session:
        session.delete(session.get_one(Organization, organization.id))
    assert [(line.operation, line.revision) for line in _log(db)] == [("insert", 1), ("delete", 2)]


def test_naive_datetimes_are_refused(db: Database) -> None:
    with pytest.raises(Exception, match="naive datetime"), db.session() as session:
        organization = organizations.create_organization(session, "Acme")
        organization.deleted_at = datetime(2024, 1, 1)
        session.flush()


def test_device_id_is_a_uuid7_kept_across_reopen(db: Database, db_path: object) -> None:
    from pathlib import Path

    from qclinic.storage.startup import open_database
    from qclinic.storage.uuid7 import timestamp_ms

    device_id = db.device_id
    assert timestamp_ms(device_id) > 0
    db.dispose()
    assert isinstance(db_path, Path)
    reopened = open_database(db_path)
    assert reopened.device_id == device_id
    reopened.dispose()
