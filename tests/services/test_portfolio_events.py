# ruff: noqa: F811  (built is a fixture of test_portfolio.py, taken as an argument by name)
"""The companies behind the services and problems figures (``services.portfolio.event_companies``),
over the hand-built database of ``test_portfolio.py``: the expected lists are worked out here from
its description (Python over the data, not the SQL)."""

from __future__ import annotations

import pytest

from qclinic.services import Services
from tests.services.test_portfolio import (  # noqa: F401
    ASSESSMENTS,
    CASES,
    CHAINS,
    END,
    FILTER,
    ORGS,
    START,
    VISITS,
    built,
)

LO, HI = START.isoformat(), END.isoformat()


def _members(chain: str | None) -> set[str]:
    chains = [chain] if chain else list(CHAINS)
    return {org for key in chains for org in CHAINS[key][2] if not ORGS[org][2]}


def _events(chain: str | None) -> list[tuple[str, str, str, str]]:
    """(kind, org, field, day) of every event in the period, as the figures define them."""
    members = _members(chain)
    found = [("visit", org, "", day) for org, day in VISITS]
    found += [
        ("assessment", a[0], "", a[5])
        for a in ASSESSMENTS.values()
        if a[2] != "draft" and a[6] is None and a[5]
    ]
    found += [("case", org, field, day) for org, field, day, _solved in CASES]
    found += [("solved", org, field, day) for org, field, _day, day in CASES if day]
    return [e for e in found if e[1] in members and LO <= e[3] <= HI]


def _expected(
    built: dict[str, str],
    kinds: tuple[str, ...],
    chain: str | None = None,
    field: str | None = None,
    month: str | None = None,
) -> list[tuple[str, dict[str, int]]]:
    counts: dict[str, dict[str, int]] = {}
    for kind, org, event_field, day in _events(chain):
        if kind in kinds and field in (None, event_field) and month in (None, day[:7]):
            per_kind = counts.setdefault(org, {})
            per_kind[kind] = per_kind.get(kind, 0) + 1
    by_name = sorted(counts, key=lambda org: (ORGS[org][0], built[org]))
    return [(built[org], counts[org]) for org in by_name]


def _listed(
    services: Services, built: dict[str, str], kinds: tuple[str, ...], **narrowed: str
) -> list[tuple[str, dict[str, int]]]:
    chain = narrowed.pop("chain", None)
    found = services.portfolio.event_companies(
        FILTER, kinds, chain_id=built[chain] if chain else None, **narrowed
    )
    return [(c.company.id, dict(c.counts)) for c in found]


SERVICES = ("visit", "assessment", "case")


@pytest.mark.parametrize("chain", [None, "K1", "K2"])
def test_the_services_tile_lists_each_company_with_its_events(
    services: Services, built: dict[str, str], chain: str | None
) -> None:
    listed = _listed(services, built, SERVICES, **({"chain": chain} if chain else {}))
    assert listed == _expected(built, SERVICES, chain)
    assert listed  # the data has services in every chain
    # the companies' counts add up to the tile's figure
    figures = services.portfolio.figures(FILTER)
    shown = (
        figures.total if chain is None else next(c for c in figures.chains if c.id == built[chain])
    )
    assert sum(sum(counts.values()) for _org, counts in listed) == shown.services.total


def test_a_month_of_visits_and_a_field_of_problems(
    services: Services, built: dict[str, str]
) -> None:
    k1 = _listed(services, built, ("visit",), chain="K1", month="2026-02")
    assert (
        k1 == _expected(built, ("visit",), "K1", month="2026-02") == [(built["S1"], {"visit": 1})]
    )
    solved = _listed(services, built, ("solved",), field="metrology")
    assert solved == _expected(built, ("solved",), field="metrology")
    assert solved == [(built["S1"], {"solved": 1})]
    # a case registered before the period but solved in it counts as solved only
    standards = _listed(services, built, ("case", "solved"), field="standards")
    assert standards == _expected(built, ("case", "solved"), field="standards")
    assert standards == [(built["S2"], {"case": 1, "solved": 1})]
    figures = services.portfolio.figures(FILTER).total
    for field, problems in figures.problems_by_field.items():
        listed = _listed(services, built, ("case",), field=field)
        assert sum(counts["case"] for _org, counts in listed) == problems.received


def test_an_unknown_kind_is_refused(services: Services, built: dict[str, str]) -> None:
    with pytest.raises(KeyError):
        services.portfolio.event_companies(FILTER, ("phone-call",))
