"""The chain report's data, assembled from what ``services.chain_reports`` reads: the
portfolio's figures for one chain and period, its supplier table, and the problems solved.

The period defaults to the calendar year up to today: from 1 January of *period_to*'s year to
*period_to* (today when not given). The previous period, which the grades' movement is measured
against, is the portfolio's: the same length, ending the day before *period_from*. Actions are
judged overdue on *period_to*, so printing the same period again on a later day gives the same
figures and the same data hash.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from qclinic.reports.chain_data import (
    COVERAGE_KEYS,
    GRADES,
    UNGRADED,
    ChainReportData,
    CoverageFigure,
    FieldProblems,
    MemberRow,
    MonthProblems,
    OutcomeTotal,
    ReferralLine,
    SolvedCase,
)

#: the NQI fields in the order the report lists them (the order of the vocabulary)
_FIELDS = (
    "metrology",
    "standards",
    "certification-accreditation",
    "inspection-testing",
    "intellectual-property",
    "laws-regulations",
    "quality-management",
    "special-equipment",
)


def period(period_from: date | None, period_to: date | None) -> tuple[date, date]:
    """The period a chain report covers (see the module docstring)."""
    end = period_to or date.today()
    start = period_from or date(end.year, 1, 1)
    return start, end


def _grade(bucket: str | None) -> str | None:
    return bucket if bucket in GRADES else None


def _member(row: Any) -> MemberRow:
    flags = [bool(row.coverage.get(key)) for key in COVERAGE_KEYS]
    return MemberRow(
        organization_id=row.company.id,
        name=row.company.name,
        tier=int(row.tier),
        customer=row.customer.name if row.customer is not None else "",
        grade=_grade(row.grade) if row.tier > 0 else None,
        previous_grade=_grade(row.previous_grade) if row.tier > 0 else None,
        score=None if row.score is None else float(row.score),
        iso9001=flags[0],
        apqp=flags[1],
        msa=flags[2],
        spc=flags[3],
        cqo=bool(row.cqo_appointed),
        open_actions=int(row.actions_open),
        overdue_actions=int(row.actions_overdue),
    )


def assemble(
    header: Any,
    start: date,
    end: date,
    previous: Any,
    figures: Any,
    supplier_rows: list[Any],
    solved: list[Any],
    outcomes: Sequence[Any] = (),
    referrals: Sequence[Any] = (),
) -> ChainReportData:
    """The chain report's data from what the service read: the chain's *header*
    (``chain_report_sources.ChainHeader``), the portfolio's *figures* for the chain and the
    *previous* period's filter, its *supplier_rows*, the *solved* cases, the *outcomes*
    totals (:class:`qclinic.core.outcomes.Total`) and the *referrals* delivered
    (``chain_report_sources.ReferralRow``)."""
    members = sorted(
        (_member(row) for row in supplier_rows), key=lambda m: (m.tier, m.name, m.organization_id)
    )
    by_field = figures.problems_by_field
    grades_before = figures.previous_grades or {}
    return ChainReportData(
        chain_id=header.id,
        name=header.name,
        sector=header.sector,
        region=header.region,
        leaders=tuple(m.name for m in members if m.tier == 0),
        period_from=start.isoformat(),
        period_to=end.isoformat(),
        previous_from=previous.start.isoformat() if previous and previous.start else "",
        previous_to=previous.as_of.isoformat() if previous else "",
        grades=tuple((g, int(figures.grades.get(g, 0))) for g in (*GRADES, UNGRADED)),
        previous_grades=tuple((g, int(grades_before.get(g, 0))) for g in (*GRADES, UNGRADED)),
        coverage=tuple(
            CoverageFigure(key, figures.coverage[key].covered, figures.coverage[key].of)
            for key in COVERAGE_KEYS
        ),
        cqo_appointed=figures.cqo_appointed,
        visits=figures.services.visits,
        assessments=figures.services.assessments,
        cases=figures.services.cases,
        problems=tuple(
            FieldProblems(name, by_field[name].received, by_field[name].solved)
            for name in (*_FIELDS, *sorted(set(by_field) - set(_FIELDS)))
            if name in by_field
        ),
        months=tuple(
            MonthProblems(m.month, m.problems.received, m.problems.solved) for m in figures.by_month
        ),
        open_actions=figures.actions_open,
        overdue_actions=figures.actions_overdue,
        members=tuple(members),
        solved=tuple(
            SolvedCase(
                c.id, c.organization, c.field, c.title, c.prescription, c.resolved_on.isoformat()
            )
            for c in solved
        ),
        outcomes=tuple(
            OutcomeTotal(str(t.kind), t.companies, t.before, t.after, t.compared) for t in outcomes
        ),
        referrals=figures.services.referrals,
        referral_lines=tuple(
            ReferralLine(
                r.id,
                r.organization,
                r.provider,
                r.request,
                r.field,
                r.status,
                r.requested_on.isoformat(),
                r.delivered_on.isoformat(),
                tuple(r.evidence),
            )
            for r in referrals
        ),
    )
