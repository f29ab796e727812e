"""The headless commands as users and scripts run them: real processes, exit codes, output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parents[1] / "core" / "fixtures"


def qclinic(*args: str, data_dir: Path, check: bool = False) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "qclinic", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=check,
    )


def test_checklists_list_json(data_dir: Path) -> None:
    result = qclinic("checklists", "list", "--json", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows] == [
        "nqi-clinic",
        "iso9001-2015",
        "apqp",
        "msa",
        "spc",
        "supplier-4level",
        "vda63-process",
    ]


def test_checklists_show_json_has_the_full_structure(data_dir: Path) -> None:
    result = qclinic("checklists", "show", "vda63-process", "--json", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    p6 = next(s for s in data["sections"] if s["id"] == "P6")
    assert p6["repeat"]["label"]["en"]
    question = p6["sections"][0]["questions"][0]
    assert {"id", "type", "weight", "critical", "text", "guidance"} <= set(question)
    assert question["type"] == "vda" and question["repeated"] is True


def test_validate_exit_codes_and_located_errors(data_dir: Path, tmp_path: Path) -> None:
    good = qclinic("checklists", "validate", str(FIXTURES / "vda-mini.yaml"), data_dir=data_dir)
    assert good.returncode == 0 and "ok" in good.stdout
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nid: broken\nversion: 1\n", encoding="utf-8")
    bad = qclinic("checklists", "validate", str(broken), data_dir=data_dir)
    assert bad.returncode == 2
    assert f"{broken}:3: version:" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_score_json(data_dir: Path, tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    data = {q: 10 for q in ("P2.1", "P2.2", "P2.3", "P5.1", "P5.2", "P5.3")}
    data.update({q: {"Moulding": 10} for q in ("P6.1.1", "P6.1.2", "P6.2.1", "P6.2.2")})
    data["P2.2"] = 4
    answers.write_text(json.dumps(data), encoding="utf-8")
    result = qclinic(
        "score", str(FIXTURES / "vda-mini.yaml"), str(answers), "--json", data_dir=data_dir
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["percent"] == 94.0
    assert out["grade"] == "B"
    assert [t["rule"] for t in out["trace"]] == ["threshold", "critical-at-or-below"]
    assert out["what_if"]["changes"][0]["question"] == "P2.2"
    text = qclinic(
        "score", str(FIXTURES / "vda-mini.yaml"), str(answers), "--lang", "en", data_dir=data_dir
    )
    assert "Raising these 1 answer(s) would lift the grade to A" in text.stdout


def test_score_bad_input_exits_2_with_located_messages(data_dir: Path, tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text('{"P2.1": 7, "P6.1.1": 10}', encoding="utf-8")
    result = qclinic("score", str(FIXTURES / "vda-mini.yaml"), str(answers), data_dir=data_dir)
    assert result.returncode == 2
    assert "answers.json: P2.1: score one of 0, 4, 6, 8, 10" in result.stderr
    assert "answers.json: P6.1.1: answered per process step" in result.stderr
    answers.write_text("{not json", encoding="utf-8")
    result = qclinic("score", "vda63-process", str(answers), data_dir=data_dir)
    assert result.returncode == 2 and "not valid JSON" in result.stderr
    result = qclinic("score", "no-such-checklist", str(answers), data_dir=data_dir)
    assert result.returncode == 2 and "no checklist with the id" in result.stderr
    assert "Traceback" not in result.stderr


def test_demo_seeds_once_and_prints_ids(data_dir: Path) -> None:
    first = qclinic("demo", "--json", data_dir=data_dir)
    assert first.returncode == 0, first.stderr
    ids = json.loads(first.stdout)
    assert len(ids["assessments"]) == 2 and ids["completed_assessment"] in ids["assessments"]
    assert len(ids["findings"]) >= 4 and len(ids["cases"]) == 3 and len(ids["actions"]) >= 5
    again = qclinic("demo", "--json", data_dir=data_dir)
    assert again.returncode == 0
    assert json.loads(again.stdout)["organization"] == ids["organization"]
    assert (data_dir / "qclinic.sqlite").exists()


def test_demo_assessments_score_as_designed(data_dir: Path) -> None:
    ids = json.loads(qclinic("demo", "--json", data_dir=data_dir, check=True).stdout)
    from qclinic import paths
    from qclinic.storage.assessment_scoring import score_assessment
    from qclinic.storage.repositories.assessments import get_assessment
    from qclinic.storage.startup import open_database

    paths.set_data_dir(data_dir)
    database = open_database()
    with database.read_session() as session:
        earlier, current = (score_assessment(session, i) for i in ids["assessments"])
        assert get_assessment(session, ids["assessments"][0]).status == "signed"
        assert get_assessment(session, ids["completed_assessment"]).status == "completed"
    database.dispose()
    assert earlier.grade == "C" and current.grade == "B"  # progress a report can show
    assert current.percent is not None and earlier.percent is not None
    assert current.percent > earlier.percent
    assert not [g for g in current.gaps if g.kind != "unanswered"]  # nothing blocks completion


def test_unknown_command_is_a_usage_error(data_dir: Path) -> None:
    result = qclinic("frobnicate", data_dir=data_dir)
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


@pytest.mark.gui
def test_app_starts_creates_the_database_with_the_library_and_quits(data_dir: Path) -> None:
    result = qclinic("--quit-after-start", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    import sqlite3

    with sqlite3.connect(data_dir / "qclinic.sqlite") as connection:
        (count,) = connection.execute("SELECT count(*) FROM checklist_version").fetchone()
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    assert count == 7
    from qclinic.storage.schema import HEAD_REVISION

    assert revision == HEAD_REVISION
