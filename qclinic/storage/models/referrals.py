"""The NQI service providers of the platform, and the referrals (供需对接) a clinic makes to them.

A provider is a directory entry (a metrology institute, a test laboratory, a certification
body…) every user sees; a referral sends one company, from a clinic case or a finding, to a
provider for one service in an NQI field, and follows it requested → accepted → delivered →
closed, each step with its date. The evidence of delivery (a calibration certificate, a test
report) is an attachment owned by the referral (``attachment.referral_id``).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from qclinic.core.vocabulary import NqiCategory, ProviderKind, ReferralStatus
from qclinic.storage.models.base import ID_LENGTH, Record
from qclinic.storage.types import vocabulary


class Provider(Record):
    """An NQI service institution (服务机构): kind, accreditation, region and contact."""

    __tablename__ = "provider"

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[ProviderKind] = mapped_column(vocabulary(ProviderKind))
    accreditation_number: Mapped[str] = mapped_column(String(100), default="")
    accreditation_scope: Mapped[str] = mapped_column(Text, default="")
    region: Mapped[str] = mapped_column(String(100), default="")
    contact: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Referral(Record):
    """A company sent to a provider for one service, from a clinic case and/or a finding."""

    __tablename__ = "referral"
    __table_args__ = (
        # the portfolio's referrals delivered in a period, per company (0015)
        Index("ix_referral_portfolio", "organization_id", "deleted_at", "delivered_on"),
    )

    organization_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("organization.id"))
    case_id: Mapped[str | None] = mapped_column(
        String(ID_LENGTH), ForeignKey("clinic_case.id"), default=None, index=True
    )
    finding_id: Mapped[str | None] = mapped_column(
        String(ID_LENGTH), ForeignKey("finding.id"), default=None, index=True
    )
    provider_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("provider.id"), index=True
    )
    nqi_category: Mapped[NqiCategory] = mapped_column(vocabulary(NqiCategory))
    request: Mapped[str] = mapped_column(Text)
    status: Mapped[ReferralStatus] = mapped_column(
        vocabulary(ReferralStatus), default=ReferralStatus.REQUESTED
    )
    requested_on: Mapped[date] = mapped_column(Date)
    accepted_on: Mapped[date | None] = mapped_column(Date, default=None)
    delivered_on: Mapped[date | None] = mapped_column(Date, default=None)
    closed_on: Mapped[date | None] = mapped_column(Date, default=None)
    note: Mapped[str] = mapped_column(Text, default="")
