"""Team work on the desktop: who "I" am, my role on the server, assigning work, my visits.

A visit names its assigned consultant with its ``lead_consultant_id`` — a consultant
:class:`~qclinic.storage.models.Person` (no organization), synced with the visit like any field
(no schema change). Assigning a visit to a consultant sets that person (reusing the live
consultant of that name, else creating one) and, when signed in, assigns the visit's
organization to them on the server (``POST /v1/assignments``), so their next sync brings it.

"My visits" are the visits whose assigned consultant, or whose assessments' expert team,
names me: the signed-in user, or *Settings → Your name* when not signed in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from qclinic.core.catalogue import text
from qclinic.errors import UserError
from qclinic.services.base import Service

if TYPE_CHECKING:
    from qclinic.sync.client import SyncClient


@dataclass(frozen=True)
class TeamMember:
    """A consultant or lead the server lets the signed-in lead assign work to."""

    user: str
    role: str
    organizations: tuple[str, ...]


class TeamService(Service):
    """Who I am, assignments through the server, the visits assigned to me."""

    #: builds the client to the signed-in server (tests put an in-process one here)
    connect: Callable[[], SyncClient] | None = None

    # -- who I am --------------------------------------------------------------------------
    def me(self) -> str:
        """The signed-in user's name, else the name in *Settings → Your name* ("" if none)."""
        from qclinic import settings as stored
        from qclinic.services.sync import KEY_USER

        user = self._sync_state().get(KEY_USER, "")
        if user:
            return user
        return stored.load().consultant_name.strip()

    def role(self) -> str | None:
        """The role the server reported at sign-in (``None`` when not signed in)."""
        from qclinic.services.sync import KEY_ROLE, KEY_USER

        state = self._sync_state()
        return state.get(KEY_ROLE) if state.get(KEY_USER) else None

    def may_assign(self) -> bool:
        return self.role() in ("admin", "lead")

    def is_company(self) -> bool:
        """Signed in as a company user: they see and self-assess their own company only."""
        return self.role() == "company"

    # -- the server ------------------------------------------------------------------------
    def members(self) -> list[TeamMember]:
        """The people the server lets me assign work to (a lead's or admin's call)."""
        with self._client() as client:
            return [
                TeamMember(p["user"], p["role"], tuple(p["organizations"])) for p in client.team()
            ]

    def assign_organization(self, user: str, organization_id: str, assigned: bool = True) -> None:
        """Assign (or take back) an organization to consultant *user* on the server."""
        with self._client() as client:
            client.assign(user, organization_id, assigned)

    # -- visits ----------------------------------------------------------------------------
    def visit_of(self, assessment_id: str) -> str | None:
        """The visit an assessment was made on."""
        from qclinic.storage.models import Assessment

        with self._reading() as session:
            assessment = session.get(Assessment, assessment_id)
            return assessment.visit_id if assessment is not None else None

    def visit_assignee(self, visit_id: str) -> str | None:
        """The name of the consultant a visit is assigned to."""
        from qclinic.storage.models import Person, Visit

        with self._reading() as session:
            visit = session.get(Visit, visit_id)
            if visit is None or visit.lead_consultant_id is None:
                return None
            person = session.get(Person, visit.lead_consultant_id)
            return person.name if person is not None else None

    def assign_visit(
        self, visit_id: str, consultant: str, *, on_server: bool = True, source: object = None
    ) -> None:
        """Name *consultant* as the visit's assigned consultant (a synced edit of the visit);
        signed in as a lead and *on_server*, assign its organization to them on the server
        first, so a refusal there changes nothing here."""
        from sqlalchemy import select

        from qclinic.core.vocabulary import PersonRole
        from qclinic.storage.models import Person, Visit

        name = consultant.strip()
        if not name:
            raise UserError(text("team.blank_name"))
        with self._reading() as session:
            visit = session.get(Visit, visit_id)
            if visit is None or visit.deleted_at is not None:
                raise UserError(text("team.no_visit"))
            organization_id = visit.organization_id
        if on_server and self.may_assign():
            self.assign_organization(name, organization_id)
        with self._writing(source) as session:
            visit = session.get(Visit, visit_id)
            if visit is None or visit.deleted_at is not None:
                raise UserError(text("team.no_visit"))
            person = session.scalar(
                select(Person)
                .where(
                    Person.name == name,
                    Person.organization_id.is_(None),
                    Person.role == PersonRole.CONSULTANT,
                    Person.deleted_at.is_(None),
                )
                .order_by(Person.id)
                .limit(1)
            )
            if person is None:
                person = Person(name=name, role=PersonRole.CONSULTANT)
                session.add(person)
                session.flush()
            if visit.lead_consultant_id != person.id:
                visit.lead_consultant_id = person.id

    def assessments_of(self, name: str) -> set[str]:
        """The live assessments of visits assigned to *name*, or whose team names *name*."""
        from sqlalchemy import select

        from qclinic.storage.models import Assessment, AssessmentMember, Person, Visit

        wanted = name.strip()
        if not wanted:
            return set()
        with self._reading() as session:
            by_visit = (
                select(Assessment.id)
                .join(Visit, Visit.id == Assessment.visit_id)
                .join(Person, Person.id == Visit.lead_consultant_id)
                .where(Person.name == wanted, Assessment.deleted_at.is_(None))
            )
            by_team = (
                select(AssessmentMember.assessment_id)
                .join(Assessment, Assessment.id == AssessmentMember.assessment_id)
                .where(
                    AssessmentMember.name == wanted,
                    AssessmentMember.deleted_at.is_(None),
                    Assessment.deleted_at.is_(None),
                )
            )
            return set(session.scalars(by_visit)) | set(session.scalars(by_team))

    # -- helpers ---------------------------------------------------------------------------
    def _sync_state(self) -> dict[str, str]:
        """The sign-in part of the sync state, read with plain ``sqlite3``: the first screen
        asks for the role before SQLAlchemy is imported (docs/ARCHITECTURE.md, *Data*)."""
        from qclinic.services.sync import KEY_ROLE, KEY_SERVER, KEY_USER

        keys = (KEY_SERVER, KEY_USER, KEY_ROLE)
        rows = self._database.query(
            "SELECT key, value FROM local_state WHERE key IN (?, ?, ?)", keys
        )
        return {str(key): str(value) for key, value in rows}

    def _client(self) -> SyncClient:
        if self.connect is not None:
            return self.connect()
        from qclinic import paths
        from qclinic.services.sync import KEY_SERVER
        from qclinic.sync.client import SyncClient
        from qclinic.sync.credentials import TokenStore

        server = self._sync_state().get(KEY_SERVER)
        token = TokenStore(paths.data_dir(), self._database.device_id).load()
        if not server or not token:
            raise UserError(text("team.not_signed_in"))
        return SyncClient(server, token)
