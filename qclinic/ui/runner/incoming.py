"""Changes pulled by sync while the runner is open: shown in place, never over the user's typing.

A sync commit (``Origin.SYNC``) of answers or attachments of the open assessment refreshes the
built cards at once, each from the answers as stored now. The one card whose note the user is
typing (the note box has focus, or its text is not saved yet) keeps the typed text: the pulled
answer is taken as the base, the typed note is saved over it, and when the pull had changed that
note too, the pulled note is kept as a conflict (``services.sync.record_edit_conflict``) and the
card says so. A pulled change of the value alone merges with the typed note, as sync merges two
fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from qclinic.services import ChangeEvent
from qclinic.ui.runner import lifecycle
from qclinic.ui.runner.state import Key, RunnerState

if TYPE_CHECKING:
    from qclinic.ui.runner.question_card import QuestionCard
    from qclinic.ui.runner.runner_widget import RunnerWidget


def refresh(runner: RunnerWidget, event: ChangeEvent) -> None:
    """Show what a pull changed in the open assessment (see the module docstring)."""
    state, writer = runner.state, runner.writer
    if state is None or writer is None:
        return
    snapshot = runner.services.snapshots.snapshot(state.assessment_id)
    fresh = RunnerState.from_snapshot(snapshot)
    row_ids = {(row.question_id, row.instance): row.id for row in snapshot.answers}
    built = {key: card for page in runner.built_pages() for key, card in page.cards.items()}
    for key in sorted(set(state.answers) | set(fresh.answers)):
        mine, theirs = state.answers.get(key), fresh.answers.get(key)
        if mine == theirs and (mine is None or theirs is None or mine.revision == theirs.revision):
            continue
        card = built.get(key)
        old_note = mine.note if mine is not None else ""
        if theirs is None:
            state.answers.pop(key, None)
        else:
            state.answers[key] = theirs  # the base of the next write
        if card is None:
            continue
        card.show_answer(theirs, card.note_hint.isVisible())  # a focused note box is left alone
        typed = card.note_text()
        if theirs is not None and typed != old_note:  # the user is typing this note
            _keep_typing(runner, card, key, row_ids[key], typed, old_note, theirs.note)
        elif theirs is not None and card.note.hasFocus():
            card.hold_note(theirs.note, theirs.note)  # nothing typed yet: show theirs
    if event.entity == "attachment" or fresh.photos != state.photos:
        state.photos = fresh.photos
        for page in runner.built_pages():
            evidence = lifecycle.load_evidence(runner, page.page)
            for key, card in page.cards.items():
                card.show_evidence(evidence.get(key, []))
    if fresh.instances != state.instances:
        runner.mark_stale()  # process steps added or removed: rebuilt when the runner shows again
    lifecycle.follow_status(runner)
    runner.schedule_refresh()


def _keep_typing(
    runner: RunnerWidget,
    card: QuestionCard,
    key: Key,
    row_id: str,
    typed: str,
    old_note: str,
    pulled_note: str,
) -> None:
    """Save the typed note over the pulled answer; a pulled note that differs from both the
    note it replaced and the typed one is kept as a conflict, and the card says so."""
    writer = runner.writer
    assert writer is not None
    if pulled_note not in (old_note, typed):
        runner.services.sync.record_edit_conflict(
            "answer", row_id, "note", typed, pulled_note, source=runner
        )
        card.conflict_label.setText(
            QCoreApplication.translate(
                "RunnerIncoming",
                "Changed on another computer while you typed: their note reads “%1”. Your note "
                "is kept; both are listed as a conflict.",
            ).replace("%1", pulled_note)
        )
        card.conflict_label.show()
    card.hold_note(typed, pulled_note)
    writer.save_note(key, typed)
