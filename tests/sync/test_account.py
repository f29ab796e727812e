"""The desktop's sync account (qclinic/sync/account.py) against the real ``qclinic-server``
process: sign-in, the connection check's answers, a logged sync, Cancel between pages and its
resumption, and bundles exported and imported with their per-kind summary."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from qclinic.core.catalogue import text
from qclinic.services import Services
from qclinic.storage.startup import open_database
from qclinic.sync import engine
from qclinic.sync.account import Account
from qclinic.sync.bundle_files import export_bundle, import_bundle
from qclinic.sync.client import BadCredentials, SignInExpired, Unreachable
from qclinic.sync.engine import SyncCancelled
from tests.sync.conftest import PASSWORD, Server, free_port


@contextmanager
def local(folder: Path) -> Iterator[Services]:
    database = open_database(folder / "qclinic.sqlite", attachments_dir=folder / "attachments")
    try:
        yield Services(database)
    finally:
        database.dispose()


def test_the_connection_check_answers_each_case(server: Server, tmp_path: Path) -> None:
    server.add_user("erin", "lead")
    with local(tmp_path / "laptop") as services:
        account = Account(services)
        closed = f"http://127.0.0.1:{free_port()}"

        assert account.check(closed).outcome == "unreachable"
        assert account.check("").message == text("sync_ui.no_server")
        reachable = account.check(server.url)
        assert (reachable.outcome, reachable.protocol) == ("reachable", 1)
        wrong = account.check(server.url, "erin", "not it")
        assert wrong.outcome == "bad_credentials"
        right = account.check(server.url, "erin", PASSWORD)
        assert (right.outcome, right.user, right.role) == ("password_ok", "erin", "lead")
        assert not account.status().signed_in  # a check signs nobody in

        with pytest.raises(BadCredentials):
            account.sign_in(server.url, "erin", "not it")
        assert account.sign_in(server.url + "/", "erin", PASSWORD) == "lead"
        signed = account.check(server.url)
        assert (signed.outcome, signed.user) == ("signed_in", "erin")
        assert "组长" in signed.message.zh and "lead consultant" in signed.message.en
        # the token is where the command line keeps it: the data folder's 0600 file here
        token_file = tmp_path / "laptop" / "sync-token"
        assert token_file.stat().st_mode & 0o777 == 0o600

        assert server.admin("tokens", "revoke", "erin").returncode == 0
        assert account.check(server.url).outcome == "expired"
        status = account.status()
        assert status.expired and status.signed_in
        with pytest.raises(SignInExpired):
            account.sync(lambda _line: None, "en")
        account.sign_in(server.url, "erin", PASSWORD)
        assert not account.status().expired
        account.sign_out()
        assert not account.status().signed_in and not token_file.exists()


def test_a_sync_is_logged_and_a_cancelled_one_resumes(server: Server, tmp_path: Path) -> None:
    server.add_user("fay", "consultant")
    with local(tmp_path / "laptop") as services:
        account = Account(services)
        account.sign_in(server.url, "fay", PASSWORD)
        names = [f"Cancel Co {n}" for n in range(5)]
        for name in names:
            services.organizations.create(name)
        assert account.status().pending_changes == 5

        # two changes a batch: cancelled after the first batch, the rest waits
        asked = []

        def cancelled() -> bool:
            asked.append(True)
            return len(asked) > 1

        small = pytest.MonkeyPatch()
        small.setattr(engine, "PUSH_BATCH", 2)
        try:
            with pytest.raises(SyncCancelled):
                account.sync(lambda _line: None, "en", cancelled=cancelled)
            assert account.status().pending_changes == 3
            summary = account.sync(lambda _line: None, "en")
        finally:
            small.undo()
        assert summary.pushed == 3
        assert account.status().pending_changes == 0
        assert account.status().last_sync is not None

        entries = account.log.entries()
        kinds = [entry.direction for entry in entries]
        # newest first: the whole sync's received and sent, the cancellation, what it had sent
        assert kinds[:5] == ["received", "sent", "error", "sent", "sign_in"]
        assert entries[1].counts["changes"] == 3
        assert entries[3].counts["changes"] == 2
        assert entries[2].message == text("sync_ui.log_cancelled")
        lines = (tmp_path / "laptop" / "sync-log.jsonl").read_text(encoding="utf-8").splitlines()
        assert json.loads(lines[-1])["message"]["zh"] == entries[0].message.zh


def test_an_unreachable_server_is_logged_and_keeps_the_work(tmp_path: Path) -> None:
    with local(tmp_path / "laptop") as services:
        account = Account(services)
        services.sync.set_state({"sync.server": f"http://127.0.0.1:{free_port()}"})
        account.tokens.save("a token")
        services.sync.set_state({"sync.user": "gus"})
        services.organizations.create("Offline Co")
        with pytest.raises(Unreachable):
            account.sync(lambda _line: None, "zh")
        (entry,) = account.log.entries()
        assert entry.direction == "error" and "1 changes wait" in entry.message.en
        assert account.status().pending_changes == 1


def test_a_bundle_export_and_import_summarises_per_kind(tmp_path: Path) -> None:
    bundle = tmp_path / "out.qcbundle"
    with local(tmp_path / "a") as services:
        organization = services.organizations.create("Bundle Co")
        services.organizations.add_site(organization.id, "Plant 1")
        assert export_bundle(Account(services), bundle) == 2
    with local(tmp_path / "b") as services:
        account = Account(services)
        summary = import_bundle(account, bundle)
        again = import_bundle(account, bundle)
        assert services.organizations.get(organization.id).name == "Bundle Co"
    assert (summary.applied, summary.unchanged, summary.refused) == (2, 0, [])
    assert summary.kinds == {"organization": 1, "site": 1}
    assert "企业 1 项" in summary.kinds_text().zh and "sites: 1" in summary.kinds_text().en
    assert (again.applied, again.unchanged) == (0, 2)
    assert [e.direction for e in account.log.entries()] == ["import", "import"]
