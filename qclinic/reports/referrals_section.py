"""The referrals (供需对接) in the assessment report: under each clinic case's prescription and
each finding, where the company was sent, for what, how far it got and the evidence delivered.

The words come from the catalogue's ``referrals`` area; the functions return paragraph markup
(escaped, CJK runs in the CJK font), which :mod:`qclinic.reports.sections` and the Word copy
put in their own paragraphs. Nothing is printed for a case or finding without referrals.
"""

from __future__ import annotations

from qclinic.core.catalogue import say
from qclinic.reports import fonts
from qclinic.reports.data import ReferralLine, ReportData
from qclinic.reports.i18n import colon, label

#: the step dates of a referral, in the order they happen
STEPS = ("requested", "accepted", "delivered", "closed")


def referrals_of(
    data: ReportData, *, case_id: str | None = None, finding_id: str | None = None
) -> list[ReferralLine]:
    """The report's referrals of *case_id* or of *finding_id*."""
    return [
        r
        for r in data.referrals
        if (case_id is not None and r.case_id == case_id)
        or (finding_id is not None and r.finding_id == finding_id)
    ]


def referral_text(line: ReferralLine, lang: str) -> tuple[str, str]:
    """The two lines of a referral as plain text: what was asked of whom, and how far it got
    (``已办结：2026-04-21 转介，2026-05-13 交付……；交付证据：证书.pdf``)."""
    comma = "，" if lang == "zh" else ", "
    what = f"{line.provider} · {label(line.field, lang)} · {line.request}"
    steps = [
        say(f"referrals.report.{step}", lang, day=day)
        for step, day in zip(
            STEPS,
            (line.requested_on, line.accepted_on, line.delivered_on, line.closed_on),
            strict=True,
        )
        if day
    ]
    status = say(f"referrals.status.{line.status}", lang) + colon(lang) + comma.join(steps)
    if line.evidence:
        files = say("referrals.report.evidence", lang, files=comma.join(line.evidence))
        status += ("；" if lang == "zh" else "; ") + files
    return what, status


def referral_markup(lines: list[ReferralLine], lang: str) -> str:
    """The referrals as one cell's markup, each its provider in bold and its progress below."""
    parts = []
    for line in lines:
        what, status = referral_text(line, lang)
        parts.append(f"<b>{fonts.markup(what)}</b><br/>{fonts.markup(status)}")
    return "<br/>".join(parts)


def case_row(data: ReportData, case_id: str, lang: str) -> tuple[str, str] | None:
    """The row under a case's prescription: its heading and its referrals' markup (``None``
    when the case has none)."""
    lines = referrals_of(data, case_id=case_id)
    if not lines:
        return None
    return say("referrals.report.heading", lang), referral_markup(lines, lang)


def finding_note(data: ReportData, finding_id: str, lang: str) -> str:
    """Markup added under a finding's text: its referrals, muted, or "" when it has none."""
    lines = referrals_of(data, finding_id=finding_id)
    if not lines:
        return ""
    heading = fonts.markup(say("referrals.report.heading", lang) + colon(lang))
    return f'<br/><font color="#616e7c">{heading}<br/>{referral_markup(lines, lang)}</font>'
