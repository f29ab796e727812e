"""Field-level merge of concurrent edits of one record (issue 12; the rules are in docs/BUNDLE.md).

A change pushed by a device (or carried by a bundle) names the revision it was edited from. The
server compares three versions of the record's fields:

*base*
    the fields at the revision the client edited from (empty for a record the client created);
*server*
    the server's current fields;
*incoming*
    only the fields the client changed, with their new values.

The rules, field by field, for each field of *incoming*:

1. the server did not change the field since the base → the incoming value is taken;
2. both sides changed it to the same value → no conflict (nothing to write);
3. the client's value is the base's (it did not really change it) → the server's value stays;
4. both changed it to different values → the **server's value stays** and a
   :class:`FieldConflict` records the base, server and incoming values.

A field the client did not send keeps the server's value. **Nothing is decided by time**: only the
three versions count, so a merge is deterministic, and merging the same change again gives the
same fields (idempotent: a replayed push changes nothing).

Values compare as JSON values: ``1 == 1.0``, but ``True`` is not ``1``; lists and objects compare
element by element (a tuple is a list); a field that is missing reads as ``null`` (a record's
absent column is empty), so ``None`` and missing are equal. NaN equals NaN (a value is its own
value, or a replay would conflict with itself).

Deletes (:func:`merge_delete`): deleted-or-not is one more field merged against the base, except
that **a delete wins** over any edit it meets. The edit that lost is kept — returned as
:class:`LostEdit` so it can be recorded for the conflict inbox — and the record ends deleted. A
restore by a client that saw the delete (its base was deleted) is an ordinary edit.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Outcome = Literal["applied", "merged", "conflict", "unchanged"]


@dataclass(frozen=True)
class FieldConflict:
    """A field both sides changed differently since the base: the server's value was kept."""

    field: str
    base: Any
    server: Any
    incoming: Any


@dataclass(frozen=True)
class LostEdit:
    """An edit a delete beat: which side made it and the fields it changed (name → value)."""

    side: Literal["server", "incoming"]
    fields: dict[str, Any]


@dataclass(frozen=True)
class MergeResult:
    """The outcome of merging one incoming change into the server's record.

    ``fields`` is the whole record after the merge (the server's fields with the incoming values
    that won); ``changed`` only the fields whose value the merge changes on the server — what to
    write. ``outcome``: ``applied`` (the server had not changed the record since the base),
    ``merged`` (it had, in other fields), ``conflict`` (a field changed differently on both sides,
    or a delete beat an edit: see ``lost``), ``unchanged`` (nothing to write).
    """

    fields: dict[str, Any]
    conflicts: tuple[FieldConflict, ...]
    outcome: Outcome
    changed: dict[str, Any] = field(default_factory=dict)
    deleted: bool = False
    lost: LostEdit | None = None


def same(left: Any, right: Any) -> bool:
    """Whether two field values are the same JSON value (see the module docstring)."""
    return bool(_canonical(left) == _canonical(right))


def merge_fields(
    base: Mapping[str, Any], server: Mapping[str, Any], incoming: Mapping[str, Any]
) -> MergeResult:
    """Merge *incoming* (the fields the client changed) into *server*, against *base*.

    The rules are the module docstring's. Fields are processed in sorted order, so conflicts come
    out in the same order whatever order the mappings have.

    Raises:
        TypeError: A field name is not a string, or a value is not a JSON value (a bug of the
            caller: changes travel as JSON).
    """
    merged = dict(server)
    changed: dict[str, Any] = {}
    conflicts: list[FieldConflict] = []
    for name in sorted(_names(incoming)):
        value = incoming[name]
        old, current = base.get(name), server.get(name)
        if same(value, current):
            continue  # rule 2 (or a replay): nothing to write
        if same(current, old):
            merged[name] = value  # rule 1
            changed[name] = value
        elif not same(value, old):
            conflicts.append(FieldConflict(name, old, current, value))  # rule 4
        # rule 3: the client sent the base's value back; the server's stays
    if conflicts:
        outcome: Outcome = "conflict"
    elif not changed:
        outcome = "unchanged"
    elif all(same(server.get(n), base.get(n)) for n in _names(server) | _names(base)):
        outcome = "applied"
    else:
        outcome = "merged"
    return MergeResult(merged, tuple(conflicts), outcome, changed)


