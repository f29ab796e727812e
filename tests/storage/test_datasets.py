"""SPC datasets: migration 0004 keeps older data, values round-trip in bulk, exclusions keep rows."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import func, select

from qclinic.storage import migrate
from qclinic.storage.database import Database
from qclinic.storage.errors import InvalidValue
from qclinic.storage.models import ChangeLog, DatasetKind
from qclinic.storage.repositories import datasets, organizations
from qclinic.storage.schema import HEAD_REVISION, KNOWN_REVISIONS
from qclinic.storage.startup import open_database

PISTON_RINGS = [
    [74.030, 74.002, 74.019, 73.992, 74.008],
    [73.995, 73.992, 74.001, 74.011, 74.004],
    [73.988, 74.024, 74.021, 74.005, 74.002],
]


def test_upgrade_from_the_previous_revision_keeps_data_and_adds_the_tables(db_path: Path) -> None:
    previous = KNOWN_REVISIONS[KNOWN_REVISIONS.index("0004") - 1]
    migrate.upgrade(db_path, previous)
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.execute(
            "INSERT INTO organization (id, name, notes, search_key, created_at, updated_at, "
            "revision) VALUES ('org-1', '某某铜业', '', '某某铜业', '2026-01-01 00:00:00', "
            "'2026-01-01 00:00:00', 1)"
        )
        log_before = connection.execute("SELECT COUNT(*) FROM change_log").fetchone()[0]
    database = open_database(db_path)
    try:
        with closing(sqlite3.connect(db_path)) as connection:
            assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
                HEAD_REVISION
            )
            assert connection.execute("SELECT name FROM organization").fetchall() == [("某某铜业",)]
            assert connection.execute("SELECT COUNT(*) FROM change_log").fetchone()[0] == log_before
        with database.session() as session:
            dataset = datasets.create_dataset(session, "org-1", "外径", subgroup_size=5)
            datasets.add_values(session, dataset.id, datasets.subgroup_rows(PISTON_RINGS))
        with database.read_session() as session:
            assert len(datasets.list_values(session, dataset.id)) == 15
    finally:
        database.dispose()


def _org(db: Database) -> str:
    with db.session() as session:
        return organizations.create_organization(session, "鹰潭某铜材厂").id


def test_round_trip_in_bulk_with_one_change_log_line_per_value(db: Database) -> None:
    org_id = _org(db)
    with db.session() as session:
        dataset = datasets.create_dataset(
            session,
            org_id,
            "Piston ring diameter",
            characteristic="inside diameter",
            unit="mm",
            lsl=73.95,
            usl=74.05,
            target=74.0,
            subgroup_size=5,
        )
        before = session.scalar(select(func.count()).select_from(ChangeLog))
        written = datasets.add_values(session, dataset.id, datasets.subgroup_rows(PISTON_RINGS))
        after = session.scalar(select(func.count()).select_from(ChangeLog))
    assert written == 15 and after - before == 15
    with db.read_session() as session:
        rows = datasets.list_values(session, dataset.id)
        assert [(r.subgroup, r.position) for r in rows[:6]] == [
            (1, 1),
            (1, 2),
            (1, 3),
            (1, 4),
            (1, 5),
            (2, 1),
        ]
        assert [r.value for r in rows[:5]] == PISTON_RINGS[0]
        logged = set(
            session.scalars(select(ChangeLog.row_id).where(ChangeLog.table_name == "dataset_value"))
        )
        assert {r.id for r in rows} == logged
        (summary,) = datasets.list_datasets(session, organization_id=org_id)
        assert (summary.subgroups, summary.values) == (3, 15)
        assert summary.dataset.kind is DatasetKind.VARIABLES
        assert summary.dataset.lsl == 73.95 and summary.dataset.unit == "mm"
        assert datasets.list_datasets(session, search="DIAMETER")
        assert not datasets.list_datasets(session, search="hardness")


def test_exclude_and_include_keep_the_values_and_the_reason(db: Database) -> None:
    org_id = _org(db)
    with db.session() as session:
        dataset = datasets.create_dataset(session, org_id, "外径", subgroup_size=5)
        datasets.add_values(session, dataset.id, datasets.subgroup_rows(PISTON_RINGS))
    with db.session() as session, pytest.raises(InvalidValue, match="why"):
        datasets.exclude_subgroup(session, dataset.id, 2, "  ")
    with db.session() as session:
        assert datasets.exclude_subgroup(session, dataset.id, 2, "换刀 tool change") == 5
    with db.read_session() as session:
        assert datasets.excluded_subgroups(session, dataset.id) == {2: "换刀 tool change"}
        rows = datasets.list_values(session, dataset.id)
        assert len(rows) == 15
        assert all(r.excluded for r in rows if r.subgroup == 2)
        revisions = session.scalars(
            select(ChangeLog.revision).where(
                ChangeLog.row_id == rows[5].id, ChangeLog.operation == "update"
            )
        ).all()
        assert revisions == [2]
    with db.session() as session:
        datasets.include_subgroup(session, dataset.id, 2)
    with db.read_session() as session:
        assert datasets.excluded_subgroups(session, dataset.id) == {}
        assert not any(
            r.excluded or r.exclude_reason for r in datasets.list_values(session, dataset.id)
        )


def test_a_cell_edit_and_bad_input(db: Database) -> None:
    org_id = _org(db)
    with db.session() as session:
        dataset = datasets.create_dataset(session, org_id, "外径", subgroup_size=5)
        datasets.add_values(session, dataset.id, datasets.subgroup_rows(PISTON_RINGS))
    with db.read_session() as session:
        first = datasets.list_values(session, dataset.id)[0]
    with db.session() as session:
        datasets.update_value(session, first.id, value=74.5)
    with db.read_session() as session:
        assert datasets.list_values(session, dataset.id)[0].value == 74.5
    with db.session() as session, pytest.raises(InvalidValue, match="below the upper"):
        datasets.create_dataset(session, org_id, "x", lsl=2.0, usl=1.0)
    with db.session() as session:
        datasets.delete_dataset(session, dataset.id)
    with db.read_session() as session:
        assert datasets.list_datasets(session, organization_id=org_id) == []


def test_ten_thousand_values_are_written_in_one_transaction_and_read_back_in_order(
    db: Database,
) -> None:
    # how fast: benchmarks/bench_spc_large.py (timings are measured there, never asserted here)
    org_id = _org(db)
    rows = [{"subgroup": i + 1, "value": float(i % 17)} for i in range(10_000)]
    with db.session() as session:
        dataset = datasets.create_dataset(session, org_id, "big")
        datasets.add_values(session, dataset.id, rows)
    with db.read_session() as session:
        stored = datasets.list_values(session, dataset.id)
    assert len(stored) == 10_000
    assert [v.value for v in stored[:20]] == [float(i % 17) for i in range(20)]
    assert stored[-1].value == float(9_999 % 17)


def test_search_finds_percent_and_underscore_literally(db: Database) -> None:
    # issue 9, item 8: "%" and "_" typed in the search box were LIKE wildcards
    org_id = _org(db)
    with db.session() as session:
        datasets.create_dataset(session, org_id, "Yield 98% line 1")
        datasets.create_dataset(session, org_id, "bore_dia", characteristic="ID")
        datasets.create_dataset(session, org_id, "Yield line 2", unit="mm")
        datasets.create_dataset(session, org_id, r"path C:\data")
    with db.read_session() as session:

        def names(search: str) -> list[str]:
            return sorted(s.dataset.name for s in datasets.list_datasets(session, search=search))

        assert names("%") == ["Yield 98% line 1"]
        assert names("_") == ["bore_dia"]
        assert names("98%") == ["Yield 98% line 1"]
        assert names("e_d") == ["bore_dia"]
        assert names("d%a") == []
        assert names("\\") == [r"path C:\data"]
        assert names("YIELD") == ["Yield 98% line 1", "Yield line 2"]  # still case-blind
