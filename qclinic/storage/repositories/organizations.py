"""Organizations, their sites, and people: the clinic's address book.

Deleting an organization or a site sets its deletion marker (``deleted_at``), never removes the
row: lists leave it out, its history (assessments, reports, actions, cases) stays readable, and
restoring clears the marker again. Both are logged like any change, for the sync.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from qclinic.core.catalogue import text
from qclinic.core.contact import ContactCheck, check_email, check_phone
from qclinic.core.text import Text
from qclinic.core.vocabulary import (
    AssessmentStatus,
    ChainRole,
    IndustryChain,
    PersonRole,
    SizeClass,
)
from qclinic.storage.errors import InvalidValue, NotFound
from qclinic.storage.models import Action, Assessment, ClinicCase, Organization, Person, Site, Visit
from qclinic.storage.models.base import Record
from qclinic.storage.models.directory import normalized_credit_code
from qclinic.storage.organization_list import ORGANIZATION_FIELDS
from qclinic.storage.repositories._common import (
    DEFAULT_PAGE_SIZE,
    apply_changes,
    get_live,
    page,
    soft_delete,
)
from qclinic.storage.search import like_pattern
from qclinic.storage.types import utc_now

SITE_FIELDS = ("name", "address")
PERSON_FIELDS = ("name", "role", "organization_id", "phone", "email", "title")


def _check_credit_code_free(session: Session, code: str | None, own_id: str | None) -> None:
    normalized = normalized_credit_code(code)
    if normalized is None:
        return
    query = select(Organization.name).where(
        Organization.uscc == normalized, Organization.deleted_at.is_(None)
    )
    if own_id is not None:
        query = query.where(Organization.id != own_id)
    holder = session.execute(query).scalar_one_or_none()
    if holder is not None:
        raise InvalidValue(text("organizations.uscc_taken", code=normalized, holder=holder))


def check_contact(*, phone: object = None, email: object = None) -> None:
    """Refuse a malformed phone number or e-mail address (``None`` or "" is not checked).

    Raises:
        InvalidValue: What is wrong (both languages).
    """
    problems = []
    if isinstance(phone, str):
        problems.append(check_phone(phone))
    if isinstance(email, str):
        problems.append(check_email(email))
    problems = [p for p in problems if not p.ok]
    if problems:
        raise InvalidValue(contact_problems_text(problems))


def contact_problems_text(problems: list[ContactCheck]) -> Text:
    """What is wrong with contact fields, one line per field, in both languages."""
    return Text(
        "\n".join(p.message_zh for p in problems), "\n".join(p.message_en for p in problems)
    )


def create_organization(
    session: Session,
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
) -> Organization:
    """Register an organization.

    Raises:
        InvalidValue: Empty name, malformed credit code, or a code another live row already has;
            a malformed phone number or e-mail address of the chief quality officer.
    """
    check_contact(phone=cqo_phone, email=cqo_email)
    _check_credit_code_free(session, uscc, None)
    organization = Organization(
        name=name,
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
    session.add(organization)
    session.flush()
    return organization


def get_organization(
    session: Session, organization_id: str, *, include_deleted: bool = False
) -> Organization:
    """The live organization *organization_id* (raises ``NotFound``).

    With *include_deleted*, a deleted one too: its assessments and reports stay readable and
    show its name (check ``deleted_at`` to mark it).
    """
    if not include_deleted:
        return get_live(session, Organization, organization_id)
    organization = session.get(Organization, organization_id)
    if organization is None:
        raise NotFound(f"organization {organization_id} does not exist.")
    return organization


def update_organization(session: Session, organization_id: str, **changes: object) -> Organization:
    """Change some of :data:`ORGANIZATION_FIELDS` of an organization.

    Raises:
        InvalidValue: As for :func:`create_organization`.
        NotFound: No such live organization.
    """
    organization = get_organization(session, organization_id)
    check_contact(phone=changes.get("cqo_phone"), email=changes.get("cqo_email"))
    if "uscc" in changes:
        code = changes["uscc"]
        _check_credit_code_free(session, code if isinstance(code, str) else None, organization_id)
    apply_changes(organization, changes, ORGANIZATION_FIELDS)
    session.flush()
    return organization


@dataclass(frozen=True)
class Dependents:
    """What hangs on an organization or a site, for the question before deleting it."""

    sites: int = 0
    assessments: int = 0
    signed: int = 0  # of the assessments
    actions: int = 0
    open_actions: int = 0  # of the actions: not yet done or verified
    cases: int = 0
    visits: int = 0


def _count(session: Session, model: type[Record], *conditions: ColumnElement[bool]) -> int:
    query = select(func.count()).select_from(model).where(model.deleted_at.is_(None), *conditions)
    return int(session.execute(query).scalar_one())


def organization_dependents(session: Session, organization_id: str) -> Dependents:
    """The live sites, assessments (signed ones apart), actions, cases and visits of a company."""
    from qclinic.core.vocabulary import ActionStatus

    finished = (ActionStatus.DONE, ActionStatus.VERIFIED)
    return Dependents(
        sites=_count(session, Site, Site.organization_id == organization_id),
        assessments=_count(session, Assessment, Assessment.organization_id == organization_id),
        signed=_count(
            session,
            Assessment,
            Assessment.organization_id == organization_id,
            Assessment.status == AssessmentStatus.SIGNED,
        ),
        actions=_count(session, Action, Action.organization_id == organization_id),
        open_actions=_count(
            session,
            Action,
            Action.organization_id == organization_id,
            Action.status.not_in(finished),
        ),
        cases=_count(session, ClinicCase, ClinicCase.organization_id == organization_id),
        visits=_count(session, Visit, Visit.organization_id == organization_id),
    )


def delete_organization(session: Session, organization_id: str) -> datetime:
    """Mark an organization and its live sites deleted, with one time (returned).

    Nothing else changes: its assessments (signed ones too), actions and cases stay as they are
    and readable; its credit code becomes free for a new row. :func:`restore_organization` undoes
    it.

    Raises:
        NotFound: No such live organization.
    """
    organization = get_organization(session, organization_id)
    now = utc_now()
    organization.deleted_at = now
    for site in list_sites(session, organization_id):
        site.deleted_at = now
    session.flush()
    return now


def restore_organization(session: Session, organization_id: str) -> Organization:
    """Clear the deletion marker of an organization, and of the sites deleted with it.

    Sites deleted on their own before stay deleted. Restoring a live organization changes nothing.

    Raises:
        NotFound: No such organization.
        InvalidValue: Another live organization took its credit code meanwhile.
    """
    organization = get_organization(session, organization_id, include_deleted=True)
    deleted_at = organization.deleted_at
    if deleted_at is None:
        return organization
    _check_credit_code_free(session, organization.uscc, organization_id)
    organization.deleted_at = None
    sites = select(Site).where(
        Site.organization_id == organization_id, Site.deleted_at.is_not(None)
    )
    for site in session.scalars(sites):
        if site.deleted_at == deleted_at:
            site.deleted_at = None
    session.flush()
    return organization


def _organization_query(
    search: str | None,
    industry_chain: IndustryChain | None,
    chain_role: ChainRole | None,
    region: str | None,
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [Organization.deleted_at.is_(None)]
    if search and search.strip():
        conditions.append(Organization.search_key.like(like_pattern(search), escape="\\"))
    if industry_chain is not None:
        conditions.append(Organization.industry_chain == industry_chain)
    if chain_role is not None:
        conditions.append(Organization.chain_role == chain_role)
    if region is not None:
        conditions.append(Organization.region == region)
    return conditions


def list_organizations(
    session: Session,
    *,
    search: str | None = None,
    industry_chain: IndustryChain | None = None,
    chain_role: ChainRole | None = None,
    region: str | None = None,
    limit: int | None = DEFAULT_PAGE_SIZE,
    offset: int = 0,
) -> list[Organization]:
    """Live organizations by name, filtered; *search* matches name, credit code or region."""
    conditions = _organization_query(search, industry_chain, chain_role, region)
    query = select(Organization).where(*conditions).order_by(Organization.name, Organization.id)
    return list(session.scalars(page(query, limit, offset)))


def count_organizations(
    session: Session,
    *,
    search: str | None = None,
    industry_chain: IndustryChain | None = None,
    chain_role: ChainRole | None = None,
    region: str | None = None,
) -> int:
    """How many live organizations :func:`list_organizations` would page through."""
    conditions = _organization_query(search, industry_chain, chain_role, region)
    query = select(func.count()).select_from(Organization).where(*conditions)
    return int(session.execute(query).scalar_one())


def create_site(session: Session, organization_id: str, name: str, address: str = "") -> Site:
    """Add a site to a live organization."""
    get_organization(session, organization_id)
    site = Site(organization_id=organization_id, name=name, address=address)
    session.add(site)
    session.flush()
    return site


def update_site(session: Session, site_id: str, **changes: object) -> Site:
    """Change a site's name or address."""
    site = get_live(session, Site, site_id)
    apply_changes(site, changes, SITE_FIELDS)
    session.flush()
    return site


