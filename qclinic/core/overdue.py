"""When an improvement action is overdue: the one rule the plan, the organization detail and the
printed plan share.

An action is overdue while it is still open or in progress and its due date has passed: due
*today* is not overdue yet, an action without a due date never is, and a done or verified action
never is, however late it was finished. Dates may come as :class:`~datetime.date` or as ISO text
(the plan's raw rows hold text, and compare as text without parsing: ISO dates sort as dates).
"""

from __future__ import annotations

from datetime import date

from qclinic.core.vocabulary import ActionStatus

#: the statuses an action can be overdue in (a tuple: ``in`` compares by equality, so the stored
#: strings and the enum members both match — a set would hash an enum member by its name)
OPEN_STATUSES: tuple[str, ...] = (ActionStatus.OPEN.value, ActionStatus.IN_PROGRESS.value)


def is_overdue(status: str, due: date | str | None, today: date | str) -> bool:
    """Whether an action in *status*, due on *due*, is overdue on *today* (see the module)."""
    if not due or status not in OPEN_STATUSES:
        return False
    if isinstance(due, str):
        return due < (today if isinstance(today, str) else today.isoformat())
    return due < (today if isinstance(today, date) else date.fromisoformat(today))


def days_overdue(status: str, due: date | str | None, today: date) -> int:
    """How many days an action is overdue on *today*; 0 when it is not overdue."""
    if not is_overdue(status, due, today):
        return 0
    assert due is not None
    return (today - (date.fromisoformat(due) if isinstance(due, str) else due)).days
