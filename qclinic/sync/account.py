"""This desktop's account on a sync server: sign in and out, check the connection, run a sync
and write the sync log. The command line (``qclinic sync …``) and the app both use it, so the
token is kept one way (:class:`~qclinic.sync.credentials.TokenStore`) and the log written in one
place. No Qt: the app runs :meth:`Account.sync` on a worker thread.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from qclinic.core.catalogue import find, text
from qclinic.core.text import Text
from qclinic.errors import UserError
from qclinic.services.sync import KEY_LAST_SYNC, KEY_SERVER, KEY_USER
from qclinic.services.sync_log import SyncLog
from qclinic.sync.client import BadCredentials, SignInExpired, SyncClient, Unreachable
from qclinic.sync.credentials import TokenStore
from qclinic.sync.engine import SyncCancelled, SyncSummary, run

if TYPE_CHECKING:
    from qclinic.services import Services

PROTOCOL = 1
KEY_ROLE = "sync.role"
#: set when the server refused this device's token; cleared by the next sign-in
KEY_EXPIRED = "sync.expired"


@dataclass(frozen=True)
class SyncStatus:
    """Where this desktop's data stands (the status bar, ``qclinic sync status``)."""

    server: str | None
    user: str | None
    role: str | None
    signed_in: bool
    expired: bool
    last_sync: datetime | None
    pending_changes: int
    pending_blobs: int
    #: open conflicts from ``services.sync`` (0 until the desktop keeps a record of them)
    conflicts: int


@dataclass(frozen=True)
class ConnectionCheck:
    """The answer of *Test connection*: ``outcome`` is one of ``signed_in``, ``password_ok``,
    ``reachable``, ``unreachable``, ``not_qclinic``, ``protocol``, ``bad_credentials``,
    ``expired``; ``message`` says it to the user."""

    outcome: str
    message: Text
    protocol: int | None = None
    user: str | None = None
    role: str | None = None


def role_text(role: str | None) -> Text:
    """A role's name (``sync_ui.role_*``), or the server's word for it."""
    return find("sync_ui.role_" + (role or "")) or Text(role or "?", role or "?")


