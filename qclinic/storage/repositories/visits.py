"""Visits: an engagement with an organization on a day."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from qclinic.core.vocabulary import VisitKind
from qclinic.storage.models import Organization, Person, Site, Visit
from qclinic.storage.repositories._common import (
    DEFAULT_PAGE_SIZE,
    apply_changes,
    get_live,
    page,
    soft_delete,
)

VISIT_FIELDS = ("site_id", "kind", "visit_date", "lead_consultant_id", "notes")


def create_visit(
    session: Session,
    organization_id: str,
    kind: VisitKind,
    visit_date: date,
    *,
    site_id: str | None = None,
    lead_consultant_id: str | None = None,
    notes: str = "",
) -> Visit:
    """Open a visit to a live organization (and optionally one of its sites)."""
    get_live(session, Organization, organization_id)
    if site_id is not None:
        get_live(session, Site, site_id)
    if lead_consultant_id is not None:
        get_live(session, Person, lead_consultant_id)
    visit = Visit(
        organization_id=organization_id,
        kind=kind,
        visit_date=visit_date,
        site_id=site_id,
        lead_consultant_id=lead_consultant_id,
        notes=notes,
    )
    session.add(visit)
    session.flush()
    return visit


def get_visit(session: Session, visit_id: str) -> Visit:
    """The live visit *visit_id* (raises ``NotFound``)."""
    return get_live(session, Visit, visit_id)


def update_visit(session: Session, visit_id: str, **changes: object) -> Visit:
    """Change some of :data:`VISIT_FIELDS` of a visit."""
    visit = get_visit(session, visit_id)
    apply_changes(visit, changes, VISIT_FIELDS)
    session.flush()
    return visit


def delete_visit(session: Session, visit_id: str) -> None:
    """Soft-delete a visit."""
    soft_delete(get_visit(session, visit_id))
    session.flush()


def list_visits(
    session: Session,
    *,
    organization_id: str | None = None,
    limit: int | None = DEFAULT_PAGE_SIZE,
    offset: int = 0,
) -> list[Visit]:
    """Live visits, most recent first, optionally of one organization."""
    query = select(Visit).where(Visit.deleted_at.is_(None))
    if organization_id is not None:
        query = query.where(Visit.organization_id == organization_id)
    query = query.order_by(Visit.visit_date.desc(), Visit.id.desc())
    return list(session.scalars(page(query, limit, offset)))
