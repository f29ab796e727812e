"""Applying a pushed batch: idempotent, field-merged, parents first, signed rows sealed.

**The sequence.** Every write to ``server_record`` takes the next value of the ``seq`` counter
while holding that counter's row lock (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite serialises
writers at ``BEGIN IMMEDIATE``), and keeps the lock until it commits. So transactions commit in
the order of the numbers they took, and a pull that was handed cursor N can never later miss a
row numbered below N: the PostgreSQL pitfall of a plain serial column, where a transaction that
took 41 commits after one that took 42, cannot happen here (docs/SYNC.md, "Cursors"). The lock
is the first thing a push takes, before its access checks: on PostgreSQL (READ COMMITTED) each
check then sees every push committed before it. Pulls never take it (read-only sessions).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import insert, inspect, select
from sqlalchemy.orm import Session

from qclinic.core.sync.merge import merge_fields
from qclinic.server.accounts import Caller
from qclinic.server.entities import SYNCED, parents
from qclinic.server.models import Change, Conflict, Counter, Record, ServerBase, Waiting, utc_now
from qclinic.server.scope import (
    CROSS_SCOPE,
    DIRECTORY_ENTITIES,
    OWN_SCOPE,
    WITHHELD,
    assign_created,
    scope_of,
)
from qclinic.server.scope import creating as creating_record
from qclinic.server.stored import NewRecord, Stored, chain_hash, chunks, consultant
from qclinic.storage.sync_rows import DIRECTORY_SCOPE

OUTCOMES = ("applied", "merged", "conflict", "rejected", "waiting")
_CHANGED = {"changed since the base": True}  # a base value no real value equals
_LOG = ServerBase.metadata.tables[Change.__tablename__]
_RECORDS = ServerBase.metadata.tables[Record.__tablename__]
#: each synced entity's parents, read from the desktop's tables as the server starts: importing
#: the desktop's models costs ~0.3 s of CPU, which the first push paid under the sequence lock
_PARENTS = {entity: parents(entity) for entity in SYNCED}


class Forbidden(Exception):
    """A change names an organization its caller may not write to: the whole batch is refused."""

    def __init__(self, organization_id: str) -> None:
        super().__init__(f"no access to organization {organization_id}")
        self.organization_id = organization_id


def apply_push(
    session: Session, caller: Caller, changes: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Apply one push (or one bundle's changes) for *caller* and commit; the result per change.

    Every change is checked before any is applied: a forbidden one raises :class:`Forbidden`
    and nothing is written. The HTTP push and ``qclinic-server import-bundle`` both come here,
    so a change id settled by one is answered, unchanged, by the other.
    """
    batch = Batch(session, caller)
    # the lock first: the access checks then see every push committed before this one (on
    # PostgreSQL, READ COMMITTED, two consultants creating one organization must not both pass)
    batch.lock_sequence()
    scope = scope_of(session, caller)
    creating = {
        (change["entity"], change["row_id"])
        for change in changes
        if change["row_id"] == change["organization_id"]
        and creating_record(session, caller, change["row_id"], change["entity"])
    }
    created = {key for _entity, key in creating}
    for change in changes:
        organization_id = change["organization_id"]
        if organization_id not in created and not scope.may_write(organization_id):
            raise Forbidden(organization_id)
    batch.sees = lambda key: key in created or scope.may_see(key)
    batch.prepare(changes)
    results = []
    with session.no_autoflush:  # written once, at the end
        for entity, key in sorted(creating):
            assign_created(session, caller, entity, key)
        for change in changes:
            results.append(batch.apply(change))
        batch.finish()
    session.commit()
    return results


