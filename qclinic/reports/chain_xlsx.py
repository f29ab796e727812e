"""The chain report's tables as an Excel workbook: a summary sheet, one sheet per tier, and the
referrals delivered in the period (供需对接) when there were any.

The same :class:`~qclinic.reports.chain_data.ChainReportData` as the PDF, for organizers who sort
and filter: numbers stay numbers (a score is a float, a count an int), 4 × 100% flags read
是 / 否 (Yes / No) and an empty cell where the company was never assessed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qclinic.reports.chain_charts import say
from qclinic.reports.chain_data import (
    GRADES,
    UNGRADED,
    ChainReportData,
    MemberRow,
    ReferralLine,
    trend,
)
from qclinic.reports.chain_referrals import status_label
from qclinic.reports.chain_sections import ARROWS, period_text, sector_label, tier_title
from qclinic.reports.i18n import check_language, label
from qclinic.reports.xlsx import add_sheet

#: the referrals sheet's columns: the PDF table's, each day in a column of its own
REFERRAL_COLUMNS = (
    "col_company",
    "col_provider",
    "col_service",
    "nqi_field",
    "col_requested",
    "col_delivered",
    "col_status",
    "col_evidence",
)
#: characters Excel refuses in a sheet name
_NOT_IN_NAMES = str.maketrans({c: " " for c in "[]:*?/\\"})


def _flag(value: bool | None, lang: str) -> str:
    return "" if value is None else label("yes" if value else "no", lang)


def _summary_rows(data: ChainReportData, lang: str) -> list[list[Any]]:
    """One figure a row, a name and a value: easy to sort, filter and chart."""
    now, before = dict(data.grades), dict(data.previous_grades)
    sep = " · "
    rows: list[list[Any]] = [
        [say("chain", lang), data.name],
        [say("leaders", lang), ", ".join(data.leaders)],
        [say("sector", lang), sector_label(data.sector, lang)],
        [say("region", lang), data.region],
        [say("period", lang), period_text(data, lang)],
        [say("companies", lang), data.companies],
    ]
    rows += [[tier_title(tier, lang), len(members)] for tier, members in data.tiers()]
    for key in (*GRADES, UNGRADED):
        grade = say("grade_" + key.lower(), lang)
        rows.append([grade + sep + say("this_period", lang), now.get(key, 0)])
        rows.append([grade + sep + say("previous_period", lang), before.get(key, 0)])
    for figure in data.coverage:
        item = say("coverage_" + figure.key, lang)
        share = None if figure.percent is None else round(figure.percent, 1)
        rows += [
            [item + sep + say("covered", lang), figure.covered],
            [item + sep + say("of", lang), figure.of],
            [item + sep + "%", share],
        ]
    rows += [
        [say("cqo", lang), data.cqo_appointed],
        [say("visits", lang), data.visits],
        [say("assessments", lang), data.assessments],
        [say("cases", lang), data.cases],
        [say("referrals", lang), data.referrals],
        [say("services", lang), data.services],
    ]
    for field in data.problems:
        rows.append([label(field.field, lang) + sep + say("received", lang), field.received])
        rows.append([label(field.field, lang) + sep + say("solved", lang), field.solved])
    rows += [
        [say("total", lang) + sep + say("received", lang), data.problems_received()],
        [say("total", lang) + sep + say("solved", lang), data.problems_solved()],
        [say("actions_open", lang), data.open_actions],
        [say("actions_overdue", lang), data.overdue_actions],
    ]
    rows += _outcome_rows(data, lang)
    return rows


def _outcome_rows(data: ChainReportData, lang: str) -> list[list[Any]]:
    """The outcome totals (before → after as text, as the PDF prints them)."""
    from qclinic.core import outcomes as rules
    from qclinic.core.vocabulary import OutcomeKind
    from qclinic.reports.outcome_totals import shown

    return [[rules.kind_label(OutcomeKind(t.kind)).get(lang), shown(t)] for t in data.outcomes]


def _referral_row(line: ReferralLine, lang: str) -> list[Any]:
    """A referral as the PDF's table prints it; the evidence's file names one a line."""
    return [
        line.organization,
        line.provider,
        line.request,
        label(line.field, lang),
        line.requested_on,
        line.delivered_on,
        status_label(line.status, lang),
        "\n".join(line.evidence),
    ]


def _member_row(number: int, member: MemberRow, lang: str) -> list[Any]:
    return [
        number,
        member.name,
        member.customer,
        member.grade or "",
        member.previous_grade or "",
        ARROWS[trend(member)],
        None if member.score is None else round(member.score, 1),
        *[_flag(flag, lang) for flag in member.coverage()],
        _flag(member.cqo, lang),
        member.open_actions,
        member.overdue_actions,
    ]


def write_chain_xlsx(data: ChainReportData, out: Path, lang: str = "zh") -> Path:
    """Write *data*'s summary and tier tables to the workbook *out*."""
    from openpyxl import Workbook

    lang = check_language(lang)
    book = Workbook()
    book.remove(book.active)
    add_sheet(
        book,
        say("sheet_summary", lang),
        [say("figure", lang), say("value", lang)],
        _summary_rows(data, lang),
        [44, 40],
    )
    head = [
        say("col_no", lang),
        say("col_company", lang),
        say("col_customer", lang),
        say("col_grade", lang),
        say("col_previous_grade", lang),
        say("col_trend", lang),
        say("col_score", lang),
        *[say("col_" + key, lang) for key in ("iso9001", "apqp", "msa", "spc", "cqo_short")],
        say("col_open", lang),
        say("col_overdue", lang),
    ]
    for tier, members in data.tiers():
        rows = [_member_row(n, m, lang) for n, m in enumerate(members, start=1)]
        name = tier_title(tier, lang).translate(_NOT_IN_NAMES)[:31]
        add_sheet(book, name, head, rows, [6, 36, 30, 8, 10, 6, 8, 9, 9, 9, 9, 9, 9, 9])
    if data.referral_lines:
        add_sheet(
            book,
            say("sheet_referrals", lang),
            [say(key, lang) for key in REFERRAL_COLUMNS],
            [_referral_row(line, lang) for line in data.referral_lines],
            [30, 30, 36, 14, 12, 12, 10, 36],
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return out
