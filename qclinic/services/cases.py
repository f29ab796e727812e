"""Clinic cases: a problem a company brings is registered, diagnosed, prescribed and resolved
(one step forward or back at a time); and what the case list and the case editor read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from qclinic.core.catalogue import text
from qclinic.core.vocabulary import CaseStatus, NqiCategory, VisitKind
from qclinic.errors import UserError
from qclinic.services.actions import move_refused
from qclinic.services.base import Service
from qclinic.services.records import RecordRow, read_records
from qclinic.storage.models import ClinicCase, Visit
from qclinic.storage.repositories import improvement
from qclinic.storage.repositories._common import get_live, soft_delete
from qclinic.storage.repositories.improvement import CASE_TRANSITIONS, CaseRow
from qclinic.storage.repositories.organizations import get_organization
from qclinic.storage.repositories.visits import list_visits

__all__ = ["CaseDetail", "CaseRow", "CaseService", "VisitChoice"]

#: the texts a case is edited by
TEXT_FIELDS = ("symptom", "diagnosis", "prescription")


@dataclass(frozen=True, slots=True)
class VisitChoice:
    """A visit a case can be registered under."""

    id: str
    visit_date: date
    kind: VisitKind


@dataclass(frozen=True, slots=True)
class CaseDetail:
    """One case as its editor shows it: the row, its organization's name, its visit."""

    case: ClinicCase
    organization_name: str
    visit: VisitChoice | None


class CaseService(Service):
    """The clinic cases of every organization."""

    def register(
        self,
        organization_id: str | None,
        category: NqiCategory,
        title: str,
        *,
        symptom: str = "",
        visit_id: str | None = None,
        source: object | None = None,
    ) -> ClinicCase:
        """Register a case (status registered) for *organization_id*, optionally under a visit.

        Raises:
            UserError: No organization or no title; the organization or visit is gone.
        """
        title = title.strip()
        if not organization_id:
            raise UserError(text("plan.case_organization_required"))
        if not title:
            raise UserError(text("plan.case_title_required"))
        with self._writing(source) as session:
            return improvement.create_case(
                session,
                organization_id,
                NqiCategory(category),
                title,
                symptom=symptom.strip(),
                visit_id=visit_id,
            )

    def edit(self, case_id: str, *, source: object | None = None, **changes: object) -> ClinicCase:
        """Change some of the case's fields (title, category, symptom, diagnosis, prescription,
        visit); texts are stored stripped.

        Raises:
            UserError: An empty title; the case is gone.
        """
        for name in (*TEXT_FIELDS, "title"):
            if name in changes:
                changes[name] = str(changes[name]).strip()
        if "title" in changes and not changes["title"]:
            raise UserError(text("plan.case_title_required"))
        with self._writing(source) as session:
            return improvement.update_case(session, case_id, **changes)

    def move(
        self,
        case_id: str,
        status: CaseStatus,
        *,
        resolved_on: date | None = None,
        source: object | None = None,
    ) -> ClinicCase:
        """Move the case one step (resolving records *resolved_on*, today by default).

        A case is marked diagnosed only with a diagnosis written, prescribed only with a
        prescription.

        Raises:
            UserError: The workflow does not allow the move, or the text it needs is missing.
        """
        status = CaseStatus(status)
        with self._writing(source) as session:
            case = get_live(session, ClinicCase, case_id)
            if status not in CASE_TRANSITIONS[case.status]:
                raise UserError(move_refused("case", case.status.value, status.value))
            if status is CaseStatus.DIAGNOSED and not case.diagnosis.strip():
                raise UserError(text("plan.diagnosis_required"))
            if status is CaseStatus.PRESCRIBED and not case.prescription.strip():
                raise UserError(text("plan.prescription_required"))
            return improvement.set_case_status(session, case_id, status, resolved_on=resolved_on)

    def delete(self, case_id: str, *, source: object | None = None) -> None:
        with self._writing(source) as session:
            soft_delete(get_live(session, ClinicCase, case_id))

    # --- reads -------------------------------------------------------------------------------
    def rows(self, *, case_id: str | None = None) -> list[CaseRow]:
        """Every live case as a :class:`CaseRow`, newest first (or only *case_id*'s)."""
        with self._reading() as session:
            return improvement.list_case_rows(session, case_id=case_id)

    def detail(self, case_id: str) -> CaseDetail | None:
        """The case *case_id* with its organization's name and its visit (None: no such case)."""
        with self._reading() as session:
            case = session.get(ClinicCase, case_id)
            if case is None or case.deleted_at is not None:
                return None
            organization = get_organization(session, case.organization_id, include_deleted=True)
            visit = session.get(Visit, case.visit_id) if case.visit_id else None
            return CaseDetail(
                case,
                organization.name,
                VisitChoice(visit.id, visit.visit_date, visit.kind) if visit else None,
            )

    def records(
        self, *, organization_id: str | None = None, include_deleted: bool = False
    ) -> list[RecordRow]:
        """Every (live, unless *include_deleted*) clinic case, of *organization_id* when given, as a
        plain row, by id."""
        with self._reading() as session:
            return read_records(
                session,
                ClinicCase,
                name="title",
                organization_id=organization_id,
                include_deleted=include_deleted,
            )

    def visits(self, organization_id: str) -> list[VisitChoice]:
        """The live visits of *organization_id*, most recent first."""
        with self._reading() as session:
            return [
                VisitChoice(v.id, v.visit_date, v.kind)
                for v in list_visits(session, organization_id=organization_id, limit=None)
            ]
