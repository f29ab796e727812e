"""The seal of a signed assessment: a SHA-256 over exactly the content that was signed.

When an assessment is signed (:func:`qclinic.storage.repositories.assessments.set_assessment_status`)
its content is cut into *items*, each hashed, and the item hashes are hashed together into the
seal, stored in ``assessment_seal`` in the same transaction. What the seal covers:

* ``assessment`` — its id, organization, visit, checklist id and version, the SHA-256 of the frozen
  checklist, title, revision, what it amends, status and signing time;
* ``answer:Q@STEP`` — each live answer's value, N/A flag and note;
* ``evidence:ID`` — each live attachment of the assessment or of its findings (photos, SPC/MSA
  results, drawn signatures): the SHA-256 of its bytes, name, type, size and caption;
* ``finding:ID`` — each live finding as signed: question, severity, category, title, description,
  evidence;
* ``signature:ID`` — each signature: role, name, image hash and time;
* ``member:ID`` — each member of the expert team (schema 0007): name, role, affiliation,
  qualification, phone and place in the list. An assessment without team rows (all those made
  before 0007) has no such items, so its seal is what it was.

Not covered, on purpose: the improvement plan's actions and the clinic cases (their progress after
signing is reported, not treated as tampering), the organization's and the visit's own records,
and the cached score.

The items are read with plain SQL on the caller's connection, so the same code seals at signing
and, in migration 0006, assessments signed before seals existed. :func:`check_seal` recomputes
the items and names what differs; a change made behind the app's back (``sqlite3``) is found
when the assessment is opened, printed or verified. Someone who can rewrite the database *and*
recompute the seal is not stopped by it: what stops them is that the seal is printed on every
signed copy, and recorded with each issued PDF (see ``docs`` in the README's Reports section).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from qclinic.errors import UserError

SEAL_VERSION = 1


class SealBroken(UserError):
    """A signed assessment's content no longer matches its seal (changed behind the app's back)."""


def _digest(value: Any) -> str:
    plain = json.dumps(
        value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str
    )
    return hashlib.sha256(plain.encode("utf-8")).hexdigest()


def _rows(connection: Connection, sql: str, **params: Any) -> list[Any]:
    return list(connection.execute(text(sql), params))


@dataclass(frozen=True)
class Item:
    """One sealed item: its key, hash and a human name for messages."""

    key: str
    sha256: str
    name: str


def seal_items(connection: Connection, assessment_id: str) -> dict[str, Item]:
    """The sealed items of *assessment_id* as stored now (empty if the assessment is gone)."""
    items: dict[str, Item] = {}

    def add(key: str, value: Any, name: str) -> None:
        items[key] = Item(key, _digest(value), name)

    head = _rows(
        connection,
        "SELECT id, organization_id, visit_id, checklist_id, checklist_version, checklist_json, "
        "title, revision_no, amends_id, status, signed_at, deleted_at "
        "FROM assessment WHERE id = :a",
        a=assessment_id,
    )
    if not head:
        return items
    row = head[0]
    checklist_sha = hashlib.sha256(str(row.checklist_json or "").encode("utf-8")).hexdigest()
    add(
        "assessment",
        [
            row.id,
            row.organization_id,
            row.visit_id,
            row.checklist_id,
            row.checklist_version,
            checklist_sha,
            row.title,
            row.revision_no,
            row.amends_id,
            row.status,
            row.signed_at,
            row.deleted_at,
        ],
        "the assessment's own record (title, checklist, status, signing time)",
    )
    for r in _rows(
        connection,
        "SELECT question_id, instance_key, value, is_na, note FROM answer "
        "WHERE assessment_id = :a AND deleted_at IS NULL",
        a=assessment_id,
    ):
        where = f"{r.question_id}@{r.instance_key}" if r.instance_key else r.question_id
        add(f"answer:{where}", [r.value, bool(r.is_na), r.note], f"the answer to {where}")
    for r in _rows(
        connection,
        "SELECT id, question_id, instance_key, severity, nqi_category, title, description, "
        "evidence FROM finding WHERE assessment_id = :a AND deleted_at IS NULL",
        a=assessment_id,
    ):
        add(
            f"finding:{r.id}",
            [
                r.question_id,
                r.instance_key,
                r.severity,
                r.nqi_category,
                r.title,
                r.description,
                r.evidence,
            ],
            f"the finding “{r.title}”",
        )
    for r in _rows(
        connection,
        "SELECT id, assessment_id, finding_id, question_id, instance_key, sha256, file_name, "
        "mime_type, size, caption FROM attachment WHERE deleted_at IS NULL AND "
        "(assessment_id = :a OR finding_id IN "
        "(SELECT id FROM finding WHERE assessment_id = :a AND deleted_at IS NULL))",
        a=assessment_id,
    ):
        owner = r.question_id or (f"finding {r.finding_id}" if r.finding_id else "")
        add(
            f"evidence:{r.id}",
            [
                r.assessment_id,
                r.finding_id,
                r.question_id,
                r.instance_key,
                r.sha256,
                r.file_name,
                r.mime_type,
                r.size,
                r.caption,
            ],
            f"the evidence file {r.file_name} ({owner})",
        )
    for r in _rows(
        connection,
        "SELECT id, signer_role, signer_name, image_sha256, signed_at FROM signature "
        "WHERE assessment_id = :a AND deleted_at IS NULL",
        a=assessment_id,
    ):
        add(
            f"signature:{r.id}",
            [r.signer_role, r.signer_name, r.image_sha256, r.signed_at],
            f"the signature of {r.signer_name} ({r.signer_role})",
        )
    for r in _team_rows(connection, assessment_id):
        add(
            f"member:{r.id}",
            [r.name, r.role, r.affiliation, r.qualification, r.phone, r.position],
            f"the team member {r.name} ({r.role})",
        )
    return items


def _team_rows(connection: Connection, assessment_id: str) -> list[Any]:
    """The team rows; none while migration 0006 seals, before ``assessment_member`` exists."""
    exists = _rows(
        connection,
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'assessment_member'",
    )
    if not exists:
        return []
    return _rows(
        connection,
        "SELECT id, name, role, affiliation, qualification, phone, position "
        "FROM assessment_member WHERE assessment_id = :a AND deleted_at IS NULL",
        a=assessment_id,
    )


def seal_of(items: dict[str, Item] | dict[str, str]) -> str:
    """The seal: SHA-256 over the version and every item's hash."""
    hashes = {k: (v.sha256 if isinstance(v, Item) else v) for k, v in items.items()}
    return _digest({"version": SEAL_VERSION, "items": hashes})


