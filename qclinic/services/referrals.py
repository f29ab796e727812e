"""Referrals (供需对接): a clinic case's or a finding's prescription sends the company to an NQI
service provider — calibrate these gauges, certify this product — and follows it requested →
accepted → delivered → closed, each step dated, with the delivery evidence attached.

Moves follow :data:`~qclinic.core.vocabulary.REFERRAL_TRANSITIONS`; moving back from accepted to
requested clears the acceptance date. The evidence (a calibration certificate, a test report)
is an attachment owned by the referral, its bytes in the blob store like any other evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qclinic.core.catalogue import text
from qclinic.core.text import Text
from qclinic.core.vocabulary import REFERRAL_TRANSITIONS, NqiCategory, ReferralStatus
from qclinic.errors import UserError
from qclinic.services.base import Service
from qclinic.storage.models import (
    Assessment,
    Attachment,
    ClinicCase,
    Finding,
    Organization,
    Provider,
    Referral,
)
from qclinic.storage.repositories._common import soft_delete

__all__ = ["EvidenceRow", "ReferralRow", "ReferralService"]

#: the date column each status records
STEP_DATES = {
    ReferralStatus.REQUESTED: "requested_on",
    ReferralStatus.ACCEPTED: "accepted_on",
    ReferralStatus.DELIVERED: "delivered_on",
    ReferralStatus.CLOSED: "closed_on",
}


@dataclass(frozen=True, slots=True)
class ReferralRow:
    """A referral as lists show it: its company, provider, source and evidence count."""

    id: str
    organization_id: str
    organization_name: str
    provider_id: str
    provider_name: str
    case_id: str | None
    finding_id: str | None
    nqi_category: NqiCategory
    request: str
    status: ReferralStatus
    requested_on: date
    accepted_on: date | None
    delivered_on: date | None
    closed_on: date | None
    note: str
    evidence: int
    #: the title of the clinic case it came from, else of the finding ("" if neither is live)
    source_title: str = ""

    def last_step_on(self) -> date:
        """The date of the step the referral is at: the next step may not be dated before it."""
        found: date | None = getattr(self, STEP_DATES[self.status])
        return found or self.requested_on

    def as_dict(self) -> dict[str, Any]:
        def day(value: date | None) -> str | None:
            return None if value is None else value.isoformat()

        return {
            "id": self.id,
            "organization_id": self.organization_id,
            "organization": self.organization_name,
            "provider_id": self.provider_id,
            "provider": self.provider_name,
            "case_id": self.case_id,
            "finding_id": self.finding_id,
            "nqi_category": self.nqi_category.value,
            "request": self.request,
            "status": self.status.value,
            "requested_on": day(self.requested_on),
            "accepted_on": day(self.accepted_on),
            "delivered_on": day(self.delivered_on),
            "closed_on": day(self.closed_on),
            "note": self.note,
            "evidence": self.evidence,
            "source_title": self.source_title,
        }


@dataclass(frozen=True, slots=True)
class EvidenceRow:
    """One delivery evidence file of a referral."""

    id: str
    file_name: str
    mime_type: str
    size: int
    sha256: str
    caption: str


def move_refused(before: ReferralStatus, after: ReferralStatus) -> Text:
    """The refusal of a move, the statuses named by their labels in each language."""
    template = text("referrals.move_refused")
    old, new = text(f"referrals.status.{before.value}"), text(f"referrals.status.{after.value}")
    return Text(
        template.zh.format(before=old.zh, after=new.zh),
        template.en.format(before=old.en, after=new.en),
    )


def _step_name(status: ReferralStatus) -> Text:
    """A step as a noun inside a sentence: 受理 / acceptance."""
    return text(f"referrals.step.{status.value}")


def _before_request(status: ReferralStatus, day: date, requested: date) -> Text:
    """The refusal of a step dated before the request, the step named in each language."""
    step = _step_name(status)
    dates = {"day": day.isoformat(), "requested": requested.isoformat()}
    return Text(
        text("referrals.date_before_request", step=step.zh, **dates).zh,
        text("referrals.date_before_request", step=step.en, **dates).en,
    )


def step_date_refusal(
    referral: Referral, status: ReferralStatus, day: date, today: date
) -> Text | None:
    """Why *day* cannot date the move of *referral* to *status* (``None``: it can).

    A step is dated on or after the step before it (the date of the referral's current status;
    the request's for a referral closed without being accepted) and never after *today*: a
    consultant records steps after the fact, not ahead of them.
    """
    if day > today:
        step = _step_name(status)
        dates = {"day": day.isoformat(), "today": today.isoformat()}
        return Text(
            text("referrals.date_in_future", step=step.zh, **dates).zh,
            text("referrals.date_in_future", step=step.en, **dates).en,
        )
    if day < referral.requested_on:
        return _before_request(status, day, referral.requested_on)
    previous = previous_step(referral)
    before: date | None = getattr(referral, STEP_DATES[previous])
    if before is not None and day < before:
        step, earlier = _step_name(status), _step_name(previous)
        dates = {"day": day.isoformat(), "before": before.isoformat()}
        return Text(
            text("referrals.date_before_step", step=step.zh, previous=earlier.zh, **dates).zh,
            text("referrals.date_before_step", step=step.en, previous=earlier.en, **dates).en,
        )
    return None


def previous_step(referral: Referral) -> ReferralStatus:
    """The step whose date the next step may not precede: the referral's current status."""
    return ReferralStatus(referral.status)


def earliest_step_date(referral: Referral) -> date:
    """The earliest date the next step of *referral* can carry (the current step's date)."""
    found: date | None = getattr(referral, STEP_DATES[previous_step(referral)])
    return found or referral.requested_on


class ReferralService(Service):
    """The referrals of every organization to the providers of the directory."""

    def refer(
        self,
        provider_id: str,
        category: NqiCategory,
        request: str,
        *,
        case_id: str | None = None,
        finding_id: str | None = None,
        requested_on: date | None = None,
        note: str = "",
        source: object | None = None,
    ) -> Referral:
        """Refer the company of *case_id* and/or *finding_id* to *provider_id* for *request*
        in the NQI field *category* (requested today by default).

        Raises:
            UserError: No case nor finding; they are two companies'; no request; a request
                dated after today; the case, finding or provider is gone.
        """
        request = request.strip()
        if not request:
            raise UserError(text("referrals.request_required"))
        if not case_id and not finding_id:
            raise UserError(text("referrals.source_required"))
        today = date.today()
        if requested_on is not None and requested_on > today:
            step = _step_name(ReferralStatus.REQUESTED)
            dates = {"day": requested_on.isoformat(), "today": today.isoformat()}
            raise UserError(
                Text(
                    text("referrals.date_in_future", step=step.zh, **dates).zh,
                    text("referrals.date_in_future", step=step.en, **dates).en,
                )
            )
        with self._writing(source) as session:
            organization_id = self._organization(session, case_id, finding_id)
            provider = session.get(Provider, provider_id)
            if provider is None or provider.deleted_at is not None:
                raise UserError(text("referrals.provider_not_found"))
            referral = Referral(
                organization_id=organization_id,
                case_id=case_id or None,
                finding_id=finding_id or None,
                provider_id=provider_id,
                nqi_category=NqiCategory(category),
                request=request,
                status=ReferralStatus.REQUESTED,
                requested_on=requested_on or today,
                note=note.strip(),
            )
            session.add(referral)
            session.flush()
            return referral

    def edit(self, referral_id: str, *, source: object | None = None, **changes: Any) -> Referral:
        """Change the request, note, field or provider of a referral.

        Raises:
            UserError: An empty request; the referral or the new provider is gone.
        """
        allowed = {"request", "note", "nqi_category", "provider_id"}
        unknown = sorted(set(changes) - allowed)
        if unknown:
            raise TypeError(f"Referral: cannot edit {', '.join(unknown)}")
        if "request" in changes:
            changes["request"] = str(changes["request"]).strip()
            if not changes["request"]:
                raise UserError(text("referrals.request_required"))
        if "note" in changes:
            changes["note"] = str(changes["note"]).strip()
        if "nqi_category" in changes:
            changes["nqi_category"] = NqiCategory(changes["nqi_category"])
        with self._writing(source) as session:
            referral = self._live(session, referral_id)
            if "provider_id" in changes:
                provider = session.get(Provider, changes["provider_id"])
                if provider is None or provider.deleted_at is not None:
                    raise UserError(text("referrals.provider_not_found"))
            for name, value in changes.items():
                setattr(referral, name, value)
            return referral

    def move(
        self,
        referral_id: str,
        status: ReferralStatus,
        *,
        on: date | None = None,
        note: str = "",
        source: object | None = None,
    ) -> Referral:
        """Move the referral one step, recording the step's date (*on*, today by default) and,
        when given, a *note* on the step (a line ``<date> <note>`` added to the referral's note).

        Raises:
            UserError: The move is not allowed; the date is after today, or before the step
                before it (the request, the acceptance, the delivery).
        """
        status = ReferralStatus(status)
        today = date.today()
        day = on or today
        note = note.strip()
        with self._writing(source) as session:
            referral = self._live(session, referral_id)
            if status not in REFERRAL_TRANSITIONS[referral.status]:
                raise UserError(move_refused(referral.status, status))
            if status is not ReferralStatus.REQUESTED:
                refusal = step_date_refusal(referral, status, day, today)
                if refusal is not None:
                    raise UserError(refusal)
            if status is ReferralStatus.REQUESTED:
                referral.accepted_on = None
            else:
                setattr(referral, STEP_DATES[status], day)
            referral.status = status
            if note:
                line = f"{day.isoformat()} {note}"
                referral.note = f"{referral.note}\n{line}" if referral.note else line
            return referral

    def attach_evidence(
        self,
        referral_id: str,
        data: bytes,
        file_name: str,
        *,
        caption: str = "",
        mime_type: str | None = None,
        source: object | None = None,
    ) -> Attachment:
        """Attach a delivery evidence file (a calibration certificate PDF, a photo of it) to a
        delivered or closed referral; the bytes go to the blob store first.

        Raises:
            UserError: The referral is not delivered yet, or gone.
        """
        from qclinic.storage.repositories.attachments import add_attachment

        with self._writing(source) as session:
            referral = self._live(session, referral_id)
            if referral.delivered_on is None:
                raise UserError(text("referrals.evidence_needs_delivery"))
            return add_attachment(
                session,
                self._database.blobs,
                data,
                file_name,
                mime_type=mime_type,
                caption=caption.strip(),
                referral_id=referral_id,
            )

    def delete(self, referral_id: str, *, source: object | None = None) -> None:
        with self._writing(source) as session:
            soft_delete(self._live(session, referral_id))

    # --- reads -------------------------------------------------------------------------------
    def rows(
        self,
        *,
        organization_id: str | None = None,
        case_id: str | None = None,
        finding_id: str | None = None,
        provider_id: str | None = None,
    ) -> list[ReferralRow]:
        """The live referrals, oldest request first, narrowed by any of the given owners."""
        evidence = (
            select(Attachment.referral_id, func.count().label("n"))
            .where(Attachment.referral_id.is_not(None), Attachment.deleted_at.is_(None))
            .group_by(Attachment.referral_id)
            .subquery()
        )
        query = (
            select(
                Referral,
                Organization.name,
                Provider.name,
                evidence.c.n,
                func.coalesce(ClinicCase.title, Finding.title, ""),
            )
            .join(Organization, Organization.id == Referral.organization_id)
            .join(Provider, Provider.id == Referral.provider_id)
            .outerjoin(evidence, evidence.c.referral_id == Referral.id)
            .outerjoin(
                ClinicCase,
                (ClinicCase.id == Referral.case_id) & ClinicCase.deleted_at.is_(None),
            )
            .outerjoin(Finding, (Finding.id == Referral.finding_id) & Finding.deleted_at.is_(None))
            .where(Referral.deleted_at.is_(None))
        )
        for column, value in (
            (Referral.organization_id, organization_id),
            (Referral.case_id, case_id),
            (Referral.finding_id, finding_id),
            (Referral.provider_id, provider_id),
        ):
            if value is not None:
                query = query.where(column == value)
        with self._reading() as session:
            found = session.execute(query.order_by(Referral.requested_on, Referral.id))
            return [
                ReferralRow(
                    r.id,
                    r.organization_id,
                    organization_name,
                    r.provider_id,
                    provider_name,
                    r.case_id,
                    r.finding_id,
                    r.nqi_category,
                    r.request,
                    r.status,
                    r.requested_on,
                    r.accepted_on,
                    r.delivered_on,
                    r.closed_on,
                    r.note,
                    int(count or 0),
                    str(title),
                )
                for r, organization_name, provider_name, count, title in found
            ]

    def evidence(self, referral_id: str) -> list[EvidenceRow]:
        """The live delivery evidence files of *referral_id*, oldest first."""
        with self._reading() as session:
            return [
                EvidenceRow(a.id, a.file_name, a.mime_type, a.size, a.sha256, a.caption)
                for a in session.scalars(
                    select(Attachment)
                    .where(Attachment.referral_id == referral_id, Attachment.deleted_at.is_(None))
                    .order_by(Attachment.id)
                )
            ]

    # --- helpers -----------------------------------------------------------------------------
    @staticmethod
    def _live(session: Session, referral_id: str) -> Referral:
        referral = session.get(Referral, referral_id)
        if referral is None or referral.deleted_at is not None:
            raise UserError(text("referrals.not_found"))
        return referral

    @staticmethod
    def _organization(session: Session, case_id: str | None, finding_id: str | None) -> str:
        """The company a referral from *case_id* and/or *finding_id* is for."""
        found: set[str] = set()
        if case_id:
            case = session.get(ClinicCase, case_id)
            if case is None or case.deleted_at is not None:
                raise UserError(text("referrals.case_not_found"))
            found.add(case.organization_id)
        if finding_id:
            organization = session.scalar(
                select(Assessment.organization_id)
                .join(Finding, Finding.assessment_id == Assessment.id)
                .where(Finding.id == finding_id, Finding.deleted_at.is_(None))
            )
            if organization is None:
                raise UserError(text("referrals.finding_not_found"))
            found.add(organization)
        if len(found) != 1:
            raise UserError(text("referrals.source_other_company"))
        return found.pop()
