"""Process steps of a repeated section (VDA 6.3 P6): add, rename, remove.

Adding, renaming and removing a step are committed at once through the answer service (the
storage keeps a step as a row under a reserved question id, so a step with no answer yet is still
there when the assessment is reopened). Removing tombstones the step with its
answers and photos (the deletion marker), after asking when it holds any.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox

from qclinic.core.catalogue import text
from qclinic.errors import UserError
from qclinic.ui.errors import show_error
from qclinic.ui.runner import lifecycle

if TYPE_CHECKING:
    from qclinic.ui.runner.runner_widget import RunnerWidget


def _question_ids(runner: RunnerWidget, section_id: str) -> list[str]:
    assert runner.state is not None
    return [q.id for q in runner.state.checklist.section(section_id).all_questions()]


def _label(runner: RunnerWidget, section_id: str) -> str:
    assert runner.state is not None
    repeat = runner.state.checklist.section(section_id).repeat
    return repeat.label.get(runner.lang) if repeat is not None else ""


def ask_add(runner: RunnerWidget, section_id: str) -> None:
    name, ok = QInputDialog.getText(
        runner,
        QCoreApplication.translate("runner", "Add %1").replace("%1", _label(runner, section_id)),
        QCoreApplication.translate("runner", "Name (e.g. moulding, welding, assembly):"),
    )
    if ok:
        add_step(runner, section_id, name)


def add_step(runner: RunnerWidget, section_id: str, name: str) -> bool:
    state = runner.state
    assert state is not None
    names = state.instances.setdefault(section_id, [])
    if not name.strip():
        return False
    if name.strip() in names:  # also a step only its answers name (none stored for it)
        show_error(UserError(text("answers.step_exists", name=name.strip())), runner)
        return False
    try:
        name = runner.services.answers.add_step(
            state.assessment_id, section_id, name, source=runner
        )
    except Exception as exc:
        show_error(exc, runner)
        return False
    names.append(name)
    _changed(runner)
    first = state.checklist.section(section_id).all_questions()
    question = next(first, None)
    if question is not None:
        runner.focus_question((question.id, name))
    return True


def ask_rename(runner: RunnerWidget, section_id: str, old: str) -> None:
    name, ok = QInputDialog.getText(
        runner,
        QCoreApplication.translate("runner", "Rename %1").replace("%1", _label(runner, section_id)),
        QCoreApplication.translate("runner", "New name:"),
        text=old,
    )
    if ok and name.strip() and name.strip() != old:
        rename_step(runner, section_id, old, name.strip())


def rename_step(runner: RunnerWidget, section_id: str, old: str, new: str) -> bool:
    state = runner.state
    assert state is not None
    ids = _question_ids(runner, section_id)
    if new in state.instances.get(section_id, []):
        return False
    try:
        runner.services.answers.rename_step(
            state.assessment_id, section_id, old, new, question_ids=ids, source=runner
        )
    except Exception as exc:
        show_error(exc, runner)
        return False
    for store in (state.answers, state.photos):
        for key in [k for k in store if k[1] == old and k[0] in ids]:
            store[(key[0], new)] = store.pop(key)  # type: ignore[index]
    names = state.instances[section_id]
    names[names.index(old)] = new
    _changed(runner)
    runner.focus_question((ids[0], new))
    return True


def ask_remove(runner: RunnerWidget, section_id: str, name: str) -> None:
    """Remove the step *name*, asking first when it holds answers or photos."""
    assert runner.state is not None
    ids = set(_question_ids(runner, section_id))
    state = runner.state
    holds = any(k[1] == name and k[0] in ids for k in [*state.answers, *state.photos])
    if not holds:
        remove_step(runner, section_id, name)
        return
    answer = QMessageBox.question(
        runner,
        QCoreApplication.translate("runner", "Remove %1").replace("%1", _label(runner, section_id)),
        QCoreApplication.translate(
            "runner", "Remove “%1” with all its answers and photos?"
        ).replace("%1", name),
    )
    if answer == QMessageBox.StandardButton.Yes:
        remove_step(runner, section_id, name)


def remove_step(runner: RunnerWidget, section_id: str, name: str) -> bool:
    state = runner.state
    assert state is not None
    ids = _question_ids(runner, section_id)
    try:
        runner.services.answers.remove_step(
            state.assessment_id, section_id, name, question_ids=ids, source=runner
        )
    except Exception as exc:
        show_error(exc, runner)
        return False
    for store in (state.answers, state.photos):
        for key in [k for k in store if k[1] == name and k[0] in ids]:
            del store[key]  # type: ignore[attr-defined]
    state.instances[section_id].remove(name)
    _changed(runner)
    runner.show_first_page()
    return True


def _changed(runner: RunnerWidget) -> None:
    runner.undo_stack.clear()  # commands hold keys of the old step names
    lifecycle.follow_status(runner)  # a completed assessment went back to draft
    runner.rebuild_pages()
    runner.refresh_now()
