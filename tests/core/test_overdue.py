"""The one overdue rule (qclinic.core.overdue), at its edges, with dates and with ISO text."""

from __future__ import annotations

from datetime import date

import pytest

from qclinic.core.overdue import days_overdue, is_overdue
from qclinic.core.vocabulary import ActionStatus

TODAY = date(2026, 3, 12)


@pytest.mark.parametrize("as_text", [False, True])
@pytest.mark.parametrize("status", [ActionStatus.OPEN, ActionStatus.IN_PROGRESS])
def test_an_open_action_is_overdue_from_the_day_after_its_due_date(
    status: ActionStatus, as_text: bool
) -> None:
    def due(day: date) -> date | str:
        return day.isoformat() if as_text else day

    assert not is_overdue(status, due(date(2026, 3, 12)), TODAY)  # due today: not yet
    assert is_overdue(status, due(date(2026, 3, 11)), TODAY)  # due yesterday
    assert not is_overdue(status, due(date(2026, 3, 13)), TODAY)
    assert days_overdue(status, due(date(2026, 3, 11)), TODAY) == 1
    assert days_overdue(status, due(date(2026, 2, 10)), TODAY) == 30
    assert days_overdue(status, due(date(2026, 3, 12)), TODAY) == 0


@pytest.mark.parametrize("status", [ActionStatus.DONE, ActionStatus.VERIFIED])
def test_a_done_or_verified_action_is_never_overdue(status: ActionStatus) -> None:
    assert not is_overdue(status, date(2020, 1, 1), TODAY)
    assert not is_overdue(status.value, "2020-01-01", TODAY.isoformat())
    assert days_overdue(status, date(2020, 1, 1), TODAY) == 0


def test_an_action_without_a_due_date_is_never_overdue() -> None:
    assert not is_overdue(ActionStatus.OPEN, None, TODAY)
    assert not is_overdue("open", "", TODAY.isoformat())
    assert days_overdue(ActionStatus.OPEN, None, TODAY) == 0


def test_stored_strings_and_enum_members_are_the_same_status() -> None:
    assert is_overdue("in-progress", "2026-03-01", TODAY)
    assert is_overdue(ActionStatus.IN_PROGRESS, "2026-03-01", "2026-03-12")
    assert is_overdue("open", date(2026, 3, 1), "2026-03-12")
