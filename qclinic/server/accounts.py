"""Accounts, roles, device tokens, and who may see which organization."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from qclinic.server.models import Record, Token, User, UserOrganization, utc_now

ROLES = ("admin", "lead", "consultant", "company")
#: a token used again this long after its last renewal is renewed (one write a day at most)
RENEW_AFTER = timedelta(days=1)
_hasher = PasswordHasher()


class AccountError(Exception):
    """A refused account operation; ``code`` names it for the client (see docs/SYNC.md)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


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
    session: Session, name: str, role: str, password: str, organizations: list[str]
) -> User:
    if role not in ROLES:
        raise AccountError("bad_role", f"unknown role {role!r} (one of {', '.join(ROLES)})")
    if session.scalar(select(User).where(User.name == name)) is not None:
        raise AccountError("user_exists", f"user {name!r} exists already")
    if len(password) < 8:
        raise AccountError("weak_password", "a password needs at least 8 characters")
    if role == "company" and len(organizations) != 1:
        raise AccountError("company_org", "a company user needs exactly one --org")
    user = User(name=name, role=role, password_hash=_hasher.hash(password), disabled=False)
    session.add(user)
    session.flush()
    for organization_id in organizations:
        session.add(UserOrganization(user_id=user.id, organization_id=organization_id))
    return user


def find_user(session: Session, name: str) -> User:
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        raise AccountError("no_user", f"no user {name!r}")
    return user


def login(session: Session, name: str, password: str, device: str) -> str:
    """A new device token for *name*, or :class:`AccountError` ``bad_credentials``."""
    user = session.scalar(select(User).where(User.name == name))
    try:
        if user is None or user.disabled:
            raise VerificationError
        _hasher.verify(user.password_hash, password)
    except VerificationError:
        raise AccountError("bad_credentials", "wrong user name or password") from None
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
        raise AccountError("bad_token", "this device's sign-in was revoked or is unknown")
    now = utc_now()
    if lifetime is not None:
        if row.Token.created_at + lifetime < now:
            raise AccountError("expired_token", "this device's sign-in has expired: sign in again")
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


def assigned(session: Session, caller: Caller) -> set[str]:
    return set(
        session.scalars(
            select(UserOrganization.organization_id).where(
                UserOrganization.user_id == caller.user_id
            )
        )
    )


def visible_organizations(session: Session, caller: Caller) -> list[str]:
    """The organizations *caller* may pull from (admin: every one the server holds).

    A lead consultant's chain or region scope is a later slice: today a lead sees what is
    assigned to them, as a consultant.
    """
    if caller.role == "admin":
        return list(
            session.scalars(
                select(Record.row_id).where(Record.entity == "organization").order_by(Record.seq)
            )
        )
    return sorted(assigned(session, caller))


def may_see(session: Session, caller: Caller, organization_id: str) -> bool:
    return caller.role == "admin" or organization_id in assigned(session, caller)


def may_create_organization(session: Session, caller: Caller, organization_id: str) -> bool:
    """A consultant (or lead, admin) may create an organization; it is then assigned to them."""
    if caller.role == "company":
        return organization_id in assigned(session, caller)
    exists = session.scalar(select(Record.row_id).where(Record.row_id == organization_id))
    return exists is None or may_see(session, caller, organization_id)


def assign(session: Session, caller: Caller, organization_id: str) -> None:
    if caller.role != "admin" and organization_id not in assigned(session, caller):
        session.add(UserOrganization(user_id=caller.user_id, organization_id=organization_id))
