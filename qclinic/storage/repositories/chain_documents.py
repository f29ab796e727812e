"""The register of issued chain reports: recorded when written, looked up to verify.

An assessment's documents are registered in ``issued_document``, whose ``assessment_id`` is a
required foreign key: a chain report has no assessment, and giving that table a chain column is a
schema change this release does not make. Until a migration does, a chain report's register entry
is a row of ``local_state`` (the installation's key/value table) under the key
``issued.chain.<document id>``, its value the JSON of the same fields ``issued_document`` holds
(file SHA-256 and size, pages, data hash, what each part showed, when, by whom, on which device)
plus the chain id and the period the report covers.

What that costs: ``local_state`` is neither logged nor synced, so a chain report verifies on the
installation that printed it (elsewhere it is "unknown", as an assessment report printed on a
laptop not yet synced is). Lookups read every entry of the register; a chain report is printed a
few times a year per chain, not thousands of times. The functions mirror
:mod:`.documents`, so moving the register into a table later changes this module only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qclinic.storage.models import LocalState

PREFIX = "issued.chain."


@dataclass(frozen=True)
class IssuedChainReport:
    """One issued chain report, as registered."""

    document_id: str
    chain_id: str
    period_from: str
    period_to: str
    lang: str
    file_sha256: str
    file_size: int
    pages: int
    data_sha256: str
    parts: dict[str, Any]
    issued_at: str  # ISO, UTC
    issued_by: str
    device_id: str


def _entries(session: Session) -> list[IssuedChainReport]:
    query = select(LocalState.value).where(LocalState.key.startswith(PREFIX, autoescape=True))
    entries = [IssuedChainReport(**json.loads(value)) for value in session.scalars(query)]
    return sorted(entries, key=lambda entry: (entry.issued_at, entry.document_id))


def next_serial(session: Session, chain_id: str) -> int:
    """The copy number the next chain report of *chain_id* gets (1, 2, …)."""
    return 1 + sum(1 for entry in _entries(session) if entry.chain_id == chain_id)


def record_issue(session: Session, entry: IssuedChainReport) -> None:
    """Add one issued chain report (a document id is registered once).

    Raises:
        ValueError: *entry*'s document id is already in the register.
    """
    key = PREFIX + entry.document_id
    if session.get(LocalState, key) is not None:
        raise ValueError(f"document {entry.document_id} is already registered")
    value = json.dumps(entry.__dict__, ensure_ascii=False, sort_keys=True)
    session.add(LocalState(key=key, value=value))
    session.flush()


def by_file(session: Session, file_sha256: str) -> IssuedChainReport | None:
    """The issued chain report whose file has exactly the SHA-256 *file_sha256*, if any."""
    return next((e for e in _entries(session) if e.file_sha256 == file_sha256), None)


def by_document_id(session: Session, document_id: str) -> IssuedChainReport | None:
    """The chain report registered under *document_id*, if any."""
    row = session.get(LocalState, PREFIX + document_id)
    return None if row is None else IssuedChainReport(**json.loads(row.value))


def by_chain(session: Session, chain_id: str) -> list[IssuedChainReport]:
    """Every chain report issued for *chain_id*, oldest first."""
    return [entry for entry in _entries(session) if entry.chain_id == chain_id]


def issued_now() -> str:
    """The registering moment as stored (ISO, UTC)."""
    from qclinic.storage.types import utc_now

    moment: datetime = utc_now()
    return moment.isoformat()
