"""Checking a checklist mapping: its schema first, then what a schema cannot say.

Every problem is returned with its path inside the document (lines are added by the loader), so a
consultant editing a checklist sees *where* and *what*, never a traceback.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from qclinic.core.catalogue import text as say
from qclinic.core.checklists.problems import format_path
from qclinic.core.checklists.schema import CHECKLIST_SCHEMA
from qclinic.core.text import Text

Path = tuple[str | int, ...]
Found = tuple[Path, Text]

_TYPE_KEYS = {
    "options": ("single", "multi"),
    "min": ("numeric",),
    "max": ("numeric",),
    "unit": ("numeric",),
    "bands": ("numeric",),
    "allow_partial": ("yes-no",),
    # the answers of a 4 x 100% question must be a finite set (qclinic.core.portfolio)
    "coverage": ("yes-no", "vda", "maturity", "single"),
}
_SCORED = ("yes-no", "vda", "maturity", "numeric", "single", "multi")
_NEEDS_PERCENT = (
    "section-below",
    "step-below",
    "critical-at-or-below",
    "question-at-or-below",
    "statutory-at-or-below",
)


@cache
def _validator() -> Any:
    import jsonschema  # imported on first validation only

    cls = jsonschema.validators.validator_for(CHECKLIST_SCHEMA)
    return cls(CHECKLIST_SCHEMA)


#: No figure a checklist needs comes near this; beyond it sums of weights × scores could overflow.
LARGEST_NUMBER = 1e12


#: Deeper than any checklist nests (checked again here for frozen copies, which skip the YAML).
MAX_DEPTH = 40


def number_problems(data: Any, path: Path = ()) -> list[Found]:
    """Numbers that are not finite (``.nan``, ``.inf``) or absurdly large, wherever they are, and
    nesting too deep to validate."""
    found: list[Found] = []
    stack: list[tuple[Path, Any]] = [(path, data)]
    while stack:  # iterative: a deeply nested file must not exhaust the stack
        here, value = stack.pop()
        if len(here) > 2 * MAX_DEPTH:
            return [(here[:2], say("checklists.too_deep", depth=MAX_DEPTH))]
        if isinstance(value, float) and not math.isfinite(value):
            found.append((here, say("checklists.not_finite", value=value)))
        elif isinstance(value, int | float) and not isinstance(value, bool):
            if abs(value) > LARGEST_NUMBER:
                found.append(
                    (here, say("checklists.too_large", value=value, largest=LARGEST_NUMBER))
                )
        elif isinstance(value, Mapping):
            stack.extend(((*here, str(k)), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend(((*here, i), v) for i, v in enumerate(value))
    return sorted(found, key=lambda item: _path_order(item[0]))


def _path_order(path: Path) -> list[tuple[int, int, str]]:
    """Document order: sections[4] before sections[12]."""
    return [(0, p, "") if isinstance(p, int) else (1, 0, p) for p in path]


def schema_problems(data: Any) -> list[Found]:
    """Structural problems, deepest first, one per location."""
    found: dict[Path, Text] = {}
    errors = sorted(_validator().iter_errors(data), key=lambda e: -len(e.absolute_path))
    for error in errors:
        path = tuple(error.absolute_path)
        if any(path == other[: len(path)] for other in found):
            continue  # a deeper problem already explains this one
        found[path] = _describe(error)
    return sorted(found.items(), key=lambda item: _path_order(item[0]))


def _describe(error: Any) -> Text:
    if error.validator == "oneOf" and isinstance(error.instance, dict):
        return say("checklists.schema.condition")
    if error.validator == "anyOf" and isinstance(error.instance, dict):
        return say("checklists.schema.section")
    if error.validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return say("checklists.schema.unknown_keys", keys=", ".join(map(str, extra)))
    if error.absolute_path and error.absolute_path[-1] == "fraction":
        return say("checklists.schema.fraction", value=error.instance)
    if error.validator == "pattern":
        field = next((p for p in reversed(error.absolute_path) if isinstance(p, str)), "")
        hint = say(f"checklists.schema.hint.{field if field in ('version', 'id') else 'other'}")
        return say("checklists.schema.pattern", value=error.instance, hint=hint)
    return _schema_message(error)


def _schema_message(error: Any) -> Text:
    """jsonschema's own English message, said in Chinese too for the common validators."""
    message = str(error.message)
    if error.validator == "required":
        missing = [k for k in error.validator_value if k not in (error.instance or {})]
        if missing and message == f"{missing[0]!r} is a required property":
            return say("checklists.schema.required", key=missing[0])
    if error.validator == "type" and message.endswith(f"is not of type {error.validator_value!r}"):
        return say(
            "checklists.schema.type", value=error.instance, expected=repr(error.validator_value)
        )
    if (
        error.validator == "enum"
        and message == f"{error.instance!r} is not one of {error.validator_value!r}"
    ):
        return say(
            "checklists.schema.enum", value=error.instance, allowed=repr(error.validator_value)
        )
    return say("checklists.schema.other", message=message)


