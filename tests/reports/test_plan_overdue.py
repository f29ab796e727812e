"""Overdue actions in the printed plan: red, with "逾期 N 天" / "overdue by N days" (issue 10)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from tests.reports.conftest import late_actions, pdf_text

#: #c53030, the red of the overdue marks, as reportlab writes a fill colour
RED_FILL = b".772549 .188235 .188235 rg"

AS_OF = date(2026, 5, 20)  # some of the demo's open actions are overdue then


def _late(database: Any, assessment_id: str) -> dict[str, int]:
    """The demo plan's open or started actions past due on AS_OF, with the days, counted by hand."""
    from qclinic.reports.data import load_report_data
    from qclinic.reports.plan import plan_data

    return late_actions(plan_data(load_report_data(database, assessment_id)).actions, AS_OF)


def _content(path: Path) -> bytes:
    from pypdf import PdfReader

    return b"".join(page.get_contents().get_data() for page in PdfReader(str(path)).pages)


def test_overdue_days_counts_only_open_actions_past_due() -> None:
    from qclinic.reports.data import ActionRow
    from qclinic.reports.plan import overdue_days

    def action(due: str, status: str) -> ActionRow:
        return ActionRow("a", "t", "", "", due, "high", status, "")

    assert overdue_days(action("2026-05-15", "open"), AS_OF) == 5
    assert overdue_days(action("2026-05-19", "in-progress"), AS_OF) == 1
    assert overdue_days(action("2026-05-20", "open"), AS_OF) == 0  # due today: not late yet
    assert overdue_days(action("2026-04-01", "done"), AS_OF) == 0
    assert overdue_days(action("2026-04-01", "verified"), AS_OF) == 0
    assert overdue_days(action("", "open"), AS_OF) == 0


def test_the_pdf_plan_marks_overdue_actions_in_red_with_the_days_late(
    demo: tuple[Any, dict[str, Any], Path],
) -> None:
    from qclinic.reports import build_plan

    database, ids, folder = demo
    assessment_id = ids["completed_assessment"]
    LATE = _late(database, assessment_id)
    assert LATE, "the demo has overdue actions on AS_OF"
    zh = build_plan(database, assessment_id, folder / "late-zh.pdf", "zh", "due", today=AS_OF)
    text = pdf_text(zh.path).replace("\n", " ")
    for days in LATE.values():
        assert f"逾期 {days} 天" in text
    assert text.count("逾期") == len(LATE) + 1  # each late action, and the count under the title
    assert f"截至 2026-05-20 逾期 {len(LATE)} 项" in text
    assert RED_FILL in _content(zh.path)

    en = build_plan(database, assessment_id, folder / "late-en.pdf", "en", "owner", today=AS_OF)
    text = pdf_text(en.path).replace("\n", " ")
    text = " ".join(text.split())
    for days in LATE.values():
        assert f"overdue by {days} day{'s' if days != 1 else ''}" in text
    assert text.count("overdue by") == len(LATE)

    early = build_plan(
        database, assessment_id, folder / "early.pdf", "zh", "due", today=date(2026, 1, 5)
    )
    assert "逾期" not in pdf_text(early.path)
    assert RED_FILL not in _content(early.path)


def test_the_reports_own_plan_section_marks_overdue_actions_too(
    demo: tuple[Any, dict[str, Any], Path],
) -> None:
    """The diagnostic report's plan section, not only the standalone plan (printed today)."""
    from qclinic.reports import build_report
    from qclinic.reports.data import load_report_data

    database, ids, folder = demo
    assessment_id = ids["completed_assessment"]
    late = list(
        late_actions(load_report_data(database, assessment_id).actions, date.today()).values()
    )
    assert late, "the demo's plan has actions past due today"
    report = build_report(database, assessment_id, folder / "report-late.pdf", "zh")
    text = " ".join(pdf_text(report.path).split())
    for days in late:
        assert f"逾期 {days} 天" in text
    assert RED_FILL in _content(report.path)
