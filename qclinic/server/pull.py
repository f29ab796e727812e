"""Pull pages: a scope's rows changed after a cursor, by the server's sequence.

A scope is an organization, or a chain (docs/SYNC.md, "Chains"); a row may point into another
scope (a consultant, a chain membership's chain and customer): such a parent comes with the row
when the caller may see it, and a customer they may not see is withheld (sent as ``null``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qclinic.server.entities import parents
from qclinic.server.models import Record
from qclinic.server.scope import CROSS_SCOPE, WITHHELD, Scope, is_consultant


def page(
    session: Session, organization_id: str, after: int, limit: int, scope: Scope | None = None
) -> dict[str, Any]:
    """Up to *limit* rows with ``seq > after``, in order, and the cursor to ask from next.

    A row whose parent was changed again later (so sorts after it) would reach the client before
    its parent exists there: the page carries such parents too (they come again in their place,
    which applies nothing new). So does a row whose parent lies in another scope the caller may
    see (*scope*; ``None``: every one), whatever its sequence: the client may not have pulled
    that scope yet.
    """
    rows = list(
        session.scalars(
            select(Record)
            .where(Record.organization_id == organization_id, Record.seq > after)
            .order_by(Record.seq)
            .limit(limit + 1)
        )
    )
    more = len(rows) > limit
    rows = rows[:limit]
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for record in rows:
        _with_parents(session, record, out, seen, scope)
        if record.row_id == organization_id and record.entity == "organization":
            for dependent in _pointing_to(session, organization_id, scope):
                _with_parents(session, dependent, out, seen, scope, whole=True)
    return {
        "rows": out,
        "cursor": rows[-1].seq if rows else after,
        "more": more,
    }


def _pointing_to(session: Session, organization_id: str, scope: Scope | None) -> list[Record]:
    """The memberships in other scopes the caller sees whose customer is *organization_id*.

    They come with the organization's own record: a laptop that pulled one while this customer
    was out of its sight holds it with the customer withheld, and its own scope's cursor has
    passed it; now that the customer is in sight it gets the whole row (docs/SYNC.md, Chains).
    An admin sees every customer: nothing was withheld from them.
    """
    if scope is None or scope.organizations is None:
        return []
    found = (session.get(Record, row_id) for row_id in scope.pointing.get(organization_id, ()))
    return [record for record in found if record and record.organization_id != organization_id]


def _with_parents(
    session: Session,
    record: Record,
    out: list[dict[str, Any]],
    seen: set[str],
    scope: Scope | None,
    *,
    whole: bool = False,
) -> None:
    """*record* after the parents the client may lack (*whole*: every parent in sight, for a
    row out of the page's own scope)."""
    if record.row_id in seen:
        return
    seen.add(record.row_id)
    fields = record.fields
    for field in parents(record.entity):
        parent_id = record.fields.get(field)
        if not parent_id:
            continue
        parent = session.get(Record, parent_id)
        if parent is None:
            continue
        if parent.organization_id == record.organization_id:
            if parent.seq > record.seq or whole:
                _with_parents(session, parent, out, seen, scope, whole=whole)
        elif _may_travel(parent, record, field, scope):
            _with_parents(session, parent, out, seen, scope)
        else:  # only the scope's own rows leave with it: a link out of sight is withheld
            fields = {**fields, field: None}
    out.append(
        {
            "entity": record.entity,
            "row_id": record.row_id,
            "organization_id": record.organization_id,
            "revision": record.revision,
            "fields": fields,
            "deleted": record.deleted,
            "seq": record.seq,
        }
    )


def _may_travel(parent: Record, child: Record, field: str, scope: Scope | None) -> bool:
    """Whether *parent*, in another scope than *child*, goes with it: a consultant and a
    membership's chain always; a membership's customer when the caller may see it."""
    if is_consultant(parent):
        return True
    if field not in CROSS_SCOPE.get(child.entity, frozenset()):
        return False
    withheld = field in WITHHELD.get(child.entity, frozenset())
    return not withheld or scope is None or scope.may_see(parent.organization_id)
