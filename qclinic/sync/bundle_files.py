"""Export and import a bundle file (docs/BUNDLE.md) for the app and the command line: one way
to do each, logged in the sync log. No Qt: the app runs these on a worker thread."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qclinic.core.catalogue import find, text
from qclinic.core.text import Text
from qclinic.sync.bundle import device_key, read_bundle, write_bundle

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from qclinic.sync.account import Account


@dataclass
class ImportSummary:
    """What an import did: counts, the changes taken per kind, and each refused with why."""

    applied: int = 0
    unchanged: int = 0
    blobs: int = 0
    #: entity → changes of that kind applied or already here
    kinds: dict[str, int] = field(default_factory=dict)
    #: ``{"change_id", "entity", "row_id", "reason"}`` of each change not applied
    refused: list[dict[str, str]] = field(default_factory=list)

    def kinds_text(self) -> Text:
        parts = [
            text("sync_ui.kind_count", kind=entity_text(kind), count=count)
            for kind, count in sorted(self.kinds.items(), key=lambda item: -item[1])
        ]
        if not parts:
            return Text("", "")
        joined = parts[0]
        for part in parts[1:]:
            joined = joined + Text("，", ", ") + part
        return text("sync_ui.imported_kinds", kinds=joined)


def entity_text(entity: str) -> Text:
    """The name of a kind of record (``sync_ui.entity_*``), or the kind itself."""
    return find("sync_ui.entity_" + entity) or Text(entity, entity)


def reason_text(reason: str) -> Text:
    """Why a bundle's change was not applied (``sync_ui.refused_reason_*``)."""
    return find("sync_ui.refused_reason_" + reason) or Text(reason, reason)


def export_bundle(account: Account, path: Path, organization_ids: Collection[str] = ()) -> int:
    """Write every pending change (of *organization_ids*, if given) and the blobs they name to
    *path*, signed with this device's key; how many changes."""
    services = account.services
    changes = services.bundles.export_changes(organization_ids)
    write_bundle(
        path,
        changes,
        services.bundles.export_blobs(changes),
        device_key(account.folder),
        device_id=services.database.device_id,
        # the chosen organizations, and the scopes their changes carry along (a chain, the
        # provider directory: services.bundles.export_changes), which the manifest must list
        organization_ids=sorted({*organization_ids, *(str(c["organization_id"]) for c in changes)})
        if organization_ids
        else None,
    )
    account.log.append(
        "export",
        text("bundle.exported", path=path, changes=len(changes)),
        {"changes": len(changes)},
    )
    return len(changes)


def import_bundle(
    account: Account,
    path: Path,
    trust: Collection[str | Ed25519PublicKey] | None = None,
    *,
    source: object = None,
) -> ImportSummary:
    """Check the bundle at *path* whole, copy its blobs in, apply its changes (one transaction);
    what was done. Raises :class:`~qclinic.errors.UserError` for a bundle refused whole."""
    services = account.services
    kinds: Counter[str] = Counter()
    seen: list[dict[str, Any]] = []
    with read_bundle(path, trust) as bundle:
        blobs = bundle.copy_blobs_into(services.database.blobs)

        def counted() -> Any:
            for change in bundle.changes():
                seen.append({"change_id": change["change_id"], "entity": change["entity"]})
                yield change

        result = services.bundles.apply(counted(), label=str(path), source=source)
    refused_ids = {c["change_id"] for c in result.conflicts}
    kinds.update(c["entity"] for c in seen if c["change_id"] not in refused_ids)
    summary = ImportSummary(
        result.applied, result.unchanged, blobs, dict(kinds), list(result.conflicts)
    )
    counts = {
        "applied": result.applied,
        "unchanged": result.unchanged,
        "conflicts": len(result.conflicts),
    }
    message = text("bundle.imported", path=path, **counts)
    if summary.kinds:
        message = message + Text(" ", " ") + summary.kinds_text()
    account.log.append("import", message, counts)
    return summary
