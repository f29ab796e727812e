"""What the runner knows about the open assessment: its frozen checklist and the stored answers.

Loaded once when the runner opens, from the assessment's snapshot (``services.snapshots``);
:class:`~qclinic.ui.runner.writer.AnswerWriter` keeps it in step with the database after each
commit, so scoring never has to re-read the rows. Its answer set comes from the one builder the
scoring and the reports use (:func:`~qclinic.core.scoring.answer_set.build_answer_set`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from qclinic.core.checklists import Checklist, Question
from qclinic.core.scoring import AnswerSet, Evaluation
from qclinic.core.scoring.answer_set import Evidence, Recorded, build_answer_set
from qclinic.core.vocabulary import AssessmentStatus

if TYPE_CHECKING:
    from qclinic.services import Services
    from qclinic.storage.snapshot import AssessmentSnapshot

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
    def load(cls, services: Services, assessment_id: str) -> RunnerState:
        """The state of *assessment_id*, read through ``services.snapshots``."""
        return cls.from_snapshot(services.snapshots.snapshot(assessment_id))

    @classmethod
    def from_snapshot(cls, snapshot: AssessmentSnapshot) -> RunnerState:
        answer_set = snapshot.answer_set()  # settles the process steps and their order
        return cls(
            assessment_id=snapshot.assessment_id,
            checklist=snapshot.checklist,
            title=snapshot.title,
            organization=snapshot.organization,
            organization_deleted=snapshot.organization_deleted,
            status=snapshot.status,
            revision_no=snapshot.revision_no,
            score_percent=snapshot.score_percent,
            grade=snapshot.grade,
            answers={
                (row.question_id, row.instance): StoredAnswer(
                    row.value, row.is_na, row.note, row.revision
                )
                for row in snapshot.answers
            },
            photos=Counter(
                (row.question_id, row.instance) for row in snapshot.attachments if row.question_id
            ),
            instances={sid: list(names) for sid, names in answer_set.instances.items()},
        )

    @property
    def editable(self) -> bool:
        return self.status is not AssessmentStatus.SIGNED

    def answer_set(self) -> AnswerSet:
        """The answers as scoring takes them (``build_answer_set`` says which count)."""
        return build_answer_set(
            self.checklist,
            [
                Recorded(qid, instance, stored.value, stored.is_na, stored.note)
                for (qid, instance), stored in self.answers.items()
            ],
            [
                Evidence(qid, instance)
                for (qid, instance), n in self.photos.items()
                for _ in range(n)
            ],
            self.instances,
        )

    def evaluation(self) -> Evaluation:
        return Evaluation(self.checklist, self.answer_set())

    def is_answered(self, question: Question, instance: str) -> bool:
        key = (question.id, instance)
        stored = self.answers.get(key)
        if question.type == "photo":
            return self.photos.get(key, 0) > 0
        return stored is not None and (stored.is_na or stored.value is not None)
