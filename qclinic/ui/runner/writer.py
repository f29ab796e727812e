"""Every change the runner makes goes through here: one short transaction, then the app is told.

The writer keeps :class:`~qclinic.ui.runner.state.RunnerState` in step with what was committed and
announces each change (``answer_changed``, ``attachments_changed``) so cards and the score follow.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from qclinic.storage.database import Database
from qclinic.storage.repositories import answers as answer_repo
from qclinic.storage.repositories import attachments as attachment_repo
from qclinic.ui.errors import show_error
from qclinic.ui.runner.state import Key, RunnerState, StoredAnswer
from qclinic.ui.signals import AppSignals


class AnswerWriter(QObject):
    #: (question id, instance) whose answer or note was committed
    answer_changed = Signal(str, str)
    #: (question id, instance) whose attachments changed
    attachments_changed = Signal(str, str)

    def __init__(
        self, database: Database, signals: AppSignals, state: RunnerState, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._signals = signals
        self._widget = parent
        self.state = state

    def _committed(self, table: str) -> None:
        self._signals.saved.emit()
        self._signals.data_changed.emit(table)

    def apply(self, key: Key, stored: StoredAnswer | None) -> bool:
        """Store *stored* as the answer of *key* (``None`` clears it); the note is kept as it is."""
        qid, instance = key
        try:
            with self._database.session() as session:
                if stored is None:
                    answer_repo.clear_answer(
                        session, self.state.assessment_id, qid, instance_key=instance
                    )
                else:
                    answer_repo.save_answer(
                        session,
                        self.state.assessment_id,
                        qid,
                        None if stored.is_na else stored.value,
                        instance_key=instance,
                        is_na=stored.is_na,
                        note=None,
                    )
        except Exception as exc:
            show_error(exc, self._widget)
            self.answer_changed.emit(qid, instance)  # put the card back as it was
            return False
        if stored is None:
            self.state.answers.pop(key, None)
        else:
            note = self.state.answers.get(key, StoredAnswer(None)).note
            self.state.answers[key] = StoredAnswer(stored.value, stored.is_na, note)
        self._committed("answer")
        self.answer_changed.emit(qid, instance)
        return True

    def save_note(self, key: Key, note: str) -> bool:
        """Save the note of an answered question; ``False`` when there is no answer to hold it."""
        current = self.state.answers.get(key)
        if current is None or current.note == note:
            return False
        try:
            with self._database.session() as session:
                answer_repo.save_answer(
                    session,
                    self.state.assessment_id,
                    key[0],
                    None if current.is_na else current.value,
                    instance_key=key[1],
                    is_na=current.is_na,
                    note=note,
                )
        except Exception as exc:
            show_error(exc, self._widget)
            return False
        self.state.answers[key] = StoredAnswer(current.value, current.is_na, note)
        self._committed("answer")
        self.answer_changed.emit(*key)
        return True

    def add_attachments(self, key: Key, files: list[tuple[bytes, str]]) -> bool:
        """Attach evidence files (bytes, file name) to the answer of *key*."""
        qid, instance = key
        question = self.state.checklist.question(qid)
        try:
            with self._database.session() as session:
                for data, name in files:
                    attachment_repo.add_attachment(
                        session,
                        self._database.blobs,
                        data,
                        name,
                        assessment_id=self.state.assessment_id,
                        question_id=qid,
                        instance_key=instance,
                    )
                if question.type == "photo" and key not in self.state.answers:
                    # a photo question is answered by its evidence; the row carries the file name
                    answer_repo.save_answer(
                        session, self.state.assessment_id, qid, files[0][1], instance_key=instance
                    )
                    self.state.answers[key] = StoredAnswer(files[0][1])
        except Exception as exc:
            show_error(exc, self._widget)
            return False
        self.state.photos[key] += len(files)
        self._committed("attachment")
        self.attachments_changed.emit(qid, instance)
        return True

    def delete_attachment(self, key: Key, attachment_id: str) -> bool:
        try:
            with self._database.session() as session:
                attachment_repo.delete_attachment(session, attachment_id)
        except Exception as exc:
            show_error(exc, self._widget)
            return False
        self.state.photos[key] = max(0, self.state.photos[key] - 1)
        self._committed("attachment")
        self.attachments_changed.emit(*key)
        return True
