"""What the runner knows about the open assessment: its frozen checklist and the stored answers.

Loaded once when the runner opens; :class:`~qclinic.ui.runner.writer.AnswerWriter` keeps it in step
with the database after each commit, so scoring never has to re-read the rows.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from qclinic.core.checklists import NA, Checklist, Question
from qclinic.core.scoring import Answer, AnswerSet, Evaluation
from qclinic.core.vocabulary import AssessmentStatus
from qclinic.storage.assessment_scoring import load_checklist
from qclinic.storage.database import Database
from qclinic.storage.repositories.answers import answers_by_key, process_steps
from qclinic.storage.repositories.assessments import get_assessment
from qclinic.storage.repositories.attachments import list_attachments
from qclinic.storage.repositories.organizations import get_organization

Key = tuple[str, str]


@dataclass(frozen=True)
class StoredAnswer:
    """One answer as stored: the value (JSON), whether it is N/A, and the note."""

    value: object
    is_na: bool = False
    note: str = ""
    #: The stored row's revision (0: none); writes name it as their base. Not part of equality.
    revision: int = field(default=0, compare=False)


@dataclass
class RunnerState:
    assessment_id: str
    checklist: Checklist
    title: str
    organization: str
    status: AssessmentStatus
    revision_no: int = 1
    organization_deleted: bool = False  # its assessments stay readable and editable
    score_percent: float | None = None  # the score cached on the assessment row
    grade: str | None = None
    answers: dict[Key, StoredAnswer] = field(default_factory=dict)
    photos: Counter[Key] = field(default_factory=Counter)
    #: the process steps of each repeated section, in the order the user sees them
    instances: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, database: Database, assessment_id: str) -> RunnerState:
        with database.read_session() as session:
            assessment = get_assessment(session, assessment_id)
            checklist = load_checklist(session, assessment_id)
            organization = get_organization(
                session, assessment.organization_id, include_deleted=True
            )
            rows = answers_by_key(session, assessment_id)
            stored_steps = process_steps(session, assessment_id)
            photos = Counter(
                (row.question_id or "", row.instance_key or "")
                for row in list_attachments(session, assessment_id=assessment_id)
                if row.question_id
            )
        state = cls(
            assessment_id=assessment_id,
            checklist=checklist,
            title=assessment.title,
            organization=organization.name,
            organization_deleted=organization.deleted_at is not None,
            status=assessment.status,
            revision_no=assessment.revision_no,
            score_percent=assessment.score_percent,
            grade=assessment.grade,
            answers={
                key: StoredAnswer(row.value, row.is_na, row.note or "", row.revision)
                for key, row in sorted(rows.items(), key=lambda item: item[1].answered_at)
            },
            photos=photos,
        )
        for section in checklist.repeated_sections():
            # the stored steps (also those with no answer yet), then any only answers mention
            names: list[str] = list(stored_steps.get(section.id, []))
            ids = {q.id for q in section.all_questions()}
            for qid, instance in [*state.answers, *photos]:
                if qid in ids and instance and instance not in names:
                    names.append(instance)
            state.instances[section.id] = names
        return state

    @property
    def editable(self) -> bool:
        return self.status is not AssessmentStatus.SIGNED

    def answer_set(self) -> AnswerSet:
        """The answers as scoring takes them (unanswered notes and values left out)."""
        answers: dict[Key, Answer] = {}
        for key, stored in self.answers.items():
            if stored.is_na:
                answers[key] = Answer(NA, stored.note, self.photos.get(key, 0))
            elif stored.value is not None:
                answers[key] = Answer(stored.value, stored.note, self.photos.get(key, 0))
        return AnswerSet(answers, {sid: tuple(names) for sid, names in self.instances.items()})

    def evaluation(self) -> Evaluation:
        return Evaluation(self.checklist, self.answer_set())

    def is_answered(self, question: Question, instance: str) -> bool:
        key = (question.id, instance)
        stored = self.answers.get(key)
        if question.type == "photo":
            return self.photos.get(key, 0) > 0
        return stored is not None and (stored.is_na or stored.value is not None)
