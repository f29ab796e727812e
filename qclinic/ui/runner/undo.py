"""Undo and redo of answer edits: each command writes through the repository when (re)done."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from qclinic.ui.runner.state import Key, StoredAnswer
from qclinic.ui.runner.writer import AnswerWriter


class AnswerEdit(QUndoCommand):
    """Changing one answer from *before* to *after* (``None``: unanswered)."""

    def __init__(
        self,
        writer: AnswerWriter,
        key: Key,
        before: StoredAnswer | None,
        after: StoredAnswer | None,
        text: str,
    ) -> None:
        super().__init__(text)
        self._writer = writer
        self._key = key
        self._before = before
        self._after = after

    def redo(self) -> None:
        if not self._writer.apply(self._key, self._after):
            self.setObsolete(True)

    def undo(self) -> None:
        self._writer.apply(self._key, self._before)


def push_answer(
    stack: object, writer: AnswerWriter, key: Key, after: StoredAnswer | None, text: str
) -> None:
    """Record and perform an answer edit on *stack* (a ``QUndoStack``); no-op when nothing changes."""
    before = writer.state.answers.get(key)
    if before is not None:
        before = StoredAnswer(before.value, before.is_na)
    if before == after or (before is None and after is None):
        return
    stack.push(AnswerEdit(writer, key, before, after, text))  # type: ignore[attr-defined]
