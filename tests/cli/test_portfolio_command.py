"""``qclinic portfolio`` and ``qclinic demo --chains N --organizations M``, run in-process on a
small synthetic province (the benchmark builds the big one: benchmarks/bench_portfolio.py)."""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from qclinic.cli import run
from qclinic.services.demo.province import ANSWERS_PER_ASSESSMENT, ASSESSMENTS_PER_COMPANY

CHAINS, COMPANIES = 3, 45


def _province(folder: Path, seed: int = 5) -> list[str]:
    args = ["--data-dir", str(folder), "demo", "--chains", str(CHAINS)]
    args += ["--organizations", str(COMPANIES), "--seed", str(seed), "--json"]
    return args


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _rows(folder: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(folder / "qclinic.sqlite") as connection:
        return connection.execute(sql).fetchall()


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One province for the module (the tests only read it)."""
    folder = tmp_path_factory.mktemp("portfolio") / "province"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        code = run(_province(folder))
    assert code == 0
    counts = json.loads(printed.getvalue())
    assert counts["organization"] == COMPANIES and counts["chain"] == CHAINS
    return folder


def test_the_province_has_chains_tiers_and_the_benchmark_proportions(province: Path) -> None:
    assert _rows(province, "SELECT COUNT(*) FROM assessment") == [
        (COMPANIES * ASSESSMENTS_PER_COMPANY,)
    ]
    (most,) = _rows(
        province, "SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM answer GROUP BY assessment_id)"
    )[0]
    assert most <= ANSWERS_PER_ASSESSMENT
    # every supplier supplies a member one tier up in the same chain; every chain has a leader
    orphans = _rows(
        province,
        "SELECT COUNT(*) FROM chain_member m WHERE m.role = 'supplier' AND NOT EXISTS ("
        " SELECT 1 FROM chain_member c WHERE c.chain_id = m.chain_id"
        " AND c.organization_id = m.customer_id AND c.tier = m.tier - 1)",
    )
    assert orphans == [(0,)]
    leaders = _rows(
        province, "SELECT COUNT(DISTINCT chain_id) FROM chain_member WHERE role = 'chain-leader'"
    )
    assert leaders == [(CHAINS,)]
    assert _rows(province, "SELECT COUNT(*) FROM change_log") == [(0,)]  # never synced
    names = [name for (name,) in _rows(province, "SELECT name FROM organization")]
    assert len(set(names)) == COMPANIES and all(name.endswith("公司") for name in names)


def test_the_same_seed_gives_the_same_province(
    tmp_path: Path, province: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    again = tmp_path / "again"
    assert _run(capsys, *_province(again))[0] == 0
    query = "SELECT id, name, uscc, cqo_name FROM organization ORDER BY id"
    assert _rows(again, query) == _rows(province, query)
    query = "SELECT id, grade, score_percent, status, completed_at FROM assessment ORDER BY id"
    assert _rows(again, query) == _rows(province, query)
    other = tmp_path / "other"
    assert _run(capsys, *_province(other, seed=6))[0] == 0
    assert _rows(other, "SELECT name FROM organization") != _rows(
        province, "SELECT name FROM organization"
    )


def test_the_province_is_only_written_into_a_folder_without_companies(
    province: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = _run(capsys, "--lang", "en", *_province(province))
    assert code == 2 and "already has 45 companies" in err
    assert _rows(province, "SELECT COUNT(*) FROM organization") == [(COMPANIES,)]


def test_portfolio_json_has_the_issue_shape_and_counts_companies_once(
    province: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, "--data-dir", str(province), "portfolio", "--json")
    assert code == 0, err
    figures = json.loads(out)
    assert len(figures["chains"]) == CHAINS
    for chain in [*figures["chains"], figures["total"]]:
        assert set(chain) >= {
            "id", "name", "companies", "grades", "coverage", "cqo_appointed", "services",
            "problems", "actions",
        }  # fmt: skip
        assert set(chain["grades"]) == {"A", "B", "C", "D", "ungraded"}
        assert set(chain["coverage"]) == {"iso9001", "apqp", "msa", "spc"}
        assert all(c["of"] == chain["companies"] for c in chain["coverage"].values())
        assert set(chain["services"]) == {
            "visits",
            "assessments",
            "cases",
            "referrals",
            "referrals_by_field",
        }
        assert set(chain["problems"]) >= {"received", "solved", "by_field"}
        assert set(chain["actions"]) >= {"open", "overdue"}
    members = _rows(province, "SELECT COUNT(DISTINCT organization_id) FROM chain_member")
    assert figures["total"]["companies"] == members[0][0] == COMPANIES
    for chain in figures["chains"]:
        suppliers = _rows(
            province,
            "SELECT COUNT(*) FROM chain_member WHERE role = 'supplier' AND chain_id = '"
            + chain["id"]
            + "'",
        )
        assert sum(chain["grades"].values()) == suppliers[0][0]
    one = figures["chains"][0]
    code, out, _err = _run(
        capsys, "--data-dir", str(province), "portfolio", "--chain", one["id"], "--json"
    )
    only = json.loads(out)
    assert [c["id"] for c in only["chains"]] == [one["id"]]
    assert only["total"]["companies"] == one["companies"]


def test_portfolio_table_has_two_header_lines_and_refuses_bad_dates(
    province: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = _run(capsys, "--data-dir", str(province), "--lang", "en", "portfolio",
                           "--from", "2025-01-01", "--to", "2025-12-31")  # fmt: skip
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Period 2025-01-01 to 2025-12-31")
    assert lines[1].startswith("产业链") and lines[2].startswith("Chain")
    assert lines[-1].startswith("Total (each company once)")
    assert len(lines) == 3 + CHAINS + 1
    code, _out, err = _run(capsys, "--data-dir", str(province), "--lang", "en", "portfolio",
                           "--from", "2025-13-01")  # fmt: skip
    assert code == 2 and "YYYY-MM-DD" in err
    code, _out, err = _run(capsys, "--data-dir", str(province), "--lang", "zh", "portfolio",
                           "--from", "2026-02-01", "--to", "2026-01-01")  # fmt: skip
    assert code == 2 and "晚于" in err


def test_the_province_fills_the_summary_and_a_rebuild_changes_no_figure(
    province: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The province writes no change log: its build fills the portfolio's summary itself."""
    assert _rows(province, "SELECT COUNT(*) FROM portfolio_summary") == [(COMPANIES,)]
    watermark = _rows(province, "SELECT value FROM local_state WHERE key = 'portfolio.summary'")
    assert (
        json.loads(watermark[0][0])["seq"]
        == _rows(province, "SELECT COALESCE(MAX(seq), 0) FROM change_log")[0][0]
    )
    code, kept, err = _run(capsys, "--data-dir", str(province), "portfolio", "--json")
    assert code == 0, err
    code, rebuilt, err = _run(
        capsys, "--data-dir", str(province), "portfolio", "--json", "--rebuild-summary"
    )
    assert code == 0, err
    assert json.loads(rebuilt) == json.loads(kept)
