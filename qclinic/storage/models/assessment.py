"""A visit and what it records: assessments, their answers, attachments and signatures."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import text as sql
from sqlalchemy.orm import Mapped, mapped_column

from qclinic.core.vocabulary import AssessmentStatus, SignerRole, TeamRole, VisitKind
from qclinic.storage.models.base import ID_LENGTH, Record
from qclinic.storage.types import JSONText, UTCDateTime, vocabulary

SHA256_HEX_LENGTH = 64


class Visit(Record):
    """An engagement with an organization on a day: a clinic, a self-assessment or a follow-up."""

    __tablename__ = "visit"
    #: the portfolio's visits of a period, read from the index alone (migration 0014)
    __table_args__ = (Index("ix_visit_portfolio", "organization_id", "visit_date", "deleted_at"),)

    organization_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("organization.id"), index=True
    )
    site_id: Mapped[str | None] = mapped_column(
        String(ID_LENGTH), ForeignKey("site.id"), default=None
    )
    kind: Mapped[VisitKind] = mapped_column(vocabulary(VisitKind))
    visit_date: Mapped[date] = mapped_column(Date, index=True)
    lead_consultant_id: Mapped[str | None] = mapped_column(
        String(ID_LENGTH), ForeignKey("person.id"), default=None
    )
    notes: Mapped[str] = mapped_column(Text, default="")


class Assessment(Record):
    """One checklist filled in during a visit.

    The checklist version used is frozen into ``checklist_json`` so the assessment can be re-read
    and re-scored exactly even after the checklist file changes. It is deferred: lists never load
    it. A signed assessment never changes; a correction is a new assessment whose ``amends_id``
    points to it, with ``revision_no`` one higher.
    """

    __tablename__ = "assessment"
    # The portfolio's covering partial indexes (migration 0010, qclinic/storage/portfolio.py).
    __table_args__ = (
        Index(
            "ix_assessment_portfolio_signed",
            "organization_id", "checklist_id", "signed_at", "id", "grade", "score_percent",
            "status", "deleted_at",
            sqlite_where=sql("status = 'signed' AND deleted_at IS NULL"),
        ),
        Index(
            "ix_assessment_portfolio_done",
            "organization_id", "checklist_id", "completed_at", "id", "amends_id", "status",
            "deleted_at",
            sqlite_where=sql("status IN ('completed', 'signed') AND deleted_at IS NULL"),
        ),
        Index(
            "ix_assessment_portfolio_amends",
            "amends_id", "status", "signed_at", "completed_at", "deleted_at",
            sqlite_where=sql("amends_id IS NOT NULL"),
        ),
    )  # fmt: skip

    visit_id: Mapped[str | None] = mapped_column(
        String(ID_LENGTH), ForeignKey("visit.id"), default=None, index=True
    )
    organization_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("organization.id"), index=True
    )
    checklist_id: Mapped[str] = mapped_column(String(200))
    checklist_version: Mapped[str] = mapped_column(String(50))
    checklist_json: Mapped[dict[str, Any]] = mapped_column(JSONText, deferred=True)
    title: Mapped[str] = mapped_column(String(300))
    status: Mapped[AssessmentStatus] = mapped_column(
        vocabulary(AssessmentStatus), default=AssessmentStatus.DRAFT, index=True
    )
    amends_id: Mapped[str | None] = mapped_column(
        String(ID_LENGTH), ForeignKey("assessment.id"), default=None, index=True
    )
    revision_no: Mapped[int] = mapped_column(Integer, default=1)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    # The last score computed by qclinic.core, cached so lists need not re-score.
    score_percent: Mapped[float | None] = mapped_column(Float, default=None)
    grade: Mapped[str | None] = mapped_column(String(20), default=None)


class Answer(Record):
    """The answer to one question (or one repeat instance of it) in an assessment."""

    __tablename__ = "answer"
    # The unique index also serves "all answers of an assessment" (its leftmost column); the
    # portfolio reads a deciding answer from its own covering index (migration 0010).
    __table_args__ = (
        UniqueConstraint("assessment_id", "question_id", "instance_key"),
        Index(
            "ix_answer_portfolio",
            "assessment_id", "question_id", "instance_key", "is_na", "deleted_at", "value",
        ),
    )  # fmt: skip

    assessment_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("assessment.id"))
    question_id: Mapped[str] = mapped_column(String(100))
    instance_key: Mapped[str] = mapped_column(String(100), default="")
    value: Mapped[Any] = mapped_column(JSONText, default=None, nullable=True)
    is_na: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Attachment(Record):
    """A photo or document kept as evidence; the bytes live in the content-addressed blob store.

    It belongs to an answer (assessment + question + instance), a finding, a clinic case or a
    referral (its delivery evidence).
    """

    __tablename__ = "attachment"

    sha256: Mapped[str] = mapped_column(String(SHA256_HEX_LENGTH), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    mime_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    caption: Mapped[str] = mapped_column(Text, default="")
    assessment_id: Mapped[str | None] = mapped_column(
        String(ID_LENGTH), ForeignKey("assessment.id"), default=None, index=True
    )
    question_id: Mapped[str | None] = mapped_column(String(100), default=None)
    instance_key: Mapped[str | None] = mapped_column(String(100), default=None)
    finding_id: Mapped[str | None] = mapped_column(
        String(ID_LENGTH), ForeignKey("finding.id"), default=None, index=True
    )
    case_id: Mapped[str | None] = mapped_column(
        String(ID_LENGTH), ForeignKey("clinic_case.id"), default=None, index=True
    )
    #: the delivery evidence of a referral (a calibration certificate, a test report); 0015
    referral_id: Mapped[str | None] = mapped_column(
        String(ID_LENGTH), ForeignKey("referral.id"), default=None, index=True
    )


class Signature(Record):
    """A signature on a completed assessment: a drawn image (attachment blob) or a typed name."""

    __tablename__ = "signature"

    assessment_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("assessment.id"), index=True
    )
    signer_role: Mapped[SignerRole] = mapped_column(vocabulary(SignerRole))
    signer_name: Mapped[str] = mapped_column(String(100))
    image_sha256: Mapped[str | None] = mapped_column(String(SHA256_HEX_LENGTH), default=None)
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AssessmentMember(Record):
    """A consultant of the expert team that carried out an assessment: a lead and members.

    Kept in ``position`` order (the lead first). The team of a signed assessment is signed content
    (sealed, see :mod:`qclinic.storage.seal`); an amendment copies it.
    """

    __tablename__ = "assessment_member"

    assessment_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("assessment.id"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[TeamRole] = mapped_column(vocabulary(TeamRole))
    affiliation: Mapped[str] = mapped_column(String(200), default="")
    qualification: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
