"""NQI service providers (服务机构): the directory a referral chooses from.

A provider is one directory entry every user sees (docs/SYNC.md, "Providers"); it is added,
edited and deleted here, and deleting one that still has open referrals is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, func, or_, select
from sqlalchemy.orm import Session

from qclinic.core.catalogue import text
from qclinic.core.vocabulary import ProviderKind, ReferralStatus
from qclinic.errors import UserError
from qclinic.services.base import Service
from qclinic.storage.models import Provider, Referral
from qclinic.storage.repositories._common import apply_changes, soft_delete

__all__ = ["EDITABLE", "ProviderRow", "ProviderService"]

#: the fields a provider is edited by (texts, stored stripped) besides its kind
EDITABLE = (
    "name",
    "accreditation_number",
    "accreditation_scope",
    "region",
    "contact",
    "phone",
    "email",
    "notes",
)


@dataclass(frozen=True, slots=True)
class ProviderRow:
    """A provider as lists show it, with how many referrals were sent to it."""

    id: str
    name: str
    kind: ProviderKind
    accreditation_number: str
    accreditation_scope: str
    region: str
    contact: str
    phone: str
    email: str
    notes: str
    referrals: int
    delivered: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind.value,
            "accreditation_number": self.accreditation_number,
            "accreditation_scope": self.accreditation_scope,
            "region": self.region,
            "contact": self.contact,
            "phone": self.phone,
            "email": self.email,
            "notes": self.notes,
            "referrals": self.referrals,
            "delivered": self.delivered,
        }


def _clean(changes: dict[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "kind":
            cleaned[name] = ProviderKind(value)
        else:
            cleaned[name] = str(value or "").strip()
    if "name" in cleaned and not cleaned["name"]:
        raise UserError(text("referrals.provider_name_required"))
    return cleaned


class ProviderService(Service):
    """The directory of NQI service providers."""

    def create(
        self, name: str, kind: ProviderKind, *, source: object | None = None, **fields: str
    ) -> Provider:
        """Add a provider of *kind* named *name*, with any of the :data:`EDITABLE` fields.

        Raises:
            UserError: No name.
            TypeError: A field that is not a provider's.
        """
        values = _clean({"name": name, "kind": kind, **fields})
        with self._writing(source) as session:
            provider = Provider(**dict.fromkeys(EDITABLE[1:], ""))
            apply_changes(provider, values, (*EDITABLE, "kind"))
            session.add(provider)
            session.flush()
            return provider

    def edit(self, provider_id: str, *, source: object | None = None, **changes: Any) -> Provider:
        """Change some of the provider's fields (its kind or any of :data:`EDITABLE`).

        Raises:
            UserError: An empty name; the provider is gone.
        """
        values = _clean(changes)
        with self._writing(source) as session:
            provider = self._live(session, provider_id)
            apply_changes(provider, values, (*EDITABLE, "kind"))
            return provider

    def delete(self, provider_id: str, *, source: object | None = None) -> None:
        """Delete the provider (a tombstone) unless referrals to it are still open.

        Raises:
            UserError: Referrals to it are not closed yet; the provider is gone.
        """
        with self._writing(source) as session:
            provider = self._live(session, provider_id)
            open_count = session.scalar(
                select(func.count()).where(
                    Referral.provider_id == provider_id,
                    Referral.deleted_at.is_(None),
                    Referral.status != ReferralStatus.CLOSED,
                )
            )
            if open_count:
                raise UserError(
                    text("referrals.provider_in_use", provider=provider.name, count=open_count)
                )
            soft_delete(provider)

    # --- reads -------------------------------------------------------------------------------
    def get(self, provider_id: str) -> Provider:
        """The live provider *provider_id*.

        Raises:
            UserError: No such provider.
        """
        with self._reading() as session:
            return self._live(session, provider_id)

    def rows(self, search: str = "", *, kind: ProviderKind | None = None) -> list[ProviderRow]:
        """The live providers by name, those whose name, region, accreditation or scope
        contain *search* (case-insensitive), of *kind* when given."""
        with self._reading() as session:
            query = select(Provider).where(Provider.deleted_at.is_(None))
            needle = search.strip()
            if needle:
                pattern = f"%{needle}%"
                query = query.where(
                    or_(
                        Provider.name.ilike(pattern),
                        Provider.region.ilike(pattern),
                        Provider.accreditation_number.ilike(pattern),
                        Provider.accreditation_scope.ilike(pattern),
                    )
                )
            if kind is not None:
                query = query.where(Provider.kind == ProviderKind(kind))
            providers = list(session.scalars(query.order_by(Provider.name, Provider.id)))
            counts: dict[str, tuple[int, int]] = {
                provider_id: (int(total), int(delivered or 0))
                for provider_id, total, delivered in session.execute(
                    select(
                        Referral.provider_id,
                        func.count(),
                        func.sum(Referral.delivered_on.is_not(None).cast(Integer)),
                    )
                    .where(Referral.deleted_at.is_(None))
                    .group_by(Referral.provider_id)
                )
            }
            return [
                ProviderRow(
                    p.id,
                    p.name,
                    p.kind,
                    p.accreditation_number,
                    p.accreditation_scope,
                    p.region,
                    p.contact,
                    p.phone,
                    p.email,
                    p.notes,
                    *counts.get(p.id, (0, 0)),
                )
                for p in providers
            ]

    @staticmethod
    def _live(session: Session, provider_id: str) -> Provider:
        provider = session.get(Provider, provider_id)
        if provider is None or provider.deleted_at is not None:
            raise UserError(text("referrals.provider_not_found"))
        return provider
