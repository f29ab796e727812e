"""The HTTP API, v1 (docs/SYNC.md): login, organizations, push, pull, resolving conflicts, team
work (team.py); blobs (blob_api.py)."""

# no "from __future__ import annotations": FastAPI reads the endpoints' annotations, which name
# dependencies local to create_app

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session, sessionmaker

from qclinic.server import accounts
from qclinic.server.accounts import AccountError, Caller
from qclinic.server.conflicts import resolve_conflict
from qclinic.server.pull import page
from qclinic.server.push import Forbidden, apply_push
from qclinic.server.scope import ScopeCache, visible_keys

PROTOCOL = 1
MAX_BATCH = 5000
MAX_PAGE = 5000


class LoginRequest(BaseModel):
    user: str
    password: str
    device: str = "unnamed device"


class ChangeIn(BaseModel):
    change_id: str = Field(min_length=1, max_length=100)
    entity: str
    row_id: str = Field(min_length=1, max_length=36)
    organization_id: str = Field(min_length=1, max_length=36)
    base_revision: int = 0
    fields: dict[str, Any] = {}
    deleted: bool = False


class AssignmentRequest(BaseModel):
    user: str = Field(min_length=1, max_length=100)
    organization: str = Field(min_length=1, max_length=36)
    assigned: bool = True


class PushRequest(BaseModel):
    changes: list[ChangeIn] = Field(max_length=MAX_BATCH)


def refusal(status: int, code: str, message: str) -> HTTPException:
    return HTTPException(status, detail={"code": code, "message": message})


def create_app(factory: sessionmaker[Session], blobs_dir: Path | None = None) -> FastAPI:
    """The API over *factory*'s database; with *blobs_dir* (``DATA_DIR/blobs``) the blob
    endpoints too."""
    app = FastAPI(title="QClinic server", version=str(PROTOCOL))
    scopes = ScopeCache()

    def db() -> Iterator[Session]:
        # Commits are explicit, in the endpoint: a dependency's exit may run after the response
        # is sent, and a client must never hear "applied" before the change is durable.
        with factory() as session:
            yield session

    def caller(
        session: Annotated[Session, Depends(db)],
        authorization: Annotated[str | None, Header()] = None,
    ) -> Caller:
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise refusal(401, "no_token", "sign in first")
        try:
            return accounts.caller_for(session, token)
        except AccountError as error:
            raise refusal(401, error.code, str(error)) from None

    @app.get("/v1/hello")
    def hello() -> dict[str, Any]:
        return {"server": "qclinic", "protocol": PROTOCOL}

    @app.post("/v1/login")
    def login(body: LoginRequest, request: Request) -> dict[str, Any]:
        # its own transaction: a refused login must not roll back with anything else
        with factory() as session, session.begin():
            try:
                token = accounts.login(session, body.user, body.password, body.device)
            except AccountError as error:
                raise refusal(401, error.code, str(error)) from None
            user = accounts.find_user(session, body.user)
            return {"token": token, "user": user.name, "role": user.role, "protocol": PROTOCOL}

    @app.get("/v1/organizations")
    def organizations(
        session: Annotated[Session, Depends(db)], who: Annotated[Caller, Depends(caller)]
    ) -> dict[str, Any]:
        organization_ids, chain_ids = visible_keys(session, who)
        return {"organizations": organization_ids, "chains": chain_ids}

    @app.post("/v1/push")
    def push(
        body: PushRequest,
        session: Annotated[Session, Depends(db)],
        who: Annotated[Caller, Depends(caller)],
    ) -> dict[str, Any]:
        changes = [change.model_dump() for change in body.changes]
        try:
            results = apply_push(session, who, changes)
        except Forbidden as error:
            raise refusal(403, "forbidden", str(error)) from None
        return {"results": results}

    @app.get("/v1/pull")
    def pull(
        session: Annotated[Session, Depends(db)],
        who: Annotated[Caller, Depends(caller)],
        organization: str,
        after: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1000,
    ) -> dict[str, Any]:
        scope = scopes.scope(session, who)
        if not scope.may_see(organization):
            raise refusal(403, "forbidden", f"no access to organization {organization}")
        return page(session, organization, after, limit, scope)

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
        blob_api.register(app, db, caller, app.state.blobs)
    return app
