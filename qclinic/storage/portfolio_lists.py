"""The chain view's lists of companies and owners: the weakest suppliers, the companies and the
owners with open actions, per chain and for all chains together.

The rows come from the facts (:func:`qclinic.storage.portfolio.facts_query`) and the open
actions per company and owner, as the driver gives them (plain tuples: thousands are read); the
ranking is done here: a chain's ten weakest of two hundred suppliers cost less picked in Python
than numbered by a window over every chain's suppliers in SQL (≈ 20 against 33 ms).
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from typing import Any

from sqlalchemy.orm import Session

from qclinic.core.vocabulary import ChainRole
from qclinic.storage.portfolio import Query

_SUPPLIER = ChainRole.SUPPLIER.value

#: a weak supplier: (chain id or None for all, company id, name, grade, score)
Weak = tuple[str | None, str, str, str | None, float]
#: an owner's actions: (chain id or None for all, owner, open, overdue)
Owner = tuple[str | None, str, int, int]
#: a company's actions: (chain id, company id, name, open, overdue)
Company = tuple[str, str, str, int, int]


def driver_rows(session: Session, statement: str, params: dict[str, Any]) -> list[Any]:
    """The rows of *statement* as the driver gives them (plain tuples: thousands are read)."""
    connection = session.connection().connection.dbapi_connection
    assert connection is not None
    return list(connection.execute(statement, params).fetchall())


def member_lists(
    session: Session, query: Query, limit: int
) -> tuple[list[Weak], list[Owner], list[Company]]:
    """The *limit* lowest-scoring graded suppliers per chain and overall (by score, name, id);
    the open and overdue actions per owner, per chain and overall (unordered); the companies
    with open actions, most overdue first, then most open, then by name (a company in several
    chains once per chain)."""
    graded: dict[str | None, list[tuple[float, str, str, str | None]]] = defaultdict(list)
    everyone: dict[str, tuple[float, str, str, str | None]] = {}
    for chain_id, org_id, name, grade, score in driver_rows(
        session,
        f"{query.ctes}\nSELECT chain_id, org_id, name, grade_now, score_now FROM facts"
        f" WHERE role = '{_SUPPLIER}' AND score_now IS NOT NULL",
        query.params,
    ):
        graded[chain_id].append((score, name, org_id, grade))
        everyone[org_id] = (score, name, org_id, grade)
    graded[None] = list(everyone.values())
    weak: list[Weak] = [
        (chain_id, org_id, name, grade, score)
        for chain_id, suppliers in graded.items()
        for score, name, org_id, grade in heapq.nsmallest(limit, suppliers)
    ]
    owners: list[Owner] = driver_rows(
        session,
        f"""{query.with_()}
SELECT m.chain_id, oa.owner, SUM(oa.open), SUM(oa.overdue)
FROM open_actions oa JOIN members m ON m.org_id = oa.org_id GROUP BY m.chain_id, oa.owner
UNION ALL
SELECT NULL, owner, SUM(open), SUM(overdue) FROM open_actions GROUP BY owner""",
        query.params,
    )
    companies: list[Company] = driver_rows(
        session,
        f"{query.ctes}\nSELECT chain_id, org_id, name, actions_open, actions_overdue FROM facts"
        " WHERE actions_open > 0",
        query.params,
    )
    companies.sort(key=lambda c: (-c[4], -c[3], c[2]))
    return weak, owners, companies
