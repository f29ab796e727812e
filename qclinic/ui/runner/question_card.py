"""One question on screen: its text, clause, guidance, the answer input, a note and evidence.

The card takes keyboard focus; the keys its tooltip lists score the question without the mouse.
It only reports what the user did (signals); the runner writes and then calls ``show_answer``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
)

from qclinic.core.checklists import Question
from qclinic.ui.icons import icon_label, icon_pixmap
from qclinic.ui.runner.answer_inputs import (
    CONSUMED,
    IGNORED,
    AnswerInput,
    ChoiceInput,
    MultiInput,
    make_input,
)
from qclinic.ui.runner.attachments import AttachmentStrip, Evidence, files_from_mime
from qclinic.ui.runner.state import Key, StoredAnswer

NOTE_DEBOUNCE_MS = 1200


class NoteEdit(QPlainTextEdit):
    """A short multi-line note that says when the user leaves it."""

    editing_finished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editing_finished.emit()


class QuestionCard(QFrame):
    answer_edited = Signal(object, object)  # key, StoredAnswer | None
    note_edited = Signal(object, str)  # key, note
    files_added = Signal(object, list)  # key, [(bytes, name)]
    remove_attachment = Signal(object, str)  # key, attachment id
    finding_requested = Signal(object)  # key
    next_requested = Signal(object)  # key
    focused = Signal(object)  # key

    def __init__(self, question: Question, instance: str, lang: str) -> None:
        super().__init__()
        self.question = question
        self.instance = instance
        self.key: Key = (question.id, instance)
        self.setObjectName("questionCard")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self._build(lang)
        self._connect()

    # --- layout ------------------------------------------------------------------------------
    def _build(self, lang: str) -> None:
        question = self.question
        self.id_label = QLabel(question.id)
        self.id_label.setObjectName("questionId")
        self.critical_mark = icon_label("critical", self.tr("Critical (starred) question"))
        self.critical_mark.setVisible(question.critical)
        if question.critical:
            self.id_label.setToolTip(self.tr("Critical (starred) question"))
        self.clause_label = QLabel(question.clause or "")
        self.clause_label.setObjectName("hint")
        # a legal obligation: a failure is named in the result whatever the percentage
        self.statutory_mark = QLabel(self.tr("Statutory"))
        self.statutory_mark.setObjectName("warning")
        self.statutory_mark.setToolTip(
            self.tr("A legal obligation: a failure is stated in the result, whatever the score.")
        )
        self.statutory_mark.setVisible(question.statutory)
        self.state_label = QLabel()
        self.state_label.setObjectName("answerState")
        self.finding_button = QPushButton(self.tr("Raise finding…"))
        self.finding_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.finding_button.setFlat(True)
        header = QHBoxLayout()
        header.addWidget(self.critical_mark)
        header.addWidget(self.id_label)
        header.addWidget(self.statutory_mark)
        header.addWidget(self.clause_label, 1)
        header.addWidget(self.state_label)
        header.addWidget(self.finding_button)

        self.text_label = QLabel(question.text.get(lang))
        self.text_label.setWordWrap(True)
        self.text_label.setObjectName("questionText")
        bands = " · ".join(band.text(question.unit or "").get(lang) for band in question.bands)
        self.bands_label = QLabel(self.tr("Scored by bands: %1").replace("%1", bands))
        self.bands_label.setObjectName("hint")
        self.bands_label.setWordWrap(True)
        self.bands_label.setVisible(bool(question.bands))
        self.guidance_button = QToolButton()
        self.guidance_button.setText(self.tr("Guidance"))
        self.guidance_button.setCheckable(True)
        self.guidance_button.setArrowType(Qt.ArrowType.RightArrow)
        self.guidance_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.guidance_button.setAutoRaise(True)
        self.guidance_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.guidance_label = QLabel(question.guidance.get(lang) if question.guidance else "")
        self.guidance_label.setWordWrap(True)
        self.guidance_label.setObjectName("guidance")
        self.guidance_label.hide()
        self.guidance_button.setVisible(question.guidance is not None)

        self.input: AnswerInput = make_input(question, lang)
        self.note = NoteEdit()
        self.note.setPlaceholderText(self.tr("Note: evidence, observations…"))
        self.note.setFixedHeight(52)
        self.note.setTabChangesFocus(True)
        self.note_hint = QLabel(self.tr("A note is required for this score."))
        self.note_hint.setObjectName("warning")
        self.note_hint.hide()
        # a pulled change to this note while it was being typed (ui/runner/incoming.py)
        self.conflict_label = QLabel()
        self.conflict_label.setObjectName("warning")
        self.conflict_label.setWordWrap(True)
        self.conflict_label.hide()
        self.attachments = AttachmentStrip()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.text_label)
        layout.addWidget(self.bands_label)
        layout.addWidget(self.guidance_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.guidance_label)
        layout.addWidget(self.input)
        layout.addWidget(self.note)
        layout.addWidget(self.note_hint)
        layout.addWidget(self.conflict_label)
        layout.addWidget(self.attachments)
        self.setToolTip(self.tr("Keys: %1").replace("%1", self.input.key_help()))

    def _connect(self) -> None:
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_DEBOUNCE_MS)
        self._note_timer.timeout.connect(self.flush_note)
        self.note.textChanged.connect(self._on_note_typed)
        self.note.editing_finished.connect(self.flush_note)
        self._shown_note = ""
        self.input.edited.connect(self._on_input_edited)
        self.attachments.files_added.connect(lambda files: self.files_added.emit(self.key, files))
        self.attachments.remove_requested.connect(
            lambda attachment_id: self.remove_attachment.emit(self.key, attachment_id)
        )
        self.finding_button.clicked.connect(lambda: self.finding_requested.emit(self.key))
        self.guidance_button.toggled.connect(self.on_guidance_toggled)

    # --- showing -----------------------------------------------------------------------------
    def show_answer(self, stored: StoredAnswer | None, note_required: bool = False) -> None:
        self.input.show_answer(stored)
        if stored is None:
            self.state_label.setText("")
        elif stored.is_na:
            self.state_label.setText(self.tr("N/A"))
        else:
            self.state_label.setPixmap(icon_pixmap("answered", self.state_label))
        note = stored.note if stored is not None else ""
        if note != self._shown_note and not self.note.hasFocus():
            self.note.blockSignals(True)
            self.note.setPlainText(note)
            self.note.blockSignals(False)
            self._shown_note = note
        self.set_note_required(note_required)

    def hold_note(self, text: str, stored_note: str) -> None:
        """Keep *text* in the note box while *stored_note* is stored; leaving the box saves it."""
        if self.note.toPlainText().strip() != text:
            self.note.blockSignals(True)
            self.note.setPlainText(text)
            self.note.blockSignals(False)
        self._shown_note = stored_note

    def set_note_required(self, required: bool) -> None:
        if self.note_hint.isHidden() == required:
            self.note_hint.setVisible(required)

    def show_evidence(self, items: list[Evidence]) -> None:
        self.attachments.show_evidence(items)

    def set_read_only(self, read_only: bool) -> None:
        self.input.set_read_only(read_only)
        self.note.setReadOnly(read_only)
        self.attachments.add_button.setEnabled(not read_only)
        self.finding_button.setEnabled(not read_only)
        self.setAcceptDrops(not read_only)

    def note_text(self) -> str:
        return self.note.toPlainText().strip()

    # --- behaviour ---------------------------------------------------------------------------
    def on_guidance_toggled(self, shown: bool) -> None:
        self.guidance_label.setVisible(shown)
        self.guidance_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )

    def _on_input_edited(self, stored: StoredAnswer | None) -> None:
        if isinstance(self.input, ChoiceInput | MultiInput):
            self.setFocus(Qt.FocusReason.OtherFocusReason)  # keys keep working after a click
        self.answer_edited.emit(self.key, stored)

    def _on_note_typed(self) -> None:
        self._note_timer.start()

    def flush_note(self) -> None:
        """Hand the note to the runner now (the debounce timer or leaving the note calls it)."""
        self._note_timer.stop()
        text = self.note_text()
        if text != self._shown_note:
            self._shown_note = text
            self.note_edited.emit(self.key, text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            if self.attachments.add_button.isEnabled():
                self.attachments.paste()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.next_requested.emit(self.key)
            return
        if not self.input.isEnabled():
            super().keyPressEvent(event)
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.answer_edited.emit(self.key, None)
            return
        answer = self.input.for_key(event.text())
        if answer is CONSUMED:
            return
        if answer is IGNORED:
            super().keyPressEvent(event)
            return
        self.answer_edited.emit(self.key, answer)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit(self.key)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasImage():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = files_from_mime(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.files_added.emit(self.key, files)
