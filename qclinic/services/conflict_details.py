"""What the conflict inbox shows of a conflict besides its values: the record's readable name,
the organization it belongs to, and the kind of value the field holds (so a merged value can be
edited with the right editor).

A record is named by what a person recognises: an organization by its name, a site by its name,
an answer by its assessment's title and the question's code and text, an action or a finding by
its title, a chain membership by the member's name. Names are the data's own words (no
sentence), so they need no catalogue entry; a record this computer does not hold is named by
its entity and id.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, Date, Float, Integer, Numeric
from sqlalchemy import Enum as EnumType

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from qclinic.services.conflicts import ConflictRecord

#: the kinds of value a field holds (the merged-value editor's kinds)
TEXT, NUMBER, DATE, CHOICE = "text", "number", "date", "choice"
#: fields holding a longer text (edited in a several-line box)
LONG_TEXT_FIELDS = frozenset(
    {"notes", "note", "address", "description", "symptom", "diagnosis", "prescription"}
    | {"evidence", "verification_note", "effectiveness_note", "caption"}
)


@dataclass(frozen=True)
class FieldKind:
    """The kind of value a field holds: :data:`TEXT`, :data:`NUMBER` (``integer`` if whole),
    :data:`DATE` (ISO text) or :data:`CHOICE` (one of ``choices``, the vocabulary's values)."""

    kind: str
    choices: tuple[str, ...] = ()
    integer: bool = False
    long: bool = False
    #: a JSON column: the values decide (:func:`details`)
    json: bool = False


@dataclass(frozen=True)
class ConflictDetail:
    """A conflict with the words the inbox shows around it."""

    conflict: ConflictRecord
    #: the organization's name ("" when the record names none)
    organization: str
    #: the record's readable name
    record: str
    kind: FieldKind


def field_kind(entity: str, field: str) -> FieldKind:
    """The kind of *entity*'s *field*, from its column (text for anything unknown)."""
    from qclinic.storage.sync_rows import table_of
    from qclinic.storage.types import JSONText

    try:
        column = table_of(entity).c[field]
    except KeyError:
        return FieldKind(TEXT)
    kind = column.type
    if isinstance(kind, EnumType) and kind.enum_class is not None:
        return FieldKind(CHOICE, tuple(str(member.value) for member in kind.enum_class))
    if isinstance(kind, Boolean):
        return FieldKind(CHOICE, ("true", "false"))
    if isinstance(kind, Date):
        return FieldKind(DATE)
    if isinstance(kind, Integer):
        return FieldKind(NUMBER, integer=True)
    if isinstance(kind, Float | Numeric):
        return FieldKind(NUMBER)
    if isinstance(kind, JSONText):
        return FieldKind(TEXT, json=True)
    return FieldKind(TEXT, long=field in LONG_TEXT_FIELDS)


def details(session: Session, conflicts: list[ConflictRecord], lang: str) -> list[ConflictDetail]:
    """Each of *conflicts* with its record's name and its organization's, in *lang* where the
    data has two (a checklist's question)."""
    namer = _Namer(session, lang)
    return [
        ConflictDetail(
            conflict=found,
            organization=namer.organization(found.organization_id),
            record=namer.record(found.entity, found.row_id, found.mine, found.theirs),
            kind=_by_values(field_kind(found.entity, found.field), found.mine, found.theirs),
        )
        for found in conflicts
    ]


def _by_values(kind: FieldKind, mine: Any, theirs: Any) -> FieldKind:
    """A JSON column (an answer's value) takes the kind its two values share: numbers stay
    numbers, yes/no stays a choice; anything else is edited as text."""
    values = [value for value in (mine, theirs) if value is not None]
    if not kind.json or not values:
        return kind
    if all(isinstance(value, bool) for value in values):
        return FieldKind(CHOICE, ("true", "false"))
    if all(isinstance(value, int | float) and not isinstance(value, bool) for value in values):
        return FieldKind(NUMBER, integer=all(isinstance(value, int) for value in values))
    return kind


class _Namer:
    """Reads the fields of the records it names, once each."""

    def __init__(self, session: Session, lang: str) -> None:
        self._session = session
        self._lang = lang
        self._fields: dict[tuple[str, str], dict[str, Any] | None] = {}

    def fields(self, entity: str, row_id: str | None) -> dict[str, Any] | None:
        from qclinic.storage.sync_rows import read_fields

        if not row_id:
            return None
        key = (entity, row_id)
        if key not in self._fields:
            found = read_fields(self._session, entity, [row_id]).get(row_id)
            self._fields[key] = found["fields"] if found else None
        return self._fields[key]

    def organization(self, organization_id: str | None) -> str:
        fields = self.fields("organization", organization_id)
        return str(fields.get("name") or "") if fields else ""

    def record(self, entity: str, row_id: str, mine: Any, theirs: Any) -> str:
        fields = self.fields(entity, row_id)
        if fields is None:
            # a credit-code clash names both organizations in its values
            named = next(
                (v["name"] for v in (theirs, mine) if isinstance(v, dict) and v.get("name")), None
            )
            return str(named or f"{entity} {row_id[:8]}")
        if entity == "answer":
            return self._answer(fields)
        if entity == "chain_member":
            member = self.organization(fields.get("organization_id"))
            chain = self.fields("chain", fields.get("chain_id")) or {}
            return " · ".join(str(part) for part in (chain.get("name"), member) if part)
        if entity == "signature":
            return str(fields.get("signer_name") or "")
        if entity == "attachment":
            return str(fields.get("file_name") or "")
        if entity == "visit":
            return str(fields.get("visit_date") or "")
        name = fields.get("name") or fields.get("title")
        return str(name) if name else f"{entity} {row_id[:8]}"

    def _answer(self, fields: dict[str, Any]) -> str:
        assessment = self.fields("assessment", fields.get("assessment_id")) or {}
        question = _question(assessment.get("checklist_json"), fields.get("question_id"))
        words = question.get("text") or question.get("title") or ""
        if isinstance(words, dict):
            words = words.get(self._lang) or next(iter(words.values()), "")
        code = question.get("code") or fields.get("question_id") or ""
        asked = " ".join(str(part) for part in (code, words) if part)
        return " · ".join(str(part) for part in (assessment.get("title"), asked) if part)


def _question(checklist: Any, question_id: Any) -> dict[str, Any]:
    """The question *question_id* anywhere in a checklist's JSON ({} if not found)."""
    if isinstance(checklist, str):
        import json

        try:
            checklist = json.loads(checklist)
        except ValueError:
            return {}
    stack = [checklist]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if item.get("id") == question_id and question_id is not None:
                return item
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return {}
