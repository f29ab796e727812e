"""The runner's less frequent work: status and banner, completion, sign-off, amendment,
findings, evidence thumbnails, section progress and the cached score.

Functions over a :class:`~qclinic.ui.runner.runner_widget.RunnerWidget`, kept apart so the widget
module stays about moving around and editing.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from qclinic.core.scoring import BLOCKING, ScoreResult
from qclinic.core.vocabulary import AssessmentStatus
from qclinic.ui.errors import show_error
from qclinic.ui.labels import label
from qclinic.ui.runner.evidence_tiles import Evidence
from qclinic.ui.runner.finding_dialog import FindingDialog
from qclinic.ui.runner.section_page import Page
from qclinic.ui.runner.state import Key, RunnerState

if TYPE_CHECKING:
    from qclinic.ui.runner.runner_widget import RunnerWidget


def show_status(runner: RunnerWidget) -> None:
    state = runner.state
    assert state is not None
    revision = (
        " · "
        + QCoreApplication.translate("runner", "revision %1").replace("%1", str(state.revision_no))
        if state.revision_no > 1
        else ""
    )
    organization = state.organization
    if state.organization_deleted:
        organization = QCoreApplication.translate("runner", "%1 (deleted)").replace(
            "%1", organization
        )
    runner.title_label.setText(f"{organization} · {state.title}{revision}")
    runner.title_label.setToolTip(state.checklist.title.get(runner.lang))
    runner.status_label.setText(label(state.status))
    signed = state.status is AssessmentStatus.SIGNED
    runner.banner.setText(
        QCoreApplication.translate(
            "runner",
            "This assessment is signed and read-only. To correct it, use Amend: a new draft "
            "revision is made with the same answers, findings and actions.",
        )
    )
    reopened = runner.reopened and state.status is AssessmentStatus.DRAFT
    if reopened:
        runner.banner.setText(
            QCoreApplication.translate(
                "runner",
                "This assessment was completed and has been changed since: it is a draft again. "
                "Complete it again to re-check the gaps before signing off.",
            )
        )
    runner.banner.setVisible(signed or reopened)
    problem = _seal_problem(runner) if signed else ""
    if problem:
        runner.banner.setText(
            QCoreApplication.translate(
                "runner",
                "Warning: this signed assessment was changed after it was signed, outside "
                "QClinic (%1). What it shows now is not what was signed: restore the database "
                "from a backup, or have it checked. It cannot be printed until then.",
            ).replace("%1", problem)
        )
    runner.banner.setStyleSheet(_ALERT if problem else "")
    runner.complete_button.setVisible(state.status is AssessmentStatus.DRAFT)
    runner.sign_button.setVisible(state.status is AssessmentStatus.COMPLETED)
    runner.amend_button.setVisible(signed)
    runner.team_button.setVisible(not signed)
    runner.undo_button.setVisible(not signed)
    runner.redo_button.setVisible(not signed)


_ALERT = "background: #fde7e9; border: 1px solid #b3261e; color: #8c1d18; padding: 6px 10px;"


def follow_status(runner: RunnerWidget) -> None:
    """After an edit: a completed assessment the edit sent back to draft is shown as a draft.

    The answer repository makes the move in the edit's own transaction; the status is read back
    rather than guessed, since an edit that changed nothing leaves the assessment completed.
    """
    state = runner.state
    if state is None or state.status is not AssessmentStatus.COMPLETED:
        return
    now = runner.services.assessments.status(state.assessment_id)
    if now is state.status:
        return
    state.status = now
    runner.reopened = True
    runner.gap_list.hide()
    show_status(runner)


def _seal_problem(runner: RunnerWidget) -> str:
    """What differs from the seal of the signed assessment shown ("" when it is intact)."""
    state = runner.state
    assert state is not None
    differences = runner.services.assessments.seal_problems(state.assessment_id)
    more = len(differences) - 3
    return "; ".join(differences[:3]) + (f"; +{more}" if more > 0 else "")


def edit_team(runner: RunnerWidget) -> bool:
    """The *Team…* dialog for the assessment shown; ``True`` when a changed team was saved."""
    from qclinic.ui.team_editor import TeamDialog  # loaded when needed

    state = runner.state
    if state is None:
        return False
    dialog = TeamDialog(runner.services, runner.signals, state.assessment_id, runner)
    return dialog.exec() == TeamDialog.DialogCode.Accepted


def complete(runner: RunnerWidget) -> bool:
    """The completion check; completes the assessment when nothing blocks it."""
    state = runner.state
    if state is None or state.status is not AssessmentStatus.DRAFT:
        return False
    runner.flush_notes()
    runner.refresh_now()
    assert runner.result is not None
    runner.gap_list.show_gaps(runner.result.gaps)
    runner.gap_list.show()
    if any(gap.kind in BLOCKING for gap in runner.result.gaps):
        return False
    from qclinic.services.assessments import GapsBlock

    try:
        result = runner.services.assessments.complete(state.assessment_id, source=runner)
    except GapsBlock as exc:  # the stored answers have gaps the screen did not (another window)
        runner.gap_list.show_gaps(exc.gaps)
        show_error(exc, runner)
        return False
    except Exception as exc:
        show_error(exc, runner)
        return False
    state.status = AssessmentStatus.COMPLETED
    state.score_percent = round(result.percent, 4) if result.percent is not None else None
    state.grade = result.grade
    runner.reopened = False
    show_status(runner)
    return True


def sign_off(runner: RunnerWidget) -> bool:
    state = runner.state
    if state is None:
        return False
    from qclinic.ui.signoff_dialog import run_sign_off  # written alongside; loaded when needed

    if not run_sign_off(runner, runner.services, runner.signals, state.assessment_id):
        return False
    runner.open(state.assessment_id)
    return True


def amend(runner: RunnerWidget) -> str | None:
    """After confirmation, make a new draft revision of the signed assessment and open it."""
    state = runner.state
    if state is None:
        return None
    from qclinic.ui.signoff_dialog import confirm_amend  # loaded when needed

    if not confirm_amend(runner):
        return None
    try:
        amendment_id = runner.services.assessments.amend(state.assessment_id, source=runner)
    except Exception as exc:
        show_error(exc, runner)
        return None
    runner.open(amendment_id)
    return amendment_id


def finding_dialog(runner: RunnerWidget, key: Key) -> FindingDialog:
    assert runner.state is not None
    return FindingDialog(
        runner.services,
        runner.signals,
        runner.state.assessment_id,
        runner.state.checklist.question(key[0]),
        key[1],
        runner.lang,
        runner,
    )


def load_evidence(runner: RunnerWidget, page: Page) -> dict[Key, list[Evidence]]:
    """The attachments of the questions on *page*; image bytes are read for thumbnails, and
    analysis results for the figures their tiles show."""
    state = runner.state
    assert state is not None
    if not any(count for (_q, instance), count in state.photos.items() if instance == page[1]):
        return {}
    ids = [q.id for q in state.checklist.section(page[0]).all_questions()]
    out: dict[Key, list[Evidence]] = {}
    for file in runner.services.answers.evidence(
        state.assessment_id, instance_key=page[1], question_ids=ids
    ):
        evidence = Evidence(file.id, file.file_name, file.data, file.mime_type, file.missing)
        out.setdefault((file.question_id, page[1]), []).append(evidence)
    return out


def progress(state: RunnerState, visible: set[Key]) -> dict[tuple[str, str], tuple[int, int]]:
    """(section id, instance) → (answered, total) over the visible questions below it."""
    total: Counter[tuple[str, str]] = Counter()
    answered: Counter[tuple[str, str]] = Counter()
    for question in state.checklist.questions():
        names = (
            [""]
            if question.repeat_section is None
            else state.instances.get(question.repeat_section, [])
        )
        for name in names:
            if (question.id, name) not in visible:
                continue
            done = state.is_answered(question, name)
            for section_id in question.section_path:
                total[(section_id, name)] += 1
                answered[(section_id, name)] += done
    return {key: (answered[key], count) for key, count in total.items()}


def cache_score(runner: RunnerWidget, result: ScoreResult) -> None:
    """Keep the assessment row's percentage and grade current for lists and reports."""
    state = runner.state
    if state is None or not state.editable:
        return
    percent = round(result.percent, 4) if result.percent is not None else None
    if (percent, result.grade) == (state.score_percent, state.grade):
        return
    try:
        runner.services.assessments.record_score(
            state.assessment_id, percent, result.grade, source=runner
        )
    except Exception as exc:
        show_error(exc, runner)
        return
    state.score_percent, state.grade = percent, result.grade
