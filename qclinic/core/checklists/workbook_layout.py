"""The checklist workbook's layout: its sheets, their columns and what each column holds.

One place for the reader (:mod:`.workbook_read`), the writer (:mod:`.workbook_write`) and
docs/CHECKLIST_FORMAT.md. A column's *kind* says how a cell is read:

- ``id``: an identifier; full-width characters are read as their ASCII forms, numbers as text;
- ``enum``: like ``id``, lower-cased (``Yes-No`` is ``yes-no``);
- ``str``: text as typed (a number becomes its text: a clause ``7.1``);
- ``pair``: two columns, ``NAME::zh`` and ``NAME::en``, both needed when either is given;
- ``number`` / ``int``: numbers, also when stored as text (``"90"``, ``９０``, ``90%``);
- ``bool``: TRUE/FALSE, yes/no, 是/否, 1/0, x/✓;
- ``yaml``: a YAML flow value as in the checklist file (``{question: Q1, equals: 'yes'}``),
  full-width punctuation read as ASCII;
- ``list``: ids separated by commas (``,``, ``，``, ``、`` or ``;``);
- ``fraction``: ``2/3`` or a decimal;
- ``ref``: a reference to a row of another sheet (a section id, a choice list's name).
"""

from __future__ import annotations

import re
import unicodedata

SETTINGS = "settings"
SECTIONS = "sections"
QUESTIONS = "questions"
CHOICES = "choices"
GRADES = "grades"
RULES = "rules"
INSTRUCTIONS = "instructions"

#: The sheets in the order a workbook has them (the reader ignores any other sheet).
SHEETS = (SETTINGS, SECTIONS, QUESTIONS, CHOICES, GRADES, RULES)
REQUIRED_SHEETS = (SETTINGS, SECTIONS, QUESTIONS, GRADES)

#: settings: one ``key | value`` row per setting (``reference`` may repeat).
SETTING_KEYS: dict[str, str] = {
    "format": "int",
    "id": "id",
    "version": "id",
    "title_zh": "str",
    "title_en": "str",
    "description_zh": "str",
    "description_en": "str",
    "reference": "str",
    "overall": "enum",
    "rounding": "enum",
}

SECTION_COLUMNS: dict[str, str] = {
    "id": "id",
    "parent": "ref",
    "title": "pair",
    "weight": "number",
    "category": "enum",
    "guidance": "pair",
    "repeat": "pair",
    "repeat_min": "int",
}

QUESTION_COLUMNS: dict[str, str] = {
    "section": "ref",
    "id": "id",
    "type": "enum",
    "text": "pair",
    "guidance": "pair",
    "clause": "str",
    "weight": "number",
    "critical": "bool",
    "statutory": "bool",
    "na_allowed": "bool",
    "allow_partial": "bool",
    "note_required_at_or_below": "number",
    "photo_required_at_or_below": "number",
    "options": "ref",
    "min": "number",
    "max": "number",
    "unit": "str",
    "bands": "yaml",
    "show_if": "yaml",
    "coverage": "enum",
}

CHOICE_COLUMNS: dict[str, str] = {
    "list_name": "ref",
    "value": "value",
    "label": "pair",
    "score": "number",
}

GRADE_COLUMNS: dict[str, str] = {
    "grade": "id",
    "min": "number",
    "label": "pair",
}

RULE_COLUMNS: dict[str, str] = {
    "when": "enum",
    "percent": "number",
    "fraction": "fraction",
    "level": "int",
    "sections": "list",
    "steps": "bool",
    "count": "int",
    "cap": "id",
    "no_grade": "bool",
    "veto": "bool",
    "reason": "pair",
}

COLUMNS: dict[str, dict[str, str]] = {
    SECTIONS: SECTION_COLUMNS,
    QUESTIONS: QUESTION_COLUMNS,
    CHOICES: CHOICE_COLUMNS,
    GRADES: GRADE_COLUMNS,
    RULES: RULE_COLUMNS,
}


def headers(sheet: str) -> list[str]:
    """The header cells the writer puts on *sheet* (``text::zh``, ``text::en`` for a pair)."""
    if sheet == SETTINGS:
        return ["key", "value"]
    out: list[str] = []
    for name, kind in COLUMNS[sheet].items():
        out.extend([f"{name}::zh", f"{name}::en"] if kind == "pair" else [name])
    return out


def header_name(raw: str) -> str:
    """A header as the reader matches it: ``Text::ZH``, ``text (zh)`` and ``text_zh`` are one."""
    plain = unicodedata.normalize("NFKC", raw).strip().lower()
    return re.sub(r"[\s:()\-_]+", "_", plain).strip("_")


def column_kinds(sheet: str) -> dict[str, str]:
    """Header name → kind, pairs expanded (``text_zh`` → ``pair``)."""
    if sheet == SETTINGS:
        return {"key": "id", "value": "value"}
    out: dict[str, str] = {}
    for name, kind in COLUMNS[sheet].items():
        if kind == "pair":
            out[f"{name}_zh"] = kind
            out[f"{name}_en"] = kind
        else:
            out[name] = kind
    return out
