"""The period's services and problems per chain, NQI field and month (the chain view's events).

The events are the ones :func:`qclinic.storage.portfolio.happened_cte` selects. Derived from the
tables (visits, assessments, cases, referrals: five probes per company), or, when the summary is
up to date (:attr:`~qclinic.storage.portfolio.Query.events_summary`), read from its
``portfolio_event`` (:mod:`qclinic.storage.portfolio_summary`): one range of its key, day
first, whatever days the period starts and ends on.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from qclinic.storage.portfolio import Query, happened_cte
from qclinic.storage.portfolio_lists import driver_rows as _rows

#: an event count: (kind, chain id or None for the total, NQI field, YYYY-MM, events)
Event = tuple[str, str | None, str, str, int]


def events(session: Session, query: Query) -> list[Event]:
    """Services and problems in the period: (kind, chain id or None, NQI field, YYYY-MM, count).

    Kinds: ``visit``, ``assessment``, ``case`` (received), ``solved``, ``referral`` (delivered).
    """
    if query.events_summary:
        return _summarised_events(session, query)
    happened = happened_cte("orgs")
    per_org = """per_org AS MATERIALIZED (
  SELECT kind, org_id, field, SUBSTR(day, 1, 7) AS month, COUNT(*) AS n FROM happened
  GROUP BY kind, org_id, field, SUBSTR(day, 1, 7)
)"""
    statement = f"""{query.with_(happened, per_org)}
SELECT h.kind, m.chain_id, h.field, h.month, SUM(h.n)
FROM per_org h JOIN (SELECT DISTINCT chain_id, org_id FROM members) m ON m.org_id = h.org_id
GROUP BY h.kind, m.chain_id, h.field, h.month
UNION ALL
SELECT kind, NULL, field, month, SUM(n) FROM per_org
GROUP BY kind, field, month"""
    rows = session.execute(sql(statement), query.params).all()
    return [(r[0], r[1], r[2], r[3], int(r[4])) for r in rows]


def _whole_months(start: str, cut: str) -> tuple[str, str] | None:
    """The first days of the period's first whole month and of the month after its last whole
    one (the period is ``start`` … the day before ``cut``), or None if no month is whole."""
    first = date.fromisoformat(start)
    if first.day != 1:
        first = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    after = date.fromisoformat(cut).replace(day=1)
    return (first.isoformat(), after.isoformat()) if first < after else None


def _summarised_events(session: Session, query: Query) -> list[Event]:
    """:func:`events` read from the summary: the period's whole months from the chains' months
    (``portfolio_chain_event``), its edge days from the companies' days (``portfolio_event``,
    one range of its key on each side).

    The total counts each company once: it is the chains' sum less, for each company in
    several of them, its events as many times over as it is in more than one (a few hundred
    companies, where grouping every company's events again would take as long as the chains).
    """
    params = dict(query.params)
    whole = _whole_months(params["start"], params["cut"])
    rows: list[Event] = []
    if whole is None:  # less than a month: every day from the companies' days
        edges = "e.day >= :start AND e.day < :cut"
    else:
        params["ev_lo"], params["ev_hi"] = whole
        edges = "(e.day >= :start AND e.day < :ev_lo OR e.day >= :ev_hi AND e.day < :cut)"
        statement = f"""{query.ctes}
SELECT e.kind, e.chain_id, e.field, e.month, e.n FROM portfolio_chain_event e
WHERE e.chain_id IN (SELECT DISTINCT chain_id FROM members)
  AND e.month >= SUBSTR(:ev_lo, 1, 7) AND e.month < SUBSTR(:ev_hi, 1, 7)"""
        rows.extend(_rows(session, statement, params))
    statement = f"""{query.ctes}
SELECT e.kind, m.chain_id, e.field, SUBSTR(e.day, 1, 7), SUM(e.n)
FROM portfolio_event e JOIN members m ON m.org_id = e.organization_id
WHERE {edges}
GROUP BY e.kind, m.chain_id, e.field, SUBSTR(e.day, 1, 7)"""
    rows.extend(_rows(session, statement, params))
    rows.sort()
    statement = f"""{query.ctes}
SELECT e.kind, e.field, SUBSTR(e.day, 1, 7), SUM(e.n * (s.k - 1))
FROM (SELECT org_id, COUNT(*) AS k FROM members GROUP BY org_id HAVING COUNT(*) > 1) s
JOIN portfolio_event e INDEXED BY ix_portfolio_event_organization ON e.organization_id = s.org_id
WHERE e.day >= :start AND e.day < :cut
GROUP BY e.kind, e.field, SUBSTR(e.day, 1, 7)"""
    total: dict[tuple[str, str, str], int] = {}
    for kind, _chain, field, month, n in rows:
        total[(kind, field, month)] = total.get((kind, field, month), 0) + n
    for kind, field, month, n in _rows(session, statement, params):
        total[(kind, field, month)] -= n
    rows.extend((kind, None, field, month, n) for (kind, field, month), n in sorted(total.items()))
    return rows
