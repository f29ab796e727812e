"""The chain report's "供需对接 / Referrals to service providers" section: the services the chain's
companies were referred to and an NQI service provider delivered in the period.

Printed only when a referral was delivered in the period (like the outcomes): a sentence with the
counts, the referrals by NQI field (a chart) and by provider (a table), then every referral —
company, provider, the service asked, field, the days requested and delivered, its status and the
file names of its delivery evidence (a calibration certificate, a test report). The rows are
``ChainReportData.referral_lines``, read for the whole chain in one query
(:func:`qclinic.storage.repositories.chain_report_sources.delivered_referrals`).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer

from qclinic.core.catalogue import say as catalogue_say
from qclinic.reports import fonts
from qclinic.reports.chain_charts import BarChart, say
from qclinic.reports.chain_data import ChainReportData
from qclinic.reports.chain_sections import head_right, period_text
from qclinic.reports.document import PageInfo
from qclinic.reports.i18n import label
from qclinic.reports.sections import heading, para, rich, table
from qclinic.reports.styles import FRAME_WIDTH, mm, styles

#: the referrals' colour in the chart (the dashboard's referrals colour)
REFERRAL_COLOUR = colors.HexColor("#8e5bb5")
#: the table's columns (the two days share one, one above the other)
COLUMNS = (
    "col_company",
    "col_provider",
    "col_service",
    "nqi_field",
    "col_dates",
    "col_status",
    "col_evidence",
)
WIDTHS = (26, 26, 0, 24, 22, 19, 26)  # mm; the service takes the rest


def status_label(status: str, lang: str) -> str:
    """已交付 / Delivered (the referrals area's status words)."""
    return catalogue_say(f"referrals.status.{status}", lang)


def referrals_chart(data: ChainReportData, lang: str, width: float) -> BarChart:
    """The referrals delivered per NQI field."""
    fields = data.referrals_by("field")
    return BarChart(
        say("chart_referrals", lang),
        [label(name, lang) for name, _n in fields],
        [("", REFERRAL_COLOUR, [float(n) for _name, n in fields])],
        width,
    )


def _counts(title: str, rows: list[tuple[str, int]], lang: str) -> Any:
    s = styles(lang)
    body: list[list[Any]] = [
        [para(title, s.cell_head), para(say("col_count", lang), head_right(lang))]
    ]
    body += [[para(name, s.cell), para(str(n), s.cell_right)] for name, n in rows]
    body.append(
        [para(say("total", lang), s.cell_head), para(str(sum(n for _x, n in rows)), s.cell_right)]
    )
    return table(body, [FRAME_WIDTH - 30 * mm, 30 * mm])


def referrals(data: ChainReportData, info: PageInfo) -> list[Any]:
    """The section, or nothing when no referral was delivered in the period."""
    lines = data.referral_lines
    if not lines:
        return []
    lang = info.lang
    s = styles(lang)
    intro = say(
        "referrals_intro",
        lang,
        period=period_text(data, lang),
        n=len(lines),
        companies=len({line.organization for line in lines}),
        providers=len({line.provider for line in lines}),
    )
    story: list[Any] = [
        CondPageBreak(110 * mm),  # the section on one page where it fits
        heading(say("referrals_heading", lang), "referrals", 0, info, keep=False),
        para(intro, s.body),
        Spacer(1, 2 * mm),
        KeepTogether([referrals_chart(data, lang, FRAME_WIDTH)]),
        Spacer(1, 3 * mm),
        KeepTogether([_counts(say("col_provider", lang), data.referrals_by("provider"), lang)]),
        Spacer(1, 4 * mm),
    ]
    head = [para(say(key, lang), s.cell_head) for key in COLUMNS]
    rows: list[list[Any]] = [head]
    for line in lines:
        rows.append(
            [
                para(line.organization, s.cell),
                para(line.provider, s.cell),
                para(line.request, s.cell),
                para(label(line.field, lang), s.cell),
                rich(f"{line.requested_on}<br/>{line.delivered_on}", s.cell),
                para(status_label(line.status, lang), s.cell),
                rich("<br/>".join(fonts.markup(f) for f in line.evidence) or "—", s.cell),
            ]
        )
    rest = FRAME_WIDTH - sum(WIDTHS) * mm
    widths = [w * mm if w else rest for w in WIDTHS]
    return [*story, table(rows, widths)]
