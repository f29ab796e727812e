"""How long scoring takes on full built-in checklists — the live score panel calls it per answer.

Run: python benchmarks/bench_scoring.py
"""

from __future__ import annotations

import statistics
import time

from qclinic.core import checklists
from qclinic.core.scoring import Answer, AnswerSet, score

STEPS = ("Moulding", "Machining", "Assembly")


def full_answers(checklist: checklists.Checklist) -> AnswerSet:
    answers = {}
    for n, q in enumerate(checklist.questions()):
        value = {"vda": (10, 8, 6)[n % 3], "maturity": (5, 4, 3)[n % 3], "yes-no": "partial"}.get(
            q.type
        )
        if value is None:
            continue
        for step in STEPS if q.repeated else ("",):
            answers[(q.id, step)] = Answer(value, "note")
    return AnswerSet(answers)


def timed(fn, repeat: int = 30) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    library = checklists.builtin()
    print(f"{'checklist':<16} {'answers':>7} {'score ms':>9} {'+what-if ms':>12} {'max ms':>7}")
    for checklist_id in library.ids():
        checklist = library.load(checklist_id)
        answers = full_answers(checklist)
        plain, _ = timed(lambda c=checklist, a=answers: score(c, a, with_what_if=False))
        full, worst = timed(lambda c=checklist, a=answers: score(c, a))
        print(
            f"{checklist_id:<16} {len(answers.answers):>7} {plain:>9.2f} {full:>12.2f} {worst:>7.1f}"
        )


if __name__ == "__main__":
    main()
