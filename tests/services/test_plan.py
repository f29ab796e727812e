"""Findings, actions and clinic cases through their services: what is committed, what event is
published (entity, ids, source), and that a refusal commits and publishes nothing and says why
in both languages."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from qclinic.core.vocabulary import (
    ActionStatus,
    CaseStatus,
    FindingSeverity,
    NqiCategory,
    Priority,
)
from qclinic.errors import UserError
from qclinic.services import ChangeEvent, Origin, Services
from qclinic.storage.models import Action, ClinicCase, Finding


@pytest.fixture
def demo(services: Services) -> dict[str, Any]:
    from qclinic.services.demo import seed

    return seed(services.database)


def _stored(services: Services, model: type, row_id: str) -> Any:
    with services.database.read_session() as session:
        return session.get(model, row_id)


def _only(events: list[ChangeEvent], entity: str) -> ChangeEvent:
    (event,) = [e for e in events if e.entity == entity]
    return event


def _refused_in_both_languages(refused: pytest.ExceptionInfo[UserError], zh: str, en: str) -> None:
    assert zh in refused.value.message("zh")
    assert en in refused.value.message("en")


# --- findings --------------------------------------------------------------------------------
def test_raising_a_finding_commits_it_and_announces_it(
    services: Services, demo: dict[str, Any], events: list[ChangeEvent]
) -> None:
    asker = object()
    finding = services.findings.raise_finding(
        demo["completed_assessment"],
        FindingSeverity.MAJOR_NC,
        "  量具过期仍在使用  ",
        nqi_category=NqiCategory.METROLOGY,
        question_id="MET.1",
        evidence=" 40 把中 12 把过期 ",
        source=asker,
    )
    stored = _stored(services, Finding, finding.id)
    assert (stored.title, stored.evidence, stored.question_id) == (
        "量具过期仍在使用",
        "40 把中 12 把过期",
        "MET.1",
    )
    event = _only(events, "finding")
    assert event.ids == (finding.id,) and event.made_by(asker) and event.origin is Origin.LOCAL


def test_a_finding_without_a_title_is_refused(
    services: Services, demo: dict[str, Any], events: list[ChangeEvent]
) -> None:
    before = len(services.findings.rows(demo["completed_assessment"], "en"))
    with pytest.raises(UserError) as refused:
        services.findings.raise_finding(
            demo["completed_assessment"], FindingSeverity.OBSERVATION, "   "
        )
    _refused_in_both_languages(refused, "发现项标题", "Give the finding a title.")
    assert events == []
    assert len(services.findings.rows(demo["completed_assessment"], "en")) == before


def test_a_signed_assessment_takes_no_finding(
    services: Services, demo: dict[str, Any], events: list[ChangeEvent]
) -> None:
    signed = demo["assessments"][0]
    with pytest.raises(UserError):
        services.findings.raise_finding(signed, FindingSeverity.MINOR_NC, "too late")
    assert events == []
    assert all(row.title != "too late" for row in services.findings.rows(signed, "en"))


def test_finding_rows_name_the_question_and_count_the_actions(
    services: Services, demo: dict[str, Any]
) -> None:
    rows = services.findings.rows(demo["completed_assessment"], "en")
    assert [row.id for row in rows] == demo["findings"]
    with services.database.read_session() as session:
        raised = {
            f: session.query(Action).filter_by(finding_id=f, deleted_at=None).count()
            for f in demo["findings"]
        }
    assert {row.id: row.actions for row in rows} == raised
    linked = [row for row in rows if row.question]
    assert linked and all("  " in row.question for row in linked)  # "Q-id  question text"
    organization_id, name = services.findings.organization_of(demo["completed_assessment"])
    assert organization_id == demo["organization"] and name == "鹰潭精密铜材有限公司"


def test_editing_and_deleting_a_finding(
    services: Services, demo: dict[str, Any], events: list[ChangeEvent]
) -> None:
    finding_id = demo["findings"][0]
    services.findings.edit(finding_id, severity=FindingSeverity.OBSERVATION, title=" 改过 ")
    stored = _stored(services, Finding, finding_id)
    assert (stored.severity, stored.title) == (FindingSeverity.OBSERVATION, "改过")
    with pytest.raises(UserError):
        services.findings.edit(finding_id, title="")
    assert _stored(services, Finding, finding_id).title == "改过"
    services.findings.delete(finding_id)
    assert _stored(services, Finding, finding_id).deleted_at is not None
    assert [e.ids for e in events if e.entity == "finding"] == [(finding_id,), (finding_id,)]


# --- actions ---------------------------------------------------------------------------------
def test_an_action_raised_from_a_finding(
    services: Services, demo: dict[str, Any], events: list[ChangeEvent]
) -> None:
    finding_id = demo["findings"][0]
    action = services.actions.create(
        demo["organization"],
        "建立量具到期提醒",
        finding_id=finding_id,
        owner=" 王丽 ",
        due_date=date(2026, 12, 31),
        priority=Priority.HIGH,
        source="probe",
    )
    stored = _stored(services, Action, action.id)
    assert (stored.finding_id, stored.owner, stored.status, stored.priority) == (
        finding_id,
        "王丽",
        ActionStatus.OPEN,
        Priority.HIGH,
    )
    assert _only(events, "action").ids == (action.id,)
    assert _only(events, "action").source == "probe"
    detail = services.actions.detail(action.id)
    assert detail.organization_name == "鹰潭精密铜材有限公司"
    assert detail.finding_title == _stored(services, Finding, finding_id).title
    assert detail.case_title is None


@pytest.mark.parametrize(
    ("organization", "title", "zh", "en"),
    [
        ("org", " ", "请填写措施标题", "Give the action a title."),
        (None, "a title", "请选择措施所属的企业", "Choose the organization the action is for."),
    ],
)
def test_an_action_needs_a_title_and_an_organization(
    services: Services,
    demo: dict[str, Any],
    events: list[ChangeEvent],
    organization: str | None,
    title: str,
    zh: str,
    en: str,
) -> None:
    count = len(services.actions.plan_table())
    with pytest.raises(UserError) as refused:
        services.actions.create(demo["organization"] if organization else None, title)
    _refused_in_both_languages(refused, zh, en)
    assert events == [] and len(services.actions.plan_table()) == count


def test_moving_an_action_along_its_workflow(
    services: Services, demo: dict[str, Any], events: list[ChangeEvent]
) -> None:
    action_id = demo["actions"][0]  # open
    with pytest.raises(UserError) as refused:
        services.actions.move(action_id, ActionStatus.VERIFIED, verification_note="查过")
    _refused_in_both_languages(refused, "不能从“待处理”改为“已验证”", "from Open to Verified")
    assert events == []
    services.actions.move(action_id, ActionStatus.DONE)
    with pytest.raises(UserError) as refused:
        services.actions.move(action_id, ActionStatus.VERIFIED, verification_note="  ")
    _refused_in_both_languages(refused, "验证说明", "verification note")
    assert _stored(services, Action, action_id).status is ActionStatus.DONE
    services.actions.move(action_id, ActionStatus.VERIFIED, verification_note=" 抽查三个月 ")
    stored = _stored(services, Action, action_id)
    assert (stored.status, stored.verification_note) == (ActionStatus.VERIFIED, "抽查三个月")
    assert stored.verified_at is not None
    assert [e.ids for e in events if e.entity == "action"] == [(action_id,), (action_id,)]


def test_editing_an_action_and_its_status_is_one_commit(
    services: Services, demo: dict[str, Any], events: list[ChangeEvent]
) -> None:
    action_id = demo["actions"][1]  # in progress
    services.actions.edit(action_id, status=ActionStatus.DONE, owner="质量部 张敏", source="dlg")
    stored = _stored(services, Action, action_id)
    assert (stored.owner, stored.status) == ("质量部 张敏", ActionStatus.DONE)
    assert [(e.entity, e.ids) for e in events] == [("action", (action_id,))]

    events.clear()
    with pytest.raises(UserError):  # verifying without a note: the owner change is not kept
        services.actions.edit(action_id, status=ActionStatus.VERIFIED, owner="someone else")
    assert _stored(services, Action, action_id).owner == "质量部 张敏"
    assert events == []


# --- clinic cases ----------------------------------------------------------------------------
def test_a_case_from_registration_to_resolution(
    services: Services, demo: dict[str, Any], events: list[ChangeEvent]
) -> None:
    cases = services.cases
    visit_id = demo["visits"][1]
    assert visit_id in [v.id for v in cases.visits(demo["organization"])]
    case = cases.register(
        demo["organization"],
        NqiCategory.METROLOGY,
        " 卡尺校准过期 ",
        symptom="三把卡尺过期",
        visit_id=visit_id,
        source="dialog",
    )
    assert _only(events, "clinic_case").ids == (case.id,)
    assert _only(events, "clinic_case").source == "dialog"
    assert cases.rows(case_id=case.id)[0].title == "卡尺校准过期"

    events.clear()
    with pytest.raises(UserError) as refused:
        cases.move(case.id, CaseStatus.DIAGNOSED)
    _refused_in_both_languages(refused, "请先填写诊断", "Write the diagnosis")
    with pytest.raises(UserError) as refused:
        cases.move(case.id, CaseStatus.RESOLVED)
    _refused_in_both_languages(refused, "不能从“已登记”改为“已解决”", "from Registered to Resolved")
    assert events == [] and _stored(services, ClinicCase, case.id).status is CaseStatus.REGISTERED

    cases.edit(case.id, diagnosis=" 台账无到期提醒 ")
    cases.move(case.id, CaseStatus.DIAGNOSED)
    with pytest.raises(UserError) as refused:
        cases.move(case.id, CaseStatus.PRESCRIBED)
    _refused_in_both_languages(refused, "请先填写处方", "Write the prescription")
    cases.edit(case.id, prescription="建立到期提醒台账")
    cases.move(case.id, CaseStatus.PRESCRIBED)
    cases.move(case.id, CaseStatus.RESOLVED, resolved_on=date(2026, 11, 20))
    stored = _stored(services, ClinicCase, case.id)
    assert (stored.diagnosis, stored.status, stored.resolved_on) == (
        "台账无到期提醒",
        CaseStatus.RESOLVED,
        date(2026, 11, 20),
    )
    cases.move(case.id, CaseStatus.PRESCRIBED)  # reopened
    assert _stored(services, ClinicCase, case.id).resolved_on is None
    assert [e.ids for e in events] == [(case.id,)] * 6

    detail = cases.detail(case.id)
    assert detail is not None and detail.visit is not None and detail.visit.id == visit_id
    assert detail.organization_name == "鹰潭精密铜材有限公司"


def test_a_case_needs_an_organization_and_a_title(
    services: Services, demo: dict[str, Any], events: list[ChangeEvent]
) -> None:
    count = len(services.cases.rows())
    with pytest.raises(UserError) as refused:
        services.cases.register(None, NqiCategory.STANDARDS, "x")
    _refused_in_both_languages(refused, "请选择企业", "Choose the organization.")
    with pytest.raises(UserError) as refused:
        services.cases.register(demo["organization"], NqiCategory.STANDARDS, "  ")
    _refused_in_both_languages(refused, "请填写案例标题", "Give the case a title.")
    with pytest.raises(UserError):
        services.cases.edit(demo["cases"][0], title="")
    assert events == [] and len(services.cases.rows()) == count


def test_deleting_a_case(
    services: Services, demo: dict[str, Any], events: list[ChangeEvent]
) -> None:
    case_id = demo["cases"][0]
    services.cases.delete(case_id)
    assert case_id not in [row.id for row in services.cases.rows()]
    assert services.cases.detail(case_id) is None
    assert _only(events, "clinic_case").ids == (case_id,)
