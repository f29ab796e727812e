"""Keep a list's place across a reload: the selected rows (by record id) and the scroll position.

A sync pull may add or remove many rows at once, and a model then resets; without this the view
would lose what the user selected and jump to the top. ``with kept_place(view, key_of):`` records
the ids of the selected rows, the current row and the row at the top of the viewport, and puts
them back after the block (found again by id, wherever sorting and filtering moved them).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView

KeyOf = Callable[[QModelIndex], Hashable | None]
#: the role the list models answer with their row (a record with an ``id``)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


def row_id(index: QModelIndex) -> str | None:
    """The id of the record a list model shows at *index* (its ``ROW_ROLE`` row's ``id``)."""
    row = index.data(ROW_ROLE)
    found = getattr(row, "id", None)
    return found if isinstance(found, str) else None


@contextmanager
def kept_place(view: QAbstractItemView, key_of: KeyOf) -> Iterator[None]:
    """Keep *view*'s selection, current row and scroll position (rows named by *key_of*)."""
    selection = view.selectionModel()
    selected = {key_of(index) for index in selection.selectedRows()} - {None}
    current = key_of(view.currentIndex()) if view.currentIndex().isValid() else None
    top_index = view.indexAt(QPoint(1, 1))
    top = key_of(top_index) if top_index.isValid() else None
    bar = view.verticalScrollBar().value()
    yield
    if not (selected or current or top):
        return
    model = view.model()
    rows: dict[Hashable, QModelIndex] = {}
    for number in range(model.rowCount()):
        index = model.index(number, 0)
        key = key_of(index)
        if key is not None:
            rows[key] = index
    found = QItemSelection()
    for key in selected:
        if key in rows:
            found.select(rows[key], rows[key])
    flags = QItemSelectionModel.SelectionFlag
    if current in rows:
        selection.setCurrentIndex(rows[current], flags.NoUpdate)
    if selected:
        selection.select(found, flags.ClearAndSelect | flags.Rows)
    if top in rows:
        view.doItemsLayout()  # rows sized to their contents know their heights now
        view.scrollTo(rows[top], QAbstractItemView.ScrollHint.PositionAtTop)
    else:
        view.verticalScrollBar().setValue(bar)
