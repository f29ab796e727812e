"""The printed reports' words in the report language, read from the catalogue's ``reports`` area.

Independent of the UI language and of Qt: the report language is a setting of its own
(``Settings.report_language``) or the ``--lang`` of ``qclinic report``. The words themselves live in
:mod:`qclinic.core.catalogue.reports`; this module picks the language and formats.
"""

from __future__ import annotations

from enum import StrEnum

from qclinic.core.catalogue import find, say

LANGUAGES = ("zh", "en")


def check_language(lang: str) -> str:
    """*lang* if it is a report language.

    Raises:
        ValueError: Not ``zh`` or ``en``.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"report language must be zh or en, not {lang!r}")
    return lang


def t(key: str, lang: str, **values: object) -> str:
    """The report string *key* in *lang*, with ``{placeholders}`` filled from *values*."""
    return say(f"reports.{key}", lang, **values)


def label(value: str | StrEnum | None, lang: str) -> str:
    """The display label of a stored vocabulary value (the value itself when unknown)."""
    if value is None:
        return ""
    entry = find(f"reports.label.{value}")
    return str(value) if entry is None else entry.get(lang)


def colon(lang: str) -> str:
    """What follows a label before its value: the full-width colon in Chinese (no space)."""
    return "：" if lang == "zh" else ": "


def parens(text: str, lang: str) -> str:
    """*text* in brackets: full-width in Chinese."""
    return f"（{text}）" if lang == "zh" else f"({text})"


def percent(value: float | None) -> str:
    """A percentage as printed: one decimal, or a dash when there is none."""
    return "—" if value is None else f"{value:.1f}%"
