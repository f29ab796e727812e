"""The HTTP side of sync: one method per endpoint of docs/SYNC.md, refusals as user errors."""

from __future__ import annotations

from typing import Any

import httpx

from qclinic.core.catalogue import text
from qclinic.errors import UserError


class Unreachable(Exception):
    """The server could not be reached (no network, server down, timed out)."""


class SyncClient:
    def __init__(
        self,
        server: str,
        token: str | None = None,
        *,
        timeout: float = 30.0,
        http: httpx.Client | None = None,
    ) -> None:
        """*http*: a ready client to talk through instead (an in-process test client)."""
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self._http = http or httpx.Client(
            base_url=server.rstrip("/"), headers=headers, timeout=timeout
        )

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
            body: dict[str, Any] = response.json()
            return body
        try:
            detail = response.json().get("detail")
        except ValueError:
            detail = None
        code = detail.get("code") if isinstance(detail, dict) else None
        if response.status_code == 401:
            key = "sync.bad_credentials" if code == "bad_credentials" else "sync.token_revoked"
            raise UserError(text(key))
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

    def scopes(self) -> list[str]:
        """What this user may pull: the chains, then the organizations (docs/SYNC.md)."""
        answer = self._call("GET", "/v1/organizations")
        return [*answer.get("chains", []), *answer["organizations"]]

    def push(self, changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return list(self._call("POST", "/v1/push", json={"changes": changes})["results"])

    def pull(self, organization: str, after: int, limit: int) -> dict[str, Any]:
        params = {"organization": organization, "after": after, "limit": limit}
        return self._call("GET", "/v1/pull", params=params)


def _named(detail: object) -> str:
    """The organization a 403's message names (``… organization ID``)."""
    message = detail.get("message", "") if isinstance(detail, dict) else ""
    return str(message).rsplit(" ", 1)[-1] or "?"