def semantic_problems(data: Mapping[str, Any], file_stem: str | None) -> list[Found]:
    """What the schema cannot check; *data* already passed the schema."""
    found: list[Found] = []
    if file_stem is not None and data["id"] != file_stem:
        found.append((("id",), say("checklists.id_vs_file", ident=data["id"], stem=file_stem)))
    seen: dict[str, Path] = {}
    covered: dict[str, str] = {}
    order: dict[str, int] = {}
    repeat_of: dict[str, str | None] = {}
    walked = list(_walk(data["sections"], ("sections",), None))
    for path, item, kind, repeat in walked:
        ident = item["id"]
        if ident in seen:
            where = format_path(seen[ident])
            found.append(((*path, "id"), say("checklists.id_used", ident=ident, where=where)))
            continue
        seen[ident] = path
        if kind == "section":
            if item.get("repeat") and repeat is not None and repeat != ident:
                found.append(((*path, "repeat"), say("checklists.nested_repeat", repeat=repeat)))
        else:
            order[ident] = len(order)
            repeat_of[ident] = repeat
            found.extend(_question_problems(path, item))
            key = item.get("coverage")
            tagged: Path = (*path, "coverage")
            if key is not None and repeat is not None:
                found.append((tagged, say("portfolio.coverage_repeated")))
            elif key is not None and key in covered:
                found.append((tagged, say("portfolio.coverage_twice", key=key, other=covered[key])))
            elif key is not None:
                covered[key] = ident
    questions = {item["id"]: item for _, item, kind, _ in walked if kind == "question"}
    section_ids = {item["id"] for _, item, kind, _ in walked} - set(questions)
    for path, item, kind, _ in walked:
        if kind == "question" and "show_if" in item:
            found.extend(
                _condition_problems(
                    (*path, "show_if"), item["show_if"], item["id"], order, repeat_of, questions
                )
            )
    found.extend(_scoring_problems(data, section_ids, repeat_of, questions))
    return found


def _walk(
    sections: list[Any], path: Path, repeat: str | None
) -> Iterator[tuple[Path, Any, str, str | None]]:
    for index, section in enumerate(sections):
        here = (*path, index)
        inner = repeat if repeat is not None else (section["id"] if "repeat" in section else None)
        yield here, section, "section", repeat if repeat is not None else inner
        for q_index, question in enumerate(section.get("questions", [])):
            yield (*here, "questions", q_index), question, "question", inner
        yield from _walk(section.get("sections", []), (*here, "sections"), inner)


def _question_problems(path: Path, q: Mapping[str, Any]) -> list[Found]:
    found: list[Found] = []
    qtype = q["type"]
    for key, types in _TYPE_KEYS.items():
        if key in q and qtype not in types:
            found.append(
                ((*path, key), say("checklists.key_for_types", key=key, types=" / ".join(types)))
            )
    if qtype in ("single", "multi"):
        options = q.get("options")
        if not options:
            found.append(((*path, "type"), say("checklists.needs_options", qtype=qtype)))
        else:
            values = [str(o["value"]) for o in options]
            for index, value in enumerate(values):
                if values.index(value) != index:
                    where = (*path, "options", index, "value")
                    found.append((where, say("checklists.option_twice", value=value)))
    if qtype == "numeric" and "min" in q and "max" in q and q["min"] > q["max"]:
        found.append(((*path, "min"), say("checklists.min_above_max", low=q["min"], high=q["max"])))
    if "bands" in q and qtype == "numeric":
        found.extend(_band_problems(path, q))
    scored = qtype in _SCORED and not (
        (qtype == "numeric" and "min" not in q and "max" not in q and "bands" not in q)
        or (qtype in ("single", "multi") and not any("score" in o for o in q.get("options", [])))
    )
    if scored and "guidance" not in q:
        found.append(((*path,), say("checklists.needs_guidance")))
    for key in ("note_required_at_or_below", "photo_required_at_or_below", "statutory"):
        if key in q and q[key] is not False and not scored:
            found.append(((*path, key), say("checklists.needs_scored", key=key)))
    return found


_UPWARD = ("below", "at_most")


def _band_problems(path: Path, q: Mapping[str, Any]) -> list[Found]:
    """Bands go one way (upper limits rising, or lower limits falling); only the last is open."""
    found: list[Found] = []
    if "min" in q or "max" in q:
        found.append(((*path, "bands"), say("checklists.bands_or_range")))
    bands = q["bands"]
    limits: list[tuple[int, str, float]] = []
    for index, band in enumerate(bands):
        where = (*path, "bands", index)
        ops = [key for key in band if key != "score"]
        last = index == len(bands) - 1
        if last and ops:
            found.append((where, say("checklists.last_band")))
        elif not last and not ops:
            found.append((where, say("checklists.band_limit")))
        elif ops:
            limits.append((index, ops[0], band[ops[0]]))
    if len({op in _UPWARD for _, op, _ in limits}) > 1:
        found.append(((*path, "bands"), say("checklists.band_direction")))
        return found
    for (_, _, before), (index, op, limit) in itertools.pairwise(limits):
        if op in _UPWARD and not limit > before:
            found.append(
                ((*path, "bands", index), say("checklists.upper_rise", limit=limit, before=before))
            )
        if op not in _UPWARD and not limit < before:
            found.append(
                ((*path, "bands", index), say("checklists.lower_fall", limit=limit, before=before))
            )
    return found


