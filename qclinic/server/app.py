"""The HTTP API, v1 (docs/SYNC.md): login, organizations, push, pull (one key, or many:
pull_many.py), conflicts (listing them, resolving them, recording and listing the resolutions
desktops made), team work (team.py); blobs (blob_api.py).

A push, a login and a resolution (a lead's, or a desktop's) write, in a session of
:func:`qclinic.server.db.sessions` (on SQLite queued on one lock per process,
:func:`sqlite_gate`); everything else (the sign-in check of each request, the organization
list, a pull, the conflicts and resolutions lists) reads, in a session of
:func:`qclinic.server.db.read_sessions` that takes no write lock, so pulls never queue behind
pushes. Text the database keeps is bounded here, as its columns are (PostgreSQL refuses what
SQLite would store: a longer string, a NUL character), so bad input is a 422 on both backends."""


# no "from __future__ import annotations": FastAPI reads the endpoints' annotations, which name
# dependencies local to create_app

from collections.abc import AsyncIterator, Iterator
from contextlib import AbstractAsyncContextManager, nullcontext
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any, Literal

import anyio
from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, StringConstraints
from sqlalchemy.orm import Session, sessionmaker

from qclinic.server import accounts, limits
from qclinic.server.accounts import AccountError, Caller
from qclinic.server.conflicts import (
    conflicts_page,
    record_resolutions,
    resolutions_page,
    resolve_conflict,
)
from qclinic.server.db import read_sessions
from qclinic.server.pull import page
from qclinic.server.pull_many import MAX_KEYS, pages
from qclinic.server.push import Forbidden, apply_push
from qclinic.server.scope import ScopeCache, visible_keys
from qclinic.storage.sync_rows import DIRECTORY_SCOPE

PROTOCOL = 1
MAX_BATCH = 5000
MAX_PAGE = 5000
_NO_NUL = r"^[^\x00]*$"


def _bounded(max_length: int, min_length: int = 0) -> StringConstraints:
    """At most *max_length* characters (the column the string goes to), and no NUL."""
    return StringConstraints(min_length=min_length, max_length=max_length, pattern=_NO_NUL)


#: a device token not used for this long is refused (``expired_token``); each use renews it
DEFAULT_TOKEN_DAYS = 90


class LoginRequest(BaseModel):
    user: Annotated[str, _bounded(100)]
    password: Annotated[str, _bounded(1000)]
    device: Annotated[str, _bounded(1000)] = "unnamed device"  # kept to its first 200 characters


class ChangeIn(BaseModel):
    change_id: Annotated[str, _bounded(100, 1)]
    entity: Annotated[str, _bounded(64, 1)]
    row_id: Annotated[str, _bounded(36, 1)]
    organization_id: Annotated[str, _bounded(36, 1)]
    base_revision: int = 0
    fields: dict[Annotated[str, _bounded(64, 1)], Any] = {}
    deleted: bool = False


class AssignmentRequest(BaseModel):
    user: str = Field(min_length=1, max_length=100)
    organization: str = Field(min_length=1, max_length=36)
    assigned: bool = True


class PushRequest(BaseModel):
    changes: list[ChangeIn] = Field(max_length=MAX_BATCH)


class ResolutionIn(BaseModel):
    """A desktop's resolution of its copy of a conflict (docs/SYNC.md, "Resolutions travel")."""

    change_id: Annotated[str, _bounded(100, 1)]
    field: Annotated[str, _bounded(64, 1)]
    resolution: Literal["mine", "theirs", "merged"]
    value: Any = None
    #: the desktop's idempotency key for this resolution (its copy's id)
    key: Annotated[str, _bounded(100, 1)]


class ResolutionsRequest(BaseModel):
    resolutions: list[ResolutionIn] = Field(max_length=MAX_BATCH)


class PullKey(BaseModel):
    key: Annotated[str, _bounded(36, 1)]
    after: int = Field(default=0, ge=0)


class PullManyRequest(BaseModel):
    scopes: list[PullKey] = Field(max_length=MAX_KEYS)
    limit: int = Field(default=1000, ge=1, le=MAX_PAGE)


def refusal(status: int, code: str, message: str) -> HTTPException:
    return HTTPException(status, detail={"code": code, "message": message})


