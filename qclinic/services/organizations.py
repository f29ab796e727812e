"""Organizations and their sites: the address book, its list, and deleting with undo.

The organization list is the app's first screen: :meth:`OrganizationService.summaries` reads it
with plain ``sqlite3`` and this module imports nothing of SQLAlchemy at import time (the
repositories and models are imported inside the methods that need them), so the list paints
before SQLAlchemy is loaded. Everything else reads and writes through the repositories of
:mod:`qclinic.storage.repositories.organizations`, one session per operation; each write
announces what it committed (see :class:`~qclinic.services.base.Service`).

Deleting marks the organization (with its live sites) or the site deleted; restoring clears that
mark again, which is how *Undo* works. Nothing recorded about them is lost meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from qclinic.core import uscc as credit_codes
from qclinic.core.catalogue import text
from qclinic.errors import UserError
from qclinic.services.base import Service
from qclinic.services.records import RecordRow, read_records
from qclinic.storage.organization_list import (
    ORGANIZATION_FIELDS,
    OrganizationSummary,
    list_organization_summaries,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from qclinic.core.vocabulary import ChainRole, IndustryChain, SizeClass
    from qclinic.storage.models import Action, Assessment, ClinicCase, Organization, Site
    from qclinic.storage.repositories.organizations import Dependents

__all__ = [
    "DEMO_TABLES",
    "ORGANIZATION_FIELDS",
    "OrganizationOverview",
    "OrganizationService",
    "OrganizationSummary",
]

#: what the demo company writes (announced as "some rows" of each once it is in)
DEMO_TABLES = (
    "organization",
    "site",
    "person",
    "visit",
    "assessment",
    "assessment_member",
    "answer",
    "finding",
    "clinic_case",
    "action",
    "attachment",
    "dataset",
    "dataset_value",
    "chain",
    "chain_member",
    "provider",
    "referral",
)
_FINISHED_ACTIONS = ("done", "verified")


@dataclass(frozen=True)
class OrganizationOverview:
    """What the detail of one organization shows (detached rows, fully loaded)."""

    organization: Organization
    sites: list[Site]
    #: every live assessment of the organization (oldest first is the caller's choice)
    assessments: list[Assessment]
    #: visit id → visit date, for dating the assessments
    visit_dates: dict[str, date]
    #: the actions not yet done or verified
    open_actions: list[Action]
    cases: list[ClinicCase]


class OrganizationService(Service):
    """Create, edit, delete and restore organizations and sites; the reads their screens need."""

    # --- reads ----------------------------------------------------------------------------
    def summaries(
        self,
        *,
        search: str | None = None,
        industry_chain: IndustryChain | None = None,
        chain_role: ChainRole | None = None,
        region: str | None = None,
    ) -> list[OrganizationSummary]:
        """The organization list (live ones, by name), through plain ``sqlite3``: no SQLAlchemy."""
        return list_organization_summaries(
            self._database,
            search=search,
            industry_chain=industry_chain,
            chain_role=chain_role,
            region=region,
        )

    def get(self, organization_id: str, *, include_deleted: bool = False) -> Organization:
        """The organization *organization_id*.

        Raises:
            UserError: It does not exist, or is deleted (unless *include_deleted*).
        """
        found = self.find(organization_id, include_deleted=include_deleted)
        if found is None:
            raise UserError(text("organizations.not_found"))
        return found

    def choices(self) -> list[tuple[str, str]]:
        """(id, name) of every live organization, by name: what a new action or case can be for."""
        from qclinic.storage.repositories.organizations import list_organizations

        with self._reading() as session:
            return [(o.id, o.name) for o in list_organizations(session, limit=None)]

    def find(self, organization_id: str, *, include_deleted: bool = False) -> Organization | None:
        """The organization *organization_id*, or ``None`` when there is no such (live) one."""
        from qclinic.storage.models import Organization

        with self._reading() as session:
            organization = session.get(Organization, organization_id)
        if organization is None or (organization.deleted_at is not None and not include_deleted):
            return None
        return organization

    def records(self, *, include_deleted: bool = False) -> list[RecordRow]:
        """Every (live, unless *include_deleted*) organization as a plain row, by id."""
        from qclinic.storage.models import Organization

        with self._reading() as session:
            return read_records(session, Organization, name="name", include_deleted=include_deleted)

    def values(self, organization_id: str) -> dict[str, Any]:
        """The editable fields of an organization (:data:`ORGANIZATION_FIELDS`), as stored."""
        organization = self.get(organization_id)
        return {field: getattr(organization, field) for field in ORGANIZATION_FIELDS}

    def overview(self, organization_id: str) -> OrganizationOverview | None:
        """Everything the detail shows of a live organization, in one read (``None``: gone)."""
        from qclinic.storage.repositories import assessments, improvement, organizations, visits

        with self._reading() as session:
            organization = self._live(session, organization_id)
            if organization is None:
                return None
            found = assessments.list_assessments(
                session, organization_id=organization_id, limit=None
            )
            visit_dates = {
                v.id: v.visit_date
                for v in visits.list_visits(session, organization_id=organization_id, limit=None)
            }
            actions = improvement.list_actions(session, organization_id=organization_id, limit=None)
            return OrganizationOverview(
                organization=organization,
                sites=organizations.list_sites(session, organization_id),
                assessments=found,
                visit_dates=visit_dates,
                open_actions=[a for a in actions if a.status not in _FINISHED_ACTIONS],
                cases=improvement.list_cases(session, organization_id=organization_id, limit=None),
            )

    def dependents(self, organization_id: str) -> Dependents:
        """What hangs on a live organization (for the question before deleting it)."""
        from qclinic.storage.repositories import organizations

        self.get(organization_id)
        with self._reading() as session:
            return organizations.organization_dependents(session, organization_id)

    def find_site(self, site_id: str) -> Site | None:
        """The live site *site_id*, or ``None``."""
        from qclinic.storage.models import Site

        with self._reading() as session:
            site = session.get(Site, site_id)
        return site if site is not None and site.deleted_at is None else None

    def site_dependents(self, site_id: str) -> Dependents:
        """The visits made at a site (for the question before deleting it)."""
        from qclinic.storage.repositories import organizations

        with self._reading() as session:
            return organizations.site_dependents(session, site_id)

    # --- organizations --------------------------------------------------------------------
    def create(
        self,
        name: str,
        *,
        uscc: str | None = None,
        industry_chain: IndustryChain | None = None,
        chain_role: ChainRole | None = None,
        size_class: SizeClass | None = None,
        region: str | None = None,
        cqo_name: str | None = None,
        cqo_phone: str | None = None,
        cqo_email: str | None = None,
        notes: str = "",
        source: object | None = None,
    ) -> Organization:
        """Register an organization.

        Raises:
            UserError: No name; a malformed credit code or one another live organization has; a
                malformed phone number or e-mail address. Nothing is saved then.
        """
        from qclinic.storage.repositories import organizations

        name = name.strip()
        if not name:
            raise UserError(text("organizations.name_required"))
        _check_code(uscc)
        with self._writing(source) as session:
            return organizations.create_organization(
                session,
                name,
                uscc=uscc,
                industry_chain=industry_chain,
                chain_role=chain_role,
                size_class=size_class,
                region=region,
                cqo_name=cqo_name,
                cqo_phone=cqo_phone,
                cqo_email=cqo_email,
                notes=notes,
            )

    def update(
        self, organization_id: str, *, source: object | None = None, **values: Any
    ) -> Organization:
        """Change some of :data:`ORGANIZATION_FIELDS`; only values that differ are written.

        A credit code typed with other spaces or letter case than the stored one is the same
        code: it is not a change (and not checked again). Nothing changed, nothing is written
        and nothing announced.

        Raises:
            UserError: As for :meth:`create`, or the organization is gone.
        """
        from qclinic.storage.repositories import organizations

        unknown = set(values) - set(ORGANIZATION_FIELDS)
        if unknown:
            raise TypeError(f"not organization fields: {sorted(unknown)}")
        if "name" in values:
            values["name"] = str(values["name"] or "").strip()
            if not values["name"]:
                raise UserError(text("organizations.name_required"))
        stored = self.values(organization_id)
        code = values.get("uscc")
        if isinstance(code, str) and code.strip():
            if credit_codes.normalize(code) == stored["uscc"]:
                values["uscc"] = stored["uscc"]
            else:
                _check_code(code)
        changes = {k: v for k, v in values.items() if v != stored[k]}
        if not changes:
            return self.get(organization_id)
        with self._writing(source) as session:
            return organizations.update_organization(session, organization_id, **changes)

    def delete(self, organization_id: str, *, source: object | None = None) -> None:
        """Mark an organization and its live sites deleted (:meth:`restore` undoes it).

        Raises:
            UserError: No such live organization.
        """
        from qclinic.storage.repositories import organizations

        with self._writing(source) as session:
            if self._live(session, organization_id) is None:
                raise UserError(text("organizations.not_found"))
            organizations.delete_organization(session, organization_id)

    def restore(self, organization_id: str, *, source: object | None = None) -> Organization:
        """Bring a deleted organization back, with the sites deleted with it.

        Raises:
            UserError: No such organization, or another live one took its credit code meanwhile.
        """
        from qclinic.storage.models import Organization
        from qclinic.storage.repositories import organizations

        with self._writing(source) as session:
            if session.get(Organization, organization_id) is None:
                raise UserError(text("organizations.not_found"))
            return organizations.restore_organization(session, organization_id)

    # --- sites ----------------------------------------------------------------------------
    def add_site(
        self, organization_id: str, name: str, address: str = "", *, source: object | None = None
    ) -> Site:
        """Add a site to a live organization.

        Raises:
            UserError: No name, or the organization is gone.
        """
        from qclinic.storage.repositories import organizations

        name = name.strip()
        if not name:
            raise UserError(text("organizations.site_name_required"))
        with self._writing(source) as session:
            if self._live(session, organization_id) is None:
                raise UserError(text("organizations.not_found"))
            return organizations.create_site(session, organization_id, name, address.strip())

    def delete_site(self, site_id: str, *, source: object | None = None) -> None:
        """Mark a site deleted (:meth:`restore_site` undoes it); its visits keep pointing to it.

        Raises:
            UserError: No such live site.
        """
        from qclinic.storage.models import Site
        from qclinic.storage.repositories import organizations

        with self._writing(source) as session:
            site = session.get(Site, site_id)
            if site is None or site.deleted_at is not None:
                raise UserError(text("organizations.site_not_found"))
            organizations.delete_site(session, site_id)

    def restore_site(self, site_id: str, *, source: object | None = None) -> Site:
        """Bring a deleted site back.

        Raises:
            UserError: No such site, or its organization is deleted (restore that instead).
        """
        from qclinic.storage.models import Site
        from qclinic.storage.repositories import organizations

        with self._writing(source) as session:
            if session.get(Site, site_id) is None:
                raise UserError(text("organizations.site_not_found"))
            return organizations.restore_site(session, site_id)

    # --- the demo company -----------------------------------------------------------------
    def seed_demo(self, lang: str, *, source: object | None = None) -> str:
        """Write the demo company (once) with its texts in *lang*, its SPC and MSA datasets
        included, as ``qclinic demo`` does; its organization id.

        The demo writes in several transactions of its own, so what it wrote is announced as
        "some rows" of each table it fills (:data:`DEMO_TABLES`): lists refresh whole.
        """
        from qclinic.services.demo import seed  # on first use, like the storage code

        organization_id: str = seed(self._database, lang=lang, spc=True)["organization"]
        self._publish({table: [] for table in DEMO_TABLES}, source=source)
        return organization_id

    # --- internals ------------------------------------------------------------------------
    @staticmethod
    def _live(session: Session, organization_id: str) -> Organization | None:
        from qclinic.storage.models import Organization

        organization = session.get(Organization, organization_id)
        return (
            organization if organization is not None and organization.deleted_at is None else None
        )


def _check_code(code: str | None) -> None:
    """Refuse a malformed credit code before any write (an empty one is no code)."""
    if code is None or not code.strip():
        return
    check = credit_codes.check(code)
    if not check.ok:
        from qclinic.core.text import Text
        from qclinic.storage.errors import InvalidValue

        raise InvalidValue(Text(check.message_zh, check.message_en))
