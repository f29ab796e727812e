"""The unified social credit code (统一社会信用代码, GB 32100-2015).

Eighteen characters from ``0-9 A-H J-N P-R T-U W-Y`` (no I, O, Z, S, V). The 18th is a check
character: with the 31-character alphabet's positions as values, ``c18 = 31 - (Σ w_i·v_i mod 31)``
over the first 17 characters, where 31 maps back to 0.
"""

from __future__ import annotations

from dataclasses import dataclass

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
LENGTH = 18
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}


@dataclass(frozen=True)
class UsccCheck:
    """The outcome of checking a code: ``ok``, or a message (en / zh) saying what is wrong."""

    ok: bool
    message_en: str = ""
    message_zh: str = ""
    position: int | None = None  # 1-based position of the first bad character, if any


def normalize(code: str) -> str:
    """Upper-case and strip spaces, the way people type and paste codes."""
    return "".join(code.split()).upper()


def check_character(first17: str) -> str:
    """The check character for the first 17 characters of a code."""
    if len(first17) != LENGTH - 1:
        raise ValueError(f"need 17 characters, got {len(first17)}")
    total = sum(_VALUE[ch] * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def check(code: str) -> UsccCheck:
    """Check *code* (already normalised or not) and say what is wrong, if anything."""
    code = normalize(code)
    for index, ch in enumerate(code, start=1):
        if ch not in _VALUE:
            return UsccCheck(
                False,
                f"character {index} ({ch!r}) is not allowed: use 0-9 and A-Y without I, O, S, V, Z",
                f"第 {index} 位字符 {ch!r} 不允许：只能使用 0-9 和除 I、O、S、V、Z 以外的大写字母",
                index,
            )
    if len(code) != LENGTH:
        return UsccCheck(
            False,
            f"a code has 18 characters, this one has {len(code)}",
            f"统一社会信用代码应为 18 位，当前为 {len(code)} 位",
        )
    expected = check_character(code[:17])
    if code[17] != expected:
        return UsccCheck(
            False,
            f"check character is {code[17]!r} but should be {expected!r}: a character is mistyped",
            f"校验码为 {code[17]!r}，应为 {expected!r}：可能有字符输入错误",
            18,
        )
    return UsccCheck(True)


def is_valid(code: str) -> bool:
    return check(code).ok
