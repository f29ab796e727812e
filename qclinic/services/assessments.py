"""The assessment lifecycle: start, team, complete, reopen, sign, amend; the lists that show them.

An assessment is started as a draft with a frozen copy of its checklist version and a visit;
*complete* checks the gaps that block it (a missing note, photo or process step) and caches the
score; signing stores every signature and the seal in one transaction; a signed assessment
never changes — *amend* makes a linked draft revision. Every change is announced on the bus
(see :class:`~qclinic.services.base.Service`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from qclinic.core.catalogue import text
from qclinic.core.scoring import BLOCKING, Gap, ScoreResult
from qclinic.core.text import Text
from qclinic.core.vocabulary import AssessmentStatus, SignerRole, VisitKind
from qclinic.errors import UserError
from qclinic.services.base import Service
from qclinic.services.records import RecordRow, read_records
from qclinic.storage.repositories.team import TeamMember

if TYPE_CHECKING:
    from qclinic.storage.library import LibraryEntry
    from qclinic.storage.models import Assessment

__all__ = [
    "AssessmentListing",
    "AssessmentOverview",
    "AssessmentService",
    "DatedAssessment",
    "GapsBlock",
    "Signer",
    "StartChoices",
    "TeamMember",
]


class GapsBlock(UserError):
    """The assessment cannot be completed yet: *gaps* (blocking ones) must be closed first."""

    def __init__(self, gaps: Sequence[Gap]) -> None:
        super().__init__(text("assessments.gaps_block", count=len(gaps)))
        self.gaps = list(gaps)


@dataclass(frozen=True, slots=True)
class StartChoices:
    """What the start dialog offers for one organization."""

    organization: str
    #: (site id, site name) of its live sites
    sites: list[tuple[str, str]]
    #: the newest version of each checklist in the library
    checklists: list[LibraryEntry]


@dataclass(frozen=True, slots=True)
class AssessmentOverview:
    """One assessment's title, status and score, as the sign-off step shows it."""

    title: str
    status: AssessmentStatus
    signed_at: datetime | None
    result: ScoreResult


@dataclass(frozen=True, slots=True)
class Signer:
    """One signature: who signs, in which role, drawn (a PNG) or as a typed name (``None``)."""

    role: SignerRole
    name: str
    image_png: bytes | None = None
    #: the caption of the drawn image ("Lead expert: 王工")
    caption: str = ""


@dataclass(frozen=True, slots=True)
class AssessmentListing:
    """An assessment as the assessments page lists it (the row is detached, fully loaded)."""

    assessment: Assessment
    organization: str
    organization_deleted: bool
    #: amended, or an amendment: it is one of several revisions
    in_chain: bool
    #: the checklist's title in the library (``None``: no longer in the library)
    checklist_title: Text | None = None


@dataclass(frozen=True, slots=True)
class DatedAssessment:
    """An assessment with the day it was made: its visit's date, else its creation day (UTC)."""

    assessment: Assessment
    visit_date: date | None


