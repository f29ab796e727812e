"""Item models of the SPC workspace: the dataset list, the editable data grid, plain result rows,
the import preview."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from qclinic.ui.table_model import TableModel

if TYPE_CHECKING:
    from qclinic.storage.repositories.datasets import DatasetSummary

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


COL_NAME, COL_CHARACTERISTIC, COL_KIND, COL_POINTS = range(4)


class DatasetListModel(TableModel["DatasetSummary"]):
    """One row per dataset; ``ROW_ROLE`` returns the :class:`DatasetSummary`."""

    CONTEXT = "spc"
    HEADERS = (
        QT_TRANSLATE_NOOP("spc", "Dataset"),
        QT_TRANSLATE_NOOP("spc", "Characteristic"),
        QT_TRANSLATE_NOOP("spc", "Kind"),
        QT_TRANSLATE_NOOP("spc", "Points"),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            dataset = row.dataset
            if column == COL_NAME:
                if role == Qt.ItemDataRole.ToolTipRole and dataset.characteristic:
                    return f"{dataset.name}\n{dataset.characteristic} {dataset.unit}".rstrip()
                return dataset.name
            if column == COL_CHARACTERISTIC:
                unit = f" ({dataset.unit})" if dataset.unit else ""
                return f"{dataset.characteristic}{unit}"
            if column == COL_KIND:
                return {
                    "variables": QCoreApplication.translate("spc", "Variables"),
                    "attributes": QCoreApplication.translate("spc", "Attributes"),
                    "gage-study": QCoreApplication.translate("spc", "Gage study"),
                }.get(str(dataset.kind), str(dataset.kind))
            return row.subgroups
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_POINTS:
            return _RIGHT
        return None

    def row_of(self, dataset_id: str) -> int:
        for i, row in enumerate(self._rows):
            if row.dataset.id == dataset_id:
                return i
        return -1

    def summary_of(self, dataset_id: str) -> DatasetSummary | None:
        row = self.row_of(dataset_id)
        return self._rows[row] if row >= 0 else None


# --- the data grid ---------------------------------------------------------------------------
_FIELDS = (
    "position",
    "value",
    "count",
    "sample_size",
    "part",
    "operator",
    "trial",
    "excluded",
    "exclude_reason",
)


class _RowView:
    """The grid's values as the base class's rows (``len``, ``[i]``), over the columns."""

    def __init__(self, model: ValuesModel) -> None:
        self._model = model

    def __len__(self) -> int:
        return len(self._model._data["id"])

    def __getitem__(self, index: int) -> dict[str, Any]:
        return self._model.row(index)


GRID_COLUMNS = {
    "variables": ("subgroup", "position", "value", "excluded", "exclude_reason"),
    "attributes": ("subgroup", "count", "sample_size", "excluded", "exclude_reason"),
    "gage-study": ("part", "operator", "trial", "value"),
}
EDITABLE = {"value", "count", "sample_size", "part", "operator", "trial"}
_TITLES = {
    "subgroup": QT_TRANSLATE_NOOP("spc", "Subgroup"),
    "position": QT_TRANSLATE_NOOP("spc", "Position"),
    "value": QT_TRANSLATE_NOOP("spc", "Value"),
    "count": QT_TRANSLATE_NOOP("spc", "Count"),
    "sample_size": QT_TRANSLATE_NOOP("spc", "Sample size"),
    "part": QT_TRANSLATE_NOOP("spc", "Part"),
    "operator": QT_TRANSLATE_NOOP("spc", "Operator"),
    "trial": QT_TRANSLATE_NOOP("spc", "Trial"),
    "excluded": QT_TRANSLATE_NOOP("spc", "Excluded"),
    "exclude_reason": QT_TRANSLATE_NOOP("spc", "Reason"),
}


class ValuesModel(TableModel[dict[str, Any]]):
    """The values of one dataset, editable in place.

    The values are kept column by column (``datasets.value_columns``: a list per field), so a
    million of them are a few lists, not a million objects. An edit calls
    ``on_edit(value_id, field, value)`` — which commits — and then changes just that cell.
    """

    CONTEXT = "spc"

    def __init__(self, on_edit: Callable[[str, str, Any], Any], parent: Any = None) -> None:
        super().__init__(parent)
        self._on_edit = on_edit
        self._data: dict[str, list[Any]] = {"id": []}
        self._rows = _RowView(self)  # type: ignore[assignment]  # the base's rows: a view
        self._columns: tuple[str, ...] = GRID_COLUMNS["variables"]

    def set_rows(self, kind: str, rows: Sequence[Any]) -> None:
        """Show value rows (each with the fields as attributes)."""
        fields = ("id", "subgroup", *_FIELDS)
        self.set_columns(kind, {f: [getattr(row, f) for row in rows] for f in fields})

    def set_columns(self, kind: str, columns: dict[str, list[Any]]) -> None:
        """Show values given column by column (the model keeps and edits these lists)."""
        self.beginResetModel()
        self._columns = GRID_COLUMNS.get(kind, GRID_COLUMNS["variables"])
        self._data = columns
        self.endResetModel()

    def columns(self) -> dict[str, list[Any]]:
        """The values shown, column by column (edits included)."""
        return self._data

    def row(self, index: int) -> dict[str, Any]:
        """One value as a dict of its fields."""
        return {field: column[index] for field, column in self._data.items()}

    def mark_subgroup(self, subgroup: int, reason: str | None) -> None:
        """Show subgroup *subgroup* excluded for *reason* (``None``: included again)."""
        subgroups = self._data.get("subgroup", [])
        changed = [i for i, s in enumerate(subgroups) if s == subgroup]
        for i in changed:
            self._data["excluded"][i] = reason is not None
            self._data["exclude_reason"][i] = reason or ""
        if changed:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], last))

    def header_labels(self) -> list[str]:
        return [_TITLES[column] for column in self._columns]

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and self._columns[index.column()] in EDITABLE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, field = index.row(), self._columns[index.column()]
        if role == ROW_ROLE:
            return self.row(r)
        value = self._data[field][r]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if field == "excluded":
                return QCoreApplication.translate("spc", "yes") if value else ""
            if value is None:
                return ""
            return f"{value:g}" if isinstance(value, float) else value
        if role == Qt.ItemDataRole.TextAlignmentRole and field not in (
            "exclude_reason",
            "part",
            "operator",
        ):
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and self._data["excluded"][r]:
            return QBrush(QColor("#8a8a8a"))
        if role == Qt.ItemDataRole.BackgroundRole and field in EDITABLE and value is None:
            return QBrush(QColor("#fde0e0"))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        field = self._columns[index.column()]
        if field not in EDITABLE:
            return False
        text = str(value).strip()
        parsed: Any
        if field in ("part", "operator"):
            parsed = text or None
        elif not text:
            parsed = None
        else:
            try:
                number = float(text.replace(",", "."))
            except ValueError:
                return False
            parsed = int(number) if field == "trial" else number
        r = index.row()
        before, self._data[field][r] = self._data[field][r], parsed
        if self._on_edit(self._data["id"][r], field, parsed) is False:  # refused: put it back
            self._data[field][r] = before
            return False
        self.dataChanged.emit(index, index)
        return True


class RowsModel(TableModel[list[str]]):
    """Read-only rows of text (result tables: indices, PPM, variance components).

    The caller hands the header already translated (and sets it again on a language change).
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.header: list[str] = []

    def set_content(self, header: list[str], rows: list[list[str]]) -> None:
        self.beginResetModel()
        self.header, self._rows = header, rows
        self.endResetModel()

    def header_labels(self) -> list[str]:
        return self.header

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return _RIGHT
        return None


class PreviewModel(TableModel[list[str]]):
    """The first rows of the table as read: chosen columns only, problem cells in red.

    The header is the file's own column names, shown as they are.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.header: list[str] = []
        self.bad: set[tuple[int, int]] = set()

    def set_content(
        self, header: list[str], rows: list[list[str]], bad: set[tuple[int, int]]
    ) -> None:
        self.beginResetModel()
        self.header, self._rows, self.bad = header, rows, bad
        self.endResetModel()

    def header_labels(self) -> list[str]:
        return self.header

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and (index.row(), index.column()) in self.bad:
            return QBrush(QColor("#fde0e0"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
