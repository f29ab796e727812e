"""The portfolio's summary: derived rows the chain view's figures read instead of the history.

Neither table is a record: nothing here is synced nor logged. Both are recomputed from the
assessments and answers by :mod:`qclinic.storage.portfolio_summary` (the rows of the companies
the change log names after its watermark, or all of them), with the same SQL the figures use
when they read the history itself, so they cannot define a figure differently.
"""

from __future__ import annotations

from sqlalchemy import Float, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from qclinic.storage.models.base import ID_LENGTH, Base


class PortfolioSummary(Base):
    """One company as of its newest data: its latest signed 4-level grade and score, and its
    four 4 × 100% flags; ``stamp`` is the newest signing or completion time of its live
    completed or signed assessments (the summary answers a period only if it ends after it)."""

    __tablename__ = "portfolio_summary"

    organization_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    stamp: Mapped[str | None] = mapped_column(Text, index=True)
    grade: Mapped[str | None] = mapped_column(String(8))
    score: Mapped[float | None] = mapped_column(Float)
    cov_iso9001: Mapped[int] = mapped_column(Integer)
    cov_apqp: Mapped[int] = mapped_column(Integer)
    cov_msa: Mapped[int] = mapped_column(Integer)
    cov_spc: Mapped[int] = mapped_column(Integer)


class PortfolioCoverage(Base):
    """The answer that decides one company's 4 × 100% key (its latest completed or signed
    assessment holding the tagged question), for the coverage trace."""

    __tablename__ = "portfolio_coverage"

    organization_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    key: Mapped[str] = mapped_column(String(16), primary_key=True)
    assessment_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    checklist_id: Mapped[str] = mapped_column(String(200))
    question_id: Mapped[str] = mapped_column(String(100))
    value: Mapped[str | None] = mapped_column(Text)
    completed_at: Mapped[str | None] = mapped_column(Text)
    in_place: Mapped[int] = mapped_column(Integer)


class PortfolioEvent(Base):
    """A company's services and problems of one day, by kind (``visit``, ``assessment``,
    ``case``, ``solved``, ``referral``) and NQI field: how many there are now (schema 0017).
    Day first, so that a period is one range of the key."""

    __tablename__ = "portfolio_event"
    __table_args__ = (
        # by company, and covering: the chains' months are summed from it alone
        Index("ix_portfolio_event_organization", "organization_id", "day", "kind", "field", "n"),
        {"sqlite_with_rowid": False},
    )

    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    organization_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    field: Mapped[str] = mapped_column(String(40), primary_key=True)
    n: Mapped[int] = mapped_column(Integer)


class PortfolioChainEvent(Base):
    """A chain's services and problems of one month: its live members' ``portfolio_event``
    rows summed by month, kind and field (schema 0017). A period's whole months are read here,
    its edge days from ``portfolio_event``."""

    __tablename__ = "portfolio_chain_event"
    __table_args__ = {"sqlite_with_rowid": False}  # noqa: RUF012 (SQLAlchemy reads it)

    chain_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    field: Mapped[str] = mapped_column(String(40), primary_key=True)
    n: Mapped[int] = mapped_column(Integer)
