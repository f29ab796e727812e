"""Time-ordered identifiers: UUID version 7 (RFC 9562, section 5.7).

Every synced row gets one as its primary key, made on the device that created it, so rows from many
installations merge without collisions and sort roughly by creation time (which also keeps SQLite's
primary-key B-tree appends cheap).

Layout (big-endian, 128 bits)::

    unix_ts_ms (48) | ver = 0b0111 (4) | rand_a (12) | var = 0b10 (2) | rand_b (62)

``rand_a`` is used as a counter (RFC 9562 §6.2, method 1): within one millisecond each new id adds
one to it, so ids made by one process are strictly increasing even when the clock does not move or
steps back. The counter starts at a random value below 2**11 to leave room for increments.
"""

from __future__ import annotations

import secrets
import threading
import time
import uuid

_VERSION = 7
_COUNTER_MAX = 0xFFF
_lock = threading.Lock()
_last_ms = -1
_last_counter = 0


def _next_timestamp_and_counter(now_ms: int) -> tuple[int, int]:
    """The timestamp and counter for the next id, monotonic within this process."""
    global _last_ms, _last_counter
    with _lock:
        if now_ms > _last_ms:
            _last_ms = now_ms
            _last_counter = secrets.randbits(11)
        else:
            # Same millisecond, or the clock stepped back: keep the last timestamp and count on.
            _last_counter += 1
            if _last_counter > _COUNTER_MAX:
                _last_ms += 1
                _last_counter = secrets.randbits(11)
        return _last_ms, _last_counter


def uuid7(now_ms: int | None = None) -> uuid.UUID:
    """A new UUIDv7.

    Args:
        now_ms: Unix time in milliseconds to embed; the current time when omitted.

    Returns:
        The identifier, greater than every id this process made before.
    """
    timestamp_ms, counter = _next_timestamp_and_counter(
        time.time_ns() // 1_000_000 if now_ms is None else now_ms
    )
    value = (timestamp_ms & 0xFFFF_FFFF_FFFF) << 80
    value |= _VERSION << 76
    value |= counter << 64
    value |= 0b10 << 62
    value |= secrets.randbits(62)
    return uuid.UUID(int=value)


def new_id() -> str:
    """A new UUIDv7 as the 36-character text stored in the database."""
    return str(uuid7())


def timestamp_ms(identifier: str | uuid.UUID) -> int:
    """The Unix time in milliseconds embedded in a UUIDv7."""
    value = identifier if isinstance(identifier, uuid.UUID) else uuid.UUID(identifier)
    return value.int >> 80
