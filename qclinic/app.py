"""The desktop app's start-up, in a fixed order.

arguments (parsed by :mod:`qclinic.cli`) → paths → logging → exception hook → ``QApplication`` →
fonts and translator → main window shown and painted → open (and if needed migrate) the database →
first page loaded. The window paints before SQLAlchemy is even imported, so the user sees the app
at once; ``--quit-after-start`` exits when the first page's data is on screen.
"""

from __future__ import annotations

import argparse
import logging
import sys
from logging.handlers import RotatingFileHandler
from typing import TYPE_CHECKING

from qclinic import paths

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from qclinic.crashes import UncleanExit
    from qclinic.settings import Settings
    from qclinic.storage.database import Database

log = logging.getLogger("qclinic")

#: The start-up integrity check (``PRAGMA quick_check``, ~1.5 ms per MB) may delay the first page
#: by at most this much; a bigger file is checked to the end in the background.
STARTUP_CHECK_BUDGET_MS = 150


class _QuietHandler(RotatingFileHandler):
    """A log that cannot be written (full or removed USB stick) must not print tracebacks."""

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def setup_logging() -> None:
    handler = _QuietHandler(
        paths.logs_dir() / "qclinic.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def _timing(event: str) -> None:
    """With QCLINIC_TIMING=1, print when start-up milestones happen (benchmarks read it)."""
    import os
    import time

    if os.environ.get("QCLINIC_TIMING"):
        print(f"qclinic-timing {event} {time.time():.6f}", file=sys.stderr, flush=True)


def _finish_integrity_check(database: Database, window: QWidget, app: QApplication) -> None:
    """Check the rest of a big database in the background; on damage, say so and stop."""
    from qclinic.storage.startup import quick_check
    from qclinic.ui import errors
    from qclinic.ui.tasks import run_task

    def damaged(exc: BaseException) -> None:
        errors.show_error(exc, window)
        app.exit(2)

    run_task(lambda _progress: quick_check(database.path), on_error=damaged)


def _set_app_icon(app: QApplication) -> None:
    """The title bar's and task bar's icon (the installer's desktop entry uses the same)."""
    from PySide6.QtGui import QIcon

    icons = paths.resources_dir() / "icons"
    icon = QIcon()
    for name in ("qclinic-48.png", "qclinic-128.png", "qclinic.png"):
        if (icons / name).is_file():
            icon.addFile(str(icons / name))
    if not icon.isNull():
        app.setWindowIcon(icon)


def start(args: argparse.Namespace) -> int:
    setup_logging()
    from PySide6.QtWidgets import QApplication

    from qclinic import settings as user_settings
    from qclinic.ui import errors, i18n
    from qclinic.ui.fonts import install_cjk_font

    errors.install_excepthook()
    from qclinic.system_libs import check_qt_platform

    check_qt_platform()  # name the missing X11 libraries instead of Qt's abort
    app = QApplication(sys.argv[:1])
    from qclinic.ui import collector

    collector.install(app)  # reference cycles are collected on the UI thread only
    app.setApplicationName("QClinic")
    app.setOrganizationName("QClinic")
    install_cjk_font(app)
    prefs = user_settings.load()
    lang = args.lang or prefs.language or i18n.system_language()
    i18n.install_translators(app, lang)
    from qclinic.ui.instance import lock_data_dir

    lock = lock_data_dir(quiet=args.quit_after_start)  # one app per data folder
    if lock is None:
        return 2
    # Only the instance that holds the lock owns the run marker (a refused second start must not
    # overwrite or remove the running one's).
    from qclinic.crashes import RunMarker

    marker = RunMarker(paths.logs_dir())
    previous = marker.open()
    if previous is not None:
        log.warning(
            "the run started %s (pid %d) did not quit", previous.started_text(), previous.pid
        )
    try:
        return _run(args, app, lang, prefs, previous)
    finally:
        marker.close()


def _run(
    args: argparse.Namespace,
    app: QApplication,
    lang: str,
    prefs: Settings,
    previous: UncleanExit | None,
) -> int:
    from PySide6.QtCore import QTimer

    from qclinic.ui import errors
    from qclinic.ui.main_window import MainWindow
    from qclinic.ui.signals import AppSignals

    signals = AppSignals()
    window = MainWindow(signals, lang=lang, start_page=prefs.last_page)
    state: dict[str, object] = {}

    def open_data() -> None:
        from qclinic.errors import UserError
        from qclinic.storage.library import install_builtin_library
        from qclinic.storage.startup import open_database

        try:
            database = open_database(check_budget_ms=STARTUP_CHECK_BUDGET_MS)
            install_builtin_library(database)
        except UserError as exc:
            errors.show_error(exc, window)
            app.exit(2)
            return
        state["database"] = database
        log.info("opened %s", database.path)
        window.attach_database(database)
        if not database.integrity_checked:
            _finish_integrity_check(database, window, app)

    window.first_paint_done.connect(lambda: _timing("painted"))
    window.first_paint_done.connect(lambda: QTimer.singleShot(0, open_data))
    window.first_paint_done.connect(lambda: _set_app_icon(app))  # after the paint: not on its path
    window.first_screen_loaded.connect(lambda: _timing("loaded"))
    if previous is not None:
        window.first_screen_loaded.connect(
            lambda: errors.show_unclean_exit(window, previous, paths.logs_dir() / "qclinic.log")
        )
    if args.quit_after_start:
        window.first_screen_loaded.connect(lambda: QTimer.singleShot(0, app.quit))
    quit_after = getattr(args, "quit_after", None)
    if quit_after is not None:
        delay_ms = max(0, int(quit_after * 1000))
        window.first_screen_loaded.connect(lambda: QTimer.singleShot(delay_ms, window.close))
    window.show()
    code = int(app.exec())
    # Background tasks (imports, statistics, reports) are cancelled and their threads joined while
    # the QApplication still exists.
    from qclinic.ui import collector, tasks

    tasks.shutdown()
    collector.uninstall()
    database = state.get("database")
    if database is not None:
        database.dispose()  # type: ignore[attr-defined]
    return code
