"""The dialogs of *Checklist library → Import from Excel…*: the problems found in a workbook
(a click opens the workbook; each line names the cell), and a preview before installing."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qclinic.core.checklists import Checklist, Problem, Section
from qclinic.ui.layout import fitted_size


class WorkbookProblemsDialog(QDialog):
    """Every problem in a workbook, one a line: ``questions!D14  unknown type "numbr"``."""

    def __init__(
        self, path: str, problems: Sequence[Problem], lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._path = path
        self.setWindowTitle(self.tr("Problems in the workbook"))
        intro = QLabel(
            self.tr(
                "Nothing was installed. The problems in %1 are listed below: click one to open"
                " the workbook, then go to the cell it names."
            ).replace("%1", path)
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        for problem in problems:
            where = problem.path or self.tr("workbook")
            item = QListWidgetItem(f"{where}   {problem.message.get(lang)}")
            item.setToolTip(problem.text().get(lang))
            self.list.addItem(item)
        self.list.itemActivated.connect(self.on_problem_clicked)
        self.list.itemClicked.connect(self.on_problem_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = QPushButton(self.tr("Open workbook"))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(self.open_workbook)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(fitted_size(self, self.sizeHint().expandedTo(self.minimumSize()) * 1.6))

    def on_problem_clicked(self, _item: QListWidgetItem) -> None:
        self.open_workbook()

    def open_workbook(self) -> None:
        """Open the workbook in the system's spreadsheet program (the cell is in the list)."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(self._path))


class ChecklistPreviewDialog(QDialog):
    """A checklist read from a workbook: its sections and questions in both languages, before it
    is installed (*Install* accepts the dialog)."""

    def __init__(self, checklist: Checklist, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Install checklist"))
        heading = QLabel(
            self.tr("%1 · version %2 · %n question(s)", "", checklist.question_count)
            .replace("%1", checklist.id)
            .replace("%2", checklist.version)
        )
        titles = QLabel(f"{checklist.title.zh}\n{checklist.title.en}")
        titles.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(
            [self.tr("ID"), self.tr("Chinese"), self.tr("English"), self.tr("Type")]
        )
        for section in checklist.sections:
            self.tree.addTopLevelItem(_section_item(section))
        self.tree.expandToDepth(0)
        for column, width in ((0, 90), (1, 260), (2, 260)):
            self.tree.setColumnWidth(column, width)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.install_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.install_button.setText(self.tr("Install"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(titles)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(fitted_size(self, self.sizeHint().expandedTo(self.minimumSize()) * 2))


def _section_item(section: Section) -> QTreeWidgetItem:
    item = QTreeWidgetItem([section.id, section.title.zh, section.title.en, ""])
    for question in section.questions:
        flag = " §" if question.statutory else " *" if question.critical else ""
        item.addChild(
            QTreeWidgetItem([question.id + flag, question.text.zh, question.text.en, question.type])
        )
        child = item.child(item.childCount() - 1)
        child.setToolTip(1, question.text.zh)
        child.setToolTip(2, question.text.en)
    for sub in section.sections:
        item.addChild(_section_item(sub))
    return item
