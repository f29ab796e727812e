"""UUIDv7: layout per RFC 9562 and strict time order."""

from __future__ import annotations

import time
import uuid

from qclinic.storage.uuid7 import new_id, timestamp_ms, uuid7


def test_version_variant_and_text_form() -> None:
    value = uuid7()
    assert value.version == 7
    assert value.variant == uuid.RFC_4122
    text = new_id()
    assert len(text) == 36
    assert uuid.UUID(text).version == 7


def test_embeds_the_current_unix_time_in_milliseconds() -> None:
    before = time.time_ns() // 1_000_000
    value = uuid7()
    after = time.time_ns() // 1_000_000
    assert before <= timestamp_ms(value) <= after


def test_ids_are_strictly_increasing_within_one_millisecond_and_as_text() -> None:
    ids = [new_id() for _ in range(10_000)]
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)


def test_order_follows_time_even_when_the_clock_steps_back() -> None:
    later = uuid7(now_ms=2_000_000_000_000)
    earlier_clock = uuid7(now_ms=1_000_000_000_000)  # the clock stepped back
    assert str(earlier_clock) > str(later)
    assert timestamp_ms(uuid7(now_ms=2_000_000_000_500)) == 2_000_000_000_500
