"""Killing the app mid-answering loses no acknowledged answer (product principle 1).

A real QClinic process answers questions through the runner; it is killed with SIGKILL (no
clean-up, no atexit, no flush) after a random number of acknowledged saves. Reopening the database
must show every acknowledged answer with its value.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

DRIVER = Path(__file__).with_name("crash_driver.py")


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
@pytest.mark.parametrize("seed", [1, 2])
def test_sigkill_mid_answering_keeps_every_acknowledged_answer(tmp_path: Path, seed: int) -> None:
    data_dir = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    seeded = subprocess.run(
        [sys.executable, "-m", "qclinic", "--data-dir", str(data_dir), "demo", "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    assessment_id = _start_assessment(data_dir, json.loads(seeded.stdout)["organization"])

    kill_after = random.Random(seed).randint(15, 40)
    process = subprocess.Popen(
        [sys.executable, str(DRIVER), str(data_dir), assessment_id],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    acknowledged: dict[str, int] = {}
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("ACK "):
                _, qid, value = line.split()
                acknowledged[qid] = int(value)  # the last acknowledged value wins
                if len(acknowledged) >= kill_after:
                    break
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        if process.stdout is not None:
            process.stdout.close()
    assert process.returncode == -signal.SIGKILL
    assert len(acknowledged) >= kill_after

    from qclinic.storage.repositories.answers import answer_values
    from qclinic.storage.startup import open_database

    database = open_database(data_dir / "qclinic.sqlite", attachments_dir=data_dir / "attachments")
    with database.read_session() as session:
        rows = answer_values(session, assessment_id)
    database.dispose()
    for qid, value in acknowledged.items():
        assert (qid, "") in rows, f"acknowledged answer {qid} lost"
        assert rows[(qid, "")]["value"] == value, qid


def _start_assessment(data_dir: Path, organization_id: str) -> str:
    from qclinic.storage.library import checklist_content
    from qclinic.storage.repositories.assessments import start_assessment
    from qclinic.storage.startup import open_database

    database = open_database(data_dir / "qclinic.sqlite", attachments_dir=data_dir / "attachments")
    with database.session() as session:
        content = checklist_content(session, "nqi-clinic")
        assessment = start_assessment(
            session, organization_id, "nqi-clinic", content["version"], content, "Crash test"
        )
        assessment_id = assessment.id
    database.dispose()
    return assessment_id
