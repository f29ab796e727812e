"""The blob endpoints of v1 (docs/SYNC.md, "Blobs"): which are missing, chunked upload, download."""

# no "from __future__ import annotations": FastAPI reads the endpoints' annotations

import contextlib
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field, StringConstraints
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from qclinic.server import blobs as blob_rules
from qclinic.server.accounts import Caller
from qclinic.server.blobs import (
    MAX_BLOB,
    MAX_CHUNK,
    MAX_HASHES,
    BlobError,
    ServerBlobs,
    WrongOffset,
)

Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class MissingRequest(BaseModel):
    hashes: list[Sha256] = Field(max_length=MAX_HASHES)


def _refusal(status: int, code: str, message: str, **extra: Any) -> HTTPException:
    return HTTPException(status, detail={"code": code, "message": message, **extra})


def _checked(sha256: str) -> str:
    if not blob_rules.SHA256.fullmatch(sha256):
        raise _refusal(422, "bad_hash", "a blob is named by 64 lowercase hex digits")
    return sha256


def _grant(session: Session, who: Caller, sha256: str, organization: str) -> None:
    try:
        blob_rules.grant(session, who, sha256, organization)
        session.commit()
    except BaseException:
        session.rollback()
        raise


def register(
    app: FastAPI,
    db: Callable[..., Any],
    caller: Callable[..., Caller],
    store: ServerBlobs,
) -> None:
    """Add the blob endpoints to *app*, keeping blobs in *store*; *db* is the request's
    session (the one *caller* signs the request in with).

    Each endpoint ends its transaction before it streams bytes either way: on SQLite a
    transaction holds the write lock, and a slow client must not hold up every push.
    """

    @app.post("/v1/blobs/missing")
    def missing(
        body: MissingRequest,
        session: Annotated[Session, Depends(db)],
        who: Annotated[Caller, Depends(caller)],
    ) -> dict[str, Any]:
        found = blob_rules.missing(session, who, store, body.hashes)
        session.rollback()
        return {"missing": found}

    @app.put("/v1/blobs/{sha256}")
    async def upload(
        sha256: str,
        request: Request,
        session: Annotated[Session, Depends(db)],
        who: Annotated[Caller, Depends(caller)],
        organization: Annotated[str, Query(min_length=1, max_length=36)],
        offset: Annotated[int, Query(ge=0)],
        total: Annotated[int, Query(ge=0, le=MAX_BLOB)],
    ) -> dict[str, Any]:
        sha256 = _checked(sha256)
        allowed = await run_in_threadpool(blob_rules.may_upload, session, who, organization)
        await run_in_threadpool(session.rollback)
        if not allowed:
            raise _refusal(403, "forbidden", f"no access to organization {organization}")
        current = store.offset(who.user_id, sha256)
        if offset != current:  # before reading the body: resume from here
            raise _refusal(409, "wrong_offset", "resume from the server's offset", offset=current)
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > MAX_CHUNK:
            raise _refusal(413, "chunk_too_large", f"a chunk is at most {MAX_CHUNK} bytes")
        body = bytearray()
        async for piece in request.stream():
            store.received += len(piece)
            body.extend(piece)
            if len(body) > MAX_CHUNK:
                raise _refusal(413, "chunk_too_large", f"a chunk is at most {MAX_CHUNK} bytes")
        try:
            end, complete = await run_in_threadpool(
                store.append, who.user_id, sha256, offset, total, bytes(body)
            )
        except WrongOffset as error:
            raise _refusal(409, error.code, str(error), offset=error.offset) from None
        except BlobError as error:
            raise _refusal(error.status, error.code, str(error)) from None
        if complete:
            # a concurrent upload of the same blob for the same organization may have granted it
            with contextlib.suppress(IntegrityError):
                await run_in_threadpool(_grant, session, who, sha256, organization)
        return {"sha256": sha256, "offset": end, "complete": complete}

    @app.api_route("/v1/blobs/{sha256}", methods=["GET", "HEAD"])
    def download(
        sha256: str,
        session: Annotated[Session, Depends(db)],
        who: Annotated[Caller, Depends(caller)],
    ) -> FileResponse:
        sha256 = _checked(sha256)
        # decided before looking at the disk: a refusal says nothing of what the server keeps
        allowed = blob_rules.may_download(session, who, sha256)
        session.rollback()
        if not allowed:
            raise _refusal(403, "forbidden", f"no access to blob {sha256}")
        path = store.store.path_for(sha256)
        if not path.is_file():
            raise _refusal(404, "not_found", f"the server does not have blob {sha256} yet")
        return FileResponse(path, media_type="application/octet-stream")
