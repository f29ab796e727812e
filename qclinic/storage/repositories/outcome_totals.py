"""The chain view's outcome totals: every chain's (and all chains') figures for a period, in one
grouped query.

The dashboard shows what the chain report prints (:func:`qclinic.core.outcomes.totals`): the
pass rate and the PPM averaged over the companies, complaints and certificates summed, each
from the first figure in the period to the latest over the companies with two or more, standards, patents and awards added up, the standards also by
level. Doing that per company in Python (:meth:`qclinic.services.outcomes.OutcomeService.totals`,
the chain report's way) reads every figure row into objects; here SQLite does it in one pass
over the figures: per company, kind and level its first and latest figure, how many and their
sum, then one total per chain and kind — and, with every company once, for all the chains
together (``None``). A company counts in a chain while it is a live member of a live chain; a
deleted figure or company counts nowhere. ``benchmarks/bench_outcome_totals.py`` times it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from qclinic.core.outcomes import FLOWS, RATES, Total
from qclinic.core.vocabulary import OutcomeKind, StandardLevel

#: the earliest and latest period a figure may have (an open end of the period)
_BEGINNING, _END = "0001-01-01", "9999-12-31"


@dataclass(frozen=True, slots=True)
class LevelTotal:
    """The standards drafted or revised at one level: how many, by how many companies."""

    level: StandardLevel
    companies: int
    count: float


@dataclass(frozen=True, slots=True)
class ChainOutcomes:
    """One chain's outcome totals for the period (see the module docstring)."""

    totals: tuple[Total, ...] = ()
    standards_by_level: tuple[LevelTotal, ...] = ()

    def total(self, kind: OutcomeKind) -> Total | None:
        return next((t for t in self.totals if t.kind is kind), None)


@dataclass(frozen=True, slots=True)
class CompanyOutcome:
    """One company's figures of one kind in the period: first → latest, their number, the sum."""

    id: str
    name: str
    first: float
    latest: float
    points: int
    total: float


def _members(region: str | None, chain_ids: tuple[str, ...], params: dict[str, Any]) -> str:
    """The live (chain, company) pairs of the live chains asked for, as a CTE body."""
    where = ["m.deleted_at IS NULL", "c.deleted_at IS NULL", "o.deleted_at IS NULL"]
    if chain_ids:
        names = []
        for i, chain_id in enumerate(chain_ids):
            params[f"chain{i}"] = chain_id
            names.append(f":chain{i}")
        where.append(f"m.chain_id IN ({', '.join(names)})")
    if region:
        params["region"] = region
        where.append("c.region = :region")
    return f"""
  SELECT DISTINCT m.chain_id AS chain_id, m.organization_id AS org_id
  FROM chain_member m
  JOIN chain c ON c.id = m.chain_id
  JOIN organization o ON o.id = m.organization_id
  WHERE {" AND ".join(where)}"""


def _period(start: date | None, end: date | None) -> dict[str, Any]:
    return {
        "start": start.isoformat() if start else _BEGINNING,
        "end": end.isoformat() if end else _END,
    }


#: per company, kind and level (a level for standards only) of the members: its first and latest
#: figure in the period, how many figures, their sum — one grouped pass over the figures, no
#: window: a level kind has one figure per company, period and kind (the service refuses a
#: second), so the first and the latest value come with MIN / MAX over period || value (the
#: period is ten characters; a value reads back as the number typed); a flow (standards,
#: patents, awards) needs only the sum
_COMPANY = """
company AS MATERIALIZED (
  SELECT organization_id AS org_id, kind, level, COUNT(*) AS points,
         CAST(substr(MIN(period || value), 11) AS REAL) AS first,
         CAST(substr(MAX(period || value), 11) AS REAL) AS latest,
         SUM(value) AS total
  FROM outcome
  WHERE deleted_at IS NULL AND period >= :start AND period <= :end
    AND organization_id IN (SELECT org_id FROM members){kind}
  GROUP BY organization_id, kind, level
)"""

