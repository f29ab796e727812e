"""The report fonts: a Latin TrueType font and the bundled CJK font, registered once per process.

Both are TrueType, so reportlab embeds a subset of each in the PDF (only the glyphs used) and the
text stays extractable. Neither font covers everything: DroidSansFallback has no Latin letters or
digits, DejaVu Sans no Chinese. :func:`runs` cuts a string into pieces each drawn by a font that
has its glyphs, and :func:`markup` turns a string into Paragraph markup that does the same.
"""

from __future__ import annotations

import functools
import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from qclinic import paths

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

LATIN = "QC-Latin"
LATIN_BOLD = "QC-Latin-Bold"
CJK = "QC-CJK"
MONO = "QC-Mono"

CJK_FILE = "DroidSansFallbackFull.ttf"


@dataclass(frozen=True)
class FontSet:
    """The registered font names and the code points each font can draw."""

    latin_chars: frozenset[int]
    cjk_chars: frozenset[int]


def _dejavu_dir() -> Path:
    """matplotlib's bundled DejaVu fonts (found without importing matplotlib)."""
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("matplotlib (which ships the DejaVu fonts) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "mpl-data" / "fonts" / "ttf"


@functools.cache
def register() -> FontSet:
    """Register the report fonts with reportlab (once; later calls return the cached set)."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    dejavu = _dejavu_dir()
    latin = TTFont(LATIN, str(dejavu / "DejaVuSans.ttf"))
    cjk = TTFont(CJK, str(paths.resources_dir() / "fonts" / CJK_FILE))
    for font in (
        latin,
        TTFont(LATIN_BOLD, str(dejavu / "DejaVuSans-Bold.ttf")),
        cjk,
        TTFont(MONO, str(dejavu / "DejaVuSansMono.ttf")),
    ):
        pdfmetrics.registerFont(font)
    # <b> inside a paragraph: Latin has a bold face; the CJK font has none and stays regular.
    for bold in (False, True):
        for italic in (False, True):
            addMapping(LATIN, bold, italic, LATIN_BOLD if bold else LATIN)
            addMapping(CJK, bold, italic, CJK)
    return FontSet(frozenset(latin.face.charToGlyph), frozenset(cjk.face.charToGlyph))


def runs(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """*text* cut into ``(font name, piece)`` runs, each piece drawable by its font."""
    fonts = register()
    latin = LATIN_BOLD if bold else LATIN
    out: list[tuple[str, str]] = []
    for char in text:
        code = ord(char)
        font = CJK if code not in fonts.latin_chars and code in fonts.cjk_chars else latin
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + char)
        else:
            out.append((font, char))
    return out


def markup(text: str) -> str:
    """Paragraph markup for plain *text*: escaped, CJK runs in the CJK font, newlines kept."""
    parts = []
    for font, piece in runs(text):
        escaped = escape(piece).replace("\n", "<br/>")
        parts.append(f'<font face="{CJK}">{escaped}</font>' if font == CJK else escaped)
    return "".join(parts)


def string_width(text: str, size: float, bold: bool = False) -> float:
    """The width of *text* drawn with :func:`draw_string`."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(sum(stringWidth(piece, font, size) for font, piece in runs(text, bold)))


def draw_string(canvas: Canvas, x: float, y: float, text: str, size: float, **kw: object) -> None:
    """Draw mixed-script *text* on a reportlab canvas, left-aligned at (x, y).

    Keyword ``bold=True`` uses the bold Latin face; ``anchor="right"`` or ``"centre"`` aligns.
    """
    bold = bool(kw.get("bold", False))
    anchor = kw.get("anchor", "left")
    if anchor != "left":
        width = string_width(text, size, bold)
        x -= width if anchor == "right" else width / 2
    text_object = canvas.beginText(x, y)
    for font, piece in runs(text, bold):
        text_object.setFont(font, size)
        text_object.textOut(piece)
    canvas.drawText(text_object)
