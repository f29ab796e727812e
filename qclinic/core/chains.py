"""The rules of a chain's tree, without a database: who may supply whom, and each member's tier.

A chain's members form a forest: each leader (链主, tier 0) is a root, and each supplier names
the customer it supplies within the same chain. :func:`tiers` checks a whole list of members
against the rules and gives each its tier (its depth below a leader); the chains service runs
it on the members a change would leave, before writing anything, so a refused change commits
nothing. The rules:

- a company is listed at most once in a chain;
- a leader has no customer, a supplier has one, and it is a member of the same chain;
- the supply links never loop back (A supplies B, B supplies A): every supplier reaches a leader.

Messages come from the catalogue's ``chains`` area and name the companies concerned.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from qclinic.core.catalogue import text
from qclinic.errors import UserError

__all__ = ["Link", "descendants", "direct_suppliers", "tiers"]

#: between the companies of a loop in a message, each arrow pointing to the customer
_ARROW = " → "


@dataclass(frozen=True, slots=True)
class Link:
    """One member of a chain as the tree rules see it."""

    organization_id: str
    #: the company it supplies within the chain; ``None`` for a leader
    customer_id: str | None
    #: its name, for messages
    name: str
    leader: bool = False


def tiers(links: Iterable[Link]) -> dict[str, int]:
    """Each member's tier (leader 0, its direct suppliers 1, …), by organization id.

    Raises:
        UserError: A company listed twice; a leader with a customer or a supplier without one;
            a customer that is not a member of the chain; a loop of supply links. The message
            names the companies.
    """
    members: dict[str, Link] = {}
    for link in links:
        if link.organization_id in members:
            raise UserError(text("chains.listed_twice", company=link.name))
        members[link.organization_id] = link
    for link in members.values():
        if link.leader and link.customer_id is not None:
            raise UserError(text("chains.leader_has_customer", company=link.name))
        if not link.leader and link.customer_id is None:
            raise UserError(text("chains.supplier_needs_customer", company=link.name))
        if link.customer_id is not None and link.customer_id not in members:
            raise UserError(text("chains.customer_not_member", company=link.name))
    depth: dict[str, int] = {}
    for start in members:
        path: list[str] = []
        on_path: set[str] = set()
        current: str | None = start
        while current is not None and current not in depth:
            if current in on_path:
                loop = [*path[path.index(current) :], current]
                names = _ARROW.join(members[i].name for i in loop)
                raise UserError(text("chains.cycle", cycle=names))
            path.append(current)
            on_path.add(current)
            current = members[current].customer_id
        base = -1 if current is None else depth[current]
        for organization_id in reversed(path):
            base += 1
            depth[organization_id] = base
    return depth


def direct_suppliers(links: Sequence[Link], organization_id: str) -> list[Link]:
    """The members that supply *organization_id* directly, in the order given."""
    return [link for link in links if link.customer_id == organization_id]


def descendants(links: Sequence[Link], organization_id: str) -> list[str]:
    """Every member below *organization_id* (its suppliers, theirs, …), breadth first.

    Stops at a member already seen, so even a list with a loop in it ends.
    """
    below: dict[str | None, list[str]] = {}
    for link in links:
        below.setdefault(link.customer_id, []).append(link.organization_id)
    found: list[str] = []
    seen = {organization_id}
    queue = [organization_id]
    while queue:
        for child in below.get(queue.pop(0), []):
            if child not in seen:
                seen.add(child)
                found.append(child)
                queue.append(child)
    return found
