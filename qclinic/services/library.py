"""The checklist library: the checklists an assessment can be started with.

Reading the list goes through plain ``sqlite3`` (:func:`qclinic.storage.library.list_library`),
so a screen listing checklists does not wait for SQLAlchemy. Importing a checklist file validates
it and stores it as a new version in one transaction, announced like any change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qclinic.services.base import Service
from qclinic.storage.library import LibraryEntry, list_library

__all__ = ["LibraryEntry", "LibraryService"]


class LibraryService(Service):
    """The checklist library (see the module docstring)."""

    def entries(self) -> list[LibraryEntry]:
        """The newest version of each checklist, the built-in ones first in their usual order."""
        return list_library(self._database)

    def titles(self, lang: str) -> dict[str, str]:
        """Checklist id → its title in *lang* ("zh" or "en")."""
        return {e.id: (e.title_zh if lang == "zh" else e.title_en) for e in self.entries()}

    def content(self, checklist_id: str, version: str | None = None) -> dict[str, Any]:
        """The stored content of a checklist version (the newest when *version* is None).

        Raises:
            UserError: The library has no such checklist (version).
        """
        from qclinic.storage.library import checklist_content

        with self._reading() as session:
            return checklist_content(session, checklist_id, version)

    def import_file(self, path: Path, *, source: object | None = None) -> LibraryEntry:
        """Validate the checklist file *path* and add it as a new version.

        Raises:
            UserError: The file is not a valid checklist, or that version is already stored
                with other content.
        """
        from qclinic.core import checklists
        from qclinic.storage.library import store_checklist

        checklist = checklists.load_file(path)
        with self._writing(source) as session:
            store_checklist(session, checklist, "imported")
        return LibraryEntry(
            checklist.id,
            checklist.version,
            checklist.title.zh,
            checklist.title.en,
            checklist.question_count,
            "imported",
        )
