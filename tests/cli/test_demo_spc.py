"""``qclinic demo`` fills the SPC / MSA workspace: a control chart with a shift, a gage R&R
study and attribute data, stored once, that read like a real visit."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from qclinic.core.spc.analysis import ChartSettings
from qclinic.services import Services
from qclinic.services.demo import seed
from qclinic.storage.startup import open_database


def test_the_demo_command_stores_the_spc_and_msa_datasets_once(tmp_path: Path) -> None:
    def demo() -> dict:
        done = subprocess.run(
            [sys.executable, "-m", "qclinic", "--data-dir", str(tmp_path), "demo", "--json"],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    first = demo()
    assert set(first["datasets"]) == {"ring", "gage", "defects"}
    assert demo()["datasets"] == first["datasets"]  # a second run adds nothing
    database = open_database(tmp_path / "qclinic.sqlite")
    try:
        shown = Services(database).datasets.summaries(first["organization"])
    finally:
        database.dispose()
    assert [(s.dataset.name, s.dataset.kind, s.subgroups, s.values) for s in shown] == [
        ("活塞环内径", "variables", 40, 200),
        ("内径量表 R&R（MC-03）", "gage-study", 90, 90),
        ("漆包线针孔不良", "attributes", 25, 25),
    ]


def test_the_demo_data_tells_the_story_of_a_visit(tmp_path: Path) -> None:
    database = open_database(tmp_path / "q.sqlite", attachments_dir=tmp_path / "att")
    try:
        ids = seed(database, lang="en", spc=True)["datasets"]
        analyses = Services(database).analyses
        settings = ChartSettings(chart="xbar-r", phase1=(1, 25), lsl=73.95, usl=74.05)
        _, ring = analyses.run(ids["ring"], settings)
        flagged = {v["point"] for v in ring.to_dict()["charts"][0]["violations"]}
        assert flagged and min(flagged) > 30  # the worn tool after subgroup 30, nothing before
        assert ring.capability is not None and ring.capability.indices["cpk"] > 1.33
        _, defects = analyses.run(ids["defects"], ChartSettings(chart="p"))
        assert {v["point"] for v in defects.to_dict()["charts"][0]["violations"]} == {17}
        gage = analyses.load(ids["gage"]).data
        assert sorted(set(gage.operators)) == ["Li", "Wang", "Zhang"]  # named in the language
        study = analyses.gage(gage, tolerance=8.0)
        assert (study["parts"], study["operators"], study["trials"]) == (10, 3, 3)
        assert 10 < study["percent_study_var"]["grr"] < 30  # conditionally acceptable
        assert study["ndc"] >= 5
    finally:
        database.dispose()
