"""The completion check: what still blocks completing the assessment, and what is only unanswered.

Gaps of the kinds in :data:`qclinic.core.scoring.BLOCKING` block completion; unanswered questions
are listed as warnings. Activating a gap asks the runner to show its question.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from qclinic.core.scoring import BLOCKING, Gap
from qclinic.ui.icons import icon

GAP_ROLE = Qt.ItemDataRole.UserRole + 1


def blocking(gaps: tuple[Gap, ...] | list[Gap]) -> list[Gap]:
    return [gap for gap in gaps if gap.kind in BLOCKING]


class GapList(QGroupBox):
    gap_activated = Signal(str, str)  # question id ("" for a section), instance

    def __init__(self, lang: str) -> None:
        super().__init__()
        self._lang = lang
        self._gaps: tuple[Gap, ...] | list[Gap] = ()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.list.itemClicked.connect(self.on_item_activated)
        self.list.itemActivated.connect(self.on_item_activated)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Completion check"))
        self.show_gaps(self._gaps)

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.show_gaps(self._gaps)

    def show_gaps(self, gaps: tuple[Gap, ...] | list[Gap]) -> None:
        self._gaps = gaps
        self.list.clear()
        blockers = blocking(gaps)
        warnings = [gap for gap in gaps if gap.kind not in BLOCKING]
        if blockers:
            self.summary.setText(
                self.tr("%1 gap(s) must be closed before the assessment can be completed.").replace(
                    "%1", str(len(blockers))
                )
            )
        elif warnings:
            self.summary.setText(
                self.tr("%1 question(s) are not answered.").replace("%1", str(len(warnings)))
            )
        else:
            self.summary.setText(self.tr("Nothing is missing."))
        for gap in [*blockers, *warnings]:
            # An icon, not a character: the ⛔ printed here had no glyph in the bundled fonts.
            item = QListWidgetItem(
                icon("blocked" if gap.kind in BLOCKING else "unanswered"),
                gap.message.get(self._lang),
            )
            item.setData(GAP_ROLE, gap)
            if gap.kind in BLOCKING:
                item.setForeground(QColor("#b3261e"))
            self.list.addItem(item)

    def on_item_activated(self, item: QListWidgetItem) -> None:
        gap: Gap = item.data(GAP_ROLE)
        self.gap_activated.emit(gap.question or "", gap.instance)
