"""Times as printed: the reader's local time with its UTC offset, never a bare UTC stamp.

The data (and so its hash) keeps UTC; only the printed text is local, e.g. a signature stored as
``2026-11-26T06:58:07+00:00`` prints as ``2026-11-26 14:58:07 UTC+08:00`` in Beijing.
"""

from __future__ import annotations

from datetime import datetime

from qclinic.core.times import to_local


def local_time(value: str | datetime) -> str:
    """*value* (an ISO string or an aware datetime; naive means UTC) in local time with offset."""
    if isinstance(value, str):
        if not value:
            return ""
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
    else:
        moment = value
    local = to_local(moment)
    offset = local.strftime("%z")  # +0800
    sign, hours, minutes = offset[:1] or "+", offset[1:3] or "00", offset[3:5] or "00"
    return f"{local.strftime('%Y-%m-%d %H:%M:%S')} UTC{sign}{hours}:{minutes}"