def merge_delete(
    base: Mapping[str, Any],
    server: Mapping[str, Any],
    incoming: Mapping[str, Any],
    *,
    base_deleted: bool = False,
    server_deleted: bool = False,
    incoming_deleted: bool = False,
) -> MergeResult:
    """Merge a change when a delete may be involved: *…_deleted* say whether the record is deleted
    at the base, on the server, and in the client's change.

    A side *deletes* when it has the record deleted and the base did not; it *restores* when the
    base had it deleted and it does not. Then:

    - neither side changed deleted-or-not → :func:`merge_fields` (a deleted record stays deleted);
    - the server deleted, the client edited → the record stays deleted with the server's fields;
      the client's edit is lost (``lost.side == "incoming"``: the fields it would have changed);
    - the client deleted → the record is deleted, the delete's own fields (its deletion time…)
      are written over the server's, and the server's edits since the base are the lost edit
      (``lost.side == "server"``; they stay in the tombstone's other fields) — nothing is lost
      when the server had not edited;
    - both deleted → ``unchanged``; the server's fields stay;
    - a restore (by either side, or both) → :func:`merge_fields`, the record live; a client's
      restore is a change even when no field differs (``applied`` at least).

    ``outcome`` is ``conflict`` when an edit was lost.
    """
    server_deletes = server_deleted and not base_deleted
    incoming_deletes = incoming_deleted and not base_deleted
    if server_deletes and incoming_deletes:
        return MergeResult(dict(server), (), "unchanged", deleted=True)
    if server_deletes:
        lost = {n: v for n, v in incoming.items() if not same(v, server.get(n))}
        return MergeResult(
            dict(server),
            (),
            "conflict" if lost else "unchanged",
            deleted=True,
            lost=LostEdit("incoming", lost) if lost else None,
        )
    if incoming_deletes:
        # The delete wins: its own fields (its deletion time…) override the server's edits.
        fields = {**server, **incoming}
        changed = {n: v for n, v in incoming.items() if not same(v, server.get(n))}
        edits = {
            n: server.get(n)
            for n in sorted(_names(server) | _names(base))
            if not same(server.get(n), base.get(n))
        }
        return MergeResult(
            fields,
            (),
            "conflict" if edits else "applied",
            changed,
            deleted=True,
            lost=LostEdit("server", edits) if edits else None,
        )
    result = merge_fields(base, server, incoming)
    outcome = result.outcome
    if server_deleted and not incoming_deleted and outcome == "unchanged":
        outcome = "applied"  # the client restored what the server still has deleted
    return MergeResult(
        result.fields,
        result.conflicts,
        outcome,
        result.changed,
        deleted=server_deleted and incoming_deleted,  # else a restore by either side, or neither
    )


def _names(fields: Mapping[str, Any]) -> set[str]:
    names = set(fields)
    strange = [n for n in names if not isinstance(n, str)]
    if strange:
        raise TypeError(f"field names must be strings, not {strange[0]!r}")
    return names


def _canonical(value: Any) -> Any:
    """A hashable form in which two values are equal exactly when they are the same JSON value."""
    if value is None:
        return ("null",)
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, int):
        return ("number", value)
    if isinstance(value, float):
        if math.isnan(value):
            return ("number", "nan")
        if math.isfinite(value) and value.is_integer():
            return ("number", int(value))  # 1.0 is 1, exactly (large integers included)
        return ("number", value)
    if isinstance(value, str):
        return ("string", value)
    if isinstance(value, list | tuple):
        return ("array", tuple(_canonical(item) for item in value))
    if isinstance(value, Mapping):
        return ("object", tuple(sorted((str(k), _canonical(v)) for k, v in value.items())))
    raise TypeError(f"not a JSON value: {type(value).__name__}")
