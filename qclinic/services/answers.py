"""Answering an assessment: values, notes, evidence files and process steps.

Every write names the answer's revision it was based on (``0``: no answer); when another window
or program changed the answer meanwhile, storage raises
:class:`~qclinic.storage.errors.AnswerChanged` inside the transaction and nothing is written. A
real change to a *completed* assessment sends it back to draft in the same transaction (the
storage rule :func:`~qclinic.storage.repositories.assessments.reopen_after_edit`); its status
change is announced with the answer's event.

The hot path is :meth:`AnswerService.save_answer`: one short transaction (``benchmarks/
bench_answer_commit.py``, median ≤ 5 ms from the key press to the durable row).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from qclinic.core.catalogue import text
from qclinic.errors import UserError
from qclinic.services.base import Service
from qclinic.storage.errors import AnswerChanged

__all__ = ["ANALYSIS_MIME", "AnswerChanged", "AnswerService", "EvidenceFile", "PhotosAdded"]

#: evidence that is an SPC/MSA analysis result (its tile draws the figure from the JSON)
ANALYSIS_MIME = "application/vnd.qclinic.analysis+json"


@dataclass(frozen=True, slots=True)
class EvidenceFile:
    """One evidence file of an answer, with its bytes when a tile shows them (images, analyses)."""

    id: str
    question_id: str
    instance_key: str
    file_name: str
    mime_type: str
    data: bytes = b""
    #: the bytes are not on this computer yet (pulled before its blob arrived): incomplete
    missing: bool = False


@dataclass(frozen=True, slots=True)
class PhotosAdded:
    """What :meth:`AnswerService.add_photos` stored."""

    attachment_ids: tuple[str, ...]
    #: the revision of the answer the files created (a photo question is answered by its
    #: evidence), or ``None`` when no answer was written
    answer_revision: int | None = None


class AnswerService(Service):
    """Answers, notes, evidence and process steps of unsigned assessments."""

    # --- values and notes --------------------------------------------------------------------
    def save_answer(
        self,
        assessment_id: str,
        question_id: str,
        value: Any,
        *,
        instance_key: str = "",
        is_na: bool = False,
        base_revision: int | None = None,
        source: object | None = None,
    ) -> int:
        """Store the value (or N/A) of one question; the note is left as it is.

        Returns:
            The stored answer's revision, the base of the next edit.

        Raises:
            AnswerChanged: The answer changed since *base_revision*; nothing was written.
            RecordLocked: The assessment is signed.
        """
        from qclinic.storage.repositories.answers import save_answer

        with self._writing(source) as session:
            saved = save_answer(
                session,
                assessment_id,
                question_id,
                None if is_na else value,
                instance_key=instance_key,
                is_na=is_na,
                note=None,
                base_revision=base_revision,
            )
            session.flush()
            return saved.revision

    def clear_answer(
        self,
        assessment_id: str,
        question_id: str,
        *,
        instance_key: str = "",
        base_revision: int | None = None,
        source: object | None = None,
    ) -> None:
        """Remove the answer of one question (tombstoned, so the removal syncs).

        Raises:
            AnswerChanged: The answer changed since *base_revision*; nothing was written.
        """
        from qclinic.storage.repositories.answers import clear_answer

        with self._writing(source) as session:
            clear_answer(
                session,
                assessment_id,
                question_id,
                instance_key=instance_key,
                base_revision=base_revision,
            )

    def save_note(
        self,
        assessment_id: str,
        question_id: str,
        note: str,
        *,
        instance_key: str = "",
        base_revision: int | None = None,
        source: object | None = None,
    ) -> int:
        """Change only the note of an existing answer (the value is never rewritten).

        Returns:
            The answer's revision after the change.

        Raises:
            AnswerChanged: The answer changed since *base_revision*, or there is no answer to
                hold the note; nothing was written.
        """
        from qclinic.storage.repositories.answers import save_note

        with self._writing(source) as session:
            saved = save_note(
                session,
                assessment_id,
                question_id,
                note,
                instance_key=instance_key,
                base_revision=base_revision,
            )
            session.flush()
            return saved.revision

    # --- evidence ----------------------------------------------------------------------------
    def add_photos(
        self,
        assessment_id: str,
        question_id: str,
        files: Sequence[tuple[bytes, str]],
        *,
        instance_key: str = "",
        answers_question: bool = False,
        source: object | None = None,
    ) -> PhotosAdded:
        """Attach evidence files (bytes, file name) to one answer, in one transaction.

        Args:
            answers_question: The question is answered by its evidence (a photo question): when
                it has no answer yet, one is stored holding the first file's name.

        Raises:
            UserError: No file was given.
            RecordLocked: The assessment is signed.
        """
        from qclinic.storage.repositories.answers import answers_by_key, save_answer
        from qclinic.storage.repositories.attachments import add_attachment

        if not files:
            raise UserError(text("answers.no_files"))
        key = (question_id, instance_key)
        with self._writing(source) as session:
            ids = tuple(
                add_attachment(
                    session,
                    self._database.blobs,
                    data,
                    name,
                    assessment_id=assessment_id,
                    question_id=question_id,
                    instance_key=instance_key,
                ).id
                for data, name in files
            )
            revision = None
            if answers_question and key not in answers_by_key(session, assessment_id):
                answer = save_answer(
                    session, assessment_id, question_id, files[0][1], instance_key=instance_key
                )
                session.flush()
                revision = answer.revision
            return PhotosAdded(ids, revision)

    def remove_photo(self, attachment_id: str, *, source: object | None = None) -> None:
        """Remove one evidence file of an unsigned assessment (its blob stays for the sync)."""
        from qclinic.storage.repositories.attachments import delete_attachment

        with self._writing(source) as session:
            delete_attachment(session, attachment_id)

    def evidence(
        self, assessment_id: str, *, instance_key: str, question_ids: Sequence[str]
    ) -> list[EvidenceFile]:
        """The evidence of *question_ids* (one instance), oldest first; images and analysis
        results come with their bytes (a file missing from the store reads as empty)."""
        from qclinic.storage.repositories.attachments import list_attachments

        wanted = set(question_ids)
        with self._reading() as session:
            rows = list_attachments(session, assessment_id=assessment_id, instance_key=instance_key)
            found = [
                (row.id, row.question_id or "", row.file_name, row.mime_type, row.sha256)
                for row in rows
                if row.question_id in wanted
            ]
        out = []
        blobs = self._database.blobs
        for row_id, question_id, file_name, mime_type, sha256 in found:
            data = b""
            missing = not blobs.contains(sha256)
            if mime_type.startswith("image/") or mime_type == ANALYSIS_MIME:
                try:
                    data = self._database.blobs.read_bytes(sha256)
                except OSError:
                    data = b""
            out.append(
                EvidenceFile(row_id, question_id, instance_key, file_name, mime_type, data, missing)
            )
        return out

    # --- process steps (the instances of a repeated section, VDA 6.3 P6) ---------------------
    def add_step(
        self, assessment_id: str, section_id: str, name: str, *, source: object | None = None
    ) -> str:
        """Record a new process step at once, before any of its questions is answered.

        Returns:
            The step's name as stored (trimmed).

        Raises:
            UserError: The name is empty, or the section already has a step of that name.
        """
        from qclinic.storage.repositories.answers import add_instance, process_steps

        name = _step_name(name)
        with self._writing(source) as session:
            if name in process_steps(session, assessment_id).get(section_id, []):
                raise UserError(text("answers.step_exists", name=name))
            add_instance(session, assessment_id, section_id, name)
        return name

    def rename_step(
        self,
        assessment_id: str,
        section_id: str,
        old: str,
        new: str,
        *,
        question_ids: Sequence[str],
        source: object | None = None,
    ) -> str:
        """Rename a process step: the step, its answers and their evidence follow.

        Args:
            question_ids: The questions of the repeated section (the caller's frozen checklist).

        Returns:
            The new name as stored (trimmed).

        Raises:
            UserError: The new name is empty or already used by another step of the section.
        """
        from qclinic.storage.repositories.answers import (
            process_steps,
            rename_instance,
            step_question_id,
        )

        new = _step_name(new)
        with self._writing(source) as session:
            if new != old and new in process_steps(session, assessment_id).get(section_id, []):
                raise UserError(text("answers.step_exists", name=new))
            ids = [*question_ids, step_question_id(section_id)]
            rename_instance(session, assessment_id, ids, old, new)
        return new

    def remove_step(
        self,
        assessment_id: str,
        section_id: str,
        name: str,
        *,
        question_ids: Sequence[str],
        source: object | None = None,
    ) -> None:
        """Remove a process step with its answers and evidence (tombstoned, so it syncs)."""
        from qclinic.storage.repositories.answers import clear_instance, step_question_id

        with self._writing(source) as session:
            ids = [*question_ids, step_question_id(section_id)]
            clear_instance(session, assessment_id, ids, name)


def _step_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise UserError(text("answers.step_name_required"))
    return name
