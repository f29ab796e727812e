"""The chain view's figures (the portfolio): what they are, how they are filtered and defined.

Pure Python: the figures are frozen dataclasses the SQL in :mod:`qclinic.storage.portfolio` fills
and the dashboard, the chain report and ``qclinic portfolio`` read. The definitions they share:

- **Companies** are the live members of live chains (a deleted company or chain is left out); a
  company in several chains counts once in the total.
- **Grade** (4-level supplier evaluation) of a supplier: the grade of its latest *signed*
  assessment on checklist ``supplier-4level`` signed before the end of the day ``as_of``, newest
  ``signed_at`` first, ties by id; an assessment whose signed amendment exists (signed by then)
  is superseded by it; drafts and completed-but-unsigned ones do not grade (an auditor signs
  grades). No such assessment, or one without a grade, is ``ungraded``. Grades count suppliers
  only (leaders are not graded by their own chain).
- **Previous grade**: the same as of the day before the period starts (the previous period of
  the same length ends there); without a period start there is none.
- **4 × 100% coverage**: a checklist question tagged ``coverage: iso9001|apqp|msa|spc`` decides
  it. For each company and key, the deciding assessment is the company's latest completed or
  signed one (newest ``completed_at`` before the end of ``as_of``, ties by id; amendments
  supersede) on a checklist that contains a question tagged with that key; the key is *in place*
  when that question's answer there scores at least :data:`IN_PLACE_PERCENT` % — "yes" (not
  "partial"), maturity 3 "defined" or better, VDA 6 or better. Left unanswered or N/A, it is not
  shown to be in place. ``of`` is every company of the chain: a company never assessed counts as
  not covered.
- **Chief quality officer appointed**: the organization's CQO name is filled in.
- **Services in the period** (``start``..``end``, both days included): visits by visit date,
  assessments (not amendments) completed or signed by ``completed_at``, clinic cases by the day
  they were registered, and referrals to NQI service providers by the day they were
  delivered (``delivered_on``; per NQI field too). **Problems received** are the cases registered in the period, **solved**
  the cases resolved in it (``resolved_on``), per NQI field and per month.
- **Actions**: the improvement actions as they stand now (their history is not kept): open or in
  progress, an amendment's original left out when it has a live copy; overdue by the one rule of
  :mod:`qclinic.core.overdue` on ``today``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from qclinic.core.checklists.model import Checklist, Question
from qclinic.core.checklists.schema import COVERAGE_KEYS
from qclinic.core.scoring.answers import score_of

__all__ = ["COVERAGE_KEYS"]

#: the 4-level checklist whose signed assessments grade suppliers
SUPPLIER_CHECKLIST = "supplier-4level"
#: the grade buckets, in the order they print
GRADES: tuple[str, ...] = ("A", "B", "C", "D", "ungraded")
UNGRADED = "ungraded"
#: the score (percent of full marks) at which a tagged question's answer means "in place"
IN_PLACE_PERCENT = 60.0
#: how many of the weakest suppliers a chain lists
WEAKEST_COUNT = 10

#: values a question of each type can take, tried against its scoring to find the "in place" ones
_CANDIDATES: dict[str, tuple[Any, ...]] = {
    "yes-no": ("yes", "partial", "no"),
    "vda": (0, 4, 6, 8, 10),
    "maturity": (0, 1, 2, 3, 4, 5),
}
#: question types a ``coverage:`` tag may sit on (their answers are a finite set of values)
COVERAGE_TYPES: tuple[str, ...] = (*_CANDIDATES, "single")


@dataclass(frozen=True, slots=True)
class PortfolioFilter:
    """Which chains and which period: chain ids (none: every chain), a chain region, the days."""

    chain_ids: tuple[str, ...] = ()
    region: str | None = None
    start: date | None = None
    end: date | None = None
    #: the day actions are judged overdue on (and the end when none is given)
    today: date = field(default_factory=date.today)

    @property
    def as_of(self) -> date:
        """The last day of the period (the end, else today)."""
        return self.end if self.end is not None else self.today

    @property
    def previous_as_of(self) -> date | None:
        """The last day of the previous period (the day before the start), if there is a start."""
        return self.start - timedelta(days=1) if self.start is not None else None

    @property
    def previous(self) -> PortfolioFilter | None:
        """The same filter over the previous period of the same length (None without a start)."""
        if self.start is None:
            return None
        length = self.as_of - self.start
        end = self.start - timedelta(days=1)
        return PortfolioFilter(self.chain_ids, self.region, end - length, end, self.today)


@dataclass(frozen=True, slots=True)
class CoverageQuestion:
    """One question tagged ``coverage:``, with the stored answer values that mean "in place"."""

    checklist_id: str
    question_id: str
    key: str
    #: the answer values scoring at least :data:`IN_PLACE_PERCENT`, as stored (compact JSON)
    in_place_values: tuple[str, ...]


def stored_value(value: Any) -> str:
    """An answer value as the database stores it (compact JSON, the answer table's encoding)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def in_place_values(question: Question) -> tuple[Any, ...]:
    """The answers of a ``coverage:`` question that mean "in place" (score ≥ the threshold)."""
    if question.type == "single":
        candidates: tuple[Any, ...] = tuple(option.value for option in question.options)
    else:
        candidates = _CANDIDATES.get(question.type, ())
    if question.type == "yes-no" and not question.allow_partial:
        candidates = tuple(c for c in candidates if c != "partial")
    found: list[Any] = []
    for value in candidates:
        score = score_of(question, value)
        if score is not None and score >= IN_PLACE_PERCENT:
            found.append(value)
            if isinstance(value, int) and not isinstance(value, bool):
                found.append(float(value))  # a number may have been stored as 3.0
    return tuple(found)


def coverage_questions(checklists: Iterable[Checklist]) -> tuple[CoverageQuestion, ...]:
    """Every ``coverage:``-tagged question of *checklists* (one entry per checklist and question;
    versions of one checklist that tag the same question alike collapse into one)."""
    seen: dict[tuple[str, str], CoverageQuestion] = {}
    for checklist in checklists:
        for question in checklist.questions():
            if question.coverage is None:
                continue
            values = tuple(stored_value(v) for v in in_place_values(question))
            entry = CoverageQuestion(checklist.id, question.id, question.coverage, values)
            previous = seen.get((checklist.id, question.id))
            if previous is not None and previous.key == entry.key:
                values = tuple(dict.fromkeys((*previous.in_place_values, *values)))
                entry = CoverageQuestion(checklist.id, question.id, entry.key, values)
            seen[(checklist.id, question.id)] = entry
    return tuple(seen.values())


@dataclass(frozen=True, slots=True)
class CompanyRef:
    """A company behind a figure (the dashboard's click-through)."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Coverage:
    covered: int
    of: int

    @property
    def share(self) -> float | None:
        """covered ÷ of, or None for an empty chain."""
        return self.covered / self.of if self.of else None


@dataclass(frozen=True, slots=True)
class Services:
    visits: int = 0
    assessments: int = 0
    cases: int = 0
    #: referrals to a provider delivered in the period (供需对接), and by NQI field
    referrals: int = 0
    referrals_by_field: Mapping[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.visits + self.assessments + self.cases + self.referrals


@dataclass(frozen=True, slots=True)
class Problems:
    received: int = 0
    solved: int = 0


@dataclass(frozen=True, slots=True)
class Month:
    """One month of the period: services delivered and problems received and solved."""

    month: str  # YYYY-MM
    services: Services
    problems: Problems


@dataclass(frozen=True, slots=True)
class OwnerActions:
    owner: str
    open: int
    overdue: int


@dataclass(frozen=True, slots=True)
class CompanyActions:
    company: CompanyRef
    open: int
    overdue: int


@dataclass(frozen=True, slots=True)
class WeakSupplier:
    company: CompanyRef
    grade: str
    score: float


@dataclass(frozen=True, slots=True)
class ChainFigures:
    """The figures of one chain, or of all chains together (``id`` None) with companies once."""

    id: str | None
    name: str
    companies: int
    by_role: Mapping[str, int]
    by_tier: Mapping[int, int]
    grades: Mapping[str, int]
    #: grades as of the end of the previous period (None without a period start)
    previous_grades: Mapping[str, int] | None
    #: (previous grade, grade) → suppliers; only with a previous period
    movement: Mapping[tuple[str, str], int]
    coverage: Mapping[str, Coverage]
    cqo_appointed: int
    services: Services
    problems: Problems
    problems_by_field: Mapping[str, Problems]
    by_month: tuple[Month, ...]
    actions_open: int
    actions_overdue: int
    actions_by_company: tuple[CompanyActions, ...]
    actions_by_owner: tuple[OwnerActions, ...]
    weakest: tuple[WeakSupplier, ...]


@dataclass(frozen=True, slots=True)
class Portfolio:
    filter: PortfolioFilter
    chains: tuple[ChainFigures, ...]
    total: ChainFigures


@dataclass(frozen=True, slots=True)
class SupplierRow:
    """A member of a chain as the chain report's tier tables show it."""

    company: CompanyRef
    role: str
    tier: int
    customer: CompanyRef | None
    grade: str
    previous_grade: str | None
    score: float | None
    coverage: Mapping[str, bool]
    cqo_appointed: bool
    actions_open: int
    actions_overdue: int


@dataclass(frozen=True, slots=True)
class ChainView:
    """What the chain report reads of one chain: its figures, the previous period (None
    without a period start) and its members as the tier tables show them."""

    figures: ChainFigures
    previous: PortfolioFilter | None
    suppliers: tuple[SupplierRow, ...]


@dataclass(frozen=True, slots=True)
class CoverageTrace:
    """What decided one company's 4 × 100% key: the assessment, question and answer (or none)."""

    company: CompanyRef
    key: str
    in_place: bool
    assessment_id: str | None = None
    checklist_id: str | None = None
    question_id: str | None = None
    answer: Any = None
    completed_at: str | None = None


def grade_bucket(grade: str | None) -> str:
    """A stored grade as one of :data:`GRADES` (anything but A–D is ungraded)."""
    return grade if grade in GRADES[:-1] and grade is not None else UNGRADED


def movement_summary(movement: Mapping[tuple[str, str], int]) -> tuple[int, int, int]:
    """How many suppliers rose, fell and stayed (ungraded → graded counts as neither)."""
    rank = {grade: index for index, grade in enumerate(GRADES[:-1])}
    up = down = same = 0
    for (was, now), count in movement.items():
        if was not in rank or now not in rank:
            continue
        if rank[now] < rank[was]:
            up += count
        elif rank[now] > rank[was]:
            down += count
        else:
            same += count
    return up, down, same


def figures_json(figures: ChainFigures) -> dict[str, Any]:
    """One chain's (or the total's) figures in the shape ``qclinic portfolio --json`` prints."""
    return {
        "id": figures.id,
        "name": figures.name,
        "companies": figures.companies,
        "by_role": dict(figures.by_role),
        "by_tier": {str(tier): count for tier, count in sorted(figures.by_tier.items())},
        "grades": dict(figures.grades),
        "previous_grades": (
            dict(figures.previous_grades) if figures.previous_grades is not None else None
        ),
        "movement": [
            {"from": was, "to": now, "suppliers": count}
            for (was, now), count in sorted(figures.movement.items())
        ],
        "coverage": {
            key: {"covered": value.covered, "of": value.of}
            for key, value in figures.coverage.items()
        },
        "cqo_appointed": figures.cqo_appointed,
        "services": {
            "visits": figures.services.visits,
            "assessments": figures.services.assessments,
            "cases": figures.services.cases,
            "referrals": figures.services.referrals,
            "referrals_by_field": dict(sorted(figures.services.referrals_by_field.items())),
        },
        "problems": {
            "received": figures.problems.received,
            "solved": figures.problems.solved,
            "by_field": {
                name: {"received": value.received, "solved": value.solved}
                for name, value in sorted(figures.problems_by_field.items())
            },
        },
        "by_month": [
            {
                "month": month.month,
                "visits": month.services.visits,
                "assessments": month.services.assessments,
                "cases": month.services.cases,
                "referrals": month.services.referrals,
                "received": month.problems.received,
                "solved": month.problems.solved,
            }
            for month in figures.by_month
        ],
        "actions": {
            "open": figures.actions_open,
            "overdue": figures.actions_overdue,
            "by_company": [
                {"id": a.company.id, "name": a.company.name, "open": a.open, "overdue": a.overdue}
                for a in figures.actions_by_company
            ],
            "by_owner": [
                {"owner": a.owner, "open": a.open, "overdue": a.overdue}
                for a in figures.actions_by_owner
            ],
        },
        "weakest": [
            {"id": w.company.id, "name": w.company.name, "grade": w.grade, "score": w.score}
            for w in figures.weakest
        ],
    }


def portfolio_json(portfolio: Portfolio) -> dict[str, Any]:
    """The whole portfolio as ``qclinic portfolio --json`` prints it."""
    flt = portfolio.filter
    return {
        "filter": {
            "chains": list(flt.chain_ids),
            "region": flt.region,
            "from": flt.start.isoformat() if flt.start else None,
            "to": flt.as_of.isoformat(),
            "today": flt.today.isoformat(),
        },
        "chains": [figures_json(chain) for chain in portfolio.chains],
        "total": figures_json(portfolio.total),
    }
