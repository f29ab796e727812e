"""Located problems in a checklist file, and the error that carries them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from qclinic.core.catalogue import text as say
from qclinic.core.text import Text
from qclinic.errors import UserError


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a checklist: where (file, line, path) and what (in both languages)."""

    file: str
    line: int | None
    path: str
    message: Text

    def text(self) -> Text:
        """The problem, located, in both languages."""
        where = self.file + (f":{self.line}" if self.line else "")
        message = self.message
        if self.path:
            return say("checklists.problem", where=where, path=self.path, message=message)
        return say("checklists.problem_unplaced", where=where, message=message)

    def __str__(self) -> str:
        return self.text().en


class ChecklistError(UserError):
    """A checklist that cannot be used, with every problem found in it."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        said = [p.text() for p in self.problems]
        super().__init__(Text("\n".join(t.zh for t in said), "\n".join(t.en for t in said)))

    def __str__(self) -> str:
        """The problems in English, one a line (as before: logs and tests read this)."""
        return "\n".join(str(p) for p in self.problems)


def format_path(parts: Iterable[str | int]) -> str:
    """``("sections", 3, "questions", 1, "type")`` → ``sections[3].questions[1].type``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out
