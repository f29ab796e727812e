"""Which checklist questions an SPC/MSA analysis is evidence for, and finding questions by text.

A chart or gage study attached as evidence belongs to a question about statistical process
control, process capability or measurement systems. Any checklist may hold such questions (the
``spc`` and ``msa`` checklists, but also the clinic's SPC and MSA sections, VDA 6.3's P6 or the
ISO 9001 monitoring clauses), so they are recognised by what they say — text, guidance, clause,
the titles of their sections and the checklist id — in either language.
"""

from __future__ import annotations

import re

from qclinic.core.checklists.model import Checklist, Question

#: Latin terms, matched as whole words ("gage" is not "engagement").
_LATIN = re.compile(
    r"\b(spc|msa|cpk|ppk|cp|pp|grr|gages?|gauge r&r|capability"
    r"|control[- ]charts?|r&r|ndc|statistical process control|measurement system)\b",
    re.IGNORECASE,
)
#: Chinese terms, matched anywhere (Chinese has no spaces between words).
CHINESE_TERMS = (
    "过程能力",
    "控制图",
    "测量系统",
    "统计过程",
    "量具",
    "重复性和再现性",
    "能力指数",
)
#: Checklists that are about analyses as a whole: every question of theirs qualifies.
ANALYSIS_CHECKLISTS = ("spc", "msa")


def _texts(question: Question, checklist: Checklist | None) -> list[str]:
    texts = [question.text.zh, question.text.en, question.clause or ""]
    if question.guidance is not None:
        texts += [question.guidance.zh, question.guidance.en]
    if checklist is not None:
        for section_id in question.section_path:
            try:
                title = checklist.section(section_id).title
            except KeyError:
                continue
            texts += [section_id, title.zh, title.en]
    return texts


def mentions_analysis(question: Question, checklist: Checklist | None = None) -> bool:
    """Whether *question* (of *checklist*) is about SPC, capability or MSA, in either language."""
    if checklist is not None and checklist.id in ANALYSIS_CHECKLISTS:
        return True
    for text in _texts(question, checklist):
        if _LATIN.search(text) or any(term in text for term in CHINESE_TERMS):
            return True
    return False


def matches(query: str, question: Question) -> bool:
    """Whether *question*'s id or text (either language) contains every word of *query*."""
    haystack = " ".join((question.id, question.text.zh, question.text.en)).casefold()
    return all(word in haystack for word in query.casefold().split())
