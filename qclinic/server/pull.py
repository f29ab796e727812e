"""Pull pages: a scope's rows changed after a cursor, by the server's sequence.

A scope is an organization, or a chain (docs/SYNC.md, "Chains"); a row may point into another
scope (a consultant, a chain membership's chain and customer): such a parent comes with the row
when the caller may see it, and a customer they may not see is withheld (sent as ``null``).

Read in a read-only session (:func:`qclinic.server.db.read_sessions`): a pull takes no lock
and never waits for a push; why the cursor still never skips a row is docs/SYNC.md, "Cursors".
Only the columns a client gets are read (no ORM objects, no ``field_revisions``), and the
parents a page may carry are looked up in a few chunked queries, not one per row.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from qclinic.server.entities import parents
from qclinic.server.models import Record
from qclinic.server.scope import CROSS_SCOPE, WITHHELD, Scope, is_consultant

_COLUMNS = (
    Record.entity,
    Record.row_id,
    Record.organization_id,
    Record.revision,
    Record.fields,
    Record.deleted,
    Record.seq,
)
#: row ids per ``IN (…)`` query: well under SQLite's and PostgreSQL's parameter limits
_CHUNK = 500

_Known = dict[str, Row[Any]]


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
    rows: list[Row[Any]] = list(
        session.execute(
            select(*_COLUMNS)
            .where(Record.organization_id == organization_id, Record.seq > after)
            .order_by(Record.seq)
            .limit(limit + 1)
        )
    )
    more = len(rows) > limit
    rows = rows[:limit]
    known: _Known = {row.row_id: row for row in rows}
    dependents: list[Row[Any]] = []
    if any(row.row_id == organization_id and row.entity == "organization" for row in rows):
        dependents = _pointing_to(session, organization_id, scope, known)
    _load_parents(session, [*rows, *dependents], known)
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for row in rows:
        _with_parents(row, known, out, seen, scope)
        if row.row_id == organization_id and row.entity == "organization":
            for dependent in dependents:
                _with_parents(dependent, known, out, seen, scope, whole=True)
    return {
        "rows": out,
        "cursor": rows[-1].seq if rows else after,
        "more": more,
    }


def _pointing_to(
    session: Session, organization_id: str, scope: Scope | None, known: _Known
) -> list[Row[Any]]:
    """The memberships in other scopes the caller sees whose customer is *organization_id*.

    They come with the organization's own record: a laptop that pulled one while this customer
    was out of its sight holds it with the customer withheld, and its own scope's cursor has
    passed it; now that the customer is in sight it gets the whole row (docs/SYNC.md, Chains).
    An admin sees every customer: nothing was withheld from them.
    """
    if scope is None or scope.organizations is None:
        return []
    row_ids = scope.pointing.get(organization_id, ())
    _load(session, row_ids, known)
    found = (known.get(row_id) for row_id in row_ids)
    return [row for row in found if row is not None and row.organization_id != organization_id]


def _parent_ids(row: Row[Any]) -> list[str]:
    return [str(row.fields[field]) for field in parents(row.entity) if row.fields.get(field)]


def _load(session: Session, row_ids: Iterable[str], known: _Known) -> list[Row[Any]]:
    """Read into *known* the records of *row_ids* it lacks, in chunks; answer those found."""
    ids = sorted(set(row_ids) - known.keys())
    found: list[Row[Any]] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        found += session.execute(select(*_COLUMNS).where(Record.row_id.in_(chunk))).all()
    known.update({row.row_id: row for row in found})
    return found


def _load_parents(session: Session, rows: list[Row[Any]], known: _Known) -> None:
    """Read into *known* the parents (and theirs, in turn) *rows* point to, a level a query."""
    absent: set[str] = set()  # not on the server: nothing to carry
    wanted = {parent for row in rows for parent in _parent_ids(row)} - known.keys()
    while wanted:
        found = _load(session, wanted, known)
        absent |= wanted - known.keys()
        wanted = {parent for row in found for parent in _parent_ids(row)} - known.keys() - absent


def _with_parents(
    record: Row[Any],
    known: _Known,
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
        parent_id = fields.get(field)
        if not parent_id:
            continue
        parent = known.get(str(parent_id))
        if parent is None:
            continue
        if parent.organization_id == record.organization_id:
            if parent.seq > record.seq or whole:
                _with_parents(parent, known, out, seen, scope, whole=whole)
        elif _may_travel(parent, record, field, scope):
            _with_parents(parent, known, out, seen, scope)
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


def _may_travel(parent: Row[Any], child: Row[Any], field: str, scope: Scope | None) -> bool:
    """Whether *parent*, in another scope than *child*, goes with it: a consultant and a
    membership's chain always; a membership's customer when the caller may see it."""
    if is_consultant(cast(Record, parent)):  # a row of the columns it reads (entity, fields)
        return True
    if field not in CROSS_SCOPE.get(child.entity, frozenset()):
        return False
    withheld = field in WITHHELD.get(child.entity, frozenset())
    return not withheld or scope is None or scope.may_see(parent.organization_id)
