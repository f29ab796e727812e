"""Faults, each with real parts: a clear message, nothing lost, nothing duplicated.

Connections are broken by a TCP proxy on loopback (``tests/sync/proxy.py``) between the real
``qclinic sync`` process and the real server process; processes are killed with SIGKILL. One
server per module (the fault that kills a server starts its own).
"""

from __future__ import annotations

import hashlib
import json
import secrets
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from qclinic.core.catalogue import text
from qclinic.errors import UserError
from qclinic.services.sync import KEY_SERVER
from qclinic.storage.uuid7 import new_id
from qclinic.sync.client import SyncClient, Unreachable
from qclinic.sync.credentials import TokenStore
from qclinic.sync.engine import SyncSummary, run
from tests.sync.conftest import (
    Server,
    environment,
    free_port,
    qclinic,
)
from tests.sync.hub import Laptop, fresh_database, hub, password_hash
from tests.sync.proxy import Proxy
from tests.sync.test_end_to_end import local, local_rows, server_rows

WAIT = 60  # seconds: every wait below gives up after this


@pytest.fixture(scope="module")
def proxy(server: Server) -> Iterator[Proxy]:
    port = int(server.url.rsplit(":", 1)[1])
    opened = Proxy(port)
    yield opened
    opened.close()


def _account(server: Server, name: str, role: str = "consultant", org: str | None = None) -> str:
    """A user of the running server, and a device token of theirs — written straight into its
    database, as ``users add`` and ``/v1/login`` would (without a process and argon2 each)."""
    token = secrets.token_urlsafe(32)
    with sqlite3.connect(server.data_dir / "server.sqlite") as connection:
        user = connection.execute(
            "INSERT INTO server_user (name, password_hash, role, disabled, created_at)"
            " VALUES (?, ?, ?, 0, datetime('now'))",
            (name, password_hash(), role),
        ).lastrowid
        if org is not None:
            connection.execute(
                "INSERT INTO server_user_organization (user_id, organization_id) VALUES (?, ?)",
                (user, org),
            )
        connection.execute(
            "INSERT INTO server_token (user_id, token_hash, device, created_at)"
            " VALUES (?, ?, 'test', datetime('now'))",
            (user, hashlib.sha256(token.encode()).hexdigest()),
        )
    return token


def _laptop(server: Server, folder: Path, token: str, via: Proxy | None = None) -> Path:
    """A data folder signed in with *token* (kept as ``qclinic sync login`` keeps it), syncing
    through *via*; its database a copy of a fresh one (no migration to wait for)."""
    folder.mkdir()
    fresh_database(folder)
    with local(folder) as services:
        services.sync.set_state({KEY_SERVER: via.url if via else server.url})
        TokenStore(folder, services.database.device_id).save(token)
    return folder


def _sync(folder: Path) -> SyncSummary:
    """One sync of *folder* in this process, as ``qclinic sync`` runs it (real sockets)."""
    with local(folder) as services:
        state = services.sync.state()
        token = TokenStore(folder, services.database.device_id).load()
        with SyncClient(state[KEY_SERVER], token) as client:
            return run(services.sync, client, lambda _line: None, "en")


def _organizations(folder: Path, prefix: str, count: int) -> list[str]:
    with local(folder) as services:
        return [
            services.organizations.create(f"{prefix} {n:03d}", region="Anhui", notes="x" * 400).id
            for n in range(count)
        ]


def _pending(folder: Path) -> int:
    with local(folder) as services:
        return services.sync.pending_count()


def _server_count(server: Server, ids: list[str]) -> tuple[int, int]:
    """(records, settled log entries) the server holds of *ids*."""
    marks = ",".join("?" * len(ids))
    records = server_rows(
        server, f"SELECT count(*) FROM server_record WHERE row_id IN ({marks})", *ids
    )
    log = server_rows(server, f"SELECT count(*) FROM server_change WHERE row_id IN ({marks})", *ids)
    return records[0][0], log[0][0]


def test_a_push_cut_mid_request_loses_nothing_and_is_sent_once_later(
    server: Server, proxy: Proxy, tmp_path: Path
) -> None:
    laptop = _laptop(server, tmp_path / "laptop", _account(server, "cut-up"), proxy)
    ids = _organizations(laptop, "Cut Up", 20)
    proxy.arm("up", after=6000)  # /v1/hello, then part of the push's body

    with pytest.raises(Unreachable):
        _sync(laptop)
    proxy.disarm()

    assert proxy.tripped.is_set()
    assert _server_count(server, ids) == (0, 0)
    assert _pending(laptop) == 20
    assert _sync(laptop).pushed == 20
    assert _server_count(server, ids) == (20, 20)
    assert _pending(laptop) == 0


