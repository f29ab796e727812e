"""Contact-field checks (e-mail, Chinese phone numbers) and bilingual message ordering.

Phone forms follow the numbering plan of the PRC (MIIT, 电信网编号计划): mobiles are 11 digits
starting 13–19, landlines a 0-prefixed 2–3 digit area code and a 7–8 digit local number, +86 the
country code (ITU-T E.164 assignment).
"""

from __future__ import annotations

import pytest

from qclinic.core.bilingual import is_chinese_line, order_for, split_bilingual
from qclinic.core.contact import check_email, check_phone
from qclinic.errors import UserError
from qclinic.storage.seal import SealCheck

GOOD_PHONES = [
    "13812345678",
    "138 1234 5678",
    "+86 13812345678",
    "+8613812345678",
    "0086 13812345678",
    "0551-62345678",
    "01062345678",
    "010-6234567",
    "0551-62345678-123",
    "0551-62345678转8012",
    "+86 551 6234 5678",
    "+86-10-62345678",
    "",
]
BAD_PHONES = ["12812345678", "1381234567", "138123456789", "abc", "0551-623", "62345678", "+1 555"]


@pytest.mark.parametrize("value", GOOD_PHONES)
def test_phone_numbers_as_written_in_china_are_accepted(value: str) -> None:
    assert check_phone(value).ok, value


@pytest.mark.parametrize("value", BAD_PHONES)
def test_malformed_phone_numbers_are_refused_in_both_languages(value: str) -> None:
    result = check_phone(value)
    assert not result.ok
    assert value in result.message_en and value in result.message_zh
    assert "电话" in result.message_zh and "phone" in result.message_en


@pytest.mark.parametrize("value", ["a@b.com", "zhang.san@tongye.com.cn", "  x+tag@y.org ", ""])
def test_plain_email_addresses_are_accepted(value: str) -> None:
    assert check_email(value).ok


@pytest.mark.parametrize("value", ["a@b", "a b@c.com", "@c.com", "a@@b.com", "x@y.com.", "x"])
def test_malformed_email_addresses_are_refused(value: str) -> None:
    result = check_email(value)
    assert not result.ok
    assert "e-mail" in result.message_en and "邮箱" in result.message_zh


def _real_messages() -> list[str]:
    """Bilingual messages the code really produces (English part first, Chinese second)."""
    from qclinic.storage.models.directory import normalized_credit_code

    messages = [
        SealCheck("A1", "x", "y", differences=("the answer to P2.1 was changed",)).message(),
        check_phone("12345").message(),
        check_email("nobody").message(),
    ]
    try:
        normalized_credit_code("91340100MA2N0XYZ1")
    except UserError as exc:  # InvalidValue, with both languages
        messages.append(str(exc))
    assert len(messages) == 4
    return messages


def test_real_bilingual_messages_split_and_put_chinese_first_for_zh() -> None:
    for message in _real_messages():
        parts = split_bilingual(message)
        assert parts.both, message
        assert not is_chinese_line(parts.en.splitlines()[0])
        assert is_chinese_line(parts.zh.splitlines()[0])
        zh_first = order_for(message, "zh")
        assert zh_first.startswith(parts.zh) and zh_first.endswith(parts.en)
        assert order_for(message, "en") == f"{parts.en}\n{parts.zh}"


def test_an_english_line_quoting_a_chinese_name_stays_english() -> None:
    message = "The finding “计量器具未检定” was changed.\n发现项“计量器具未检定”已被修改。"
    parts = split_bilingual(message)
    assert parts.en.startswith("The finding") and parts.zh.startswith("发现项")


def test_one_language_messages_are_left_alone() -> None:
    assert order_for("Only English here.", "zh") == "Only English here."
    assert order_for("只有中文。", "en") == "只有中文。"
    assert not split_bilingual("Line one\nline two").both
