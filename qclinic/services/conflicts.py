"""The conflict inbox's service: the conflicts the server reported, and resolving them.

A conflict reaches this computer three ways, each kept once (by change id and field): the
answer to its own push (``conflict`` results name each field), the organization's conflicts
pulled from the server (another device's push that lost a field), and an organization set aside
because of its credit code (refused by the server, or clashing with a local one at a pull).
Resolving one — keep mine, keep theirs, or a merged value — is an ordinary edit of the record,
so the next push sends it against the record's current server revision, like any other edit;
and the resolution itself is told to the server at that sync, which closes the other devices'
copies (services/conflict_sync.py, docs/SYNC.md "Resolutions travel").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from qclinic.core.catalogue import text
from qclinic.errors import UserError
from qclinic.services.base import Service

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from qclinic.services.conflict_details import ConflictDetail
    from qclinic.storage.models import SyncConflict

#: how a conflict is resolved
RESOLUTIONS = ("mine", "theirs", "merged")
#: the reason of a conflict about an organization's credit code
DUPLICATE_CREDIT_CODE = "duplicate_credit_code"
#: the ``reason`` of a conflict found here: a pull changed the field the user was editing
EDITING = "editing"


@dataclass(frozen=True)
class ConflictRecord:
    """One conflict as the inbox (and ``qclinic list conflicts --json``) shows it."""

    id: str
    entity: str
    row_id: str
    organization_id: str | None
    field: str
    mine: Any
    theirs: Any
    mine_by: str | None
    theirs_by: str | None
    reason: str | None
    at: datetime
    resolved: bool
    resolved_at: datetime | None
    resolution: str | None
    resolved_value: Any
    change_id: str
    #: who resolved it (here, or first on the server); how that stands with the server
    #: (``pending``, ``sent``, ``late``, ``elsewhere``, ``refused``; services/conflict_sync.py)
    resolved_by: str | None = None
    resolution_state: str | None = None
    #: when another resolution was recorded on the server first (``late``): that one
    first_resolution: dict[str, Any] | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "entity": self.entity,
            "row_id": self.row_id,
            "organization_id": self.organization_id,
            "field": self.field,
            "mine": self.mine,
            "theirs": self.theirs,
            "mine_by": self.mine_by,
            "theirs_by": self.theirs_by,
            "reason": self.reason,
            "at": self.at.isoformat(),
            "resolved": self.resolved,
            "resolved_at": self.resolved_at.isoformat() if self.resolved_at else None,
            "resolution": self.resolution,
            "resolved_value": self.resolved_value,
            "change_id": self.change_id,
            "resolved_by": self.resolved_by,
            "resolution_state": self.resolution_state,
            "first_resolution": self.first_resolution,
        }


def _record(row: SyncConflict) -> ConflictRecord:
    return ConflictRecord(
        id=row.id,
        entity=row.entity,
        row_id=row.row_id,
        organization_id=row.organization_id,
        field=row.field,
        mine=row.mine,
        theirs=row.theirs,
        mine_by=row.mine_by,
        theirs_by=row.theirs_by,
        reason=row.reason,
        at=row.at,
        resolved=row.resolved_at is not None,
        resolved_at=row.resolved_at,
        resolution=row.resolution,
        resolved_value=row.resolved_value,
        change_id=row.change_id,
        resolved_by=row.resolved_by,
        resolution_state=row.resolution_state,
        first_resolution=row.first_resolution,
    )


def keep(session: Session, conflicts: list[dict[str, Any]]) -> int:
    """Store *conflicts* (dicts of :class:`~qclinic.storage.models.SyncConflict`'s columns,
    ``at`` as ISO text or a datetime) in *session*, skipping any already kept (same change id
    and field); how many were new. One that comes with the server's resolution (``resolution``
    …, from ``/v1/conflicts``) closes the copy here, new or kept (conflict_sync.hear)."""
    from sqlalchemy import select, tuple_

    from qclinic.storage.models import SyncConflict
    from qclinic.storage.types import utc_now
    from qclinic.storage.uuid7 import new_id

    if not conflicts:
        return 0
    keys = {(c["change_id"], c["field"]) for c in conflicts}
    known: set[tuple[str, str]] = set()
    listed = sorted(keys)
    for start in range(0, len(listed), 400):
        chunk = listed[start : start + 400]
        known.update(
            (change_id, name)
            for change_id, name in session.execute(
                select(SyncConflict.change_id, SyncConflict.field).where(
                    tuple_(SyncConflict.change_id, SyncConflict.field).in_(chunk)
                )
            )
        )
    added = 0
    for conflict in conflicts:
        key = (conflict["change_id"], conflict["field"])
        if key in known:
            continue
        known.add(key)
        at = conflict.get("at")
        when = datetime.fromisoformat(at) if isinstance(at, str) else (at or utc_now())
        session.add(
            SyncConflict(
                id=new_id(),
                change_id=conflict["change_id"],
                entity=conflict["entity"],
                row_id=conflict["row_id"],
                organization_id=conflict.get("organization_id"),
                field=conflict["field"],
                mine=conflict.get("mine"),
                theirs=conflict.get("theirs"),
                mine_by=conflict.get("mine_by"),
                theirs_by=conflict.get("theirs_by"),
                reason=conflict.get("reason"),
                at=when if when.tzinfo else when.replace(tzinfo=UTC),  # the server's is UTC
            )
        )
        added += 1
    settled = [c for c in conflicts if c.get("resolution")]
    if settled:
        from qclinic.services.conflict_sync import copies_of, hear

        session.flush()
        copies = copies_of(session, settled)
        for conflict in settled:
            row = copies.get((conflict["change_id"], conflict["field"]))
            if row is not None:
                hear(row, conflict)
    return added


class ConflictService(Service):
    """The conflicts this computer keeps, and their resolution."""

    def records(self, *, include_resolved: bool = True) -> list[ConflictRecord]:
        """The conflicts kept here, oldest first (resolved ones too unless told)."""
        from sqlalchemy import select

        from qclinic.storage.models import SyncConflict

        query = select(SyncConflict).order_by(SyncConflict.at, SyncConflict.id)
        if not include_resolved:
            query = query.where(SyncConflict.resolved_at.is_(None))
        with self._reading() as session:
            return [_record(row) for row in session.scalars(query)]

    def details(self, *, include_resolved: bool = True, lang: str = "zh") -> list[ConflictDetail]:
        """:meth:`records` with the record's readable name, its organization's, and the kind of
        value the field holds (the inbox's rows)."""
        from qclinic.services.conflict_details import details

        found = self.records(include_resolved=include_resolved)
        with self._reading() as session:
            return details(session, found, lang)

    def open_count(self) -> int:
        """How many are open. Plain ``sqlite3``: the navigation's count is read as the first
        screen shows, before SQLAlchemy is imported (tests/ui/test_first_screen_imports.py)."""
        rows = self._database.query("SELECT count(*) FROM sync_conflict WHERE resolved_at IS NULL")
        return int(rows[0][0]) if rows else 0

    def resolve(
        self,
        conflict_id: str,
        resolution: str,
        value: Any = None,
        *,
        source: object = None,
    ) -> ConflictRecord:
        """Resolve one conflict: keep *mine* (the value that lost), *theirs* (the server's) or a
        *merged* value; the record's field takes it as an ordinary local edit (restoring the
        record if the server's delete won), which the next sync pushes.

        Raises:
            UserError: an unknown conflict or resolution, one resolved already, or a record
                this computer does not hold.
        """
        from qclinic.services.conflict_sync import PENDING, is_shared
        from qclinic.storage.models import SyncConflict
        from qclinic.storage.sync_rows import read_fields, write_fields
        from qclinic.storage.types import utc_now

        if resolution not in RESOLUTIONS:
            raise UserError(text("conflicts.bad_resolution", resolution=resolution))
        with self._writing(source) as session:
            row = session.get(SyncConflict, conflict_id)
            if row is None:
                raise UserError(text("conflicts.unknown", id=conflict_id))
            if row.resolved_at is not None:
                raise UserError(text("conflicts.already_resolved", id=conflict_id))
            chosen = {"mine": row.mine, "theirs": row.theirs, "merged": value}[resolution]
            # a delete that won, kept: nothing to write; a credit-code clash is settled by editing
            # or deleting one of the organizations, so resolving it only files it
            informational = row.reason == DUPLICATE_CREDIT_CODE or (
                row.reason == "deleted" and resolution == "theirs"
            )
            if not informational:
                current = read_fields(session, row.entity, [row.row_id]).get(row.row_id)
                if current is None:
                    raise UserError(text("conflicts.row_missing", entity=row.entity, id=row.row_id))
                restore = current["deleted"] and resolution != "theirs"
                if current["fields"].get(row.field) != chosen or restore:
                    write_fields(
                        session,
                        row.entity,
                        row.row_id,
                        {row.field: chosen},
                        current["deleted"] and not restore,
                    )
            row.resolved_at = utc_now()
            row.resolution = resolution
            row.resolved_value = chosen
            row.resolved_by = _me(session)
            # the server's conflicts: told to the server at the next sync (conflict_sync.py)
            row.resolution_state = PENDING if is_shared(row.reason) else None
            session.flush()
            return _record(row)


def _me(session: Session) -> str | None:
    """Who resolves here: the signed-in user, else *Settings → Your name* (as services.team)."""
    from qclinic import settings as stored
    from qclinic.services.sync import KEY_USER
    from qclinic.storage.models import LocalState

    signed_in = session.get(LocalState, KEY_USER)
    if signed_in is not None and signed_in.value:
        return signed_in.value
    return stored.load().consultant_name.strip() or None


def from_push(
    change: dict[str, Any], result: dict[str, Any], user: str | None
) -> list[dict[str, Any]]:
    """The conflicts the server's *result* to this computer's *change* reports: each field it
    kept against ours, or the organization it refused for its credit code."""
    common = {
        "change_id": change["change_id"],
        "entity": change["entity"],
        "row_id": change["row_id"],
        "organization_id": change["organization_id"],
        "mine_by": user,
        "reason": result.get("reason"),
    }
    if result["outcome"] == "rejected" and result.get("reason") == DUPLICATE_CREDIT_CODE:
        existing = result.get("existing") or {}
        fields = change.get("fields") or {}
        return [
            {
                **common,
                "field": "uscc",
                "mine": {
                    "id": change["row_id"],
                    "name": fields.get("name"),
                    "uscc": fields.get("uscc"),
                },
                "theirs": {
                    "id": existing.get("id"),
                    "name": existing.get("name"),
                    "uscc": existing.get("credit_code"),
                },
            }
        ]
    return [
        {
            **common,
            "field": found["field"],
            "mine": found.get("mine"),
            "theirs": found.get("theirs"),
            "theirs_by": found.get("theirs_by"),
            "at": found.get("at"),
        }
        for found in result.get("conflicts") or []
    ]


def from_server(found: dict[str, Any]) -> dict[str, Any]:
    """A conflict pulled from ``/v1/conflicts`` as :func:`keep` stores it."""
    return {
        name: found.get(name)
        for name in (
            "change_id",
            "entity",
            "row_id",
            "organization_id",
            "field",
            "mine",
            "theirs",
            "mine_by",
            "theirs_by",
            "at",
            # the server's resolution, if it was resolved before this device heard of it
            "resolution",
            "resolved_value",
            "resolved_by",
            "resolved_at",
            "key",
        )
    }


def credit_code_clashes(session: Session, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The pulled live organizations in *rows* whose credit code a *different* live local
    organization holds (the local unique index would refuse them), as conflicts to keep."""
    from sqlalchemy import select

    from qclinic.storage.models import Organization

    codes = {
        str(row["fields"]["uscc"]): row
        for row in rows
        if row["entity"] == "organization" and not row["deleted"] and row["fields"].get("uscc")
    }
    if not codes:
        return []
    local = session.execute(
        select(Organization.id, Organization.name, Organization.uscc).where(
            Organization.uscc.in_(list(codes)), Organization.deleted_at.is_(None)
        )
    )
    clashes = []
    for local_id, local_name, code in local:
        row = codes[str(code)]
        if row["row_id"] == local_id:
            continue
        clashes.append(
            {
                "change_id": f"pull:{row['row_id']}:{row['revision']}",
                "entity": "organization",
                "row_id": row["row_id"],
                "organization_id": row["row_id"],
                "field": "uscc",
                "mine": {"id": local_id, "name": local_name, "uscc": code},
                "theirs": {"id": row["row_id"], "name": row["fields"].get("name"), "uscc": code},
                "reason": DUPLICATE_CREDIT_CODE,
            }
        )
    return clashes
