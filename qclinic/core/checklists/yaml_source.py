"""Reading YAML with line numbers for any path, and no silent duplicate keys."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

from qclinic.core.checklists.problems import Problem, format_path

try:  # the C loader is several times faster; fall back where libyaml is missing
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


#: A checklist nests sections in sections a few levels deep; far deeper is an attack or an accident
#: that would exhaust the parser's stack.
MAX_DEPTH = 40


def load(text: str, file: str) -> tuple[Any, list[Problem]]:
    """Parse *text*; a syntax error comes back as a located problem, never an exception.

    Anchors and aliases (``&name`` / ``*name``) are refused before anything is built: a few
    lines of aliases can expand to billions of nodes (a "billion laughs" file), and a checklist
    never needs them. So is nesting deeper than :data:`MAX_DEPTH`.
    """
    try:
        problem = _structure_problem(text, file)
        if problem is not None:
            return None, [problem]
        return yaml.load(text, Loader=_Loader), []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        what = getattr(exc, "problem", None) or str(exc)
        return None, [Problem(file, line, "", f"not valid YAML: {what}")]


def _structure_problem(text: str, file: str) -> Problem | None:
    """The first alias, anchor or too-deep nesting, read from the parser's events (cheap, flat)."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            return Problem(
                file,
                line,
                "",
                "YAML anchors and aliases (&name, *name) are not allowed in a "
                "checklist: write each value out",
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return Problem(file, line, "", f"nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


class LineIndex:
    """Maps a path inside the document to the line it starts on."""

    def __init__(self, text: str) -> None:
        try:
            self._root: yaml.Node | None = yaml.compose(text, Loader=_Loader)
        except yaml.YAMLError:
            self._root = None

    def line(self, path: Sequence[str | int]) -> int | None:
        """The 1-based line of the deepest node on *path* that exists."""
        node = self._root
        if node is None:
            return None
        best: int = node.start_mark.line + 1
        for part in path:
            child = _child(node, part)
            if child is None:
                break
            node = child
            best = node.start_mark.line + 1
        return best

    def duplicate_keys(self, file: str) -> list[Problem]:
        """Keys given twice in one mapping: YAML keeps the last silently, we refuse."""
        problems: list[Problem] = []
        if self._root is not None:
            _find_duplicates(self._root, [], file, problems)
        return problems


def _child(node: yaml.Node, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        for key, value in node.value:
            if key.value == part:
                return value
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]
    return None


def _find_duplicates(
    node: yaml.Node, path: list[str | int], file: str, problems: list[Problem]
) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if key.value in seen:
                problems.append(
                    Problem(
                        file,
                        key.start_mark.line + 1,
                        format_path([*path, key.value]),
                        f"the key {key.value!r} is given twice",
                    )
                )
            seen.add(key.value)
            _find_duplicates(value, [*path, key.value], file, problems)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _find_duplicates(item, [*path, index], file, problems)
