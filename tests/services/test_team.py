"""TeamService: who I am, the role kept from sign-in, assigning visits (here and on the server),
and "my visits"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from qclinic import settings as stored
from qclinic.core.vocabulary import TeamRole, VisitKind
from qclinic.errors import UserError
from qclinic.server import accounts
from qclinic.server import db as server_db
from qclinic.server.app import create_app
from qclinic.services import ChangeEvent, Services
from qclinic.services.assessments import TeamMember
from qclinic.storage.database import Database
from qclinic.storage.repositories import organizations
from qclinic.sync.client import SyncClient
from qclinic.sync.engine import run

PASSWORD = "correct horse battery"


@pytest.fixture
def organization(db: Database) -> str:
    from qclinic.storage.library import install_builtin_library

    install_builtin_library(db)
    with db.session() as s:
        return organizations.create_organization(s, "吉安电子科技有限公司").id


def _start(services: Services, organization: str, *team: str) -> str:
    nqi = next(
        e
        for e in services.assessments.start_choices(organization).checklists
        if e.id == "nqi-clinic"
    )
    members = [
        TeamMember(name, TeamRole.LEAD if i == 0 else TeamRole.MEMBER)
        for i, name in enumerate(team)
    ]
    return services.assessments.start(
        organization,
        checklist_id=nqi.id,
        checklist_version=nqi.version,
        title="2026 质量门诊",
        visit_kind=VisitKind.ONSITE_CLINIC,
        visit_date=date(2026, 3, 12),
        team=members,
    )


def _visit(services: Services, assessment_id: str) -> str:
    visit = services.team.visit_of(assessment_id)
    assert visit is not None
    return visit


def test_me_is_the_signed_in_user_else_the_settings_name(services: Services) -> None:
    assert services.team.me() == ""
    stored.save(stored.Settings(consultant_name=" 王丽 "))
    assert services.team.me() == "王丽"
    assert services.team.role() is None
    services.sync.remember_sign_in("http://qc", "wang", "company")
    assert (services.team.me(), services.team.role()) == ("wang", "company")
    assert services.team.is_company() and not services.team.may_assign()
    services.sync.set_state({"sync.user": None})  # signed out: no role any more
    assert (services.team.me(), services.team.role()) == ("王丽", None)


def test_a_visit_assigned_is_in_that_consultants_visits(
    services: Services, organization: str, events: list[ChangeEvent]
) -> None:
    mine = _start(services, organization, "王丽", "周敏")
    other = _start(services, organization, "李强")
    assert services.team.assessments_of("周敏") == {mine}  # named on the team
    assert services.team.assessments_of("赵刚") == set()
    events.clear()
    services.team.assign_visit(_visit(services, other), " 赵刚 ", source="dialog")
    assert services.team.visit_assignee(_visit(services, other)) == "赵刚"
    assert services.team.assessments_of("赵刚") == {other}
    assert {(e.entity, e.source) for e in events} == {("person", "dialog"), ("visit", "dialog")}
    # assigning another visit to the same consultant names the same person, once
    events.clear()
    services.team.assign_visit(_visit(services, mine), "赵刚")
    assert [e.entity for e in events] == ["visit"]
    assert services.team.assessments_of("赵刚") == {mine, other}
    with pytest.raises(UserError):
        services.team.assign_visit(_visit(services, mine), "  ")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[TestClient]:
    """An in-process server with a lead of region 合肥 and two consultants."""
    (tmp_path / "server").mkdir()
    engine = server_db.make_engine(server_db.database_url(tmp_path / "server"))
    server_db.upgrade(engine)
    with server_db.sessions(engine)() as session, session.begin():
        accounts.add_user(session, "lena", "lead", PASSWORD, [], regions=["合肥"])
        accounts.add_user(session, "zhao", "consultant", PASSWORD, [])
        accounts.add_user(session, "root", "admin", PASSWORD, [])
    with TestClient(create_app(server_db.sessions(engine))) as client:
        yield client
    engine.dispose()


class _Kept(SyncClient):
    """A client over the test's in-process server, which the service's ``with`` leaves open."""

    def close(self) -> None:
        pass


def _as(server: TestClient, user: str) -> SyncClient:
    token = server.post(
        "/v1/login", json={"user": user, "password": PASSWORD, "device": "t"}
    ).json()["token"]
    server.headers["Authorization"] = f"Bearer {token}"
    return _Kept("http://testserver", http=server)


def test_a_lead_assigns_a_visit_through_the_server(
    services: Services, organization: str, server: TestClient
) -> None:
    services.organizations.update(organization, region="合肥")
    draft = _start(services, organization, "lena")
    run(services.sync, _as(server, "root"), lambda _line: None, "en")  # the server holds it now
    services.sync.remember_sign_in("http://testserver", "lena", "lead")
    lena = _as(server, "lena")
    services.team.connect = lambda: lena
    assert [m.user for m in services.team.members()] == ["lena", "zhao"]
    services.team.assign_visit(_visit(services, draft), "zhao")
    assert services.team.visit_assignee(_visit(services, draft)) == "zhao"
    assert {m.user: m.organizations for m in services.team.members()}["zhao"] == (organization,)
    # a refusal on the server changes nothing here
    with pytest.raises(UserError):
        services.team.assign_visit(_visit(services, draft), "nobody")
    assert services.team.visit_assignee(_visit(services, draft)) == "zhao"


def test_incomplete_attachments_are_counted_per_organization_by_their_owner(
    services: Services, db: Database, organization: str
) -> None:
    """An answer's, a finding's and a case's attachment whose bytes are not here all count for
    the organization they belong to; another organization's complete ones do not."""
    from qclinic.core.vocabulary import FindingSeverity, NqiCategory
    from qclinic.storage.repositories.attachments import add_attachment
    from qclinic.storage.repositories.improvement import create_case, create_finding

    draft = _start(services, organization, "王丽")
    with db.session() as s:
        other = organizations.create_organization(s, "另一家公司").id
        finding = create_finding(s, draft, FindingSeverity.MINOR_NC, "记录不全")
        case = create_case(s, organization, NqiCategory.METROLOGY, "量具未校准")
        other_case = create_case(s, other, NqiCategory.METROLOGY, "量具")
        owners = [
            {"assessment_id": draft, "question_id": "QMS.1"},
            {"finding_id": finding.id},
            {"case_id": case.id},
        ]
        hashes = [
            add_attachment(s, db.blobs, f"证据 {n}".encode(), f"e{n}.txt", **owner).sha256
            for n, owner in enumerate(owners)
        ]
        add_attachment(s, db.blobs, b"kept", "kept.txt", case_id=other_case.id)
    assert services.sync.incomplete_by_organization() == {}
    for sha256 in hashes:
        db.blobs.path_for(sha256).unlink()
    assert services.sync.incomplete_by_organization() == {organization: 3}
