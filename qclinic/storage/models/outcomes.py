"""Outcomes: the quality figures a company reports per period (pass rate, complaints, standards…).

One row is one figure of one kind for one company and period (the visit's date or a quarter's
end), optionally tied to the visit it was collected at, with where it came from ("company MES
report", "CNAS certificate"). The unit follows from the kind
(:class:`~qclinic.core.vocabulary.OutcomeKind`); a standards figure also names the standards'
level. The outcomes service validates values before they are written.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from qclinic.core.vocabulary import OutcomeKind, StandardLevel
from qclinic.storage.models.base import ID_LENGTH, Record
from qclinic.storage.types import vocabulary


class Outcome(Record):
    """One reported quality figure of a company for a period."""

    __tablename__ = "outcome"
    __table_args__ = (Index("ix_outcome_org_kind_period", "organization_id", "kind", "period"),)

    organization_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("organization.id"))
    period: Mapped[date] = mapped_column(Date)
    visit_id: Mapped[str | None] = mapped_column(
        String(ID_LENGTH), ForeignKey("visit.id"), default=None
    )
    kind: Mapped[OutcomeKind] = mapped_column(vocabulary(OutcomeKind))
    level: Mapped[StandardLevel | None] = mapped_column(vocabulary(StandardLevel), default=None)
    value: Mapped[float] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
