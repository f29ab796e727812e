"""Located problems in a checklist file, and the error that carries them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from qclinic.errors import UserError


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a checklist: where (file, line, path) and what."""

    file: str
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class ChecklistError(UserError):
    """A checklist that cannot be used, with every problem found in it."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def format_path(parts: Iterable[str | int]) -> str:
    """``("sections", 3, "questions", 1, "type")`` → ``sections[3].questions[1].type``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out
