"""Ctrl+F: find a question by id or by words of its text, and jump to it."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLabel, QLineEdit, QWidget

from qclinic.core.checklists import Checklist
from qclinic.ui.runner.state import Key


def find_question(
    checklist: Checklist, instances: dict[str, list[str]], lang: str, query: str
) -> Key | None:
    """The first question whose id matches *query* (or starts with it), else whose text holds it."""
    query = query.strip()
    if not query:
        return None
    head = query.split("  ", 1)[0].strip()  # a completer entry is "ID[@step]  text"
    qid, _, instance = head.partition("@")
    qid, instance = qid.strip(), instance.strip()
    ordered = list(checklist.questions())

    def key_of(question_id: str) -> Key:
        question = checklist.question(question_id)
        if question.repeat_section is None:
            return question_id, ""
        steps = instances.get(question.repeat_section, [])
        return question_id, instance if instance in steps else (steps[0] if steps else "")

    for question in ordered:
        if question.id.lower() == qid.lower():
            return key_of(question.id)
    for question in ordered:
        if question.id.lower().startswith(qid.lower()):
            return key_of(question.id)
    needle = query.lower()
    for question in ordered:
        if needle in question.text.get(lang).lower() or needle in question.text.get("en").lower():
            return key_of(question.id)
    return None


class FindBar(QWidget):
    found = Signal(object)  # Key
    closed = Signal()

    def __init__(self, lang: str) -> None:
        super().__init__()
        self._lang = lang
        self._checklist: Checklist | None = None
        self._instances: dict[str, list[str]] = {}
        self.edit = QLineEdit()
        self.edit.setClearButtonEnabled(True)
        self.completions = QStringListModel(self)
        completer = QCompleter(self.completions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.edit.setCompleter(completer)
        self.message = QLabel()
        self.message.setObjectName("warning")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.find_label = QLabel()
        layout.addWidget(self.find_label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.message)
        self.edit.returnPressed.connect(self.on_return)
        completer.activated.connect(lambda text: self._go(text))
        self.edit.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.find_label.setText(self.tr("Find:"))
        self.edit.setPlaceholderText(self.tr("Question id or words of its text, then Enter"))
        self.message.clear()

    def set_language(self, lang: str) -> None:
        """Checklist texts in the completer follow with the next ``set_checklist``."""
        self._lang = lang

    def set_checklist(self, checklist: Checklist, instances: dict[str, list[str]]) -> None:
        self._checklist = checklist
        self._instances = instances
        entries = []
        for question in checklist.questions():
            text = question.text.get(self._lang)[:60]
            if question.repeat_section is None:
                entries.append(f"{question.id}  {text}")
            else:
                for step in instances.get(question.repeat_section, []):
                    entries.append(f"{question.id}@{step}  {text}")
        self.completions.setStringList(entries)

    def open(self) -> None:
        self.message.clear()
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def on_return(self) -> None:
        self._go(self.edit.text())

    def _go(self, text: str) -> None:
        if self._checklist is None:
            return
        key = find_question(self._checklist, self._instances, self._lang, text)
        if key is None:
            self.message.setText(self.tr("No such question"))
            return
        self.message.clear()
        self.hide()
        self.found.emit(key)

    def eventFilter(self, watched: object, event: object) -> bool:
        if isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
            self.hide()
            self.closed.emit()
            return True
        return False
