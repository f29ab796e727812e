"""What a chain report (产业链质量诊断报告) shows, as plain frozen values with no database in them.

:class:`ChainReportData` is to the chain report what :class:`~qclinic.reports.data.ReportData` is
to the assessment report: everything printed, language-neutral (stored vocabulary values, not
labels), so a Chinese and an English print share one :func:`~qclinic.reports.data.data_hash`.
Its figures are the chain's figures for one period (``period_from`` … ``period_to``, ISO dates);
``period_to`` is also the day "overdue" is counted on, so reprinting the same period on another day
gives the same hash. Where the figures come from is :mod:`.chain_load` (``services.portfolio``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

#: the 4 × 100% items, in the order a campaign reports them
COVERAGE_KEYS = ("iso9001", "apqp", "msa", "spc")
#: the supplier 4-level grades, then "not yet graded"
GRADES = ("A", "B", "C", "D")
UNGRADED = "ungraded"
GRADE_ORDER = {grade: rank for rank, grade in enumerate(GRADES)}


@dataclass(frozen=True)
class MemberRow:
    """One company of the chain as its tier's table prints it."""

    organization_id: str
    name: str
    tier: int  # 0 for a leader (链主), 1 for a direct supplier of a leader, …
    customer: str  # the name of the company it supplies within the chain ("" for a leader)
    grade: str | None  # the latest supplier 4-level grade at the period's end (A–D)
    previous_grade: str | None  # the same at the previous period's end
    score: float | None  # the percentage behind the grade
    iso9001: bool | None  # 4 × 100%: in place, not in place, or None when never assessed
    apqp: bool | None
    msa: bool | None
    spc: bool | None
    cqo: bool  # a chief quality officer (首席质量官) appointed
    open_actions: int
    overdue_actions: int

    def coverage(self) -> tuple[bool | None, ...]:
        """The four 4 × 100% flags in :data:`COVERAGE_KEYS` order."""
        return (self.iso9001, self.apqp, self.msa, self.spc)


@dataclass(frozen=True)
class CoverageFigure:
    """One of the four shares: companies where it is in place, of the chain's companies."""

    key: str  # one of COVERAGE_KEYS
    covered: int
    of: int

    @property
    def percent(self) -> float | None:
        return None if not self.of else 100.0 * self.covered / self.of


@dataclass(frozen=True)
class FieldProblems:
    """Problems (clinic cases) received and solved in the period in one NQI field."""

    field: str  # a NqiCategory value
    received: int
    solved: int


@dataclass(frozen=True)
class MonthProblems:
    """Problems received and solved in one month (``YYYY-MM``)."""

    month: str
    received: int
    solved: int


@dataclass(frozen=True)
class SolvedCase:
    """A problem solved in the period: which company, which field, what was done."""

    id: str
    organization: str
    field: str  # a NqiCategory value
    title: str
    prescription: str
    resolved_on: str  # ISO date


@dataclass(frozen=True)
class OutcomeTotal:
    """One kind of outcome figure totalled over the chain's companies in the period (see
    :func:`qclinic.core.outcomes.totals`): *before* → *after*, or *after* alone for a flow."""

    kind: str  # an OutcomeKind value
    companies: int
    before: float | None
    after: float
    #: the companies *before* → *after* is told over (those that reported twice or more)
    compared: int = 0


@dataclass(frozen=True)
class ReferralLine:
    """A referral to an NQI service provider (供需对接) delivered in the period."""

    id: str
    organization: str
    provider: str
    request: str  # the service asked for
    field: str  # a NqiCategory value
    status: str  # a ReferralStatus value (delivered or closed)
    requested_on: str  # ISO date
    delivered_on: str  # ISO date
    evidence: tuple[str, ...]  # the delivery evidence's file names


@dataclass(frozen=True)
class ChainReportData:
    """Everything the chain report shows (see the module docstring)."""

    chain_id: str
    name: str
    sector: str  # an IndustryChain value, or ""
    region: str
    leaders: tuple[str, ...]  # the leader companies' names
    period_from: str  # ISO date
    period_to: str  # ISO date: the figures' "as of" day
    previous_from: str  # the previous period, the grades' movement is measured against
    previous_to: str
    grades: tuple[tuple[str, int], ...]  # (grade or "ungraded", suppliers) now
    previous_grades: tuple[tuple[str, int], ...]  # the same at the previous period's end
    coverage: tuple[CoverageFigure, ...]
    cqo_appointed: int
    visits: int
    assessments: int
    cases: int
    problems: tuple[FieldProblems, ...]
    months: tuple[MonthProblems, ...]
    open_actions: int
    overdue_actions: int
    members: tuple[MemberRow, ...]  # leaders first, then by tier and name
    solved: tuple[SolvedCase, ...]
    #: the companies' outcome figures in the period, totalled (schema 0016)
    outcomes: tuple[OutcomeTotal, ...] = ()
    #: referrals delivered in the period, as the portfolio counts them (a service, with the
    #: visits, assessments and cases), and the same referrals listed
    referrals: int = 0
    referral_lines: tuple[ReferralLine, ...] = ()

    #: fields left out of the data hash while empty, so copies printed before them still match
    LATER_FIELDS: ClassVar[tuple[str, ...]] = ("outcomes", "referrals", "referral_lines")

    @property
    def companies(self) -> int:
        return len(self.members)

    def tiers(self) -> list[tuple[int, list[MemberRow]]]:
        """The members grouped by tier, tier 0 (the leaders) first."""
        groups: dict[int, list[MemberRow]] = {}
        for member in self.members:
            groups.setdefault(member.tier, []).append(member)
        return sorted(groups.items())

    def suppliers(self) -> list[MemberRow]:
        return [m for m in self.members if m.tier > 0]

    @property
    def services(self) -> int:
        """Services delivered in the period: visits, assessments, cases and referrals (the
        portfolio's ``Services.total``)."""
        return self.visits + self.assessments + self.cases + self.referrals

    def referrals_by(self, what: str) -> list[tuple[str, int]]:
        """The referrals listed, counted by ``field`` or ``provider``: most first, then by name."""
        counts: dict[str, int] = {}
        for line in self.referral_lines:
            key = getattr(line, what)
            counts[key] = counts.get(key, 0) + 1
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def problems_received(self) -> int:
        return sum(p.received for p in self.problems)

    def problems_solved(self) -> int:
        return sum(p.solved for p in self.problems)


@dataclass(frozen=True)
class Movement:
    """How the suppliers' grades moved between the previous period's end and this one's."""

    rose: int  # a better grade than before
    fell: int
    same: int
    new: int  # graded now, not before
    lost: int  # graded before, not now (e.g. a grade that lapsed)


def trend(member: MemberRow) -> str:
    """``up``, ``down``, ``same``, ``new`` (graded only now), ``lost`` or ``none``."""
    now, before = member.grade, member.previous_grade
    if now in GRADE_ORDER and before in GRADE_ORDER:
        if GRADE_ORDER[now] < GRADE_ORDER[before]:
            return "up"
        return "down" if GRADE_ORDER[now] > GRADE_ORDER[before] else "same"
    if now in GRADE_ORDER:
        return "new"
    return "lost" if before in GRADE_ORDER else "none"


def movement(data: ChainReportData) -> Movement:
    """Count the suppliers' grade moves (see :func:`trend`)."""
    counts = {"up": 0, "down": 0, "same": 0, "new": 0, "lost": 0, "none": 0}
    for member in data.suppliers():
        counts[trend(member)] += 1
    return Movement(counts["up"], counts["down"], counts["same"], counts["new"], counts["lost"])