#: per chain (and, as NULL, all of them with each company once) and kind (and standards' level):
#: companies, the sum of the latest figures, the sum of the first ones of companies with two or
#: more, how many those are, the sum of all; then the standards over their levels ('*'), each
#: company once
_TOTALS = """
WITH members AS MATERIALIZED ({members}),
{company}
SELECT m.chain_id, k.kind, k.level, COUNT(*), SUM(k.latest),
       SUM(CASE WHEN k.points > 1 THEN k.first END), SUM(k.points > 1), SUM(k.total),
       SUM(CASE WHEN k.points > 1 THEN k.latest END)
FROM company k JOIN members m ON m.org_id = k.org_id
GROUP BY m.chain_id, k.kind, k.level
UNION ALL
SELECT NULL, kind, level, COUNT(*), SUM(latest),
       SUM(CASE WHEN points > 1 THEN first END), SUM(points > 1), SUM(total),
       SUM(CASE WHEN points > 1 THEN latest END)
FROM company
GROUP BY kind, level
UNION ALL
SELECT m.chain_id, k.kind, '*', COUNT(DISTINCT k.org_id), NULL, NULL, 0, SUM(k.total), NULL
FROM company k JOIN members m ON m.org_id = k.org_id
WHERE k.kind = 'standards'
GROUP BY m.chain_id, k.kind
UNION ALL
SELECT NULL, kind, '*', COUNT(DISTINCT org_id), NULL, NULL, 0, SUM(total), NULL
FROM company
WHERE kind = 'standards'
GROUP BY kind"""


def _total(kind: OutcomeKind, row: Any) -> Total:
    """A :class:`Total` from one grouped row's figures (companies, sum of the latest, sum of the
    first of companies with two or more, how many those are, sum of all, sum of the latest of
    those with two or more), as :func:`qclinic.core.outcomes.totals` computes it."""
    companies, latest, first, with_two, flow = int(row[0]), row[1], row[2], int(row[3]), row[4]
    if kind in FLOWS:
        return Total(kind, companies, None, float(flow))
    mean = kind in RATES
    if with_two:  # before and after over the same companies
        latest_two = float(row[5])
        before, after = float(first), latest_two
        if mean:
            before, after = before / with_two, after / with_two
        return Total(kind, companies, before, after, with_two)
    return Total(kind, companies, None, float(latest) / companies if mean else float(latest))


def chain_totals(
    session: Session,
    region: str | None,
    chain_ids: tuple[str, ...],
    start: date | None,
    end: date | None,
) -> dict[str | None, ChainOutcomes]:
    """Per chain of the *region* (or of *chain_ids*; every chain without either) its outcome
    totals for the figures dated *start*–*end* (either open), and under ``None`` those of all
    of them with each company once. A chain without figures is left out."""
    params = _period(start, end)
    members = _members(region, chain_ids, params)
    order = {kind: i for i, kind in enumerate(OutcomeKind)}
    totals: dict[str | None, list[Total]] = {}
    levels: dict[str | None, list[LevelTotal]] = {}
    query = _TOTALS.format(members=members, company=_COMPANY.format(kind=""))
    for row in session.execute(text(query), params).all():
        chain, kind, level = row[0], OutcomeKind(row[1]), row[2]
        if kind is OutcomeKind.STANDARDS:
            if level == "*":  # the standards over their levels, each company once
                totals.setdefault(chain, []).append(_total(kind, row[3:]))
            elif level is not None:  # the service refuses a standards figure without one
                found = LevelTotal(StandardLevel(level), int(row[3]), float(row[7]))
                levels.setdefault(chain, []).append(found)
            continue
        totals.setdefault(chain, []).append(_total(kind, row[3:]))
    level_order = {level: i for i, level in enumerate(StandardLevel)}
    return {
        chain: ChainOutcomes(
            tuple(sorted(found, key=lambda t: order[t.kind])),
            tuple(sorted(levels.get(chain, []), key=lambda t: level_order[t.level])),
        )
        for chain, found in totals.items()
    }


def companies(
    session: Session,
    region: str | None,
    chain_ids: tuple[str, ...],
    start: date | None,
    end: date | None,
    kind: OutcomeKind,
    level: StandardLevel | None = None,
) -> list[CompanyOutcome]:
    """The companies behind one total (the dashboard's click-through): those of the chains asked
    for with figures of *kind* (standards of *level*, when given) in the period, each once, with
    its first and latest figure, how many periods and their sum; by name."""
    params = _period(start, end)
    params["kind"] = kind.value
    members = _members(region, chain_ids, params)
    narrowed = " AND kind = :kind"
    if level is not None:
        params["level"] = level.value
        narrowed += " AND level = :level"
    query = f"""
WITH members AS MATERIALIZED ({members}),
{_COMPANY.format(kind=narrowed)}
SELECT k.org_id, o.name, MIN(k.first), MAX(k.latest), SUM(k.points), SUM(k.total)
FROM company k JOIN organization o ON o.id = k.org_id
GROUP BY k.org_id
ORDER BY o.name, k.org_id"""  # one row a company: its standards of every level added
    return [
        CompanyOutcome(r[0], r[1], float(r[2]), float(r[3]), int(r[4]), float(r[5]))
        for r in session.execute(text(query), params).all()
    ]
