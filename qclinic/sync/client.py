"""The HTTP side of sync: one method per endpoint of docs/SYNC.md, refusals as user errors."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, NoReturn

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


class BadCredentials(UserError):
    """The server refused the user name or password (401 ``bad_credentials``)."""


class SignInExpired(UserError):
    """The device's token was revoked, has expired or is missing (401 ``bad_token``)."""


class BlobRefused(Exception):
    """The server refused a blob's bytes (``hash_mismatch``: they do not hash to its name)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


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
            try:
                body: dict[str, Any] = response.json()
            except ValueError as error:  # cut short by a proxy that answered 200
                raise Unreachable(str(error)) from error
            return body
        self._refused(response, kwargs.get("params", {}))

    @staticmethod
    def _refused(response: httpx.Response, params: Mapping[str, Any]) -> NoReturn:
        """Raise the user error for a refusal."""
        try:
            detail = response.json().get("detail")
        except ValueError:
            detail = None
        code = detail.get("code") if isinstance(detail, dict) else None
        if response.status_code == 401:
            if code == "bad_credentials":
                raise BadCredentials(text("sync.bad_credentials"))
            if code == "expired_token":
                raise SignInExpired(text("sync.fault_token_expired"))
            raise SignInExpired(text("sync.token_revoked"))
        if response.status_code == 413:
            limit = detail.get("limit") if isinstance(detail, dict) else None
            raise TooLarge(int(limit) if isinstance(limit, int) else None)
        if response.status_code in (502, 503, 504):  # a proxy in front of a server that is down
            raise Unreachable(f"HTTP {response.status_code}")
        if response.status_code == 403:
            organization = params.get("organization") or _named(detail)
            raise UserError(text("sync.forbidden", organization=organization))
        raise UserError(
            text("sync.server_error", status=response.status_code, detail=detail or response.text)
        )

    def hello(self) -> dict[str, Any]:
        """``{"server": "qclinic", "protocol": N, "max_body": bytes}``: whether a QClinic server
        answers here, and the largest request it takes."""
        return self._call("GET", "/v1/hello")

    def login(self, user: str, password: str, device: str) -> dict[str, Any]:
        return self._call(
            "POST", "/v1/login", json={"user": user, "password": password, "device": device}
        )

    def scopes(self) -> list[str]:
        """What this user may pull: the provider directory, the chains, then the organizations
        (docs/SYNC.md)."""
        answer = self._call("GET", "/v1/organizations")
        return [*answer.get("directories", []), *answer.get("chains", []), *answer["organizations"]]

    def push(self, changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return list(self._call("POST", "/v1/push", json={"changes": changes})["results"])

    def pull(self, organization: str, after: int, limit: int) -> dict[str, Any]:
        params = {"organization": organization, "after": after, "limit": limit}
        return self._call("GET", "/v1/pull", params=params)

    def pull_many(self, scopes: list[tuple[str, int]], limit: int) -> dict[str, Any] | None:
        """One answer for many ``(key, cursor)`` pairs (``POST /v1/pull/many``): ``{"pages":
        [{"key", "rows", "cursor", "more"}], "reached": N, "forbidden": [keys]}``; ``None``
        from a server older than that endpoint (pull each key alone then)."""
        body = {"scopes": [{"key": key, "after": after} for key, after in scopes], "limit": limit}
        try:
            response = self._http.post("/v1/pull/many", json=body)
        except httpx.TransportError as error:
            raise Unreachable(str(error)) from error
        if response.status_code in (404, 405):  # no such route: a server before this endpoint
            return None
        if response.status_code != 200:
            self._refused(response, {})
        try:
            answer: dict[str, Any] = response.json()
        except ValueError as error:  # cut short by a proxy that answered 200
            raise Unreachable(str(error)) from error
        return answer

    def conflicts(self, after: int, limit: int) -> dict[str, Any]:
        """The conflicts recorded in every organization the user may see, after *after*."""
        return self._call("GET", "/v1/conflicts", params={"after": after, "limit": limit})

    def _call_if_known(self, method: str, path: str, **kwargs: Any) -> dict[str, Any] | None:
        """:meth:`_call`, or ``None`` when the server has no such endpoint (a server older
        than it: the sync goes on without it)."""
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.TransportError as error:
            raise Unreachable(str(error)) from error
        if response.status_code in (404, 405):
            detail = _detail(response)
            if not isinstance(detail, dict):  # FastAPI's own "Not Found": no such route
                return None
        if response.status_code == 200:
            try:
                body: dict[str, Any] = response.json()
            except ValueError as error:  # cut short by a proxy that answered 200
                raise Unreachable(str(error)) from error
            return body
        self._refused(response, kwargs.get("params", {}))

    def record_resolutions(self, resolutions: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
        """Tell the server how conflicts were resolved here: its answer for each, in order
        (``None``: a server without resolutions, docs/SYNC.md "Resolutions travel")."""
        body = {"resolutions": resolutions}
        answer = self._call_if_known("POST", "/v1/conflicts/resolutions", json=body)
        return None if answer is None else list(answer["results"])

    def resolutions(self, after: int, limit: int) -> dict[str, Any] | None:
        """The resolutions recorded on the server after number *after*, in every organization
        the user may see (``None``: a server without resolutions)."""
        params = {"after": after, "limit": limit}
        return self._call_if_known("GET", "/v1/conflicts/resolutions", params=params)

    # -- team work (docs/SYNC.md, "Team work") -------------------------------------------------
    def team(self) -> list[dict[str, Any]]:
        """The consultants and leads a lead (or admin) may assign work to."""
        return list(self._call("GET", "/v1/team")["team"])

    def assign(self, user: str, organization: str, assigned: bool = True) -> dict[str, Any]:
        """Assign (``assigned=False``: take back) *organization* to *user*."""
        body = {"user": user, "organization": organization, "assigned": assigned}
        return self._call("POST", "/v1/assignments", json=body)

    # -- blobs (docs/SYNC.md, "Blobs") --------------------------------------------------------
    def missing_blobs(self, hashes: list[str]) -> dict[str, int]:
        """``{sha256: offset}`` of the blobs among *hashes* the server wants (resume at offset)."""
        answer = self._call("POST", "/v1/blobs/missing", json={"hashes": hashes})
        return {item["sha256"]: int(item["offset"]) for item in answer["missing"]}

    def upload_chunk(
        self, sha256: str, organization: str, offset: int, total: int, chunk: bytes
    ) -> tuple[int, bool]:
        """Send *chunk* of blob *sha256* at *offset*: the server's offset after it, and whether
        the blob is now whole there. A wrong offset answers the server's (resume from there).

        Raises:
            BlobRefused: The bytes do not hash to *sha256* (the server kept nothing).
        """
        params: dict[str, str | int] = {
            "organization": organization,
            "offset": offset,
            "total": total,
        }
        try:
            response = self._http.put(f"/v1/blobs/{sha256}", params=params, content=chunk)
        except httpx.TransportError as error:
            raise Unreachable(str(error)) from error
        if response.status_code in (409, 422):
            detail = response.json().get("detail") or {}
            if response.status_code == 409 and "offset" in detail:
                return int(detail["offset"]), False
            if detail.get("code") == "hash_mismatch":
                raise BlobRefused("hash_mismatch", str(detail.get("message")))
        if response.status_code != 200:
            self._refused(response, params)
        body = response.json()
        return int(body["offset"]), bool(body["complete"])

    def download_blob(self, sha256: str, keep: Callable[[Iterator[bytes]], object]) -> bool:
        """Stream blob *sha256* into *keep*; ``False`` when the server does not have it (yet)
        or may not give it to this user — the record stays incomplete here."""
        try:
            with self._http.stream("GET", f"/v1/blobs/{sha256}") as response:
                if response.status_code in (403, 404):
                    return False
                if response.status_code != 200:
                    response.read()
                    self._refused(response, {})
                keep(response.iter_bytes(1 << 20))
        except httpx.TransportError as error:
            raise Unreachable(str(error)) from error
        return True


def _detail(response: httpx.Response) -> object:
    try:
        return response.json().get("detail")
    except (ValueError, AttributeError):
        return None


def _named(detail: object) -> str:
    """The organization a 403's message names (``… organization ID``)."""
    message = detail.get("message", "") if isinstance(detail, dict) else ""
    return str(message).rsplit(" ", 1)[-1] or "?"
