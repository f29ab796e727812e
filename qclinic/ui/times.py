"""Stored times as the user reads them: local time, one format everywhere in the UI.

The database keeps aware UTC datetimes (:class:`qclinic.storage.types.UTCDateTime`); every place
the UI shows one converts it here, with the system's time zone (``TZ`` / the OS setting, as
``datetime.astimezone`` and :mod:`zoneinfo` read it). Printing has its own helper,
:func:`qclinic.reports.times.local_time`, which adds the UTC offset.
"""

from __future__ import annotations

from datetime import date, datetime

from qclinic.core.times import to_local

DATE_FORMAT = "%Y-%m-%d"
MINUTES_FORMAT = "%Y-%m-%d %H:%M"


def local_date(moment: datetime) -> date:
    """The calendar day of a stored time, where the user is."""
    return to_local(moment).date()


def local_text(moment: datetime | None, *, seconds: bool = False) -> str:
    """``2026-03-12 14:05`` (``:07`` with *seconds*) in local time; "" for ``None``."""
    if moment is None:
        return ""
    return to_local(moment).strftime(MINUTES_FORMAT + (":%S" if seconds else ""))


def local_date_text(moment: datetime | date | None) -> str:
    """``2026-03-12``: a stored time's local day, or a plain date as it is."""
    if moment is None:
        return ""
    if isinstance(moment, datetime):
        return local_date(moment).strftime(DATE_FORMAT)
    return moment.strftime(DATE_FORMAT)
