"""What stands between an assessment and its completion: the gaps a consultant must close."""

from __future__ import annotations

from qclinic.core.checklists.model import Text
from qclinic.core.scoring.answers import score_of
from qclinic.core.scoring.engine import Evaluation
from qclinic.core.scoring.result import Gap

#: Gap kinds that block completion; unanswered questions are only listed.
BLOCKING = frozenset({"note-required", "photo-required", "steps-missing"})


def gaps(evaluation: Evaluation) -> tuple[Gap, ...]:
    """Every gap, in checklist order."""
    out: list[Gap] = []
    checklist = evaluation.checklist
    for section in checklist.repeated_sections():
        assert section.repeat is not None
        have = len(evaluation.instances[section.id])
        if have < section.repeat.min:
            label = section.repeat.label
            out.append(
                Gap(
                    "steps-missing",
                    section.id,
                    None,
                    "",
                    Text(
                        zh=f"{section.id} 至少需要 {section.repeat.min} 个{label.zh}，当前 {have} 个",
                        en=f"{section.id} needs at least {section.repeat.min} "
                        f"{label.en.lower()}(s); it has {have}",
                    ),
                )
            )
    for question in checklist.questions():
        for key in evaluation.instance_keys(question):
            if key not in evaluation.visible:
                continue
            qid, instance = key
            ref = f"{qid}@{instance}" if instance else qid
            answer = evaluation.answers.answers.get(key)
            if answer is None or (question.type == "photo" and answer.photos == 0):
                out.append(
                    Gap(
                        "unanswered",
                        ref,
                        qid,
                        instance,
                        Text(zh=f"{ref} 未回答", en=f"{ref} is not answered"),
                    )
                )
                continue
            score = score_of(question, answer.value)
            if score is None:
                continue
            limit = question.note_required_at_or_below
            if limit is not None and score <= limit and not answer.note.strip():
                out.append(
                    Gap(
                        "note-required",
                        ref,
                        qid,
                        instance,
                        Text(
                            zh=f"{ref} 得分 {score:g}%（≤ {limit:g}%），须填写说明",
                            en=f"{ref} scores {score:g}% (≤ {limit:g}%): a note is required",
                        ),
                    )
                )
            limit = question.photo_required_at_or_below
            if limit is not None and score <= limit and answer.photos == 0:
                out.append(
                    Gap(
                        "photo-required",
                        ref,
                        qid,
                        instance,
                        Text(
                            zh=f"{ref} 得分 {score:g}%（≤ {limit:g}%），须附照片",
                            en=f"{ref} scores {score:g}% (≤ {limit:g}%): a photo is required",
                        ),
                    )
                )
    return tuple(out)