def test_a_push_whose_answer_is_lost_is_replayed_and_applied_once(
    server: Server, proxy: Proxy, tmp_path: Path
) -> None:
    laptop = _laptop(server, tmp_path / "laptop", _account(server, "cut-down"), proxy)
    ids = _organizations(laptop, "Cut Down", 20)
    proxy.arm("down", after=1500)  # /v1/hello's answer, then part of the push's answer

    with pytest.raises(Unreachable):
        _sync(laptop)
    proxy.disarm()

    assert proxy.tripped.is_set()
    assert _pending(laptop) == 20  # not acknowledged: pushed again next time
    applied = _server_count(server, ids)
    assert applied == (20, 20)  # the server had applied it: only the answer was lost
    revisions = server_rows(server, "SELECT sum(revision), max(seq) FROM server_record")
    assert _sync(laptop).pushed == 20  # the same change ids again: answered from the log
    assert _server_count(server, ids) == applied
    assert server_rows(server, "SELECT sum(revision), max(seq) FROM server_record") == revisions
    assert _pending(laptop) == 0


@dataclass(frozen=True)
class Big:
    """An organization of 1,500 sites on the server: two pull pages (1,000 rows, then 501)."""

    organization: str
    sites: list[str]
    #: the bytes of its first page as the server sends it
    first_page: int


@pytest.fixture(scope="module")
def big(server: Server) -> Big:
    token = _account(server, "big-owner")
    organization = new_id()
    sites = [new_id() for _ in range(1500)]
    changes: list[dict[str, Any]] = [
        {
            "change_id": f"seed-{organization}",
            "entity": "organization",
            "row_id": organization,
            "organization_id": organization,
            "fields": {"name": "Big Site Co"},
        }
    ]
    changes += [
        {
            "change_id": f"seed-{site}",
            "entity": "site",
            "row_id": site,
            "organization_id": organization,
            "fields": {"organization_id": organization, "name": f"Site {n}", "address": "A" * 80},
        }
        for n, site in enumerate(sites)
    ]
    with httpx.Client(headers={"Authorization": f"Bearer {token}"}, timeout=WAIT) as client:
        for start in range(0, len(changes), 1000):
            answer = client.post(
                f"{server.url}/v1/push", json={"changes": changes[start : start + 1000]}
            )
            assert answer.status_code == 200, answer.text
        page = client.get(
            f"{server.url}/v1/pull", params={"organization": organization, "limit": 1000}
        )
    return Big(organization, sites, len(page.content))


def _into_second_page(big: Big) -> int:
    """Bytes from the server that end inside the second page: the small answers before the
    pull (hello, organizations; each well under 2 kB with its headers) and the first page."""
    return big.first_page + 10_000


def _local_sites(folder: Path, organization: str) -> list[str]:
    rows = local_rows(folder, "SELECT id FROM site WHERE organization_id = ?", organization)
    return sorted(row[0] for row in rows)


def _matches_server(server: Server, folder: Path, organization: str, sites: list[str]) -> None:
    on_server = server_rows(
        server,
        "SELECT row_id FROM server_record WHERE organization_id = ? AND entity = 'site'",
        organization,
    )
    assert _local_sites(folder, organization) == sorted(r[0] for r in on_server) == sorted(sites)
    assert _pending(folder) == 0  # nothing pulled is pushed back
    assert local_rows(folder, "PRAGMA integrity_check") == [("ok",)]


def test_a_pull_cut_mid_page_resumes_and_duplicates_nothing(
    server: Server, proxy: Proxy, big: Big, tmp_path: Path
) -> None:
    token = _account(server, "pull-cut", org=big.organization)
    laptop = _laptop(server, tmp_path / "laptop", token, proxy)
    organization, sites = big.organization, big.sites
    proxy.arm("down", after=_into_second_page(big))

    with pytest.raises(Unreachable):
        _sync(laptop)
    proxy.disarm()

    assert proxy.tripped.is_set()
    first = _local_sites(laptop, organization)
    assert len(first) == 999  # one whole page: the organization and 999 of its sites
    assert _sync(laptop).pulled == 1500 + 1 - 1000
    _matches_server(server, laptop, organization, sites)