@dataclass(frozen=True)
class SealCheck:
    """The outcome of comparing an assessment with its stored seal."""

    assessment_id: str
    stored: str | None  # the seal kept at signing (None: signed but no seal row)
    current: str  # the seal of the content as stored now
    sealed_at: Any = None
    signed: bool = True  # whether the assessment still says "signed"
    differences: tuple[str, ...] = field(default_factory=tuple)

    @property
    def intact(self) -> bool:
        return not self.differences

    def message(self) -> str:
        """A bilingual sentence naming what differs."""
        shown = "; ".join(self.differences[:8])
        more = f"; and {len(self.differences) - 8} more" if len(self.differences) > 8 else ""
        return (
            f"The signed content of assessment {self.assessment_id} was changed after signing "
            f"(outside QClinic): {shown}{more}. Restore the database from a backup (backups/) "
            "or have the assessment checked; its reports cannot be trusted.\n"
            f"已签字评估的内容在签字后被改动（未经 QClinic）：共 {len(self.differences)} 处。"
            "请从 backups/ 中的备份恢复数据库，或核查该评估；其报告不可信。"
        )


def _stored(connection: Connection, assessment_id: str) -> Any:
    rows = _rows(
        connection,
        "SELECT seal_sha256, items, sealed_at, version FROM assessment_seal "
        "WHERE assessment_id = :a AND deleted_at IS NULL",
        a=assessment_id,
    )
    return rows[0] if rows else None


