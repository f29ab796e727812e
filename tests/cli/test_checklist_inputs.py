"""Bad checklist and answers inputs through the real command line (issue 9, item 8).

Each is a located message and exit 2 — never exit 1 (an internal error) or NaN in JSON output.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from qclinic import paths

NQI = paths.builtin_checklists_dir() / "nqi-clinic.yaml"


def qclinic(
    *args: str, data_dir: Path, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "qclinic", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        cwd=cwd,
    )


def _answers(tmp_path: Path) -> Path:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"QMS.1": 3, "QMS.2": 4, "MET.2": "yes"}), encoding="utf-8")
    return path


@pytest.mark.parametrize("weight", ["1.0e+308", ".nan", ".inf"])
def test_scoring_with_absurd_weights_is_a_located_error(
    data_dir: Path, tmp_path: Path, weight: str
) -> None:
    # 1e308 weights overflowed to inf, inf/inf = NaN: "NaN" in the JSON, or exit 1
    checklist = tmp_path / "nqi-clinic.yaml"
    checklist.write_text(
        NQI.read_text("utf-8").replace("weight: 1.5", f"weight: {weight}"), "utf-8"
    )
    result = qclinic("score", str(checklist), str(_answers(tmp_path)), "--json", data_dir=data_dir)
    assert result.returncode == 2, result.stderr
    assert f"{checklist}:" in result.stderr and "sections[0].weight" in result.stderr
    assert "NaN" not in result.stdout and "Infinity" not in result.stdout


def test_deeply_nested_answers_are_a_located_error(data_dir: Path, tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text('{"QMS.1":\n' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    result = qclinic("score", "nqi-clinic", str(deep), data_dir=data_dir)
    assert result.returncode == 2, result.stderr
    assert f"{deep}:2: nested too deeply" in result.stderr
    assert "Traceback" not in result.stderr


def test_show_never_loads_a_file_outside_the_library_by_id(data_dir: Path, tmp_path: Path) -> None:
    library = paths.builtin_checklists_dir()
    outside = tmp_path / "evil.yaml"
    outside.write_text(NQI.read_text("utf-8").replace("id: nqi-clinic", "id: evil"), "utf-8")
    relative = os.path.relpath(outside.with_suffix(""), library)  # ../../…/evil, from the library
    result = qclinic("checklists", "show", relative, data_dir=data_dir)
    assert result.returncode == 2 and "evil 1.1.0" not in result.stdout
    assert result.stderr.startswith("error: ")


def test_show_accepts_a_checklist_file(data_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "mine.yaml"
    copy.write_text(NQI.read_text("utf-8").replace("id: nqi-clinic", "id: mine"), "utf-8")
    result = qclinic("checklists", "show", str(copy), "--json", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["id"] == "mine"
    rating = [q for s in shown["sections"] for q in s["questions"] if q["id"] == "CA.2"]
    assert rating[0]["statutory"] is True
    by_name = qclinic("checklists", "show", "mine.yaml", data_dir=data_dir, cwd=tmp_path)
    assert by_name.returncode == 0 and "(mine 1.1.0)" in by_name.stdout
    missing = qclinic("checklists", "show", "nope.yaml", data_dir=data_dir, cwd=tmp_path)
    assert missing.returncode == 2 and "nope.yaml: no such file" in missing.stderr


def test_score_text_shows_the_statutory_veto(data_dir: Path, tmp_path: Path) -> None:
    answers = tmp_path / "law.json"
    answers.write_text(
        json.dumps({"QMS.1": 5, "CA.1": "yes", "CA.2": "no", "SE.1": "yes", "SE.2": "no"}), "utf-8"
    )
    result = qclinic("score", "nqi-clinic", str(answers), "--lang", "en", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "2 statutory key item(s) failed: CA.2, SE.2" in result.stdout
    assert "Grade: D  Not up to standard" in result.stdout
