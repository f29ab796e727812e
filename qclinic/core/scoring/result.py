"""What scoring returns: plain, immutable values that turn into JSON with :meth:`to_dict`."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

from qclinic.core.checklists.model import Text


@dataclass(frozen=True, slots=True)
class SectionScore:
    id: str
    title: Text
    level: int
    parent: str | None
    percent: float | None  # None when nothing below it is scored
    earned: float  # Σ weight × score / 100
    possible: float  # Σ weight
    questions: int  # visible, scored-type questions
    evaluated: int  # of those, the ones with a score
    na: int
    maturity: float | None = None


@dataclass(frozen=True, slots=True)
class StepScore:
    """One instance (process step) of a repeated section."""

    section: str
    instance: str
    percent: float | None
    questions: int
    evaluated: int
    na: int = 0


@dataclass(frozen=True, slots=True)
class TraceEntry:
    """Why the grade is what it is: the threshold that gave it, or a rule that fired."""

    rule: str  # "threshold" or the rule's ``when``
    ref: str  # what it looked at: a section, question (``Q@step``), step or "overall"
    value: float | None
    limit: float | None
    grade: str | None  # the grade (threshold) or the cap the rule imposes
    applied: bool  # whether it set or lowered the final grade
    message: Text
    no_grade: bool = False


@dataclass(frozen=True, slots=True)
class Change:
    question: str
    instance: str
    current: Any
    proposed: Any
    text: Text


@dataclass(frozen=True, slots=True)
class WhatIf:
    """The fewest answer changes that would lift the grade one level."""

    target: str
    achievable: bool
    changes: tuple[Change, ...]
    percent_after: float | None
    grade_after: str | None


@dataclass(frozen=True, slots=True)
class Gap:
    """Something that stops the assessment being completed."""

    kind: str  # unanswered, note-required, photo-required, steps-missing
    ref: str
    question: str | None
    instance: str
    message: Text


@dataclass(frozen=True)
class ScoreResult:
    checklist_id: str
    checklist_version: str
    percent: float | None
    threshold_grade: str | None
    grade: str | None
    grade_label: Text | None
    sections: tuple[SectionScore, ...]
    steps: tuple[StepScore, ...]
    maturity: float | None
    trace: tuple[TraceEntry, ...]
    gaps: tuple[Gap, ...] = ()
    what_if: WhatIf | None = None
    question_scores: dict[tuple[str, str], float] = field(default_factory=dict, repr=False)

    def section(self, section_id: str) -> SectionScore:
        return next(s for s in self.sections if s.id == section_id)

    def step(self, section_id: str, instance: str) -> StepScore:
        return next(s for s in self.steps if s.section == section_id and s.instance == instance)

    @property
    def no_grade_reasons(self) -> tuple[TraceEntry, ...]:
        return tuple(t for t in self.trace if t.no_grade)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("question_scores")
        rounded: dict[str, Any] = _round_floats(out)
        return rounded


def _round_floats(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 2) if math.isfinite(value) else None  # JSON has no NaN or infinity
    if isinstance(value, dict):
        return {k: _round_floats(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_round_floats(v) for v in value]
    return value