def site_dependents(session: Session, site_id: str) -> Dependents:
    """The live visits made at a site (their assessments stay readable when it is deleted)."""
    return Dependents(visits=_count(session, Visit, Visit.site_id == site_id))


def delete_site(session: Session, site_id: str) -> None:
    """Mark a site deleted (:func:`restore_site` undoes it); visits made there keep pointing to it.

    Raises:
        NotFound: No such live site.
    """
    soft_delete(get_live(session, Site, site_id))
    session.flush()


def restore_site(session: Session, site_id: str) -> Site:
    """Clear the deletion marker of a site.

    Raises:
        NotFound: No such site.
        InvalidValue: Its organization is deleted (restore the organization instead).
    """
    site = session.get(Site, site_id)
    if site is None:
        raise NotFound(f"site {site_id} does not exist.")
    organization = get_organization(session, site.organization_id, include_deleted=True)
    if organization.deleted_at is not None:
        raise InvalidValue(
            text(
                "organizations.site_of_deleted_organization",
                site=site.name,
                organization=organization.name,
            )
        )
    site.deleted_at = None
    session.flush()
    return site


def list_sites(session: Session, organization_id: str) -> list[Site]:
    """The live sites of an organization, by name."""
    query = (
        select(Site)
        .where(Site.organization_id == organization_id, Site.deleted_at.is_(None))
        .order_by(Site.name)
    )
    return list(session.scalars(query))


