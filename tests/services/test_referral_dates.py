"""The dates of a referral's steps, recorded after the fact: each step on or after the one
before it, none after today, a refusal in both languages that commits and announces nothing,
and the optional note of a step added to the referral's note."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from qclinic.core.vocabulary import NqiCategory, ProviderKind, ReferralStatus
from qclinic.errors import UserError
from qclinic.services import ChangeEvent, Services
from qclinic.services.referrals import ReferralRow


@pytest.fixture
def referral_id(services: Services) -> str:
    company = services.organizations.create("鹰潭精密铜材有限公司")
    case = services.cases.register(company.id, NqiCategory.METROLOGY, "三坐标测量机未校准")
    lab = services.providers.create("江西省计量测试研究院", ProviderKind.METROLOGY)
    referral = services.referrals.refer(
        lab.id,
        NqiCategory.METROLOGY,
        "按 JJF 1064 校准三坐标测量机",
        case_id=case.id,
        requested_on=date(2026, 3, 2),
    )
    return referral.id


def _row(services: Services, referral_id: str) -> ReferralRow:
    (row,) = [r for r in services.referrals.rows() if r.id == referral_id]
    return row


def _refused(refused: pytest.ExceptionInfo[UserError], zh: str, en: str) -> None:
    assert zh in refused.value.message("zh"), refused.value.message("zh")
    assert en in refused.value.message("en"), refused.value.message("en")


def test_steps_recorded_after_the_fact_keep_their_own_dates_and_notes(
    services: Services, referral_id: str
) -> None:
    moves = services.referrals.move
    moves(referral_id, ReferralStatus.ACCEPTED, on=date(2026, 3, 2))  # the same day is fine
    moves(referral_id, ReferralStatus.DELIVERED, on=date(2026, 3, 24), note="  证书 JL-0524  ")
    moves(referral_id, ReferralStatus.CLOSED, on=date(2026, 3, 24), note="企业已确认")
    row = _row(services, referral_id)
    assert (row.accepted_on, row.delivered_on, row.closed_on) == (
        date(2026, 3, 2),
        date(2026, 3, 24),
        date(2026, 3, 24),
    )
    assert row.note.splitlines() == ["2026-03-24 证书 JL-0524", "2026-03-24 企业已确认"]
    assert row.last_step_on() == date(2026, 3, 24)


def test_a_step_before_the_one_before_it_is_refused_and_nothing_committed(
    services: Services, referral_id: str, events: list[ChangeEvent]
) -> None:
    services.referrals.move(referral_id, ReferralStatus.ACCEPTED, on=date(2026, 3, 10))
    assert _row(services, referral_id).last_step_on() == date(2026, 3, 10)
    events.clear()
    with pytest.raises(UserError) as early:
        services.referrals.move(
            referral_id, ReferralStatus.DELIVERED, on=date(2026, 3, 9), note="不应写入"
        )
    _refused(
        early,
        "交付日期（2026-03-09）不能早于受理日期（2026-03-10）",
        "The delivery date (2026-03-09) cannot be before the acceptance date (2026-03-10)",
    )
    with pytest.raises(UserError) as before_request:
        services.referrals.move(referral_id, ReferralStatus.DELIVERED, on=date(2026, 3, 1))
    _refused(
        before_request,
        "交付日期（2026-03-01）不能早于转介日期（2026-03-02）",
        "The delivery date (2026-03-01) cannot be before the referral was requested",
    )
    assert events == []
    row = _row(services, referral_id)
    assert (row.status, row.delivered_on, row.note) == (ReferralStatus.ACCEPTED, None, "")


def test_a_step_dated_after_today_is_refused_in_the_service(
    services: Services, referral_id: str, events: list[ChangeEvent]
) -> None:
    today = date.today()
    tomorrow = today + timedelta(days=1)
    events.clear()
    with pytest.raises(UserError) as future:
        services.referrals.move(referral_id, ReferralStatus.ACCEPTED, on=tomorrow)
    _refused(
        future,
        f"受理日期（{tomorrow.isoformat()}）不能晚于今天（{today.isoformat()}）",
        f"The acceptance date ({tomorrow.isoformat()}) cannot be after today",
    )
    assert events == [] and _row(services, referral_id).accepted_on is None
    # closing a referral that was never accepted: on or after the request, not in the future
    with pytest.raises(UserError):
        services.referrals.move(referral_id, ReferralStatus.CLOSED, on=tomorrow)
    closed = services.referrals.move(referral_id, ReferralStatus.CLOSED, on=today)
    assert (closed.status, closed.closed_on) == (ReferralStatus.CLOSED, today)


def test_a_referral_requested_in_the_future_is_refused(services: Services) -> None:
    company = services.organizations.create("赣州稀土新材料有限公司")
    case = services.cases.register(company.id, NqiCategory.STANDARDS, "企业标准未备案")
    body = services.providers.create("江西省标准化研究院", ProviderKind.STANDARDS_BODY)
    later = date.today() + timedelta(days=3)
    with pytest.raises(UserError) as future:
        services.referrals.refer(
            body.id, NqiCategory.STANDARDS, "协助备案", case_id=case.id, requested_on=later
        )
    _refused(future, f"转介日期（{later.isoformat()}）不能晚于今天", "The request date")
    assert services.referrals.rows(case_id=case.id) == []
