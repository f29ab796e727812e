"""One input widget per question type; each says which keys score it.

Every input emits ``edited`` with the new :class:`StoredAnswer` (or ``None`` to clear the answer)
and shows a stored answer with :meth:`AnswerInput.show_answer`. Buttons take no keyboard focus: the
question card keeps it, so digits typed on the card score the question (see :meth:`for_key`).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from qclinic.core.checklists import Question
from qclinic.ui.runner.state import StoredAnswer

#: returned by ``for_key`` when a key means nothing to the input
IGNORED = object()
# returned by ``for_key`` when a key was taken as part of the previous one (the 0 of VDA's 10)
CONSUMED = object()
# seconds after VDA's "1" (10 points) in which a "0" completes "10" instead of scoring 0
TEN_WINDOW_S = 1.5
NA_ANSWER = StoredAnswer(None, True)
_NO_DATE = QDate(1900, 1, 1)


class AnswerInput(QWidget):
    edited = Signal(object)  # StoredAnswer | None

    def __init__(self, question: Question, lang: str) -> None:
        super().__init__()
        self.question = question
        self.lang = lang
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(6)
        self.na_button: QPushButton | None = None
        if question.na_allowed:
            self.na_button = self._button(
                _with_key(self.tr("N/A"), "N"), self.tr("Not applicable (key N)")
            )
            self.na_button.clicked.connect(lambda: self.edited.emit(NA_ANSWER))

    def _button(self, text: str, tip: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setToolTip(tip)
        button.setMinimumWidth(44)
        button.setObjectName("answerButton")
        return button

    def _finish(self) -> None:
        """Put the N/A button last and push everything to the left."""
        if self.na_button is not None:
            self.layout_.addSpacing(12)
            self.layout_.addWidget(self.na_button)
        self.layout_.addStretch(1)

    def show_answer(self, stored: StoredAnswer | None) -> None:
        if self.na_button is not None:
            self.na_button.setChecked(stored is not None and stored.is_na)

    def for_key(self, text: str) -> object:
        """The answer a key press on the card means, ``None`` to clear, or :data:`IGNORED`."""
        if text.lower() == "n" and self.question.na_allowed:
            return NA_ANSWER
        return IGNORED

    def key_help(self) -> str:
        parts = [self.tr("N = not applicable")] if self.question.na_allowed else []
        return "; ".join([*parts, self.tr("Delete = clear"), self.tr("Enter = next question")])

    def set_read_only(self, read_only: bool) -> None:
        self.setEnabled(not read_only)


class ChoiceInput(AnswerInput):
    """A row of buttons, one per value (yes/partial/no, VDA points, maturity levels, options)."""

    def __init__(
        self, question: Question, lang: str, choices: list[tuple[str, object, str, str]]
    ) -> None:
        """*choices*: (button text, stored value, key, tooltip)."""
        super().__init__(question, lang)
        self._choices = choices
        self._buttons: list[tuple[QPushButton, object]] = []
        for text, value, key, tip in choices:
            tooltip = self.tr("%1 (key %2)").replace("%1", tip).replace("%2", key) if tip else ""
            button = self._button(_with_key(text, key), tooltip)
            button.clicked.connect(lambda _=False, v=value: self.edited.emit(StoredAnswer(v)))
            self.layout_.addWidget(button)
            self._buttons.append((button, value))
        self._finish()

    def show_answer(self, stored: StoredAnswer | None) -> None:
        super().show_answer(stored)
        for button, value in self._buttons:
            button.setChecked(
                stored is not None and not stored.is_na and str(stored.value) == str(value)
            )

    def for_key(self, text: str) -> object:
        for _label, value, key, _tip in self._choices:
            if text == key:
                return StoredAnswer(value)
        return super().for_key(text)

    def key_help(self) -> str:
        keys = ", ".join(f"{key} = {label}" for label, _v, key, _t in self._choices)
        return f"{keys}; {super().key_help()}"


class VdaInput(ChoiceInput):
    """VDA 6.3 points: type the points, 0, 4, 6, 8 or 10.

    "1" scores 10 at once (every key commits); a "0" typed within :data:`TEN_WINDOW_S` after it
    is the rest of "10" and changes nothing, so "1" then "0" never silently ends at 0 points.
    """

    clock = staticmethod(time.monotonic)

    def __init__(self, question: Question, lang: str) -> None:
        points = QCoreApplication.translate("AnswerInput", "%1 points")
        super().__init__(
            question,
            lang,
            [(str(p), p, str(p), points.replace("%1", str(p))) for p in (0, 4, 6, 8, 10)],
        )
        self._ten_typed_at: float | None = None

    def for_key(self, text: str) -> object:
        typed_at, self._ten_typed_at = self._ten_typed_at, None
        if text == "1":
            self._ten_typed_at = self.clock()
            return StoredAnswer(10)
        if text == "0" and typed_at is not None and self.clock() - typed_at <= TEN_WINDOW_S:
            return CONSUMED
        return super().for_key(text)

    def key_help(self) -> str:
        return self.tr("type the points: 0, 4, 6, 8, 1 0") + f"; {AnswerInput.key_help(self)}"


class MultiInput(AnswerInput):
    def __init__(self, question: Question, lang: str) -> None:
        super().__init__(question, lang)
        self._boxes: list[tuple[QCheckBox, object]] = []
        for number, option in enumerate(question.options, start=1):
            box = QCheckBox(option.label.get(lang))
            box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            box.setToolTip(self.tr("key %1").replace("%1", str(number)))
            box.clicked.connect(self._emit)
            self.layout_.addWidget(box)
            self._boxes.append((box, option.value))
        self._finish()

    def _chosen(self) -> list[object]:
        return [value for box, value in self._boxes if box.isChecked()]

    def _emit(self) -> None:
        chosen = self._chosen()
        self.edited.emit(StoredAnswer(chosen) if chosen else None)

    def show_answer(self, stored: StoredAnswer | None) -> None:
        super().show_answer(stored)
        values = stored.value if stored is not None and isinstance(stored.value, list) else []
        for box, value in self._boxes:
            box.setChecked(any(str(v) == str(value) for v in values))

    def for_key(self, text: str) -> object:
        if text.isdigit() and 1 <= int(text) <= len(self._boxes):
            box, _value = self._boxes[int(text) - 1]
            box.setChecked(not box.isChecked())
            chosen = self._chosen()
            return StoredAnswer(chosen) if chosen else None
        return super().for_key(text)

    def key_help(self) -> str:
        return (
            self.tr("1–%1 = tick or untick an option").replace("%1", str(len(self._boxes)))
            + f"; {super().key_help()}"
        )


class NumericInput(AnswerInput):
    def __init__(self, question: Question, lang: str) -> None:
        super().__init__(question, lang)
        self.edit = QLineEdit()
        self.edit.setValidator(QDoubleValidator(self.edit))
        self.edit.setMaximumWidth(140)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.edit.editingFinished.connect(self._emit)
        self.layout_.addWidget(self.edit)
        if question.unit:
            self.layout_.addWidget(QLabel(question.unit))
        limits = _limits_text(question)
        if limits:
            hint = QLabel(limits)
            hint.setObjectName("hint")
            self.layout_.addWidget(hint)
        self._finish()

    def _emit(self) -> None:
        text = self.edit.text().strip().replace(",", ".")
        if not text:
            self.edited.emit(None)
            return
        try:
            self.edited.emit(StoredAnswer(float(text)))
        except ValueError:
            return

    def show_answer(self, stored: StoredAnswer | None) -> None:
        super().show_answer(stored)
        if stored is None or stored.is_na or stored.value is None:
            self.edit.clear()
        else:
            self.edit.setText(f"{float(stored.value):g}")  # type: ignore[arg-type]

    def key_help(self) -> str:
        return self.tr("Type the value, then Enter") + f"; {super().key_help()}"


class TextInput(AnswerInput):
    """Free text, and the signer's name of a signature question."""

    def __init__(self, question: Question, lang: str, placeholder: str = "") -> None:
        super().__init__(question, lang)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.edit.editingFinished.connect(self._emit)
        self.layout_.addWidget(self.edit, 1)
        self._finish()

    def _emit(self) -> None:
        text = self.edit.text().strip()
        self.edited.emit(StoredAnswer(text) if text else None)

    def show_answer(self, stored: StoredAnswer | None) -> None:
        super().show_answer(stored)
        value = "" if stored is None or stored.is_na or stored.value is None else stored.value
        self.edit.setText(str(value))

    def key_help(self) -> str:
        return self.tr("Type the answer, then Enter") + f"; {super().key_help()}"