def _condition_problems(
    path: Path,
    cond: Mapping[str, Any],
    owner: str,
    order: Mapping[str, int],
    repeat_of: Mapping[str, str | None],
    questions: Mapping[str, Mapping[str, Any]],
) -> list[Found]:
    if "all" in cond or "any" in cond:
        key = "all" if "all" in cond else "any"
        found: list[Found] = []
        for index, child in enumerate(cond[key]):
            found.extend(
                _condition_problems((*path, key, index), child, owner, order, repeat_of, questions)
            )
        return found
    target = cond["question"]
    where = (*path, "question")
    if target == owner:
        return [(where, say("checklists.depends_on_itself"))]
    if target not in order:
        return [(where, say("checklists.no_target", target=target))]
    if order[target] > order[owner]:
        return [(where, say("checklists.target_later", target=target))]
    if repeat_of[target] is not None and repeat_of[target] != repeat_of[owner]:
        return [
            (where, say("checklists.target_per_instance", target=target, repeat=repeat_of[target]))
        ]
    values = _allowed_values(questions[target])
    for key in ("equals", "not_equals", "in"):
        if key in cond and values is not None:
            given = cond[key] if key == "in" else [cond[key]]
            bad = [v for v in given if str(v) not in values]
            if bad:
                return [
                    ((*path, key), say("checklists.not_an_answer", value=bad[0], target=target))
                ]
    return []


def _allowed_values(q: Mapping[str, Any]) -> set[str] | None:
    if q["type"] == "yes-no":
        return {"yes", "partial", "no", "na"}
    if q["type"] == "vda":
        return {"0", "4", "6", "8", "10", "na"}
    if q["type"] == "maturity":
        return {str(n) for n in range(6)} | {"na"}
    if q["type"] in ("single", "multi"):
        return {str(o["value"]) for o in q.get("options", [])} | {"na"}
    return None


def _scoring_problems(
    data: Mapping[str, Any],
    section_ids: set[str],
    repeat_of: Mapping[str, str | None],
    questions: Mapping[str, Mapping[str, Any]],
) -> list[Found]:
    found: list[Found] = []
    scoring = data["scoring"]
    grades = scoring["grades"]
    names = [g["grade"] for g in grades]
    for index, band in enumerate(grades):
        if names.index(band["grade"]) != index:
            where = ("scoring", "grades", index, "grade")
            found.append((where, say("checklists.grade_twice", grade=band["grade"])))
        if index and band["min"] >= grades[index - 1]["min"]:
            found.append((("scoring", "grades", index, "min"), say("checklists.grades_fall")))
    if grades and grades[-1]["min"] != 0:
        where = ("scoring", "grades", len(grades) - 1, "min")
        found.append((where, say("checklists.last_grade_zero")))
    repeated = {rid for rid in repeat_of.values() if rid is not None}
    statutory = any(q.get("statutory") for q in questions.values())
    for index, rule in enumerate(scoring.get("rules", [])):
        path: Path = ("scoring", "rules", index)
        when = rule["when"]
        if when in _NEEDS_PERCENT and "percent" not in rule:
            found.append(((*path,), say("checklists.rule_percent", when=when)))
        if when == "answered-below" and "fraction" not in rule:
            found.append(((*path,), say("checklists.rule_fraction")))
        if isinstance(rule.get("fraction"), str):
            numerator, denominator = (int(n) for n in rule["fraction"].split("/"))
            if numerator > denominator:
                found.append(
                    (
                        (*path, "fraction"),
                        say("checklists.fraction_over_one", fraction=rule["fraction"]),
                    )
                )
        if rule.get("steps") and when != "answered-below":
            found.append(((*path, "steps"), say("checklists.steps_only")))
        if "cap" in rule and rule["cap"] not in names:
            found.append(
                ((*path, "cap"), say("checklists.cap_not_grade", cap=rule["cap"], names=names))
            )
        if "cap" not in rule and not rule.get("no_grade"):
            found.append(((*path,), say("checklists.rule_cap")))
        if rule.get("veto") and ("cap" not in rule or rule.get("no_grade")):
            found.append(((*path, "veto"), say("checklists.veto_cap")))
        if when == "statutory-at-or-below" and not statutory:
            found.append(((*path, "when"), say("checklists.no_statutory")))
        for s_index, section in enumerate(rule.get("sections", [])):
            if section not in section_ids:
                found.append(
                    ((*path, "sections", s_index), say("checklists.no_section", section=section))
                )
            elif when == "step-below" and section not in repeated:
                at: Path = (*path, "sections", s_index)
                found.append((at, say("checklists.section_not_repeated", section=section)))
    return found
