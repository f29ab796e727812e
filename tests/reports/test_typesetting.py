"""Issue 9, item 21: Chinese typesetting and wording of the printed report.

Line-start and line-end rules (行首/行尾禁则) as in GB/T 15834-2011 (标点符号用法), 4.x: the
comma, enumeration comma, full stop, colon, semicolon, question and exclamation marks and closing
brackets and quotes are not put at the start of a line; opening brackets and quotes not at its end.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.reports.conftest import pdf_text

CLOSING = "，。、；：？！）」』》〉】”’"
OPENING = "（「『《〈【“‘"


@pytest.fixture(scope="module")
def zh_report(demo: tuple[Any, dict[str, Any], Path]) -> str:
    from qclinic.reports import build_report

    database, ids, folder = demo
    built = build_report(database, ids["completed_assessment"], folder / "typeset-zh.pdf", "zh")
    return pdf_text(built.path)


def _bad_lines(lines: list[str]) -> list[str]:
    return [
        line
        for line in (raw.strip() for raw in lines)
        if line and (line[0] in CLOSING or line[-1] in OPENING)
    ]


def test_no_pdf_line_starts_with_closing_or_ends_with_opening_punctuation(zh_report: str) -> None:
    lines = zh_report.splitlines()
    assert len(lines) > 500  # the whole demo report was read
    assert _bad_lines(lines) == []


def test_chinese_notes_in_an_english_report_follow_the_rules_too(
    demo: tuple[Any, dict[str, Any], Path],
) -> None:
    from qclinic.reports import build_report

    database, ids, folder = demo
    built = build_report(database, ids["completed_assessment"], folder / "typeset-en.pdf", "en")
    lines = pdf_text(built.path).splitlines()
    assert any("Executive summary" in line for line in lines)
    assert _bad_lines(lines) == []


@pytest.mark.parametrize("width", [60 + 7 * n for n in range(40)])
def test_wrapped_lines_obey_the_rules_at_every_width(width: float) -> None:
    from qclinic.reports.sections import para
    from qclinic.reports.styles import styles

    text = (
        "是否建立证书台账并设置到期提醒，宣传资料、产品和包装上没有使用过期、暂停或超范围的证书？"
        "是否定期评价关键特性的过程能力（一般Cpk ≥ 1.33），能力不足时有改进计划！"
        "见《特种设备安全法》第四十条：“定期检验”；计量器具（卡尺、千分尺）：全部送检。"
    ) * 2
    paragraph = para(text, styles("zh").body)
    paragraph.wrap(width, 10_000)
    lines = ["".join(frag.text for frag in line.words) for line in paragraph.blPara.lines]
    assert "".join(lines) == text  # nothing lost or doubled
    assert _bad_lines(lines) == []
    assert "Cpk" in "".join(lines)


def test_latin_words_are_not_cut() -> None:
    from qclinic.reports.sections import para
    from qclinic.reports.styles import styles

    text = "测量系统分析 Measurement System Analysis 与过程能力 capability 评价" * 3
    paragraph = para(text, styles("zh").body)
    paragraph.wrap(120, 10_000)
    lines = ["".join(f.text for f in line.words) for line in paragraph.blPara.lines]
    words = {"Measurement", "System", "Analysis", "capability"}
    for line in lines:
        for token in line.replace("与", " ").replace("评价", " ").split():
            assert token.strip("测量系统分析过程能力") in words | {""}, lines


def test_chinese_wording(zh_report: str) -> None:
    assert "Rev." not in zh_report and "第 1 版" in zh_report
    assert "证据: " not in zh_report and "来源: " not in zh_report
    assert "证据：" in zh_report and "来源：" in zh_report
    assert "身份" not in zh_report and "角色" in zh_report
    # the demo's checklist is scored by maturity: its percentage is a score, not a conformity rate
    assert "总符合率" not in zh_report and "总体得分 " in zh_report


def test_trace_words_fit_the_checklist() -> None:
    from qclinic.core import checklists
    from qclinic.core.scoring import parse_answers, score

    library = checklists.builtin()
    nqi = library.load("nqi-clinic")
    critical = next(q for q in nqi.questions() if q.critical and q.type == "maturity")
    answers = {q.id: 3 for q in nqi.questions() if q.type == "maturity"}
    answers[critical.id] = 0
    result = score(nqi, parse_answers(nqi, answers), with_what_if=False)
    messages = [entry.message.zh for entry in result.trace]
    assert any(f"关键项 {critical.id}" in m for m in messages), messages
    assert not any("*问题" in m for m in messages)

    vda = library.load("vda63-process")
    assert vda.scoring.grades[0].label.zh == "A 具备质量能力"
