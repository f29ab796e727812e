"""The one way from what an assessment recorded to what scoring takes: an :class:`AnswerSet`.

The runner (from the state it keeps in memory), the scoring of a stored assessment and the reports
(from :mod:`qclinic.storage.snapshot`) all build their answer set here, so they agree on every
figure. See :func:`build_answer_set` for the rules.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from qclinic.core.checklists.model import NA, Checklist
from qclinic.core.scoring.answers import Answer, AnswerSet, Key


class RecordedAnswer(Protocol):
    """An answer as recorded (a stored row, or the runner's copy of one)."""

    @property
    def question_id(self) -> str: ...
    @property
    def instance(self) -> str: ...
    @property
    def value(self) -> Any: ...
    @property
    def is_na(self) -> bool: ...
    @property
    def note(self) -> str: ...
    @property
    def recorded_at(self) -> datetime | None: ...


class RecordedEvidence(Protocol):
    """A photo or other file attached to a question (instance) as evidence."""

    @property
    def question_id(self) -> str | None: ...
    @property
    def instance(self) -> str: ...
    @property
    def recorded_at(self) -> datetime | None: ...


@dataclass(frozen=True, slots=True)
class Recorded:
    """A plain :class:`RecordedAnswer` (``recorded_at`` ``None``: not known, counts as newest)."""

    question_id: str
    instance: str
    value: Any
    is_na: bool = False
    note: str = ""
    recorded_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """A plain :class:`RecordedEvidence`."""

    question_id: str | None
    instance: str
    recorded_at: datetime | None = None


def build_answer_set(
    checklist: Checklist,
    answers: Iterable[RecordedAnswer],
    evidence: Iterable[RecordedEvidence],
    steps: Mapping[str, Sequence[str]],
) -> AnswerSet:
    """The answers of one assessment as scoring takes them.

    The rules, deliberately:

    * **What counts as an answer.** A recorded value, or N/A (with its note). A row with neither
      (a note typed before any value, a value cleared) is not an answer: the question stays
      unanswered and its note scores nothing. A *photo* question is answered by its photos: with
      at least one attached it is answered (its row's value — the runner stores the first file's
      name — or ``None``; it is never scored), without any it is not, whatever its row holds.
    * **Evidence.** Every live file attached to a question (instance) — photos, charts, analysis
      results — counts in :attr:`Answer.photos` of that answer (what ``photo-required`` checks).
    * **Which answers.** Only questions of *checklist*, and only keys that fit them: a repeated
      question per named process step, any other with the instance ``""``. Anything else (a
      question a later checklist version dropped, a row written by an older version) is left
      out rather than guessed at.
    * **Process steps** (VDA 6.3 P6: each step of a repeated section is audited and counted on
      its own). A step exists once it is recorded — as a step (*steps*, in their stored order),
      or by anything recorded under it: an answer row (even one without a value) or a piece of
      evidence. So a step that has only a photo is a step: it was visited, its evidence is
      kept, it counts towards the section's minimum number of steps, and its unanswered
      questions are listed as gaps rather than the step silently disappearing. Until something
      in it is answered it has no score and counts as not audited (the two-thirds rule skips
      it), so it moves neither the percentage nor the grade.
    * **Order.** The stored steps first, in their stored order; then the implied ones in the
      order they were *first* recorded (the earliest ``recorded_at`` of their rows, then the
      order given). Never by the time of the latest change: re-scoring a step must not move it.
    """
    rows = list(answers)
    files = [e for e in evidence if e.question_id]
    photos = Counter((e.question_id or "", e.instance) for e in files)
    out: dict[Key, Answer] = {}
    photo_rows: dict[Key, RecordedAnswer] = {}
    for row in rows:
        key = (row.question_id, row.instance)
        if not _fits(checklist, key):
            continue
        if checklist.question(row.question_id).type == "photo":
            photo_rows[key] = row
            continue
        if row.is_na:
            out[key] = Answer(NA, row.note, photos.get(key, 0))
        elif row.value is not None:
            out[key] = Answer(row.value, row.note, photos.get(key, 0))
    for key, count in photos.items():
        if _fits(checklist, key) and checklist.question(key[0]).type == "photo":
            held = photo_rows.get(key)
            out[key] = Answer(held.value if held else None, held.note if held else "", count)
    return AnswerSet(out, step_names(checklist, steps, [*rows, *files]))


def step_names(
    checklist: Checklist,
    steps: Mapping[str, Sequence[str]],
    records: Sequence[RecordedAnswer | RecordedEvidence],
) -> dict[str, tuple[str, ...]]:
    """The process steps of each repeated section, ordered as :func:`build_answer_set` says."""
    ranked = sorted(
        enumerate(records),
        key=lambda item: (
            (0, item[1].recorded_at, item[0]) if item[1].recorded_at is not None else (1, item[0])
        ),
    )
    out: dict[str, tuple[str, ...]] = {}
    for section in checklist.repeated_sections():
        names = list(dict.fromkeys(name for name in steps.get(section.id, ()) if name))
        ids = {q.id for q in section.all_questions()}
        for _, record in ranked:
            if record.question_id in ids and record.instance and record.instance not in names:
                names.append(record.instance)
        out[section.id] = tuple(names)
    return out


def _fits(checklist: Checklist, key: Key) -> bool:
    question_id, instance = key
    if not checklist.has_question(question_id):
        return False
    return bool(instance) == checklist.question(question_id).repeated
