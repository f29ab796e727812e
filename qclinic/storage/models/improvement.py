"""What a clinic diagnoses and how it is fixed: findings, clinic cases and improvement actions."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from qclinic.core.vocabulary import (
    ActionStatus,
    CaseStatus,
    FindingSeverity,
    NqiCategory,
    Priority,
)
from qclinic.storage.models.base import ID_LENGTH, Record
from qclinic.storage.types import UTCDateTime, vocabulary


class Finding(Record):
    """A graded finding of an assessment, optionally tied to one question (instance)."""

    __tablename__ = "finding"

    assessment_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("assessment.id"), index=True
    )
    question_id: Mapped[str | None] = mapped_column(String(100), default=None)
    instance_key: Mapped[str | None] = mapped_column(String(100), default=None)
    severity: Mapped[FindingSeverity] = mapped_column(vocabulary(FindingSeverity))
    nqi_category: Mapped[NqiCategory | None] = mapped_column(vocabulary(NqiCategory), default=None)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[str] = mapped_column(Text, default="")
    # In an amended revision: the finding of the signed revision this one was copied from.
    origin_id: Mapped[str | None] = mapped_column(
        String(ID_LENGTH), ForeignKey("finding.id"), default=None, index=True
    )


class ClinicCase(Record):
    """A problem a company brings to the clinic: symptom → diagnosis → prescription → resolved."""

    __tablename__ = "clinic_case"
    __table_args__ = (
        Index("ix_clinic_case_organization_id_status", "organization_id", "status"),
        # the portfolio's cases received and solved in a period, from the index alone (0014)
        Index(
            "ix_clinic_case_portfolio",
            "organization_id", "created_at", "deleted_at", "nqi_category", "status", "resolved_on",
        ),
    )  # fmt: skip

    organization_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("organization.id"))
    visit_id: Mapped[str | None] = mapped_column(
        String(ID_LENGTH), ForeignKey("visit.id"), default=None
    )
    nqi_category: Mapped[NqiCategory] = mapped_column(vocabulary(NqiCategory))
    title: Mapped[str] = mapped_column(String(300))
    symptom: Mapped[str] = mapped_column(Text, default="")
    diagnosis: Mapped[str] = mapped_column(Text, default="")
    prescription: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[CaseStatus] = mapped_column(
        vocabulary(CaseStatus), default=CaseStatus.REGISTERED
    )
    resolved_on: Mapped[date | None] = mapped_column(Date, default=None)


class Action(Record):
    """An improvement-plan item raised from a finding or a clinic case (or neither)."""

    __tablename__ = "action"
    __table_args__ = (
        Index("ix_action_organization_id_status", "organization_id", "status"),
        Index("ix_action_due_date", "due_date"),
    )

    finding_id: Mapped[str | None] = mapped_column(
        String(ID_LENGTH), ForeignKey("finding.id"), default=None, index=True
    )
    case_id: Mapped[str | None] = mapped_column(
        String(ID_LENGTH), ForeignKey("clinic_case.id"), default=None, index=True
    )
    organization_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("organization.id"))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(100), default="")
    due_date: Mapped[date | None] = mapped_column(Date, default=None)
    priority: Mapped[Priority] = mapped_column(vocabulary(Priority), default=Priority.MEDIUM)
    status: Mapped[ActionStatus] = mapped_column(
        vocabulary(ActionStatus), default=ActionStatus.OPEN
    )
    verification_note: Mapped[str] = mapped_column(Text, default="")
    verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    effectiveness_note: Mapped[str] = mapped_column(Text, default="")
    # The action of a signed revision this one was copied from by an amendment; the original is
    # then superseded (kept for the signed report, left off the plan).
    origin_id: Mapped[str | None] = mapped_column(
        String(ID_LENGTH), ForeignKey("action.id"), default=None, index=True
    )
