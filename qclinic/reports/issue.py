"""Issuing a PDF: check the seal, number the copy, write it, and record it in the register.

:func:`prepare` refuses to print a signed assessment whose content no longer matches its seal
(:class:`~qclinic.storage.seal.SealBroken`) and gives the copy its document id,
``QC-R-<assessment>-<revision>-<copy>`` (``P`` for a plan). :func:`register` records the written
file — SHA-256 of its bytes, size, pages, the data hash, the seal, the status, what each part of
the document showed (:func:`parts`), when, by whom and on which device — in ``issued_document``.
``qclinic report verify`` finds a file there by its bytes (see :mod:`.verify`).
"""

from __future__ import annotations

import getpass
import hashlib
import json
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path
from typing import Any

from qclinic.reports.data import ReportData

_CHUNK = 1 << 20


def _fields(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        # one level only: json walks the fields itself, without the deep copy asdict makes
        return {f.name: getattr(value, f.name) for f in fields(value)}
    raise TypeError(f"cannot hash {type(value).__name__}")


def _hash(value: Any) -> str:
    """SHA-256 of *value*'s JSON (dataclasses as their fields; deterministic, not rounded)."""
    plain = json.dumps(
        value, default=_fields, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(plain.encode("utf-8")).hexdigest()


def file_sha256(path: Path) -> tuple[str, int]:
    """SHA-256 (hex) and size of the file *path* (read in chunks; no PDF parsing)."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def document_id(assessment_id: str, revision_no: int, kind: str, serial: int | None) -> str:
    """``QC-R-<last 10 hex of the assessment>-<revision>[-<copy>]`` (``P`` for a plan)."""
    short = assessment_id.replace("-", "")[-10:].upper()
    base = f"QC-{'R' if kind == 'report' else 'P'}-{short}-{revision_no}"
    return base if serial is None else f"{base}-{serial:03d}"


def _action_part(action: Any) -> dict[str, Any]:
    return {
        "title": action.title,
        "status": action.status,
        "owner": action.owner,
        "due": action.due_date,
        "priority": action.priority,
        "sha256": _hash(action),
    }


def parts(data: Any) -> dict[str, Any]:
    """What a report (:class:`ReportData`) or plan (``PlanData``) shows, part by part.

    Each part is a hash, except ``status`` (the assessment's status) and the actions (their title,
    status, owner, due date and priority, so a verify can say how the plan moved on).
    """
    out: dict[str, Any] = {"status": data.status}
    for action in data.actions:
        out[f"action:{action.id}"] = _action_part(action)
    if not isinstance(data, ReportData):  # the plan: its header and its actions
        out["header"] = _hash(
            [data.title, data.revision_no, data.organization, data.site, data.visit_date]
        )
        return out
    out["header"] = _hash(
        [
            data.title,
            data.revision_no,
            data.organization,
            data.credit_code,
            data.region,
            data.site,
            data.site_address,
            data.visit_date,
            data.visit_kind,
            list(data.consultants),
            data.checklist_id,
            data.checklist_version,
            data.checklist_title,
        ]
    )
    out["score"] = _hash(
        {
            "percent": data.percent,
            "grade": data.grade,
            "grade_label": data.grade_label,
            "maturity": data.maturity,
            "trace": list(data.trace),
            "what_if": data.what_if,
            "sections": list(data.sections),
        }
    )
    out["previous"] = _hash([data.previous_title, data.previous_date, data.previous_percent])
    for question in data.questions:
        out[f"question:{question.id}"] = _hash(question)
    for finding in data.findings:
        out[f"finding:{finding.id}"] = _hash(finding)
    for case in data.cases:
        out[f"case:{case.id}"] = _hash(case)
    for index, signature in enumerate(data.signatures):
        out[f"signature:{index}"] = _hash(signature)
    if data.outcomes:  # absent while empty, as in the data hash
        out["outcomes"] = _hash(list(data.outcomes))
    return out


@dataclass(frozen=True)
class Prepared:
    """What a print needs before laying out: the checked seal and the copy's document id."""

    document_id: str
    seal: str | None


def prepare(database: Any, data: ReportData, kind: str) -> Prepared:
    """Check the seal of *data*'s assessment and number the copy.

    Raises:
        SealBroken: The assessment is signed but its content changed after signing.
    """
    from qclinic.storage.repositories import documents
    from qclinic.storage.seal import require_intact

    with database.read_session() as session:
        # rows only: re-hashing every evidence file would cost ~0.1 s per 20 photos on each print;
        # verify re-hashes them, so a reprint from a swapped file is still caught there
        seal = require_intact(session.connection(), data.assessment_id)
        serial = documents.next_serial(session, data.assessment_id, kind)
    return Prepared(document_id(data.assessment_id, data.revision_no, kind, serial), seal)


def _user() -> str:
    try:
        return getpass.getuser()[:100]
    except (OSError, KeyError, ImportError):
        return "unknown"


def issue_fields(
    path: Path, built: Any, data: Any, kind: str, lang: str, seal: str | None, device_id: str
) -> dict[str, Any]:
    """The register row of the written file *path* (a :class:`~qclinic.reports.build.BuiltReport`
    of *data*): its bytes' SHA-256 and size, what each part showed, when, by whom, on which device.
    """
    from qclinic.storage.types import utc_now

    sha256, size = file_sha256(path)
    return {
        "document_id": built.document_id,
        "assessment_id": data.assessment_id,
        "kind": kind,
        "lang": lang,
        "file_sha256": sha256,
        "file_size": size,
        "pages": built.pages,
        "data_sha256": built.data_hash,
        "seal_sha256": seal,
        "status": data.status,
        "parts": parts(data),
        "issued_at": utc_now(),
        "issued_by": _user(),
        "device_id": device_id,
    }


def register(
    database: Any,
    path: Path,
    built: Any,
    data: Any,
    kind: str,
    lang: str,
    seal: str | None,
) -> None:
    """Record the written file *path* (a :class:`~qclinic.reports.build.BuiltReport`) as issued.

    If the register cannot be written the file is removed: no copy leaves unregistered. (The
    application's path is :meth:`qclinic.services.printing.PrintingService.print_document`, which
    also announces the change.)
    """
    from qclinic.storage.repositories import documents

    fields = issue_fields(path, built, data, kind, lang, seal, database.device_id)
    try:
        with database.session() as session:
            documents.record_issue(session, **fields)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
