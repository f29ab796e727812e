"""The built-in checklist library shipped in ``resources/checklists``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from qclinic.core.catalogue import text
from qclinic.core.checklists.loader import load_file
from qclinic.core.checklists.model import Checklist
from qclinic.core.vocabulary import BUILTIN_CHECKLIST_IDS
from qclinic.errors import UserError

BUILTIN_IDS = BUILTIN_CHECKLIST_IDS
_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")


@dataclass(frozen=True)
class Library:
    """Checklists found in one folder, one ``<id>.yaml`` each."""

    folder: Path

    def ids(self) -> list[str]:
        """The ids on disk: built-ins first in their usual order, then any others by name."""
        found = {p.stem for p in self.folder.glob("*.yaml")}
        return [i for i in BUILTIN_IDS if i in found] + sorted(found - set(BUILTIN_IDS))

    def path(self, checklist_id: str) -> Path:
        """The file of *checklist_id*, always inside the folder: an id is never a path."""
        if not _ID.fullmatch(checklist_id):
            raise UserError(text("checklists.not_an_id", checklist=checklist_id))
        path = self.folder / f"{checklist_id}.yaml"
        if not path.is_file():
            known = ", ".join(self.ids()) or text("checklists.none")
            raise UserError(text("checklists.no_such_id", checklist=checklist_id, known=known))
        return path

    def load(self, checklist_id: str) -> Checklist:
        path = self.path(checklist_id)
        stat = path.stat()
        return _load_cached(path, stat.st_mtime_ns, stat.st_size)

    def all(self) -> list[Checklist]:
        return [self.load(i) for i in self.ids()]


@cache
def _load_cached(path: Path, mtime_ns: int, size: int) -> Checklist:
    """Parsed once per file state: an edited file (new mtime or size) is read again."""
    return load_file(path)


def builtin() -> Library:
    from qclinic import paths

    return Library(paths.builtin_checklists_dir())