class Batch:
    """One push request, applied in one transaction.

    :meth:`prepare` takes the sequence lock first (so concurrent pushes of the same change
    cannot both settle it) and reads in a few queries what the batch will look up: settled and
    waiting changes, the records and parents it names. Nothing is flushed until the end.
    """

    def __init__(
        self, session: Session, caller: Caller, sees: Callable[[str], bool] = lambda _key: True
    ) -> None:
        self.session = session
        self.caller = caller
        #: whether the caller sees a scope key (a customer out of sight is withheld in results)
        self.sees = sees
        self._seq: int | None = None
        self._last_hash: str | None = None
        #: assessments signed by this batch: their own earlier changes may still land
        self._signed_here: set[str] = set()
        self._settled: dict[str, dict[str, Any]] = {}
        self._waiting_ids: set[str] = set()
        self._records: dict[str, Stored | None] = {}
        self._waiting_for: dict[str, list[Waiting]] = {}
        #: the log entries and the new records of this batch, inserted by :meth:`finish`
        self._log_rows: list[dict[str, Any]] = []
        self._new_records: list[NewRecord] = []
        #: live organizations by credit code, read when a batch first needs them
        self._credit_codes: dict[str, Stored] | None = None

    def prepare(self, changes: list[dict[str, Any]]) -> None:
        self.lock_sequence()
        change_ids = [c["change_id"] for c in changes]
        row_ids = {c["row_id"] for c in changes} | {
            value
            for c in changes
            if c["entity"] in SYNCED
            for name, value in (c.get("fields") or {}).items()
            if name in _PARENTS[c["entity"]] and isinstance(value, str)
        }
        session = self.session
        for chunk in chunks(change_ids):
            rows = session.execute(
                select(Change.change_id, Change.result).where(Change.change_id.in_(chunk))
            )
            self._settled.update({change_id: result for change_id, result in rows})
            self._waiting_ids.update(
                session.scalars(select(Waiting.change_id).where(Waiting.change_id.in_(chunk)))
            )
        for chunk in chunks(sorted(row_ids)):
            self._records.update(dict.fromkeys(chunk))
            for record in session.scalars(select(Record).where(Record.row_id.in_(chunk))):
                self._records[record.row_id] = record
            for waiting in session.scalars(
                select(Waiting).where(Waiting.waiting_for.in_(chunk)).order_by(Waiting.received_at)
            ):
                self._waiting_for.setdefault(waiting.waiting_for, []).append(waiting)

    def _record(self, row_id: str) -> Stored | None:
        if row_id not in self._records:
            self._records[row_id] = self.session.get(Record, row_id)
        return self._records[row_id]

    # -- the sequence and the log -------------------------------------------------------------
    def lock_sequence(self) -> None:
        """Take the ``seq`` counter's row lock (held until commit) and read its value."""
        if self._seq is None:
            counter = self.session.scalars(
                select(Counter).where(Counter.name == "seq").with_for_update()
            ).one()
            self._seq = counter.value

    def next_seq(self) -> int:
        self.lock_sequence()
        assert self._seq is not None
        self._seq += 1
        return self._seq

    def finish(self) -> None:
        if self._seq is not None:
            counter = self.session.get(Counter, "seq")
            assert counter is not None
            counter.value = self._seq
        if self._new_records:
            columns = [column.key for column in _RECORDS.columns]
            rows = [{key: getattr(r, key) for key in columns} for r in self._new_records]
            self.session.execute(insert(_RECORDS), rows)
            self._new_records = []
        if self._log_rows:
            # one executemany of plain rows, in order (the positions follow it): the log is
            # never read back in this batch, so no ORM objects and no RETURNING of positions
            self.session.execute(
                insert(ServerBase.metadata.tables[Change.__tablename__]), self._log_rows
            )
            self._log_rows = []

    def _log(self, payload: dict[str, Any], result: dict[str, Any], user: str, device: str) -> None:
        if self._last_hash is None:
            last = self.session.scalars(
                select(Change.hash).order_by(Change.position.desc()).limit(1)
            ).first()
            self._last_hash = last or ""
        entry_hash = chain_hash(self._last_hash, payload, result, user)
        self._log_rows.append(
            {
                "change_id": payload["change_id"],
                "user_name": user,
                "device": device,
                "entity": payload["entity"],
                "row_id": payload["row_id"],
                "organization_id": payload["organization_id"],
                "payload": payload,
                "result": result,
                "received_at": utc_now(),
                "prev_hash": self._last_hash,
                "hash": entry_hash,
            }
        )
        self._settled[payload["change_id"]] = result
        self._last_hash = entry_hash

    # -- one change ----------------------------------------------------------------------------
    def apply(self, payload: dict[str, Any]) -> dict[str, Any]:
        """The result of one change, applying it (and whatever waited for it) if it can."""
        change_id = payload["change_id"]
        settled = self._settled.get(change_id)
        if settled is not None:
            return dict(settled)
        if change_id in self._waiting_ids:
            return {"change_id": change_id, "outcome": "waiting"}
        result = self._settle(payload, self.caller.name, self.caller.device)
        if result["outcome"] in ("applied", "merged", "conflict"):
            self._release(payload["row_id"])
        return result

    def _settle(self, payload: dict[str, Any], user: str, device: str) -> dict[str, Any]:
        entity = payload["entity"]
        if entity not in SYNCED:
            return self._reject(payload, "unknown_entity", user, device)
        record = self._record(payload["row_id"])
        fields: dict[str, Any] = payload.get("fields") or {}
        missing = self._missing_parent(entity, {**(record.fields if record else {}), **fields})
        if missing is not None:
            waiting = Waiting(
                change_id=payload["change_id"],
                waiting_for=missing,
                user_name=user,
                device=device,
                payload=payload,
                received_at=utc_now(),
            )
            self.session.add(waiting)
            self._waiting_ids.add(waiting.change_id)
            self._waiting_for.setdefault(missing, []).append(waiting)
            return {"change_id": payload["change_id"], "outcome": "waiting"}
        if not self._same_organization(payload, record, fields):
            return self._reject(payload, "wrong_organization", user, device)
        if self._sealed(entity, record, fields):
            return self._reject(payload, "signed", user, device)
        clash = self._same_credit_code(payload, record, fields)
        if clash is not None:
            return self._reject(payload, "duplicate_credit_code", user, device, existing=clash)
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
        for field in _PARENTS[entity]:
            parent_id = fields.get(field)
            if parent_id and self._record(str(parent_id)) is None:
                return str(parent_id)
        return None

    def _same_organization(
        self, payload: dict[str, Any], record: Stored | None, fields: dict[str, Any]
    ) -> bool:
        """Whether the change stays inside the scope it names (the one access was checked
        for): its record, and every parent it points to, belong to it. Excepted: a consultant
        (a person of no organization), who may be pointed to from any scope, and changed from any
        scope by anyone but a company user; and
        a chain membership's chain and customer, in their own scopes (docs/SYNC.md, Chains)."""
        organization_id = payload["organization_id"]
        entity = payload["entity"]
        if entity in OWN_SCOPE and payload["row_id"] != organization_id:
            return False
        if (entity in DIRECTORY_ENTITIES) != (organization_id == DIRECTORY_SCOPE):
            return False  # a provider is in the directory, and nothing else is
        if (
            record is not None
            and record.organization_id != organization_id
            and not (consultant(record) and self.caller.role != "company")
        ):
            return False
        merged = {**(record.fields if record else {}), **fields}
        crossing = CROSS_SCOPE.get(entity, frozenset())
        for field in _PARENTS[entity]:
            parent = self._record(str(merged[field])) if merged.get(field) else None
            if parent is None or parent.organization_id == organization_id:
                continue
            if not (consultant(parent) or field in crossing):
                return False
        return True

    def _sealed(self, entity: str, record: Stored | None, fields: dict[str, Any]) -> bool:
        """Whether the change touches an assessment signed before this batch."""
        if entity == "assessment":
            assessment_id = record.row_id if record else None
        else:
            assessment_id = ({**(record.fields if record else {}), **fields}).get("assessment_id")
        if not assessment_id or assessment_id in self._signed_here:
            return False
        assessment = self._record(str(assessment_id))
        return assessment is not None and bool(assessment.fields.get("signed_at"))

    def _insert(self, payload: dict[str, Any], fields: dict[str, Any], user: str) -> NewRecord:
        record = NewRecord(
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
        # finish() writes it, with whatever later changes of this batch made to it (the batch
        # reads it from _records)
        self._new_records.append(record)
        self._records[record.row_id] = record
        if self._credit_codes is not None and record.entity == "organization":
            self._credit_codes[str(record.fields.get("uscc"))] = record
        return record

    def _same_credit_code(
        self, payload: dict[str, Any], record: Stored | None, fields: dict[str, Any]
    ) -> dict[str, Any] | None:
        """The other live organization with the credit code this change gives its own, if
        any: two records of one company would split its history (and a desktop's unique index
        refuses the second). Named to the caller only when they may see it."""
        if payload["entity"] != "organization" or payload.get("deleted"):
            return None
        code = {**(record.fields if record else {}), **fields}.get("uscc")
        if not code:
            return None
        if self._credit_codes is None:
            query = select(Record).where(Record.entity == "organization", Record.deleted.is_(False))
            self._credit_codes = {
                str(other.fields.get("uscc")): other
                for other in self.session.scalars(query)
                if other.fields.get("uscc")
            }
        other = self._credit_codes.get(str(code))
        if (
            other is None
            or other.row_id == payload["row_id"]
            or other.deleted
            or other.fields.get("uscc") != code  # changed in this batch
        ):
            return None
        existing: dict[str, Any] = {"id": other.row_id, "credit_code": code}
        if self.sees(other.row_id):
            existing["name"] = other.fields.get("name")
        return existing

    def _update(
        self, payload: dict[str, Any], record: Stored, fields: dict[str, Any], user: str
    ) -> dict[str, Any]:
        base_revision = int(payload.get("base_revision") or 0)
        base = {
            name: (_CHANGED if record.field_revisions.get(name, 0) > base_revision else value)
            for name, value in record.fields.items()
        }
        if record.deleted and not payload.get("deleted") and base_revision < record.revision:
            # a delete wins over an edit that did not see it; the losing edit is kept
            conflicts = [(name, None, value) for name, value in fields.items()]
            found = self._record_conflicts(payload, record, conflicts, user)
            return self._result(payload, record, "conflict", reason="deleted", conflicts=found)
        merged = merge_fields(base, record.fields, fields)
        deleting = bool(payload.get("deleted")) and not record.deleted
        restoring = record.deleted and not payload.get("deleted")
        previous_by = record.changed_by  # who set the value the server keeps
        if merged.fields != record.fields or deleting or restoring:
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
            # restoring needs a base that saw the delete (checked above): a delete wins otherwise
            record.deleted = bool(payload.get("deleted"))
            record.seq = self.next_seq()
            record.changed_by = user
            record.changed_at = utc_now()
        found = self._record_conflicts(
            payload,
            record,
            [(c.field, c.server, c.incoming) for c in merged.conflicts],
            user,
            server_by=previous_by,
        )
        outcome = "applied" if merged.outcome == "unchanged" else merged.outcome
        return self._result(payload, record, outcome, conflicts=found)

    def _record_conflicts(
        self,
        payload: dict[str, Any],
        record: Stored,
        conflicts: list[tuple[str, Any, Any]],
        user: str,
        *,
        server_by: str | None = None,
    ) -> list[dict[str, Any]]:
        """Keep each conflict in ``server_conflict``; them as the push's answer names them."""
        found = []
        at = utc_now()
        for field, server_value, incoming in conflicts:
            conflict = Conflict(
                change_id=payload["change_id"],
                entity=record.entity,
                row_id=record.row_id,
                organization_id=record.organization_id,
                field=field,
                server_value=server_value,
                incoming_value=incoming,
                server_by=server_by or record.changed_by,
                incoming_by=user,
                at=at,
            )
            self.session.add(conflict)
            found.append(
                {
                    "field": field,
                    "theirs": server_value,
                    "mine": incoming,
                    "theirs_by": conflict.server_by,
                    "at": at.isoformat(),
                }
            )
        return found

    def _result(
        self,
        payload: dict[str, Any],
        record: Stored,
        outcome: str,
        reason: str | None = None,
        conflicts: list[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        fields = record.fields
        for field in WITHHELD.get(record.entity, frozenset()):
            target = self._record(str(fields[field])) if fields.get(field) else None
            if target is not None and not self.sees(target.organization_id):
                fields = {**fields, field: None}  # as a pull sends it (docs/SYNC.md, Chains)
        result: dict[str, Any] = {
            "change_id": payload["change_id"],
            "outcome": outcome,
            "revision": record.revision,
            "fields": fields,
            "deleted": record.deleted,
        }
        if reason:
            result["reason"] = reason
        if conflicts:
            result["conflicts"] = conflicts
        return result

    def _reject(
        self, payload: dict[str, Any], reason: str, user: str, device: str, **extra: Any
    ) -> dict[str, Any]:
        result = {"change_id": payload["change_id"], "outcome": "rejected", "reason": reason}
        result.update(extra)
        self._log(payload, result, user, device)
        return result

    def _release(self, row_id: str) -> None:
        """Apply the changes that waited for *row_id* (and, in turn, those waiting for them)."""
        queue = [row_id]
        while queue:
            for waiting in self._waiting_for.pop(queue.pop(0), []):
                payload, user, device = waiting.payload, waiting.user_name, waiting.device
                if inspect(waiting).pending:
                    self.session.expunge(waiting)
                else:
                    self.session.delete(waiting)
                self._waiting_ids.discard(waiting.change_id)
                result = self._settle(payload, user, device)
                if result["outcome"] in ("applied", "merged", "conflict"):
                    queue.append(payload["row_id"])
