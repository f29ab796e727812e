"""Who may see and change what: a caller's scope keys, computed once per request.

Every server record is filed under one **scope key** (``server_record.organization_id``): an
organization's id for the organization and its rows, a chain's own id for a chain record, the
member organization's id for a chain membership (docs/SYNC.md, "Access" and "Chains"). A
:class:`Scope` is the set of keys one caller may pull, and the subset they may push to:

- admin: every key;
- consultant: the organizations assigned to them (one they push first is assigned to them);
- lead: those, plus the organizations that are live members of the chains assigned to them and
  the organizations whose ``region`` field is one of their regions;
- company: their own organization, read and written;
- everyone: the provider directory (``provider-directory``, every provider record), which an
  admin, lead or consultant may change and a company user only reads;
- everyone but admin: the chains assigned to them (a chain they push first is assigned to them)
  and the chains in which an organization they see is or was a member — the chain record a
  membership row points to must reach every laptop that receives that row. A company user reads
  those chains but does not change them.

The scope is read from the server's live records at each request, so it grows (and shrinks)
with the chains: a supplier added to a lead's chain is in the lead's next ``/v1/organizations``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from qclinic.server.accounts import Caller
from qclinic.server.models import Counter, Record, UserChain, UserOrganization, UserRegion
from qclinic.storage.sync_rows import DIRECTORY_SCOPE

#: entities filed under their own id: an organization, and a chain (a cross-organization record)
OWN_SCOPE = frozenset({"organization", "chain"})
#: foreign keys that may point into another scope than the record's own
CROSS_SCOPE = {
    "chain_member": frozenset({"chain_id", "customer_id"}),
    "referral": frozenset({"provider_id"}),
}
#: the entities filed under a shared directory key, not an organization's (docs/SYNC.md)
DIRECTORY_ENTITIES = frozenset({"provider"})
#: of those, the ones sent as ``null`` to a caller who may not see their target (the chain of
#: a membership is always in sight of whoever sees the membership)
WITHHELD = {"chain_member": frozenset({"customer_id"})}


def is_consultant(record: Record) -> bool:
    """A person of no organization: filed under one organization, pointed to from any."""
    return record.entity == "person" and not record.fields.get("organization_id")


@dataclass(frozen=True)
class Scope:
    """The scope keys one caller may pull (``None``: every key, for an admin)."""

    organizations: frozenset[str] | None
    chains: frozenset[str] | None
    #: the chains they may also change (a company user's are read only)
    writable_chains: frozenset[str] | None
    #: ``{customer: membership row ids}`` of the memberships they see (by the customer each
    #: names), for the pull to re-send when that customer comes into sight (see :mod:`pull`)
    pointing: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: whether they may change the provider directory (not a company user)
    directory_writable: bool = True

    def may_see(self, key: str) -> bool:
        if self.organizations is None or self.chains is None or key == DIRECTORY_SCOPE:
            return True
        return key in self.organizations or key in self.chains

    def may_write(self, key: str) -> bool:
        if key == DIRECTORY_SCOPE:
            return self.directory_writable
        if self.organizations is None or self.writable_chains is None:
            return True
        return key in self.organizations or key in self.writable_chains


def scope_of(session: Session, caller: Caller) -> Scope:
    """What *caller* may see and change now, from their assignments and the live records."""
    if caller.role == "admin":
        return Scope(None, None, None)
    user = caller.user_id
    organizations = set(
        session.scalars(
            select(UserOrganization.organization_id).where(UserOrganization.user_id == user)
        )
    )
    chains = set(session.scalars(select(UserChain.chain_id).where(UserChain.user_id == user)))
    memberships = _memberships(session)
    if caller.role == "lead":
        organizations |= {m.organization for m in memberships if m.live and m.chain in chains}
        regions = list(session.scalars(select(UserRegion.region).where(UserRegion.user_id == user)))
        if regions:
            organizations |= set(
                session.scalars(
                    select(Record.row_id).where(
                        Record.entity == "organization",
                        Record.fields["region"].as_string().in_(regions),
                    )
                )
            )
    chains |= {m.chain for m in memberships if m.organization in organizations}
    pointing: dict[str, list[str]] = {}
    for member in memberships:
        if member.customer and member.organization in organizations:
            pointing.setdefault(member.customer, []).append(member.row_id)
    frozen_chains = frozenset(chains)
    writable = frozenset() if caller.role == "company" else frozen_chains
    return Scope(
        frozenset(organizations),
        frozen_chains,
        writable,
        {customer: tuple(rows) for customer, rows in pointing.items()},
        directory_writable=caller.role != "company",
    )


class ScopeCache:
    """The scopes of the API's callers, kept while nothing they depend on has changed.

    A scope depends on the caller's assignments and on the server's records; every record
    written takes a new sequence number, so the ``seq`` counter's value stands for the records.
    One sync of a lead pulls each of their organizations in turn: the scope is computed once.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._kept: dict[int, tuple[tuple[object, ...], Scope]] = {}

    def scope(self, session: Session, caller: Caller) -> Scope:
        if caller.role == "admin":
            return Scope(None, None, None)
        counter = session.get(Counter, "seq")
        version = (caller.role, counter.value if counter else 0, _assignments(session, caller))
        with self._lock:
            kept = self._kept.get(caller.user_id)
        if kept is not None and kept[0] == version:
            return kept[1]
        scope = scope_of(session, caller)
        with self._lock:
            self._kept[caller.user_id] = (version, scope)
        return scope


