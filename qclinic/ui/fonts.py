"""Registering the bundled CJK font with Qt so Chinese renders on machines without one."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from qclinic import paths

log = logging.getLogger(__name__)

CJK_FONT_FILE = "DroidSansFallbackFull.ttf"


def install_cjk_font(app: QApplication) -> str | None:
    """Add the bundled font and put it behind the default family as the CJK fallback."""
    font_id = QFontDatabase.addApplicationFont(str(paths.resources_dir() / "fonts" / CJK_FONT_FILE))
    if font_id < 0:
        log.warning("could not load the bundled CJK font")
        return None
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    log.info("CJK font loaded: %s", family)  # the installer's smoke test reads this line
    font = app.font()
    font.setFamilies([font.family(), family])
    app.setFont(font)
    # Families asked for by name elsewhere (style sheets, rich text) fall back to it too.
    for name in (font.family(), "Sans Serif", "SimSun", "Microsoft YaHei", "PingFang SC"):
        QFont.insertSubstitution(name, family)
    return family
