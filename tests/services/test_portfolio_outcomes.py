"""The dashboard's outcome totals (``services.outcomes.portfolio_totals``, one grouped query):
per chain and for all chains with each company once, the standards by level, and the companies
behind each total; checked against the small hand-built database of test_portfolio.py, the
expected totals worked out again below from the plain description (first → latest per company in
the period, the pass rate averaged, flows added up), and against the per-company path the chain
report uses (``services.outcomes.totals``)."""

from __future__ import annotations

from datetime import date

import pytest

from qclinic.core.vocabulary import OutcomeKind, StandardLevel
from qclinic.services import Services
from qclinic.storage.models import Outcome
from tests.services.test_portfolio import CHAINS, END, ORGS, START, _live_members, built

__all__ = ["built"]  # the fixture, shared

#: (org, kind, level, period, value, deleted)
OUTCOMES = [
    ("S1", "pass-rate", None, "2026-01-31", 95.5, False),
    ("S1", "pass-rate", None, "2026-03-31", 97.0, False),
    ("S1", "pass-rate", None, "2026-06-30", 98.5, False),  # the period's last day counts
    ("S1", "pass-rate", None, "2026-07-01", 99.5, False),  # after the period
    ("S2", "pass-rate", None, "2026-02-28", 90.0, False),  # one figure: counts in "after" only
    ("L2", "pass-rate", None, "2025-12-31", 80.0, False),  # before the period
    ("L2", "pass-rate", None, "2026-03-31", 92.0, False),
    ("L2", "pass-rate", None, "2026-06-30", 94.0, False),
    ("S4", "pass-rate", None, "2026-03-31", 50.0, True),  # deleted
    ("S3", "pass-rate", None, "2026-03-31", 10.0, False),  # a deleted company
    ("S1", "complaints", None, "2026-01-31", 6.0, False),
    ("S1", "complaints", None, "2026-06-30", 2.0, False),
    ("S4", "complaints", None, "2026-05-31", 3.0, False),
    ("S1", "standards", "national", "2026-03-31", 1.0, False),
    ("S1", "standards", "association", "2026-03-31", 2.0, False),  # same period, two levels
    ("S2", "standards", "association", "2026-04-30", 3.0, False),
    ("L1", "standards", "enterprise-leader", "2026-05-31", 4.0, False),
    ("S4", "patents", None, "2026-02-28", 2.0, False),
    ("S4", "patents", None, "2026-05-31", 1.0, False),
    ("S4", "certificates", None, "2026-01-31", 4.0, False),
    ("S4", "certificates", None, "2026-06-30", 5.0, False),
]


def _write(services: Services, ids: dict[str, str]) -> None:
    from datetime import UTC, datetime

    with services.database.session() as session:
        for org, kind, level, period, value, deleted in OUTCOMES:
            session.add(
                Outcome(
                    organization_id=ids[org],
                    kind=OutcomeKind(kind),
                    level=StandardLevel(level) if level else None,
                    period=date.fromisoformat(period),
                    value=value,
                    deleted_at=datetime(2026, 7, 1, tzinfo=UTC) if deleted else None,
                )
            )


def _inside(chain: str | None) -> list[tuple[str, str, str | None, str, float]]:
    members = _live_members(chain)
    lo, hi = START.isoformat(), END.isoformat()
    return [
        (org, kind, level, period, value)
        for org, kind, level, period, value, deleted in OUTCOMES
        if org in members and not deleted and lo <= period <= hi
    ]


def _expected(chain: str | None) -> dict[str, tuple[int, float | None, float]]:
    """kind → (companies, before, after), worked out from the description."""
    per: dict[tuple[str, str], dict[str, float]] = {}
    for org, kind, _level, period, value in _inside(chain):
        periods = per.setdefault((kind, org), {})
        periods[period] = periods.get(period, 0.0) + value
    found: dict[str, tuple[int, float | None, float]] = {}
    for kind in {k for k, _o in per}:
        series = [[v for _p, v in sorted(p.items())] for (k, _o), p in per.items() if k == kind]
        if kind in ("standards", "patents", "awards"):
            found[kind] = (len(series), None, sum(sum(s) for s in series))
            continue
        # a change over the companies with two or more figures, else the latest of every one;
        # rates (pass rate, PPM) as a mean, counts as a sum
        two = [s for s in series if len(s) > 1]
        counted = two or series
        before = [s[0] for s in two] or None
        after = [s[-1] for s in counted]
        if kind in ("pass-rate", "ppm"):
            found[kind] = (
                len(series),
                sum(before) / len(before) if before else None,
                sum(after) / len(after),
            )
        else:
            found[kind] = (len(series), sum(before) if before else None, sum(after))
    return found


