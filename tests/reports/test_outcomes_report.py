"""The assessment report's "Outcomes" section (issue 17): the demo company's figures up to the
visit with their change, checked against the demo's own table; printed in both languages; part
of the data hash only when there are figures; a figure dated after the visit leaves a printed
copy matching, one within the period is reported by verify as progress."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from qclinic.core.vocabulary import OutcomeKind
from qclinic.reports.data import data_hash, load_report_data
from qclinic.services.demo import content
from qclinic.services.demo.outcomes import LEVELS, QUARTERS
from tests.reports.conftest import pdf_text


def _expected_rate() -> tuple[str, str]:
    """The demo's last two pass rates on or before the clinic, formatted here by hand."""
    values, _source = LEVELS[OutcomeKind.PASS_RATE]
    upto = [v for q, v in zip(QUARTERS, values, strict=True) if q <= content.CLINIC_DATE]
    return f"{upto[-2]:g} %", f"{upto[-1]:g} %"


def test_the_report_carries_the_figures_up_to_the_visit(
    demo: tuple[Any, dict[str, Any], Path],
) -> None:
    database, ids, _folder = demo
    data = load_report_data(database, ids["completed_assessment"])
    lines = {line.kind: line for line in data.outcomes}
    previous, latest = _expected_rate()
    rate = lines["pass-rate"]
    assert (rate.previous, rate.latest) == (previous, latest)
    assert rate.latest_period <= content.CLINIC_DATE.isoformat()
    # every period printed is on or before the visit: later quarters are not in this report
    assert all(line.latest_period <= content.CLINIC_DATE.isoformat() for line in data.outcomes)
    # the one patent granted before the clinic, the second (2026-06-30) not yet
    assert lines["patents"].latest == "1" and lines["patents"].previous == ""
    assert "standards" not in lines


def test_the_section_prints_in_both_languages(
    demo: tuple[Any, dict[str, Any], Path], tmp_path: Path
) -> None:
    from qclinic.reports.build import render_report

    database, ids, _folder = demo
    data = load_report_data(database, ids["completed_assessment"])
    previous, latest = _expected_rate()
    for lang, heading, kind in (("zh", "质量成效", "产品合格率"), ("en", "Outcomes", "pass rate")):
        out = tmp_path / f"report-{lang}.pdf"
        render_report(data, out, lang, database.blobs.read_bytes)
        printed = " ".join(pdf_text(out).split())
        assert heading in printed and kind in printed
        assert f"{previous} → {latest}" in printed


def test_the_hash_covers_the_figures_only_when_there_are_some(
    demo: tuple[Any, dict[str, Any], Path],
) -> None:
    from dataclasses import replace

    database, ids, _folder = demo
    data = load_report_data(database, ids["completed_assessment"])
    assert data.outcomes
    without = replace(data, outcomes=())
    assert data_hash(without) != data_hash(data)
    # without figures the hash is the one of the data before the field existed
    from qclinic.reports.data import canonical_json

    assert '"outcomes"' not in canonical_json(without)


def test_verify_matches_after_a_later_quarter_and_reports_a_changed_figure(
    fresh: tuple[Any, dict[str, Any], Path], capsys: Any
) -> None:
    from qclinic.cli import run
    from qclinic.services import Services
    from qclinic.services.outcomes import OutcomeFields

    database, ids, folder = fresh
    args = ["--data-dir", str(folder)]
    pdf = folder / "report.pdf"
    assert run([*args, "report", ids["completed_assessment"], "--out", str(pdf)]) == 0
    capsys.readouterr()
    services = Services(database)
    services.outcomes.record(
        ids["organization"], OutcomeFields(OutcomeKind.AWARDS, 1, date(2026, 10, 31))
    )
    assert run([*args, "report", "verify", str(pdf)]) == 0
    assert "MATCH" in capsys.readouterr().out
    services.outcomes.record(
        ids["organization"], OutcomeFields(OutcomeKind.AWARDS, 1, date(2025, 12, 31))
    )
    code = run([*args, "report", "verify", str(pdf)])
    out = capsys.readouterr().out
    assert "the outcome figures differs from the printed one" in out, out
    assert code == 0 and "MATCH" in out  # progress, not a change of what was printed
