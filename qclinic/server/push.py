"""Applying a pushed batch: idempotent, field-merged, parents first, signed rows sealed.

**The sequence.** Every write to ``server_record`` takes the next value of the ``seq`` counter
while holding that counter's row lock (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite serialises
writers at ``BEGIN IMMEDIATE``), and keeps the lock until it commits. So transactions commit in
the order of the numbers they took, and a pull that was handed cursor N can never later miss a
row numbered below N: the PostgreSQL pitfall of a plain serial column, where a transaction that
took 41 commits after one that took 42, cannot happen here (docs/SYNC.md, "Cursors").
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qclinic.server.accounts import Caller
from qclinic.server.entities import SYNCED, parents
from qclinic.server.merge import merge_fields
from qclinic.server.models import Change, Conflict, Counter, Record, Waiting, utc_now

OUTCOMES = ("applied", "merged", "conflict", "rejected", "waiting")
_CHANGED = {"changed since the base": True}  # a base value no real value equals


class Batch:
    """One push request, applied in one transaction."""

    def __init__(self, session: Session, caller: Caller) -> None:
        self.session = session
        self.caller = caller
        self._seq: int | None = None
        self._last_hash: str | None = None
        #: assessments signed by this batch: their own earlier changes may still land
        self._signed_here: set[str] = set()

    # -- the sequence and the log -------------------------------------------------------------
    def next_seq(self) -> int:
        if self._seq is None:
            counter = self.session.scalars(
                select(Counter).where(Counter.name == "seq").with_for_update()
            ).one()
            self._seq = counter.value
        self._seq += 1
        return self._seq

    def finish(self) -> None:
        if self._seq is not None:
            counter = self.session.get(Counter, "seq")
            assert counter is not None
            counter.value = self._seq

    def _log(self, payload: dict[str, Any], result: dict[str, Any], user: str, device: str) -> None:
        if self._last_hash is None:
            last = self.session.scalars(
                select(Change.hash).order_by(Change.position.desc()).limit(1)
            ).first()
            self._last_hash = last or ""
        entry_hash = chain_hash(self._last_hash, payload, result, user)
        self.session.add(
            Change(
                change_id=payload["change_id"],
                user_name=user,
                device=device,
                entity=payload["entity"],
                row_id=payload["row_id"],
                organization_id=payload["organization_id"],
                payload=payload,
                result=result,
                prev_hash=self._last_hash,
                hash=entry_hash,
            )
        )
        self.session.flush()
        self._last_hash = entry_hash

    # -- one change ----------------------------------------------------------------------------
    def apply(self, payload: dict[str, Any]) -> dict[str, Any]:
        """The result of one change, applying it (and whatever waited for it) if it can."""
        change_id = payload["change_id"]
        settled = self.session.scalar(select(Change.result).where(Change.change_id == change_id))
        if settled is not None:
            return dict(settled)
        if self.session.get(Waiting, change_id) is not None:
            return {"change_id": change_id, "outcome": "waiting"}
        result = self._settle(payload, self.caller.name, self.caller.device)
        if result["outcome"] in ("applied", "merged", "conflict"):
            self._release(payload["row_id"])
        return result

    def _settle(self, payload: dict[str, Any], user: str, device: str) -> dict[str, Any]:
        entity = payload["entity"]
        if entity not in SYNCED:
            return self._reject(payload, "unknown_entity", user, device)
        record = self.session.get(Record, payload["row_id"])
        fields: dict[str, Any] = payload.get("fields") or {}
        missing = self._missing_parent(entity, {**(record.fields if record else {}), **fields})
        if missing is not None:
            self.session.add(
                Waiting(
                    change_id=payload["change_id"],
                    waiting_for=missing,
                    user_name=user,
                    device=device,
                    payload=payload,
                )
            )
            self.session.flush()
            return {"change_id": payload["change_id"], "outcome": "waiting"}
        if self._sealed(entity, record, fields):
            return self._reject(payload, "signed", user, device)
        if record is None:
            record = self._insert(payload, fields, user)
            result = self._result(payload, record, "applied")
        else:
            result = self._update(payload, record, fields, user)
        if entity == "assessment" and record.fields.get("signed_at"):
            self._signed_here.add(record.row_id)
        self._log(payload, result, user, device)
        return result

    def _missing_parent(self, entity: str, fields: dict[str, Any]) -> str | None:
        for field in parents(entity):
            parent_id = fields.get(field)
            if parent_id and self.session.get(Record, parent_id) is None:
                return str(parent_id)
        return None

    def _sealed(self, entity: str, record: Record | None, fields: dict[str, Any]) -> bool:
        """Whether the change touches an assessment signed before this batch."""
        if entity == "assessment":
            assessment_id = record.row_id if record else None
        else:
            assessment_id = ({**(record.fields if record else {}), **fields}).get("assessment_id")
        if not assessment_id or assessment_id in self._signed_here:
            return False
        assessment = self.session.get(Record, assessment_id)
        return assessment is not None and bool(assessment.fields.get("signed_at"))

    def _insert(self, payload: dict[str, Any], fields: dict[str, Any], user: str) -> Record:
        record = Record(
            row_id=payload["row_id"],
            entity=payload["entity"],
            organization_id=payload["organization_id"],
            revision=1,
            fields=dict(fields),
            field_revisions=dict.fromkeys(fields, 1),
            deleted=bool(payload.get("deleted")),
            seq=self.next_seq(),
            changed_by=user,
            changed_at=utc_now(),
        )
        self.session.add(record)
        self.session.flush()
        return record

    def _update(
        self, payload: dict[str, Any], record: Record, fields: dict[str, Any], user: str
    ) -> dict[str, Any]:
        base_revision = int(payload.get("base_revision") or 0)
        base = {
            name: (_CHANGED if record.field_revisions.get(name, 0) > base_revision else value)
            for name, value in record.fields.items()
        }
        if record.deleted and not payload.get("deleted"):
            # a delete wins; the losing edit is kept with the conflicts
            conflicts = [(name, None, value) for name, value in fields.items()]
            self._record_conflicts(payload, record, conflicts, user)
            return self._result(payload, record, "conflict", reason="deleted")
        merged = merge_fields(base, record.fields, fields)
        deleting = bool(payload.get("deleted")) and not record.deleted
        if merged.fields != record.fields or deleting:
            revision = record.revision + 1
            record.field_revisions = {
                **record.field_revisions,
                **{
                    name: revision
                    for name, value in merged.fields.items()
                    if record.fields.get(name, _CHANGED) != value
                },
            }
            record.fields = merged.fields
            record.revision = revision
            record.deleted = record.deleted or deleting
            record.seq = self.next_seq()
            record.changed_by = user
            record.changed_at = utc_now()
        self._record_conflicts(
            payload, record, [(c.field, c.server, c.incoming) for c in merged.conflicts], user
        )
        outcome = "applied" if merged.outcome == "unchanged" else merged.outcome
        return self._result(payload, record, outcome)

    def _record_conflicts(
        self,
        payload: dict[str, Any],
        record: Record,
        conflicts: list[tuple[str, Any, Any]],
        user: str,
    ) -> None:
        for field, server_value, incoming in conflicts:
            self.session.add(
                Conflict(
                    change_id=payload["change_id"],
                    entity=record.entity,
                    row_id=record.row_id,
                    organization_id=record.organization_id,
                    field=field,
                    server_value=server_value,
                    incoming_value=incoming,
                    server_by=record.changed_by,
                    incoming_by=user,
                )
            )

    def _result(
        self, payload: dict[str, Any], record: Record, outcome: str, reason: str | None = None
    ) -> dict[str, Any]:
        result: dict[str, Any] = {
            "change_id": payload["change_id"],
            "outcome": outcome,
            "revision": record.revision,
            "fields": record.fields,
            "deleted": record.deleted,
        }
        if reason:
            result["reason"] = reason
        return result

    def _reject(
        self, payload: dict[str, Any], reason: str, user: str, device: str
    ) -> dict[str, Any]:
        result = {"change_id": payload["change_id"], "outcome": "rejected", "reason": reason}
        self._log(payload, result, user, device)
        return result

    def _release(self, row_id: str) -> None:
        """Apply the changes that waited for *row_id* (and, in turn, those waiting for them)."""
        queue = [row_id]
        while queue:
            parent = queue.pop(0)
            for waiting in list(
                self.session.scalars(
                    select(Waiting)
                    .where(Waiting.waiting_for == parent)
                    .order_by(Waiting.received_at)
                )
            ):
                payload, user, device = waiting.payload, waiting.user_name, waiting.device
                self.session.delete(waiting)
                self.session.flush()
                result = self._settle(payload, user, device)
                if result["outcome"] in ("applied", "merged", "conflict"):
                    queue.append(payload["row_id"])


def chain_hash(previous: str, payload: dict[str, Any], result: dict[str, Any], user: str) -> str:
    """The hash of one log entry: the previous entry's hash, the change, its result, its user."""
    body = json.dumps([previous, payload, result, user], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(body.encode()).hexdigest()
