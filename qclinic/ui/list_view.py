"""The house style of a record list: a read-only table, one whole row selected at a time."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QTableView


def record_list(
    model: QAbstractItemModel, *, row_height: int | None = None, word_wrap: bool = False
) -> QTableView:
    """A table over *model* (usually a sort/filter proxy) with the settings every list shares:
    no row numbers, whole-row single selection, no in-place editing, alternating row colours."""
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    if row_height is not None:
        view.verticalHeader().setDefaultSectionSize(row_height)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(word_wrap)
    return view