def test_the_client_killed_mid_pull_then_a_second_sync_matches_the_server(
    server: Server, proxy: Proxy, big: Big, tmp_path: Path
) -> None:
    token = _account(server, "pull-killed", org=big.organization)
    laptop = _laptop(server, tmp_path / "laptop", token, proxy)
    organization, sites = big.organization, big.sites
    proxy.arm("down", after=_into_second_page(big), stall=True)
    process = subprocess.Popen(
        [sys.executable, "-m", "qclinic", "--data-dir", str(laptop), "--lang", "en", "sync"],
        env=environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert proxy.tripped.wait(timeout=WAIT), "the pull never reached the second page"
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=WAIT) == -signal.SIGKILL
    finally:
        process.kill()
        proxy.release()

    assert len(_local_sites(laptop, organization)) in (0, 999)  # whole pages only
    _sync(laptop)
    _matches_server(server, laptop, organization, sites)


def test_an_answer_cut_short_is_unreachable_not_a_crash(proxy: Proxy) -> None:
    proxy.arm("down", after=10)
    with SyncClient(proxy.url) as client, pytest.raises(Unreachable):
        client.hello()
    proxy.disarm()


def test_an_expired_sign_in_says_sign_in_again_and_keeps_the_work(
    server: Server, tmp_path: Path
) -> None:
    laptop = _laptop(server, tmp_path / "laptop", _account(server, "gus"))
    _organizations(laptop, "Expired", 2)
    with sqlite3.connect(server.data_dir / "server.sqlite") as connection:
        connection.execute(
            "UPDATE server_token SET created_at = datetime('now', '-91 days') WHERE user_id ="
            " (SELECT id FROM server_user WHERE name = 'gus')"
        )

    chinese = qclinic(laptop, "--lang", "zh", "sync")

    assert chinese.returncode == 2
    assert text("sync.fault_token_expired").zh in chinese.stderr
    assert "Traceback" not in chinese.stderr
    with pytest.raises(UserError) as english:  # the same refusal, in process
        _sync(laptop)
    assert english.value.message("en") == text("sync.fault_token_expired").en
    assert _pending(laptop) == 2
    with local(laptop) as services:  # signing in again is all it takes
        TokenStore(laptop, services.database.device_id).save(_account(server, "gus-again"))
    assert _sync(laptop).pushed == 2
    assert _pending(laptop) == 0


def test_a_company_user_pulls_only_its_own_and_cannot_push_another(
    server: Server, tmp_path: Path
) -> None:
    seller = _laptop(server, tmp_path / "consultant", _account(server, "seller"))
    own, other = _organizations(seller, "Company", 2)
    _sync(seller)
    laptop = _laptop(server, tmp_path / "company", _account(server, "hana", "company", own))

    _sync(laptop)
    with local(laptop) as services:
        assert [r.id for r in services.organizations.records()] == [own]
        services.organizations.update(own, notes="our own notes")
        stranger = services.organizations.create("Not Ours").id  # not hers to create
    with pytest.raises(UserError) as refused:
        _sync(laptop)

    assert refused.value.text == text("sync.forbidden", organization=stranger)
    assert _pending(laptop) == 2  # kept, nothing half-sent
    assert server_rows(server, "SELECT count(*) FROM server_record WHERE row_id = ?", stranger) == [
        (0,)
    ]
    assert server_rows(
        server, "SELECT json_extract(fields, '$.notes') FROM server_record WHERE row_id = ?", own
    ) == [("x" * 400,)]
    assert not local_rows(laptop, "SELECT id FROM organization WHERE id = ?", other)


# -- in process: the client pages its pushes below the server's body cap ----------------------


class _Counting:
    """Counts the push requests a laptop's client makes (and their bodies' sizes)."""

    def __init__(self, laptop: Laptop) -> None:
        self.sizes: list[int] = []
        push = laptop.client.push

        def counted(changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
            self.sizes.append(len(json.dumps({"changes": changes}).encode()))
            return push(changes)

        laptop.client.push = counted  # type: ignore[method-assign]


def test_pushes_are_paged_below_the_servers_body_cap(tmp_path: Path) -> None:
    with hub(tmp_path, max_body=16_384) as server:
        server.add_user("ivy")
        laptop = server.laptop("a", "ivy")
        for n in range(60):
            laptop.services.organizations.create(f"Paged {n:02d}", notes="y" * 400)
        requests = _Counting(laptop)

        summary = laptop.sync()

        assert summary.pushed == 60
        assert len(requests.sizes) > 1 and max(requests.sizes) <= 16_384
        assert laptop.services.sync.pending_count() == 0
        assert len(server.records("organization")) == 60


def test_a_client_unaware_of_the_cap_halves_on_413_and_one_record_too_big_is_named(
    tmp_path: Path,
) -> None:
    with hub(tmp_path, max_body=16_384) as server:
        server.add_user("ivy")
        laptop = server.laptop("a", "ivy")
        for n in range(60):
            laptop.services.organizations.create(f"Halved {n:02d}", notes="y" * 400)
        laptop.client.hello = lambda: {"server": "qclinic"}  # type: ignore[method-assign]
        requests = _Counting(laptop)

        laptop.sync()

        assert len(server.records("organization")) == 60
        assert max(requests.sizes) > 16_384  # the first try, refused with 413
        huge = laptop.services.organizations.create("Huge", notes="z" * 40_000).id
        with pytest.raises(UserError) as refused:
            laptop.sync()
        assert refused.value.text == text(
            "sync.fault_too_large", entity="organization", row=huge, limit=16_384
        )
        assert laptop.services.sync.pending_count() == 1


def _start_server(data_dir: Path, port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "qclinic.server", "serve", "--data-dir", str(data_dir)),
            *("--port", str(port)),
        ],
        env=environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + WAIT
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/v1/hello", timeout=1).status_code == 200:
                return process
        except httpx.TransportError:
            pass
        assert process.poll() is None, "the server process died at start-up"
        assert time.monotonic() < deadline, "the server did not answer in time"
        time.sleep(0.1)


