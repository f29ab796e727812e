"""The checklist library: the checklists an assessment can be started with.

Reading the list goes through plain ``sqlite3`` (:func:`qclinic.storage.library.list_library`),
so a screen listing checklists does not wait for SQLAlchemy. Importing a checklist file validates
it and stores it as a new version in one transaction, announced like any change.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qclinic.services.base import Service
from qclinic.storage.library import LibraryEntry, list_library

if TYPE_CHECKING:
    from qclinic.core.checklists import Checklist, Problem
    from qclinic.core.checklists.diff import Change

__all__ = ["LibraryEntry", "LibraryService", "WorkbookReading"]


@dataclass(frozen=True)
class WorkbookReading:
    """A checklist workbook as read: the checklist, or every problem found (located by cell)."""

    path: Path
    checklist: Checklist | None
    problems: tuple[Problem, ...]


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

    def versions(self, checklist_id: str) -> list[LibraryEntry]:
        """Every installed version of *checklist_id*, newest first."""
        from qclinic.storage.library import list_versions

        return list_versions(self._database, checklist_id)

    def read_workbook(self, path: Path) -> WorkbookReading:
        """Read a checklist workbook (.xlsx) without installing it: the checklist for a preview,
        or every problem in it. Reads no database; safe on a worker thread."""
        from qclinic.core.checklists import build
        from qclinic.core.checklists.workbook_read import read_workbook

        data, problems = read_workbook(path)
        checklist = build(data) if data is not None and not problems else None
        return WorkbookReading(path, checklist, tuple(problems))

    def install(self, checklist: Checklist, *, source: object | None = None) -> LibraryEntry:
        """Add *checklist* (read from a file or a workbook) to the library as a new version.

        The versions already installed stay; assessments keep the version they were started with.

        Raises:
            UserError: That version is already stored with other content.
        """
        from qclinic.storage.library import store_checklist

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

    def import_workbook(self, path: Path, *, source: object | None = None) -> LibraryEntry:
        """Read the checklist workbook *path* and install it; nothing is installed on a problem.

        Raises:
            ChecklistError: Every problem in the workbook, each located by sheet and cell.
            UserError: That version is already stored with other content.
        """
        from qclinic.core.checklists import ChecklistError

        reading = self.read_workbook(path)
        if reading.checklist is None:
            raise ChecklistError(reading.problems)
        return self.install(reading.checklist, source=source)

    def export_workbook(self, checklist_id: str, path: Path, version: str | None = None) -> None:
        """Write a checklist version (the newest when *version* is None) as a workbook at *path*."""
        from qclinic.core.checklists.workbook_write import write_workbook

        write_workbook(self.content(checklist_id, version), path)

    def diff(self, checklist_id: str, old: str, new: str) -> list[Change]:
        """The questions and rules added, removed and changed from version *old* to *new*.

        Raises:
            UserError: Either version is not installed.
        """
        from qclinic.core.checklists.diff import diff

        return diff(self.content(checklist_id, old), self.content(checklist_id, new))
