"""The cards of one page: a top-level section, or one process step of a repeated section."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from qclinic.core.checklists import Checklist, Section
from qclinic.ui.runner.question_card import QuestionCard
from qclinic.ui.runner.state import Key

Page = tuple[str, str]  # (top-level section id, instance)


def page_keys(checklist: Checklist, section: Section, instance: str) -> list[Key]:
    return [(q.id, instance) for q in section.all_questions()]


def pages_of(checklist: Checklist, instances: dict[str, list[str]]) -> list[Page]:
    """Every page in reading order: sections, and each step of a repeated one."""
    out: list[Page] = []
    for top in checklist.sections:
        if top.repeat is None:
            out.append((top.id, ""))
        else:
            out.extend((top.id, name) for name in instances.get(top.id, []))
    return out


class SectionPage(QScrollArea):
    def __init__(self, checklist: Checklist, page: Page, lang: str) -> None:
        super().__init__()
        self.page = page
        section_id, instance = page
        section = checklist.section(section_id)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("cardsBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 8, 12, 24)
        layout.setSpacing(10)
        self.cards: dict[Key, QuestionCard] = {}
        self.headings: dict[str, QLabel] = {}
        title = section.title.get(lang)
        if instance and section.repeat is not None:
            title = f"{title} · {section.repeat.label.get(lang)}: {instance}"
        self._heading(layout, section_id, title, "sectionHeading")
        if section.guidance is not None:
            guidance = QLabel(section.guidance.get(lang))
            guidance.setWordWrap(True)
            guidance.setObjectName("hint")
            layout.addWidget(guidance)
        self._add(layout, section, instance, lang)
        layout.addStretch(1)
        self.setWidget(body)

    def _heading(self, layout: QVBoxLayout, section_id: str, text: str, name: str) -> None:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.headings[section_id] = label

    def _add(self, layout: QVBoxLayout, section: Section, instance: str, lang: str) -> None:
        for question in section.questions:
            card = QuestionCard(question, instance, lang)
            layout.addWidget(card)
            self.cards[card.key] = card
        for sub in section.sections:
            self._heading(layout, sub.id, sub.title.get(lang), "subsectionHeading")
            self._add(layout, sub, instance, lang)

    def scroll_to_heading(self, section_id: str) -> None:
        label = self.headings.get(section_id)
        if label is not None:
            self.verticalScrollBar().setValue(label.y())

    def visible_cards(self) -> list[QuestionCard]:
        return [card for card in self.cards.values() if not card.isHidden()]

    def reveal(self, card: QuestionCard) -> None:
        self.ensureWidgetVisible(card, 0, 40)
        card.setFocus(Qt.FocusReason.OtherFocusReason)
