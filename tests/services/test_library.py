"""LibraryService: checklist workbooks read, installed as new versions, exported and compared —
committed, announced, refused; an assessment stays on the version it was started with."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import text as sql

from qclinic.core.checklists import ChecklistError
from qclinic.core.checklists.workbook_read import read_workbook
from qclinic.core.checklists.workbook_write import write_workbook
from qclinic.core.vocabulary import VisitKind
from qclinic.errors import UserError
from qclinic.services import ChangeEvent, Services
from qclinic.storage.assessment_scoring import load_checklist
from qclinic.storage.database import Database
from qclinic.storage.library import install_builtin_library
from qclinic.storage.repositories import organizations


@pytest.fixture
def library(db: Database) -> Database:
    install_builtin_library(db)
    return db


def _rows(db: Database, checklist_id: str) -> list[tuple[str, str]]:
    with db.read_session() as s:
        found = s.execute(
            sql("SELECT version, origin FROM checklist_version WHERE checklist_id = :c"),
            {"c": checklist_id},
        )
        return sorted((str(v), str(o)) for v, o in found)


def _log_length(db: Database) -> int:
    with db.read_session() as s:
        return int(s.execute(sql("SELECT count(*) FROM change_log")).scalar_one())


def _next_version(services: Services, tmp_path: Path) -> Path:
    """The newest nqi-clinic as a workbook, made 9.0.0 with one question's weight changed."""
    content: dict[str, Any] = copy.deepcopy(services.library.content("nqi-clinic"))
    content["version"] = "9.0.0"
    content["sections"][0]["questions"][0]["weight"] = 7
    path = tmp_path / "nqi-next.xlsx"
    write_workbook(content, path)
    return path


def test_a_workbook_installs_as_a_new_version_and_is_announced(
    library: Database, services: Services, events: list[ChangeEvent], tmp_path: Path
) -> None:
    before = _rows(library, "nqi-clinic")
    path = _next_version(services, tmp_path)
    entry = services.library.import_workbook(path, source="page")
    assert (entry.id, entry.version, entry.origin) == ("nqi-clinic", "9.0.0", "imported")
    assert _rows(library, "nqi-clinic") == sorted([*before, ("9.0.0", "imported")])
    (event,) = events
    assert event.entity == "checklist_version" and len(event.ids) == 1 and event.made_by("page")
    listed = next(e for e in services.library.entries() if e.id == "nqi-clinic")
    assert listed.version == "9.0.0" and listed.versions[0] == "9.0.0"
    assert set(listed.versions) == {v for v, _ in _rows(library, "nqi-clinic")}
    assert [e.version for e in services.library.versions("nqi-clinic")] == list(listed.versions)


def test_a_broken_workbook_commits_and_announces_nothing(
    library: Database, services: Services, events: list[ChangeEvent], tmp_path: Path
) -> None:
    path = _next_version(services, tmp_path)
    book = load_workbook(path)
    book["questions"]["C2"] = "numbr"
    book.save(path)
    reading = services.library.read_workbook(path)
    assert reading.checklist is None and [p.path for p in reading.problems] == ["questions!C2"]
    log = _log_length(library)
    with pytest.raises(ChecklistError) as raised:
        services.library.import_workbook(path)
    assert raised.value.message("en").endswith(
        'questions!C2: unknown type "numbr" (use one of '
        "yes-no, vda, maturity, numeric, single, multi, "
        "text, date, photo, signature)"
    )
    assert "questions!C2：未知的题型“numbr”" in raised.value.message("zh")
    assert events == [] and _log_length(library) == log
    assert ("9.0.0", "imported") not in _rows(library, "nqi-clinic")


def test_the_same_version_with_other_content_is_refused(
    library: Database, services: Services, events: list[ChangeEvent], tmp_path: Path
) -> None:
    path = _next_version(services, tmp_path)
    services.library.import_workbook(path)
    events.clear()
    data, _ = read_workbook(path)
    assert data is not None
    data["title"]["en"] = "Another title"
    write_workbook(data, path)
    with pytest.raises(UserError) as raised:
        services.library.import_workbook(path)
    assert raised.value.message("zh") != raised.value.message("en")
    assert events == []


def test_an_assessment_stays_on_the_version_it_was_started_with(
    library: Database, services: Services, tmp_path: Path
) -> None:
    with library.session() as s:
        organization = organizations.create_organization(s, "吉安电子科技有限公司").id
    old = next(e for e in services.library.entries() if e.id == "nqi-clinic")
    started = services.assessments.start(
        organization,
        checklist_id="nqi-clinic",
        checklist_version=old.version,
        title="2026 质量门诊",
        visit_kind=VisitKind.ONSITE_CLINIC,
        visit_date=date(2026, 3, 12),
    )
    first = services.library.content("nqi-clinic")["sections"][0]["questions"][0]
    services.library.import_workbook(_next_version(services, tmp_path))
    with library.read_session() as s:
        frozen = load_checklist(s, started)
    assert frozen.version == old.version
    assert frozen.question(first["id"]).weight == float(first.get("weight", 1))
    assert services.library.content("nqi-clinic")["version"] == "9.0.0"
    assert services.snapshots.score(started) is not None  # scored against its own version


def test_export_writes_the_stored_version_and_diff_compares_two(
    library: Database, services: Services, tmp_path: Path
) -> None:
    old = services.library.content("nqi-clinic")
    services.library.import_workbook(_next_version(services, tmp_path))
    out = tmp_path / "old.xlsx"
    services.library.export_workbook("nqi-clinic", out, version=old["version"])
    assert read_workbook(out) == (old, [])
    changes = services.library.diff("nqi-clinic", old["version"], "9.0.0")
    question = old["sections"][0]["questions"][0]["id"]
    assert [(c.kind, c.what, c.ident, c.fields) for c in changes] == [
        ("changed", "question", question, ("weight",))
    ]
    with pytest.raises(UserError):
        services.library.diff("nqi-clinic", old["version"], "8.0.0")
