"""The desktop app's start-up, in a fixed order.

arguments (already parsed by :mod:`qclinic.cli`) → paths → logging → exception hook → open and
migrate the database → ``QApplication`` → main window. Heavy modules are imported here, not at the
top of the CLI, so headless commands never pay for Qt.
"""

from __future__ import annotations

import argparse
import logging
import sys
from logging.handlers import RotatingFileHandler

from qclinic import paths

log = logging.getLogger("qclinic")


def setup_logging() -> None:
    handler = RotatingFileHandler(
        paths.logs_dir() / "qclinic.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def start(args: argparse.Namespace) -> int:
    setup_logging()
    from qclinic.storage.startup import open_database

    database = open_database()
    log.info("opened %s", database.path)
    from qclinic.storage.library import install_builtin_library

    install_builtin_library(database)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from qclinic.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    app.setApplicationName("QClinic")
    app.setOrganizationName("QClinic")
    from qclinic.ui.fonts import install_cjk_font

    install_cjk_font(app)
    window = MainWindow(database, lang=args.lang or _system_lang())
    window.show()
    if args.quit_after_start:
        window.first_paint_done.connect(lambda: QTimer.singleShot(0, app.quit))
    return int(app.exec())


def _system_lang() -> str:
    from PySide6.QtCore import QLocale

    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"
