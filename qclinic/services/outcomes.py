"""Outcomes: record, edit and delete a company's quality figures; their series and changes.

A figure is checked before anything is written (:func:`qclinic.core.outcomes.check`): a
percentage within 0–100, counts whole and ≥ 0, a level for standards and for nothing else; the
company must be live, the visit (if any) the company's own, and one company, period, kind and
level hold one figure. A refusal commits and announces nothing. Deleting marks the row deleted.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from qclinic.core import outcomes as rules
from qclinic.core.catalogue import text
from qclinic.core.vocabulary import OutcomeKind, StandardLevel, VisitKind
from qclinic.errors import UserError
from qclinic.services.base import Service

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from qclinic.storage.models import Outcome
    from qclinic.storage.repositories.outcome_totals import ChainOutcomes, CompanyOutcome

__all__ = ["OutcomeFields", "OutcomeRow", "OutcomeService", "OutcomeTrend"]

#: the visits a trend marks: the consultants' clinic and follow-up, not a self-assessment
MARKED_VISITS = (VisitKind.ONSITE_CLINIC, VisitKind.FOLLOW_UP)


@dataclass(frozen=True, slots=True)
class OutcomeFields:
    """What a figure says; ``source`` is where it came from ("company MES report")."""

    kind: OutcomeKind
    value: float
    period: date
    level: StandardLevel | None = None
    visit_id: str | None = None
    source: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class OutcomeRow:
    """One stored figure."""

    id: str
    organization_id: str
    fields: OutcomeFields

    def as_dict(self) -> dict[str, Any]:
        f = self.fields
        return {
            "id": self.id,
            "organization_id": self.organization_id,
            "kind": f.kind.value,
            "level": f.level.value if f.level else None,
            "value": f.value,
            "unit": rules.UNITS.get(f.kind, ""),
            "period": f.period.isoformat(),
            "visit_id": f.visit_id,
            "source": f.source,
            "note": f.note,
        }


@dataclass(frozen=True, slots=True)
class OutcomeTrend:
    """What the Outcomes tab shows of a company, read at once: its figures and the days of its
    clinic and follow-up visits (the trend's markers), oldest first."""

    rows: list[OutcomeRow]
    visits: list[tuple[date, VisitKind]]

    def series(self) -> dict[OutcomeKind, list[rules.Point]]:
        """Per kind its points by period (see :meth:`OutcomeService.series`)."""
        return rules.series((r.fields.kind, r.fields.period, r.fields.value) for r in self.rows)


class OutcomeService(Service):
    """A company's outcome figures (see the module docstring)."""

    # --- reads ----------------------------------------------------------------------------
    def rows(self, organization_id: str, kind: OutcomeKind | None = None) -> list[OutcomeRow]:
        """The company's live figures (of *kind*, when given), by kind, period and level."""
        with self._reading() as session:
            return [_row(o) for o in _live(session, [organization_id], kind)]

    def series(self, organization_id: str) -> dict[OutcomeKind, list[rules.Point]]:
        """Per kind its points by period (a period's standards summed over levels)."""
        return rules.series(
            (r.fields.kind, r.fields.period, r.fields.value) for r in self.rows(organization_id)
        )

    def trend(self, organization_id: str) -> OutcomeTrend:
        """The company's live figures and the days of its live clinic and follow-up visits, in
        one read session."""
        from sqlalchemy import select

        from qclinic.storage.models import Visit

        with self._reading() as session:
            rows = [_row(o) for o in _live(session, [organization_id], None)]
            visits = session.execute(
                select(Visit.visit_date, Visit.kind)
                .where(
                    Visit.organization_id == organization_id,
                    Visit.deleted_at.is_(None),
                    Visit.kind.in_(MARKED_VISITS),
                )
                .order_by(Visit.visit_date, Visit.id)
            ).all()
        return OutcomeTrend(rows, [(day, VisitKind(kind)) for day, kind in visits])

    def changes(self, organization_id: str) -> list[rules.Change]:
        """Per kind the latest figure and the one before it: the change since the previous visit."""
        return rules.changes(self.series(organization_id))

    def totals(
        self, organization_ids: list[str], start: date | None = None, end: date | None = None
    ) -> list[rules.Total]:
        """The kinds totalled over the companies (:func:`qclinic.core.outcomes.totals`), from
        their figures dated within *start*–*end* (either open)."""
        with self._reading() as session:
            found = _live(session, organization_ids, None)
        found = [
            o
            for o in found
            if (start is None or o.period >= start) and (end is None or o.period <= end)
        ]
        per_company: dict[str, list[tuple[OutcomeKind, date, float]]] = {}
        for o in found:
            per_company.setdefault(o.organization_id, []).append((o.kind, o.period, o.value))
        return rules.totals([rules.series(f) for f in per_company.values()])

    def chain_totals(
        self, chain_ids: list[str], start: date | None = None, end: date | None = None
    ) -> dict[str, list[rules.Total]]:
        """Per chain the totals over its live companies (see :meth:`totals`)."""
        members = self._members(chain_ids)
        return {chain: self.totals(ids, start, end) for chain, ids in members.items()}

    def portfolio_totals(
        self,
        region: str | None = None,
        chain_ids: tuple[str, ...] = (),
        start: date | None = None,
        end: date | None = None,
    ) -> dict[str | None, ChainOutcomes]:
        """The dashboard's outcome totals: per chain of the *region* (or of *chain_ids*) and,
        under ``None``, for all of them with each company once — the figures of :meth:`totals`
        with the standards by level, in one grouped query (not per company)."""
        from qclinic.storage.repositories import outcome_totals

        with self._reading() as session:
            return outcome_totals.chain_totals(session, region, chain_ids, start, end)

    def portfolio_companies(
        self,
        kind: OutcomeKind,
        level: StandardLevel | None = None,
        *,
        region: str | None = None,
        chain_ids: tuple[str, ...] = (),
        start: date | None = None,
        end: date | None = None,
    ) -> list[CompanyOutcome]:
        """The companies behind one of :meth:`portfolio_totals` (standards of *level*, when
        given), each with its first and latest figure in the period and their sum, by name."""
        from qclinic.storage.repositories import outcome_totals

        with self._reading() as session:
            return outcome_totals.companies(session, region, chain_ids, start, end, kind, level)

    def chain_members(self, chain_ids: list[str]) -> list[str]:
        """The live companies of these chains, each once (a company in two chains counts once
        in a total over both)."""
        found = self._members(chain_ids)
        return list(dict.fromkeys(o for ids in found.values() for o in ids))

    def _members(self, chain_ids: list[str]) -> dict[str, list[str]]:
        from sqlalchemy import select

        from qclinic.storage.models import ChainMember, Organization

        with self._reading() as session:
            rows = session.execute(
                select(ChainMember.chain_id, ChainMember.organization_id)
                .join(Organization, Organization.id == ChainMember.organization_id)
                .where(
                    ChainMember.chain_id.in_(chain_ids),
                    ChainMember.deleted_at.is_(None),
                    Organization.deleted_at.is_(None),
                )
                .order_by(ChainMember.organization_id)
            ).all()
        members: dict[str, list[str]] = {chain_id: [] for chain_id in chain_ids}
        for chain_id, organization_id in rows:
            members[chain_id].append(organization_id)
        return members

    # --- writes ---------------------------------------------------------------------------
    def record(
        self, organization_id: str, fields: OutcomeFields, *, source: object | None = None
    ) -> OutcomeRow:
        """Record one figure.

        Raises:
            UserError: A bad figure, a company gone, another company's visit, or a duplicate.
        """
        from qclinic.storage.models import Outcome

        fields = _cleaned(fields)
        with self._writing(source) as session:
            _check(session, organization_id, fields, None)
            outcome = Outcome(organization_id=organization_id, **_columns(fields))
            session.add(outcome)
            session.flush()
            return _row(outcome)

    def edit(
        self, outcome_id: str, fields: OutcomeFields, *, source: object | None = None
    ) -> OutcomeRow:
        """Replace a figure's fields (only what differs is written).

        Raises:
            UserError: The figure is gone, or the new fields are refused as by :meth:`record`.
        """
        fields = _cleaned(fields)
        with self._reading() as session:
            current = _row(_get(session, outcome_id))
        if current.fields == fields:
            return current
        with self._writing(source) as session:
            outcome = _get(session, outcome_id)
            _check(session, outcome.organization_id, fields, outcome_id)
            for name, value in _columns(fields).items():
                if getattr(outcome, name) != value:
                    setattr(outcome, name, value)
            session.flush()
            return _row(outcome)

    def delete(self, outcome_id: str, *, source: object | None = None) -> None:
        """Mark a figure deleted.

        Raises:
            UserError: No such live figure.
        """
        from qclinic.storage.types import utc_now

        with self._writing(source) as session:
            _get(session, outcome_id).deleted_at = utc_now()


def _cleaned(fields: OutcomeFields) -> OutcomeFields:
    if not isinstance(fields.period, date):
        raise UserError(text("outcomes.period_required"))
    rules.check(fields.kind, float(fields.value), fields.level)
    return replace(
        fields, value=float(fields.value), source=fields.source.strip(), note=fields.note.strip()
    )


def _columns(fields: OutcomeFields) -> dict[str, Any]:
    return {
        "kind": fields.kind,
        "value": fields.value,
        "period": fields.period,
        "level": fields.level,
        "visit_id": fields.visit_id,
        "source": fields.source,
        "note": fields.note,
    }


def _check(session: Session, organization_id: str, fields: OutcomeFields, own: str | None) -> None:
    from sqlalchemy import select

    from qclinic.storage.models import Organization, Outcome, Visit

    company = session.get(Organization, organization_id)
    if company is None or company.deleted_at is not None:
        raise UserError(text("outcomes.organization_not_found"))
    if fields.visit_id is not None:
        visit = session.get(Visit, fields.visit_id)
        if visit is None or visit.organization_id != organization_id:
            raise UserError(text("outcomes.visit_elsewhere"))
    twin = session.scalar(
        select(Outcome.id).where(
            Outcome.organization_id == organization_id,
            Outcome.kind == fields.kind,
            Outcome.period == fields.period,
            Outcome.level.is_(None) if fields.level is None else Outcome.level == fields.level,
            Outcome.deleted_at.is_(None),
            Outcome.id != (own or ""),
        )
    )
    if twin is not None:
        raise UserError(
            text(
                "outcomes.duplicate",
                kind=rules.kind_label(fields.kind),
                period=fields.period.isoformat(),
            )
        )


def _get(session: Session, outcome_id: str) -> Outcome:
    from qclinic.storage.models import Outcome

    outcome = session.get(Outcome, outcome_id)
    if outcome is None or outcome.deleted_at is not None:
        raise UserError(text("outcomes.not_found"))
    return outcome


def _live(session: Session, organization_ids: list[str], kind: OutcomeKind | None) -> list[Outcome]:
    from sqlalchemy import select

    from qclinic.storage.models import Outcome

    query = select(Outcome).where(
        Outcome.organization_id.in_(organization_ids), Outcome.deleted_at.is_(None)
    )
    if kind is not None:
        query = query.where(Outcome.kind == kind)
    order = {k: i for i, k in enumerate(OutcomeKind)}
    found = list(session.scalars(query))
    found.sort(key=lambda o: (order[o.kind], o.period, o.level.value if o.level else ""))
    return found


def _row(outcome: Outcome) -> OutcomeRow:
    return OutcomeRow(
        outcome.id,
        outcome.organization_id,
        OutcomeFields(
            kind=outcome.kind,
            value=outcome.value,
            period=outcome.period,
            level=outcome.level,
            visit_id=outcome.visit_id,
            source=outcome.source,
            note=outcome.note,
        ),
    )
