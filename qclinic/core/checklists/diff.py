"""What changed between two versions of a checklist: questions and rules added, removed, changed.

Questions are matched by id. Rules have no id: a rule is matched by what it watches (``when``,
``level``, ``steps``, ``sections``) and changed when its limits, cap or reason differ; two rules
watching the same thing are paired in order.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from qclinic.core.catalogue import text as say
from qclinic.core.text import Text

_RULE_IDENTITY = ("when", "level", "steps", "sections")


@dataclass(frozen=True, slots=True)
class Change:
    """One line of a diff: ``kind`` is added / removed / changed, ``what`` question / rule / grade
    / setting, ``ident`` the question id, the rule or the grade, ``fields`` the keys that differ."""

    kind: str
    what: str
    ident: str
    fields: tuple[str, ...] = ()
    title: Text | None = None

    def text(self) -> Text:
        fields = ", ".join(self.fields)
        if self.what == "setting":
            return say("workbook.diff_changed_setting", fields=fields)
        key = f"workbook.diff_{self.kind}_{self.what}"
        if self.what == "question":
            if self.kind == "changed":
                return say(key, ident=self.ident, fields=fields)
            title = self.title or Text(self.ident, self.ident)
            return Text(
                say(key, ident=self.ident, title=title.zh).zh,
                say(key, ident=self.ident, title=title.en).en,
            )
        name = "rule" if self.what == "rule" else "grade"
        return say(key, **{name: self.ident, "fields": fields})

    def as_dict(self) -> dict[str, Any]:
        return {
            "change": self.kind,
            "what": self.what,
            "id": self.ident,
            "fields": list(self.fields),
        }


def _questions(sections: Any) -> Iterator[Mapping[str, Any]]:
    for section in sections or ():
        yield from section.get("questions", ())
        yield from _questions(section.get("sections", ()))


def _differing(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[str, ...]:
    keys = list(old) + [k for k in new if k not in old]
    return tuple(k for k in keys if _canonical(old.get(k)) != _canonical(new.get(k)))


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def rule_name(rule: Mapping[str, Any]) -> str:
    """A rule as a diff names it: ``section-below level 1`` (its identity, not its limits)."""
    parts = [str(rule["when"])]
    if "level" in rule:
        parts.append(f"level {rule['level']}")
    if rule.get("steps"):
        parts.append("steps")
    if "sections" in rule:
        parts.append("[" + ", ".join(rule["sections"]) + "]")
    if "cap" in rule:
        parts.append(f"→ {rule['cap']}")
    return " ".join(parts)


def diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    """The changes from checklist mapping *old* to *new* (questions, then scoring)."""
    changes: list[Change] = []
    before = {q["id"]: q for q in _questions(old.get("sections"))}
    after = {q["id"]: q for q in _questions(new.get("sections"))}
    for ident, q in before.items():
        if ident not in after:
            changes.append(Change("removed", "question", ident, title=_title(q)))
        elif fields := _differing(q, after[ident]):
            changes.append(Change("changed", "question", ident, fields))
    changes += [
        Change("added", "question", ident, title=_title(q))
        for ident, q in after.items()
        if ident not in before
    ]
    old_scoring, new_scoring = old.get("scoring", {}), new.get("scoring", {})
    changes += _rules(old_scoring.get("rules", []), new_scoring.get("rules", []))
    changes += _grades(old_scoring.get("grades", []), new_scoring.get("grades", []))
    settings = tuple(k for k in ("overall", "rounding") if old_scoring.get(k) != new_scoring.get(k))
    if settings:
        changes.append(Change("changed", "setting", "scoring", settings))
    return changes


def _title(q: Mapping[str, Any]) -> Text:
    return Text(q["text"]["zh"], q["text"]["en"])


def _rules(old: list[Mapping[str, Any]], new: list[Mapping[str, Any]]) -> list[Change]:
    def identity(rule: Mapping[str, Any]) -> str:
        return _canonical({k: rule.get(k) for k in _RULE_IDENTITY})

    exact_old = [_canonical(r) for r in old]
    exact_new = [_canonical(r) for r in new]
    left = [r for r, c in zip(old, exact_old, strict=True) if c not in exact_new]
    right = [r for r, c in zip(new, exact_new, strict=True) if c not in exact_old]
    changes: list[Change] = []
    for rule in left:
        match = next((r for r in right if identity(r) == identity(rule)), None)
        if match is None:
            changes.append(Change("removed", "rule", rule_name(rule)))
        else:
            right.remove(match)
            changes.append(Change("changed", "rule", rule_name(rule), _differing(rule, match)))
    changes += [Change("added", "rule", rule_name(rule)) for rule in right]
    return changes


def _grades(old: list[Mapping[str, Any]], new: list[Mapping[str, Any]]) -> list[Change]:
    before = {g["grade"]: g for g in old}
    after = {g["grade"]: g for g in new}
    changes: list[Change] = []
    for grade, band in before.items():
        if grade not in after:
            changes.append(Change("removed", "grade", grade))
        elif fields := _differing(band, after[grade]):
            changes.append(Change("changed", "grade", grade, fields))
    changes += [Change("added", "grade", g) for g in after if g not in before]
    return changes
