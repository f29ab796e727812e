"""From percentages to a grade: the threshold, then every downgrade rule, each leaving a trace."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from qclinic.core.checklists.model import Checklist, Rule, Text
from qclinic.core.scoring.engine import Evaluation, round_half_up
from qclinic.core.scoring.result import TraceEntry

Finding = tuple[str, float, Text]  # (ref, value, standard sentence)

#: A *decimal* ``fraction`` (the older form, still in assessments' frozen copies) is compared with
#: this tolerance, so ``0.6667`` means two thirds; k/n never falls within 0.001 below 2/3 for fewer
#: than 300 questions. An exact fraction written ``n/d`` (``2/3``) is compared in whole numbers.
FRACTION_TOLERANCE = 1e-3


def grade(evaluation: Evaluation) -> tuple[str | None, str | None, list[TraceEntry]]:
    """(threshold grade, final grade, trace); the final grade is None when a rule withholds it."""
    checklist = evaluation.checklist
    scoring = checklist.scoring
    overall = evaluation.overall()
    if overall is None:
        message = Text(zh="尚无计分的答案：无法评级", en="Nothing is scored yet: no grade")
        return (
            None,
            None,
            [TraceEntry("threshold", "overall", None, None, None, True, message, True)],
        )
    band = next(b for b in scoring.grades if overall >= b.min)
    overall_zh = "总体得分" if _maturity_scored(checklist) else "总符合率"
    trace = [
        TraceEntry(
            "threshold",
            "overall",
            overall,
            band.min,
            band.grade,
            True,
            Text(
                zh=f"{overall_zh} {overall:.1f}% ≥ {band.min:g}%：{band.label.zh}",
                en=f"Overall {overall:.1f}% ≥ {band.min:g}%: {band.label.en}",
            ),
        )
    ]
    final_rank = scoring.grade_rank(band.grade)
    withheld = vetoed = False
    for rule in scoring.rules:
        for ref, value, sentence in _fired(evaluation, rule):
            message = _message(rule, sentence)
            if rule.no_grade:
                withheld = True
                trace.append(
                    TraceEntry(rule.when, ref, value, _limit(rule), None, True, message, True)
                )
                continue
            assert rule.cap is not None
            cap_rank = scoring.grade_rank(rule.cap)
            applied = cap_rank > scoring.grade_rank(band.grade)
            final_rank = max(final_rank, cap_rank)
            vetoed = vetoed or rule.veto
            trace.append(
                TraceEntry(rule.when, ref, value, _limit(rule), rule.cap, applied, message)
            )
    # A veto's grade stands even where evidence is short: no further answer could raise it.
    final = None if withheld and not vetoed else scoring.grades[final_rank].grade
    return band.grade, final, trace


def _maturity_scored(checklist: Checklist) -> bool:
    """Scored by maturity levels: its percentage is a score, not a rate of conformity (符合率)."""
    return any(question.type == "maturity" for question in checklist.questions())


def _limit(rule: Rule) -> float | None:
    return (
        float(rule.fraction) * 100.0
        if rule.when == "answered-below" and rule.fraction
        else rule.percent
    )


def _message(rule: Rule, sentence: Text) -> Text:
    if rule.reason is None:
        return sentence
    return Text(zh=f"{rule.reason.zh}（{sentence.zh}）", en=f"{rule.reason.en} ({sentence.en})")


def _compare(evaluation: Evaluation, percent: float) -> float:
    """Section and step percentages as the rules see them (whole percent under VDA 6.3)."""
    return round_half_up(percent) if evaluation.vda else percent


def _fired(evaluation: Evaluation, rule: Rule) -> Iterator[Finding]:
    checklist = evaluation.checklist
    when = rule.when
    rate = "得分" if _maturity_scored(checklist) else "符合率"
    if when == "section-below":
        assert rule.percent is not None
        for section in _sections(checklist, rule):
            percent = evaluation.tallies[section].percent
            if percent is not None and _compare(evaluation, percent) < rule.percent:
                shown = _compare(evaluation, percent)
                yield (
                    section,
                    shown,
                    Text(
                        zh=f"{section} {rate} {shown:g}%，低于 {rule.percent:g}%",
                        en=f"{section} is at {shown:g}%, below {rule.percent:g}%",
                    ),
                )
    elif when == "step-below":
        assert rule.percent is not None
        for step in evaluation.steps:
            if rule.sections and step.section not in rule.sections:
                continue
            if step.percent is not None and _compare(evaluation, step.percent) < rule.percent:
                shown = _compare(evaluation, step.percent)
                yield (
                    f"{step.section}@{step.instance}",
                    shown,
                    Text(
                        zh=f"工序“{step.instance}”（{step.section}）{rate} {shown:g}%，低于 {rule.percent:g}%",
                        en=f"Step '{step.instance}' ({step.section}) is at {shown:g}%, "
                        f"below {rule.percent:g}%",
                    ),
                )
    elif when in ("critical-at-or-below", "question-at-or-below"):
        yield from _low_questions(evaluation, rule)
    elif when == "answered-below":
        yield from _unevaluated(evaluation, rule)
    elif when == "statutory-at-or-below":
        yield from _statutory(evaluation, rule)


def _sections(checklist: Checklist, rule: Rule) -> Iterator[str]:
    for section in checklist.all_sections():
        if rule.sections and section.id not in rule.sections:
            continue
        if rule.level is not None and section.level != rule.level:
            continue
        yield section.id


def _low_questions(evaluation: Evaluation, rule: Rule) -> Iterator[Finding]:
    assert rule.percent is not None
    critical_only = rule.when == "critical-at-or-below"
    low: list[tuple[str, float]] = []
    for (qid, instance), score in evaluation.item_scores.items():
        question = evaluation.checklist.question(qid)
        if critical_only and not question.critical:
            continue
        if score <= rule.percent + 1e-9:
            low.append((f"{qid}@{instance}" if instance else qid, score))
    if len(low) < rule.count:
        return
    # VDA 6.3 calls its critical questions starred (*); other checklists call them critical
    kind_zh, kind_en = ("问题", "question")
    if critical_only:
        kind_zh, kind_en = (
            ("*问题", "*question") if evaluation.vda else ("关键项", "critical question")
        )
    for ref, score in low:
        yield (
            ref,
            score,
            Text(
                zh=f"{kind_zh} {ref} 得分 {score:g}%（≤ {rule.percent:g}%）"
                + (f"，共 {len(low)} 项" if rule.count > 1 else ""),
                en=f"{kind_en} {ref} scores {score:g}% (≤ {rule.percent:g}%)"
                + (f", {len(low)} such questions" if rule.count > 1 else ""),
            ),
        )


def _statutory(evaluation: Evaluation, rule: Rule) -> Iterator[Finding]:
    """One finding naming every failed statutory question, when at least ``count`` failed."""
    assert rule.percent is not None
    failed = [
        f"{qid}@{instance}" if instance else qid
        for (qid, instance), score in evaluation.item_scores.items()
        if evaluation.checklist.question(qid).statutory and score <= rule.percent + 1e-9
    ]
    if not failed or len(failed) < rule.count:
        return
    yield (
        ", ".join(failed),
        float(len(failed)),
        Text(
            zh=f"{len(failed)} 项法定关键项未通过：{'、'.join(failed)}",
            en=f"{len(failed)} statutory key item(s) failed: {', '.join(failed)}",
        ),
    )


def _unevaluated(evaluation: Evaluation, rule: Rule) -> Iterator[Finding]:
    assert rule.fraction is not None
    groups: list[tuple[str, int, int, int]] = []
    if rule.steps:
        groups = [
            (f"{s.section}@{s.instance}", s.questions, s.evaluated, s.na)
            for s in evaluation.steps
            if not rule.sections or s.section in rule.sections
        ]
    else:
        for section in _sections(evaluation.checklist, rule):
            tally = evaluation.tallies[section]
            groups.append((section, tally.questions, tally.evaluated, tally.na))
    for ref, questions, evaluated, na in groups:
        if evaluated + na == 0:
            continue  # nothing answered at all: not audited (a partial audit), not under-audited
        if not _too_few(evaluated, questions, rule.fraction):
            continue
        share = 100.0 * evaluated / questions
        if isinstance(rule.fraction, Fraction):
            need = f"{rule.fraction.numerator}/{rule.fraction.denominator}"
            need_zh, need_en = f"需至少 {need}", f"at least {need} needed"
        else:  # with the share: "2 of 3 (66.7%; at least 67% needed)" does not contradict itself
            need = f"{rule.fraction * 100:g}%"
            need_zh, need_en = (
                f"{share:.1f}%，需至少 {need}",
                f"{share:.1f}%; at least {need} needed",
            )
        yield (
            ref,
            share,
            Text(
                zh=f"{ref} 的 {questions} 个问题中仅评价了 {evaluated} 个（{need_zh}）",
                en=f"{ref}: only {evaluated} of {questions} questions evaluated ({need_en})",
            ),
        )


def _too_few(evaluated: int, questions: int, fraction: Fraction | float) -> bool:
    """Whether *evaluated* of *questions* is below *fraction* (exactly, for ``n/d``)."""
    if isinstance(fraction, Fraction):
        return evaluated * fraction.denominator < questions * fraction.numerator
    return evaluated / questions < fraction - FRACTION_TOLERANCE
