"""The HTTP side of sync: one method per endpoint of docs/SYNC.md, refusals as user errors."""

from __future__ import annotations

from typing import Any

import httpx

from qclinic.core.catalogue import text
from qclinic.errors import UserError


class Unreachable(Exception):
    """The server could not be reached (no network, server down, timed out, the connection
    dropped before the whole answer arrived)."""


class TooLarge(Exception):
    """The server refused a request body over its cap (413); ``limit`` is the cap in bytes."""

    def __init__(self, limit: int | None) -> None:
        super().__init__(f"request body over the server's limit ({limit} bytes)")
        self.limit = limit


class SyncClient:
    def __init__(self, server: str, token: str | None = None, *, timeout: float = 30.0) -> None:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self._http = httpx.Client(base_url=server.rstrip("/"), headers=headers, timeout=timeout)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.TransportError as error:
            raise Unreachable(str(error)) from error
        if response.status_code == 200:
            try:
                body: dict[str, Any] = response.json()
            except ValueError as error:  # cut short by a proxy that answered 200
                raise Unreachable(str(error)) from error
            return body
        try:
            detail = response.json().get("detail")
        except ValueError:
            detail = None
        code = detail.get("code") if isinstance(detail, dict) else None
        if response.status_code == 401:
            key = {
                "bad_credentials": "sync.bad_credentials",
                "expired_token": "sync.fault_token_expired",
            }.get(str(code), "sync.token_revoked")
            raise UserError(text(key))
        if response.status_code == 413:
            limit = detail.get("limit") if isinstance(detail, dict) else None
            raise TooLarge(int(limit) if isinstance(limit, int) else None)
        if response.status_code in (502, 503, 504):  # a proxy in front of a server that is down
            raise Unreachable(f"HTTP {response.status_code}")
        if response.status_code == 403:
            organization = kwargs.get("params", {}).get("organization") or _named(detail)
            raise UserError(text("sync.forbidden", organization=organization))
        raise UserError(
            text("sync.server_error", status=response.status_code, detail=detail or response.text)
        )

    def login(self, user: str, password: str, device: str) -> dict[str, Any]:
        return self._call(
            "POST", "/v1/login", json={"user": user, "password": password, "device": device}
        )

    def hello(self) -> dict[str, Any]:
        return self._call("GET", "/v1/hello")

    def organizations(self) -> list[str]:
        return list(self._call("GET", "/v1/organizations")["organizations"])

    def push(self, changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return list(self._call("POST", "/v1/push", json={"changes": changes})["results"])

    def pull(self, organization: str, after: int, limit: int) -> dict[str, Any]:
        params = {"organization": organization, "after": after, "limit": limit}
        return self._call("GET", "/v1/pull", params=params)

    def conflicts(self, after: int, limit: int) -> dict[str, Any]:
        """The conflicts recorded in every organization the user may see, after *after*."""
        return self._call("GET", "/v1/conflicts", params={"after": after, "limit": limit})


def _named(detail: object) -> str:
    """The organization a 403's message names (``… organization ID``)."""
    message = detail.get("message", "") if isinstance(detail, dict) else ""
    return str(message).rsplit(" ", 1)[-1] or "?"
