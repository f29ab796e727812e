"""The bundled CJK font for matplotlib, so Chinese labels render on machines without one."""

from __future__ import annotations

import logging

from matplotlib import font_manager, rcParams

from qclinic import paths

log = logging.getLogger(__name__)

CJK_FONT_FILE = "DroidSansFallbackFull.ttf"

#: Latin text keeps matplotlib's usual face; glyphs it lacks fall back to the CJK font.
_LATIN_FAMILY = "DejaVu Sans"

_registered: str | None = None


def register_cjk_font() -> str | None:
    """Add the bundled font to matplotlib once and put it behind the sans-serif default.

    Returns the font's family name, or ``None`` when the file cannot be loaded (Chinese glyphs
    would then be missing, which matplotlib reports as a warning when drawing).
    """
    global _registered
    if _registered is not None:
        return _registered
    path = paths.resources_dir() / "fonts" / CJK_FONT_FILE
    try:
        font_manager.fontManager.addfont(str(path))
        family = font_manager.FontProperties(fname=str(path)).get_name()
    except (OSError, RuntimeError) as exc:
        log.warning("could not load the bundled CJK font for charts: %s", exc)
        return None
    fallbacks = [f for f in rcParams["font.sans-serif"] if f not in (_LATIN_FAMILY, family)]
    rcParams["font.sans-serif"] = [_LATIN_FAMILY, family, *fallbacks]
    # A generic family resolves to one font only; naming the CJK family after it makes matplotlib
    # fall back to it glyph by glyph (matplotlib ≥ 3.6).
    rcParams["font.family"] = ["sans-serif", family]
    _registered = family
    return family
