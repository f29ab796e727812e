"""Industrial chains: a chain, and the companies in it with their place in the tree.

A chain (产业链) has one or more leader companies (链主, tier 0) and suppliers in tiers below
them; each supplier names the customer it supplies within the chain, so the members form a
forest rooted at the leaders. A company may sit in several chains, but only once in each: the
live rows of one chain hold each organization at most once (a unique index). ``tier`` is the
depth below the leader, kept by the chains service whenever a member moves, so that "companies
by tier" is a plain indexed aggregate.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from qclinic.core.vocabulary import ChainRole, IndustryChain
from qclinic.storage.models.base import ID_LENGTH, Record
from qclinic.storage.types import vocabulary


class Chain(Record):
    """An industrial chain of the campaign (name, sector, region)."""

    __tablename__ = "chain"
    __table_args__ = (Index("ix_chain_region", "region"),)

    name: Mapped[str] = mapped_column(String(200))
    sector: Mapped[IndustryChain | None] = mapped_column(vocabulary(IndustryChain), default=None)
    region: Mapped[str | None] = mapped_column(String(100), default=None)
    notes: Mapped[str] = mapped_column(Text, default="")


class ChainMember(Record):
    """A company's place in one chain: leader (tier 0) or supplier of a customer in the chain."""

    __tablename__ = "chain_member"
    __table_args__ = (
        Index(
            "uq_chain_member_live",
            "chain_id",
            "organization_id",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"),
        ),
        Index("ix_chain_member_chain_tier", "chain_id", "tier"),
    )

    chain_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("chain.id"), index=True)
    organization_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("organization.id"), index=True
    )
    role: Mapped[ChainRole] = mapped_column(vocabulary(ChainRole))
    #: the organization this one supplies within the chain (None for a leader)
    customer_id: Mapped[str | None] = mapped_column(
        String(ID_LENGTH), ForeignKey("organization.id"), default=None
    )
    tier: Mapped[int] = mapped_column(Integer, default=0)
