"""Showing errors: a clear dialog for what the user can fix, a bug report for the rest."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from qclinic.core.bilingual import order_for
from qclinic.errors import UserError

if TYPE_CHECKING:
    from qclinic.crashes import UncleanExit

log = logging.getLogger(__name__)


def ui_language() -> str:
    """The interface language now: "zh" when the Chinese translation is installed."""
    # QLocale here, not at import: building its type (hundreds of language and country enum
    # values) cost 15 ms of start-up before the first paint
    from PySide6.QtCore import QLocale

    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def user_message(exc: BaseException, lang: str | None = None) -> str:
    """The message of an error as shown: a catalogue message in the UI language; a bilingual
    string with the UI language's part first."""
    if isinstance(exc, UserError):
        return exc.message(lang or ui_language())
    return order_for(str(exc), lang or ui_language())


def show_error(exc: BaseException, parent: object = None) -> None:
    """A message box for *exc*: its message for a UserError, a bug notice otherwise.

    In the Chinese interface a bilingual message ("English…\n中文…") leads with its Chinese
    part, and the title is translated.
    """
    if isinstance(exc, UserError):
        QMessageBox.warning(
            parent,  # type: ignore[arg-type]
            QCoreApplication.translate("errors", "Cannot do that"),
            user_message(exc),
        )
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


def show_unclean_exit(parent: QWidget, previous: UncleanExit, log_path: Path) -> None:
    """Tell the user, without blocking them, that the last run ended without quitting."""
    details = previous.crash_log or log_path
    text = (
        QCoreApplication.translate(
            "errors",
            "QClinic did not close properly last time (the session started %1); it may have "
            "crashed or been stopped. Every change you saw saved is kept.",
        ).replace("%1", previous.started_text())
        + "\n\n"
        + QCoreApplication.translate("errors", "Details are in %1").replace("%1", str(details))
    )
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("errors", "The last session did not end"),
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    from PySide6.QtCore import Qt  # here: the Qt namespace costs 14 ms of start-up at import

    box.setObjectName("uncleanExitNotice")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # not modal: the app is usable at once, and scripted starts are not held up


def install_excepthook() -> None:
    """Route uncaught exceptions (also those raised in slots) to :func:`show_error`."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("uncaught: %s", "".join(traceback.format_exception(kind, exc, tb)))
        if QApplication.instance() is not None:
            show_error(exc)

    sys.excepthook = hook
