"""From answers to percentages: visibility, per-question scores, sections, steps, maturity.

The arithmetic follows docs/CHECKLIST_FORMAT.md ("How a percentage is made"); under
``rounding: vda63`` it follows VDA 6.3:2016 §6.2 — a question evaluated in several process steps
counts with the mean of its points rounded to two decimals, and possible points are 10 per question
whatever the number of steps.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from qclinic.core.checklists.model import Checklist, Condition, Question, Section
from qclinic.core.scoring.answers import AnswerSet, Key, score_of
from qclinic.core.scoring.result import SectionScore, StepScore


def round_half_up(value: float, places: int = 0) -> float:
    """Commercial rounding (0.5 goes up), as audit forms do — not Python's banker's rounding."""
    quantum = Decimal(1).scaleb(-places)
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP))


@dataclass
class Tally:
    """Running sums for a section or a step."""

    earned: float = 0.0
    possible: float = 0.0
    questions: int = 0
    evaluated: int = 0
    na: int = 0
    maturity_sum: float = 0.0
    maturity_n: int = 0

    def add(self, other: Tally, weight: float = 1.0) -> None:
        self.earned += other.earned * weight
        self.possible += other.possible * weight
        self.questions += other.questions
        self.evaluated += other.evaluated
        self.na += other.na
        self.maturity_sum += other.maturity_sum
        self.maturity_n += other.maturity_n

    @property
    def percent(self) -> float | None:
        return 100.0 * self.earned / self.possible if self.possible > 0 else None


class Evaluation:
    """The numbers behind one scoring of a checklist with a set of answers."""

    def __init__(self, checklist: Checklist, answers: AnswerSet) -> None:
        self.checklist = checklist
        self.answers = answers
        self.vda = checklist.scoring.rounding == "vda63"
        self.instances = {
            s.id: answers.instances_of(checklist, s.id) for s in checklist.repeated_sections()
        }
        #: per evaluation (question, instance) → score %, only where scored
        self.item_scores: dict[Key, float] = {}
        #: per question → its score % (mean over instances when repeated), only where scored
        self.question_scores: dict[str, float] = {}
        #: visible (question, instance) pairs
        self.visible: set[Key] = set()
        self._score_questions()
        self.tallies: dict[str, Tally] = {}
        for top in checklist.sections:
            self._tally(top)
        self.steps = [self._step(s, i) for s, names in self.instances.items() for i in names]

    def instance_keys(self, question: Question) -> Iterator[Key]:
        if question.repeat_section is None:
            yield question.id, ""
        else:
            for instance in self.instances[question.repeat_section]:
                yield question.id, instance

    def is_visible(self, question: Question, instance: str) -> bool:
        return question.show_if is None or self._holds(question.show_if, question, instance)

    def _holds(self, condition: Condition, owner: Question, instance: str) -> bool:
        if condition.op == "all":
            return all(self._holds(c, owner, instance) for c in condition.children)
        if condition.op == "any":
            return any(self._holds(c, owner, instance) for c in condition.children)
        assert condition.question is not None
        target = self.checklist.question(condition.question)
        key = (target.id, instance if target.repeated else "")
        # a hidden question counts as unanswered
        answer = self.answers.get(*key) if key in self.visible else None
        if condition.op == "answered":
            return (answer is not None) == bool(condition.operand)
        if answer is None:
            return condition.op == "not_equals"
        value = answer.value
        if condition.op == "equals":
            return _same(value, condition.operand)
        if condition.op == "not_equals":
            return not _same(value, condition.operand)
        if condition.op == "in":
            return any(_same(value, v) for v in condition.operand)
        score = self.item_scores.get(key)
        return score is not None and score >= float(condition.operand)

    def _score_questions(self) -> None:
        for question in self.checklist.questions():  # checklist order: conditions look back
            scores: list[float] = []
            for key in self.instance_keys(question):
                if not self.is_visible(question, key[1]):
                    continue
                self.visible.add(key)
                answer = self.answers.answers.get(key)
                if answer is None:
                    continue
                score = score_of(question, answer.value)
                if score is not None:
                    self.item_scores[key] = score
                    scores.append(score)
            if scores:
                mean = sum(scores) / len(scores)
                if self.vda and len(scores) > 1:
                    mean = round_half_up(mean / 10.0, 2) * 10.0  # points to 2 dp
                self.question_scores[question.id] = mean

    def _question_tally(self, question: Question, step: str | None = None) -> Tally:
        """The question's share of a section (all its instances) or of one step."""
        tally = Tally()
        keys = [(question.id, step)] if step is not None else list(self.instance_keys(question))
        shown = [k for k in keys if k in self.visible]
        if not shown or not question.scored:
            return tally
        tally.questions = 1
        score = (
            self.item_scores.get(keys[0])
            if step is not None
            else (self.question_scores.get(question.id))
        )
        if score is not None:
            tally.earned = question.weight * score / 100.0
            tally.possible = question.weight
            tally.evaluated = 1
            if question.type == "maturity":
                tally.maturity_sum, tally.maturity_n = score / 20.0, 1
        elif all((a := self.answers.answers.get(k)) is not None and a.na for k in shown):
            tally.na = 1
        return tally

    def _tally(self, section: Section) -> Tally:
        tally = Tally()
        for question in section.questions:
            tally.add(self._question_tally(question))
        for sub in section.sections:
            tally.add(self._tally(sub), sub.weight)
        self.tallies[section.id] = tally
        return tally

    def _step(self, section_id: str, instance: str) -> StepScore:
        def walk(section: Section) -> Tally:
            tally = Tally()
            for question in section.questions:
                tally.add(self._question_tally(question, instance))
            for sub in section.sections:
                tally.add(walk(sub), sub.weight)
            return tally

        tally = walk(self.checklist.section(section_id))
        return StepScore(
            section_id, instance, tally.percent, tally.questions, tally.evaluated, tally.na
        )

    def overall(self) -> float | None:
        tops = [(s, self.tallies[s.id]) for s in self.checklist.sections]
        if self.checklist.scoring.overall == "pooled":
            total = Tally()
            for section, tally in tops:
                total.add(tally, section.weight)
            return total.percent
        weighted = [(s.weight, t.percent) for s, t in tops if t.percent is not None]
        if not weighted:
            return None
        return sum(w * p for w, p in weighted) / sum(w for w, _ in weighted)

    def maturity(self) -> float | None:
        total = Tally()
        for section in self.checklist.sections:
            total.add(self.tallies[section.id])
        return total.maturity_sum / total.maturity_n if total.maturity_n else None

    def section_scores(self) -> tuple[SectionScore, ...]:
        out = []
        for section in self.checklist.all_sections():
            t = self.tallies[section.id]
            out.append(
                SectionScore(
                    id=section.id,
                    title=section.title,
                    level=section.level,
                    parent=section.parent,
                    percent=t.percent,
                    earned=t.earned,
                    possible=t.possible,
                    questions=t.questions,
                    evaluated=t.evaluated,
                    na=t.na,
                    maturity=t.maturity_sum / t.maturity_n if t.maturity_n else None,
                )
            )
        return tuple(out)


def _same(value: object, operand: object) -> bool:
    return value == operand or str(value) == str(operand)
