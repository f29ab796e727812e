"""Bundles through the sync path: what a bundle export carries, and applying an imported one.

An export carries exactly what the next push would send (:meth:`SyncService.pending_changes`,
the same change ids), and does not mark anything pushed: the device still pushes its changes
when it next reaches a server, and a server that already took them from the bundle answers
the push from its record of those change ids.

An import has no server to merge for it, so a desktop applies a change only where nothing can
be lost (docs/BUNDLE.md, "Importing on a desktop"):

- a record it does not have, created by the sender (``base_revision`` 0): inserted;
- a record whose last synced revision here (0: never synced) is the change's base, and that
  has no local edit waiting to be pushed: the carried fields are written;
- a record that already carries the change's fields: unchanged (so a second import is a no-op);
- anything else is a **conflict**, reported and not written: another base, a local edit not
  yet pushed, a record changed on a signed assessment, a record it lacks whose change is an
  edit (``not_here``).

Everything is written in one transaction with the device id ``sync`` on its change-log lines
(never pushed back: the sender pushes its own changes) and announced with ``Origin.SYNC``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qclinic.core.catalogue import text
from qclinic.errors import UserError
from qclinic.services.base import Service
from qclinic.services.events import Origin
from qclinic.services.sync import KEY_PUSHED, SYNC_DEVICE, SyncService
from qclinic.services.sync_records import SyncedStates, device_info_key

#: an export takes every pending record at once (the bundle file itself is written streaming)
EXPORT_LIMIT = 1_000_000


@dataclass
class ImportResult:
    """What an import did: counts, and the changes left alone."""

    applied: int = 0
    unchanged: int = 0
    #: ``{"change_id", "entity", "row_id", "reason"}`` of each change not applied
    conflicts: list[dict[str, str]] = field(default_factory=list)


class BundleService(Service):
    """The changes a bundle export carries; applying a bundle's changes on this desktop."""

    def export_changes(self, organization_ids: Collection[str] = ()) -> list[dict[str, Any]]:
        """Every pending change (as a push would send it), of *organization_ids* if given.

        A chain is its own scope (docs/SYNC.md, Chains): a pending chain goes with the wanted
        organizations' memberships of it, so the bundle holds the parent they name; and so does
        the provider directory with the wanted organizations' referrals (docs/SYNC.md, Providers).
        """
        from qclinic.storage.sync_rows import DIRECTORY_SCOPE

        batch = SyncService(self._database, self._bus).pending_changes(EXPORT_LIMIT)
        wanted = set(organization_ids)
        if not wanted:
            return batch.changes
        wanted |= {
            str(c["fields"]["chain_id"])
            for c in batch.changes
            if c["entity"] == "chain_member"
            and c["organization_id"] in wanted
            and c["fields"].get("chain_id")
        }
        if any(c["entity"] == "referral" and c["organization_id"] in wanted for c in batch.changes):
            wanted.add(DIRECTORY_SCOPE)
        return [c for c in batch.changes if c["organization_id"] in wanted]

    def export_blobs(self, changes: list[dict[str, Any]]) -> list[tuple[str, Path]]:
        """``(sha256, file)`` of the blobs *changes* name that this computer has (an attachment
        whose file is lost here travels as its record only, and shows incomplete elsewhere)."""
        from qclinic.services.sync_blobs import BLOB_FIELDS

        found: dict[str, Path] = {}
        for change in changes:
            field_name = BLOB_FIELDS.get(change["entity"])
            sha256 = change["fields"].get(field_name) if field_name else None
            if sha256 and not change["deleted"] and sha256 not in found:
                path = self._database.blobs.path_for(str(sha256))
                if path.is_file():
                    found[str(sha256)] = path
        return sorted(found.items())

    def apply(
        self, changes: Iterable[dict[str, Any]], *, label: str = "", source: object = None
    ) -> ImportResult:
        """Apply a bundle's *changes* in one transaction (see the module's rules).

        Raises:
            UserError: A change needs a parent record that neither this desktop nor the bundle
                has (``bundle.import_missing_parent``); nothing is written.
        """
        from sqlalchemy import text as sql
        from sqlalchemy.exc import IntegrityError

        from qclinic.storage.sync_rows import SYNCED_TABLES, read_fields, write_fields

        changes = list(changes)
        result = ImportResult()
        try:
            with self._writing(source, origin=Origin.SYNC) as session:
                session.info[device_info_key()] = SYNC_DEVICE
                session.execute(sql("PRAGMA defer_foreign_keys = ON"))
                known = [c for c in changes if c["entity"] in SYNCED_TABLES]
                by_table: dict[str, list[str]] = {}
                for change in known:
                    by_table.setdefault(change["entity"], []).append(change["row_id"])
                local = {t: read_fields(session, t, ids) for t, ids in by_table.items()}
                memory = SyncedStates(session, [c["row_id"] for c in known])
                pending = _pending_rows(session, [c["row_id"] for c in known])
                signed = _signed(session, changes, local)
                for change in changes:
                    rows = local.get(change["entity"])
                    current = rows.get(change["row_id"]) if rows is not None else None
                    reason = _refusal(change, current, memory, pending, signed)
                    if reason == "unchanged":
                        result.unchanged += 1
                        continue
                    if reason is not None:
                        result.conflicts.append(
                            {
                                "change_id": change["change_id"],
                                "entity": change["entity"],
                                "row_id": change["row_id"],
                                "reason": reason,
                            }
                        )
                        continue
                    entity, row_id = change["entity"], change["row_id"]
                    fields, deleted = change["fields"], bool(change["deleted"])
                    write_fields(
                        session, entity, row_id, fields, deleted, exists=current is not None
                    )
                    assert rows is not None
                    before = current["fields"] if current else {}
                    rows[row_id] = {"fields": {**before, **fields}, "deleted": deleted}
                    synced = memory.fields(row_id)
                    if synced is not None:  # what came by bundle is not a local edit to push
                        memory.remember(
                            entity, row_id, int(change["base_revision"]), {**synced, **fields}
                        )
                    result.applied += 1
                memory.write()
        except IntegrityError:
            raise UserError(text("bundle.import_missing_parent", path=label)) from None
        return result


