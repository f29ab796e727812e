"""The unified social credit code check character (GB 32100-2015, §4 and Appendix B)."""

from __future__ import annotations

import pytest

from qclinic.core import uscc

# Codes published on companies' business licences (national enterprise credit information
# publicity system): Huawei Technologies, Alibaba (China), Xiaomi Technology, a central SOE.
PUBLISHED = ["914403001922038216", "91330100716105852F", "91110108551385082Q", "91110000100010433L"]


@pytest.mark.parametrize("code", PUBLISHED)
def test_published_codes_are_valid(code: str) -> None:
    assert uscc.check(code).ok
    assert uscc.check_character(code[:17]) == code[17]


def test_check_character_maps_31_to_zero() -> None:
    # Σ w·v ≡ 0 (mod 31) gives 31 − 0 = 31, which the standard writes as '0'.
    assert uscc.check_character("00000000000000000") == "0"


def test_lower_case_and_spaces_are_normalised() -> None:
    assert uscc.check(" 9144 0300 1922 0382 16 ").ok
    assert uscc.check("91330100716105852f").ok


def test_wrong_check_character_says_which() -> None:
    result = uscc.check("914403001922038217")
    assert not result.ok
    assert result.position == 18
    assert "'6'" in result.message_en and "'6'" in result.message_zh


@pytest.mark.parametrize("bad", ["I", "O", "Z", "S", "V"])
def test_forbidden_letters(bad: str) -> None:
    code = "9144030019220382" + bad + "6"
    result = uscc.check(code)
    assert not result.ok
    assert result.position == 17
    assert "I, O, S, V, Z" in result.message_en


def test_length() -> None:
    result = uscc.check("91440300192203821")
    assert not result.ok
    assert "17" in result.message_en and "18" in result.message_zh


def test_single_typo_is_always_caught() -> None:
    # A mod-31 check with weights coprime to 31 detects every single-character substitution.
    code = PUBLISHED[0]
    for position in range(17):
        for ch in uscc.ALPHABET:
            if ch != code[position]:
                typo = code[:position] + ch + code[position + 1 :]
                assert not uscc.is_valid(typo), typo
