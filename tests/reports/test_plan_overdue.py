"""Overdue actions in the printed plan: red, with "逾期 N 天" / "overdue by N days" (issue 10)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from tests.reports.conftest import pdf_text

#: #c53030, the red of the overdue marks, as reportlab writes a fill colour
RED_FILL = b".772549 .188235 .188235 rg"

# The demo's plan: open actions due 2026-04-10, 04-30 and 05-15, one in progress due 05-31,
# one done due 06-30. On 2026-05-20 the first three are 40, 20 and 5 days late.
AS_OF = date(2026, 5, 20)
LATE = {
    "申请起重机定期检验并任命安全管理员": 40,
    "补齐记录并建立月度检查机制": 20,
    "全项校准三坐标并加装恒温控制": 5,
}


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
    zh = build_plan(database, assessment_id, folder / "late-zh.pdf", "zh", "due", today=AS_OF)
    text = pdf_text(zh.path).replace("\n", " ")
    for days in LATE.values():
        assert f"逾期 {days} 天" in text
    assert text.count("逾期") == len(LATE) + 1  # each late action, and the count under the title
    assert f"截至 2026-05-20 逾期 {len(LATE)} 项" in text
    assert RED_FILL in _content(zh.path)

    en = build_plan(database, assessment_id, folder / "late-en.pdf", "en", "owner", today=AS_OF)
    text = pdf_text(en.path).replace("\n", " ")
    assert "overdue by 40 days" in text and "overdue by 5 days" in text
    assert text.count("overdue by") == len(LATE)

    early = build_plan(
        database, assessment_id, folder / "early.pdf", "zh", "due", today=date(2026, 1, 5)
    )
    assert "逾期" not in pdf_text(early.path)
    assert RED_FILL not in _content(early.path)