def _refusal(
    change: dict[str, Any],
    current: dict[str, Any] | None,
    memory: SyncedStates,
    pending: set[str],
    signed: set[str],
) -> str | None:
    """Why *change* is not applied here (``"unchanged"`` when there is nothing to do)."""
    from qclinic.storage.sync_rows import SYNCED_TABLES

    if change["entity"] not in SYNCED_TABLES:
        return "unknown_entity"
    fields: dict[str, Any] = change["fields"]
    base = int(change["base_revision"])
    if current is None:
        return None if base == 0 else "not_here"
    if current["deleted"] == bool(change["deleted"]) and all(
        current["fields"].get(name) == value for name, value in fields.items()
    ):
        return "unchanged"
    assessment_id = (
        change["row_id"]
        if change["entity"] == "assessment"
        else current["fields"].get("assessment_id")
    )
    if assessment_id in signed:
        return "signed"
    if change["row_id"] in pending:
        return "local_edit"
    if (memory.revision(change["row_id"]) or 0) != base:
        return "other_base"
    return None


def _pending_rows(session: Any, row_ids: list[str]) -> set[str]:
    """The rows among *row_ids* with a local edit not pushed yet."""
    from sqlalchemy import select

    from qclinic.storage.models import ChangeLog, LocalState

    state = session.get(LocalState, KEY_PUSHED)
    pushed = int(state.value) if state is not None else 0
    found: set[str] = set()
    for start in range(0, len(row_ids), 500):
        query = select(ChangeLog.row_id).where(
            ChangeLog.seq > pushed,
            ChangeLog.device_id != SYNC_DEVICE,
            ChangeLog.row_id.in_(row_ids[start : start + 500]),
        )
        found.update(session.scalars(query))
    return found


def _signed(
    session: Any, changes: list[dict[str, Any]], local: dict[str, dict[str, dict[str, Any]]]
) -> set[str]:
    """The assessments the changes touch that are signed here already."""
    from sqlalchemy import select

    from qclinic.storage.models import Assessment

    ids: set[str] = set()
    for change in changes:
        if change["entity"] == "assessment":
            ids.add(change["row_id"])
        current = local.get(change["entity"], {}).get(change["row_id"])
        if current and current["fields"].get("assessment_id"):
            ids.add(str(current["fields"]["assessment_id"]))
    found: set[str] = set()
    listed = sorted(ids)
    for start in range(0, len(listed), 500):
        query = select(Assessment.id).where(
            Assessment.id.in_(listed[start : start + 500]), Assessment.signed_at.is_not(None)
        )
        found.update(session.scalars(query))
    return found
