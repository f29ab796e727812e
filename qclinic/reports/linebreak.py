"""Breaking Chinese paragraphs into lines with the line-start and line-end rules (行首/行尾禁则).

reportlab's CJK wrapping (``wordWrap="CJK"``) breaks between any two characters and, when the
character pushed to the next line may not start one, lets that one character hang in the margin;
its list of such characters misses the full-width comma, colon, semicolon, question and
exclamation marks and the closing book-title mark, and it never keeps an opening bracket or quote
off a line's end. So lines began with "，" or "？". This module breaks the lines itself:

- closing punctuation (，。、；：？！）」』》〉】〕”’…% and their ASCII forms) never starts a line;
- opening punctuation (（「『《〈【〔“‘ and ASCII openers) never ends one;
- a Latin word or number is not cut, unless it is longer than the line.

When the natural break point breaks a rule, the break moves back (the last characters of the line
go down with the one that may not start a line), as Chinese typesetting does (GB/T 15834's
punctuation belongs to the text it follows), rather than hanging punctuation into the margin.
The pieces are reportlab's own (:class:`cjkU`, :func:`makeCJKParaLine`), so drawing is unchanged.
:class:`Para` is the report's paragraph (it uses these rules), and :func:`wrapping_style` gives
a paragraph holding Chinese the CJK wrapping even in an English report.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import ParaLines, _handleBulletWidth, cjkU, makeCJKParaLine
from reportlab.rl_config import _FUZZ

#: Characters that may not begin a line (closing punctuation, marks that follow what they mark).
CANNOT_START = frozenset(
    "，。、；：？！）」』》〉】〕〗〙〛”’…‥·％‰℃°′″～﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞,.;:?!)]}%"
)
#: Characters that may not end a line (opening punctuation, currency and number signs).
CANNOT_END = frozenset("（「『《〈【〔〖〘〚“‘﹙﹛﹝([{￥＄$£#@§")

#: How far back (in characters) a break may move to obey the rules before they are given up.
_MAX_BACKTRACK = 6


def is_wide(char: str) -> bool:
    """Whether *char* is CJK-like: a line may break before or after it."""
    return ord(char) >= 0x2E80 or unicodedata.east_asian_width(char) in ("W", "F")


def _is_word_char(char: str) -> bool:
    """Part of a Latin word or number (no break inside)."""
    return bool(char) and not is_wide(char) and not char.isspace()


def allowed(text: str, index: int) -> bool:
    """Whether a line may break before ``text[index]`` (between index - 1 and index)."""
    before, after = text[index - 1], text[index]
    if after in CANNOT_START or before in CANNOT_END:
        return False
    return not (_is_word_char(before) and _is_word_char(after))


def break_point(text: str, start: int, end: int) -> int:
    """Where the line ``text[start:end]`` (which overflows at *end*) should end instead.

    The break moves back at most :data:`_MAX_BACKTRACK` characters for the punctuation rules,
    and as far as the line's start to keep a Latin word whole; a word longer than the line is
    cut (still obeying the punctuation rules when it can), and when nothing else fits the break
    stays at *end*, so every line makes progress.
    """
    limit = max(start + 1, end - _MAX_BACKTRACK)
    for index in range(end, limit - 1, -1):
        if allowed(text, index):
            return index
    for index in range(limit - 1, start, -1):
        if allowed(text, index):
            return index
    for index in range(end, start, -1):  # at least keep the punctuation rules
        if text[index] not in CANNOT_START and text[index - 1] not in CANNOT_END:
            return index
    return end


def split_frags(
    frags: list[Any], max_widths: list[float], calc_bounds: bool, encoding: str = "utf8"
) -> Any:
    """reportlab's ``cjkFragSplit`` with the line-start and line-end rules (same result type)."""
    units: list[Any] = []
    for frag in frags:
        text = frag.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            units.extend(cjkU(char, frag, encoding) for char in text)
        else:
            units.append(cjkU(text, frag, encoding))
    plain = "".join(str(u) if len(u) == 1 else "\ufffc" for u in units)
    lines: list[Any] = []
    start = index = 0
    used = 0.0
    max_width = max_widths[0]

    def width(unit: Any) -> float:
        value = unit.width
        if hasattr(value, "normalizedValue"):
            value._normalizer = max_width
            value = value.normalizedValue(max_width)
        return float(value)

    def close(end: int, forced: bool) -> None:
        nonlocal start, used, max_width
        line_width = sum(width(u) for u in units[start:end])
        lines.append(
            makeCJKParaLine(
                units[start:end], max_width, line_width, max_width - line_width, forced, calc_bounds
            )
        )
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        start, used = end, 0.0

    while index < len(units):
        unit = units[index]
        step = width(unit)
        if hasattr(unit.frag, "lineBreak"):
            index += 1
            close(index, True)
            continue
        if used + step > max_width + _FUZZ and index > start:
            end = break_point(plain, start, index)
            while end < index and plain[end] == " ":
                end += 1  # a space at the break stays at the end of the line, unseen
            close(end, False)
            index = start
            continue
        used += step
        index += 1
    if used > 0 or start < len(units):
        close(len(units), False)
    return ParaLines(kind=1, lines=lines)


class Para(Paragraph):
    """A paragraph that does not break its lines again for the width it was just wrapped to,
    and breaks Chinese lines by the line-start and line-end rules.

    Tables wrap every cell to measure its row and then again to draw it; breaking Chinese text
    into lines is most of a report's layout time, so the second wrap reuses the first.
    """

    _wrapped_width: float | None = None

    def breakLinesCJK(self, maxWidths: Any) -> Any:  # reportlab's names
        """Chinese lines obey the line-start and line-end rules (:func:`split_frags`)."""
        if getattr(self, "_splitpara", 0) and hasattr(self, "blPara"):
            return self.blPara
        widths = list(maxWidths) if isinstance(maxWidths, list | tuple) else [maxWidths]
        _handleBulletWidth(self.bulletText, self.style, widths)
        autoleading = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        return split_frags(self.frags, widths, autoleading not in ("", "off"))

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self._wrapped_width == available_width and "blPara" in self.__dict__:
            return self.width, self.height
        width, height = super().wrap(available_width, available_height)
        self._wrapped_width = available_width
        return width, height


_CJK_STYLES: dict[str, ParagraphStyle] = {}


def wrapping_style(text: str, style: Any) -> Any:
    """*style*, wrapping by the Chinese rules when *text* holds Chinese (an English report
    prints the Chinese a consultant typed; Latin wrapping would cut it anywhere)."""
    if style.wordWrap == "CJK" or not any(is_wide(char) for char in text):
        return style
    variant = _CJK_STYLES.get(style.name)
    if variant is None:
        variant = _CJK_STYLES[style.name] = ParagraphStyle(
            f"{style.name}-cjk", parent=style, wordWrap="CJK"
        )
    return variant
