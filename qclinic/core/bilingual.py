"""Bilingual messages: split "English…\\n中文…" into its parts and put the reader's language first.

Many messages the user sees are written in both languages, English lines first and then the
Chinese lines (``RecordLocked``, ``SealBroken``, the amend and contact-check messages…). A line
belongs to the Chinese part when, quoted names aside, CJK characters outweigh Latin letters (see
:func:`is_chinese_line`); the Chinese part
starts at the first such line after at least one English line (an English sentence quoting a
Chinese name stays English). A message without both parts is left as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’|'[^']*'")


def _cjk(ch: str) -> bool:
    """A CJK ideograph or full-width punctuation (，。：；（）), which only Chinese text uses."""
    code = ord(ch)  # code points, not characters: the bounds are never printed
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x3000 <= code <= 0x303F
        or 0xFF00 <= code <= 0xFFEF
    )


def is_chinese_line(line: str) -> bool:
    """Whether *line* is Chinese: quoted names and values aside, CJK outweighs Latin letters.

    A CJK character carries about a word, so it counts twice against Latin letters.
    """
    bare = _QUOTED.sub("", line)
    cjk = sum(1 for ch in bare if _cjk(ch))
    latin = sum(1 for ch in bare if ch.isascii() and ch.isalpha())
    return cjk > 0 and 2 * cjk > latin


@dataclass(frozen=True)
class Bilingual:
    """A message cut into its English and Chinese parts (either may be empty)."""

    en: str
    zh: str

    @property
    def both(self) -> bool:
        return bool(self.en) and bool(self.zh)


def split_bilingual(message: str) -> Bilingual:
    """The English and Chinese parts of *message* (see the module docstring for the rule)."""
    lines = message.split("\n")
    kinds = [is_chinese_line(line) if line.strip() else None for line in lines]
    first_en = next((i for i, k in enumerate(kinds) if k is False), None)
    first_zh = next((i for i, k in enumerate(kinds) if k is True), None)
    if first_en is None or first_zh is None:
        text = message.strip()
        return Bilingual("", text) if first_zh is not None else Bilingual(text, "")
    if first_en < first_zh:  # English first, the usual order
        cut = first_zh
        return Bilingual("\n".join(lines[:cut]).strip(), "\n".join(lines[cut:]).strip())
    cut = first_en  # Chinese first
    return Bilingual("\n".join(lines[cut:]).strip(), "\n".join(lines[:cut]).strip())


def order_for(message: str, lang: str) -> str:
    """*message* with the part in *lang* first (``zh`` or ``en``); unchanged if not bilingual."""
    parts = split_bilingual(message)
    if not parts.both:
        return message
    first, second = (parts.zh, parts.en) if lang == "zh" else (parts.en, parts.zh)
    return f"{first}\n{second}"