def _assignments(session: Session, caller: Caller) -> tuple[tuple[str, ...], ...]:
    user = caller.user_id
    return (
        tuple(
            sorted(
                session.scalars(
                    select(UserOrganization.organization_id).where(UserOrganization.user_id == user)
                )
            )
        ),
        tuple(sorted(session.scalars(select(UserChain.chain_id).where(UserChain.user_id == user)))),
        tuple(sorted(session.scalars(select(UserRegion.region).where(UserRegion.user_id == user)))),
    )


@dataclass(frozen=True)
class _Membership:
    row_id: str
    organization: str
    chain: str
    customer: str | None
    live: bool


def _memberships(session: Session) -> list[_Membership]:
    """Every chain membership the server holds, in sequence order."""
    rows = session.execute(
        select(
            Record.row_id,
            Record.organization_id,
            Record.fields["chain_id"].as_string(),
            Record.fields["customer_id"].as_string(),
            Record.deleted,
        )
        .where(Record.entity == "chain_member")
        .order_by(Record.seq)
    )
    return [
        _Membership(row_id, org, str(chain), customer or None, not deleted)
        for row_id, org, chain, customer, deleted in rows
    ]


def visible_keys(session: Session, caller: Caller) -> tuple[list[str], list[str]]:
    """The organizations and the chains *caller* may pull, each in the server's order."""
    scope = scope_of(session, caller)
    found: dict[str, list[str]] = {"organization": [], "chain": []}
    query = select(Record.entity, Record.row_id).where(Record.entity.in_(OWN_SCOPE))
    for entity, row_id in session.execute(query.order_by(Record.seq)):
        if scope.may_see(row_id):
            found[entity].append(row_id)
    if scope.organizations is not None:
        # assigned before their first push (a company user's own organization, say)
        known = set(found["organization"])
        found["organization"] += sorted(scope.organizations - known)
    return found["organization"], found["chain"]


def creating(session: Session, caller: Caller, key: str, entity: str) -> bool:
    """Whether a change to the own-scope record *key* creates it for *caller*: it is new to the
    server, and not a company user's (who creates nothing but may push their own organization
    first, as assigned)."""
    if entity not in OWN_SCOPE or caller.role in ("admin", "company"):
        return False
    return session.get(Record, key) is None


def assign_created(session: Session, caller: Caller, entity: str, key: str) -> None:
    """File a record *caller* created under their assignments (an organization or a chain)."""
    if entity == "organization":
        session.merge(UserOrganization(user_id=caller.user_id, organization_id=key))
    elif entity == "chain":
        session.merge(UserChain(user_id=caller.user_id, chain_id=key))
