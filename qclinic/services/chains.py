"""Industrial chains: a chain's own fields, the companies in it, and its tree.

A chain (name, sector, region, notes) has leader companies (tier 0) and suppliers, each
supplying a customer within the chain (:mod:`qclinic.storage.models.chains`). Every change to
the tree — adding a company, moving one under another customer, removing one — reads the
chain's live members, applies the change to that list, checks the result with
:func:`qclinic.core.chains.tiers` (no company twice, no loop, customers in the chain) and only
then writes, in one transaction: the moved member and every member whose tier follows. A
refusal writes nothing.

Removing a supplier keeps what hangs below it in the chain: its direct suppliers then supply the
removed company's customer (:meth:`ChainService.removal` says so before, for the question).
A leader with companies below it is refused with their count: lifting them would make leaders
of its suppliers, which nobody means; move them first, or delete the chain.

Deleting a chain marks it and its live members with one ``deleted_at``; :meth:`restore` clears
exactly those, as organizations do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from qclinic.core.catalogue import text
from qclinic.core.chains import Link, descendants, direct_suppliers, tiers
from qclinic.core.vocabulary import ChainRole, IndustryChain
from qclinic.errors import UserError
from qclinic.services.base import Service
from qclinic.services.records import RecordRow, read_records
from qclinic.storage.repositories import chains as repository
from qclinic.storage.repositories.chains import (
    SUPPLIER_CHECKLIST,
    ChainNode,
    ChainSummary,
    ChainTree,
    Membership,
    Removal,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from qclinic.storage.models import Chain, ChainMember

__all__ = [
    "CHAIN_FIELDS",
    "SUPPLIER_CHECKLIST",
    "ChainNode",
    "ChainService",
    "ChainSummary",
    "ChainTree",
    "Membership",
    "Removal",
]

#: a chain's editable fields
CHAIN_FIELDS = ("name", "sector", "region", "notes")


class ChainService(Service):
    """Chains and their trees: create, edit, delete and restore; add, move and remove companies."""

    # --- reads ----------------------------------------------------------------------------
    def summaries(self) -> list[ChainSummary]:
        """Every live chain, by name, with the count of its companies (and leaders)."""
        with self._reading() as session:
            return repository.chain_summaries(session)

    def summary(self, chain_id: str) -> ChainSummary:
        """One live chain with its counts.

        Raises:
            UserError: No such live chain.
        """
        with self._reading() as session:
            found = repository.chain_summaries(session, chain_id)
        if not found:
            raise UserError(text("chains.not_found"))
        return found[0]

    def tree(self, chain_id: str) -> ChainTree:
        """The chain's companies, leaders first, each followed by its suppliers (by name); each
        supplier with the grade of its latest finished 4-level supplier evaluation.

        Raises:
            UserError: No such live chain.
        """
        with self._reading() as session:
            found = repository.chain_summaries(session, chain_id)
            if not found:
                raise UserError(text("chains.not_found"))
            return repository.chain_tree(session, found[0])

    def memberships(self, organization_id: str) -> list[Membership]:
        """The live chains an organization is in, by chain name."""
        with self._reading() as session:
            return repository.memberships(session, organization_id)

    def records(self, *, include_deleted: bool = False) -> list[RecordRow]:
        """Every (live, unless *include_deleted*) chain as a plain row, by id."""
        from qclinic.storage.models import Chain

        with self._reading() as session:
            return read_records(session, Chain, name="name", include_deleted=include_deleted)

    def removal(self, chain_id: str, organization_id: str) -> Removal:
        """What :meth:`remove` would do (for the question before it).

        Raises:
            UserError: No such chain, or the company is not in it.
        """
        with self._reading() as session:
            links = repository.member_links(session, self._live_chain(session, chain_id).id)
        return _removal(links, organization_id)

    # --- the chain's own fields -------------------------------------------------------------
    def create(
        self,
        name: str,
        *,
        sector: IndustryChain | None = None,
        region: str | None = None,
        notes: str = "",
        source: object | None = None,
    ) -> ChainSummary:
        """Register a chain (no company in it yet).

        Raises:
            UserError: No name.
        """
        from qclinic.storage.models import Chain

        values = _cleaned({"name": name, "sector": sector, "region": region, "notes": notes})
        with self._writing(source) as session:
            chain = Chain(**values)
            session.add(chain)
            session.flush()
            return repository.summary_of(chain, 0, 0)

    def update(self, chain_id: str, *, source: object | None = None, **values: Any) -> ChainSummary:
        """Change some of :data:`CHAIN_FIELDS`; only values that differ are written.

        Raises:
            UserError: An empty name, or the chain is gone.
        """
        unknown = set(values) - set(CHAIN_FIELDS)
        if unknown:
            raise TypeError(f"not chain fields: {sorted(unknown)}")
        values = _cleaned(values)
        with self._reading() as session:
            chain = self._live_chain(session, chain_id)
            changes = {k: v for k, v in values.items() if getattr(chain, k) != v}
        if changes:
            with self._writing(source) as session:
                chain = self._live_chain(session, chain_id)
                for field, value in changes.items():
                    setattr(chain, field, value)
        return self.summary(chain_id)

    def rename(self, chain_id: str, name: str, *, source: object | None = None) -> ChainSummary:
        """Give a chain another name (see :meth:`update`)."""
        return self.update(chain_id, name=name, source=source)

    def delete(self, chain_id: str, *, source: object | None = None) -> None:
        """Mark a chain and its live members deleted, with one time (:meth:`restore` undoes it).

        Raises:
            UserError: No such live chain.
        """
        from qclinic.storage.types import utc_now

        with self._writing(source) as session:
            chain = self._live_chain(session, chain_id)
            now = utc_now()
            chain.deleted_at = now
            for member in repository.live_members(session, chain_id):
                member.deleted_at = now

    def restore(self, chain_id: str, *, source: object | None = None) -> ChainSummary:
        """Bring a deleted chain back with the members deleted with it.

        Raises:
            UserError: No such chain.
        """
        from sqlalchemy import select

        from qclinic.storage.models import Chain, ChainMember

        with self._writing(source) as session:
            chain = session.get(Chain, chain_id)
            if chain is None:
                raise UserError(text("chains.not_found"))
            if chain.deleted_at is not None:
                query = select(ChainMember).where(
                    ChainMember.chain_id == chain_id, ChainMember.deleted_at == chain.deleted_at
                )
                for member in session.scalars(query):
                    member.deleted_at = None
                chain.deleted_at = None
        return self.summary(chain_id)

    # --- the tree ---------------------------------------------------------------------------
    def add(
        self,
        chain_id: str,
        organization_id: str,
        customer_id: str | None = None,
        *,
        source: object | None = None,
    ) -> ChainNode:
        """Put a company in a chain: a leader (no *customer_id*) or a supplier of *customer_id*.

        Raises:
            UserError: The chain or the company is gone; the company is in the chain already;
                the customer is not in it.
        """
        from qclinic.storage.models import ChainMember, Organization

        with self._writing(source) as session:
            self._live_chain(session, chain_id)
            organization = session.get(Organization, organization_id)
            if organization is None or organization.deleted_at is not None:
                raise UserError(text("chains.organization_gone"))
            links = repository.member_links(session, chain_id)
            link = Link(organization_id, customer_id, organization.name, customer_id is None)
            tier = tiers([*links, link])[organization_id]
            session.add(
                ChainMember(
                    chain_id=chain_id,
                    organization_id=organization_id,
                    role=_role(customer_id),
                    customer_id=customer_id,
                    tier=tier,
                )
            )
        return self._node(chain_id, organization_id)

    def move(
        self,
        chain_id: str,
        organization_id: str,
        customer_id: str | None,
        *,
        source: object | None = None,
    ) -> ChainNode:
        """Make a member supply *customer_id* instead (``None``: make it a leader); every
        company below it keeps supplying it, their tiers following, in one transaction.

        Raises:
            UserError: The chain or the member is gone; the customer is not in the chain; the
                move would make a loop (a company under one of its own suppliers).
        """
        with self._writing(source) as session:
            self._live_chain(session, chain_id)
            members = {m.organization_id: m for m in repository.live_members(session, chain_id)}
            if organization_id not in members:
                raise UserError(text("chains.member_not_found"))
            links = [
                Link(o, customer_id, link.name, customer_id is None)
                if (o := link.organization_id) == organization_id
                else link
                for link in repository.member_links(session, chain_id)
            ]
            _apply(members, links, tiers(links))
        return self._node(chain_id, organization_id)

    def remove(
        self, chain_id: str, organization_id: str, *, source: object | None = None
    ) -> Removal:
        """Take a company out of a chain; its direct suppliers then supply its customer (see
        :meth:`removal`).

        Raises:
            UserError: The chain or the member is gone, or it is a leader with companies below
                it (the message says how many).
        """
        with self._writing(source) as session:
            self._live_chain(session, chain_id)
            members = {m.organization_id: m for m in repository.live_members(session, chain_id)}
            links = repository.member_links(session, chain_id)
            removal = _removal(links, organization_id)
            if removal.refused:
                raise UserError(
                    text(
                        "chains.leader_has_suppliers", company=removal.company, count=removal.below
                    )
                )
            gone = members.pop(organization_id)
            lifted = [
                Link(link.organization_id, gone.customer_id, link.name, link.leader)
                if link.customer_id == organization_id
                else link
                for link in links
                if link.organization_id != organization_id
            ]
            _apply(members, lifted, tiers(lifted))
            from qclinic.storage.types import utc_now

            gone.deleted_at = utc_now()
        return removal

    # --- internals ------------------------------------------------------------------------
    def _node(self, chain_id: str, organization_id: str) -> ChainNode:
        node = self.tree(chain_id).node(organization_id)
        assert node is not None
        return node

    @staticmethod
    def _live_chain(session: Session, chain_id: str) -> Chain:
        from qclinic.storage.models import Chain

        chain = session.get(Chain, chain_id)
        if chain is None or chain.deleted_at is not None:
            raise UserError(text("chains.not_found"))
        return chain


def _role(customer_id: str | None) -> ChainRole:
    return ChainRole.CHAIN_LEADER if customer_id is None else ChainRole.SUPPLIER


def _apply(members: dict[str, ChainMember], links: list[Link], tier: dict[str, int]) -> None:
    """Write each member's customer, role and tier where they differ from *links*."""
    for link in links:
        member = members[link.organization_id]
        wanted: dict[str, object] = {
            "customer_id": link.customer_id,
            "role": _role(link.customer_id),
            "tier": tier[link.organization_id],
        }
        for field, value in wanted.items():
            if getattr(member, field) != value:
                setattr(member, field, value)


def _removal(links: list[Link], organization_id: str) -> Removal:
    link = next((k for k in links if k.organization_id == organization_id), None)
    if link is None:
        raise UserError(text("chains.member_not_found"))
    names = {k.organization_id: k.name for k in links}
    return Removal(
        company=link.name,
        customer=None if link.customer_id is None else names.get(link.customer_id),
        direct=len(direct_suppliers(links, organization_id)),
        below=len(descendants(links, organization_id)),
    )


def _cleaned(values: dict[str, Any]) -> dict[str, Any]:
    """Trimmed text fields; an empty region is none. Raises UserError for an empty name."""
    cleaned = dict(values)
    if "name" in cleaned:
        cleaned["name"] = " ".join(str(cleaned["name"] or "").split())
        if not cleaned["name"]:
            raise UserError(text("chains.name_required"))
    if "region" in cleaned:
        cleaned["region"] = (cleaned["region"] or "").strip() or None
    if "notes" in cleaned:
        cleaned["notes"] = (cleaned["notes"] or "").strip()
    if cleaned.get("sector") is not None:
        cleaned["sector"] = IndustryChain(cleaned["sector"])
    return cleaned
