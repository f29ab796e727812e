"""Findings: raised from a question of an unsigned assessment, edited, deleted; and what the
findings list shows (each with its question's text and how many actions were raised from it)."""

from __future__ import annotations

from dataclasses import dataclass

from qclinic.core import checklists
from qclinic.core.catalogue import text
from qclinic.core.vocabulary import FindingSeverity, NqiCategory
from qclinic.errors import UserError
from qclinic.services.base import Service
from qclinic.storage.models import Assessment, Finding
from qclinic.storage.repositories import improvement
from qclinic.storage.repositories.assessments import (
    frozen_checklist,
    get_assessment,
    list_assessments,
)
from qclinic.storage.repositories.organizations import get_organization


@dataclass(frozen=True, slots=True)
class FindingRow:
    """One line of an assessment's findings list, as plain values."""

    id: str
    severity: FindingSeverity
    nqi_category: NqiCategory | None
    title: str
    #: "Q-id  question text" in the reader's language, the bare id if the checklist lacks it, or ""
    question: str
    description: str
    evidence: str
    #: how many live actions were raised from the finding
    actions: int


@dataclass(frozen=True, slots=True)
class AssessmentChoice:
    """An assessment as the findings tab offers it: its row and its organization's name."""

    organization_name: str
    assessment: Assessment


class FindingService(Service):
    """Findings of assessments (the assessment must be unsigned to change them)."""

    def raise_finding(
        self,
        assessment_id: str,
        severity: FindingSeverity,
        title: str,
        *,
        nqi_category: NqiCategory | None = None,
        question_id: str | None = None,
        instance_key: str | None = None,
        description: str = "",
        evidence: str = "",
        source: object | None = None,
    ) -> Finding:
        """Record a finding on *assessment_id* (optionally on one question and instance).

        Raises:
            UserError: No title; the assessment is signed (``RecordLocked``) or gone.
        """
        title = title.strip()
        if not title:
            raise UserError(text("plan.finding_title_required"))
        with self._writing(source) as session:
            return improvement.create_finding(
                session,
                assessment_id,
                FindingSeverity(severity),
                title,
                nqi_category=NqiCategory(nqi_category) if nqi_category else None,
                question_id=question_id,
                instance_key=instance_key or None,
                description=description.strip(),
                evidence=evidence.strip(),
            )

    def edit(self, finding_id: str, *, source: object | None = None, **changes: object) -> Finding:
        """Change some of the finding's fields (severity, category, title, description, evidence…).

        Raises:
            UserError: An empty title; the assessment is signed, or the finding gone.
        """
        if "title" in changes:
            title = str(changes["title"]).strip()
            if not title:
                raise UserError(text("plan.finding_title_required"))
            changes["title"] = title
        with self._writing(source) as session:
            return improvement.update_finding(session, finding_id, **changes)

    def delete(self, finding_id: str, *, source: object | None = None) -> None:
        """Delete a finding of an unsigned assessment (a tombstone: it syncs and can be audited)."""
        with self._writing(source) as session:
            improvement.delete_finding(session, finding_id)

    # --- reads -------------------------------------------------------------------------------
    def rows(self, assessment_id: str, lang: str) -> list[FindingRow]:
        """The live findings of *assessment_id* in the order recorded, question texts in *lang*."""
        with self._reading() as session:
            checklist = checklists.from_frozen(frozen_checklist(session, assessment_id))
            rows = []
            for finding in improvement.list_findings(session, assessment_id):
                question = finding.question_id or ""
                if finding.question_id and checklist.has_question(finding.question_id):
                    wording = checklist.question(finding.question_id).text.get(lang)
                    question = f"{finding.question_id}  {wording}"
                actions = improvement.list_plan_rows(session, finding_id=finding.id)
                rows.append(
                    FindingRow(
                        finding.id,
                        finding.severity,
                        finding.nqi_category,
                        finding.title,
                        question,
                        finding.description,
                        finding.evidence,
                        len(actions),
                    )
                )
        return rows

    def organization_of(self, assessment_id: str) -> tuple[str, str]:
        """The id and name of the organization *assessment_id* is of (a deleted one too)."""
        with self._reading() as session:
            assessment = get_assessment(session, assessment_id)
            organization = get_organization(
                session, assessment.organization_id, include_deleted=True
            )
            return organization.id, organization.name

    def assessment_choices(self) -> list[AssessmentChoice]:
        """Every live assessment, newest first, with its organization's name."""
        with self._reading() as session:
            choices = []
            for assessment in list_assessments(session, limit=None):
                organization = get_organization(
                    session, assessment.organization_id, include_deleted=True
                )
                choices.append(AssessmentChoice(organization.name, assessment))
            return choices