def check_seal(connection: Connection, assessment_id: str, blobs: Any = None) -> SealCheck | None:
    """Compare *assessment_id* with its seal; ``None`` when it is neither signed nor sealed.

    With *blobs* (a :class:`~qclinic.storage.blobs.BlobStore`) each sealed evidence file is also
    re-hashed, so a replaced photo file is found too.
    """
    status = _rows(connection, "SELECT status FROM assessment WHERE id = :a", a=assessment_id)
    stored = _stored(connection, assessment_id)
    signed = bool(status) and status[0].status == "signed"
    if stored is None and not signed:
        return None
    items = seal_items(connection, assessment_id)
    current = seal_of(items)
    if stored is None:
        return SealCheck(
            assessment_id,
            None,
            current,
            signed=signed,
            differences=(
                "it is marked signed but has no seal (it was never signed in QClinic, "
                "or its seal was removed)",
            ),
        )
    kept: dict[str, str] = json.loads(stored.items) if isinstance(stored.items, str) else {}
    differences: list[str] = []
    if not status:
        differences.append("the assessment itself is gone")
    elif not signed:
        differences.append(f"its status was changed from signed to {status[0].status}")
    if seal_of(kept) != stored.seal_sha256:
        differences.append("the stored seal does not match its own items (the seal was edited)")
    for key, item in items.items():
        if key not in kept:
            differences.append(f"{item.name} was added")
        elif kept[key] != item.sha256 and not (key == "assessment" and not signed):
            differences.append(f"{item.name} was changed")
    for key in kept:
        if key not in items:
            differences.append(f"{_removed_name(key)} was removed")
    if blobs is not None:
        differences += _blob_problems(connection, assessment_id, blobs, items)
    return SealCheck(
        assessment_id,
        stored.seal_sha256,
        current,
        stored.sealed_at,
        signed,
        tuple(differences),
    )


def _removed_name(key: str) -> str:
    kind, _, rest = key.partition(":")
    names = {
        "answer": f"the answer to {rest}",
        "finding": f"the finding {rest}",
        "evidence": f"the evidence attachment {rest}",
        "signature": f"the signature {rest}",
        "member": f"the team member {rest}",
    }
    return names.get(kind, key)


def _blob_problems(
    connection: Connection, assessment_id: str, blobs: Any, items: dict[str, Item]
) -> list[str]:
    ids = [key.partition(":")[2] for key in items if key.startswith("evidence:")]
    problems = []
    for attachment_id in ids:
        row = _rows(
            connection, "SELECT sha256, file_name FROM attachment WHERE id = :i", i=attachment_id
        )[0]
        try:
            ok = blobs.verify(row.sha256)
        except (OSError, ValueError):
            ok = False
        if not ok:
            problems.append(
                f"the bytes of the evidence file {row.file_name} are missing or changed"
            )
    return problems


def seal_assessment(connection: Connection, assessment_id: str) -> tuple[str, dict[str, str]]:
    """The seal and item hashes of *assessment_id* as stored now (the caller writes the row)."""
    items = seal_items(connection, assessment_id)
    return seal_of(items), {k: v.sha256 for k, v in items.items()}


def require_intact(connection: Connection, assessment_id: str, blobs: Any = None) -> str | None:
    """The seal of a signed assessment whose content still matches it; ``None`` if unsigned.

    Raises:
        SealBroken: The signed content changed after signing; the message says what.
    """
    check = check_seal(connection, assessment_id, blobs)
    if check is None:
        return None
    if not check.intact:
        raise SealBroken(check.message())
    return check.stored
