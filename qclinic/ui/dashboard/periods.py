"""The dashboard's periods: this year, the last 12 months, this quarter, last year, all time.

Plain Python (the filter bar offers them, the tests check the days): each is a first and last
day, both included; the previous period — what grades are compared with — is the portfolio
filter's own (the same length, ending the day before the start).
"""

from __future__ import annotations

from datetime import date, timedelta

#: the periods offered, in the order shown; the first is the default
PERIODS = ("year", "12-months", "quarter", "last-year", "all")


def period_days(key: str, today: date) -> tuple[date | None, date | None]:
    """The first and last day of period *key* seen on *today* (``(None, None)``: all time).

    Raises:
        ValueError: *key* is not one of :data:`PERIODS`.
    """
    if key == "year":
        return date(today.year, 1, 1), today
    if key == "12-months":
        start = _months_back(today, 12) + timedelta(days=1)
        return start, today
    if key == "quarter":
        return date(today.year, 3 * ((today.month - 1) // 3) + 1, 1), today
    if key == "last-year":
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    if key == "all":
        return None, None
    raise ValueError(f"unknown period {key!r}")


def _months_back(day: date, months: int) -> date:
    """*day* moved *months* back (the 31st becomes the month's last day)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def months_between(first: str, last: str) -> list[str]:
    """Every month ``YYYY-MM`` from *first* to *last*, both included (empty when reversed)."""
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    months: list[str] = []
    while (year, month) <= end:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months