class DateInput(AnswerInput):
    def __init__(self, question: Question, lang: str) -> None:
        super().__init__(question, lang)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setMinimumDate(_NO_DATE)
        self.edit.setSpecialValueText(self.tr("not set"))
        self.edit.setDate(_NO_DATE)
        self.edit.editingFinished.connect(self._emit)
        self.edit.calendarWidget().clicked.connect(lambda _d: self._emit())
        self.layout_.addWidget(self.edit)
        today = QPushButton(self.tr("Today"))
        today.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        today.clicked.connect(lambda: (self.edit.setDate(QDate.currentDate()), self._emit()))
        self.layout_.addWidget(today)
        self._finish()

    def _emit(self) -> None:
        date = self.edit.date()
        self.edited.emit(None if date == _NO_DATE else StoredAnswer(date.toString("yyyy-MM-dd")))

    def show_answer(self, stored: StoredAnswer | None) -> None:
        super().show_answer(stored)
        date = _NO_DATE
        if stored is not None and not stored.is_na and stored.value:
            date = QDate.fromString(str(stored.value), "yyyy-MM-dd")
        self.edit.setDate(date if date.isValid() else _NO_DATE)


class PhotoInput(AnswerInput):
    """A photo question is answered by the evidence attached below it."""

    def __init__(self, question: Question, lang: str) -> None:
        super().__init__(question, lang)
        hint = QLabel(self.tr("Attach photos below: Add…, drop files or paste an image (Ctrl+V)."))
        hint.setObjectName("hint")
        self.layout_.addWidget(hint)
        self._finish()


