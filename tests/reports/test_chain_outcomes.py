"""The chain report's and ``qclinic portfolio --json``'s outcome totals (issue 17) on the demo:
the demo company's figures in the period, totalled by hand here from the demo's own table
(the other chain companies report none); printed in both languages; a period without figures
leaves the report's data hash what it was before outcomes existed."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from qclinic.core.vocabulary import OutcomeKind
from qclinic.services.demo.outcomes import EVENTS, LEVELS, QUARTERS
from tests.reports.conftest import pdf_text

START, END = date(2025, 1, 1), date(2026, 9, 30)


def _expected(start: date, end: date) -> dict[str, tuple[float | None, float]]:
    """kind → (before, after) from the demo's table: levels first → latest in the period,
    flows summed (one company, so the mean pass rate is its own)."""
    found: dict[str, tuple[float | None, float]] = {}
    for kind, (values, _source) in LEVELS.items():
        inside = [v for q, v in zip(QUARTERS, values, strict=True) if start <= q <= end]
        found[kind.value] = (float(inside[0]) if len(inside) > 1 else None, float(inside[-1]))
    for index, kind, _level, count, _source in EVENTS:
        if start <= QUARTERS[index] <= end:
            before, after = found.get(kind.value, (None, 0.0))
            found[kind.value] = (before, after + count)
    return found


@pytest.fixture(scope="module")
def chain_data(demo: tuple[Any, dict[str, Any], Path]) -> Any:
    from qclinic.services import Services

    database, ids, _folder = demo
    return Services(database).chain_reports.data(ids["chain"], START, END)


def test_the_chain_totals_match_the_demo_table(chain_data: Any) -> None:
    got = {t.kind: (t.before, t.after) for t in chain_data.outcomes}
    assert got == _expected(START, END)
    assert got["pass-rate"] == (96.1, 98.0)
    assert all(t.companies == 1 for t in chain_data.outcomes)


def test_the_section_prints_in_both_languages(chain_data: Any, tmp_path: Path) -> None:
    from qclinic.reports.chain_report import render_chain_report

    for lang, heading, rate in (("zh", "质量成效", "产品合格率"), ("en", "Outcomes", "pass rate")):
        out = tmp_path / f"chain-{lang}.pdf"
        render_chain_report(chain_data, out, lang)
        printed = " ".join(pdf_text(out).split())
        assert heading in printed and rate in printed
        assert "96.1 % → 98 %" in printed


def test_the_companies_column_says_over_how_many_a_change_is_told(
    chain_data: Any, tmp_path: Path
) -> None:
    from dataclasses import replace

    from qclinic.reports.chain_data import OutcomeTotal
    from qclinic.reports.chain_report import render_chain_report

    # three companies report a pass rate, two of them twice: the change is over those two
    mixed = replace(chain_data, outcomes=(OutcomeTotal("pass-rate", 3, 93.0, 94.5, 2),))
    for lang, said in (("zh", "3（其中 2 家前后可比）"), ("en", "3 (change over 2)")):
        out = tmp_path / f"mixed-{lang}.pdf"
        render_chain_report(mixed, out, lang)
        printed = " ".join(pdf_text(out).split())
        assert said in printed and "93 % → 94.5 %" in printed


def test_a_period_without_figures_keeps_the_old_hash(
    demo: tuple[Any, dict[str, Any], Path],
) -> None:
    import hashlib
    from dataclasses import asdict

    from qclinic.reports.data import _round, data_hash
    from qclinic.services import Services

    database, ids, _folder = demo
    data = Services(database).chain_reports.data(ids["chain"], date(2024, 1, 1), date(2024, 6, 30))
    assert data.outcomes == () and data.referrals == 0 and data.referral_lines == ()
    later = ("outcomes", "referrals", "referral_lines")  # the fields added since
    plain = {k: v for k, v in asdict(data).items() if k not in later}

    old = json.dumps(_round(plain), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert data_hash(data) == hashlib.sha256(old.encode("utf-8")).hexdigest()


def test_portfolio_json_totals_outcomes_per_chain_and_in_all(
    demo: tuple[Any, dict[str, Any], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    from qclinic.cli import run

    _database, ids, folder = demo
    args = ["--data-dir", str(folder), "portfolio", "--json"]
    assert run([*args, "--from", START.isoformat(), "--to", END.isoformat()]) == 0
    document = json.loads(capsys.readouterr().out)
    chain = next(c for c in document["chains"] if c["id"] == ids["chain"])
    expected = {
        k: {"companies": 1, "before": b, "after": a, "compared": int(b is not None)}
        for k, (b, a) in _expected(START, END).items()
    }
    assert chain["outcomes"] == expected
    assert document["total"]["outcomes"] == expected  # the demo has one chain
    assert chain["outcomes"][OutcomeKind.STANDARDS.value]["after"] == 1


def test_the_xlsx_summary_lists_the_totals(
    demo: tuple[Any, dict[str, Any], Path], chain_data: Any, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from qclinic.services import Services

    database, _ids, _folder = demo
    out = Services(database).chain_reports.export_xlsx(chain_data, tmp_path / "chain.xlsx", "zh")
    book = load_workbook(out)
    summary = {row[0]: row[1] for row in book.worksheets[0].iter_rows(values_only=True)}
    expected = _expected(START, END)
    before, after = expected["pass-rate"]
    assert summary["产品合格率"] == f"{before:g} % → {after:g} %"
    assert summary["制修订标准"] == f"{expected['standards'][1]:g}"
