"""Installing the built-in checklists into the database, and reading the library back.

Start-up calls :func:`install_builtin_library`. It hashes the shipped files (about a millisecond)
and only when they differ from what was installed last does it load, validate and store them — so
an ordinary start costs no YAML parsing at all.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qclinic import paths
from qclinic.core.catalogue import text
from qclinic.core.vocabulary import BUILTIN_CHECKLIST_IDS as BUILTIN_IDS
from qclinic.errors import UserError
from qclinic.storage.database import Database

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from qclinic.core.checklists import Checklist

FINGERPRINT_KEY = "builtin_library_sha256"


@dataclass(frozen=True)
class LibraryEntry:
    """A checklist version as lists show it (no content)."""

    id: str
    version: str
    title_zh: str
    title_en: str
    questions: int
    origin: str
    #: every installed version of the checklist, newest first (filled by :func:`list_library`)
    versions: tuple[str, ...] = ()


def content_sha256(content: Any) -> str:
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.yaml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def install_builtin_library(database: Database, folder: Path | None = None) -> int:
    """Store any built-in checklist version the database does not hold yet; return how many."""
    folder = folder or paths.builtin_checklists_dir()
    fingerprint = _fingerprint(folder)
    # Plain sqlite3 for the check, so an ordinary start imports neither SQLAlchemy nor YAML here.
    stored = database.query("SELECT value FROM local_state WHERE key = ?", (FINGERPRINT_KEY,))
    if stored and stored[0][0] == fingerprint:
        return 0
    from qclinic.core import checklists  # YAML and validation only when the files changed
    from qclinic.storage.models import LocalState

    library = checklists.Library(folder)
    added = 0
    with database.session() as session:
        for checklist in library.all():
            added += store_checklist(session, checklist, "builtin")
        state = session.get(LocalState, FINGERPRINT_KEY)
        if state is None:
            session.add(LocalState(key=FINGERPRINT_KEY, value=fingerprint))
        else:
            state.value = fingerprint
    return added


def import_checklist(database: Database, path: Path) -> LibraryEntry:
    """Validate a checklist file and add it to the library (a new version only)."""
    from qclinic.core import checklists

    checklist = checklists.load_file(path)
    with database.session() as session:
        store_checklist(session, checklist, "imported")
    return LibraryEntry(
        checklist.id,
        checklist.version,
        checklist.title.zh,
        checklist.title.en,
        checklist.question_count,
        "imported",
    )


def store_checklist(session: Session, checklist: Checklist, origin: str) -> int:
    """Store *checklist* as a new version in the library; 1 if added, 0 if already there.

    Raises:
        UserError: An imported version of that number is stored with other content.
    """
    from sqlalchemy import select

    from qclinic.storage.models import ChecklistVersion

    content = dict(checklist.source)
    digest = content_sha256(content)
    existing = session.scalars(
        select(ChecklistVersion).where(
            ChecklistVersion.checklist_id == checklist.id,
            ChecklistVersion.version == checklist.version,
        )
    ).one_or_none()
    if existing is not None:
        if existing.content_sha256 != digest and existing.origin == "imported":
            raise UserError(
                text("storage.library_conflict", checklist=checklist.id, version=checklist.version)
            )
        return 0
    session.add(
        ChecklistVersion(
            checklist_id=checklist.id,
            version=checklist.version,
            title_zh=checklist.title.zh,
            title_en=checklist.title.en,
            question_count=checklist.question_count,
            origin=origin,
            content_sha256=digest,
            content=content,
        )
    )
    return 1


def list_library(database: Database) -> list[LibraryEntry]:
    """The newest version of each checklist, built-ins in their usual order first; each entry
    names every version installed (an assessment stays on the version it was started with)."""
    newest: dict[str, LibraryEntry] = {}
    versions: dict[str, list[str]] = {}
    for entry in list_versions(database):
        newest.setdefault(entry.id, entry)
        versions.setdefault(entry.id, []).append(entry.version)
    order = {cid: n for n, cid in enumerate(BUILTIN_IDS)}
    entries = [replace(e, versions=tuple(versions[e.id])) for e in newest.values()]
    return sorted(entries, key=lambda e: (order.get(e.id, len(order)), e.id))


def list_versions(database: Database, checklist_id: str | None = None) -> list[LibraryEntry]:
    """Every stored version (of *checklist_id*, or of all checklists), newest first per checklist.

    The library keeps each version it ever installed (one row per id and version), so older
    versions stay available to compare and to the assessments made with them.
    """
    sql = (
        "SELECT checklist_id, version, title_zh, title_en, question_count, origin"
        " FROM checklist_version WHERE deleted_at IS NULL"
    )
    parameters: tuple[str, ...] = ()
    if checklist_id is not None:
        sql += " AND checklist_id = ?"
        parameters = (checklist_id,)
    entries = [LibraryEntry(*row) for row in database.query(sql, parameters)]
    return sorted(entries, key=lambda e: (e.id, [-n for n in _version_key(e.version)]))


def checklist_content(
    session: Session, checklist_id: str, version: str | None = None
) -> dict[str, Any]:
    """The stored content of a checklist version (the newest when *version* is None)."""
    from sqlalchemy import select

    from qclinic.storage.models import ChecklistVersion

    rows = session.scalars(
        select(ChecklistVersion).where(
            ChecklistVersion.checklist_id == checklist_id, ChecklistVersion.deleted_at.is_(None)
        )
    ).all()
    if version is not None:
        rows = [r for r in rows if r.version == version]
    if not rows:
        what = f"{checklist_id} {version}" if version else checklist_id
        raise UserError(text("storage.library_missing", what=what))
    best = max(rows, key=lambda r: _version_key(r.version))
    return dict(best.content)


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split(".") if part.isdigit())
