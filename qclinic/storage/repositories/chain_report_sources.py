"""What the chain report reads besides the portfolio's figures: the chain itself, the problems
solved in a period (the cases list; the portfolio counts them, the report names them) and the
referrals delivered in it (供需对接: the portfolio counts them, the report lists them)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from qclinic.core.catalogue import text
from qclinic.core.vocabulary import CaseStatus
from qclinic.storage.errors import NotFound
from qclinic.storage.models import (
    Attachment,
    Chain,
    ChainMember,
    ClinicCase,
    Organization,
    Provider,
    Referral,
)


@dataclass(frozen=True)
class ChainHeader:
    id: str
    name: str
    sector: str  # an IndustryChain value, or ""
    region: str


@dataclass(frozen=True)
class SolvedCaseRow:
    id: str
    organization: str
    field: str
    title: str
    prescription: str
    resolved_on: date


def chain_header(session: Session, chain_id: str) -> ChainHeader:
    """The live chain *chain_id*'s name, sector and region.

    Raises:
        NotFound: No such live chain.
    """
    chain = session.get(Chain, chain_id)
    if chain is None or chain.deleted_at is not None:
        raise NotFound(text("chain_report.no_chain", chain=chain_id))
    sector = chain.sector.value if chain.sector is not None else ""
    return ChainHeader(chain.id, chain.name, sector, chain.region or "")


def solved_cases(session: Session, chain_id: str, start: date, end: date) -> list[SolvedCaseRow]:
    """The live clinic cases of the chain's live member companies resolved from *start* to *end*
    (both days included), by day, company and title."""
    query = (
        select(
            ClinicCase.id,
            Organization.name,
            ClinicCase.nqi_category,
            ClinicCase.title,
            ClinicCase.prescription,
            ClinicCase.resolved_on,
        )
        .join(Organization, Organization.id == ClinicCase.organization_id)
        .join(ChainMember, ChainMember.organization_id == ClinicCase.organization_id)
        .where(
            ChainMember.chain_id == chain_id,
            ChainMember.deleted_at.is_(None),
            Organization.deleted_at.is_(None),
            ClinicCase.deleted_at.is_(None),
            ClinicCase.status == CaseStatus.RESOLVED,
            ClinicCase.resolved_on >= start,
            ClinicCase.resolved_on <= end,
        )
        .order_by(ClinicCase.resolved_on, Organization.name, ClinicCase.title, ClinicCase.id)
    )
    return [
        SolvedCaseRow(row[0], row[1], str(row[2]), row[3], row[4] or "", row[5])
        for row in session.execute(query).all()
        if row[5] is not None
    ]


@dataclass(frozen=True)
class ReferralRow:
    id: str
    organization: str
    provider: str
    request: str
    field: str
    status: str
    requested_on: date
    delivered_on: date
    evidence: tuple[str, ...]  # the delivery evidence's file names


def delivered_referrals(
    session: Session, chain_id: str, start: date, end: date
) -> list[ReferralRow]:
    """The live referrals of the chain's live member companies delivered from *start* to *end*
    (both days included) — what the portfolio counts as the chain's referrals — each with the
    file names of its live delivery evidence; by delivery day, company and id. One query for the
    chain (the evidence joined), not one per company."""
    query = (
        select(
            Referral.id,
            Organization.name,
            Provider.name,
            Referral.request,
            Referral.nqi_category,
            Referral.status,
            Referral.requested_on,
            Referral.delivered_on,
            Attachment.file_name,
        )
        .join(Organization, Organization.id == Referral.organization_id)
        .join(ChainMember, ChainMember.organization_id == Referral.organization_id)
        .join(Provider, Provider.id == Referral.provider_id)
        .outerjoin(
            Attachment,
            (Attachment.referral_id == Referral.id) & Attachment.deleted_at.is_(None),
        )
        .where(
            ChainMember.chain_id == chain_id,
            ChainMember.deleted_at.is_(None),
            Organization.deleted_at.is_(None),
            Referral.deleted_at.is_(None),
            Referral.delivered_on >= start,
            Referral.delivered_on <= end,
        )
        .order_by(Referral.delivered_on, Organization.name, Referral.id, Attachment.file_name)
    )
    found: dict[str, ReferralRow] = {}
    for row in session.execute(query).all():
        if row[7] is None:  # not delivered: the query leaves them out
            continue
        held = found.get(row[0])
        files = (row[8],) if row[8] is not None else ()
        if held is not None:
            found[row[0]] = replace(held, evidence=held.evidence + files)
            continue
        found[row[0]] = ReferralRow(
            row[0], row[1], row[2], row[3], str(row[4]), str(row[5]), row[6], row[7], files
        )
    return list(found.values())
