"""Referrals delivered in the period count in the chain view's service figures, per NQI field
and per month (``services.portfolio``), and in ``qclinic portfolio --json`` under
``services.referrals``; checked against the small hand-built database of test_portfolio.py, the
expected figures worked out again from the plain description below."""

from __future__ import annotations

from datetime import date
from typing import Any

from qclinic.core.portfolio import portfolio_json
from qclinic.core.vocabulary import ProviderKind, ReferralStatus
from qclinic.services import Services
from qclinic.storage.models import Provider, Referral
from tests.services.test_portfolio import CHAINS, END, FILTER, START, _live_members, built

__all__ = ["built"]  # the fixture, shared

#: (org, NQI field, delivered day or None, deleted)
REFERRALS = [
    ("S1", "metrology", "2026-02-15", False),  # K1 and K2 (S1 is in both)
    ("S1", "metrology", "2026-06-30", False),  # the period's last day counts
    ("S2", "inspection-testing", "2026-03-01", False),
    ("S2", "standards", "2026-07-01", False),  # after the period
    ("L2", "metrology", "2025-12-31", False),  # before it
    ("S4", "certification-accreditation", None, False),  # not delivered yet
    ("S4", "certification-accreditation", "2026-04-02", True),  # deleted
    ("S4", "special-equipment", "2026-05-05", False),
]


def _write(services: Services, ids: dict[str, str]) -> None:
    with services.database.session() as session:
        provider = Provider(name="江西省计量测试研究院", kind=ProviderKind.METROLOGY)
        session.add(provider)
        session.flush()
        for org, category, delivered, deleted in REFERRALS:
            day = date.fromisoformat(delivered) if delivered else None
            session.add(
                Referral(
                    organization_id=ids[org],
                    provider_id=provider.id,
                    nqi_category=category,
                    request="服务",
                    status=ReferralStatus.DELIVERED if day else ReferralStatus.REQUESTED,
                    requested_on=date(2025, 1, 1),
                    delivered_on=day,
                    deleted_at=None if not deleted else provider.created_at,
                )
            )


def _expected(chain: str | None) -> list[tuple[str, str]]:
    """(field, month) of each referral of *chain*'s live members delivered in the period."""
    members = _live_members(chain)
    lo, hi = START.isoformat(), END.isoformat()
    return [
        (category, day[:7])
        for org, category, day, deleted in REFERRALS
        if org in members and day and not deleted and lo <= day <= hi
    ]


def test_referrals_delivered_in_the_period_count_by_field_and_month(
    services: Services, built: dict[str, str]
) -> None:
    _write(services, built)
    portfolio = services.portfolio.figures(FILTER)
    for figures in [*portfolio.chains, portfolio.total]:
        key = next((k for k in CHAINS if built[k] == figures.id), None)
        expected = _expected(key)
        assert figures.services.referrals == len(expected)
        fields = {f for f, _month in expected}
        assert dict(figures.services.referrals_by_field) == {
            f: sum(e[0] == f for e in expected) for f in fields
        }
        months = {m for _f, m in expected}
        assert {
            m.month: m.services.referrals for m in figures.by_month if m.services.referrals
        } == {m: sum(e[1] == m for e in expected) for m in months}
    # S1's two are counted once in the total though S1 sits in both chains
    assert portfolio.total.services.referrals == len(_expected(None)) == 4

    printed: dict[str, Any] = portfolio_json(portfolio)
    total = printed["total"]["services"]
    assert total["referrals"] == 4
    assert total["referrals_by_field"] == {
        "inspection-testing": 1,
        "metrology": 2,
        "special-equipment": 1,
    }
