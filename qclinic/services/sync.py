"""The local side of sync: what to push, what the server answered, applying pulled pages.

The transport (HTTP, credentials) is :mod:`qclinic.sync`; this service only reads and writes
the local database. What was last synced of each record is kept in ``sync_state`` (schema
0008); a push sends each pending record's fields that differ from it, against its server
revision. Rows written by a pull (or by adopting the server's answer to a push) carry the
device id :data:`SYNC_DEVICE` on their change-log lines, so they are never pushed back, and
are announced with ``Origin.SYNC``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from qclinic.services.base import Service
from qclinic.services.events import Origin
from qclinic.services.sync_records import OrganizationFinder, SyncedStates, device_info_key

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sqlalchemy.orm import Session

    from qclinic.services.conflict_sync import ResolutionSync
    from qclinic.services.sync_blobs import BlobToSend, IncompleteAttachment

#: the device id on change-log lines that sync wrote (never pushed back)
SYNC_DEVICE = "sync"
KEY_SERVER = "sync.server"
KEY_USER = "sync.user"
#: the role the server reported at sign-in (admin, lead, consultant, company)
KEY_ROLE = "sync.role"
KEY_PUSHED = "sync.pushed_seq"
KEY_LAST_SYNC = "sync.last_sync"
KEY_REJECTED = "sync.rejected"
CURSOR_PREFIX = "sync.cursor."


@dataclass
class PushBatch:
    """Changes ready to push, and the change-log position they cover."""

    changes: list[dict[str, Any]] = field(default_factory=list)
    #: the fields each change was read with (to adopt the server's answer only where unchanged)
    sent: dict[str, dict[str, Any]] = field(default_factory=dict)
    up_to_seq: int = 0
    #: pending rows not sent (no organization to file them under)
    skipped: int = 0


#: :attr:`ConflictListing.source`: the ``sync_conflict`` table of this data folder
CONFLICTS_LOCAL = "local"
#: the last server conflict id kept here (``GET /v1/conflicts``)
KEY_CONFLICT_CURSOR = "sync.conflict_cursor"


@dataclass(frozen=True)
class ConflictListing:
    """What the desktop knows of sync conflicts, and where that comes from."""

    source: str
    conflicts: list[dict[str, Any]]


class SetAside(Exception):
    """A pulled page was not applied: it carries an organization whose credit code a different
    local organization holds; the clash is kept as a conflict (the cursor stays)."""

    def __init__(self, clashes: list[dict[str, Any]]) -> None:
        super().__init__("credit code clash")
        self.clashes = clashes


class SyncService(Service):
    """Pending changes, acknowledgements, pulled pages, and the sync's local settings."""

    # -- settings (local_state; never logged nor synced) ------------------------------------
    def state(self) -> dict[str, str]:
        from sqlalchemy import select

        from qclinic.storage.models import LocalState

        with self._reading() as session:
            rows = session.execute(
                select(LocalState.key, LocalState.value).where(LocalState.key.like("sync.%"))
            )
            return {key: value for key, value in rows}

    def set_state(self, values: dict[str, str | None], *, source: object = None) -> None:
        """Store (or, for ``None``, forget) sync settings."""
        with self._writing(source) as session:
            _put_state(session, values)

    def conflicts(self) -> ConflictListing:
        """The conflicts this desktop keeps (``sync_conflict``, schema 0011), resolved too."""
        from qclinic.services.conflicts import ConflictService

        records = ConflictService(self._database, self._bus).records()
        return ConflictListing(CONFLICTS_LOCAL, [record.as_dict() for record in records])

    def resolutions(self) -> ResolutionSync:
        """What sync sends and hears of conflict resolutions (services/conflict_sync.py)."""
        from qclinic.services.conflict_sync import ResolutionSync

        return ResolutionSync(self._database, self._bus)

    def apply_conflicts(
        self, conflicts: list[dict[str, Any]], cursor: int, *, source: object = None
    ) -> int:
        """Keep a page of conflicts pulled from the server, and its cursor; how many were new
        here (one this computer's push already reported is kept once)."""
        from qclinic.services.conflicts import from_server, keep

        with self._writing(source, origin=Origin.SYNC) as session:
            added = keep(session, [from_server(found) for found in conflicts])
            _put_state(session, {KEY_CONFLICT_CURSOR: str(cursor)})
        return added

    def remember_sign_in(
        self, server: str, user: str, role: str | None, *, source: object = None
    ) -> None:
        """Keep who signed in where, with the role the server reported (a company user's
        desktop hides what they may not do; a lead's offers assigning)."""
        self.set_state({KEY_SERVER: server, KEY_USER: user, KEY_ROLE: role}, source=source)

    def record_edit_conflict(
        self, entity: str, row_id: str, field: str, mine: Any, theirs: Any, *, source: object = None
    ) -> None:
        """Keep a pulled value that lost to the user's edit in progress, in the inbox's table
        (reason ``editing``): the edit was saved over it, and the inbox shows both."""
        from qclinic.services.conflicts import EDITING, keep
        from qclinic.storage.types import utc_now

        at = utc_now()
        change_id = f"edit:{entity}:{row_id}:{at.isoformat()}"
        conflict = {
            "change_id": change_id,
            "entity": entity,
            "row_id": row_id,
            "field": field,
            "mine": mine,
            "theirs": theirs,
            "reason": EDITING,
            "at": at,
        }
        with self._writing(
            source, origin=Origin.SYNC, also={"sync_conflict": [change_id]}
        ) as session:
            keep(session, [conflict])

    # -- push ----------------------------------------------------------------------------------
    def pending_count(self) -> int:
        """How many records have local changes not yet acknowledged by the server."""
        from sqlalchemy import distinct, func, select

        from qclinic.storage.models import ChangeLog
        from qclinic.storage.sync_rows import SYNCED_TABLES

        pushed = int(self.state().get(KEY_PUSHED, "0"))
        with self._reading() as session:
            count = session.scalar(
                select(func.count(distinct(ChangeLog.row_id))).where(
                    ChangeLog.seq > pushed,
                    ChangeLog.device_id != SYNC_DEVICE,
                    ChangeLog.table_name.in_(SYNCED_TABLES),
                )
            )
        return int(count or 0)

    def pending_changes(self, limit: int = 1000) -> PushBatch:
        """Up to *limit* pending records, as protocol changes (docs/SYNC.md, "Push")."""
        from sqlalchemy import func, select

        from qclinic.storage.models import Assessment, ChangeLog, SyncedState
        from qclinic.storage.sync_rows import SYNCED_TABLES, read_fields

        pushed = int(self.state().get(KEY_PUSHED, "0"))
        batch = PushBatch(up_to_seq=pushed)
        with self._reading() as session:
            lines = session.execute(
                select(
                    ChangeLog.table_name,
                    ChangeLog.row_id,
                    func.min(ChangeLog.seq),
                    func.max(ChangeLog.seq),
                )
                .where(
                    ChangeLog.seq > pushed,
                    ChangeLog.device_id != SYNC_DEVICE,
                    ChangeLog.table_name.in_(SYNCED_TABLES),
                )
                .group_by(ChangeLog.table_name, ChangeLog.row_id)
                .order_by(func.min(ChangeLog.seq))
                .limit(limit + 1)
            ).all()
            if not lines:
                return batch
            if len(lines) > limit:
                # acknowledge only up to the first record left for the next batch
                batch.up_to_seq = lines[limit][2] - 1
                lines = lines[:limit]
            else:
                batch.up_to_seq = session.scalar(select(func.max(ChangeLog.seq))) or pushed
            by_table: dict[str, list[str]] = {}
            for table, row_id, _first, _last in lines:
                by_table.setdefault(table, []).append(row_id)
            current = {t: read_fields(session, t, ids) for t, ids in by_table.items()}
            synced = {
                s.row_id: s
                for s in session.scalars(
                    select(SyncedState).where(
                        SyncedState.row_id.in_([r for _t, r, _f, _l in lines])
                    )
                )
            }
            signed = set(
                session.scalars(
                    select(Assessment.id).where(
                        Assessment.id.in_(by_table.get("assessment", [])),
                        Assessment.signed_at.is_not(None),
                    )
                )
            )
            organizations = OrganizationFinder(session)
            last: list[dict[str, Any]] = []
            for table, row_id, _first, last_seq in lines:
                row = current[table].get(row_id)
                if row is None:
                    continue  # hard-deleted locally before it ever synced
                base = synced.get(row_id)
                base_fields = base.fields if base else {}
                changed = {
                    name: value
                    for name, value in row["fields"].items()
                    if base is None or base_fields.get(name) != value
                }
                if base is not None and not changed and not row["deleted"]:
                    continue
                organization_id = organizations.of(table, row_id, row["fields"])
                if organization_id is None:
                    batch.skipped += 1
                    continue
                change = {
                    "change_id": f"{self._database.device_id}:{last_seq}",
                    "entity": table,
                    "row_id": row_id,
                    "organization_id": organization_id,
                    "base_revision": base.revision if base else 0,
                    "fields": changed,
                    "deleted": row["deleted"],
                }
                batch.sent[row_id] = row["fields"]
                # a signed assessment goes last: its children then land before the seal
                (last if row_id in signed else batch.changes).append(change)
            batch.changes.extend(last)
        return batch

    def acknowledge(
        self, batch: PushBatch, results: list[dict[str, Any]], *, source: object = None
    ) -> dict[str, int]:
        """Record the server's answers; adopt its fields where the local row has not moved since.

        Returns:
            How many changes had each outcome.
        """
        from qclinic.services.conflicts import DUPLICATE_CREDIT_CODE, from_push, keep
        from qclinic.storage.sync_rows import read_fields, write_fields

        counts: dict[str, int] = {}
        sent_changes = {c["change_id"]: c for c in batch.changes}
        settled = [r for r in results if r["outcome"] in ("applied", "merged", "conflict")]
        for result in results:
            counts[result["outcome"]] = counts.get(result["outcome"], 0) + 1
        with self._writing(source, origin=Origin.SYNC) as session:
            session.info[device_info_key()] = SYNC_DEVICE
            by_table: dict[str, list[str]] = {}
            for result in settled:
                change = sent_changes[result["change_id"]]
                by_table.setdefault(change["entity"], []).append(change["row_id"])
            now = {t: read_fields(session, t, ids) for t, ids in by_table.items()}
            memory = SyncedStates(session, [i for ids in by_table.values() for i in ids])
            for result in settled:
                change = sent_changes[result["change_id"]]
                entity, row_id = change["entity"], change["row_id"]
                current = now[entity].get(row_id)
                sent = batch.sent.get(row_id, {})
                if current is not None:
                    adopt = {
                        name: value
                        for name, value in result["fields"].items()
                        if current["fields"].get(name) == sent.get(name)
                        and current["fields"].get(name) != value
                    }
                    if adopt or current["deleted"] != result["deleted"]:
                        write_fields(session, entity, row_id, adopt, result["deleted"])
                memory.remember(entity, row_id, result["revision"], result["fields"])
            memory.write()
            user = _get_state(session, KEY_USER)
            keep(
                session,
                [
                    found
                    for result in results
                    if result.get("conflicts") or result.get("reason") == DUPLICATE_CREDIT_CODE
                    for found in from_push(sent_changes[result["change_id"]], result, user)
                ],
            )
            values: dict[str, str | None] = {KEY_PUSHED: str(batch.up_to_seq)}
            if counts.get("rejected"):
                rejected = int(_get_state(session, KEY_REJECTED) or "0")
                values[KEY_REJECTED] = str(rejected + counts["rejected"])
            _put_state(session, values)
        return counts

    # -- blobs (services/sync_blobs.py) ------------------------------------------------------
    def blobs_to_send(self, batch: PushBatch) -> list[BlobToSend]:
        """The blobs *batch*'s records reference, to upload (where the server lacks them) first."""
        from qclinic.services.sync_blobs import blobs_to_send

        return blobs_to_send(batch.changes, batch.sent, self._database.blobs)

    def pending_blob_count(self) -> int:
        """How many blobs records waiting to be pushed reference (``sync status``)."""
        from qclinic.services.sync_blobs import pending_blob_hashes

        pushed = int(self.state().get(KEY_PUSHED, "0"))
        with self._reading() as session:
            return len(pending_blob_hashes(session, pushed, SYNC_DEVICE))

    def incomplete_attachments(self) -> list[IncompleteAttachment]:
        """Live attachments and drawn signatures whose bytes are not on this computer yet
        (pulled before their blob was downloaded, or the server lacks it): incomplete."""
        from qclinic.services.sync_blobs import incomplete

        with self._reading() as session:
            return incomplete(session, self._database.blobs)

    def incomplete_by_organization(self) -> dict[str, int]:
        """``{organization id: how many}`` of its records still missing their bytes here."""
        from qclinic.services.sync_blobs import by_organization, incomplete

        with self._reading() as session:
            return by_organization(session, incomplete(session, self._database.blobs))

    def store_blob(self, sha256: str, chunks: Iterable[bytes]) -> int:
        """Keep a downloaded blob, its hash checked as it is written; its size.

        Raises:
            BlobMismatch: The bytes do not hash to *sha256*; nothing is kept.
        """
        from qclinic.services.sync_blobs import naming, store

        size = store(self._database.blobs, sha256, chunks)
        with self._reading() as session:
            named = naming(session, sha256)
        # the records that were incomplete are whole now: open views fill them in
        self._publish(named, origin=Origin.SYNC)
        return size

    # -- pull ----------------------------------------------------------------------------------
    def cursor(self, organization_id: str) -> int:
        return int(self.state().get(CURSOR_PREFIX + organization_id, "0"))

    def cursors(self) -> dict[str, int]:
        """Every scope key's cursor, read at once (a sync of thousands of keys asks once)."""
        return {
            key.removeprefix(CURSOR_PREFIX): int(value)
            for key, value in self.state().items()
            if key.startswith(CURSOR_PREFIX)
        }

    def apply_page(
        self,
        organization_id: str,
        rows: list[dict[str, Any]],
        cursor: int,
        *,
        source: object = None,
    ) -> int:
        """Apply one pulled page in one transaction, then store its cursor; rows applied.

        A field changed locally since the last sync (not pushed yet) keeps its local value: it
        is pushed next, against the revision pulled here.

        Raises:
            SetAside: the page carries an organization whose credit code another live local
                organization holds; nothing of the page is applied, the clash is kept as a
                conflict, and the page comes again at the next sync.
        """
        set_aside = self.apply_pages([(organization_id, rows, cursor)], source=source)
        if set_aside:
            raise SetAside(set_aside[organization_id])
        return len(rows)

    def apply_pages(
        self, pages: list[tuple[str, list[dict[str, Any]], int]], *, source: object = None
    ) -> dict[str, list[dict[str, Any]]]:
        """Apply the pages of several scope keys (``(key, rows, cursor)``) in **one**
        transaction with every key's cursor, as :meth:`apply_page` does one; the keys set aside
        (a credit-code clash, kept as a conflict: nothing of their page applied, their cursor
        unchanged), each with its clashes."""
        from sqlalchemy import text

        from qclinic.services.conflicts import credit_code_clashes, keep
        from qclinic.services.sync_records import apply_rows

        set_aside: dict[str, list[dict[str, Any]]] = {}
        if any(row["entity"] == "organization" for _, rows, _ in pages for row in rows):
            with self._reading() as session:
                for key, rows, _ in pages:
                    clashes = credit_code_clashes(session, rows)
                    if clashes:
                        set_aside[key] = clashes
        if set_aside:
            with self._writing(source, origin=Origin.SYNC) as session:
                keep(session, [clash for clashes in set_aside.values() for clash in clashes])
        pages = [page for page in pages if page[0] not in set_aside]
        if not pages:
            return set_aside
        with self._writing(source, origin=Origin.SYNC) as session:
            session.info[device_info_key()] = SYNC_DEVICE
            # a page may carry a child before its parent: check foreign keys at commit
            session.execute(text("PRAGMA defer_foreign_keys = ON"))
            apply_rows(session, [row for _, rows, _ in pages for row in rows])
            _put_state(session, {CURSOR_PREFIX + key: str(cursor) for key, _, cursor in pages})
        return set_aside


def _get_state(session: Session, key: str) -> str | None:
    from qclinic.storage.models import LocalState

    row = session.get(LocalState, key)
    return row.value if row else None


def _put_state(session: Session, values: dict[str, str | None]) -> None:
    from qclinic.storage.models import LocalState

    for key, value in values.items():
        row = session.get(LocalState, key)
        if value is None:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(LocalState(key=key, value=value))
        else:
            row.value = value