def _levels(chain: str | None) -> dict[str, tuple[int, float]]:
    found: dict[str, tuple[set[str], float]] = {}
    for org, kind, level, _period, value in _inside(chain):
        if kind == "standards" and level:
            orgs, count = found.get(level, (set(), 0.0))
            found[level] = (orgs | {org}, count + value)
    return {level: (len(orgs), count) for level, (orgs, count) in found.items()}


def test_the_totals_per_chain_and_for_all_chains(services: Services, built: dict[str, str]) -> None:
    _write(services, built)
    found = services.outcomes.portfolio_totals(start=START, end=END)
    for key in (*CHAINS, None):
        chain = found[built[key] if key else None]
        got = {t.kind.value: (t.companies, t.before, t.after) for t in chain.totals}
        assert got == pytest.approx(_expected(key)), key
        levels = {t.level.value: (t.companies, t.count) for t in chain.standards_by_level}
        assert levels == _levels(key), key
    # the hand-worked figures of the whole province, to be sure the reference says it right:
    # S1 95.5 → 98.5 and L2 92 → 94 (two figures each), S2 90 (one, no change to tell):
    # 93.75 → 96.25 over S1 and L2, three companies with a figure
    every = {t.kind.value: t for t in found[None].totals}
    assert every["pass-rate"].before == pytest.approx((95.5 + 92.0) / 2)
    assert every["pass-rate"].after == pytest.approx((98.5 + 94.0) / 2)
    assert (every["pass-rate"].companies, every["pass-rate"].compared) == (3, 2)
    assert (every["standards"].companies, every["standards"].after) == (3, 10.0)
    assert (every["certificates"].before, every["certificates"].after) == (4.0, 5.0)


def test_the_grouped_totals_equal_the_chain_reports_per_company_ones(
    services: Services, built: dict[str, str]
) -> None:
    _write(services, built)
    found = services.outcomes.portfolio_totals(start=START, end=END)
    per_chain = services.outcomes.chain_totals([built[k] for k in CHAINS], START, END)
    for key in CHAINS:
        grouped = [(t.kind, t.companies, t.before, t.after) for t in found[built[key]].totals]
        one_by_one = [(t.kind, t.companies, t.before, t.after) for t in per_chain[built[key]]]
        assert grouped == pytest.approx(one_by_one)


def test_the_region_and_a_chain_narrow_the_totals(
    services: Services, built: dict[str, str]
) -> None:
    _write(services, built)
    region = CHAINS["K2"][1]
    found = services.outcomes.portfolio_totals(region=region, start=START, end=END)
    assert set(found) == {built["K2"], None}
    assert {t.kind.value for t in found[None].totals} == set(_expected("K2"))
    only = services.outcomes.portfolio_totals(chain_ids=(built["K1"],), start=START, end=END)
    assert set(only) == {built["K1"], None}
    assert services.outcomes.portfolio_totals(start=date(2020, 1, 1), end=date(2020, 12, 31)) == {}


def test_the_companies_behind_a_total(services: Services, built: dict[str, str]) -> None:
    _write(services, built)
    rows = services.outcomes.portfolio_companies(
        OutcomeKind.PASS_RATE, chain_ids=(built["K1"],), start=START, end=END
    )
    expected = sorted(
        {org for org, kind, *_rest in _inside("K1") if kind == "pass-rate"},
        key=lambda org: (ORGS[org][0], built[org]),
    )
    assert [r.id for r in rows] == [built[org] for org in expected]
    s1 = next(r for r in rows if r.id == built["S1"])
    assert (s1.first, s1.latest, s1.points) == (95.5, 98.5, 3)
    association = services.outcomes.portfolio_companies(
        OutcomeKind.STANDARDS, StandardLevel.ASSOCIATION, start=START, end=END
    )
    assert {(r.id, r.total) for r in association} == {(built["S1"], 2.0), (built["S2"], 3.0)}
    standards = services.outcomes.portfolio_companies(OutcomeKind.STANDARDS, start=START, end=END)
    expected_standards: dict[str, float] = {}
    for org, kind, _level, _period, value in _inside(None):
        if kind == "standards":  # every level of a company added up, the company once
            expected_standards[built[org]] = expected_standards.get(built[org], 0.0) + value
    assert {r.id: r.total for r in standards} == expected_standards
    assert len(standards) == len(expected_standards)