def sqlite_gate(factory: sessionmaker[Session]) -> AbstractAsyncContextManager[object]:
    """What a request holds while it has a database session: on SQLite, one lock per process.

    SQLite lets one transaction write at a time, and every transaction here begins IMMEDIATE
    (db.py), so requests were serialised already — but by SQLite's busy handler, which polls
    and is not fair: with 20 clients pushing at once, some waited past the busy timeout and
    got "database is locked" (benchmarks/bench_concurrent_push.py). Queued on this lock they
    wait their turn instead, in the event loop (a worker thread blocked on it could starve the
    thread pool the endpoints run in). Other databases lock rows, and get no gate.
    """
    bind = factory.kw.get("bind")
    if bind is not None and bind.dialect.name == "sqlite":
        return anyio.Lock()
    return nullcontext()


def create_app(
    factory: sessionmaker[Session],
    readers: sessionmaker[Session] | None = None,
    *,
    blobs_dir: Path | None = None,
    max_body: int = limits.DEFAULT_MAX_BODY,
    token_days: float = DEFAULT_TOKEN_DAYS,
) -> FastAPI:
    """The API over *factory*'s sessions (writes) and *readers* (reads; by default read-only
    sessions of the same engine); with *blobs_dir* (``DATA_DIR/blobs``) the blob endpoints too.
    Request bodies over *max_body* bytes are refused (413), and a token unused for *token_days*
    days has expired (401 ``expired_token``)."""
    app = FastAPI(title="QClinic server", version=str(PROTOCOL))
    reading = readers or read_sessions(factory.kw["bind"])
    scopes = ScopeCache()
    limits.install(app, max_body)
    lifetime = timedelta(days=token_days)
    gate = sqlite_gate(factory)

    async def db() -> AsyncIterator[Session]:
        # Commits are explicit, in the endpoint: a dependency's exit may run after the response
        # is sent, and a client must never hear "applied" before the change is durable.
        async with gate:
            with factory() as session:
                yield session

    def ungated() -> Iterator[Session]:
        # the blob endpoints: they hold their session while bytes stream in or out, for as
        # long as the client's link takes, and their transactions are short reads and one grant
        with factory() as session:
            yield session

    def read_db() -> Iterator[Session]:
        with reading() as session:
            yield session

    def caller(authorization: Annotated[str | None, Header()] = None) -> Caller:
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token or "\x00" in token:
            raise refusal(401, "no_token", "sign in first")
        # its own short read: a push's write transaction starts after it, in the endpoint
        with reading() as session:
            try:
                found = accounts.caller_for(session, token, lifetime)
            except AccountError as error:
                raise refusal(401, error.code, str(error)) from None
            renew = bool(session.dirty)
            session.rollback()
        if renew:  # at most once a day per token: a short write of its own
            with factory() as session, session.begin():
                accounts.caller_for(session, token, lifetime)
        return found

    @app.get("/v1/hello")
    def hello() -> dict[str, Any]:
        return {"server": "qclinic", "protocol": PROTOCOL, "max_body": max_body}

    @app.post("/v1/login")
    def login(
        body: LoginRequest, request: Request, session: Annotated[Session, Depends(db)]
    ) -> dict[str, Any]:
        # its own transaction: a refused login must not roll back with anything else
        with session.begin():
            try:
                token = accounts.login(session, body.user, body.password, body.device)
            except AccountError as error:
                raise refusal(401, error.code, str(error)) from None
            user = accounts.find_user(session, body.user)
            return {"token": token, "user": user.name, "role": user.role, "protocol": PROTOCOL}

    @app.get("/v1/organizations")
    def organizations(
        session: Annotated[Session, Depends(read_db)], who: Annotated[Caller, Depends(caller)]
    ) -> dict[str, Any]:
        organization_ids, chain_ids = visible_keys(session, who)
        return {
            "organizations": organization_ids,
            "chains": chain_ids,
            "directories": [DIRECTORY_SCOPE],
        }

    @app.post("/v1/push")
    def push(
        body: PushRequest,
        session: Annotated[Session, Depends(db)],
        who: Annotated[Caller, Depends(caller)],
    ) -> JSONResponse:
        changes = [change.model_dump() for change in body.changes]
        try:
            results = apply_push(session, who, changes)
        except Forbidden as error:
            raise refusal(403, "forbidden", str(error)) from None
        # already JSON (the request's values, the database's JSON): no re-encoding by FastAPI
        return JSONResponse({"results": results})

    @app.get("/v1/pull")
    def pull(
        session: Annotated[Session, Depends(read_db)],
        who: Annotated[Caller, Depends(caller)],
        organization: Annotated[str, Query(min_length=1, max_length=36, pattern=_NO_NUL)],
        after: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1000,
    ) -> JSONResponse:
        scope = scopes.scope(session, who)
        if not scope.may_see(organization):
            raise refusal(403, "forbidden", f"no access to organization {organization}")
        return JSONResponse(page(session, organization, after, limit, scope))

    @app.post("/v1/pull/many")
    def pull_many(
        body: PullManyRequest,
        session: Annotated[Session, Depends(read_db)],
        who: Annotated[Caller, Depends(caller)],
    ) -> JSONResponse:
        # read like a one-key pull: no gate, no write lock, one snapshot for every key
        scope = scopes.scope(session, who)
        wanted = [(item.key, item.after) for item in body.scopes]
        return JSONResponse(pages(session, wanted, body.limit, scope))

    def among(session: Session, who: Caller, organization: str | None) -> list[str] | None:
        """The scope keys a conflicts list covers: *organization* (403 unless seen), else every
        key *who* sees (``None``: all)."""
        scope = scopes.scope(session, who)
        if organization is not None:
            if not scope.may_see(organization):
                raise refusal(403, "forbidden", f"no access to organization {organization}")
            return [organization]
        keys = (scope.organizations, scope.chains)
        return None if None in keys else sorted(set().union(*keys, {DIRECTORY_SCOPE}))  # type: ignore[arg-type]

    @app.get("/v1/conflicts")
    def conflicts(
        session: Annotated[Session, Depends(read_db)],
        who: Annotated[Caller, Depends(caller)],
        organization: Annotated[str | None, Query(max_length=36, pattern=_NO_NUL)] = None,
        after: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1000,
    ) -> dict[str, Any]:
        return conflicts_page(session, among(session, who, organization), after, limit)

    @app.get("/v1/conflicts/resolutions")
    def resolutions(
        session: Annotated[Session, Depends(read_db)],
        who: Annotated[Caller, Depends(caller)],
        organization: Annotated[str | None, Query(max_length=36, pattern=_NO_NUL)] = None,
        after: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1000,
    ) -> dict[str, Any]:
        return resolutions_page(session, among(session, who, organization), after, limit)

    @app.post("/v1/conflicts/resolutions")
    def record(
        body: ResolutionsRequest,
        session: Annotated[Session, Depends(db)],
        who: Annotated[Caller, Depends(caller)],
    ) -> dict[str, Any]:
        wanted = [resolution.model_dump() for resolution in body.resolutions]
        return {"results": record_resolutions(session, who, wanted)}

    @app.post("/v1/conflicts/{conflict_id}/resolve")
    def resolve(
        conflict_id: int,
        session: Annotated[Session, Depends(db)],
        who: Annotated[Caller, Depends(caller)],
    ) -> dict[str, Any]:
        try:
            conflict = resolve_conflict(session, who, conflict_id)
        except Forbidden as error:
            raise refusal(403, "forbidden", str(error)) from None
        except LookupError:
            raise refusal(404, "no_conflict", f"no conflict {conflict_id}") from None
        return conflict

    @app.get("/v1/team")
    def team_list(
        session: Annotated[Session, Depends(db)], who: Annotated[Caller, Depends(caller)]
    ) -> dict[str, Any]:
        from qclinic.server.team import TeamRefused, team

        try:
            return {"team": team(session, who)}
        except TeamRefused as error:
            raise refusal(error.status, error.code, str(error)) from None

    @app.post("/v1/assignments")
    def assignments(
        body: AssignmentRequest,
        session: Annotated[Session, Depends(db)],
        who: Annotated[Caller, Depends(caller)],
    ) -> dict[str, Any]:
        from qclinic.server.team import TeamRefused, set_assignment

        try:
            return set_assignment(session, who, body.user, body.organization, body.assigned)
        except TeamRefused as error:
            raise refusal(error.status, error.code, str(error)) from None

    if blobs_dir is not None:
        from qclinic.server import blob_api
        from qclinic.server.blobs import ServerBlobs

        app.state.blobs = ServerBlobs(blobs_dir)
        blob_api.register(app, ungated, caller, app.state.blobs)
    return app
