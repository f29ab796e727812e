"""Deleting an organization or a site sets its deletion marker; restoring clears it; the history of
a deleted organization stays readable (issue 10)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from qclinic.services.demo import seed
from qclinic.storage.database import Database
from qclinic.storage.errors import InvalidValue, NotFound
from qclinic.storage.models import ChangeLog, Organization, Site
from qclinic.storage.organization_list import list_organization_summaries
from qclinic.storage.repositories import assessments, organizations
from qclinic.storage.repositories.organizations import Dependents


@pytest.fixture
def demo(db: Database) -> dict:
    return seed(db)


def _log(db: Database, row_id: str) -> list[str]:
    with db.read_session() as session:
        rows = session.scalars(
            select(ChangeLog).where(ChangeLog.row_id == row_id).order_by(ChangeLog.seq)
        )
        return [str(row.operation) for row in rows]


def _listed(db: Database) -> set[str]:
    return {row.id for row in list_organization_summaries(db)}


def test_the_question_before_deleting_counts_what_hangs_on_it(db: Database, demo: dict) -> None:
    with db.read_session() as session:
        counts = organizations.organization_dependents(session, demo["organization"])
    # the demo company: one site, two assessments (the self-assessment signed), three visits
    assert counts.sites == 1 and counts.visits == 3
    assert counts.assessments == 2 and counts.signed == 1
    assert counts.actions == len(demo["actions"]) and counts.cases == len(demo["cases"])
    assert 0 < counts.open_actions <= counts.actions
    with db.read_session() as session:
        assert organizations.site_dependents(session, demo["site"]).visits >= 1
        assert organizations.organization_dependents(session, "none") == Dependents()


def test_delete_marks_the_organization_and_its_sites_and_restore_clears_them(
    db: Database, demo: dict
) -> None:
    company = demo["organization"]
    with db.session() as session:
        lone = organizations.create_site(session, company, "Old warehouse").id
    with db.session() as session:
        organizations.delete_site(session, lone)  # deleted on its own, before
    with db.session() as session:
        organizations.delete_organization(session, company)
    assert company not in _listed(db)
    with db.read_session() as session:
        assert session.get(Organization, company).deleted_at is not None  # no hard delete
        assert session.get(Site, demo["site"]).deleted_at is not None
        with pytest.raises(NotFound):
            organizations.get_organization(session, company)
        # the history stays readable
        shown = organizations.get_organization(session, company, include_deleted=True)
        assert shown.name
        assert len(assessments.list_assessments(session, organization_id=company)) == 2
    assert _log(db, company)[-1] == "delete"
    assert _log(db, demo["site"])[-1] == "delete"

    with db.session() as session:
        organizations.restore_organization(session, company)
    assert company in _listed(db)
    with db.read_session() as session:
        assert [s.id for s in organizations.list_sites(session, company)] == [demo["site"]]
        assert session.get(Site, lone).deleted_at is not None  # it was deleted before: stays
    assert _log(db, company)[-1] == "update"
    assert _log(db, demo["site"])[-1] == "update"
    with db.session() as session:  # restoring a live one changes nothing
        organizations.restore_organization(session, company)
    assert _log(db, company)[-1] == "update" and len(_log(db, company)) == 3


def test_restore_refuses_a_credit_code_taken_meanwhile(db: Database, demo: dict) -> None:
    company = demo["organization"]
    with db.read_session() as session:
        code = organizations.get_organization(session, company).uscc
    assert code
    with db.session() as session:
        organizations.delete_organization(session, company)
    with db.session() as session:  # the code became free; a new row takes it
        organizations.create_organization(session, "New registration", uscc=code)
    with pytest.raises(InvalidValue, match="already registered"), db.session() as session:
        organizations.restore_organization(session, company)
    with db.read_session() as session:
        assert session.get(Organization, company).deleted_at is not None


def test_a_site_is_deleted_and_restored_on_its_own(db: Database, demo: dict) -> None:
    with db.session() as session:
        organizations.delete_site(session, demo["site"])
    with db.read_session() as session:
        assert organizations.list_sites(session, demo["organization"]) == []
    with db.session() as session:
        organizations.restore_site(session, demo["site"])
    with db.read_session() as session:
        assert len(organizations.list_sites(session, demo["organization"])) == 1
    with db.session() as session:
        organizations.delete_organization(session, demo["organization"])
    with (
        pytest.raises(InvalidValue, match="restore the organization first"),
        db.session() as session,
    ):
        organizations.restore_site(session, demo["site"])
    with pytest.raises(NotFound), db.session() as session:
        organizations.restore_site(session, "no-such-site")
