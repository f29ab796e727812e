"""The three-way field merge the server applies to an incoming change.

Same signature as ``qclinic.core.sync.merge.merge_fields`` (written in parallel); this one is
swapped for it when both land.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal


@dataclass(frozen=True)
class FieldConflict:
    field: str
    base: Any
    server: Any
    incoming: Any


@dataclass(frozen=True)
class MergeResult:
    fields: dict[str, Any]
    conflicts: tuple[FieldConflict, ...]
    outcome: Literal["applied", "merged", "conflict", "unchanged"]


def merge_fields(
    base: Mapping[str, Any], server: Mapping[str, Any], incoming: Mapping[str, Any]
) -> MergeResult:
    """Merge *incoming* (changed fields only) into *server*, against their common *base*.

    A field the server has not changed since the base takes the incoming value; a field changed
    on both sides to different values keeps the server's and is a conflict; a field already equal
    is unchanged. The outcome is ``merged`` when the server had changed other fields since the
    base, ``applied`` when it had not. No clock is consulted.
    """
    result = dict(server)
    conflicts: list[FieldConflict] = []
    changed = False
    for name, value in incoming.items():
        if name in server and server[name] == value:
            continue
        if name not in server or base.get(name, _MISSING) == server[name]:
            result[name] = value
            changed = True
        else:
            conflicts.append(FieldConflict(name, base.get(name), server[name], value))
    server_moved = any(base.get(name, _MISSING) != value for name, value in server.items())
    outcome: Literal["applied", "merged", "conflict", "unchanged"]
    if conflicts:
        outcome = "conflict"
    elif not changed:
        outcome = "unchanged"
    else:
        outcome = "merged" if server_moved else "applied"
    return MergeResult(result, tuple(conflicts), outcome)


_MISSING = object()
