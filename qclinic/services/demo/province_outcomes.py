"""Outcome figures and referrals for the synthetic province (:mod:`.province`), for the chain
view's pictures and for timing its outcome totals on 10,000 companies.

Over the last eight quarters before ``end``, every chain company reports its product pass rate
(rising a little most quarters), customer complaints, PPM and certificates held; now and then a
standard drafted (with its level), a patent or an award. About one company in three was referred to
one of a few NQI service providers once or twice, most of them delivered. Written like the
province itself — bulk inserts in one transaction, no change-log rows (made-up data never syncs),
deterministic per seed — into a data folder that holds a province and no outcome figures yet.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from qclinic.core.vocabulary import (
    NqiCategory,
    OutcomeKind,
    ProviderKind,
    ReferralStatus,
    StandardLevel,
)
from qclinic.services.base import Service

QUARTERS = 8
_RECORD = ("id", "created_at", "updated_at", "revision", "deleted_at")
#: the providers referred to: (name, kind, the NQI field of their services, what is asked)
PROVIDERS = (
    ("江西省计量测试研究院", ProviderKind.METROLOGY, NqiCategory.METROLOGY, "量具及测量设备校准"),
    ("江西省检验检测认证总院", ProviderKind.TEST_LABORATORY, NqiCategory.INSPECTION_TESTING,
     "产品型式试验"),
    ("中国质量认证中心南昌分中心", ProviderKind.CERTIFICATION_BODY,
     NqiCategory.CERTIFICATION, "ISO 9001 认证审核"),
    ("江西省标准化研究院", ProviderKind.STANDARDS_BODY, NqiCategory.STANDARDS, "团体标准起草辅导"),
    ("江西省知识产权保护中心", ProviderKind.IP_SERVICE, NqiCategory.INTELLECTUAL_PROPERTY,
     "发明专利预审"),
    ("江西省特种设备检验检测研究院", ProviderKind.SPECIAL_EQUIPMENT,
     NqiCategory.SPECIAL_EQUIPMENT, "起重机械定期检验"),
)  # fmt: skip


def _quarter_ends(end: date) -> list[date]:
    """The last day of each of the :data:`QUARTERS` quarters up to *end*'s, oldest first."""
    ends: list[date] = []
    year, quarter = end.year, (end.month - 1) // 3
    for _ in range(QUARTERS):
        month = 3 * quarter + 3
        first_of_next = date(year + month // 12, month % 12 + 1, 1)
        ends.append(min(first_of_next - timedelta(days=1), end))
        year, quarter = (year, quarter - 1) if quarter else (year - 1, 3)
    return ends[::-1]


class ProvinceOutcomesService(Service):
    """Adds the outcome figures and referrals (see the module docstring)."""

    def build(self, *, seed: int = 1, end: date | None = None) -> dict[str, int]:
        """Write them; returns how many rows of each kind were written."""
        from sqlalchemy import text as sql

        rng = random.Random(seed)
        end = end or date.today()
        quarters = _quarter_ends(end)
        stamp = f"{end.isoformat()} 09:00:00.000000"

        def new_id() -> str:
            return str(uuid.UUID(int=rng.getrandbits(128) & ~(0xF << 76) | 7 << 76))

        with self._writing() as session:
            companies = list(
                session.execute(
                    sql(
                        "SELECT DISTINCT organization_id FROM chain_member "
                        "WHERE deleted_at IS NULL ORDER BY organization_id"
                    )
                ).scalars()
            )
            providers = [(new_id(), *p) for p in PROVIDERS]
            outcomes: list[tuple[Any, ...]] = []
            referrals: list[tuple[Any, ...]] = []
            for company in companies:
                outcomes += _figures(rng, company, quarters, new_id, stamp)
                if rng.random() < 1 / 3:
                    referrals += _referrals(rng, company, providers, end, new_id, stamp)
            connection = session.connection()
            counts = {
                "provider": _insert(
                    connection,
                    "provider",
                    (
                        *_RECORD,
                        "name",
                        "kind",
                        "accreditation_number",
                        "accreditation_scope",
                        "region",
                        "contact",
                        "phone",
                        "email",
                        "notes",
                    ),
                    [
                        (
                            p[0],
                            stamp,
                            stamp,
                            1,
                            None,
                            p[1],
                            p[2].value,
                            "",
                            p[4],
                            "江西省",
                            "",
                            "",
                            "",
                            "",
                        )
                        for p in providers
                    ],
                ),
                "outcome": _insert(
                    connection,
                    "outcome",
                    (
                        *_RECORD,
                        "organization_id",
                        "period",
                        "kind",
                        "level",
                        "value",
                        "source",
                        "note",
                    ),
                    outcomes,
                ),
                "referral": _insert(
                    connection,
                    "referral",
                    (
                        *_RECORD,
                        "organization_id",
                        "provider_id",
                        "nqi_category",
                        "request",
                        "status",
                        "requested_on",
                        "accepted_on",
                        "delivered_on",
                        "closed_on",
                        "note",
                    ),
                    referrals,
                ),
            }
            # no change-log lines tell the portfolio's summary of the delivered referrals (its
            # events, schema 0017): it is rebuilt here, whole, as the province's build does
            from qclinic.services.portfolio import PortfolioService
            from qclinic.storage import portfolio_summary

            questions = PortfolioService(self._database, self._bus).coverage_questions()
            portfolio_summary.invalidate(session)
            portfolio_summary.refresh(session, questions)
        self._publish({table: [] for table in counts})
        return counts


def _figures(
    rng: random.Random, company: str, quarters: Sequence[date], new_id: Any, stamp: str
) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    rate = rng.uniform(90.0, 97.0)
    complaints = rng.randint(2, 12)
    certificates = rng.randint(1, 6)
    ppm_scale = rng.uniform(20.0, 80.0)  # defects per million per point of yield lost

    def add(period: date, kind: OutcomeKind, value: float, level: str | None = None) -> None:
        record = (new_id(), stamp, stamp, 1, None)
        rows.append(
            (*record, company, period.isoformat(), kind.value, level, value, "季度报表", "")
        )

    for period in quarters:
        rate = min(99.9, rate + rng.choice((-0.2, 0.1, 0.3, 0.4, 0.6)))
        complaints = max(0, complaints + rng.choice((-2, -1, -1, 0, 1)))
        certificates += rng.random() < 0.15
        add(period, OutcomeKind.PASS_RATE, round(rate, 1))
        add(period, OutcomeKind.COMPLAINTS, complaints)
        add(period, OutcomeKind.PPM, round((100 - rate) * ppm_scale))
        add(period, OutcomeKind.CERTIFICATES, certificates)
        if rng.random() < 0.08:
            level = rng.choice(list(StandardLevel))
            add(period, OutcomeKind.STANDARDS, rng.randint(1, 2), level.value)
        if rng.random() < 0.05:
            add(period, OutcomeKind.PATENTS, rng.randint(1, 3))
        if rng.random() < 0.01:
            add(period, OutcomeKind.AWARDS, 1)
    return rows


def _referrals(
    rng: random.Random,
    company: str,
    providers: Sequence[tuple[Any, ...]],
    end: date,
    new_id: Any,
    stamp: str,
) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    for _ in range(rng.randint(1, 2)):
        provider = rng.choice(providers)
        requested = end - timedelta(days=rng.randint(20, 700))
        delivered = requested + timedelta(days=rng.randint(7, 60))
        if delivered > end or rng.random() < 0.15:
            status, delivered_on, closed_on = ReferralStatus.ACCEPTED, None, None
        elif rng.random() < 0.5:
            status, delivered_on, closed_on = ReferralStatus.DELIVERED, delivered, None
        else:
            closed = min(end, delivered + timedelta(days=rng.randint(1, 10)))
            status, delivered_on, closed_on = ReferralStatus.CLOSED, delivered, closed
        rows.append(
            (new_id(), stamp, stamp, 1, None, company, provider[0], provider[3].value,
             provider[4], status.value, requested.isoformat(),
             (requested + timedelta(days=2)).isoformat(),
             delivered_on.isoformat() if delivered_on else None,
             closed_on.isoformat() if closed_on else None, "")
        )  # fmt: skip
    return rows


def _insert(
    connection: Any, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> int:
    if rows:
        marks = ", ".join("?" * len(columns))
        statement = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
        connection.exec_driver_sql(statement, rows)
    return len(rows)
