"""The expert team and the company stamp on the printed report (cover and sign-off page).

* :func:`team_names` — the cover's "consultants" line: the team, the lead marked;
* :func:`team_table` — the sign-off page's list of the team: name, role, organisation,
  qualification;
* :func:`company_stamp` — a bordered empty box labelled 企业盖章 / Company stamp with the
  company's name under it, where the company presses its seal (盖章) on the printed copy. (In the
  code "seal" is the content hash of :mod:`qclinic.storage.seal`; the physical stamp is the
  "company stamp".)
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Spacer, Table

from qclinic.reports.data import ReportData
from qclinic.reports.i18n import label, parens, t
from qclinic.reports.styles import FRAME_WIDTH, MUTED, RULE, mm, plain, styles

STAMP_SIZE = 48 * mm  # a round Chinese company seal is 40–42 mm across


def team_names(data: ReportData, lang: str) -> str:
    """The consultants as the cover lists them: the team (lead marked), else the names known."""
    if not data.team:
        return "、".join(data.consultants) if lang == "zh" else ", ".join(data.consultants)
    lead = ("" if lang == "zh" else " ") + parens(t("lead_short", lang), lang)
    names = [m.name + (lead if m.role == "lead" else "") for m in data.team]
    return "、".join(names) if lang == "zh" else ", ".join(names)


def team_table(data: ReportData, lang: str) -> list[Flowable]:
    """The expert team as a table (nothing when the assessment has no team recorded)."""
    if not data.team:
        return []
    from qclinic.reports.sections import para, table

    s = styles(lang)
    keys = ("team_name", "role", "affiliation", "qualification")
    rows: list[list[Any]] = [[para(t(k, lang), s.cell_head) for k in keys]]
    for member in data.team:
        rows.append(
            [
                para(member.name, s.cell),
                para(label(member.role, lang), s.cell),
                para(member.affiliation, s.cell),
                para(member.qualification, s.cell),
            ]
        )
    widths = [30 * mm, 30 * mm, FRAME_WIDTH - 110 * mm, 50 * mm]
    return [para(t("team", lang), s.h2), table(rows, widths), Spacer(1, 5 * mm)]


def company_stamp(data: ReportData, lang: str) -> Table:
    """The box for the company stamp (盖章处), right-aligned, the company's name under it."""
    from qclinic.reports.sections import para

    s = styles(lang)
    muted = s.centre.clone("stamp-label", textColor=MUTED, fontSize=9, leading=12)
    rows = [
        [para(t("company_stamp", lang), muted)],
        [Spacer(1, STAMP_SIZE - 14 * mm)],
        [para(data.organization, s.centre)],
    ]
    box = Table(rows, colWidths=[STAMP_SIZE + 20 * mm], hAlign="RIGHT")
    box.setStyle(
        plain([("BOX", (0, 0), (-1, -1), 0.8, RULE), ("ALIGN", (0, 0), (-1, -1), "CENTER")])
    )
    return box
