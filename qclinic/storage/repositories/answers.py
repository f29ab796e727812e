"""Answers: the hot path — one answer saved (and committed) each time the user scores a question.

Two windows (or two QClinic instances) may edit one assessment. Writers pass the ``revision`` of
the answer their edit was based on (``0``: they saw no answer); a write whose base is no longer
current raises :class:`~qclinic.storage.errors.AnswerChanged` and changes nothing. The check and
the write run in one ``BEGIN IMMEDIATE`` transaction, so no other writer can come in between.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from qclinic.core.vocabulary import AssessmentStatus
from qclinic.storage.errors import AnswerChanged, InvalidValue
from qclinic.storage.models import Answer, Assessment, Attachment
from qclinic.storage.repositories._common import soft_delete
from qclinic.storage.repositories.assessments import reopen_after_edit, require_editable
from qclinic.storage.types import utc_now

AnswerKey = tuple[str, str]
"""(question id, repeat instance key — ``""`` when the question is not repeated)."""

STEP_PREFIX = "_step:"
"""Process steps (the instances of a repeated section, e.g. VDA 6.3 P6) are stored as answer rows
under the reserved question id ``_step:<section id>``, the step's name as instance key.

Why rows of ``answer`` rather than a new table: a step must exist before its first answer, and an
answer row already has everything a step needs — the assessment, a name unique per assessment
(the unique key), a creation time that gives the order (``answered_at``), the deletion marker,
revisions and change-log lines for the sync, the seal, and the copy into an amendment. No schema
change, and an older QClinic simply ignores a question id its checklist does not have (as it
does the ``_signature`` attachments). :func:`answers_by_key` leaves these rows out; read them
with :func:`process_steps`.
"""


def step_question_id(section_id: str) -> str:
    """The reserved question id under which the steps of *section_id* are stored."""
    return STEP_PREFIX + section_id


def _find(
    session: Session, assessment_id: str, question_id: str, instance_key: str
) -> Answer | None:
    query = select(Answer).where(
        Answer.assessment_id == assessment_id,
        Answer.question_id == question_id,
        Answer.instance_key == instance_key,
    )
    return session.execute(query).scalar_one_or_none()


def _find_in_editable(
    session: Session, assessment_id: str, question_id: str, instance_key: str
) -> tuple[Answer | None, bool]:
    """The stored answer (or ``None``) after checking the assessment is editable, in one query,
    and whether the assessment is completed (an edit sends it back to draft)."""
    query = (
        select(Assessment.status, Assessment.deleted_at, Answer)
        .outerjoin(
            Answer,
            and_(
                Answer.assessment_id == Assessment.id,
                Answer.question_id == question_id,
                Answer.instance_key == instance_key,
            ),
        )
        .where(Assessment.id == assessment_id)
    )
    row = session.execute(query).one_or_none()
    if row is None or row.deleted_at is not None or row.status == AssessmentStatus.SIGNED:
        require_editable(session, assessment_id)  # raises the right error
    assert row is not None
    return row.Answer, row.status == AssessmentStatus.COMPLETED


def live_revision(answer: Answer | None) -> int:
    """The revision a writer must name as its base: 0 for no answer (or a cleared one)."""
    return 0 if answer is None or answer.deleted_at is not None else answer.revision


def _check_base(answer: Answer | None, question_id: str, base_revision: int | None) -> None:
    if base_revision is None or live_revision(answer) == base_revision:
        return
    live = answer is not None and answer.deleted_at is None
    raise AnswerChanged(
        question_id,
        value=answer.value if live and answer else None,
        is_na=bool(answer.is_na) if live and answer else False,
        note=(answer.note or "") if live and answer else "",
        revision=live_revision(answer),
        live=live,
    )


def save_answer(
    session: Session,
    assessment_id: str,
    question_id: str,
    value: Any,
    *,
    instance_key: str = "",
    is_na: bool = False,
    note: str | None = None,
    answered_at: datetime | None = None,
    base_revision: int | None = None,
) -> Answer:
    """Insert or update the answer to one question (instance) of an unsigned assessment.

    Saving the same value, N/A flag and note again changes nothing (no new revision). A cleared
    answer that is answered again comes back to life with a new revision. A real change to a
    completed assessment sends it back to draft (:func:`reopen_after_edit`).

    Args:
        session: A write session; commit it (the ``Database.session()`` block does) to persist.
        assessment_id: The assessment.
        question_id: The checklist's question id.
        value: Any JSON-serialisable value (the scoring code decides what it means).
        instance_key: Which repeat of a repeated question; ``""`` when not repeated.
        is_na: The question does not apply.
        note: The consultant's note; ``None`` keeps the note already saved (``""`` clears it).
        answered_at: When it was answered (UTC-aware); now by default.
        base_revision: The revision the edit was based on (0: no answer); ``None`` skips the check.

    Raises:
        AnswerChanged: *base_revision* is no longer the stored revision; nothing was written.
        RecordLocked: The assessment is signed.
        NotFound: No such live assessment.
    """
    answer, completed = _find_in_editable(session, assessment_id, question_id, instance_key)
    _check_base(answer, question_id, base_revision)
    if answer is None:
        if completed:
            reopen_after_edit(session, assessment_id)
        answer = Answer(
            assessment_id=assessment_id,
            question_id=question_id,
            instance_key=instance_key,
            value=value,
            is_na=is_na,
            note=note or "",
            answered_at=answered_at or utc_now(),
        )
        session.add(answer)
        return answer
    if note is None:
        note = answer.note
    if (answer.value, answer.is_na, answer.note, answer.deleted_at) != (value, is_na, note, None):
        if completed:
            reopen_after_edit(session, assessment_id)
        answer.value = value
        answer.is_na = is_na
        answer.note = note
        answer.deleted_at = None
        answer.answered_at = answered_at or utc_now()
    return answer


def save_note(
    session: Session,
    assessment_id: str,
    question_id: str,
    note: str,
    *,
    instance_key: str = "",
    base_revision: int | None = None,
) -> Answer:
    """Change only the note of an existing answer: the value and N/A flag are never rewritten.

    Raises:
        AnswerChanged: The answer changed since *base_revision*, or there is no answer to hold
            the note; nothing was written.
        RecordLocked: The assessment is signed.
    """
    answer, completed = _find_in_editable(session, assessment_id, question_id, instance_key)
    _check_base(answer, question_id, base_revision)
    if answer is None or answer.deleted_at is not None:  # no answer (any more) to hold the note
        raise AnswerChanged(question_id, value=None, is_na=False, note="", revision=0, live=False)
    if answer.note != note:
        if completed:
            reopen_after_edit(session, assessment_id)
        answer.note = note
    return answer


def clear_answer(
    session: Session,
    assessment_id: str,
    question_id: str,
    *,
    instance_key: str = "",
    base_revision: int | None = None,
) -> None:
    """Remove an answer (tombstoned, so the removal syncs) from an unsigned assessment.

    Raises:
        AnswerChanged: The answer changed since *base_revision*; nothing was written.
    """
    require_editable(session, assessment_id)
    answer = _find(session, assessment_id, question_id, instance_key)
    _check_base(answer, question_id, base_revision)
    if answer is not None and answer.deleted_at is None:
        reopen_after_edit(session, assessment_id)
        soft_delete(answer)


def answers_by_key(session: Session, assessment_id: str) -> dict[AnswerKey, Answer]:
    """All live answers of an assessment keyed ``(question_id, instance_key)``.

    The rows that record process steps (:data:`STEP_PREFIX`) are not answers and are left out.
    """
    query = select(Answer).where(Answer.assessment_id == assessment_id, Answer.deleted_at.is_(None))
    return {
        (answer.question_id, answer.instance_key): answer
        for answer in session.scalars(query)
        if not answer.question_id.startswith(STEP_PREFIX)
    }


def process_steps(session: Session, assessment_id: str) -> dict[str, list[str]]:
    """The stored process steps of each repeated section (section id → names, in creation order)."""
    query = (
        select(Answer.question_id, Answer.instance_key)
        .where(
            Answer.assessment_id == assessment_id,
            Answer.deleted_at.is_(None),
            Answer.question_id.startswith(STEP_PREFIX, autoescape=True),
        )
        .order_by(Answer.answered_at, Answer.id)
    )
    steps: dict[str, list[str]] = {}
    for question_id, name in session.execute(query):
        steps.setdefault(question_id[len(STEP_PREFIX) :], []).append(name)
    return steps


def add_instance(session: Session, assessment_id: str, section_id: str, name: str) -> Answer:
    """Record a new process step of *section_id* at once, before any of its questions is answered.

    A step of that name removed before comes back (its tombstone is revived), so the unique key
    never collides.

    Raises:
        InvalidValue: *name* is empty, or the section already has a live step of that name.
        RecordLocked: The assessment is signed.
    """
    name = name.strip()
    if not name:
        raise InvalidValue("A process step needs a name.\n过程步骤需要名称。")
    question_id = step_question_id(section_id)
    row, completed = _find_in_editable(session, assessment_id, question_id, name)
    if row is not None and row.deleted_at is None:
        raise InvalidValue(
            f"There is already a step called {name!r}.\n已有名为“{name}”的过程步骤。"
        )
    if completed:
        reopen_after_edit(session, assessment_id)
    if row is None:
        row = Answer(
            assessment_id=assessment_id,
            question_id=question_id,
            instance_key=name,
            value=None,
            answered_at=utc_now(),
        )
        session.add(row)
    else:
        row.deleted_at, row.answered_at = None, utc_now()
    session.flush()
    return row


def answer_values(session: Session, assessment_id: str) -> dict[AnswerKey, dict[str, Any]]:
    """All live answers as plain dicts (``value``, ``is_na``, ``note``) for the scoring code."""
    return {
        key: {"value": answer.value, "is_na": answer.is_na, "note": answer.note}
        for key, answer in answers_by_key(session, assessment_id).items()
    }


def rename_instance(
    session: Session,
    assessment_id: str,
    question_ids: Iterable[str],
    old_key: str,
    new_key: str,
) -> int:
    """Rename a repeat instance (a process step): its answers and their attachments follow.

    Pass :func:`step_question_id` among *question_ids* to rename the stored step too. A completed
    assessment goes back to draft. A tombstoned answer already holding *new_key* (a step of that name was removed before) takes
    the renamed answer's content, so the unique key never collides. Returns how many answers moved.

    Raises:
        InvalidValue: *new_key* is empty, or a live answer already uses it.
        RecordLocked: The assessment is signed.
    """
    require_editable(session, assessment_id)
    ids = list(question_ids)
    if not new_key.strip():
        raise InvalidValue("A process step needs a name.\n过程步骤需要名称。")
    rows = {
        (answer.question_id, answer.instance_key): answer
        for answer in session.scalars(
            select(Answer).where(
                Answer.assessment_id == assessment_id,
                Answer.question_id.in_(ids),
                Answer.instance_key.in_([old_key, new_key]),
            )
        )
    }
    if any(key[1] == new_key and row.deleted_at is None for key, row in rows.items()):
        raise InvalidValue(
            f"There is already a step called {new_key!r}.\n已有名为“{new_key}”的过程步骤。"
        )
    reopen_after_edit(session, assessment_id)
    moved = 0
    for (question_id, instance), answer in list(rows.items()):
        if instance != old_key or answer.deleted_at is not None:
            continue
        target = rows.get((question_id, new_key))
        if target is not None:  # revive the old tombstone under the new name
            target.value, target.is_na, target.note = answer.value, answer.is_na, answer.note
            target.answered_at, target.deleted_at = answer.answered_at, None
            soft_delete(answer)
        else:
            answer.instance_key = new_key
        moved += 1
    attachments = select(Attachment).where(
        Attachment.assessment_id == assessment_id,
        Attachment.question_id.in_(ids),
        Attachment.instance_key == old_key,
        Attachment.deleted_at.is_(None),
    )
    for attachment in session.scalars(attachments):
        attachment.instance_key = new_key
    session.flush()
    return moved


def clear_instance(
    session: Session, assessment_id: str, question_ids: Iterable[str], instance_key: str
) -> None:
    """Remove a repeat instance: its answers and attachments are tombstoned (pass
    :func:`step_question_id` among *question_ids* to remove the stored step too). A completed
    assessment goes back to draft."""
    require_editable(session, assessment_id)
    reopen_after_edit(session, assessment_id)
    ids = list(question_ids)
    for answer in session.scalars(
        select(Answer).where(
            Answer.assessment_id == assessment_id,
            Answer.question_id.in_(ids),
            Answer.instance_key == instance_key,
            Answer.deleted_at.is_(None),
        )
    ):
        soft_delete(answer)
    for attachment in session.scalars(
        select(Attachment).where(
            Attachment.assessment_id == assessment_id,
            Attachment.question_id.in_(ids),
            Attachment.instance_key == instance_key,
            Attachment.deleted_at.is_(None),
        )
    ):
        soft_delete(attachment)
    session.flush()