def create_person(
    session: Session,
    name: str,
    role: PersonRole,
    *,
    organization_id: str | None = None,
    phone: str | None = None,
    email: str | None = None,
    title: str | None = None,
) -> Person:
    """Add a person; consultants belong to no organization.

    Raises:
        InvalidValue: A malformed phone number or e-mail address.
    """
    check_contact(phone=phone, email=email)
    if organization_id is not None:
        get_organization(session, organization_id)
    person = Person(
        name=name,
        role=role,
        organization_id=organization_id,
        phone=phone,
        email=email,
        title=title,
    )
    session.add(person)
    session.flush()
    return person


def update_person(session: Session, person_id: str, **changes: object) -> Person:
    """Change some of :data:`PERSON_FIELDS` of a person (a changed phone or e-mail is checked)."""
    person = get_live(session, Person, person_id)
    check_contact(phone=changes.get("phone"), email=changes.get("email"))
    apply_changes(person, changes, PERSON_FIELDS)
    session.flush()
    return person


def delete_person(session: Session, person_id: str) -> None:
    """Soft-delete a person."""
    soft_delete(get_live(session, Person, person_id))
    session.flush()


def list_persons(
    session: Session,
    *,
    organization_id: str | None = None,
    role: PersonRole | None = None,
) -> list[Person]:
    """Live people by name, optionally of one organization and/or role."""
    query = select(Person).where(Person.deleted_at.is_(None))
    if organization_id is not None:
        query = query.where(Person.organization_id == organization_id)
    if role is not None:
        query = query.where(Person.role == role)
    return list(session.scalars(query.order_by(Person.name)))
