"""The chain report's "Outcomes" section: the companies' figures in the period, totalled.

Printed only when a company of the chain reported figures dated in the period: per kind how
many companies reported it and the total — the mean pass rate and the summed complaints, PPM
and certificates from the first figure in the period to the latest; standards, patents and
awards added up (:func:`qclinic.core.outcomes.totals`).
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import CondPageBreak

from qclinic.core import outcomes as rules
from qclinic.core.catalogue import say
from qclinic.core.vocabulary import OutcomeKind
from qclinic.reports.chain_data import ChainReportData, OutcomeTotal
from qclinic.reports.document import PageInfo
from qclinic.reports.sections import heading, para, table
from qclinic.reports.styles import FRAME_WIDTH, mm, styles


def shown(total: OutcomeTotal) -> str:
    """The total as printed (``96 % → 97.5 %``)."""
    kind = OutcomeKind(total.kind)
    return rules.total_shown(rules.Total(kind, total.companies, total.before, total.after))


def _companies(total: OutcomeTotal, lang: str) -> str:
    """How many companies reported the kind, and over how many the change is told when fewer."""
    if total.before is not None and 0 < total.compared < total.companies:
        return say(
            "outcomes.chain_column.compared",
            lang,
            companies=total.companies,
            compared=total.compared,
        )
    return str(total.companies)


def outcomes(data: ChainReportData, info: PageInfo) -> list[Any]:
    """The section, or nothing when no company reported figures in the period."""
    if not data.outcomes:
        return []
    lang = info.lang
    s = styles(lang)
    head = [
        say("outcomes.column.kind", lang),
        say("outcomes.chain_column.companies", lang),
        say("outcomes.chain_column.total", lang),
    ]
    rows: list[list[Any]] = [[para(h, s.cell_head) for h in head]]
    for total in data.outcomes:
        rows.append(
            [
                para(rules.kind_label(OutcomeKind(total.kind)).get(lang), s.cell),
                para(_companies(total, lang), s.cell),
                para(shown(total), s.cell),
            ]
        )
    widths = [50 * mm, 45 * mm, FRAME_WIDTH - 95 * mm]
    return [
        CondPageBreak(50 * mm),
        heading(say("outcomes.section", lang), "outcomes", 0, info),
        table(rows, widths),
    ]
