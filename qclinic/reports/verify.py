"""Checking a PDF against the database: ``qclinic report verify FILE.pdf``.

The file itself is checked first: the SHA-256 of its bytes must be one the database recorded
when it issued a document (``issued_document``, see :mod:`.issue`). A flipped byte, appended
bytes, an edited number, a removed page, a stamp drawn over the summary, or another PDF carrying a
copied stamp all change those bytes. Then the content:

* a document of a **signed** assessment: the assessment's content must still match its seal
  (:mod:`qclinic.storage.seal`), and the seal must be the one it was printed under. The plan's
  progress since (actions started or done, cases resolved) is reported, not counted as a change;
* a document of an unsigned assessment, or a plan: the data it shows must still be the database's,
  part by part (questions, findings, score…); the progress of actions and cases in a report is
  reported only.

Outcomes (and ``qclinic report verify`` exit codes): ``match`` 0, ``changed`` 1 (the message says
what differs), ``unknown`` 3 (this database never issued this file's document: printed by another
installation, by a release before the register, or made up). A file that is not a QClinic PDF is a
:class:`~qclinic.errors.UserError` (exit 2). Nothing here writes to the database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qclinic.errors import UserError
from qclinic.reports.data import data_hash, load_report_data
from qclinic.reports.document import (
    META_ASSESSMENT,
    META_CHAIN,
    META_DOCUMENT_ID,
    META_HASH,
    META_KIND,
    META_SEAL,
)
from qclinic.reports.issue import file_sha256, parts
from qclinic.reports.times import local_time

MATCH, CHANGED, UNKNOWN = "match", "changed", "unknown"
EXIT_CODES = {MATCH: 0, CHANGED: 1, UNKNOWN: 3}
_DOCUMENT_ID = re.compile(rb"QC-[RPC]-[0-9A-F]{10}-\d+(?:-\d{3})?")


@dataclass(frozen=True)
class Stamp:
    """What a QClinic PDF says about itself (its metadata), and how many pages it has."""

    document_id: str
    assessment_id: str
    kind: str
    data_hash: str
    seal: str = ""
    pages: int | None = None
    chain_id: str = ""  # a chain report's chain (its assessment_id is then "")


@dataclass
class Verdict:
    """The outcome, the facts that led to it and what differs."""

    outcome: str
    file_sha256: str
    document_id: str = ""
    assessment_id: str = ""
    kind: str = ""
    facts: list[str] = field(default_factory=list)  # what was found (printed as it is)
    differences: list[str] = field(default_factory=list)  # why it is not a match
    progress: list[str] = field(default_factory=list)  # what moved on, not counted as a change
    chain_id: str = ""  # a chain report's chain

    @property
    def matches(self) -> bool:
        return self.outcome == MATCH

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.outcome]


def read_stamp(path: Path) -> Stamp:
    """The QClinic metadata of the PDF *path*.

    Raises:
        UserError: Not readable, not a PDF, or not a QClinic report.
    """
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # our message says it better

    try:
        reader = PdfReader(str(path))
        metadata: Any = reader.metadata or {}
    except (OSError, PyPdfError, ValueError, KeyError, TypeError) as exc:
        raise UserError(f"{path}: not a readable PDF ({exc})") from None
    subject = META_CHAIN if metadata.get(META_KIND) == "chain" else META_ASSESSMENT
    values = {key: metadata.get(key) for key in (META_DOCUMENT_ID, subject, META_KIND, META_HASH)}
    if not all(isinstance(v, str) and v for v in values.values()):
        raise UserError(
            f"{path}: not a QClinic report (no document id and data hash in its metadata)"
        )
    try:
        pages: int | None = len(reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError):
        pages = None
    seal = metadata.get(META_SEAL)
    chain = subject == META_CHAIN
    return Stamp(
        str(values[META_DOCUMENT_ID]),
        "" if chain else str(values[META_ASSESSMENT]),
        str(values[META_KIND]),
        str(values[META_HASH]),
        str(seal) if isinstance(seal, str) else "",
        pages,
        str(values[META_CHAIN]) if chain else "",
    )


def _stamp_or_trace(path: Path) -> Stamp | None:
    """The stamp, or ``None`` when the metadata is unreadable but the bytes name a document id."""
    try:
        return read_stamp(path)
    except UserError:
        found = _DOCUMENT_ID.search(path.read_bytes())
        if found is None:
            raise
        return None


def verify_without_database(path: Path, database_path: Path) -> Verdict:
    """The verdict when there is no database at all: nothing here knows any document."""
    sha, _size = file_sha256(path)
    stamp = _stamp_or_trace(path)
    verdict = Verdict(UNKNOWN, sha)
    if stamp is not None:
        verdict.document_id, verdict.assessment_id, verdict.kind = (
            stamp.document_id,
            stamp.assessment_id,
            stamp.kind,
        )
        verdict.chain_id = stamp.chain_id
    verdict.differences.append(
        f"there is no QClinic database at {database_path}, so nothing here knows this document "
        "(use --data-dir to point at the installation that issued it)"
    )
    return verdict


def verify(database: Any, path: Path) -> Verdict:
    """Check the PDF *path* against *database* (read only).

    Raises:
        UserError: The file is not a QClinic PDF (and not a file this database issued).
    """
    from qclinic.reports import chain_verify
    from qclinic.storage.repositories import chain_documents, documents

    sha, size = file_sha256(path)
    with database.read_session() as session:
        issued = documents.by_file(session, sha)
        if issued is not None:
            return _check_issued(database, session, issued, sha)
        issued_chain = chain_documents.by_file(session, sha)
        if issued_chain is not None:
            return chain_verify.check_issued(database, issued_chain, sha)
        stamp = _stamp_or_trace(path)
        if stamp is None:
            traced = _DOCUMENT_ID.search(path.read_bytes())
            verdict = Verdict(CHANGED, sha, traced.group().decode() if traced else "")
            verdict.differences.append(
                "the file's metadata is unreadable although it names a QClinic document: it was "
                "damaged or altered after printing"
            )
            return verdict
        if stamp.kind == "chain":
            return chain_verify.check_unregistered(session, stamp, sha, size)
        if stamp.kind not in ("report", "plan"):
            raise UserError(f"{path}: unknown QClinic document kind {stamp.kind!r}")
        verdict = Verdict(UNKNOWN, sha, stamp.document_id, stamp.assessment_id, stamp.kind)
        copies = documents.by_document_id(session, stamp.document_id)
        if copies:
            verdict.outcome = CHANGED
            _not_the_issued_file(verdict, stamp, copies, sha, size)
            return verdict
        others = [d.document_id for d in documents.by_assessment(session, stamp.assessment_id)]
    if others:
        verdict.facts.append(
            f"this database issued {len(others)} other document(s) of that assessment: "
            + ", ".join(others[-5:])
        )
    verdict.differences.append(
        f"this database never issued a document {stamp.document_id}: it was printed by another "
        "QClinic installation (not synced here), by a release older than the register of issued "
        "documents, or it is not genuine"
    )
    try:
        current = _current_hash(database, stamp.assessment_id, stamp.kind)
    except UserError:
        current = None
    if current is None:
        verdict.facts.append(f"the database has no assessment {stamp.assessment_id}")
    else:
        same = "matches" if current == stamp.data_hash else "does NOT match"
        verdict.facts.append(
            f"for information only: the data hash in its metadata {same} the database's now"
        )
    return verdict


def _current_hash(database: Any, assessment_id: str, kind: str) -> str | None:
    from qclinic.reports.plan import plan_data
    from qclinic.storage.errors import NotFound

    try:
        data = load_report_data(database, assessment_id)
    except NotFound:
        return None
    return data_hash(plan_data(data) if kind == "plan" else data)


def _not_the_issued_file(
    verdict: Verdict, stamp: Stamp, copies: list[Any], sha: str, size: int
) -> None:
    issued = copies[-1]
    verdict.differences.append(
        f"this file is not the document {stamp.document_id} that was issued: its SHA-256 is "
        f"{sha}, the issued file's is {issued.file_sha256} (issued {local_time(issued.issued_at)} "
        f"by {issued.issued_by}). It was altered after printing, or another file carries that "
        "document's stamp"
    )
    if size != issued.file_size:
        delta = size - issued.file_size
        verdict.differences.append(
            f"it is {abs(delta)} bytes {'longer' if delta > 0 else 'shorter'} than the issued file "
            f"({size} against {issued.file_size})"
        )
    if stamp.pages is not None and stamp.pages != issued.pages:
        verdict.differences.append(
            f"it has {stamp.pages} pages; the issued document had {issued.pages}"
        )
    if stamp.data_hash != issued.data_sha256:
        verdict.differences.append("the data hash in its metadata is not the issued one")


def _check_issued(database: Any, session: Any, issued: Any, sha: str) -> Verdict:
    from sqlalchemy import text

    from qclinic.reports.plan import plan_data
    from qclinic.storage.errors import NotFound
    from qclinic.storage.repositories import documents
    from qclinic.storage.seal import check_seal

    verdict = Verdict(MATCH, sha, issued.document_id, issued.assessment_id, issued.kind)
    verdict.facts.append(
        f"the file is, byte for byte, the {issued.kind} issued {local_time(issued.issued_at)} "
        f"by {issued.issued_by} ({issued.lang}, {issued.pages} pages, status {issued.status})"
    )
    signed_when_issued = issued.seal_sha256 is not None
    check = check_seal(session.connection(), issued.assessment_id, database.blobs)
    if check is not None:
        if check.intact:
            verdict.facts.append(f"the signed content still matches its seal {check.stored}")
        else:
            verdict.differences += [f"since signing, {d}" for d in check.differences]
        if signed_when_issued and check.stored != issued.seal_sha256:
            verdict.differences.append(
                f"the assessment's seal is now {check.stored}, but the document was issued under "
                f"{issued.seal_sha256}: the signed record was replaced"
            )
    elif signed_when_issued:
        verdict.differences.append("the assessment was signed when printed but no longer is")
    seal = documents.seal_row(session, issued.assessment_id)
    try:
        data = load_report_data(database, issued.assessment_id)
    except NotFound:
        verdict.differences.append(
            f"the database no longer holds assessment {issued.assessment_id}"
        )
        verdict.outcome = CHANGED
        return verdict
    verdict.facts.append(
        f"it is the {issued.kind} of “{data.title}” (revision {data.revision_no}) for "
        f"{data.organization}, visit {data.visit_date or '—'}, checklist {data.checklist_id}"
    )
    amendments = session.execute(
        text("SELECT id, revision_no FROM assessment WHERE amends_id = :a AND deleted_at IS NULL"),
        {"a": issued.assessment_id},
    ).all()
    for amendment in amendments:
        verdict.progress.append(
            f"the assessment was amended since: revision {amendment.revision_no} is "
            f"{amendment.id}; this document shows revision {data.revision_no}"
        )
    shown = plan_data(data) if issued.kind == "plan" else data
    _compare_parts(verdict, issued.parts or {}, parts(shown), data, signed_when_issued)
    if seal is not None and not signed_when_issued and not verdict.differences:
        verdict.progress.append(
            f"the assessment was signed {local_time(seal.sealed_at)}, after this copy was printed; "
            "print it again for the signed report"
        )
    if verdict.differences:
        verdict.outcome = CHANGED
    return verdict


_LABELS = {
    "header": "the cover facts (title, organization, site, visit, checklist)",
    "score": "the score, grade, its reasons or the section scores",
    "previous": "the previous assessment compared with",
    "outcomes": "the outcome figures",
}


def _name(key: str, data: Any) -> str:
    kind, _, ident = key.partition(":")
    if kind == "question":
        return f"question {ident}"
    titles = {f"finding:{f.id}": f.title for f in getattr(data, "findings", ())}
    titles |= {f"case:{c.id}": c.title for c in getattr(data, "cases", ())}
    if kind in ("finding", "case"):
        return f"the {kind} “{titles.get(key, ident)}”"
    if kind == "signature":
        return f"signature {int(ident) + 1}"
    return _LABELS.get(key, key)


def _action_change(key: str, old: Any, new: Any) -> str:
    if old is None:
        return f"action “{new['title']}” was added ({new['status']})"
    if new is None:
        return f"action “{old['title']}” was removed"
    moves = [
        f"{what} {old.get(field) or '—'} → {new.get(field) or '—'}"
        for what, field in (
            ("status", "status"),
            ("owner", "owner"),
            ("due", "due"),
            ("priority", "priority"),
        )
        if old.get(field) != new.get(field)
    ]
    return f"action “{new['title']}”: " + (", ".join(moves) if moves else "details edited")


def _compare_parts(
    verdict: Verdict, printed: dict[str, Any], now: dict[str, Any], data: Any, signed: bool
) -> None:
    """Sort every difference between *printed* and *now* into a change or progress."""
    plan = verdict.kind == "plan"
    for key in sorted(set(printed) | set(now)):
        old, new = printed.get(key), now.get(key)
        if old == new:
            continue
        if key == "status":
            verdict.progress.append(f"status was {old} when printed; it is {new} now")
            continue
        if key.startswith("action:"):
            (verdict.differences if plan else verdict.progress).append(
                _action_change(key, old, new)
            )
            continue
        what = _name(key, data)
        text = (
            f"{what} was added"
            if old is None
            else f"{what} was removed"
            if new is None
            else f"{what} differs from the printed one"
        )
        if key.startswith("case:") or key == "outcomes" or (signed and not plan):
            # cases and the company's outcome figures move on; with an intact seal, other differences are not in the signed content
            # (the organization renamed, the scoring of a newer release, the previous assessment)
            verdict.progress.append(text)
        else:
            verdict.differences.append(text)
