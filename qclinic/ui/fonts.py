"""Registering the bundled fonts with Qt, so every text the UI prints has a glyph on any machine.

Two fonts: the bundled ``DroidSansFallbackFull.ttf`` for Chinese, and DejaVu Sans for symbols
(arrows, dashes, ▲▼, the sparkline's blocks, ×, σ…), which DroidSansFallback lacks. DejaVu Sans
ships with matplotlib, a dependency, and is found without importing it. Both stand *behind* the
system's own font: they only draw what it cannot. ``tests/ui/test_symbols.py`` checks every
non-Chinese, non-ASCII character of the UI's strings against the two.
"""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from qclinic import paths

log = logging.getLogger(__name__)

CJK_FONT_FILE = "DroidSansFallbackFull.ttf"
SYMBOL_FONT_FILE = "DejaVuSans.ttf"


def cjk_font_path() -> Path:
    return paths.resources_dir() / "fonts" / CJK_FONT_FILE


def symbol_font_path() -> Path | None:
    """matplotlib's DejaVu Sans (``None`` without matplotlib), found without importing it."""
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "mpl-data/fonts/ttf"
    path = path / SYMBOL_FONT_FILE
    return path if path.is_file() else None


def _add(path: Path | None) -> str | None:
    font_id = QFontDatabase.addApplicationFont(str(path)) if path is not None else -1
    if font_id < 0:
        log.warning("could not load the bundled font %s", path)
        return None
    return QFontDatabase.applicationFontFamilies(font_id)[0]


def install_cjk_font(app: QApplication) -> str | None:
    """Add the bundled fonts and put them behind the default family as fallbacks.

    Returns the CJK family's name (``None`` if it could not be loaded).
    """
    family = _add(cjk_font_path())
    symbols = _add(symbol_font_path())
    # The installer's smoke test reads these lines to know the frozen app found both fonts.
    log.info("CJK font loaded: %s; symbol font loaded: %s", family, symbols)
    font = app.font()
    fallbacks = [name for name in (symbols, family) if name and name != font.family()]
    font.setFamilies([font.family(), *fallbacks])
    app.setFont(font)
    if family is None:
        return None
    # Families asked for by name elsewhere (style sheets, rich text) fall back to it too.
    for name in (font.family(), "Sans Serif", "SimSun", "Microsoft YaHei", "PingFang SC"):
        QFont.insertSubstitution(name, family)
    return family
