"""Industrial chains as stored: a chain's summary with its counts, its live members, their
links for the tree rules, each supplier's latest 4-level grade, and a company's chains.

The chains service (:mod:`qclinic.services.chains`) writes; these are the reads it shares.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from qclinic.core.chains import Link
from qclinic.core.vocabulary import AssessmentStatus, ChainRole, IndustryChain
from qclinic.storage.models import Assessment, Chain, ChainMember, Organization, Visit

#: the checklist whose latest finished grade is a supplier's grade in the tree
SUPPLIER_CHECKLIST = "supplier-4level"


@dataclass(frozen=True, slots=True)
class ChainSummary:
    """A chain as the list shows it: its fields and how many companies are in it."""

    id: str
    name: str
    sector: IndustryChain | None
    region: str | None
    notes: str
    companies: int
    leaders: int


@dataclass(frozen=True, slots=True)
class ChainNode:
    """One company in a chain's tree."""

    organization_id: str
    name: str
    role: ChainRole
    tier: int
    #: the company it supplies in the chain (``None``: a leader)
    customer_id: str | None
    region: str | None
    #: its latest finished 4-level supplier evaluation grade (A–D), or ``None``
    grade: str | None
    #: the organization itself was deleted (it stays in the tree, marked, until removed)
    deleted: bool


@dataclass(frozen=True, slots=True)
class ChainTree:
    """A chain and its companies, depth first: each leader, then its suppliers under it."""

    chain: ChainSummary
    nodes: list[ChainNode]

    def suppliers_of(self, organization_id: str | None) -> list[ChainNode]:
        """The direct suppliers of *organization_id* (``None``: the leaders), by name."""
        return [n for n in self.nodes if n.customer_id == organization_id]

    def node(self, organization_id: str) -> ChainNode | None:
        return next((n for n in self.nodes if n.organization_id == organization_id), None)


@dataclass(frozen=True, slots=True)
class Membership:
    """A company's place in one chain, for the organization detail."""

    chain_id: str
    chain_name: str
    role: ChainRole
    tier: int


@dataclass(frozen=True, slots=True)
class Removal:
    """What removing a company from a chain does to the companies below it."""

    company: str
    #: the customer its direct suppliers then supply (``None``: it is a leader)
    customer: str | None
    #: its direct suppliers, lifted to *customer*
    direct: int
    #: every company below it (its suppliers, theirs, …)
    below: int

    @property
    def refused(self) -> bool:
        """A leader with companies below it is not removed (they would lose their chain)."""
        return self.customer is None and self.below > 0


def chain_summaries(session: Session, chain_id: str | None = None) -> list[ChainSummary]:
    """Every live chain (or only *chain_id*), by name, with the count of its live companies."""
    leader = case((ChainMember.role == ChainRole.CHAIN_LEADER, 1), else_=0)
    counts = (
        select(
            ChainMember.chain_id,
            func.count().label("companies"),
            func.sum(leader).label("leaders"),
        )
        .join(Organization, Organization.id == ChainMember.organization_id)
        .where(ChainMember.deleted_at.is_(None), Organization.deleted_at.is_(None))
        .group_by(ChainMember.chain_id)
        .subquery()
    )
    query = (
        select(Chain, counts.c.companies, counts.c.leaders)
        .outerjoin(counts, counts.c.chain_id == Chain.id)
        .where(Chain.deleted_at.is_(None))
        .order_by(Chain.name, Chain.id)
    )
    if chain_id is not None:
        query = query.where(Chain.id == chain_id)
    return [
        summary_of(chain, companies or 0, leaders or 0)
        for chain, companies, leaders in session.execute(query)
    ]


def live_members(session: Session, chain_id: str) -> list[ChainMember]:
    """The live members of a chain, by tier."""
    query = select(ChainMember).where(
        ChainMember.chain_id == chain_id, ChainMember.deleted_at.is_(None)
    )
    return list(session.scalars(query.order_by(ChainMember.tier, ChainMember.id)))


def member_links(session: Session, chain_id: str) -> list[Link]:
    """The live members of a chain as the tree rules see them (with their companies' names)."""
    members = live_members(session, chain_id)
    ids = [m.organization_id for m in members]
    query = select(Organization.id, Organization.name).where(Organization.id.in_(ids))
    names: dict[str, str] = {row.id: row.name for row in session.execute(query)}
    return [
        Link(
            m.organization_id,
            m.customer_id,
            names.get(m.organization_id, m.organization_id),
            m.role == ChainRole.CHAIN_LEADER,
        )
        for m in members
    ]


def chain_tree(session: Session, summary: ChainSummary) -> ChainTree:
    """The chain's companies, leaders first, each followed by its suppliers (by name)."""
    members = live_members(session, summary.id)
    ids = [m.organization_id for m in members]
    organizations = {
        o.id: o for o in session.scalars(select(Organization).where(Organization.id.in_(ids)))
    }
    grades = supplier_grades(session, ids)
    nodes = [
        ChainNode(
            organization_id=m.organization_id,
            name=organizations[m.organization_id].name,
            role=m.role,
            tier=m.tier,
            customer_id=m.customer_id,
            region=organizations[m.organization_id].region,
            grade=grades.get(m.organization_id),
            deleted=organizations[m.organization_id].deleted_at is not None,
        )
        for m in members
    ]
    return ChainTree(summary, _depth_first(nodes))


def memberships(session: Session, organization_id: str) -> list[Membership]:
    """The live chains an organization is in, by chain name."""
    query = (
        select(Chain.id, Chain.name, ChainMember.role, ChainMember.tier)
        .join(ChainMember, ChainMember.chain_id == Chain.id)
        .where(
            ChainMember.organization_id == organization_id,
            ChainMember.deleted_at.is_(None),
            Chain.deleted_at.is_(None),
        )
        .order_by(Chain.name, Chain.id)
    )
    return [Membership(*row) for row in session.execute(query)]


def summary_of(chain: Chain, companies: int, leaders: int) -> ChainSummary:
    return ChainSummary(
        chain.id, chain.name, chain.sector, chain.region, chain.notes, int(companies), int(leaders)
    )


def _depth_first(nodes: list[ChainNode]) -> list[ChainNode]:
    below: dict[str | None, list[ChainNode]] = {}
    for node in nodes:
        below.setdefault(node.customer_id, []).append(node)
    ordered: list[ChainNode] = []

    def visit(customer: str | None) -> None:
        for node in sorted(below.get(customer, []), key=lambda n: (n.name, n.organization_id)):
            ordered.append(node)
            visit(node.organization_id)

    visit(None)
    return ordered


def supplier_grades(session: Session, organization_ids: list[str]) -> dict[str, str]:
    """Each organization's grade on its latest finished 4-level supplier evaluation."""
    finished = (AssessmentStatus.COMPLETED, AssessmentStatus.SIGNED)
    when = func.coalesce(Visit.visit_date, Assessment.created_at)
    query = (
        select(Assessment.organization_id, Assessment.grade)
        .outerjoin(Visit, Visit.id == Assessment.visit_id)
        .where(
            Assessment.organization_id.in_(organization_ids),
            Assessment.checklist_id == SUPPLIER_CHECKLIST,
            Assessment.status.in_(finished),
            Assessment.deleted_at.is_(None),
            Assessment.grade.is_not(None),
        )
        .order_by(when, Assessment.created_at)
    )
    return {
        organization_id: grade
        for organization_id, grade in session.execute(query)
        if grade is not None
    }
