"""What a pushed batch holds and writes: the records it creates (plain rows, not ORM objects),
and the hash that chains the change log (also what ``audit verify`` recomputes)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from qclinic.server.models import Record
from qclinic.server.scope import is_consultant


@dataclass(slots=True)
class NewRecord:
    """A record this batch creates: ``server_record``'s columns as plain attributes.

    :meth:`Batch.finish` inserts it as a plain row, with whatever later changes of the batch
    made to it. Building an ORM object per new record (instrumented attributes, instance state)
    cost more than merging the change itself.
    """

    row_id: str
    entity: str
    organization_id: str
    revision: int
    fields: dict[str, Any]
    field_revisions: dict[str, int]
    deleted: bool
    seq: int
    changed_by: str
    changed_at: datetime


#: a record as a batch holds it: on the server already, or new in this batch
Stored = Record | NewRecord


def consultant(record: Stored) -> bool:
    """Whether *record* is a consultant (a person of no organization)."""
    return is_consultant(cast(Record, record))  # which reads only its entity and fields


def chunks(items: list[str], size: int = 500) -> list[list[str]]:
    return [items[start : start + size] for start in range(0, len(items), size)]


def chain_hash(previous: str, payload: dict[str, Any], result: dict[str, Any], user: str) -> str:
    """The hash of one log entry: the previous entry's hash, the change, its result, its user."""
    body = json.dumps([previous, payload, result, user], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(body.encode()).hexdigest()
