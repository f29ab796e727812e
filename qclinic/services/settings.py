"""The user's settings (language, report defaults, logo, where they were): read and change them.

The settings are not in the database but in a small JSON file of the data folder, written
atomically by :mod:`qclinic.settings`. Changing them still goes the one way every change goes:
:meth:`SettingsService.update` reads the file as it is now (so what another view stored meanwhile
is kept), changes the named fields, writes it, and announces a
:class:`~qclinic.services.events.ChangeEvent` for the entity ``"settings"`` whose ids are the
names of the fields that changed. Nothing changed, nothing is written or announced. (Only
remembering the page the user is on is written silently: see :meth:`SettingsService.remember_page`.)
"""

from __future__ import annotations

import contextlib
import shutil
from dataclasses import fields
from pathlib import Path
from typing import Any

from qclinic import paths
from qclinic import settings as stored
from qclinic.core.catalogue import text
from qclinic.errors import UserError
from qclinic.services.base import Service
from qclinic.settings import Settings

__all__ = ["ENTITY", "LOGO_STEM", "Settings", "SettingsService"]

#: the entity of the change events the settings publish
ENTITY = "settings"
#: the report logo's file name in the data folder (its suffix is the image's)
LOGO_STEM = "report-logo"
_FIELDS = frozenset(f.name for f in fields(Settings))


class SettingsService(Service):
    """The user settings of this data folder (see the module docstring)."""

    def current(self) -> Settings:
        """The settings as stored now (the defaults when the file is missing or unreadable)."""
        return stored.load()

    def update(self, *, source: object | None = None, **changes: Any) -> Settings:
        """Set the named fields of the stored settings, keeping the others as they are now.

        Returns:
            The settings as written.

        Raises:
            UserError: An unknown field, or the file could not be written (nothing changed then).
        """
        latest, changed = self._write(changes)
        if changed:
            self._publish({ENTITY: changed}, source=source)
        return latest

    def remember_page(self, key: str) -> None:
        """Store the page the user is on, so the next start opens there.

        Only a convenience, and not the user's work: it is written without an announcement (the
        status bar's "Saved" would otherwise follow every click in the navigation), and a data
        folder that cannot be written loses it silently.
        """
        with contextlib.suppress(UserError):
            self._write({"last_page": key})

    def _write(self, changes: dict[str, Any]) -> tuple[Settings, list[str]]:
        """Write *changes* over the stored settings; the settings and the fields that changed."""
        unknown = sorted(set(changes) - _FIELDS)
        if unknown:
            raise UserError(text("settings.unknown_setting", name=", ".join(unknown)))
        latest = stored.load()
        changed = [name for name, value in changes.items() if getattr(latest, name) != value]
        if not changed:
            return latest, []
        for name in changed:
            setattr(latest, name, changes[name])
        try:
            stored.save(latest)
        except OSError as exc:
            raise UserError(text("settings.save_failed", reason=exc.strerror or str(exc))) from exc
        return latest, changed

    def adopt_logo(self, source_path: Path) -> Path:
        """A copy of the image *source_path* in the data folder, for the reports (its path).

        The report keeps its logo when the original file is moved or was on a USB stick. The
        previous logo's copy is removed; a file already adopted is returned as it is. The
        settings are not changed: :meth:`update` ``logo_path`` with the returned path.

        Raises:
            UserError: The file could not be copied.
        """
        folder = paths.data_dir()
        if source_path.parent.resolve() == folder.resolve() and source_path.stem == LOGO_STEM:
            return source_path
        target = folder / f"{LOGO_STEM}{source_path.suffix.lower()}"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source_path, target)
        except OSError as exc:
            raise UserError(
                text("settings.logo_copy_failed", path=source_path, reason=exc.strerror or exc)
            ) from exc
        for old in folder.glob(f"{LOGO_STEM}.*"):
            if old != target:
                old.unlink(missing_ok=True)
        return target
