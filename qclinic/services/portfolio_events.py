"""The companies behind a services or problems figure, grouped: each company once, with how
many events of each kind it has (``services.portfolio.event_companies``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from qclinic.core.portfolio import CompanyRef
from qclinic.storage.portfolio_events import EventCount

__all__ = ["EventCompany", "grouped"]


@dataclass(frozen=True)
class EventCompany:
    """A company behind an event figure and its events by kind (``visit``, ``assessment``,
    ``case``, ``solved``), only the kinds asked for and that it has."""

    company: CompanyRef
    counts: Mapping[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def grouped(rows: Sequence[EventCount]) -> list[EventCompany]:
    """One :class:`EventCompany` per company, in the rows' order (by name, then id)."""
    companies: dict[str, tuple[CompanyRef, dict[str, int]]] = {}
    for row in rows:
        _ref, counts = companies.setdefault(row.org_id, (CompanyRef(row.org_id, row.name), {}))
        counts[row.kind] = counts.get(row.kind, 0) + row.count
    return [EventCompany(ref, counts) for ref, counts in companies.values()]
