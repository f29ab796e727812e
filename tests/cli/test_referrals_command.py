"""``qclinic providers list`` and ``qclinic referrals list [--org ID]``, run in-process on a data
folder whose providers and referrals were written through the services."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from qclinic.cli import run
from qclinic.core.vocabulary import NqiCategory, ProviderKind, ReferralStatus
from qclinic.services import Services
from qclinic.storage.startup import open_database


@pytest.fixture
def folder(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """Two companies with one case each; two providers; one referral delivered, one requested."""
    data = tmp_path / "data"
    data.mkdir()
    database = open_database(data / "qclinic.sqlite", attachments_dir=data / "attachments")
    services = Services(database)
    ids: dict[str, str] = {}
    ids["a"] = services.organizations.create("赣州稀土永磁有限公司").id
    ids["b"] = services.organizations.create("鹰潭铜箔科技有限公司").id
    case_a = services.cases.register(ids["a"], NqiCategory.METROLOGY, "卡尺过期").id
    case_b = services.cases.register(ids["b"], NqiCategory.INSPECTION_TESTING, "缺型式试验").id
    metrology = services.providers.create(
        "江西省计量测试研究院",
        ProviderKind.METROLOGY,
        region="南昌",
        accreditation_number="CNAS L0001",
    ).id
    ids["lab"] = services.providers.create(
        "江西省检验检测认证总院", ProviderKind.TEST_LABORATORY
    ).id
    ids["metrology"] = metrology
    done = services.referrals.refer(
        metrology, NqiCategory.METROLOGY, "校准卡尺", case_id=case_a, requested_on=date(2026, 3, 2)
    ).id
    services.referrals.move(done, ReferralStatus.ACCEPTED, on=date(2026, 3, 3))
    services.referrals.move(done, ReferralStatus.DELIVERED, on=date(2026, 3, 9))
    ids["done"] = done
    ids["open"] = services.referrals.refer(
        ids["lab"], NqiCategory.INSPECTION_TESTING, "型式试验", case_id=case_b
    ).id
    database.dispose()
    return data, ids


def _run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str]:
    code = run(["--data-dir", str(data), *args])
    out, _err = capsys.readouterr()
    return code, out


def _json(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> dict[str, Any]:
    code, out = _run(capsys, data, *args, "--json")
    assert code == 0
    answer: dict[str, Any] = json.loads(out)
    return answer


def test_providers_list_gives_each_provider_with_its_referrals(
    folder: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    data, ids = folder
    listing = _json(capsys, data, "providers", "list")
    assert listing["kind"] == "providers" and listing["count"] == 2
    by_id = {row["id"]: row for row in listing["rows"]}
    assert by_id[ids["metrology"]]["kind"] == "metrology-calibration"
    assert by_id[ids["metrology"]]["accreditation_number"] == "CNAS L0001"
    assert (by_id[ids["metrology"]]["referrals"], by_id[ids["metrology"]]["delivered"]) == (1, 1)
    assert (by_id[ids["lab"]]["referrals"], by_id[ids["lab"]]["delivered"]) == (1, 0)
    searched = _json(capsys, data, "providers", "list", "--search", "计量")
    assert [row["id"] for row in searched["rows"]] == [ids["metrology"]]

    code, zh = _run(capsys, data, "--lang", "zh", "providers", "list")
    assert code == 0 and "计量校准机构" in zh and "服务机构" in zh.splitlines()[0]
    code, en = _run(capsys, data, "--lang", "en", "providers", "list")
    assert code == 0 and "Metrology / calibration" in en and "Test laboratory" in en


def test_referrals_list_by_organization_with_the_dates_of_each_step(
    folder: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    data, ids = folder
    every = _json(capsys, data, "referrals", "list")
    assert [row["id"] for row in every["rows"]] == [ids["done"], ids["open"]]
    only_a = _json(capsys, data, "referrals", "list", "--org", ids["a"])
    (row,) = only_a["rows"]
    assert (row["id"], row["organization_id"], row["provider_id"]) == (
        ids["done"],
        ids["a"],
        ids["metrology"],
    )
    assert (row["status"], row["requested_on"], row["accepted_on"], row["delivered_on"]) == (
        "delivered",
        "2026-03-02",
        "2026-03-03",
        "2026-03-09",
    )
    assert row["closed_on"] is None and row["nqi_category"] == "metrology"
    code, zh = _run(capsys, data, "--lang", "zh", "referrals", "list", "--org", ids["a"])
    assert code == 0 and "已交付" in zh and "校准卡尺" in zh


def test_an_empty_folder_says_so_in_either_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "empty"
    assert _run(capsys, data, "--lang", "zh", "providers", "list") == (0, "还没有服务机构。\n")
    assert _run(capsys, data, "--lang", "en", "referrals", "list") == (0, "No referrals yet.\n")


def test_a_bundle_of_one_company_carries_its_referrals_providers_and_verifies(
    folder: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data, ids = folder
    bundle = tmp_path / "a.qcbundle"
    code, _out = _run(capsys, data, "bundle", "export", "--org", ids["a"], "--out", str(bundle))
    assert code == 0
    shown = _json(capsys, data, "bundle", "verify", str(bundle))
    assert shown["ok"] is True
    keys = shown["manifest"]["organization_ids"]
    assert sorted(keys) == sorted([ids["a"], "provider-directory"])
