"""The section tree on the left: sections, sub-sections and process steps, with progress.

A *page* is a top-level section (or one process step of a repeated one); choosing a sub-section
shows its page scrolled to it. Repeated sections get "add step", "rename" and "remove" buttons.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qclinic.core.checklists import Checklist, Section

#: item data: (page section id, instance, anchor section id); for a repeated section's own item
#: the instance is None
PLACE_ROLE = Qt.ItemDataRole.UserRole + 1
Place = tuple[str, str | None, str]


class SectionNavigator(QWidget):
    place_chosen = Signal(str, str, str)  # page section, instance, anchor section
    add_step = Signal(str)  # repeated section id
    rename_step = Signal(str, str)  # section id, instance
    remove_step = Signal(str, str)  # section id, instance

    def __init__(self, lang: str) -> None:
        super().__init__()
        self._lang = lang
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = QPushButton()
        self.rename_button = QPushButton()
        self.remove_button = QPushButton()
        buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.remove_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._items: dict[tuple[str, str, str], QTreeWidgetItem] = {}
        self._editable = True
        self.tree.currentItemChanged.connect(self.on_current_changed)
        self.add_button.clicked.connect(self.on_add_clicked)
        self.rename_button.clicked.connect(self.on_rename_clicked)
        self.remove_button.clicked.connect(self.on_remove_clicked)
        self._update_buttons()
        self.retranslate()

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add step"))
        self.rename_button.setText(self.tr("Rename"))
        self.remove_button.setText(self.tr("Remove"))

    def set_language(self, lang: str) -> None:
        """Section titles follow with the next ``rebuild``."""
        self._lang = lang

    def rebuild(self, checklist: Checklist, instances: dict[str, list[str]]) -> None:
        current = self.current_place()
        self.tree.blockSignals(True)
        self.tree.clear()
        self._items = {}
        for top in checklist.sections:
            item = self._item(self.tree.invisibleRootItem(), top)
            if top.repeat is None:
                self._place(item, (top.id, "", top.id))
                self._subsections(item, top, top.id, "")
                continue
            item.setData(0, PLACE_ROLE, (top.id, None, top.id))
            for name in instances.get(top.id, []):
                step = QTreeWidgetItem(item, [name, ""])
                step.setToolTip(0, f"{top.repeat.label.get(self._lang)}: {name}")
                self._place(step, (top.id, name, top.id))
                self._subsections(step, top, top.id, name)
            item.setExpanded(True)
        self.tree.blockSignals(False)
        if current is not None and current[1] is not None:
            self.select(current[0], current[1], current[2])
        self._update_buttons()

    def _item(self, parent: QTreeWidgetItem, section: Section) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [section.title.get(self._lang), ""])
        item.setToolTip(0, section.title.get(self._lang))
        return item

    def _place(self, item: QTreeWidgetItem, place: tuple[str, str, str]) -> None:
        item.setData(0, PLACE_ROLE, place)
        self._items[place] = item

    def _subsections(self, parent: QTreeWidgetItem, section: Section, page: str, name: str) -> None:
        for sub in section.sections:
            item = self._item(parent, sub)
            self._place(item, (page, name, sub.id))
            self._subsections(item, sub, page, name)

    def set_progress(self, progress: dict[tuple[str, str], tuple[int, int]]) -> None:
        """(section id, instance) → (answered, total visible questions)."""
        for (_page, instance, anchor), item in self._items.items():
            answered, total = progress.get((anchor, instance), (0, 0))
            item.setText(1, f"{answered}/{total}")
            done = total > 0 and answered == total
            item.setForeground(1, Qt.GlobalColor.darkGreen if done else Qt.GlobalColor.gray)

    def current_place(self) -> Place | None:
        item = self.tree.currentItem()
        return item.data(0, PLACE_ROLE) if item is not None else None

    def select(self, page: str, instance: str, anchor: str) -> None:
        item = self._items.get((page, instance, anchor))
        if item is not None and item is not self.tree.currentItem():
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(item)
            self.tree.blockSignals(False)
            self._update_buttons()

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self._update_buttons()

    def _repeat_place(self) -> tuple[str, str | None] | None:
        """(repeated section, instance or None) of the current item, if it belongs to one."""
        item = self.tree.currentItem()
        while item is not None:
            place = item.data(0, PLACE_ROLE)
            if item.parent() is None:
                return (place[0], None) if place[1] is None else None
            if item.parent().parent() is None and item.parent().data(0, PLACE_ROLE)[1] is None:
                return place[0], place[1]
            item = item.parent()
        return None

    def _update_buttons(self) -> None:
        repeat = self._repeat_place()
        for button in (self.add_button, self.rename_button, self.remove_button):
            button.setVisible(repeat is not None)
        self.add_button.setEnabled(self._editable)
        has_step = repeat is not None and repeat[1] is not None
        self.rename_button.setEnabled(self._editable and has_step)
        self.remove_button.setEnabled(self._editable and has_step)

    def on_current_changed(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        self._update_buttons()
        if item is None:
            return
        page, instance, anchor = item.data(0, PLACE_ROLE)
        if instance is None:  # the repeated section itself: go to its first step, if any
            if item.childCount():
                self.tree.setCurrentItem(item.child(0))
            return
        self.place_chosen.emit(page, instance, anchor)

    def on_add_clicked(self) -> None:
        repeat = self._repeat_place()
        if repeat is not None:
            self.add_step.emit(repeat[0])

    def on_rename_clicked(self) -> None:
        repeat = self._repeat_place()
        if repeat is not None and repeat[1] is not None:
            self.rename_step.emit(repeat[0], repeat[1])

    def on_remove_clicked(self) -> None:
        repeat = self._repeat_place()
        if repeat is not None and repeat[1] is not None:
            self.remove_step.emit(repeat[0], repeat[1])
