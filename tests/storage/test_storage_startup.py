"""Start-up: create, open, refuse and migrate database files — never losing or touching work."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from qclinic.errors import DatabaseRefused
from qclinic.storage import migrate
from qclinic.storage.database import Database
from qclinic.storage.errors import (
    DatabaseBusy,
    DatabaseFull,
    DatabaseReadOnly,
    classify_sqlite_error,
)
from qclinic.storage.models import Base, ChangeLog, Organization
from qclinic.storage.repositories import answers, assessments, organizations
from qclinic.storage.schema import HEAD_REVISION, KNOWN_REVISIONS
from qclinic.storage.startup import open_database, probe

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _revision(path: Path) -> str:
    with closing(sqlite3.connect(path)) as connection:
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def _snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def test_known_revisions_match_the_migration_scripts() -> None:
    assert tuple(migrate.script_revisions()) == KNOWN_REVISIONS
    assert KNOWN_REVISIONS[-1] == HEAD_REVISION


def test_a_new_file_is_created_at_head_through_the_migrations(db_path: Path) -> None:
    database = open_database(db_path)
    database.dispose()
    assert _revision(db_path) == HEAD_REVISION
    with closing(sqlite3.connect(db_path)) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_the_migrated_schema_is_exactly_the_models(db: Database) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_an_empty_file_is_created_at_head(db_path: Path) -> None:
    db_path.touch()
    open_database(db_path).dispose()
    assert _revision(db_path) == HEAD_REVISION


def test_up_to_date_database_opens_without_importing_alembic(db: Database) -> None:
    db.dispose()
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from qclinic.storage.startup import open_database
        from qclinic.storage.repositories import organizations
        db = open_database(Path({str(db.path)!r}))
        with db.session() as session:
            organizations.create_organization(session, "Subprocess Ltd")
        print("alembic" in sys.modules, any(m.startswith("alembic") for m in sys.modules))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    assert result.stdout.split() == ["False", "False"]


def test_database_from_a_newer_release_is_refused_and_untouched(db: Database) -> None:
    db.dispose()
    with closing(sqlite3.connect(db.path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = _snapshot(db.path)
    with pytest.raises(DatabaseRefused, match="newer QClinic") as refused:
        open_database(db.path)
    assert str(db.path) in str(refused.value)
    assert "untouched" in str(refused.value)
    assert _snapshot(db.path) == before


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"PK\x03\x04 this is a zip file, not a database" * 20, "not a SQLite database"),
        (b"SQLite format 3\x00" + b"\xde\xad\xbe\xef" * 1024, "damaged"),
        (b"Name,USCC\n" + "某公司,91360000MA35C0PP0A\n".encode() * 50, "not a SQLite database"),
    ],
)
def test_corrupt_or_foreign_files_are_refused_and_untouched(
    db_path: Path, content: bytes, problem: str
) -> None:
    db_path.write_bytes(content)
    before = _snapshot(db_path)
    with pytest.raises(DatabaseRefused, match=problem) as refused:
        open_database(db_path)
    assert str(db_path) in str(refused.value)
    assert "untouched" in str(refused.value)
    assert _snapshot(db_path) == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


def test_another_programs_sqlite_database_is_refused(db_path: Path) -> None:
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY)")
    before = _snapshot(db_path)
    with pytest.raises(DatabaseRefused, match="not made by QClinic"):
        open_database(db_path)
    assert _snapshot(db_path) == before


@pytest.fixture
def rev_0001_copy(db_path: Path) -> Path:
    shutil.copyfile(FIXTURES / "db_rev_0001.sqlite", db_path)
    return db_path


def test_upgrade_from_0001_keeps_the_data_and_fills_search_key(rev_0001_copy: Path) -> None:
    with closing(sqlite3.connect(rev_0001_copy)) as connection:
        rows_before = {
            table: connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("organization", "answer", "change_log", "action", "signature")
        }
        device_before = connection.execute("SELECT value FROM local_state").fetchone()[0]
    assert probe(rev_0001_copy).revision == "0001"

    database = open_database(rev_0001_copy)
    assert _revision(rev_0001_copy) == HEAD_REVISION
    assert database.device_id == device_before
    with closing(sqlite3.connect(rev_0001_copy)) as connection:
        for table, count in rows_before.items():
            # 0006 seals the one signed assessment and logs that seal like any new record
            grown = 1 if table == "change_log" else 0
            assert (
                connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == count + grown
            )
        keys = dict(connection.execute("SELECT name, search_key FROM organization"))
    assert keys["贵溪市某铜材加工厂"] == "贵溪市某铜材加工厂 贵溪市"
    assert (
        keys["Yingtan Copper Rod Co., Ltd."]
        == "yingtan copper rod co., ltd. 91360600ma38prt017 鹰潭市"
    )

    with database.read_session() as session:
        found = organizations.list_organizations(session, search="COPPER ROD")
        assert [org.name for org in found] == ["Yingtan Copper Rod Co., Ltd."]
        assert len(organizations.list_organizations(session, search="鹰潭")) == 2
        signed = assessments.list_assessments(session)[0]
        assert assessments.frozen_checklist(session, signed.id)["id"] == "iso9001-basic"
        assert answers.answer_values(session, signed.id)[("7.1.5", "")]["value"] == "partial"
        assert signed.completed_at is not None and signed.completed_at.tzinfo is not None
    # The new release keeps working on the upgraded data, and logs its changes after the old ones.
    with database.session() as session:
        amendment = assessments.amend_assessment(session, signed.id)
    with database.read_session() as session:
        assert len(answers.answers_by_key(session, amendment.id)) == 3
        last = session.scalars(select(ChangeLog).order_by(ChangeLog.seq.desc())).first()
        assert last is not None and last.seq > rows_before["change_log"]
    database.dispose()


def test_a_timestamped_backup_is_made_before_migrating(rev_0001_copy: Path, data_dir: Path) -> None:
    original = rev_0001_copy.read_bytes()
    open_database(rev_0001_copy).dispose()
    (backup,) = (data_dir / "backups").iterdir()
    assert backup.name.startswith("qclinic-") and backup.name.endswith("-rev0001.sqlite")
    assert _revision(backup) == "0001"
    with closing(sqlite3.connect(backup)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        names = {row[0] for row in connection.execute("SELECT name FROM organization")}
    assert "贵溪市某铜材加工厂" in names
    assert len(original) > 0


def test_backup_includes_content_still_in_the_wal(rev_0001_copy: Path, data_dir: Path) -> None:
    keeper = sqlite3.connect(rev_0001_copy)  # stays open: the WAL is not checkpointed away
    keeper.execute("PRAGMA wal_autocheckpoint=0")
    with keeper:
        keeper.execute("UPDATE organization SET notes = 'only in the WAL'")
    try:
        open_database(rev_0001_copy).dispose()
    finally:
        keeper.close()
    (backup,) = (data_dir / "backups").iterdir()
    with closing(sqlite3.connect(backup)) as connection:
        notes = {row[0] for row in connection.execute("SELECT notes FROM organization")}
    assert notes == {"only in the WAL"}


def test_opening_at_head_makes_no_backup(db: Database, data_dir: Path) -> None:
    db.dispose()
    open_database(db.path).dispose()
    assert not (data_dir / "backups").exists() or not any((data_dir / "backups").iterdir())


def test_a_locked_database_gives_a_friendly_error(db: Database) -> None:
    impatient = Database(db.path, busy_timeout_ms=50)
    holder = sqlite3.connect(db.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseBusy, match="locked"), impatient.session() as session:
            organizations.create_organization(session, "Blocked")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        impatient.dispose()
    with db.read_session() as session:
        assert session.execute(select(func.count()).select_from(Organization)).scalar_one() == 0


def test_a_full_disk_gives_a_friendly_error_and_loses_nothing(db: Database) -> None:
    with db.session() as session:
        organizations.create_organization(session, "Saved before the disk filled")

    @event.listens_for(db.engine, "connect")
    def _cap_size(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    with pytest.raises(DatabaseFull, match="disk is full"), db.session() as session:
        organizations.create_organization(session, "Too big", notes="x" * 200_000)
    event.remove(db.engine, "connect", _cap_size)
    with db.read_session() as session:
        names = [org.name for org in organizations.list_organizations(session)]
    assert names == ["Saved before the disk filled"]


def test_read_only_and_bug_errors_are_told_apart(db: Database) -> None:
    db.dispose()
    with closing(sqlite3.connect(f"{db.path.as_uri()}?mode=ro", uri=True)) as connection:
        with pytest.raises(sqlite3.OperationalError) as read_only:
            connection.execute("INSERT INTO local_state VALUES ('k', 'v')")
        with pytest.raises(sqlite3.OperationalError) as our_bug:
            connection.execute("SELECT no_such_column FROM local_state")
    assert isinstance(classify_sqlite_error(read_only.value, db.path), DatabaseReadOnly)
    assert classify_sqlite_error(our_bug.value, db.path) is None


def test_a_failed_upgrade_rolls_back_completely(rev_0001_copy: Path, data_dir: Path) -> None:
    # A dangling reference the upgrade's final foreign_key_check will catch, after 0002 has
    # already added and filled its column inside the transaction.
    with closing(sqlite3.connect(rev_0001_copy)) as connection, connection:
        connection.execute(
            "INSERT INTO site (id, organization_id, name, address, created_at, updated_at,"
            " revision) VALUES ('dangling', 'no-such-organization', 'x', '', '2024-01-01',"
            " '2024-01-01', 1)"
        )
    with pytest.raises(migrate.ForeignKeyViolation):
        open_database(rev_0001_copy)
    assert _revision(rev_0001_copy) == "0001"
    with closing(sqlite3.connect(rev_0001_copy)) as connection:
        columns = {row[1] for row in connection.execute("PRAGMA table_info(organization)")}
    assert "search_key" not in columns
    assert len(list((data_dir / "backups").iterdir())) == 1


def test_closing_the_database_folds_the_wal_into_the_file(db: Database) -> None:
    with db.session() as session:
        organizations.create_organization(session, "Acme")
    assert Path(f"{db.path}-wal").exists()
    db.dispose()
    assert not Path(f"{db.path}-wal").exists()
    with closing(sqlite3.connect(f"{db.path.as_uri()}?mode=ro", uri=True)) as connection:
        assert connection.execute("SELECT name FROM organization").fetchall() == [("Acme",)]