class AssessmentService(Service):
    """Starting, staffing, completing, signing and amending assessments."""

    # --- reads -------------------------------------------------------------------------------
    def start_choices(self, organization_id: str) -> StartChoices:
        """The organization's name and sites, and the checklists an assessment can start from."""
        from qclinic.storage.library import list_library
        from qclinic.storage.repositories.organizations import get_organization, list_sites

        with self._reading() as session:
            organization = get_organization(session, organization_id)
            sites = [(site.id, site.name) for site in list_sites(session, organization_id)]
            name = organization.name
        return StartChoices(name, sites, list_library(self._database))

    def status(self, assessment_id: str) -> AssessmentStatus:
        from qclinic.storage.repositories.assessments import get_assessment

        with self._reading() as session:
            return get_assessment(session, assessment_id).status

    def overview(self, assessment_id: str) -> AssessmentOverview:
        from qclinic.storage.assessment_scoring import score_assessment
        from qclinic.storage.repositories.assessments import get_assessment

        with self._reading() as session:
            assessment = get_assessment(session, assessment_id)
            result = score_assessment(session, assessment_id)
            return AssessmentOverview(
                assessment.title, assessment.status, assessment.signed_at, result
            )

    def team(self, assessment_id: str) -> list[TeamMember]:
        from qclinic.storage.repositories.team import team_of

        with self._reading() as session:
            return team_of(session, assessment_id)

    def seal_problems(self, assessment_id: str) -> list[str]:
        """What differs from the seal of a signed assessment (empty: intact, or not signed)."""
        from qclinic.storage.seal import check_seal

        with self._reading() as session:
            check = check_seal(session.connection(), assessment_id)
        return [] if check is None else list(check.differences)

    def listing(self) -> list[AssessmentListing]:
        """Every live assessment, newest first, with its organization's name (also a deleted
        organization's: its assessments stay listed and open) and its checklist's title."""
        from qclinic.storage.library import list_library
        from qclinic.storage.repositories.assessments import list_assessments
        from qclinic.storage.repositories.organizations import get_organization

        titles = {e.id: Text(e.title_zh, e.title_en) for e in list_library(self._database)}

        with self._reading() as session:
            found = list_assessments(session, limit=None)
            organizations = {
                oid: get_organization(session, oid, include_deleted=True)
                for oid in {a.organization_id for a in found}
            }
        amended = {a.amends_id for a in found if a.amends_id}
        return [
            AssessmentListing(
                a,
                organizations[a.organization_id].name,
                organizations[a.organization_id].deleted_at is not None,
                bool(a.amends_id) or a.id in amended,
                titles.get(a.checklist_id),
            )
            for a in found
        ]

    def records(
        self, *, organization_id: str | None = None, include_deleted: bool = False
    ) -> list[RecordRow]:
        """Every (live, unless *include_deleted*) assessment, of *organization_id* when given, as a
        plain row, by id."""
        from qclinic.storage.models import Assessment

        with self._reading() as session:
            return read_records(
                session,
                Assessment,
                name="title",
                organization_id=organization_id,
                include_deleted=include_deleted,
            )

    def of_organization(self, organization_id: str) -> list[DatedAssessment]:
        """The organization's live assessments, newest first, with their visit dates."""
        from sqlalchemy import select

        from qclinic.storage.models import Visit
        from qclinic.storage.repositories.assessments import list_assessments

        with self._reading() as session:
            found = list_assessments(session, organization_id=organization_id, limit=None)
            visit_ids = [a.visit_id for a in found if a.visit_id]
            query = select(Visit.id, Visit.visit_date).where(Visit.id.in_(visit_ids))
            dates: dict[str, date] = {row.id: row.visit_date for row in session.execute(query)}
        return [DatedAssessment(a, dates.get(a.visit_id or "")) for a in found]

    # --- changes -----------------------------------------------------------------------------
    def start(
        self,
        organization_id: str,
        *,
        checklist_id: str,
        checklist_version: str,
        title: str,
        visit_kind: VisitKind,
        visit_date: date,
        site_id: str | None = None,
        team: Sequence[TeamMember] = (),
        source: object | None = None,
    ) -> str:
        """A visit and a draft assessment on it, with a frozen copy of the checklist version
        and its team, in one transaction. Returns the assessment's id.

        Raises:
            UserError: The title is empty, the checklist version is not in the library, or the
                team is not valid (two leads, a bad phone number…).
        """
        from qclinic.storage.library import checklist_content
        from qclinic.storage.repositories import assessments, visits

        title = title.strip()
        if not title:
            raise UserError(text("assessments.title_required"))
        with self._writing(source) as session:
            visit = visits.create_visit(
                session, organization_id, visit_kind, visit_date, site_id=site_id
            )
            content = checklist_content(session, checklist_id, checklist_version)
            assessment = assessments.start_assessment(
                session,
                organization_id,
                checklist_id,
                checklist_version,
                content,
                title,
                visit_id=visit.id,
                team=team,
            )
            return assessment.id

    def set_team(
        self, assessment_id: str, members: Sequence[TeamMember], *, source: object | None = None
    ) -> None:
        """Replace the expert team of an unsigned assessment (unchanged members keep their rows).

        Raises:
            UserError: Two leads, a duplicate name, a bad phone number; the assessment is signed.
        """
        from qclinic.storage.repositories.team import set_team

        with self._writing(source) as session:
            set_team(session, assessment_id, members)

    def complete(self, assessment_id: str, *, source: object | None = None) -> ScoreResult:
        """Mark a draft completed, with its score cached, unless gaps block it.

        Returns:
            The score it was completed with.

        Raises:
            GapsBlock: A required note, photo or process step is missing (``gaps`` lists them).
            UserError: The assessment is not a draft.
        """
        from qclinic.storage.assessment_scoring import score_assessment
        from qclinic.storage.repositories.assessments import (
            get_assessment,
            record_score,
            set_assessment_status,
        )

        with self._writing(source) as session:
            if get_assessment(session, assessment_id).status is not AssessmentStatus.DRAFT:
                raise UserError(text("assessments.complete_not_draft"))
            result = score_assessment(session, assessment_id)
            blocking = [gap for gap in result.gaps if gap.kind in BLOCKING]
            if blocking:
                raise GapsBlock(blocking)
            set_assessment_status(session, assessment_id, AssessmentStatus.COMPLETED)
            percent = round(result.percent, 4) if result.percent is not None else None
            record_score(session, assessment_id, percent, result.grade)
        return result

    def reopen(self, assessment_id: str, *, source: object | None = None) -> None:
        """Send a completed (unsigned) assessment back to draft.

        Raises:
            UserError: The assessment is not completed (a draft is open already; a signed one
                is amended instead).
        """
        from qclinic.storage.repositories.assessments import get_assessment, set_assessment_status

        with self._writing(source) as session:
            if get_assessment(session, assessment_id).status is not AssessmentStatus.COMPLETED:
                raise UserError(text("assessments.reopen_not_completed"))
            set_assessment_status(session, assessment_id, AssessmentStatus.DRAFT)

    def record_score(
        self,
        assessment_id: str,
        percent: float | None,
        grade: str | None,
        *,
        source: object | None = None,
    ) -> None:
        """Cache the overall score and grade on the assessment row, for lists and reports."""
        from qclinic.storage.repositories.assessments import record_score

        with self._writing(source) as session:
            record_score(session, assessment_id, percent, grade)

    def sign(
        self, assessment_id: str, signers: Sequence[Signer], *, source: object | None = None
    ) -> None:
        """Store every signature (drawn ones as image evidence) and sign, in one transaction.

        A second signer in the same role (a further consultant of the team) is kept apart by a
        numbered instance key (``consultant-2``).

        Raises:
            UserError: No signer, or one without a name; the assessment is not completed.
        """
        from qclinic.storage.repositories.assessments import (
            SIGNATURE_QUESTION_ID,
            add_signature,
            set_assessment_status,
        )
        from qclinic.storage.repositories.attachments import add_attachment

        if not signers or any(not signer.name.strip() for signer in signers):
            raise UserError(text("assessments.signer_name_required"))
        used: dict[str, int] = {}
        with self._writing(source) as session:
            for signer in signers:
                used[signer.role.value] = used.get(signer.role.value, 0) + 1
                instance = signer.role.value
                if used[signer.role.value] > 1:
                    instance = f"{instance}-{used[signer.role.value]}"
                image_sha256 = None
                if signer.image_png is not None:
                    image_sha256 = add_attachment(
                        session,
                        self._database.blobs,
                        signer.image_png,
                        f"signature-{instance}.png",
                        mime_type="image/png",
                        caption=signer.caption,
                        assessment_id=assessment_id,
                        question_id=SIGNATURE_QUESTION_ID,
                        instance_key=instance,
                    ).sha256
                add_signature(
                    session,
                    assessment_id,
                    signer.role,
                    signer.name.strip(),
                    image_sha256=image_sha256,
                )
            set_assessment_status(session, assessment_id, AssessmentStatus.SIGNED)

    def amend(self, assessment_id: str, *, source: object | None = None) -> str:
        """A new draft revision of a signed assessment, carrying its team, answers, evidence,
        findings and their actions over. Returns the new revision's id.

        Raises:
            UserError: The assessment is not signed, was amended already, or its seal is broken.
        """
        from qclinic.storage.repositories.assessments import amend_assessment

        with self._writing(source) as session:
            return amend_assessment(session, assessment_id).id
