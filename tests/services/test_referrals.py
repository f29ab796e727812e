"""Providers and referrals through their services: what is committed and announced, the status
moves with their dates, the delivery evidence in the blob store, and refusals in both languages
that commit nothing."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

import pytest

from qclinic.core.vocabulary import NqiCategory, ProviderKind, ReferralStatus
from qclinic.errors import UserError
from qclinic.services import ChangeEvent, Services
from qclinic.storage.models import Attachment, Provider


@pytest.fixture
def demo(services: Services) -> dict[str, Any]:
    from qclinic.services.demo import seed

    return seed(services.database)


@pytest.fixture
def lab(services: Services) -> Provider:
    return services.providers.create(
        "  江西省计量测试研究院  ",
        ProviderKind.METROLOGY,
        accreditation_number="CNAS L0001",
        accreditation_scope="长度、力学、温度计量器具校准",
        region="江西省南昌市",
    )


def _refused(refused: pytest.ExceptionInfo[UserError], zh: str, en: str) -> None:
    assert zh in refused.value.message("zh")
    assert en in refused.value.message("en")


def _count(services: Services, model: type) -> int:
    from sqlalchemy import func, select

    with services.database.read_session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_provider_is_created_stripped_announced_and_searchable(
    services: Services, events: list[ChangeEvent]
) -> None:
    asker = object()
    provider = services.providers.create(
        " 中国质量认证中心南昌分中心 ",
        ProviderKind.CERTIFICATION_BODY,
        region=" 南昌 ",
        source=asker,
    )
    (event,) = [e for e in events if e.entity == "provider"]
    assert event.ids == (provider.id,) and event.source is asker
    stored = services.providers.get(provider.id)
    assert (stored.name, stored.region, stored.kind) == (
        "中国质量认证中心南昌分中心",
        "南昌",
        ProviderKind.CERTIFICATION_BODY,
    )
    assert [r.id for r in services.providers.rows("认证")] == [provider.id]
    assert services.providers.rows("不存在的机构") == []
    assert [r.id for r in services.providers.rows(kind=ProviderKind.CERTIFICATION_BODY)] == [
        provider.id
    ]
    services.providers.edit(provider.id, phone=" 0791-1234 ", kind=ProviderKind.TEST_LABORATORY)
    edited = services.providers.get(provider.id)
    assert (edited.phone, edited.kind, edited.revision) == (
        "0791-1234",
        ProviderKind.TEST_LABORATORY,
        2,
    )


def test_a_provider_without_a_name_is_refused_and_nothing_committed(
    services: Services, events: list[ChangeEvent]
) -> None:
    with pytest.raises(UserError) as refused:
        services.providers.create("   ", ProviderKind.LAW_FIRM)
    _refused(refused, "请填写服务机构名称", "Give the provider a name")
    assert events == [] and _count(services, Provider) == 0


def test_a_referral_from_a_case_moves_with_dates_and_takes_its_evidence(
    services: Services, demo: dict[str, Any], lab: Provider, events: list[ChangeEvent]
) -> None:
    case_id = demo["cases"][1]  # the demo refers cases[0] already
    referral = services.referrals.refer(
        lab.id,
        NqiCategory.METROLOGY,
        "  校准 12 把过期卡尺  ",
        case_id=case_id,
        requested_on=date(2026, 3, 2),
    )
    assert referral.organization_id == demo["organization"]
    assert referral.request == "校准 12 把过期卡尺"
    assert referral.status is ReferralStatus.REQUESTED
    assert [e.ids for e in events if e.entity == "referral"] == [(referral.id,)]

    services.referrals.move(referral.id, ReferralStatus.ACCEPTED, on=date(2026, 3, 4))
    services.referrals.move(referral.id, ReferralStatus.DELIVERED, on=date(2026, 3, 20))
    pdf = b"%PDF-1.4 calibration certificate"
    evidence = services.referrals.attach_evidence(referral.id, pdf, "校准证书.pdf")
    services.referrals.move(referral.id, ReferralStatus.CLOSED, on=date(2026, 3, 25))

    (row,) = services.referrals.rows(case_id=case_id)
    assert (row.status, row.requested_on, row.accepted_on, row.delivered_on, row.closed_on) == (
        ReferralStatus.CLOSED,
        date(2026, 3, 2),
        date(2026, 3, 4),
        date(2026, 3, 20),
        date(2026, 3, 25),
    )
    assert row.evidence == 1 and row.provider_name == "江西省计量测试研究院"
    (file,) = services.referrals.evidence(referral.id)
    assert (file.id, file.mime_type, file.size) == (evidence.id, "application/pdf", len(pdf))
    assert file.sha256 == hashlib.sha256(pdf).hexdigest()
    assert services.database.blobs.read_bytes(file.sha256) == pdf
    (counted,) = [row for row in services.providers.rows() if row.id == lab.id]
    assert (counted.referrals, counted.delivered) == (1, 1)


def test_a_referral_from_a_finding_belongs_to_the_findings_company(
    services: Services, demo: dict[str, Any], lab: Provider
) -> None:
    finding_id = demo["findings"][0]
    referral = services.referrals.refer(
        lab.id, NqiCategory.INSPECTION_TESTING, "型式试验", finding_id=finding_id
    )
    assert referral.organization_id == demo["organization"]
    assert referral.requested_on == date.today()
    assert referral.id in [
        r.id for r in services.referrals.rows(organization_id=demo["organization"])
    ]
    assert [r.id for r in services.referrals.rows(finding_id=finding_id)] == [referral.id]
    assert services.referrals.rows(organization_id=demo["chain_leader"]) == []


def test_moves_outside_the_workflow_are_refused_in_both_languages(
    services: Services, demo: dict[str, Any], lab: Provider
) -> None:
    referral = services.referrals.refer(
        lab.id,
        NqiCategory.METROLOGY,
        "校准",
        case_id=demo["cases"][0],
        requested_on=date(2026, 1, 5),
    )
    with pytest.raises(UserError) as refused:
        services.referrals.move(referral.id, ReferralStatus.DELIVERED)
    _refused(refused, "不能从“已转介”改为“已交付”", "cannot move from Requested to Delivered")
    with pytest.raises(UserError) as early:
        services.referrals.move(referral.id, ReferralStatus.ACCEPTED, on=date(2026, 1, 4))
    _refused(
        early, "不能早于转介日期（2026-01-05）", "before the referral was requested (2026-01-05)"
    )
    services.referrals.move(referral.id, ReferralStatus.ACCEPTED, on=date(2026, 1, 6))
    back = services.referrals.move(referral.id, ReferralStatus.REQUESTED)
    assert (back.status, back.accepted_on) == (ReferralStatus.REQUESTED, None)


def test_evidence_before_delivery_and_bad_sources_are_refused(
    services: Services, demo: dict[str, Any], lab: Provider, events: list[ChangeEvent]
) -> None:
    referral = services.referrals.refer(
        lab.id, NqiCategory.METROLOGY, "校准", case_id=demo["cases"][0]
    )
    events.clear()
    with pytest.raises(UserError) as refused:
        services.referrals.attach_evidence(referral.id, b"x", "a.png")
    _refused(refused, "已交付或已办结", "delivered or closed referral only")
    with pytest.raises(UserError) as no_source:
        services.referrals.refer(lab.id, NqiCategory.METROLOGY, "校准")
    _refused(no_source, "门诊问题或一项发现", "a clinic case or a finding")
    with pytest.raises(UserError) as no_request:
        services.referrals.refer(lab.id, NqiCategory.METROLOGY, "  ", case_id=demo["cases"][0])
    _refused(no_request, "需要该机构提供什么服务", "what the provider is asked to do")
    assert events == [] and _evidence_files(services, referral.id) == 0
    assert [r.id for r in services.referrals.rows(provider_id=lab.id)] == [referral.id]


def _evidence_files(services: Services, referral_id: str) -> int:
    from sqlalchemy import func, select

    with services.database.read_session() as session:
        query = select(func.count()).where(Attachment.referral_id == referral_id)
        return int(session.scalar(query) or 0)


def test_a_provider_with_open_referrals_is_not_deleted(
    services: Services, demo: dict[str, Any], lab: Provider
) -> None:
    referral = services.referrals.refer(
        lab.id, NqiCategory.METROLOGY, "校准", case_id=demo["cases"][0]
    )
    with pytest.raises(UserError) as refused:
        services.providers.delete(lab.id)
    _refused(refused, "1 项未办结的转介", "1 open referral(s)")
    services.referrals.move(referral.id, ReferralStatus.CLOSED)
    services.providers.delete(lab.id)
    assert lab.id not in [row.id for row in services.providers.rows()]
    with pytest.raises(UserError) as gone:
        services.referrals.refer(lab.id, NqiCategory.METROLOGY, "校准", case_id=demo["cases"][0])
    _refused(gone, "该服务机构不存在", "This provider does not exist")


def test_the_demo_case_ends_in_a_delivered_referral_with_its_certificate(
    services: Services, demo: dict[str, Any]
) -> None:
    kinds = {row.kind for row in services.providers.rows()}
    assert {
        ProviderKind.METROLOGY,
        ProviderKind.TEST_LABORATORY,
        ProviderKind.CERTIFICATION_BODY,
    } <= kinds
    (referral,) = services.referrals.rows(case_id=demo["cases"][0])
    assert referral.id == demo["referrals"][0]
    assert referral.delivered_on is not None and referral.status is ReferralStatus.CLOSED
    assert referral.requested_on <= referral.accepted_on <= referral.delivered_on  # type: ignore[operator]
    (certificate,) = services.referrals.evidence(referral.id)
    data = services.database.blobs.read_bytes(certificate.sha256)
    assert data.startswith(b"%PDF-") and certificate.mime_type == "application/pdf"
    assert hashlib.sha256(data).hexdigest() == certificate.sha256
    # and a finding of the visit was referred to the test laboratory, which tested in April
    (tested,) = services.referrals.rows(finding_id=demo["findings"][2])
    assert tested.id == demo["referrals"][1] and tested.case_id is None
    assert (tested.status, tested.delivered_on) == (ReferralStatus.CLOSED, date(2026, 4, 22))
    (laboratory,) = [p for p in services.providers.rows() if p.id == tested.provider_id]
    assert laboratory.kind is ProviderKind.TEST_LABORATORY
    assert [r.id for r in services.referrals.rows(provider_id=laboratory.id)] == [tested.id]
    assert tested.source_title == "导电率无检测能力，型式检验超期"
    assert tested.requested_on < tested.accepted_on < tested.delivered_on < tested.closed_on  # type: ignore[operator]
    # seeding again finds the same ids
    from qclinic.services.demo import seed

    again = seed(services.database)
    assert again["referrals"] == demo["referrals"]
    assert again["referred_finding"] == demo["referred_finding"] == demo["findings"][2]
    assert sorted(again["providers"]) == sorted(demo["providers"])


def test_an_export_of_one_company_carries_the_providers_its_referrals_need(
    services: Services, lab: Provider
) -> None:
    from qclinic.storage.sync_rows import DIRECTORY_SCOPE

    referred = services.organizations.create("赣州稀土永磁有限公司")
    other = services.organizations.create("鹰潭铜箔科技有限公司")
    case = services.cases.register(referred.id, NqiCategory.METROLOGY, "卡尺过期")
    services.referrals.refer(lab.id, NqiCategory.METROLOGY, "校准", case_id=case.id)

    with_referral = services.bundles.export_changes([referred.id])
    without = services.bundles.export_changes([other.id])

    assert ("provider", lab.id, DIRECTORY_SCOPE) in [
        (c["entity"], c["row_id"], c["organization_id"]) for c in with_referral
    ]
    assert [c["entity"] for c in without] == ["organization"]
