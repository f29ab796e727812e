"""Column value types: aware UTC datetimes, JSON kept as text, vocabulary enums as their values."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import DateTime, Dialect, Enum, Text
from sqlalchemy.types import TypeDecorator


def utc_now() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware datetime stored as naive UTC text; values come back aware (UTC).

    Naive datetimes are refused on the way in: a local wall-clock time without its zone would be
    silently wrong once synced to a server in another zone.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value!r}: pass a timezone-aware value")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class JSONText(TypeDecorator[Any]):
    """Any JSON-serialisable value stored as compact UTF-8 JSON text (readable in SQLite tools)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    def process_result_value(self, value: str | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        return json.loads(value)


def vocabulary(enum_class: type[StrEnum], length: int = 40) -> Enum:
    """A column type storing a :mod:`qclinic.core.vocabulary` enum as its string value.

    ``native_enum=False`` gives a plain VARCHAR; no CHECK constraint is created, so a vocabulary
    that gains a member in a later release needs no table rebuild. Values are validated on the way
    in by SQLAlchemy (``validate_strings``) and come back as enum members.
    """
    return Enum(
        enum_class,
        native_enum=False,
        length=length,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
        create_constraint=False,
    )
