"""Answers as scoring sees them: values checked against their question, keyed by question and
repeat instance, each worth a score in percent of full marks."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from qclinic.core.catalogue import text
from qclinic.core.checklists.model import NA, VDA_POINTS, YES_NO_SCORES, Checklist, Question
from qclinic.core.text import Text
from qclinic.errors import UserError

#: (question id, repeat instance); the instance is "" for questions that are not repeated.
Key = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer: a checked value (or ``"na"``), with the note and photo count that go with it."""

    value: Any
    note: str = ""
    photos: int = 0

    @property
    def na(self) -> bool:
        return bool(self.value == NA)


@dataclass(frozen=True)
class AnswerSet:
    """The answers of one assessment, and the instances of each repeated section."""

    answers: Mapping[Key, Answer] = field(default_factory=dict)
    instances: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def get(self, question_id: str, instance: str = "") -> Answer | None:
        return self.answers.get((question_id, instance))

    def instances_of(self, checklist: Checklist, section_id: str) -> tuple[str, ...]:
        """The declared instances of a repeated section, then any others answers mention."""
        names = list(self.instances.get(section_id, ()))
        for question in checklist.section(section_id).all_questions():
            for qid, instance in self.answers:
                if qid == question.id and instance not in names:
                    names.append(instance)
        return tuple(names)

    def replace(self, key: Key, answer: Answer) -> AnswerSet:
        return AnswerSet({**self.answers, key: answer}, self.instances)


def score_of(question: Question, value: Any) -> float | None:
    """The score of a checked *value* in percent of full marks; ``None`` if it earns none."""
    if value == NA or not question.scored:
        return None
    kind = question.type
    if kind == "yes-no":
        return YES_NO_SCORES[value]
    if kind == "vda":
        return float(value) * 10.0
    if kind == "maturity":
        return float(value) * 20.0
    if kind == "numeric" and question.bands:
        return next(band.score for band in question.bands if band.holds(value))
    if kind == "numeric":
        low = question.min if question.min is not None else -math.inf
        high = question.max if question.max is not None else math.inf
        return 100.0 if low <= value <= high else 0.0
    if kind == "single":
        option = question.option(value)
        return option.score if option is not None and option.score is not None else 0.0
    if kind == "multi":
        total = 0.0
        for chosen in value:
            option = question.option(chosen)
            total += option.score if option is not None and option.score is not None else 0.0
        return min(100.0, total)
    return None


def best_value(question: Question) -> Any:
    """The answer that earns full marks (what the what-if proposes)."""
    kind = question.type
    if kind == "yes-no":
        return "yes"
    if kind == "vda":
        return 10
    if kind == "maturity":
        return 5
    if kind == "numeric" and question.bands:
        return _best_band_value(question)
    if kind == "numeric":
        if question.min is not None and question.max is not None:
            return question.min / 2 + question.max / 2  # (min + max) / 2 overflows near 1e308
        return question.min if question.min is not None else question.max
    scored = [o for o in question.options if o.score is not None]
    best = max(scored, key=lambda o: o.score or 0.0)
    if kind == "multi":
        return [best.value]
    return best.value


def _best_band_value(question: Question) -> float:
    """A value in the band with the highest score (its limit, or just past the last limit)."""
    bands = question.bands
    best = max(range(len(bands)), key=lambda i: (bands[i].score, -i))
    band = bands[best]
    if band.limit is not None:
        if band.op in ("at_most", "at_least"):
            return band.limit
        # below / above: step inside the band, from the previous limit when there is one
        previous = bands[best - 1].limit if best else None
        if previous is not None:
            return previous / 2 + band.limit / 2
        return (
            band.limit - _step(band.limit) if band.op == "below" else band.limit + _step(band.limit)
        )
    last = bands[-2]
    assert last.limit is not None
    if last.op in ("below", "at_most"):
        return last.limit + _step(last.limit)
    return last.limit - _step(last.limit)


def _step(limit: float) -> float:
    """A small round step next to *limit*: 0.01 next to 0.75, 1 next to 10."""
    return 10.0 ** (math.floor(math.log10(abs(limit))) - 1) if limit else 1.0


class BadAnswer(ValueError):
    """An answer that does not fit its question; :attr:`text` says why in both languages."""

    def __init__(self, key: str, **fields: Any) -> None:
        self.text = text(key, **fields)
        super().__init__(self.text.en)


