"""One pull answer for many scope keys (``POST /v1/pull/many``, docs/SYNC.md, "Pulling many keys").

A caller who sees thousands of organizations (an admin, a lead of a big region) used to make at
least one ``GET /v1/pull`` a key at every sync, changed or not. Here the client sends its
(key, cursor) pairs in the body, and the server answers, in the keys' order, the pages of the
keys that have rows after their cursor until the answer holds *limit* rows:

- which keys changed is one indexed query per :data:`CHUNK` keys (the highest ``seq`` of each
  key, on ``ix_server_record_org_seq``), read only for the chunks the answer reaches: an unchanged
  key costs an index probe and no page;
- each changed key's page is :func:`qclinic.server.pull.page`, the very function of the
  one-key pull, with its cursor: parents, withheld customers and the dependents of a customer
  come into sight exactly as there, so the answer is the union of the one-key pages;
- the whole answer is read in one read-only session (one snapshot, no lock): every key's cursor
  is a point of the same snapshot, so the counter-lock argument of "Cursors" holds key by key.

Keys the caller may not see are left out of the answer, named under ``forbidden`` (they are the
caller's own words: nothing of the server leaks), and no row of them leaves the server.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import String, any_, bindparam, func, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from qclinic.server.models import Record
from qclinic.server.pull import page
from qclinic.server.scope import Scope

#: keys a request may name (the client sends at most this many; more is a 422)
MAX_KEYS = 5000
#: keys per "which changed" query: a bounded IN-list on SQLite, one array on PostgreSQL
CHUNK = 500


def heads(session: Session, keys: list[str]) -> dict[str, int]:
    """The highest ``seq`` of each of *keys* that holds any record (one query).

    On PostgreSQL the keys go as one array parameter (``= ANY(:keys)``): one plan whatever
    their number, an index scan of ``(organization_id, seq)``; on SQLite a bounded IN-list.
    """
    if not keys:
        return {}
    if session.get_bind().dialect.name == "postgresql":
        among = Record.organization_id == any_(bindparam("keys", keys, type_=ARRAY(String)))
    else:
        among = Record.organization_id.in_(keys)
    query = select(Record.organization_id, func.max(Record.seq)).where(among)
    return {key: int(seq) for key, seq in session.execute(query.group_by(Record.organization_id))}


def _chunks(wanted: list[tuple[str, int]]) -> Iterator[list[tuple[str, int]]]:
    for start in range(0, len(wanted), CHUNK):
        yield wanted[start : start + CHUNK]


def pages(
    session: Session, wanted: list[tuple[str, int]], limit: int, scope: Scope | None
) -> dict[str, Any]:
    """The pages of the keys of *wanted* (``(key, cursor)``, in order) with rows after their
    cursor, until the answer holds *limit* rows (*scope*: what the caller may see, ``None``
    for an admin).

    ``reached`` counts the pairs of *wanted* dealt with: each has its page here, had nothing new
    or is ``forbidden``; the last page may say ``more`` (ask that key again from its cursor).
    A key named twice counts once, at its first place.
    """
    out: list[dict[str, Any]] = []
    forbidden: list[str] = []
    seen: set[str] = set()
    budget = limit
    reached = 0
    for chunk in _chunks(wanted):
        if budget <= 0:
            break
        visible = [key for key, _ in chunk if scope is None or scope.may_see(key)]
        top = heads(session, visible)
        for key, after in chunk:
            if budget <= 0:
                break
            reached += 1
            if key in seen:
                continue
            seen.add(key)
            if scope is not None and not scope.may_see(key):
                forbidden.append(key)
            elif top.get(key, 0) > after:
                one = page(session, key, after, budget, scope)
                out.append({"key": key, **one})
                budget -= max(1, len(one["rows"]))
    return {"pages": out, "reached": reached, "forbidden": forbidden}
