"""The assessment runner: navigator | question cards | live score, with undo and completion.

Layout is built in :class:`~qclinic.ui.runner.view.RunnerView`; :class:`RunnerWidget` adds the
behaviour. Every edit is committed at once through the services (answers by
:class:`~qclinic.ui.runner.writer.AnswerWriter`, the lifecycle in :mod:`.lifecycle`); the score,
visibility (``show_if``) and progress follow on the next turn of the event loop, and the what-if
(up to ~0.1 s on VDA 6.3) runs in the background, debounced.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent, QUndoStack

from qclinic import settings as app_settings
from qclinic.core.scoring import ScoreResult, score, score_evaluation
from qclinic.services import ChangeEvent, Origin, Services
from qclinic.ui.labels import label
from qclinic.ui.runner import incoming, lifecycle, steps
from qclinic.ui.runner.attachments import Evidence
from qclinic.ui.runner.question_card import QuestionCard
from qclinic.ui.runner.section_page import Page, SectionPage, pages_of
from qclinic.ui.runner.state import Key, RunnerState, StoredAnswer
from qclinic.ui.runner.undo import push_answer
from qclinic.ui.runner.view import RunnerView
from qclinic.ui.runner.writer import AnswerWriter
from qclinic.ui.signals import AppSignals
from qclinic.ui.tasks import run_task

WHAT_IF_DELAY_MS = 400
#: tables whose rows the runner shows: a change made elsewhere is loaded when it shows again
SHOWN_TABLES = frozenset({"answer", "attachment"})
POSITION_KEY = "runner_position"  # settings.extra: {"assessment", "question", "instance"}


class RunnerWidget(RunnerView):
    back_requested = Signal()
    #: the assessment shown changed (an amendment was opened) — carries its id
    opened = Signal(str)

    def __init__(self, services: Services, signals: AppSignals, lang: str) -> None:
        super().__init__(lang)
        self.services = services
        self.signals = signals
        self.lang = lang
        self.state: RunnerState | None = None
        self.writer: AnswerWriter | None = None
        self.undo_stack = QUndoStack(self)
        self.result: ScoreResult | None = None
        self.visible_keys: set[Key] = set()
        self._pages: dict[Page, SectionPage] = {}
        self._current: Key | None = None
        # a completed assessment was edited and went back to draft (the banner says so)
        self.reopened = False
        # answers or evidence changed by someone else while hidden: reloaded when shown
        self._stale = False
        self._what_if_generation = 0
        self._refresh_timer = self._timer(0, self.refresh_now)
        self._what_if_timer = self._timer(WHAT_IF_DELAY_MS, self.start_what_if)
        self._position_timer = self._timer(1000, self.save_position)
        self._connect()
        signals.language_changed.connect(self.set_language)
        signals.changed.connect(self.on_changed)

    def _timer(self, interval: int, slot: object) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer

    def _connect(self) -> None:
        self.back_button.clicked.connect(self.on_back_clicked)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.find_button.clicked.connect(self.find_bar.open)
        self.complete_button.clicked.connect(self.on_complete_clicked)
        self.sign_button.clicked.connect(self.on_sign_clicked)
        self.team_button.clicked.connect(lambda: lifecycle.edit_team(self))
        self.amend_button.clicked.connect(self.on_amend_clicked)
        self.print_report_button.clicked.connect(lambda: self.on_print_clicked(plan_only=False))
        self.print_plan_button.clicked.connect(lambda: self.on_print_clicked(plan_only=True))
        self.find_bar.found.connect(self.focus_question)
        self.gap_list.gap_activated.connect(self.on_gap_activated)
        self.navigator.place_chosen.connect(self.on_place_chosen)
        self.navigator.add_step.connect(lambda sid: steps.ask_add(self, sid))
        self.navigator.rename_step.connect(lambda sid, name: steps.ask_rename(self, sid, name))
        self.navigator.remove_step.connect(lambda sid, name: steps.ask_remove(self, sid, name))
        shortcuts = (
            (QKeySequence.StandardKey.Find, self.find_bar.open),
            (QKeySequence.StandardKey.Undo, self.undo_stack.undo),
            (QKeySequence("Ctrl+Shift+Z"), self.undo_stack.redo),
            (QKeySequence("Ctrl+Y"), self.undo_stack.redo),
        )
        for sequence, slot in shortcuts:
            shortcut = QShortcut(sequence, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # --- language ----------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        """Show every text in *lang* without reopening: the fixed texts through the installed
        translator, the checklist's own texts (and each card's choice buttons with their key
        hints) by building the cards again from the state, where the user was."""
        self.flush_notes()  # a note being typed is saved before its card is rebuilt
        self.lang = lang
        for part in (self.find_bar, self.navigator, self.score_panel, self.gap_list):
            part.set_language(lang)
        self.retranslate_view()
        if self.state is None:
            return
        current, place = self._current, self.navigator.current_place()
        self.rebuild_pages()
        lifecycle.show_status(self)
        self.refresh_now()
        if current is not None and self._has_key(current):
            self.focus_question(current)
        elif place is not None and place[1] is not None:
            self.show_page((place[0], place[1]), place[2])
        else:
            self.show_first_page()

    # --- opening -----------------------------------------------------------------------------
    def open(self, assessment_id: str, question: Key | None = None) -> None:
        """Show *assessment_id*, at *question* (or its first page)."""
        self.flush_notes()
        self.state = RunnerState.load(self.services, assessment_id)
        if self.writer is not None:
            self.writer.deleteLater()
        self.writer = AnswerWriter(self.services, self.state, self)
        self.writer.answer_changed.connect(self.on_answer_changed)
        self.writer.attachments_changed.connect(self.on_attachments_changed)
        self.undo_stack.clear()
        self.gap_list.hide()
        self._current = None
        self.reopened = False
        self._stale = False
        self.rebuild_pages()
        lifecycle.show_status(self)
        self.refresh_now()
        target = question if question is not None and self._has_key(question) else None
        if target is not None:
            self.focus_question(target)
        else:
            self.show_first_page()
        self.schedule_position()
        self.opened.emit(assessment_id)

    def on_changed(self, event: ChangeEvent) -> None:
        """Another page (the SPC page attaching an analysis, say) changed answers or evidence.

        The runner's own edits are skipped: it already shows them. A change from elsewhere is
        loaded the next time the runner shows, never under the user's typing.
        """
        if self.state is None or event.made_by(self) or event.entity not in SHOWN_TABLES:
            return
        if event.origin is Origin.SYNC and self.isVisible() and not self._stale:
            incoming.refresh(self, event)  # shown in place, the note being typed kept
            return
        self._stale = True

    def built_pages(self) -> list[SectionPage]:
        return list(self._pages.values())

    def mark_stale(self) -> None:
        self._stale = True

    def schedule_refresh(self) -> None:
        """Score again shortly (after answers changed)."""
        self._refresh_timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.state is not None:
            self.open(self.state.assessment_id, self._current)

    def _has_key(self, key: Key) -> bool:
        state = self.state
        if state is None or not state.checklist.has_question(key[0]):
            return False
        question = state.checklist.question(key[0])
        if question.repeat_section is None:
            return key[1] == ""
        return key[1] in state.instances.get(question.repeat_section, [])

    def rebuild_pages(self) -> None:
        """Forget every built page (after opening, or when steps change) and redo the tree."""
        assert self.state is not None
        for page in self._pages.values():
            self.pages.removeWidget(page)
            page.deleteLater()
        self._pages = {}
        self.navigator.rebuild(self.state.checklist, self.state.instances)
        self.navigator.set_editable(self.state.editable)
        self.find_bar.set_checklist(self.state.checklist, self.state.instances)

    def show_first_page(self) -> None:
        assert self.state is not None
        pages = pages_of(self.state.checklist, self.state.instances)
        if pages:
            self.show_page(pages[0])
            cards = self._pages[pages[0]].visible_cards()
            if cards:
                cards[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def page_widget(self, page: Page) -> SectionPage:
        """The page's cards, built on first use."""
        assert self.state is not None and self.writer is not None
        if page not in self._pages:
            widget = SectionPage(self.state.checklist, page, self.lang)
            evidence = lifecycle.load_evidence(self, page)
            note_required = self._note_required()
            for key, card in widget.cards.items():
                self._wire(card)
                card.show_answer(self.state.answers.get(key), key in note_required)
                card.show_evidence(evidence.get(key, []))
                card.set_read_only(not self.state.editable)
                card.setVisible(key in self.visible_keys)
            self.pages.addWidget(widget)
            self._pages[page] = widget
        return self._pages[page]

    def show_page(self, page: Page, anchor: str | None = None) -> SectionPage:
        widget = self.page_widget(page)
        self.pages.setCurrentWidget(widget)
        self.navigator.select(page[0], page[1], anchor or page[0])
        if anchor is not None and anchor != page[0]:
            QTimer.singleShot(0, lambda: widget.scroll_to_heading(anchor))
        return widget

    def page_of(self, key: Key) -> Page:
        assert self.state is not None
        return self.state.checklist.question(key[0]).section_path[0], key[1]

    def card(self, key: Key) -> QuestionCard:
        """The card of *key* (its page is built if needed)."""
        return self.page_widget(self.page_of(key)).cards[key]

    def focus_question(self, key: Key) -> None:
        widget = self.show_page(self.page_of(key))
        card = widget.cards.get(key)
        if card is not None:
            widget.reveal(card)
            self._current = key

    def _wire(self, card: QuestionCard) -> None:
        card.answer_edited.connect(self.on_answer_edited)
        card.note_edited.connect(self.on_note_edited)
        card.files_added.connect(self.on_files_added)
        card.remove_attachment.connect(self.on_remove_attachment)
        card.finding_requested.connect(self.on_finding_requested)
        card.next_requested.connect(self.focus_next)
        card.focused.connect(self.on_card_focused)

    # --- editing -----------------------------------------------------------------------------
    def on_answer_edited(self, key: Key, stored: StoredAnswer | None) -> None:
        if self.writer is None or self.state is None or not self.state.editable:
            return
        push_answer(
            self.undo_stack, self.writer, key, stored, self.tr("Answer %1").replace("%1", key[0])
        )

    def on_answer_changed(self, qid: str, instance: str) -> None:
        assert self.state is not None and self.writer is not None
        key = (qid, instance)
        page = self._pages.get(self.page_of(key))
        card = page.cards.get(key) if page is not None else None
        stored = self.state.answers.get(key)
        held = self.writer.held_notes.pop(key, None)
        if card is not None and held is not None:  # changed elsewhere: show it, keep the note
            card.show_answer(stored, card.note_hint.isVisible())
            card.hold_note(held, stored.note if stored is not None else "")
        elif card is not None:
            if stored is not None and card.note_text() != stored.note and card.note_text():
                self.writer.save_note(key, card.note_text())  # a note typed before answering
                return  # save_note announces the change again
            card.show_answer(stored, card.note_hint.isVisible())
        lifecycle.follow_status(self)
        self._refresh_timer.start()

    def on_note_edited(self, key: Key, note: str) -> None:
        if self.writer is not None and self.state is not None and self.state.editable:
            self.writer.save_note(key, note)

    def on_files_added(self, key: Key, files: list[tuple[bytes, str]]) -> None:
        if self.writer is not None and self.state is not None and self.state.editable:
            self.writer.add_attachments(key, files)

    def on_remove_attachment(self, key: Key, attachment_id: str) -> None:
        if self.writer is not None:
            self.writer.delete_attachment(key, attachment_id)

    def on_attachments_changed(self, qid: str, instance: str) -> None:
        key = (qid, instance)
        page = self._pages.get(self.page_of(key))
        if page is not None and key in page.cards:
            evidence: dict[Key, list[Evidence]] = lifecycle.load_evidence(self, page.page)
            page.cards[key].show_evidence(evidence.get(key, []))
            assert self.state is not None
            page.cards[key].show_answer(self.state.answers.get(key), False)
        lifecycle.follow_status(self)
        self._refresh_timer.start()

    def on_finding_requested(self, key: Key) -> None:
        lifecycle.finding_dialog(self, key).exec()

    def flush_notes(self) -> None:
        for page in self._pages.values():
            for card in page.cards.values():
                card.flush_note()

    # --- moving around -----------------------------------------------------------------------
    def on_place_chosen(self, page_id: str, instance: str, anchor: str) -> None:
        self.show_page((page_id, instance), anchor)

    def on_card_focused(self, key: Key) -> None:
        self._current = key
        self.schedule_position()

    def current_key(self) -> Key | None:
        return self._current

    def focus_next(self, key: Key) -> None:
        """Enter: the next visible question, moving on to the next page at the end of one."""
        assert self.state is not None
        if self._refresh_timer.isActive():
            self.refresh_now()  # an answer just given may show or hide what follows
        order = [
            (q.id, name)
            for page_id, name in pages_of(self.state.checklist, self.state.instances)
            for q in self.state.checklist.section(page_id).all_questions()
        ]
        if key not in order:
            return
        for candidate in order[order.index(key) + 1 :]:
            if candidate in self.visible_keys:
                self.focus_question(candidate)
                return

    def on_gap_activated(self, question: str, instance: str) -> None:
        if question:
            self.focus_question((question, instance))

    def on_back_clicked(self) -> None:
        self.flush_notes()
        self.save_position()
        self.back_requested.emit()

    # --- score, visibility, progress ---------------------------------------------------------
    def _note_required(self) -> set[Key]:
        if self.result is None:
            return set()
        return {
            (gap.question or "", gap.instance)
            for gap in self.result.gaps
            if gap.kind == "note-required"
        }

    def refresh_now(self) -> None:
        """Re-score (without the what-if), show or hide cards, update progress and gaps."""
        self._refresh_timer.stop()
        state = self.state
        if state is None:
            return
        evaluation = state.evaluation()
        self.visible_keys = set(evaluation.visible)
        self.result = score_evaluation(evaluation, with_what_if=False)
        note_required = self._note_required()
        for page in self._pages.values():
            for key, card in page.cards.items():
                if card.isHidden() == (key in self.visible_keys):
                    card.setVisible(key in self.visible_keys)
                card.set_note_required(key in note_required)
        self.navigator.set_progress(lifecycle.progress(state, self.visible_keys))
        self.score_panel.show_result(state.checklist, self.result)
        if self.gap_list.isVisible():
            self.gap_list.show_gaps(self.result.gaps)
        self._what_if_timer.start()

    def start_what_if(self) -> None:
        state = self.state
        if state is None:
            return
        self._what_if_generation += 1
        generation = self._what_if_generation
        checklist, answers = state.checklist, state.answer_set()
        run_task(
            lambda _progress: score(checklist, answers),
            on_done=lambda result: self.on_what_if_done(generation, result),
            owner=self,  # the runner may be gone when the result arrives
        )

    def on_what_if_done(self, generation: int, result: ScoreResult) -> None:
        if generation != self._what_if_generation or self.state is None:
            return  # an edit came in meanwhile; a newer run follows
        self.score_panel.show_result(self.state.checklist, result)
        lifecycle.cache_score(self, result)

    # --- status ------------------------------------------------------------------------------
    def status_text(self) -> str:
        return label(self.state.status) if self.state is not None else ""

    def on_complete_clicked(self) -> None:
        lifecycle.complete(self)

    def on_sign_clicked(self) -> None:
        lifecycle.sign_off(self)

    def on_amend_clicked(self) -> None:
        lifecycle.amend(self)

    # --- where the user was ------------------------------------------------------------------
    def on_print_clicked(self, plan_only: bool) -> None:
        if self.state is None:
            return
        from qclinic.ui.print_actions import print_report

        self.flush_notes()  # the report shows the note being typed too
        print_report(self, self.services, self.state.assessment_id, plan_only=plan_only)

    def schedule_position(self) -> None:
        self._position_timer.start()

    def save_position(self) -> None:
        self._position_timer.stop()
        if self.state is None:
            return
        current = app_settings.load()
        current.last_assessment = self.state.assessment_id
        question, instance = self._current or ("", "")
        current.extra[POSITION_KEY] = {
            "assessment": self.state.assessment_id,
            "question": question,
            "instance": instance,
        }
        app_settings.save(current)


def saved_position() -> tuple[str, Key | None] | None:
    """The assessment (and question) the runner showed last, from the settings."""
    current = app_settings.load()
    if not current.last_assessment:
        return None
    position = current.extra.get(POSITION_KEY) or {}
    if position.get("assessment") == current.last_assessment and position.get("question"):
        return current.last_assessment, (position["question"], position.get("instance", ""))
    return current.last_assessment, None
