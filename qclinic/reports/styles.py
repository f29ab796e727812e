"""Paragraph and table styles of the printed reports, per language, cached."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from qclinic.reports import fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 22 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#616e7c")
ACCENT = colors.HexColor("#1d4e89")
RULE = colors.HexColor("#cbd2d9")
HEAD_FILL = colors.HexColor("#e4ebf3")
STRIPE = colors.HexColor("#f5f7fa")

GRADE_COLOURS = {
    "A": colors.HexColor("#2f855a"),
    "B": colors.HexColor("#2b6cb0"),
    "C": colors.HexColor("#c05621"),
    "D": colors.HexColor("#c53030"),
}

SEVERITY_COLOURS = {
    "major-nc": colors.HexColor("#c53030"),
    "minor-nc": colors.HexColor("#dd6b20"),
    "observation": colors.HexColor("#b7791f"),
    "opportunity": colors.HexColor("#2b6cb0"),
    "good-practice": colors.HexColor("#2f855a"),
}


@dataclass(frozen=True)
class Styles:
    """The styles one report language uses."""

    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    cell_right: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    toc: ParagraphStyle
    centre: ParagraphStyle


@functools.cache
def styles(lang: str) -> Styles:
    """The styles for report language *lang* (``zh`` wraps between any two CJK characters)."""
    fonts.register()
    wrap = "CJK" if lang == "zh" else None
    leading = 1.45 if lang == "zh" else 1.3

    def style(name: str, size: float, **kw: object) -> ParagraphStyle:
        options: dict[str, object] = {
            "fontName": fonts.LATIN,
            "fontSize": size,
            "leading": size * leading,
            "textColor": INK,
            "wordWrap": wrap,
            "splitLongWords": 1,
            "allowWidows": 0,
            "allowOrphans": 0,
        }
        options.update(kw)
        return ParagraphStyle(f"{lang}-{name}", **options)

    return Styles(
        body=style("body", 9.5, spaceAfter=4),
        small=style("small", 8),
        muted=style("muted", 8, textColor=MUTED),
        cell=style("cell", 8.2),
        cell_head=style("cell-head", 8.2, fontName=fonts.LATIN_BOLD, textColor=ACCENT),
        cell_right=style("cell-right", 8.2, alignment=TA_RIGHT),
        h1=style("h1", 16, textColor=ACCENT, spaceBefore=4, spaceAfter=8, keepWithNext=1),
        h2=style("h2", 12, textColor=ACCENT, spaceBefore=10, spaceAfter=5, keepWithNext=1),
        h3=style("h3", 10, fontName=fonts.LATIN_BOLD, spaceBefore=6, spaceAfter=3, keepWithNext=1),
        title=style("title", 26, leading=36, textColor=ACCENT, alignment=TA_CENTER),
        subtitle=style("subtitle", 13, textColor=MUTED, alignment=TA_CENTER),
        toc=style("toc", 10.5, leading=20),
        centre=style("centre", 9, alignment=TA_CENTER),
    )


def grid(header_rows: int = 1, stripes: bool = True) -> list[tuple[object, ...]]:
    """Table style commands: tinted header, thin rules, zebra stripes."""
    commands: list[tuple[object, ...]] = [
        *base_cell(),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_FILL),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, ACCENT),
        ]
    if stripes:
        commands.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [None, STRIPE]))
    return commands


def base_cell() -> list[tuple[object, ...]]:
    """Cells holding plain strings use the embedded Latin font, never the default Helvetica."""
    return [("FONTNAME", (0, 0), (-1, -1), fonts.LATIN)]


def plain(commands: list[tuple[object, ...]]) -> TableStyle:
    """A :class:`TableStyle` of *commands* on top of :func:`base_cell`."""
    return TableStyle([*base_cell(), *commands])


def table_style(header_rows: int = 1, stripes: bool = True) -> TableStyle:
    """A :class:`TableStyle` from :func:`grid`."""
    return TableStyle(grid(header_rows, stripes))


__all__ = [
    "FRAME_HEIGHT",
    "FRAME_WIDTH",
    "MARGIN_X",
    "PAGE_HEIGHT",
    "PAGE_WIDTH",
    "Styles",
    "mm",
    "styles",
]
