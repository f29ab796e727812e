"""AssessmentService: start, team, complete, reopen, sign, amend — committed, announced, refused."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text as sql

from qclinic.core.vocabulary import AssessmentStatus, SignerRole, TeamRole, VisitKind
from qclinic.errors import UserError
from qclinic.services import ChangeEvent, Services
from qclinic.services.assessments import GapsBlock, Signer, TeamMember
from qclinic.storage.database import Database
from qclinic.storage.models import Assessment, Visit
from qclinic.storage.repositories import answers, assessments, attachments, organizations
from qclinic.storage.repositories.team import team_of

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32
LOW_MATURITY = 1  # nqi-clinic asks for a note below 40 %: a blocking gap without one


@pytest.fixture
def organization(db: Database) -> str:
    from qclinic.storage.library import install_builtin_library

    install_builtin_library(db)
    with db.session() as s:
        org = organizations.create_organization(s, "吉安电子科技有限公司")
        organizations.create_site(s, org.id, "井冈山经开区工厂")
        return org.id


def _start(services: Services, organization: str, **kw: object) -> str:
    nqi = next(
        e
        for e in services.assessments.start_choices(organization).checklists
        if e.id == "nqi-clinic"
    )
    arguments: dict[str, object] = {
        "checklist_id": nqi.id,
        "checklist_version": nqi.version,
        "title": "2026 质量门诊",
        "visit_kind": VisitKind.ONSITE_CLINIC,
        "visit_date": date(2026, 3, 12),
    }
    arguments.update(kw)
    return services.assessments.start(organization, **arguments)  # type: ignore[arg-type]


def _status(db: Database, assessment_id: str) -> AssessmentStatus:
    with db.read_session() as s:
        return assessments.get_assessment(s, assessment_id).status


def _log_length(db: Database) -> int:
    with db.read_session() as s:
        return int(s.execute(sql("SELECT count(*) FROM change_log")).scalar_one())


def _ready(services: Services, organization: str) -> str:
    """A draft with no blocking gap."""
    draft = _start(services, organization)
    services.answers.save_answer(draft, "QMS.2", 4, base_revision=0)
    return draft


# --- starting and the team -------------------------------------------------------------------
def test_starting_makes_a_visit_and_a_draft_with_its_team_in_one_commit(
    services: Services, db: Database, events: list[ChangeEvent], organization: str
) -> None:
    offered = services.assessments.start_choices(organization)
    assert offered.organization == "吉安电子科技有限公司"
    assert [name for _id, name in offered.sites] == ["井冈山经开区工厂"]
    events.clear()
    dialog = object()
    assessment_id = _start(
        services,
        organization,
        site_id=offered.sites[0][0],
        team=[TeamMember("李强", TeamRole.LEAD), TeamMember("陈志远", phone="0791-86112345")],
        source=dialog,
    )

    with db.read_session() as s:
        started = s.get(Assessment, assessment_id)
        assert started is not None and started.status is AssessmentStatus.DRAFT
        assert started.checklist_json["id"] == "nqi-clinic"  # the frozen copy
        visit = s.get(Visit, started.visit_id)
        assert visit is not None and visit.site_id == offered.sites[0][0]
        assert [m.name for m in team_of(s, assessment_id)] == ["李强", "陈志远"]
    by_entity = {e.entity: e for e in events}
    assert {"visit", "assessment", "assessment_member"} <= set(by_entity)
    assert by_entity["assessment"].ids == (assessment_id,)
    assert by_entity["visit"].ids == (visit.id,)
    assert all(e.made_by(dialog) for e in events)


def test_a_start_without_title_or_with_two_leads_commits_nothing(
    services: Services, db: Database, events: list[ChangeEvent], organization: str
) -> None:
    events.clear()
    before = _log_length(db)
    with pytest.raises(UserError) as untitled:
        _start(services, organization, title="  ")
    assert untitled.value.message("zh") == "评估需要标题。"
    assert untitled.value.message("en") == "An assessment needs a title."
    with pytest.raises(UserError) as two_leads:
        _start(
            services,
            organization,
            team=[TeamMember("甲", TeamRole.LEAD), TeamMember("乙", TeamRole.LEAD)],
        )
    assert "组长" in two_leads.value.message("zh") and "lead" in two_leads.value.message("en")
    assert events == [] and _log_length(db) == before
    with db.read_session() as s:
        assert s.query(Visit).count() == 0 and s.query(Assessment).count() == 0


def test_the_team_is_replaced_and_announced(
    services: Services, db: Database, events: list[ChangeEvent], organization: str
) -> None:
    draft = _start(services, organization, team=[TeamMember("李强", TeamRole.LEAD)])
    events.clear()
    services.assessments.set_team(
        draft, [TeamMember("王丽", TeamRole.LEAD), TeamMember("周敏", affiliation="省标准化院")]
    )
    assert [m.name for m in services.assessments.team(draft)] == ["王丽", "周敏"]
    assert [e.entity for e in events] == ["assessment_member"]
    assert len(events[0].ids) == 3  # two added, one removed (tombstoned)


# --- complete, reopen ------------------------------------------------------------------------
def test_gaps_block_completion_and_nothing_is_committed(
    services: Services, db: Database, events: list[ChangeEvent], organization: str
) -> None:
    draft = _start(services, organization)
    revision = services.answers.save_answer(draft, "QMS.1", LOW_MATURITY, base_revision=0)
    events.clear()
    before = _log_length(db)

    with pytest.raises(GapsBlock) as blocked:
        services.assessments.complete(draft)
    assert [(g.kind, g.question) for g in blocked.value.gaps] == [("note-required", "QMS.1")]
    assert "1 处缺项" in blocked.value.message("zh") and "1 gap(s)" in blocked.value.message("en")
    assert events == [] and _log_length(db) == before
    assert _status(db, draft) is AssessmentStatus.DRAFT

    services.answers.save_note(draft, "QMS.1", "制度未落实到车间。", base_revision=revision)
    events.clear()
    result = services.assessments.complete(draft)
    assert _status(db, draft) is AssessmentStatus.COMPLETED
    with db.read_session() as s:
        row = assessments.get_assessment(s, draft)
        assert row.grade == result.grade and row.score_percent is not None
    assert [(e.entity, e.ids) for e in events] == [("assessment", (draft,))]

    with pytest.raises(UserError) as again:
        services.assessments.complete(draft)
    assert again.value.message("en") == "Only a draft assessment can be completed."
    assert again.value.message("zh") == "只有草稿状态的评估才能标记为完成。"


def test_reopen_sends_a_completed_assessment_back_to_draft_only(
    services: Services, db: Database, events: list[ChangeEvent], organization: str
) -> None:
    draft = _ready(services, organization)
    with pytest.raises(UserError) as refused:
        services.assessments.reopen(draft)
    assert "退回草稿" in refused.value.message("zh") and "amend" in refused.value.message("en")
    services.assessments.complete(draft)
    events.clear()
    services.assessments.reopen(draft)
    assert _status(db, draft) is AssessmentStatus.DRAFT
    assert [(e.entity, e.ids) for e in events] == [("assessment", (draft,))]


def test_the_cached_score_is_recorded(
    services: Services, db: Database, events: list[ChangeEvent], organization: str
) -> None:
    draft = _ready(services, organization)
    events.clear()
    runner = object()
    services.assessments.record_score(draft, 81.25, "B", source=runner)
    with db.read_session() as s:
        row = assessments.get_assessment(s, draft)
        assert (row.score_percent, row.grade) == (81.25, "B")
    assert [e.entity for e in events] == ["assessment"] and events[0].made_by(runner)


# --- sign, amend -----------------------------------------------------------------------------
def test_signing_stores_each_signature_and_locks_the_assessment(
    services: Services, db: Database, events: list[ChangeEvent], organization: str
) -> None:
    draft = _ready(services, organization)
    services.assessments.complete(draft)
    events.clear()
    services.assessments.sign(
        draft,
        [
            Signer(SignerRole.LEAD, "李强", PNG, "组长: 李强"),
            Signer(SignerRole.CONSULTANT, "陈志远"),
            Signer(SignerRole.CONSULTANT, "周敏", PNG),
            Signer(SignerRole.COMPANY_REPRESENTATIVE, " 王丽 "),
        ],
    )

    assert _status(db, draft) is AssessmentStatus.SIGNED
    with db.read_session() as s:
        signed = assessments.list_signatures(s, draft)
        images = attachments.list_attachments(s, assessment_id=draft)
    assert [(g.signer_role, g.signer_name) for g in signed] == [
        (SignerRole.LEAD, "李强"),
        (SignerRole.CONSULTANT, "陈志远"),
        (SignerRole.CONSULTANT, "周敏"),
        (SignerRole.COMPANY_REPRESENTATIVE, "王丽"),
    ]
    assert sorted(a.instance_key for a in images) == ["consultant-2", "lead"]
    assert {e.entity for e in events} >= {"assessment", "signature", "attachment"}
    assert services.assessments.seal_problems(draft) == []
    with pytest.raises(UserError):
        services.answers.save_answer(draft, "QMS.3", 4, base_revision=0)


def test_signing_refuses_a_nameless_signer_or_a_draft_and_commits_nothing(
    services: Services, db: Database, events: list[ChangeEvent], organization: str
) -> None:
    draft = _ready(services, organization)
    events.clear()
    before = _log_length(db)
    with pytest.raises(UserError) as nameless:
        services.assessments.sign(draft, [Signer(SignerRole.CONSULTANT, "  ")])
    assert nameless.value.message("zh") == "每位签字人都需要填写姓名。"
    assert nameless.value.message("en") == "Every signer needs a name."
    with pytest.raises(UserError):  # a draft is not ready to sign: not even the image is kept
        services.assessments.sign(draft, [Signer(SignerRole.CONSULTANT, "李强", PNG)])
    assert events == [] and _log_length(db) == before
    with db.read_session() as s:
        assert attachments.list_attachments(s, assessment_id=draft) == []


def test_amending_makes_a_linked_draft_and_announces_its_copies(
    services: Services, db: Database, events: list[ChangeEvent], organization: str
) -> None:
    draft = _ready(services, organization)
    services.assessments.complete(draft)
    services.assessments.sign(draft, [Signer(SignerRole.CONSULTANT, "李强")])
    events.clear()

    amendment = services.assessments.amend(draft)

    with db.read_session() as s:
        row = assessments.get_assessment(s, amendment)
        assert (row.status, row.amends_id, row.revision_no) == (AssessmentStatus.DRAFT, draft, 2)
        assert answers.answer_values(s, amendment) == answers.answer_values(s, draft)
    by_entity = {e.entity: e for e in events}
    assert by_entity["assessment"].ids == (amendment,)
    assert "answer" in by_entity
    with pytest.raises(UserError):  # amended already: amend the latest revision instead
        services.assessments.amend(draft)


# --- what the screens read -------------------------------------------------------------------
def test_the_lists_and_the_overview(
    services: Services, db: Database, events: list[ChangeEvent], organization: str
) -> None:
    first = _ready(services, organization)
    second = _start(services, organization, title="2026 复诊")
    services.assessments.complete(first)
    services.assessments.sign(first, [Signer(SignerRole.CONSULTANT, "李强")])
    amendment = services.assessments.amend(first)

    listing = {item.assessment.id: item for item in services.assessments.listing()}
    assert set(listing) == {first, second, amendment}
    assert listing[first].in_chain and listing[amendment].in_chain
    assert not listing[second].in_chain
    assert listing[second].organization == "吉安电子科技有限公司"
    assert not listing[second].organization_deleted
    title = listing[second].checklist_title
    assert title is not None and title.zh.startswith("质量门诊综合诊断")
    assert title.en.startswith("Quality clinic general diagnosis")

    dated = services.assessments.of_organization(organization)
    assert [d.assessment.id for d in dated] == [amendment, second, first]  # newest first
    assert dated[1].visit_date == date(2026, 3, 12)

    overview = services.assessments.overview(first)
    assert (overview.title, overview.status) == ("2026 质量门诊", AssessmentStatus.SIGNED)
    assert overview.signed_at is not None
    assert overview.result.percent == services.snapshots.score(first).percent
    assert services.assessments.status(second) is AssessmentStatus.DRAFT
