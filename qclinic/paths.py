"""Every path QClinic uses, in one place.

The data directory comes from, in order: ``--data-dir`` on the command line (which calls
:func:`set_data_dir`), the ``QCLINIC_DATA_DIR`` environment variable, or the platform's user data
directory (``platformdirs``). Everything else — the database, its backups, attachments, logs — lives
below it, so a whole installation can be carried on a USB stick with ``--data-dir``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from qclinic.errors import UserError, medium_error

ENV_DATA_DIR = "QCLINIC_DATA_DIR"
APP_NAME = "QClinic"
DATABASE_NAME = "qclinic.sqlite"

_data_dir_override: Path | None = None


def set_data_dir(path: str | os.PathLike[str] | None) -> None:
    """Use *path* as the data directory for this process (``None`` restores the default)."""
    global _data_dir_override
    _data_dir_override = Path(path).expanduser().resolve() if path is not None else None


def data_dir() -> Path:
    """The data directory, created on first use."""
    if _data_dir_override is not None:
        path = _data_dir_override
    elif os.environ.get(ENV_DATA_DIR):
        path = Path(os.environ[ENV_DATA_DIR]).expanduser().resolve()
    else:
        import platformdirs  # only here: most runs pass --data-dir or the environment variable

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError as error:
        from qclinic.core.catalogue import text

        raise UserError(text("common.data_dir_is_file", path=path, env=ENV_DATA_DIR)) from error
    except OSError as error:
        from qclinic.core.catalogue import text

        raise UserError(
            text(
                "common.data_dir_cannot_create", path=path, reason=error.strerror, env=ENV_DATA_DIR
            )
        ) from error
    return path


def database_path() -> Path:
    return data_dir() / DATABASE_NAME


def backups_dir() -> Path:
    return _subdir("backups")


def attachments_dir() -> Path:
    return _subdir("attachments")


def logs_dir() -> Path:
    return _subdir("logs")


def _subdir(name: str) -> Path:
    path = data_dir() / name
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        from qclinic.core.catalogue import text

        raise medium_error(error) or UserError(
            text("common.os_error", path=path, reason=error.strerror)
        ) from error
    return path


def resources_dir() -> Path:
    """The bundled resources: frozen (PyInstaller), installed wheel, or source checkout."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    package_dir = Path(__file__).resolve().parent
    installed = package_dir / "resources"
    if installed.is_dir():
        return installed
    return package_dir.parent / "resources"


def builtin_checklists_dir() -> Path:
    return resources_dir() / "checklists"


def existing_database_path() -> Path:
    """Where the database would be, without creating the data directory (for read-only checks)."""
    if _data_dir_override is not None:
        folder = _data_dir_override
    elif os.environ.get(ENV_DATA_DIR):
        folder = Path(os.environ[ENV_DATA_DIR]).expanduser().resolve()
    else:
        import platformdirs

        folder = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))
    return folder / DATABASE_NAME
