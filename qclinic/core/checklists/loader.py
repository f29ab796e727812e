"""Turning checklist files (or frozen copies) into :class:`~.model.Checklist` objects."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from pathlib import Path
from typing import Any

from qclinic.core.catalogue import text as say
from qclinic.core.checklists import validate, yaml_source
from qclinic.core.checklists.model import (
    Band,
    Checklist,
    Condition,
    GradeBand,
    Option,
    Question,
    Repeat,
    Rule,
    Scoring,
    Section,
    Text,
)
from qclinic.core.checklists.problems import ChecklistError, Problem, format_path

#: A broken file lists at most this many problems (then how many more): a message stays readable.
MAX_PROBLEMS = 50


def check_file(path: Path) -> list[Problem]:
    """Every problem in the checklist file at *path* (an empty list when it is valid), at most
    :data:`MAX_PROBLEMS` of them and a last line saying how many more there are."""
    problems = _check_file(path)
    if len(problems) > MAX_PROBLEMS:
        more = len(problems) - MAX_PROBLEMS
        problems = [
            *problems[:MAX_PROBLEMS],
            Problem(str(path), None, "", say("checklists.more_problems", more=more)),
        ]
    return problems


def _check_file(path: Path) -> list[Problem]:
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return [Problem(name, None, "", say("checklists.no_such_file"))]
    except (OSError, UnicodeDecodeError) as exc:
        return [Problem(name, None, "", say("checklists.unreadable", error=exc))]
    data, problems = yaml_source.load(text, name)
    if problems:
        return problems
    lines = yaml_source.LineIndex(text)
    problems = lines.duplicate_keys(name)
    found = check_data(data, path.stem if path.suffix in (".yaml", ".yml") else None)
    problems += [Problem(name, lines.line(p), format_path(p), msg) for p, msg in found]
    return problems


def check_data(data: Any, file_stem: str | None = None) -> list[validate.Found]:
    """Problems in an already parsed checklist mapping, as (path, message) pairs."""
    if not isinstance(data, Mapping):
        return [((), say("checklists.not_a_mapping"))]
    found = validate.number_problems(data)
    if found:
        return found
    found = validate.schema_problems(data)
    if found:
        return found
    return validate.semantic_problems(data, file_stem)


def load_file(path: Path) -> Checklist:
    """Load and validate a checklist file; raise :class:`ChecklistError` listing every problem."""
    problems = check_file(path)
    if problems:
        raise ChecklistError(problems)
    data, _ = yaml_source.load(path.read_text(encoding="utf-8"), str(path))
    return build(data)


def from_frozen(data: Mapping[str, Any], name: str = "<frozen checklist>") -> Checklist:
    """Rebuild the checklist an assessment froze, checking it again (it may come from sync)."""
    found = check_data(data)
    if found:
        raise ChecklistError([Problem(name, None, format_path(p), m) for p, m in found])
    return build(data)


def build(data: Mapping[str, Any]) -> Checklist:
    """Build the model from a mapping that passed :func:`check_data`."""
    scoring = data["scoring"]
    return Checklist(
        id=data["id"],
        version=data["version"],
        title=_text(data["title"]),
        description=_maybe_text(data.get("description")),
        references=tuple(data.get("references", ())),
        scoring=Scoring(
            grades=tuple(
                GradeBand(g["grade"], float(g["min"]), _text(g["label"])) for g in scoring["grades"]
            ),
            rules=tuple(_rule(r) for r in scoring.get("rules", ())),
            overall=scoring.get("overall", "sections"),
            rounding=scoring.get("rounding", "none"),
        ),
        sections=tuple(_section(s, (), None, None, 1, None) for s in data["sections"]),
        source=data,
    )


def _text(raw: Mapping[str, str]) -> Text:
    return Text(zh=raw["zh"], en=raw["en"])


def _maybe_text(raw: Mapping[str, str] | None) -> Text | None:
    return _text(raw) if raw is not None else None


def _rule(raw: Mapping[str, Any]) -> Rule:
    return Rule(
        when=raw["when"],
        percent=raw.get("percent"),
        fraction=_fraction(raw.get("fraction")),
        level=raw.get("level"),
        sections=tuple(raw.get("sections", ())),
        steps=raw.get("steps", False),
        count=raw.get("count", 1),
        cap=raw.get("cap"),
        no_grade=raw.get("no_grade", False),
        veto=raw.get("veto", False),
        reason=_maybe_text(raw.get("reason")),
    )


def _fraction(raw: Any) -> Fraction | float | None:
    """``"2/3"`` → ``Fraction(2, 3)`` (exact); a decimal stays a float (the older form)."""
    if raw is None:
        return None
    if isinstance(raw, str):
        return Fraction(raw)
    return float(raw)


def _section(
    raw: Mapping[str, Any],
    parents: tuple[str, ...],
    repeat_section: str | None,
    category: str | None,
    level: int,
    parent: str | None,
) -> Section:
    path = (*parents, raw["id"])
    category = raw.get("category", category)
    if repeat_section is None and "repeat" in raw:
        repeat_section = raw["id"]
    repeat = raw.get("repeat")
    return Section(
        id=raw["id"],
        title=_text(raw["title"]),
        weight=float(raw.get("weight", 1)),
        category=category,
        guidance=_maybe_text(raw.get("guidance")),
        repeat=Repeat(_text(repeat["label"]), repeat.get("min", 0)) if repeat else None,
        questions=tuple(
            _question(q, path, repeat_section, category) for q in raw.get("questions", ())
        ),
        sections=tuple(
            _section(s, path, repeat_section, category, level + 1, raw["id"])
            for s in raw.get("sections", ())
        ),
        level=level,
        parent=parent,
    )


def _question(
    raw: Mapping[str, Any], path: tuple[str, ...], repeat_section: str | None, category: str | None
) -> Question:
    return Question(
        id=raw["id"],
        type=raw["type"],
        text=_text(raw["text"]),
        guidance=_maybe_text(raw.get("guidance")),
        clause=raw.get("clause"),
        weight=float(raw.get("weight", 1)),
        critical=raw.get("critical", False),
        statutory=raw.get("statutory", False),
        na_allowed=raw.get("na_allowed", True),
        show_if=_condition(raw["show_if"]) if "show_if" in raw else None,
        note_required_at_or_below=raw.get("note_required_at_or_below"),
        photo_required_at_or_below=raw.get("photo_required_at_or_below"),
        options=tuple(
            Option(o["value"], _text(o["label"]), o.get("score")) for o in raw.get("options", ())
        ),
        min=raw.get("min"),
        max=raw.get("max"),
        unit=raw.get("unit"),
        bands=tuple(_band(b) for b in raw.get("bands", ())),
        allow_partial=raw.get("allow_partial", True),
        coverage=raw.get("coverage"),
        section_path=path,
        repeat_section=repeat_section,
        category=category,
    )


def _band(raw: Mapping[str, Any]) -> Band:
    op = next((key for key in raw if key != "score"), None)
    return Band(op, float(raw[op]) if op is not None else None, float(raw["score"]))


def _condition(raw: Mapping[str, Any]) -> Condition:
    for group in ("all", "any"):
        if group in raw:
            return Condition(group, children=tuple(_condition(c) for c in raw[group]))
    (op,) = (key for key in raw if key != "question")
    return Condition(op, question=raw["question"], operand=raw[op])
