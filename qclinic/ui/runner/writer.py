"""Every answer the runner changes goes through here, to :class:`~qclinic.services.answers.AnswerService`.

The service commits (one short transaction) and announces the change on the app's signals; the
writer keeps :class:`~qclinic.ui.runner.state.RunnerState` in step with what was committed and
tells the runner (``answer_changed``, ``attachments_changed``) so cards and the score follow.

Every answer write names the revision it was based on. When another window (or another QClinic)
changed the answer meanwhile, nothing is written: the fresh answer is loaded and shown, the user is
told, and a note they typed stays in the note box (``held_notes``) to be saved when they leave it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from qclinic.services import Services
from qclinic.services.answers import AnswerChanged
from qclinic.ui.errors import show_error
from qclinic.ui.runner.state import Key, RunnerState, StoredAnswer


class AnswerWriter(QObject):
    # (question id, instance) whose answer or note was committed
    answer_changed = Signal(str, str)
    # (question id, instance) whose attachments changed
    attachments_changed = Signal(str, str)

    def __init__(self, services: Services, state: RunnerState, parent: QWidget) -> None:
        super().__init__(parent)
        self._answers = services.answers
        self._widget = parent  # the runner: the source of its changes, the parent of messages
        self.state = state
        # Notes refused because the answer changed elsewhere, to keep in their note box.
        self.held_notes: dict[Key, str] = {}

    def _base(self, key: Key) -> int:
        current = self.state.answers.get(key)
        return current.revision if current is not None else 0

    def apply(self, key: Key, stored: StoredAnswer | None) -> bool:
        """Store *stored* as the answer of *key* (``None`` clears it); the note is kept as it is."""
        qid, instance = key
        revision = 0
        try:
            if stored is None:
                self._answers.clear_answer(
                    self.state.assessment_id,
                    qid,
                    instance_key=instance,
                    base_revision=self._base(key),
                    source=self._widget,
                )
            else:
                revision = self._answers.save_answer(
                    self.state.assessment_id,
                    qid,
                    stored.value,
                    instance_key=instance,
                    is_na=stored.is_na,
                    base_revision=self._base(key),
                    source=self._widget,
                )
        except AnswerChanged as exc:
            self._changed_elsewhere(key, exc, None)
            return False
        except Exception as exc:
            show_error(exc, self._widget)
            self.answer_changed.emit(qid, instance)  # put the card back as it was
            return False
        if stored is None:
            self.state.answers.pop(key, None)
        else:
            note = self.state.answers.get(key, StoredAnswer(None)).note
            self.state.answers[key] = StoredAnswer(stored.value, stored.is_na, note, revision)
        self.answer_changed.emit(qid, instance)
        return True

    def save_note(self, key: Key, note: str) -> bool:
        """Save the note of an answered question; ``False`` when there is no answer to hold it."""
        current = self.state.answers.get(key)
        if current is None or current.note == note:
            return False
        try:
            revision = self._answers.save_note(
                self.state.assessment_id,
                key[0],
                note,
                instance_key=key[1],
                base_revision=current.revision,
                source=self._widget,
            )
        except AnswerChanged as exc:
            self._changed_elsewhere(key, exc, note)
            return False
        except Exception as exc:
            show_error(exc, self._widget)
            return False
        self.state.answers[key] = StoredAnswer(current.value, current.is_na, note, revision)
        self.answer_changed.emit(*key)
        return True

    def _changed_elsewhere(self, key: Key, exc: AnswerChanged, typed_note: str | None) -> None:
        """Load the answer another window stored, show it, and tell the user what was not saved."""
        if exc.live:
            self.state.answers[key] = StoredAnswer(exc.value, exc.is_na, exc.note, exc.revision)
        else:
            self.state.answers.pop(key, None)
        if typed_note:
            self.held_notes[key] = typed_note
        self.answer_changed.emit(*key)
        if not exc.live:
            now = self.tr("not answered")
        elif exc.is_na:
            now = self.tr("N/A")
        elif isinstance(exc.value, list):
            now = ", ".join(str(item) for item in exc.value)
        else:
            now = str(exc.value)
        name = key[0] if not key[1] else f"{key[0]} ({key[1]})"
        if typed_note:
            text = self.tr(
                "%1 was changed in another window; it now reads: %2.\n\nYour note was not "
                "saved. It is still in the note box and is saved when you leave the box."
            )
        else:
            text = self.tr(
                "%1 was changed in another window; it now reads: %2.\n\nYour change was not "
                "saved. The answer shown is the one stored now."
            )
        QMessageBox.warning(
            self._widget,
            self.tr("Changed in another window"),
            text.replace("%1", name).replace("%2", now),
        )

    def add_attachments(self, key: Key, files: list[tuple[bytes, str]]) -> bool:
        """Attach evidence files (bytes, file name) to the answer of *key*."""
        qid, instance = key
        question = self.state.checklist.question(qid)
        try:
            added = self._answers.add_photos(
                self.state.assessment_id,
                qid,
                files,
                instance_key=instance,
                # a photo question is answered by its evidence; the row carries the file name
                answers_question=question.type == "photo" and key not in self.state.answers,
                source=self._widget,
            )
        except Exception as exc:
            show_error(exc, self._widget)
            return False
        if added.answer_revision is not None:
            self.state.answers[key] = StoredAnswer(files[0][1], revision=added.answer_revision)
        self.state.photos[key] += len(files)
        self.attachments_changed.emit(qid, instance)
        return True

    def delete_attachment(self, key: Key, attachment_id: str) -> bool:
        try:
            self._answers.remove_photo(attachment_id, source=self._widget)
        except Exception as exc:
            show_error(exc, self._widget)
            return False
        self.state.photos[key] = max(0, self.state.photos[key] - 1)
        self.attachments_changed.emit(*key)
        return True
