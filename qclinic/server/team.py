"""Team work: a lead consultant assigns the organizations in their scope to consultants.

``GET /v1/team`` lists the people a caller may assign to (admin: every active consultant and
lead; lead: the same), each with the organizations assigned to them — for a lead only those
the lead sees. ``POST /v1/assignments`` ``{"user", "organization", "assigned"}`` adds (or,
``assigned: false``, takes away) one assignment: an admin for any organization, a lead for an
organization in their own scope (docs/SYNC.md, *Team work*). The assignee's scope follows at
their next request, as with ``qclinic-server users assign``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from qclinic.core.catalogue import text
from qclinic.core.text import Text
from qclinic.server.accounts import Caller
from qclinic.server.models import Record, User, UserOrganization
from qclinic.server.scope import scope_of

#: the roles that assign work (within their scope)
ASSIGNERS = ("admin", "lead")
#: the roles work is assigned to
ASSIGNEES = ("consultant", "lead")


@dataclass
class TeamRefused(Exception):
    """An assignment refused: ``status`` and ``code`` for the HTTP answer, ``message`` to say."""

    status: int
    code: str
    message: Text

    def __str__(self) -> str:
        return self.message.en


def team(session: Session, caller: Caller) -> list[dict[str, Any]]:
    """The consultants and leads *caller* may assign work to, by name, with their assignments
    (for a lead: only the organizations the lead sees).

    Raises:
        TeamRefused: *caller* is neither an admin nor a lead (403).
    """
    _check_assigner(caller)
    scope = scope_of(session, caller)
    people = session.scalars(
        select(User).where(User.role.in_(ASSIGNEES), User.disabled.is_(False)).order_by(User.name)
    )
    out = []
    for user in people:
        held = session.scalars(
            select(UserOrganization.organization_id)
            .where(UserOrganization.user_id == user.id)
            .order_by(UserOrganization.organization_id)
        )
        out.append(
            {
                "user": user.name,
                "role": user.role,
                "organizations": [key for key in held if scope.may_see(key)],
            }
        )
    return out


def set_assignment(
    session: Session, caller: Caller, user_name: str, organization_id: str, assigned: bool
) -> dict[str, Any]:
    """Assign (or unassign) organization *organization_id* to *user_name* and commit.

    Raises:
        TeamRefused: not an assigner, an organization outside a lead's scope (403), no such
            active consultant or lead (404), or an organization the server does not hold (404).
    """
    _check_assigner(caller)
    if not scope_of(session, caller).may_see(organization_id):
        raise TeamRefused(403, "forbidden", text("team.not_in_scope", organization=organization_id))
    record = session.get(Record, organization_id)
    if record is None or record.entity != "organization":
        raise TeamRefused(
            404, "no_organization", text("team.no_organization", organization=organization_id)
        )
    user = session.scalar(select(User).where(User.name == user_name))
    if user is None or user.disabled or user.role not in ASSIGNEES:
        raise TeamRefused(404, "no_consultant", text("team.no_consultant", user=user_name))
    if assigned:
        session.merge(UserOrganization(user_id=user.id, organization_id=organization_id))
    else:
        session.execute(
            delete(UserOrganization).where(
                UserOrganization.user_id == user.id,
                UserOrganization.organization_id == organization_id,
            )
        )
    session.commit()
    return {"user": user.name, "organization": organization_id, "assigned": assigned}


def _check_assigner(caller: Caller) -> None:
    if caller.role not in ASSIGNERS:
        raise TeamRefused(403, "forbidden", text("team.not_a_lead"))
