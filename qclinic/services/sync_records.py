"""What sync keeps about records while it writes them: the scope a record is filed under on the
server, each record's last synced state (``sync_state``), and the device id of sync's own lines.
Shared by the sync service and bundle imports."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from qclinic.storage.models import SyncedState

__all__ = ["OrganizationFinder", "SyncedStates", "apply_rows", "device_info_key"]


class OrganizationFinder:
    """The organization a record is filed under on the server (its pull scope)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def of(self, table: str, row_id: str, fields: dict[str, Any]) -> str | None:
        from sqlalchemy import select

        from qclinic.storage.models import Assessment, ClinicCase, Finding, Referral, Visit
        from qclinic.storage.sync_rows import DIRECTORY_SCOPE

        if table in ("organization", "chain"):  # a chain is its own scope (docs/SYNC.md)
            return row_id
        if table == "provider":  # the directory everyone reads (docs/SYNC.md, Providers)
            return DIRECTORY_SCOPE
        if fields.get("organization_id"):
            return str(fields["organization_id"])
        session = self._session
        if fields.get("assessment_id"):
            return session.scalar(
                select(Assessment.organization_id).where(Assessment.id == fields["assessment_id"])
            )
        if table == "person":  # a consultant: filed with the first visit they lead
            return session.scalar(
                select(Visit.organization_id).where(Visit.lead_consultant_id == row_id).limit(1)
            )
        if fields.get("finding_id"):
            return session.scalar(
                select(Assessment.organization_id)
                .join(Finding, Finding.assessment_id == Assessment.id)
                .where(Finding.id == fields["finding_id"])
            )
        # an attachment of a clinic case, or a referral's delivery evidence
        for key, owner in (("case_id", ClinicCase), ("referral_id", Referral)):
            if fields.get(key):
                return session.scalar(select(owner.organization_id).where(owner.id == fields[key]))
        return None


def device_info_key() -> str:
    """The session-info key under which change-log lines take their device id (``sync`` for
    what sync and bundles write, so it is never pushed back)."""
    from qclinic.storage.changelog import DEVICE_ID_INFO_KEY

    return DEVICE_ID_INFO_KEY


class SyncedStates:
    """The synced states of a set of rows, read in a few queries; new ones inserted in one."""

    def __init__(self, session: Session, row_ids: list[str]) -> None:
        from sqlalchemy import select

        from qclinic.storage.models import SyncedState

        self._session = session
        self.states: dict[str, SyncedState] = {}
        for start in range(0, len(row_ids), 500):
            chunk = row_ids[start : start + 500]
            query = select(SyncedState).where(SyncedState.row_id.in_(chunk))
            self.states.update((state.row_id, state) for state in session.scalars(query))
        self._new: dict[str, dict[str, Any]] = {}

    def revision(self, row_id: str) -> int | None:
        if row_id in self._new:
            return int(self._new[row_id]["revision"])
        state = self.states.get(row_id)
        return state.revision if state is not None else None

    def fields(self, row_id: str) -> dict[str, Any] | None:
        if row_id in self._new:
            return dict(self._new[row_id]["fields"])
        state = self.states.get(row_id)
        return state.fields if state is not None else None

    def remember(self, entity: str, row_id: str, revision: int, fields: dict[str, Any]) -> None:
        state = self.states.get(row_id)
        if state is None:
            self._new[row_id] = {
                "row_id": row_id,
                "entity": entity,
                "revision": revision,
                "fields": fields,
            }
        else:
            state.revision = revision
            state.fields = fields

    def write(self) -> None:
        from sqlalchemy import insert

        from qclinic.storage.models import SyncedState

        if self._new:
            self._session.execute(insert(SyncedState), list(self._new.values()))
            self._new.clear()


def apply_rows(session: Session, rows: list[dict[str, Any]]) -> None:
    """Write pulled *rows* (of one page, or of several keys' pages) in *session*: a row of a
    revision this computer holds already is skipped (a parent may come twice), unless its
    fields differ (a link withheld before is in sight now); a field changed locally and not
    pushed yet keeps its local value (it is pushed next, against the pulled revision)."""
    from qclinic.storage.sync_rows import load, read_fields, write_fields

    memory = SyncedStates(session, [row["row_id"] for row in rows])
    synced_before = {row["row_id"]: memory.fields(row["row_id"]) for row in rows}
    fresh = []
    for row in rows:  # a parent may come twice in a page: once is enough
        known = memory.revision(row["row_id"])
        # the same revision with other fields: a link withheld before is in sight now
        again = known == row["revision"] and memory.fields(row["row_id"]) != row["fields"]
        if known is None or known < row["revision"] or again:
            fresh.append(row)
            memory.remember(row["entity"], row["row_id"], row["revision"], row["fields"])
    by_table: dict[str, list[str]] = {}
    for row in fresh:
        by_table.setdefault(row["entity"], []).append(row["row_id"])
    local = {t: read_fields(session, t, ids) for t, ids in by_table.items()}
    # a few queries: the rows below are then in the session, or known to be new
    existing = {i for table, ids in by_table.items() for i in load(session, table, ids)}
    for row in fresh:
        entity, row_id = row["entity"], row["row_id"]
        synced = synced_before.get(row_id)
        current = local[entity].get(row_id)
        fields = dict(row["fields"])
        if current is not None and synced is not None:
            for name, value in current["fields"].items():
                if synced.get(name) != value:
                    fields.pop(name, None)  # a local edit not pushed yet
        write_fields(session, entity, row_id, fields, row["deleted"], exists=row_id in existing)
    memory.write()