def check_value(question: Question, value: Any) -> Any:
    """The value normalised for *question*; :class:`BadAnswer` (a :class:`ValueError`) saying
    what is wrong otherwise."""
    if isinstance(value, str) and value.strip().lower() in (NA, "n/a"):
        if not question.na_allowed:
            raise BadAnswer("checklists.answer_na_refused")
        return NA
    kind = question.type
    if kind == "yes-no":
        word = str(value).strip().lower()
        allowed = ("yes", "partial", "no") if question.allow_partial else ("yes", "no")
        if word not in allowed:
            raise BadAnswer("checklists.answer_yes_no", allowed=" / ".join(allowed), value=value)
        return word
    if kind in ("vda", "maturity"):
        number = _number(value)
        allowed_points = VDA_POINTS if kind == "vda" else tuple(range(6))
        if number not in allowed_points or isinstance(value, bool):
            raise BadAnswer(
                "checklists.answer_score", allowed=", ".join(map(str, allowed_points)), value=value
            )
        return int(number)
    if kind == "numeric":
        return _number(value)
    if kind == "single":
        option = question.option(value)
        if option is None:
            raise BadAnswer(
                "checklists.answer_option", value=value, options=_option_values(question)
            )
        return option.value
    if kind == "multi":
        if not isinstance(value, list):
            raise BadAnswer("checklists.answer_multi_list")
        chosen = []
        for item in value:
            option = question.option(item)
            if option is None:
                raise BadAnswer(
                    "checklists.answer_option", value=item, options=_option_values(question)
                )
            chosen.append(option.value)
        return chosen
    if kind == "date":
        try:
            return dt.date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise BadAnswer("checklists.answer_date", value=value) from None
    if not isinstance(value, str):
        raise BadAnswer("checklists.answer_text", kind=kind, value=value)
    return value


def _number(value: Any) -> float:
    if isinstance(value, bool):
        raise BadAnswer("checklists.answer_number", value=value)
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise BadAnswer("checklists.answer_number", value=value) from None
    if not math.isfinite(number):
        raise BadAnswer("checklists.answer_finite", value=value)
    return number


def _option_values(question: Question) -> str:
    return ", ".join(str(o.value) for o in question.options)


def parse_answers(checklist: Checklist, data: Any, source: str = "answers") -> AnswerSet:
    """Read an answers mapping (the ``qclinic score`` file format); every problem is located.

    Raises:
        UserError: listing each bad entry as ``source: KEY: what is wrong``.
    """
    if not isinstance(data, Mapping):
        raise UserError(text("checklists.answers_not_mapping", source=source))
    answers: dict[Key, Answer] = {}
    problems: list[Text] = []
    for raw_key, raw in data.items():
        for key, entry in _expand(checklist, str(raw_key), raw):
            qid, instance = key
            where = f"{source}: {qid}" + (f"@{instance}" if instance else "")
            if not checklist.has_question(qid):
                problems.append(text("checklists.no_question", where=where, checklist=checklist.id))
                continue
            question = checklist.question(qid)
            if question.repeated and not instance:
                problems.append(text("checklists.per_step", where=where, qid=qid))
                continue
            if not question.repeated and instance:
                problems.append(text("checklists.not_repeated", where=where, instance=instance))
                continue
            try:
                answers[key] = _answer(question, entry)
            except ValueError as exc:
                problem = getattr(exc, "text", None) or Text(str(exc), str(exc))
                problems.append(text("checklists.answer_at", where=where, problem=problem))
    if problems:
        raise UserError(Text("\n".join(p.zh for p in problems), "\n".join(p.en for p in problems)))
    return AnswerSet(answers)


def _expand(checklist: Checklist, key: str, raw: Any) -> Iterable[tuple[Key, Any]]:
    qid, _, instance = key.partition("@")
    if (
        not instance
        and checklist.has_question(qid)
        and checklist.question(qid).repeated
        and isinstance(raw, Mapping)
    ):
        for step, entry in raw.items():
            yield (qid, str(step)), entry
    else:
        yield (qid, instance), raw


def _answer(question: Question, entry: Any) -> Answer:
    if isinstance(entry, Mapping):
        unknown = set(entry) - {"value", "note", "photos"}
        if unknown or "value" not in entry:
            raise BadAnswer("checklists.answer_object")
        photos = entry.get("photos", 0)
        if not isinstance(photos, int) or isinstance(photos, bool) or photos < 0:
            raise BadAnswer("checklists.answer_photos")
        return Answer(check_value(question, entry["value"]), str(entry.get("note", "")), photos)
    return Answer(check_value(question, entry))
