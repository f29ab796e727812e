"""The first screen of a new installation: what QClinic does, and two ways to begin.

Shown by the organizations page instead of its empty list and blank detail while the database
holds no organization: *Create the first organization…* opens the organization dialog, *Load the
demo company* seeds the demo (in the background) so every screen has something to show.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from qclinic.ui.icons import icon

# The text column's width, in average characters: a comfortable line in either language.
LINE_CHARS = 72


class WelcomePanel(QFrame):
    create_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePanel")
        self.title = QLabel()
        self.title.setObjectName("welcomeTitle")
        self.title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        self.title.setWordWrap(True)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet("font-size: 11pt;")
        self.create_button = QPushButton(icon("organization-new"), "")
        self.create_button.setDefault(True)
        self.demo_button = QPushButton(icon("demo"), "")
        self.status = QLabel()
        self.status.setObjectName("welcomeStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)

        column = QWidget()
        # A fixed width: a word-wrapped label in a merely bounded column is given the wrong
        # height for its lines and cut off.
        column.setFixedWidth(self.fontMetrics().averageCharWidth() * LINE_CHARS)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(14)
        inner.addWidget(self.title)
        inner.addWidget(self.intro)
        inner.addLayout(buttons)
        inner.addWidget(self.status)
        row = QHBoxLayout()  # centred by stretches: an aligned item loses its height-for-width
        row.addStretch(1)
        row.addWidget(column)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        self.create_button.clicked.connect(self.create_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome to QClinic"))
        self.intro.setText(
            self.tr(
                "QClinic runs quality-clinic visits offline: score checklists on the shop floor, "
                "record findings and clinic cases, analyse SPC and MSA data, print the report.\n"
                "Begin with the first company you visit, or look around a demo company first."
            )
        )
        self.create_button.setText(self.tr("Create the first organization…"))
        self.demo_button.setText(self.tr("Load the demo company"))
        if self.status.isVisible():
            self.show_busy()

    def show_busy(self) -> None:
        """The demo is being written: say so, and take the buttons away until it is done."""
        self.create_button.setEnabled(False)
        self.demo_button.setEnabled(False)
        self.status.setText(self.tr("Loading the demo company…"))
        self.status.show()

    def show_ready(self) -> None:
        self.create_button.setEnabled(True)
        self.demo_button.setEnabled(True)
        self.status.hide()
