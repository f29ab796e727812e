"""A small province for the dashboard's tests and pictures, described as data and written as rows.

Two chains: 有色金属产业链 (鹰潭) with a leader and three suppliers, 电子信息产业链 (南昌) with a
leader and two suppliers, one of them (鹰潭精密铜材) in both. Days are relative to today, so
"this year" always holds this year's evaluations and the previous period last year's.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

#: org key → (name, cqo name)
ORGS = {
    "L1": ("江西铜业集团有限公司", "王建国"),
    "S1": ("鹰潭精密铜材有限公司", "李明"),
    "S2": ("贵溪线缆有限公司", None),
    "S3": ("余江铜箔科技有限公司", None),
    "L2": ("南昌电子股份有限公司", "陈立"),
    "S4": ("赣州电子元件厂", None),
}
#: chain key → (name, region, members: org → (role, tier, customer))
CHAINS = {
    "K1": (
        "有色金属产业链",
        "鹰潭",
        {
            "L1": ("chain-leader", 0, None),
            "S1": ("supplier", 1, "L1"),
            "S2": ("supplier", 1, "L1"),
            "S3": ("supplier", 2, "S1"),
        },
    ),
    "K2": (
        "电子信息产业链",
        "南昌",
        {
            "L2": ("chain-leader", 0, None),
            "S1": ("supplier", 1, "L2"),
            "S4": ("supplier", 1, "L2"),
        },
    ),
}


def this_year() -> datetime:
    return datetime(date.today().year, 1, 1, 9, tzinfo=UTC)


def last_year() -> datetime:
    return datetime(date.today().year - 1, 6, 1, 9, tzinfo=UTC)


#: signed 4-level evaluations: (org, grade, score, when) — S1 rose from C to B, S2 is graded A
#: for the first time this year, S4 is D, S3 was never evaluated
EVALUATIONS = [
    ("S1", "C", 74.0, last_year),
    ("S1", "B", 84.0, this_year),
    ("S2", "A", 93.0, this_year),
    ("S4", "D", 55.0, this_year),
]
#: open actions: (org, owner, overdue)
ACTIONS = [("S1", "张工", True), ("S1", "张工", False), ("S4", "周工", False)]

#: visits this year (in January): (org, how many)
VISITS = [("S1", 3), ("L2", 1)]
#: clinic cases registered today: (org, NQI field, solved today)
CASES = [("S1", "metrology", True), ("S4", "standards", False)]

#: what the figures must be, worked out from the description above
GRADES_NOW = {
    "K1": {"A": 1, "B": 1, "C": 0, "D": 0, "ungraded": 1},
    "K2": {"A": 0, "B": 1, "C": 0, "D": 1, "ungraded": 0},
}
GRADES_BEFORE = {
    "K1": {"A": 0, "B": 0, "C": 1, "D": 0, "ungraded": 2},
    "K2": {"A": 0, "B": 0, "C": 1, "D": 0, "ungraded": 1},
}
COMPANIES = {"K1": 4, "K2": 3, None: 6}


def build(database: Any) -> dict[str, str]:
    """Write the province into *database*; returns key → row id."""
    from qclinic.storage.models import (
        Action,
        Assessment,
        Chain,
        ChainMember,
        ClinicCase,
        Organization,
        Visit,
    )

    ids: dict[str, str] = {}
    with database.session() as session:
        for key, (name, cqo) in ORGS.items():
            org = Organization(name=name, cqo_name=cqo)
            session.add(org)
            session.flush()
            ids[key] = org.id
        for key, (name, region, members) in CHAINS.items():
            chain = Chain(name=name, region=region)
            session.add(chain)
            session.flush()
            ids[key] = chain.id
            for org, (role, tier, customer) in members.items():
                session.add(
                    ChainMember(
                        chain_id=chain.id,
                        organization_id=ids[org],
                        role=role,
                        tier=tier,
                        customer_id=ids[customer] if customer else None,
                    )
                )
        for n, (org, grade, score, when) in enumerate(EVALUATIONS):
            row = Assessment(
                organization_id=ids[org],
                checklist_id="supplier-4level",
                checklist_version="1",
                checklist_json={},
                title=f"供应商四级评价 {n}",
                status="signed",
                grade=grade,
                score_percent=score,
                completed_at=when(),
                signed_at=when(),
            )
            session.add(row)
        today = date.today()
        for n, (org, owner, overdue) in enumerate(ACTIONS):
            due = date(today.year - 1, 1, 1) if overdue else date(today.year + 1, 12, 31)
            session.add(
                Action(
                    organization_id=ids[org],
                    title=f"整改项 {n}",
                    owner=owner,
                    status="open",
                    due_date=due,
                )
            )
        for org, times in VISITS:
            for _ in range(times):
                session.add(
                    Visit(
                        organization_id=ids[org],
                        kind="onsite-clinic",
                        visit_date=this_year().date(),
                    )
                )
        for org, field, solved in CASES:
            session.add(
                ClinicCase(
                    organization_id=ids[org],
                    nqi_category=field,
                    title=f"{field} 问题",
                    status="resolved" if solved else "registered",
                    resolved_on=today if solved else None,
                )
            )
    return ids
