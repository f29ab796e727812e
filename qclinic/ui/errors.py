"""Showing errors: a clear dialog for what the user can fix, a bug report for the rest."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from qclinic.errors import UserError

log = logging.getLogger(__name__)


def show_error(exc: BaseException, parent: object = None) -> None:
    """A message box for *exc*: its message for a UserError, a bug notice otherwise."""
    if isinstance(exc, UserError):
        QMessageBox.warning(
            parent, QCoreApplication.translate("errors", "Cannot do that"), str(exc)
        )  # type: ignore[arg-type]
        return
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    QMessageBox.critical(
        parent,  # type: ignore[arg-type]
        QCoreApplication.translate("errors", "Internal error"),
        QCoreApplication.translate(
            "errors",
            "Something went wrong inside QClinic; your saved work is safe. "
            "The details were written to the log file.",
        )
        + f"\n\n{type(exc).__name__}: {exc}",
    )


def install_excepthook() -> None:
    """Route uncaught exceptions (also those raised in slots) to :func:`show_error`."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("uncaught: %s", "".join(traceback.format_exception(kind, exc, tb)))
        if QApplication.instance() is not None:
            show_error(exc)

    sys.excepthook = hook
