"""Sync conflicts as a Qt table model over :class:`ConflictDetail` rows, and how their fields
and values read (labels of fields, values shown by kind)."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from qclinic.services.conflict_details import CHOICE, ConflictDetail
from qclinic.ui.labels import label
from qclinic.ui.table_model import TableModel
from qclinic.ui.times import local_text

Index = QModelIndex | QPersistentModelIndex

(
    COL_ORGANIZATION,
    COL_RECORD,
    COL_FIELD,
    COL_MINE,
    COL_THEIRS,
    COL_AT,
    COL_STATE,
) = range(7)
COLUMN_COUNT = 7
#: the :class:`ConflictDetail` of a row
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

_HEADERS = (
    QT_TRANSLATE_NOOP("ConflictsModel", "Organization"),
    QT_TRANSLATE_NOOP("ConflictsModel", "Record"),
    QT_TRANSLATE_NOOP("ConflictsModel", "Field"),
    QT_TRANSLATE_NOOP("ConflictsModel", "Mine"),
    QT_TRANSLATE_NOOP("ConflictsModel", "Theirs"),
    QT_TRANSLATE_NOOP("ConflictsModel", "When"),
    QT_TRANSLATE_NOOP("ConflictsModel", "State"),
)

#: the fields a person edits, by their column name (others show the column name itself)
FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("ConflictFields", "Name"),
    "uscc": QT_TRANSLATE_NOOP("ConflictFields", "Credit code"),
    "industry_chain": QT_TRANSLATE_NOOP("ConflictFields", "Industrial chain"),
    "chain_role": QT_TRANSLATE_NOOP("ConflictFields", "Role in the chain"),
    "size_class": QT_TRANSLATE_NOOP("ConflictFields", "Size"),
    "region": QT_TRANSLATE_NOOP("ConflictFields", "Region"),
    "cqo_name": QT_TRANSLATE_NOOP("ConflictFields", "Chief quality officer"),
    "cqo_phone": QT_TRANSLATE_NOOP("ConflictFields", "Chief quality officer's phone"),
    "cqo_email": QT_TRANSLATE_NOOP("ConflictFields", "Chief quality officer's email"),
    "notes": QT_TRANSLATE_NOOP("ConflictFields", "Notes"),
    "address": QT_TRANSLATE_NOOP("ConflictFields", "Address"),
    "role": QT_TRANSLATE_NOOP("ConflictFields", "Role"),
    "phone": QT_TRANSLATE_NOOP("ConflictFields", "Phone"),
    "email": QT_TRANSLATE_NOOP("ConflictFields", "Email"),
    "title": QT_TRANSLATE_NOOP("ConflictFields", "Title"),
    "kind": QT_TRANSLATE_NOOP("ConflictFields", "Kind"),
    "visit_date": QT_TRANSLATE_NOOP("ConflictFields", "Visit date"),
    "status": QT_TRANSLATE_NOOP("ConflictFields", "Status"),
    "grade": QT_TRANSLATE_NOOP("ConflictFields", "Grade"),
    "affiliation": QT_TRANSLATE_NOOP("ConflictFields", "Affiliation"),
    "qualification": QT_TRANSLATE_NOOP("ConflictFields", "Qualification"),
    "value": QT_TRANSLATE_NOOP("ConflictFields", "Answer"),
    "is_na": QT_TRANSLATE_NOOP("ConflictFields", "Not applicable"),
    "note": QT_TRANSLATE_NOOP("ConflictFields", "Note"),
    "severity": QT_TRANSLATE_NOOP("ConflictFields", "Grade of finding"),
    "nqi_category": QT_TRANSLATE_NOOP("ConflictFields", "NQI category"),
    "description": QT_TRANSLATE_NOOP("ConflictFields", "Description"),
    "evidence": QT_TRANSLATE_NOOP("ConflictFields", "Evidence"),
    "symptom": QT_TRANSLATE_NOOP("ConflictFields", "Symptom"),
    "diagnosis": QT_TRANSLATE_NOOP("ConflictFields", "Diagnosis"),
    "prescription": QT_TRANSLATE_NOOP("ConflictFields", "Prescription"),
    "resolved_on": QT_TRANSLATE_NOOP("ConflictFields", "Resolved on"),
    "owner": QT_TRANSLATE_NOOP("ConflictFields", "Owner"),
    "due_date": QT_TRANSLATE_NOOP("ConflictFields", "Due date"),
    "priority": QT_TRANSLATE_NOOP("ConflictFields", "Priority"),
    "verification_note": QT_TRANSLATE_NOOP("ConflictFields", "Verification note"),
    "effectiveness_note": QT_TRANSLATE_NOOP("ConflictFields", "Effectiveness check"),
    "caption": QT_TRANSLATE_NOOP("ConflictFields", "Caption"),
    "sector": QT_TRANSLATE_NOOP("ConflictFields", "Sector"),
    "tier": QT_TRANSLATE_NOOP("ConflictFields", "Tier"),
}


def field_label(field: str) -> str:
    source = FIELD_LABELS.get(field)
    return QCoreApplication.translate("ConflictFields", source) if source else field


_WORDS = {
    "yes": QT_TRANSLATE_NOOP("ConflictsModel", "Yes"),
    "no": QT_TRANSLATE_NOOP("ConflictsModel", "No"),
    "open": QT_TRANSLATE_NOOP("ConflictsModel", "Open"),
    "mine": QT_TRANSLATE_NOOP("ConflictsModel", "Kept mine"),
    "theirs": QT_TRANSLATE_NOOP("ConflictsModel", "Kept theirs"),
    "merged": QT_TRANSLATE_NOOP("ConflictsModel", "Merged"),
}


def _word(key: str) -> str:
    return QCoreApplication.translate("ConflictsModel", _WORDS[key])


def value_text(detail: ConflictDetail, value: Any) -> str:
    """How a value of *detail*'s field reads: a vocabulary's label, yes/no, a credit-code
    clash's organization as "name (code)", "—" for none."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _word("yes") if value else _word("no")
    if isinstance(value, dict) and "uscc" in value:
        return f"{value.get('name') or '—'} ({value.get('uscc') or '—'})"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    if detail.kind.kind == CHOICE:
        return label(str(value))
    return str(value)