def test_six_clients_pushing_at_once_lose_nothing_and_apply_nothing_twice(
    server: Server,
) -> None:
    """SQLite takes one writer at a time: requests queue on the server's gate (app.py,
    ``sqlite_gate``) instead of failing with "database is locked"."""
    import threading

    clients = []
    for n in range(6):
        organization = new_id()
        changes = [
            {
                "change_id": f"six-{n}-{k}",
                "entity": "site" if k else "organization",
                "row_id": new_id() if k else organization,
                "organization_id": organization,
                "fields": (
                    {"organization_id": organization, "name": f"Plant {k}", "address": ""}
                    if k
                    else {"name": f"Six Co {n}"}
                ),
            }
            for k in range(200)
        ]
        clients.append((_account(server, f"six-{n}"), organization, changes))
    answers: dict[int, list[Any]] = {}

    def push_all(n: int) -> None:
        token, _organization, changes = clients[n]
        with httpx.Client(headers={"Authorization": f"Bearer {token}"}, timeout=WAIT) as http:
            answers[n] = [
                http.post(f"{server.url}/v1/push", json={"changes": changes[k : k + 40]})
                for k in range(0, 200, 40)
            ]

    def everyone() -> dict[int, list[Any]]:
        answers.clear()
        threads = [threading.Thread(target=push_all, args=(n,)) for n in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=WAIT)
        return {n: [(a.status_code, a.json()) for a in batch] for n, batch in answers.items()}

    first = everyone()
    ids = [change["row_id"] for _token, _organization, changes in clients for change in changes]
    state = _server_count(server, ids)
    again = everyone()

    assert len(first) == 6
    outcomes = [
        result["outcome"]
        for batches in first.values()
        for status, body in batches
        for result in body["results"]
    ]
    assert all(status == 200 for batches in first.values() for status, _ in batches)
    assert outcomes == ["applied"] * 1200
    assert state == (1200, 1200)
    assert again == first
    assert _server_count(server, ids) == state


def test_the_server_killed_mid_push_and_restarted_loses_and_doubles_nothing(
    server: Server, tmp_path: Path
) -> None:
    """The module's server is stopped (SIGKILL) half-way through a push's body and started
    again on the same data (last in the module: the restarted one is stopped here)."""
    data_dir = server.data_dir
    old_port = int(server.url.rsplit(":", 1)[1])
    front = Proxy(old_port)
    laptop = _laptop(server, tmp_path / "laptop", _account(server, "killed"), front)
    ids = _organizations(laptop, "Killed", 20)
    front.arm("up", after=6000, stall=True)
    syncing = subprocess.Popen(
        [sys.executable, "-m", "qclinic", "--data-dir", str(laptop), "--lang", "en", "sync"],
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert front.tripped.wait(timeout=WAIT), "the push never started"
        server.process.send_signal(signal.SIGKILL)
        server.process.wait(timeout=WAIT)
        port = free_port()
        server.process = _start_server(data_dir, port)
        server.url = f"http://127.0.0.1:{port}"
        front.target_port = port
        front.release()
        _out, err = syncing.communicate(timeout=WAIT)
    finally:
        syncing.kill()
    try:
        assert syncing.returncode == 2, err
        assert text("sync.unreachable", count=20).en in err
        assert _server_count(server, ids) == (0, 0)
        _sync(laptop)
        assert _server_count(server, ids) == (20, 20)
        assert _pending(laptop) == 0
        assert server.admin("audit", "verify").returncode == 0
    finally:
        front.close()
        server.process.terminate()
        server.process.wait(timeout=WAIT)
