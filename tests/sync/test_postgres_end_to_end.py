"""Two laptops synced through the real ``qclinic-server serve`` process on PostgreSQL.

One test, end to end (the others in tests/sync run on the server's SQLite default; the server's
push, pull, merge, migration and cursor tests run on both backends in process, tests/server):
``init`` and ``serve`` take ``--database-url postgresql+psycopg://…``, ``users add`` too, and
every desktop step is the real ``qclinic`` command line.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from qclinic.core.vocabulary import VisitKind
from qclinic.server import db
from qclinic.server.models import Change, Conflict, Record
from tests.sync.conftest import Server, login, running_server, sync
from tests.sync.test_end_to_end import local, local_rows


@pytest.fixture(scope="module")
def pg_server(tmp_path_factory: pytest.TempPathFactory, postgres_server: str) -> Iterator[Server]:
    from tests.postgres import drop_database, fresh_database

    url = fresh_database(postgres_server)
    try:
        with running_server(tmp_path_factory.mktemp("pg-server"), url) as started:
            yield started
    finally:
        drop_database(url)


def test_two_laptops_sync_an_assessment_and_merge_edits_through_postgresql(
    pg_server: Server, tmp_path: Path
) -> None:
    pg_server.add_user("alice", "consultant")
    a, b = tmp_path / "laptop-a", tmp_path / "laptop-b"
    login(pg_server, a, "alice")
    login(pg_server, b, "alice")
    with local(a) as services:
        from qclinic.storage.library import install_builtin_library

        install_builtin_library(services.database)
        organization = services.organizations.create("Tongling Copper Works", region="Tongling").id
        nqi = next(
            c
            for c in services.assessments.start_choices(organization).checklists
            if c.id == "nqi-clinic"
        )
        assessment = services.assessments.start(
            organization,
            checklist_id=nqi.id,
            checklist_version=nqi.version,
            title="质量门诊",
            visit_kind=VisitKind.ONSITE_CLINIC,
            visit_date=date(2026, 11, 20),
        )
        services.answers.save_answer(assessment, "QMS.1", 3, base_revision=0)

    sync(a)
    sync(b)
    with local(a) as services:
        services.organizations.update(organization, region="Hefei")  # a different field each
    with local(b) as services:
        services.organizations.update(organization, notes="春季复诊")
    sync(a)
    sync(b)
    sync(a)

    answers = "SELECT question_id, value FROM answer WHERE assessment_id = ?"
    assert local_rows(b, answers, assessment) == [("QMS.1", "3")]
    title = "SELECT title FROM assessment WHERE id = ?"
    assert local_rows(b, title, assessment) == [("质量门诊",)]
    edited = "SELECT region, notes FROM organization WHERE id = ?"
    assert local_rows(a, edited, organization) == local_rows(b, edited, organization)
    assert local_rows(a, edited, organization) == [("Hefei", "春季复诊")]
    assert pg_server.database_url is not None
    engine = db.make_engine(pg_server.database_url)
    try:
        with db.read_sessions(engine)() as session:
            outcomes = session.scalars(
                select(Change.result["outcome"].as_string())
                .where(Change.row_id == organization)
                .order_by(Change.position)
            ).all()
            record = session.get(Record, organization)
            conflicts = session.scalars(select(Conflict)).all()
    finally:
        engine.dispose()
    assert outcomes == ["applied", "applied", "merged"]
    assert record is not None and record.revision == 3
    assert record.fields["region"] == "Hefei" and record.fields["notes"] == "春季复诊"
    assert conflicts == []
    assert pg_server.admin("audit", "verify").returncode == 0
