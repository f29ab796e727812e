"""The checklist library in the database: installed at start-up, versions kept, imports checked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from qclinic import paths
from qclinic.core import checklists
from qclinic.core.checklists import BUILTIN_IDS
from qclinic.errors import UserError
from qclinic.storage import library
from qclinic.storage.models import ChangeLog, ChecklistVersion
from qclinic.storage.startup import open_database


@pytest.fixture
def database(tmp_path: Path):
    db = open_database(tmp_path / "library.sqlite", attachments_dir=tmp_path / "att")
    yield db
    db.dispose()


def test_new_database_holds_the_builtin_library(database) -> None:
    assert library.install_builtin_library(database) == len(BUILTIN_IDS)
    entries = library.list_library(database)
    assert [e.id for e in entries] == list(BUILTIN_IDS)
    assert all(e.origin == "builtin" and e.questions >= 15 for e in entries)
    with database.read_session() as session:
        logged = session.query(ChangeLog).filter_by(table_name="checklist_version").count()
    assert logged == len(BUILTIN_IDS)  # library rows are records too: they sync


def test_second_start_does_no_work(database) -> None:
    library.install_builtin_library(database)
    assert library.install_builtin_library(database) == 0


def test_a_new_version_is_added_and_the_old_kept(database, tmp_path: Path) -> None:
    folder = tmp_path / "checklists"
    shutil.copytree(paths.builtin_checklists_dir(), folder)
    library.install_builtin_library(database, folder)
    spc = folder / "spc.yaml"
    old = checklists.load_file(spc).version
    spc.write_text(
        spc.read_text(encoding="utf-8").replace(f'version: "{old}"', 'version: "9.0.0"', 1)
    )
    assert library.install_builtin_library(database, folder) == 1
    assert next(e for e in library.list_library(database) if e.id == "spc").version == "9.0.0"
    with database.read_session() as session:
        versions = {
            v for (v,) in session.query(ChecklistVersion.version).filter_by(checklist_id="spc")
        }
        assert versions == {old, "9.0.0"}
        assert library.checklist_content(session, "spc", old)["version"] == old
        assert library.checklist_content(session, "spc")["version"] == "9.0.0"


def test_import_refuses_changed_content_under_the_same_version(database, tmp_path: Path) -> None:
    source = Path(__file__).parents[1] / "core" / "fixtures" / "generic-mini.yaml"
    copy = tmp_path / "generic-mini.yaml"
    shutil.copy(source, copy)
    entry = library.import_checklist(database, copy)
    assert (entry.id, entry.version, entry.origin) == ("generic-mini", "2.1.0", "imported")
    library.import_checklist(database, copy)  # the same content again: nothing to do
    copy.write_text(copy.read_text(encoding="utf-8").replace("体系", "体系管理"), encoding="utf-8")
    with pytest.raises(UserError, match="raise the version number"):
        library.import_checklist(database, copy)


def test_unknown_checklist_is_a_user_error(database) -> None:
    with database.read_session() as session, pytest.raises(UserError, match="no checklist"):
        library.checklist_content(session, "nope")


def test_assessments_on_the_old_iso9001_version_keep_their_ids_and_scoring(database) -> None:
    """Version 1.1.0 renamed the ISO 9001 ids (9.2.1 → C9-4) and wrote two thirds exactly; an
    assessment started on 1.0.0 (the shipped file, kept as a fixture) keeps its frozen copy."""
    from qclinic.storage.assessment_scoring import score_assessment
    from qclinic.storage.repositories import answers, assessments, organizations

    old_file = Path(__file__).parent / "fixtures" / "iso9001-2015-v1.0.0" / "iso9001-2015.yaml"
    library.install_builtin_library(database)
    library.import_checklist(database, old_file)
    with database.session() as session:
        org = organizations.create_organization(session, "鹰潭某铜材厂")
        started = {}
        for version in ("1.0.0", "1.1.0"):
            content = library.checklist_content(session, "iso9001-2015", version)
            assessment = assessments.start_assessment(
                session, org.id, "iso9001-2015", version, content, f"ISO {version}"
            )
            checklist = checklists.from_frozen(content)
            c7 = [q.id for q in checklist.section("C7").all_questions() if q.na_allowed]
            for question in checklist.questions():
                na = question.id in c7[:4]  # 8 of the 12 questions of clause 7 evaluated
                answers.save_answer(session, assessment.id, question.id, "yes", is_na=na)
            started[version] = (assessment.id, checklist)
    with database.read_session() as session:
        old = score_assessment(session, started["1.0.0"][0])
        new = score_assessment(session, started["1.1.0"][0])
    assert started["1.0.0"][1].has_question("9.2.1") and started["1.1.0"][1].has_question("C9-4")
    assert ("9.2.1", "") in old.question_scores and ("C9-4", "") in new.question_scores
    assert old.grade is None  # as it always scored: 0.67 refuses 8 of 12 (its text says so now)
    assert "8 of 12 questions evaluated (66.7%; at least 67% needed)" in old.trace[-1].message.en
    assert new.grade == "A"  # two thirds, exactly
    assert next(e for e in library.list_library(database) if e.id == "iso9001-2015").version == (
        "1.1.0"
    )
