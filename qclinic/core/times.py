"""Stored times as the reader's local time (the UI shows them, the reports print them).

The database keeps aware UTC datetimes; a naive value is taken as UTC, as it is stored. The zone is
the system's (``TZ`` / the OS setting), as ``datetime.astimezone`` reads it.
"""

from __future__ import annotations

from datetime import UTC, datetime


def to_local(moment: datetime) -> datetime:
    """*moment* in the local zone (a naive value is taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone()
