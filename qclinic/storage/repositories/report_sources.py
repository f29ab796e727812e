"""What a report of one assessment is made from, read in one read session.

The assessment's :class:`~qclinic.storage.snapshot.AssessmentSnapshot` (scored as the runner and
``qclinic score`` score it), the organization, visit and site, the team and the signatures, the
findings, clinic cases and their actions, and the previous assessment to compare with. The
rows are detached but fully loaded; :func:`qclinic.reports.assembly.assemble_report` turns them
into the report's data without touching the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from qclinic.storage.models import (
    Action,
    Assessment,
    AssessmentMember,
    Attachment,
    ClinicCase,
    Finding,
    Organization,
    Outcome,
    Person,
    Provider,
    Referral,
    Signature,
    Site,
    Visit,
)
from qclinic.storage.repositories import assessments, improvement, organizations, visits
from qclinic.storage.repositories.team import list_team
from qclinic.storage.snapshot import AssessmentSnapshot, load_snapshot


@dataclass(frozen=True)
class ReferralSource:
    """A referral of the report's cases or findings, its provider's name and evidence files."""

    referral: Referral
    provider: str
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class ReportSources:
    """The loaded values a report is assembled from."""

    snapshot: AssessmentSnapshot
    organization: Organization  # also a deleted one: its reports still print
    visit: Visit | None
    site: Site | None
    lead_consultant: str | None  # the visit's lead, read only when the assessment has no team
    team: tuple[AssessmentMember, ...]
    signatures: tuple[Signature, ...]
    findings: tuple[Finding, ...]
    cases: tuple[ClinicCase, ...]  # the visit's cases
    actions: tuple[Action, ...]  # of those findings and cases, soonest due first
    previous: AssessmentSnapshot | None  # the latest earlier non-draft of the same checklist
    previous_visit_date: date | None
    #: the company's live outcome figures up to the visit's date (all of them without a visit)
    outcomes: tuple[Outcome, ...] = ()
    #: the live referrals of those findings and cases, oldest request first
    referrals: tuple[ReferralSource, ...] = ()


def load_report_sources(session: Session, assessment_id: str) -> ReportSources:
    """Read everything a report of *assessment_id* shows.

    Raises:
        qclinic.storage.errors.NotFound: No such live assessment.
    """
    snapshot = load_snapshot(session, assessment_id)
    assessment = assessments.get_assessment(session, assessment_id)  # in the identity map
    organization = organizations.get_organization(
        session, snapshot.organization_id, include_deleted=True
    )
    visit = visits.get_visit(session, snapshot.visit_id) if snapshot.visit_id else None
    site = session.get(Site, visit.site_id) if visit and visit.site_id else None
    team = tuple(list_team(session, assessment_id))
    lead = None
    if not team and visit and visit.lead_consultant_id:
        person = session.get(Person, visit.lead_consultant_id)
        lead = person.name if person is not None else None
    findings = tuple(improvement.list_findings(session, assessment_id))
    cases = tuple(visit_cases(session, visit.id)) if visit is not None else ()
    previous_row = previous_assessment(session, assessment)
    previous = load_snapshot(session, previous_row.id) if previous_row is not None else None
    previous_date = None
    if previous_row is not None and previous_row.visit_id:
        previous_date = visits.get_visit(session, previous_row.visit_id).visit_date
    return ReportSources(
        snapshot=snapshot,
        organization=organization,
        visit=visit,
        site=site,
        lead_consultant=lead,
        team=team,
        signatures=tuple(assessments.list_signatures(session, assessment_id)),
        findings=findings,
        cases=cases,
        actions=tuple(report_actions(session, [f.id for f in findings], [c.id for c in cases])),
        previous=previous,
        previous_visit_date=previous_date,
        outcomes=tuple(
            report_outcomes(session, organization.id, visit.visit_date if visit else None)
        ),
        referrals=tuple(report_referrals(session, [f.id for f in findings], [c.id for c in cases])),
    )


def report_referrals(
    session: Session, finding_ids: list[str], case_ids: list[str]
) -> list[ReferralSource]:
    """The live referrals of these findings and cases, oldest request first, with their
    provider's name and the file names of their live delivery evidence."""
    if not finding_ids and not case_ids:
        return []
    rows = session.execute(
        select(Referral, Provider.name)
        .join(Provider, Provider.id == Referral.provider_id)
        .where(
            Referral.deleted_at.is_(None),
            or_(Referral.case_id.in_(case_ids), Referral.finding_id.in_(finding_ids)),
        )
        .order_by(Referral.requested_on, Referral.id)
    ).all()
    files: dict[str, list[str]] = {}
    for referral_id, name in session.execute(
        select(Attachment.referral_id, Attachment.file_name)
        .where(
            Attachment.referral_id.in_([r.id for r, _name in rows]),
            Attachment.deleted_at.is_(None),
        )
        .order_by(Attachment.id)
    ):
        files.setdefault(str(referral_id), []).append(name)
    return [ReferralSource(r, name, tuple(files.get(r.id, ()))) for r, name in rows]


def report_outcomes(session: Session, organization_id: str, until: date | None) -> list[Outcome]:
    """The company's live outcome figures with a period up to *until* (a printed report keeps
    its figures when later quarters are recorded), by period."""
    query = select(Outcome).where(
        Outcome.organization_id == organization_id, Outcome.deleted_at.is_(None)
    )
    if until is not None:
        query = query.where(Outcome.period <= until)
    return list(session.scalars(query.order_by(Outcome.period, Outcome.id)))


def visit_cases(session: Session, visit_id: str) -> list[ClinicCase]:
    """The live clinic cases of a visit, in creation order."""
    return list(
        session.scalars(
            select(ClinicCase)
            .where(ClinicCase.visit_id == visit_id, ClinicCase.deleted_at.is_(None))
            .order_by(ClinicCase.id)
        )
    )


def report_actions(session: Session, finding_ids: list[str], case_ids: list[str]) -> list[Action]:
    """The live actions of these findings and cases, soonest due first (no date last).

    A case's action raised from a finding of another revision belongs to that revision's report.
    """
    conditions: list[ColumnElement[bool]] = []
    if finding_ids:
        conditions.append(Action.finding_id.in_(finding_ids))
    if case_ids:
        conditions.append(
            and_(
                Action.case_id.in_(case_ids),
                or_(Action.finding_id.is_(None), Action.finding_id.in_(finding_ids)),
            )
        )
    if not conditions:
        return []
    return list(
        session.scalars(
            select(Action)
            .where(Action.deleted_at.is_(None), or_(*conditions))
            .order_by(Action.due_date.is_(None), Action.due_date, Action.id)
        )
    )


def previous_assessment(session: Session, assessment: Assessment) -> Assessment | None:
    """The latest earlier, non-draft assessment of the same organization and checklist.

    The revision an amendment amends is not its "previous": it is the same assessment.
    """
    query = (
        select(Assessment)
        .where(
            Assessment.organization_id == assessment.organization_id,
            Assessment.checklist_id == assessment.checklist_id,
            Assessment.id < assessment.id,
            Assessment.id != assessment.amends_id
            if assessment.amends_id
            else Assessment.id.is_not(None),
            Assessment.deleted_at.is_(None),
            Assessment.status != "draft",
        )
        .order_by(Assessment.id.desc())
        .limit(1)
    )
    return session.scalars(query).first()
