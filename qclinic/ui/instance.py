"""Refusing a second app on one data folder, with a message naming the app already running."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from qclinic import paths
from qclinic.instance_lock import InstanceLock


def lock_data_dir(*, quiet: bool = False) -> InstanceLock | None:
    """The data folder's instance lock, or ``None`` (told to the user) when another app holds it."""
    lock = InstanceLock(paths.data_dir())
    if lock.acquire():
        return lock
    text = QCoreApplication.translate(
        "startup",
        "QClinic is already running with the data folder %1 (process %2 on %3). Switch to "
        "that window, or close it first: two apps on one folder could overwrite each other's "
        "work.",
    )
    text = text.replace("%2", lock.holder_pid).replace("%3", lock.holder_host)
    text = text.replace("%1", str(paths.data_dir()))
    print(f"error: {text}", file=sys.stderr)
    if not quiet:
        QMessageBox.warning(None, QCoreApplication.translate("startup", "QClinic"), text)
    return None
