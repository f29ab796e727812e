"""The checklist as the rest of the program sees it: immutable, typed, already validated.

Built by :mod:`.loader` from a YAML file (or from the frozen copy an assessment keeps); the raw
mapping it came from is kept in :attr:`Checklist.source` so an assessment can freeze it verbatim.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Literal

from qclinic.core.text import Text

Lang = Literal["zh", "en"]

__all__ = ["Text"]  # re-exported: checklist code has always found it here

#: Question types whose answers earn a score.
SCORED_TYPES = frozenset({"yes-no", "vda", "maturity", "numeric", "single", "multi"})
VDA_POINTS = (0, 4, 6, 8, 10)
YES_NO_SCORES = {"yes": 100.0, "partial": 50.0, "no": 0.0}
NA = "na"


@dataclass(frozen=True, slots=True)
class Option:
    value: str | float
    label: Text
    score: float | None = None


@dataclass(frozen=True, slots=True)
class Band:
    """A numeric question's band: values ``op`` ``limit`` score ``score`` (the last: any value)."""

    op: str | None  # below, at_most, at_least, above; None for the last band
    limit: float | None
    score: float

    def holds(self, value: float) -> bool:
        if self.op is None or self.limit is None:
            return True
        return {
            "below": value < self.limit,
            "at_most": value <= self.limit,
            "at_least": value >= self.limit,
            "above": value > self.limit,
        }[self.op]

    def text(self, unit: str = "") -> Text:
        unit = f" {unit}" if unit and unit != "%" else unit
        if self.op is None:
            return Text(zh=f"其他 → {self.score:g}%", en=f"otherwise → {self.score:g}%")
        sign = {"below": "<", "at_most": "≤", "at_least": "≥", "above": ">"}[self.op]
        line = f"{sign} {self.limit:g}{unit} → {self.score:g}%"
        return Text(zh=line, en=line)


@dataclass(frozen=True, slots=True)
class Condition:
    """A ``show_if`` condition: a test on one question, or ``all`` / ``any`` of others."""

    op: str  # equals, not_equals, in, answered, score_at_least, all, any
    question: str | None = None
    operand: Any = None
    children: tuple[Condition, ...] = ()

    def questions(self) -> Iterator[str]:
        if self.question is not None:
            yield self.question
        for child in self.children:
            yield from child.questions()


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    type: str
    text: Text
    guidance: Text | None = None
    clause: str | None = None
    weight: float = 1.0
    critical: bool = False
    statutory: bool = False  # a legal obligation: failing it is a breach of the law
    na_allowed: bool = True
    show_if: Condition | None = None
    note_required_at_or_below: float | None = None
    photo_required_at_or_below: float | None = None
    options: tuple[Option, ...] = ()
    min: float | None = None
    max: float | None = None
    unit: str | None = None
    bands: tuple[Band, ...] = ()  # numeric: scores by band instead of inside/outside [min, max]
    allow_partial: bool = True
    #: a "4 x 100%" key (``iso9001``, ``apqp``, ``msa``, ``spc``) this question decides, if any
    coverage: str | None = None
    # Filled in by the loader: where the question sits.
    section_path: tuple[str, ...] = ()  # ids from the top-level section down to its own section
    repeat_section: str | None = None  # the id of the repeated section it belongs to, if any
    category: str | None = None  # NQI category inherited from its sections

    @property
    def scored(self) -> bool:
        """Whether answers to this question earn a score at all."""
        if self.type in ("yes-no", "vda", "maturity"):
            return True
        if self.type == "numeric":
            return self.min is not None or self.max is not None or bool(self.bands)
        if self.type in ("single", "multi"):
            return any(option.score is not None for option in self.options)
        return False

    @property
    def repeated(self) -> bool:
        return self.repeat_section is not None

    def option(self, value: object) -> Option | None:
        for option in self.options:
            if option.value == value or str(option.value) == str(value):
                return option
        return None


@dataclass(frozen=True, slots=True)
class Repeat:
    label: Text
    min: int = 0


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: Text
    weight: float = 1.0
    category: str | None = None
    guidance: Text | None = None
    repeat: Repeat | None = None
    questions: tuple[Question, ...] = ()
    sections: tuple[Section, ...] = ()
    level: int = 1
    parent: str | None = None

    def all_questions(self) -> Iterator[Question]:
        """Every question in this section and its sub-sections, in checklist order."""
        yield from self.questions
        for sub in self.sections:
            yield from sub.all_questions()

    def walk(self) -> Iterator[Section]:
        """This section and all below it, depth first."""
        yield self
        for sub in self.sections:
            yield from sub.walk()


@dataclass(frozen=True, slots=True)
class GradeBand:
    grade: str
    min: float
    label: Text


@dataclass(frozen=True, slots=True)
class Rule:
    """A downgrade rule; see docs/CHECKLIST_FORMAT.md for each ``when``."""

    when: str
    percent: float | None = None
    fraction: Fraction | float | None = None  # Fraction when written n/d: compared exactly
    level: int | None = None
    sections: tuple[str, ...] = ()
    steps: bool = False
    count: int = 1
    cap: str | None = None
    no_grade: bool = False
    veto: bool = False  # the cap is the grade even when another rule withholds one
    reason: Text | None = None


@dataclass(frozen=True, slots=True)
class Scoring:
    grades: tuple[GradeBand, ...]
    rules: tuple[Rule, ...] = ()
    overall: Literal["sections", "pooled"] = "sections"
    rounding: Literal["none", "vda63"] = "none"

    def grade_rank(self, grade: str) -> int:
        """0 for the best grade, larger for worse ones."""
        for rank, band in enumerate(self.grades):
            if band.grade == grade:
                return rank
        raise KeyError(grade)


@dataclass(frozen=True, slots=True)
class Checklist:
    id: str
    version: str
    title: Text
    scoring: Scoring
    sections: tuple[Section, ...]
    description: Text | None = None
    references: tuple[str, ...] = ()
    source: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    _questions: dict[str, Question] = field(default_factory=dict, compare=False, repr=False)
    _sections: dict[str, Section] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for top in self.sections:
            for section in top.walk():
                self._sections[section.id] = section
                for question in section.questions:
                    self._questions[question.id] = question

    def questions(self) -> Iterator[Question]:
        """Every question, in checklist order."""
        for section in self.sections:
            yield from section.all_questions()

    def question(self, question_id: str) -> Question:
        return self._questions[question_id]

    def has_question(self, question_id: str) -> bool:
        return question_id in self._questions

    def section(self, section_id: str) -> Section:
        return self._sections[section_id]

    def all_sections(self) -> Iterator[Section]:
        for top in self.sections:
            yield from top.walk()

    def repeated_sections(self) -> Iterator[Section]:
        return (section for section in self.all_sections() if section.repeat is not None)

    @property
    def question_count(self) -> int:
        return len(self._questions)
