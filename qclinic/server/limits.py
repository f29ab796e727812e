"""What the server refuses before an endpoint runs: a body over the size cap, a body that is not
JSON, a body of the wrong shape — each as ``{"detail": {"code", "message"}}`` (docs/SYNC.md).

The cap is enforced on the bytes as they arrive, so a client that sends no ``Content-Length``
(chunked) is cut off as soon as it passes the cap, not after the server has read it all.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: the default cap on a request body: a push of 5,000 ordinary changes fits well below it
DEFAULT_MAX_BODY = 16 * 1024 * 1024
#: how much of a refused body is read (and dropped) before answering, so that a client still
#: sending it reads the 413 instead of a reset connection; past that the connection is closed
DRAIN_MAX = 64 * 1024 * 1024


def too_large_body(limit: int) -> bytes:
    detail = {
        "code": "too_large",
        "message": f"the request body is over the server's limit of {limit} bytes",
        "limit": limit,
    }
    return json.dumps({"detail": detail}).encode()


class BodyLimit:
    """ASGI middleware: answer 413 ``too_large`` to a request body over *limit* bytes."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await _drain(receive)
            await self._refuse(send)
            return
        received = 0
        refused = False

        async def counted() -> Message:
            # over the cap: answer 413 now, and tell the app the client left (FastAPI would turn
            # an exception raised here into its own 400)
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    refused = True
                    if message.get("more_body"):
                        await _drain(receive)
                    await self._refuse(send)
                    return {"type": "http.disconnect"}
            return message

        async def watched(message: Message) -> None:
            if not refused:  # the app's own answer to a refused body is dropped
                await send(message)

        await self.app(scope, counted, watched)

    async def _refuse(self, send: Send) -> None:
        body = too_large_body(self.limit)
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


async def _drain(receive: Receive) -> None:
    """Read the rest of a request body, up to :data:`DRAIN_MAX`, and drop it."""
    drained = 0
    while drained <= DRAIN_MAX:
        message = await receive()
        if message["type"] != "http.request" or not message.get("more_body"):
            return
        drained += len(message.get("body", b""))


def install(app: FastAPI, max_body: int) -> None:
    """Add the body cap and turn FastAPI's validation errors into the protocol's refusals:
    400 ``malformed_json`` for a body that is not JSON, 422 ``bad_request`` with the first
    problem for one of the wrong shape."""
    app.add_middleware(BodyLimit, limit=max_body)
    app.state.max_body = max_body

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        problems = list(error.errors())
        for problem in problems:
            if problem.get("type") == "json_invalid":
                where = problem.get("ctx", {}).get("error", "")
                message = f"the request body is not valid JSON ({where})".replace(" ()", "")
                return _refusal(400, "malformed_json", message)
        first = problems[0] if problems else {}
        place = ".".join(str(part) for part in first.get("loc", ()) if part != "body")
        message = f"{place or 'body'}: {first.get('msg', 'invalid')}"
        return _refusal(422, "bad_request", message)


def _refusal(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"detail": {"code": code, "message": message}}, status_code=status)