def _with_key(text: str, key: str) -> str:
    """A button's text with the key that presses it, unless the text is the key itself."""
    return text if text == key else f"{text} ({key})"


def _limits_text(question: Question) -> str:
    unit = question.unit or ""
    if question.min is not None and question.max is not None:
        return f"({question.min:g} – {question.max:g} {unit})".replace(" )", ")")
    if question.min is not None:
        return f"(≥ {question.min:g} {unit})".replace(" )", ")")
    if question.max is not None:
        return f"(≤ {question.max:g} {unit})".replace(" )", ")")
    return ""


def make_input(question: Question, lang: str) -> AnswerInput:
    """The input widget for *question*'s type."""
    kind = question.type

    if kind == "yes-no":
        choices = [
            (
                QCoreApplication.translate("AnswerInput", "Yes"),
                "yes",
                "1",
                QCoreApplication.translate("AnswerInput", "Fully met"),
            )
        ]
        if question.allow_partial:
            choices.append(
                (
                    QCoreApplication.translate("AnswerInput", "Partial"),
                    "partial",
                    "2",
                    QCoreApplication.translate("AnswerInput", "Partly met"),
                )
            )
        choices.append(
            (
                QCoreApplication.translate("AnswerInput", "No"),
                "no",
                "3",
                QCoreApplication.translate("AnswerInput", "Not met"),
            )
        )
        return ChoiceInput(question, lang, choices)
    if kind == "vda":
        return VdaInput(question, lang)
    if kind == "maturity":
        names = (
            QCoreApplication.translate("AnswerInput", "not in place"),
            QCoreApplication.translate("AnswerInput", "initial"),
            QCoreApplication.translate("AnswerInput", "managed"),
            QCoreApplication.translate("AnswerInput", "defined"),
            QCoreApplication.translate("AnswerInput", "measured"),
            QCoreApplication.translate("AnswerInput", "optimising"),
        )
        return ChoiceInput(
            question, lang, [(str(n), n, str(n), f"{n} {names[n]}") for n in range(6)]
        )
    if kind == "single":
        return ChoiceInput(
            question,
            lang,
            [
                (o.label.get(lang), o.value, str(n), "")
                for n, o in enumerate(question.options, start=1)
            ],
        )
    if kind == "multi":
        return MultiInput(question, lang)
    if kind == "numeric":
        return NumericInput(question, lang)
    if kind == "date":
        return DateInput(question, lang)
    if kind == "photo":
        return PhotoInput(question, lang)
    if kind == "signature":
        return TextInput(question, lang, QCoreApplication.translate("AnswerInput", "Signer's name"))
    return TextInput(question, lang)
