"""The companies behind the portfolio's per-event figures (services and problems).

:func:`qclinic.storage.portfolio.events` counts visits, completed assessments, clinic cases
received, problems solved and referrals delivered per chain, NQI field and month. This module
answers the dashboard's click on one of those figures: which companies the events belong to, and
how many of each kind each company has. The events are selected by the same CTE
(:func:`~qclinic.storage.portfolio.happened_cte`, over the ``members`` of the same
:class:`Query`), so the counts of the companies listed add up to the figure clicked;
``tests/services/test_portfolio_events.py`` checks both against the same hand-built database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from qclinic.storage.portfolio import EVENT_KINDS, Query, happened_cte

#: the kinds of event, as :func:`qclinic.storage.portfolio.events` names them
KINDS = EVENT_KINDS
_HAPPENED = happened_cte("members")


@dataclass(frozen=True, slots=True)
class EventCount:
    """One company's events of one kind behind a figure."""

    org_id: str
    name: str
    kind: str
    count: int


def event_companies(
    session: Session,
    query: Query,
    kinds: Sequence[str],
    field: str | None = None,
    month: str | None = None,
    chain_id: str | None = None,
) -> list[EventCount]:
    """The companies whose events of *kinds* (of :data:`KINDS`) make a figure, with their counts.

    *field* narrows to one NQI field (cases and solved problems), *month* (``YYYY-MM``) to one
    month, *chain_id* to the members of one chain (None: every selected chain, each event
    once). Rows come by company name, then id, then the order of :data:`KINDS`.
    """
    unknown = set(kinds) - set(KINDS)
    if unknown or not kinds:
        raise KeyError(", ".join(sorted(unknown)) or "no kind")
    params = dict(query.params)
    where = []
    names = []
    for i, kind in enumerate(kinds):
        params[f"ev_kind{i}"] = kind
        names.append(f":ev_kind{i}")
    where.append(f"h.kind IN ({', '.join(names)})")
    if field is not None:
        params["ev_field"] = field
        where.append("h.field = :ev_field")
    if month is not None:
        params["ev_month"] = month
        where.append("SUBSTR(h.day, 1, 7) = :ev_month")
    if chain_id is not None:
        params["ev_chain"] = chain_id
        where.append("h.org_id IN (SELECT org_id FROM members WHERE chain_id = :ev_chain)")
    order = " ".join(f"WHEN '{kind}' THEN {n}" for n, kind in enumerate(KINDS))
    statement = f"""{query.with_(_HAPPENED)}
SELECT h.org_id, o.name, h.kind, COUNT(*)
FROM happened h JOIN organization o ON o.id = h.org_id
WHERE {" AND ".join(where)}
GROUP BY h.org_id, o.name, h.kind
ORDER BY o.name, h.org_id, CASE h.kind {order} END"""
    rows = session.execute(sql(statement), params).all()
    return [EventCount(r[0], r[1], r[2], int(r[3])) for r in rows]
