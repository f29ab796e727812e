"""``qclinic outcomes list --org ID [--json]``, run in-process on a database filled through the
outcomes service: the JSON lists every figure and each kind's change; the table follows --lang;
an unknown company is refused in the chosen language with exit code 2."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from qclinic.cli import run
from qclinic.core.vocabulary import OutcomeKind, StandardLevel
from qclinic.services import Services
from qclinic.services.outcomes import OutcomeFields
from qclinic.storage.startup import open_database


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("outcomes")
    database = open_database(folder / "qclinic.sqlite", attachments_dir=folder / "attachments")
    services = Services(database)
    org = services.organizations.create("铜陵铜箔有限公司").id
    for period, rate in ((date(2025, 3, 31), 96.0), (date(2025, 6, 30), 98.0)):
        services.outcomes.record(org, OutcomeFields(OutcomeKind.PASS_RATE, rate, period))
    services.outcomes.record(
        org,
        OutcomeFields(
            OutcomeKind.STANDARDS,
            1,
            date(2025, 6, 30),
            level=StandardLevel.ASSOCIATION,
            source="团体标准公告",
        ),
    )
    database.dispose()
    return folder, org


def test_json_lists_the_figures_and_their_change(
    filled: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, org = filled
    assert run(["--data-dir", str(folder), "outcomes", "list", "--org", org, "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["organization_id"] == org
    assert [(o["kind"], o["value"], o["period"]) for o in document["outcomes"]] == [
        ("pass-rate", 96.0, "2025-03-31"),
        ("pass-rate", 98.0, "2025-06-30"),
        ("standards", 1.0, "2025-06-30"),
    ]
    assert document["outcomes"][2]["level"] == "association"
    rate = document["changes"][0]
    assert rate["kind"] == "pass-rate" and rate["delta"] == 98.0 - 96.0
    assert rate["previous"]["value"] == 96.0 and rate["latest"]["value"] == 98.0
    assert document["changes"][1]["previous"] is None


def test_table_follows_the_language(
    filled: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, org = filled
    assert run(["--data-dir", str(folder), "outcomes", "list", "--org", org, "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "2025-06-30  产品合格率  98 %" in out
    assert "制修订标准 · 团体标准  1  团体标准公告" in out
    assert run(["--data-dir", str(folder), "outcomes", "list", "--org", org, "--lang", "en"]) == 0
    assert "2025-03-31  Product pass rate  96 %" in capsys.readouterr().out


def test_an_unknown_company_is_refused(
    filled: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _org = filled
    code = run(["--data-dir", str(folder), "--lang", "zh", "outcomes", "list", "--org", "nope"])
    assert code == 2
    assert "没有编号为 nope 的企业" in capsys.readouterr().err
