"""Qt Linguist translations: our ``.qm`` files from ``resources/translations`` and Qt's own.

Source strings are English, wrapped in ``self.tr()`` (or ``QCoreApplication.translate``);
``python -m qclinic.devtools translations`` refreshes ``qclinic_zh_CN.ts`` with ``pyside6-lupdate``
and compiles it with ``pyside6-lrelease``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from qclinic import paths

log = logging.getLogger(__name__)

_installed: list[QTranslator] = []


def system_language() -> str:
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def install_translators(app: QApplication, lang: str) -> None:
    """Switch the app to *lang* ("zh" or "en"); English needs no translator."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if lang != "zh":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    ours = QTranslator(app)
    ours_path = paths.resources_dir() / "translations" / "qclinic_zh_CN.qm"
    if ours.load(str(ours_path)):
        app.installTranslator(ours)
        _installed.append(ours)
        # The installer's smoke test reads this line to know the frozen app found its translations.
        log.info("translations loaded: %s", ours_path)
    else:
        log.warning("translations not found: %s", ours_path)
    qt = QTranslator(app)
    if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