class Account:
    """The sync account of one data folder (*folder*: the database's, by default)."""

    def __init__(
        self,
        services: Services,
        folder: Path | None = None,
        *,
        client: Callable[..., SyncClient] = SyncClient,
    ) -> None:
        self.services = services
        self.folder = folder if folder is not None else services.database.path.parent
        self.log = SyncLog(self.folder)
        self._client = client

    @cached_property
    def tokens(self) -> TokenStore:
        """The device token's store, made at first use: the device id is read through
        SQLAlchemy, which the app's first screen must not import (the status is read later)."""
        return TokenStore(self.folder, self.services.database.device_id)

    @property
    def device(self) -> str:
        return f"{socket.gethostname()} {self.services.database.device_id}"

    # -- state -------------------------------------------------------------------------------
    def status(self) -> SyncStatus:
        sync = self.services.sync
        state = sync.state()
        last = state.get(KEY_LAST_SYNC)
        return SyncStatus(
            server=state.get(KEY_SERVER),
            user=state.get(KEY_USER),
            role=state.get(KEY_ROLE),
            signed_in=bool(state.get(KEY_USER)) and self.tokens.load() is not None,
            expired=state.get(KEY_EXPIRED) == "1",
            last_sync=datetime.fromisoformat(last) if last else None,
            pending_changes=sync.pending_count(),
            pending_blobs=sync.pending_blob_count(),
            conflicts=self.services.conflicts.open_count(),  # the inbox's open ones
        )

    # -- sign in and out ---------------------------------------------------------------------
    def sign_in(self, server: str, user: str, password: str, *, source: object = None) -> str:
        """Sign this device in; the token is kept (keyring or 0600 file); the user's role.

        Raises:
            Unreachable: No server answers at *server*.
            BadCredentials: Wrong user name or password.
        """
        server = server.strip().rstrip("/")
        if not server:
            raise UserError(text("sync_ui.no_server"))
        if not user or not password:
            raise UserError(text("sync_ui.no_user"))
        with self._client(server) as client:
            answer = client.login(user, password, self.device)
        self.tokens.save(answer["token"])
        role = str(answer.get("role") or "")
        values: dict[str, str | None] = {
            KEY_SERVER: server,
            KEY_USER: answer["user"],
            KEY_ROLE: role or None,
            KEY_EXPIRED: None,
        }
        self.services.sync.set_state(values, source=source)
        self.log.append("sign_in", text("sync.logged_in", user=answer["user"], server=server))
        return role

    def sign_out(self, *, source: object = None) -> None:
        """Forget this device's token (the server address stays, for the next sign-in)."""
        self.tokens.clear()
        self.services.sync.set_state(
            {KEY_USER: None, KEY_ROLE: None, KEY_EXPIRED: None}, source=source
        )
        self.log.append("sign_out", text("sync.logged_out"))

    def check(self, server: str, user: str = "", password: str = "") -> ConnectionCheck:
        """Test the connection to *server*: does it answer, which protocol, and who this device
        is signed in as (or, with *password*, whether the password is right)."""
        server = server.strip().rstrip("/")
        if not server:
            return ConnectionCheck("unreachable", text("sync_ui.no_server"))
        status = self.status()
        token = self.tokens.load() if status.signed_in and status.server == server else None
        try:
            with self._client(server, token, timeout=10.0) as client:
                try:
                    hello = client.hello()
                except (UserError, ValueError):  # another kind of server, or not JSON
                    return ConnectionCheck(
                        "not_qclinic", text("sync_ui.check_not_qclinic", server=server)
                    )
                if hello.get("server") != "qclinic":
                    return ConnectionCheck(
                        "not_qclinic", text("sync_ui.check_not_qclinic", server=server)
                    )
                protocol = int(hello.get("protocol", 0))
                if protocol != PROTOCOL:
                    said = text("sync_ui.check_protocol", protocol=protocol, ours=PROTOCOL)
                    return ConnectionCheck("protocol", said, protocol)
                if token is not None:
                    client.scopes()  # a revoked token is refused here
                    role = role_text(status.role)
                    said = text(
                        "sync_ui.check_signed_in", protocol=protocol, user=status.user, role=role
                    )
                    return ConnectionCheck("signed_in", said, protocol, status.user, status.role)
                if user and password:
                    # the server keeps one token per device; none is stored here, so none is lost
                    answer = client.login(user, password, self.device)
                    name, role_code = answer["user"], answer.get("role")
                    role = role_text(role_code)
                    said = text(
                        "sync_ui.check_password_ok", protocol=protocol, user=name, role=role
                    )
                    return ConnectionCheck("password_ok", said, protocol, name, role_code)
                return ConnectionCheck(
                    "reachable", text("sync_ui.check_reachable", protocol=protocol), protocol
                )
        except Unreachable:
            return ConnectionCheck("unreachable", text("sync_ui.check_unreachable", server=server))
        except BadCredentials:
            return ConnectionCheck("bad_credentials", text("sync_ui.check_bad_credentials"))
        except SignInExpired:
            self.services.sync.set_state({KEY_EXPIRED: "1"})
            return ConnectionCheck("expired", text("sync_ui.check_expired"))

    # -- sync --------------------------------------------------------------------------------
    def sync(
        self,
        progress: Callable[[str], None],
        lang: str,
        *,
        cancelled: Callable[[], bool] = lambda: False,
        source: object = None,
    ) -> SyncSummary:
        """Push, then pull (:func:`qclinic.sync.engine.run`), and log what was sent and
        received, or the error, in both languages.

        Raises:
            UserError: Not signed in (``sync.not_logged_in``), or the server refused.
            SignInExpired: The token was refused (the state remembers it: "sign-in expired").
            Unreachable: No server answers.
            SyncCancelled: *cancelled* turned true; what was done is kept.
        """
        status = self.status()
        token = self.tokens.load()
        if not status.server or not token:
            raise UserError(text("sync.not_logged_in"))
        summary = SyncSummary()
        try:
            with self._client(status.server, token) as client:
                run(
                    self.services.sync,
                    client,
                    progress,
                    lang,
                    source=source,
                    cancelled=cancelled,
                    summary=summary,
                )
        except SyncCancelled:
            self._log_summary(summary)
            self.log.append("error", text("sync_ui.log_cancelled"))
            raise
        except Unreachable:
            self._log_summary(summary)
            count = self.services.sync.pending_count()
            self.log.append(
                "error", text("sync_ui.log_unreachable", server=status.server, count=count)
            )
            raise
        except SignInExpired as error:
            self.services.sync.set_state({KEY_EXPIRED: "1"}, source=source)
            self._log_error(error)
            raise
        except UserError as error:
            self._log_summary(summary)
            self._log_error(error)
            raise
        self._log_summary(summary, always=True)
        return summary

    def _log_summary(self, summary: SyncSummary, *, always: bool = False) -> None:
        blobs = summary.blobs
        if always or summary.pushed or blobs.uploaded:
            counts = {
                "changes": summary.pushed,
                "conflicts": summary.conflicts,
                "rejected": summary.rejected,
                "waiting": summary.waiting,
                "blobs": blobs.uploaded,
            }
            self.log.append("sent", text("sync_ui.log_sent", **counts), counts)
        if always or summary.pulled or blobs.downloaded:
            missing = len({a.sha256 for a in self.services.sync.incomplete_attachments()})
            counts = {"rows": summary.pulled, "blobs": blobs.downloaded, "missing": missing}
            self.log.append("received", text("sync_ui.log_received", **counts), counts)

    def _log_error(self, error: UserError) -> None:
        problem = error.text or Text(str(error), str(error))
        self.log.append("error", text("sync_ui.log_failed", problem=problem))
