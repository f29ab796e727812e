"""Checking the e-mail addresses and telephone numbers people type into contact fields.

Pure functions, used by the dialogs (as typed) and by the repositories (before saving). Accepted
phone forms, as written in China: a mobile ``1[3-9]`` + 9 digits (``13812345678``); a landline with
its area code, ``0`` + 2–3 digits, an optional hyphen and 7–8 digits (``0551-62345678``,
``01062345678``), optionally an extension (``-123``, ``转123``, ``ext. 123``, ``#123``); either
may be prefixed with ``+86`` / ``0086`` / ``86`` (then the landline's leading 0 is dropped:
``+86 551 6234 5678``). Spaces, hyphens and brackets between digits are ignored for mobiles.
E-mail: one ``@``, a local part without spaces, and a dotted domain (``name@example.com``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"0\d{2,3}-?\d{7,8}")
_EXTENSION = re.compile(r"(?:-|转|ext\.?|x|#)\s*(\d{1,6})$", re.IGNORECASE)
_COUNTRY = re.compile(r"^(?:\+\s*86|0086|86(?=[\s-]))[\s-]*")
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")


@dataclass(frozen=True)
class ContactCheck:
    """The outcome of a check: ``ok``, or what is wrong in English and Chinese."""

    ok: bool
    message_en: str = ""
    message_zh: str = ""

    def message(self) -> str:
        """The bilingual message, English first then Chinese (the storage errors' convention)."""
        return f"{self.message_en}\n{self.message_zh}" if not self.ok else ""


OK = ContactCheck(True)


def check_email(value: str) -> ContactCheck:
    """An empty value is fine (the field is optional); otherwise a plain address check."""
    text = value.strip()
    if not text or _EMAIL.fullmatch(text):
        return OK
    return ContactCheck(
        False,
        f"“{text}” is not an e-mail address (expected name@example.com).",
        f"“{text}”不是有效的电子邮箱地址（应形如 name@example.com）。",
    )


def _landline(digits: str) -> bool:
    return bool(_LANDLINE.fullmatch(digits))


def check_phone(value: str) -> ContactCheck:
    """A Chinese mobile or landline number (with area code), optionally +86; empty is fine."""
    text = value.strip()
    if not text:
        return OK
    rest = text
    international = False
    country = _COUNTRY.match(rest)
    if country:
        international = True
        rest = rest[country.end() :]
    extension = _EXTENSION.search(rest)
    body = rest[: extension.start()] if extension else rest
    compact = re.sub(r"[\s()（）]", "", body).strip("-")
    digits_only = compact.replace("-", "")
    if _MOBILE.fullmatch(digits_only) and not extension:
        return OK
    if international and digits_only and not digits_only.startswith("0"):
        compact, digits_only = "0" + compact, "0" + digits_only
    if _landline(compact) or _landline(digits_only):
        return OK
    return ContactCheck(
        False,
        f"“{text}” is not a phone number: use a mobile (13812345678) or a landline with its area "
        "code (0551-62345678, extension -123), optionally with +86.",
        f"“{text}”不是有效的电话号码：请填写手机号（如 13812345678）或带区号的固定电话"
        "（如 0551-62345678，分机 -123），可加 +86。",
    )


def is_email(value: str) -> bool:
    return check_email(value).ok


def is_phone(value: str) -> bool:
    return check_phone(value).ok