def how_text(resolution: str | None) -> str:
    """How a conflict was resolved ("Kept mine"…), "Open" when it is not."""
    if resolution is None:
        return _word("open")
    return _word(resolution) if resolution in _WORDS else resolution


def state_text(detail: ConflictDetail) -> str:
    """The state column: how, and by whom when known ("Kept mine · li")."""
    found = detail.conflict
    how = how_text(found.resolution)
    return f"{how} · {found.resolved_by}" if found.resolution and found.resolved_by else how


_OPEN_COLOUR = QColor("#b03a2e")
_RESOLVED_COLOUR = QColor("#1e8449")


class ConflictsModel(TableModel[ConflictDetail]):
    """One row per conflict; ``ROW_ROLE`` returns the :class:`ConflictDetail`."""

    CONTEXT = "ConflictsModel"
    HEADERS = _HEADERS

    @property
    def rows(self) -> list[ConflictDetail]:
        return self._rows

    def row_of(self, conflict_id: str) -> int:
        return next((i for i, row in enumerate(self._rows) if row.conflict.id == conflict_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        detail = self._rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return detail
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(detail, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATE:
            return _RESOLVED_COLOUR if detail.conflict.resolved else _OPEN_COLOUR
        return None

    def _text(self, detail: ConflictDetail, column: int) -> str:
        found = detail.conflict
        if column == COL_ORGANIZATION:
            return detail.organization
        if column == COL_RECORD:
            return detail.record
        if column == COL_FIELD:
            return field_label(found.field)
        if column == COL_MINE:
            return value_text(detail, found.mine)
        if column == COL_THEIRS:
            return value_text(detail, found.theirs)
        if column == COL_AT:
            return local_text(found.at)
        return state_text(detail)
