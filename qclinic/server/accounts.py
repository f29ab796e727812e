"""Accounts, roles, device tokens, and who may see which organization."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from qclinic.core.catalogue import text
from qclinic.core.text import Text
from qclinic.server.models import Token, User, UserChain, UserOrganization, UserRegion, utc_now

ROLES = ("admin", "lead", "consultant", "company")
#: a token used again this long after its last renewal is renewed (one write a day at most)
RENEW_AFTER = timedelta(days=1)
_hasher = PasswordHasher()


class AccountError(Exception):
    """A refused account operation; ``code`` names it for the client (see docs/SYNC.md).

    ``str()`` is the English message (the HTTP API's); :attr:`text` has both languages (the
    command line's ``--lang``).
    """

    def __init__(self, code: str, message: Text) -> None:
        super().__init__(message.en)
        self.code = code
        self.text = message


@dataclass(frozen=True)
class Caller:
    """The user behind a request's token."""

    user_id: int
    name: str
    role: str
    device: str


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def add_user(
    session: Session,
    name: str,
    role: str,
    password: str,
    organizations: list[str],
    *,
    chains: Sequence[str] = (),
    regions: Sequence[str] = (),
) -> User:
    """A new user with their assignments: organizations, and a lead's chains and regions."""
    if role not in ROLES:
        raise AccountError("bad_role", text("server.bad_role", role=role, roles=", ".join(ROLES)))
    if session.scalar(select(User).where(User.name == name)) is not None:
        raise AccountError("user_exists", text("server.user_exists", user=name))
    if len(password) < 8:
        raise AccountError("weak_password", text("server.weak_password"))
    if role == "company" and len(organizations) != 1:
        raise AccountError("company_org", text("server.company_org"))
    user = User(name=name, role=role, password_hash=_hasher.hash(password), disabled=False)
    _check_assignable(user, list(chains), list(regions))
    session.add(user)
    session.flush()
    _add_assignments(session, user, list(organizations), list(chains), list(regions))
    return user


def find_user(session: Session, name: str) -> User:
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        raise AccountError("no_user", text("server.no_user", user=name))
    return user


def login(session: Session, name: str, password: str, device: str) -> str:
    """A new device token for *name*, or :class:`AccountError` ``bad_credentials``."""
    user = session.scalar(select(User).where(User.name == name))
    try:
        if user is None or user.disabled:
            raise VerificationError
        _hasher.verify(user.password_hash, password)
    except VerificationError:
        raise AccountError("bad_credentials", text("server.bad_credentials")) from None
    token = secrets.token_urlsafe(32)
    session.add(Token(user_id=user.id, token_hash=token_hash(token), device=device[:200]))
    return token


def caller_for(session: Session, token: str, lifetime: timedelta | None = None) -> Caller:
    """The user a token belongs to, or :class:`AccountError` ``bad_token`` (revoked, unknown,
    user disabled) or ``expired_token`` (unused for longer than *lifetime*).

    A token's ``created_at`` is when it was issued or last renewed: a use more than
    :data:`RENEW_AFTER` after it moves it to now (in *session*; the caller commits), so a
    device that syncs now and then never expires and one left in a drawer does.
    """
    row = session.execute(
        select(Token, User)
        .join(User, User.id == Token.user_id)
        .where(Token.token_hash == token_hash(token))
    ).first()
    if row is None or row.Token.revoked_at is not None or row.User.disabled:
        raise AccountError("bad_token", text("server.bad_token"))
    now = utc_now()
    if lifetime is not None:
        if row.Token.created_at + lifetime < now:
            raise AccountError("expired_token", text("sync.fault_server_token_expired"))
        if row.Token.created_at + RENEW_AFTER < now:
            row.Token.created_at = now
    return Caller(row.User.id, row.User.name, row.User.role, row.Token.device)


def revoke_tokens(session: Session, name: str) -> int:
    user = find_user(session, name)
    result = session.execute(
        update(Token)
        .where(Token.user_id == user.id, Token.revoked_at.is_(None))
        .values(revoked_at=utc_now())
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Assignments:
    """What a user is assigned: organizations, chains and regions (each sorted)."""

    organizations: list[str]
    chains: list[str]
    regions: list[str]


def assignments(session: Session, user: User) -> Assignments:
    return Assignments(
        sorted(
            session.scalars(
                select(UserOrganization.organization_id).where(UserOrganization.user_id == user.id)
            )
        ),
        sorted(session.scalars(select(UserChain.chain_id).where(UserChain.user_id == user.id))),
        sorted(session.scalars(select(UserRegion.region).where(UserRegion.user_id == user.id))),
    )


def assign(
    session: Session,
    name: str,
    organizations: Sequence[str] = (),
    chains: Sequence[str] = (),
    regions: Sequence[str] = (),
) -> User:
    """Add assignments to *name* (those held already are kept once)."""
    user = find_user(session, name)
    _check_assignable(user, list(chains), list(regions))
    if user.role == "company" and organizations:
        raise AccountError("company_org", text("server.company_org"))
    _add_assignments(session, user, list(organizations), list(chains), list(regions))
    return user


def unassign(
    session: Session,
    name: str,
    organizations: Sequence[str] = (),
    chains: Sequence[str] = (),
    regions: Sequence[str] = (),
) -> User:
    """Take assignments from *name*; one they do not hold is refused (a typo says so)."""
    user = find_user(session, name)
    held = assignments(session, user)
    if user.role == "company" and organizations:
        raise AccountError("company_org", text("server.company_org"))
    for kind, wanted, have in (
        ("org", organizations, held.organizations),
        ("chain", chains, held.chains),
        ("region", regions, held.regions),
    ):
        for value in wanted:
            if value not in have:
                raise AccountError(
                    "not_assigned",
                    text("server.not_assigned", user=name, option=f"--{kind}", value=value),
                )
    for organization_id in organizations:
        session.execute(
            delete(UserOrganization).where(
                UserOrganization.user_id == user.id,
                UserOrganization.organization_id == organization_id,
            )
        )
    for chain_id in chains:
        session.execute(
            delete(UserChain).where(UserChain.user_id == user.id, UserChain.chain_id == chain_id)
        )
    for region in regions:
        session.execute(
            delete(UserRegion).where(UserRegion.user_id == user.id, UserRegion.region == region)
        )
    return user


def _check_assignable(user: User, chains: list[str], regions: list[str]) -> None:
    """Chains and regions give a lead their scope; a company user's scope is their organization."""
    if regions and user.role != "lead":
        raise AccountError("lead_only", text("server.lead_only", option="--region"))
    if chains and user.role != "lead":
        raise AccountError("lead_only", text("server.lead_only", option="--chain"))


def _add_assignments(
    session: Session, user: User, organizations: list[str], chains: list[str], regions: list[str]
) -> None:
    for organization_id in organizations:
        session.merge(UserOrganization(user_id=user.id, organization_id=organization_id))
    for chain_id in chains:
        session.merge(UserChain(user_id=user.id, chain_id=chain_id))
    for region in regions:
        session.merge(UserRegion(user_id=user.id, region=region))
