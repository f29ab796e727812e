"""The assessment report's "Outcomes" section: the company's figures and their change.

Printed only when the company reported outcome figures up to the visit (see
:func:`qclinic.storage.repositories.report_sources.report_outcomes`): per kind its latest figure,
the one before it (an arrow between), the date of each and the source of the latest.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import CondPageBreak, Flowable

from qclinic.core.catalogue import say
from qclinic.reports.data import OutcomeLine, ReportData
from qclinic.reports.document import PageInfo
from qclinic.reports.sections import heading, para, table
from qclinic.reports.styles import FRAME_WIDTH, mm, styles


def outcomes(data: ReportData, info: PageInfo) -> list[Flowable]:
    """The section, or nothing when the company has no figures."""
    if not data.outcomes:
        return []
    lang = info.lang
    s = styles(lang)
    head = [
        para(say(f"outcomes.column.{key}", lang), s.cell_head)
        for key in ("kind", "change", "period", "source")
    ]
    rows: list[list[Any]] = [head, *(_row(line, lang, s) for line in data.outcomes)]
    widths = [46 * mm, 50 * mm, 44 * mm, FRAME_WIDTH - 140 * mm]
    return [
        CondPageBreak(50 * mm),
        heading(say("outcomes.section", lang), "outcomes", 0, info),
        table(rows, widths),
    ]


def _row(line: OutcomeLine, lang: str, s: Any) -> list[Any]:
    change = f"{line.previous} → {line.latest}" if line.previous else line.latest
    period = (
        f"{line.previous_period} → {line.latest_period}" if line.previous else line.latest_period
    )
    return [
        para(line.label.get(lang), s.cell),
        para(change, s.cell),
        para(period, s.cell),
        para(line.sources or "—", s.cell),
    ]
