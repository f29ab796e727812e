"""The runner's widgets and their layout, without behaviour (see ``runner_widget``), and the texts
they show in the installed language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from qclinic.ui.elided_label import ElidedLabel
from qclinic.ui.runner.completion import GapList
from qclinic.ui.runner.find_bar import FindBar
from qclinic.ui.runner.navigator import SectionNavigator
from qclinic.ui.runner.score_panel import ScorePanel


class RunnerView(QWidget):
    """The runner's widgets and their layout, without behaviour."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.back_button = QPushButton()
        self.title_label = ElidedLabel()  # a long English title elides, it never widens the window
        self.title_label.setObjectName("pageHeading")
        self.status_label = QLabel()
        self.status_label.setObjectName("statusChip")
        self.undo_button = QPushButton()
        self.redo_button = QPushButton()
        self.find_button = QPushButton()
        self.team_button = QPushButton()
        self.complete_button = QPushButton()
        self.sign_button = QPushButton()
        self.amend_button = QPushButton()
        self.print_report_button = QPushButton()
        self.print_plan_button = QPushButton()
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title_label, 1)
        top.addWidget(self.status_label)
        for button in (
            self.undo_button,
            self.redo_button,
            self.find_button,
            self.team_button,
            self.complete_button,
            self.sign_button,
            self.amend_button,
            self.print_report_button,
            self.print_plan_button,
        ):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            top.addWidget(button)
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.find_bar = FindBar(lang)
        self.find_bar.hide()

        self.navigator = SectionNavigator(lang)
        self.pages = QStackedWidget()
        self.score_panel = ScorePanel(lang)
        self.gap_list = GapList(lang)
        self.gap_list.hide()
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.score_panel)
        right.addWidget(self.gap_list)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.pages)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        # The side panels may be dragged shut (the score scrolls), the cards never.
        self.splitter.setSizes([250, 700, 300])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.splitter, 1)
        self.setStyleSheet(STYLE)
        self.retranslate_view()

    def retranslate_view(self) -> None:
        """The fixed texts of the runner's own buttons and panels, in the installed language."""
        for button, text in (
            (self.back_button, self.tr("← Assessments")),
            (self.undo_button, self.tr("Undo")),
            (self.redo_button, self.tr("Redo")),
            (self.find_button, self.tr("Find…")),
            (self.team_button, self.tr("Team…")),
            (self.complete_button, self.tr("Complete")),
            (self.sign_button, self.tr("Sign off…")),
            (self.amend_button, self.tr("Amend")),
            (self.print_report_button, self.tr("Print report…")),
            (self.print_plan_button, self.tr("Print plan…")),
        ):
            button.setText(text)
        for part in (self.find_bar, self.navigator, self.score_panel, self.gap_list):
            part.retranslate()


STYLE = """
QFrame#questionCard { background: palette(base); border: 1px solid #d6d9de; border-radius: 6px; }
QFrame#questionCard:focus { border: 2px solid #2f6fde; }
QLabel#questionId { font-weight: 600; color: #1d3f7a; }
QLabel#questionText { font-size: 11pt; }
QLabel#hint, QLabel#guidance { color: #5f6368; }
QLabel#warning { color: #b3261e; }
QLabel#answerState { color: #1e7d32; font-weight: 600; }
QLabel#sectionHeading { font-size: 14pt; font-weight: 600; margin-top: 4px; }
QLabel#subsectionHeading { font-size: 12pt; font-weight: 600; margin-top: 10px; color: #333; }
QLabel#banner { background: #fff4ce; border: 1px solid #e0c36b; padding: 6px 10px; }
QLabel#scorePercent { font-size: 26pt; font-weight: 600; }
QLabel#scoreGrade { font-size: 13pt; }
QLabel#statusChip { padding: 2px 8px; border: 1px solid #c0c4ca; border-radius: 9px; }
QPushButton#answerButton:checked { background: #2f6fde; color: white; border: 1px solid #2f6fde; }
QWidget#cardsBody { background: palette(window); }
"""
