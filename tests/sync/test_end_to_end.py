"""Two (or three) desktop data folders synced through the real server process, end to end.

One server per module; every desktop step is the real ``qclinic`` command line, and local
edits go through the services as the app makes them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from qclinic.core.catalogue import text
from qclinic.core.vocabulary import VisitKind
from qclinic.services import Services
from qclinic.services.sync import KEY_SERVER
from qclinic.storage.startup import open_database
from tests.sync.conftest import Server, free_port, login, qclinic, sync


@contextmanager
def local(data_dir: Path) -> Iterator[Services]:
    """The services over a desktop data folder, as the app opens them."""
    database = open_database(data_dir / "qclinic.sqlite", attachments_dir=data_dir / "attachments")
    try:
        yield Services(database)
    finally:
        database.dispose()


def server_rows(server: Server, sql: str, *parameters: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(server.data_dir / "server.sqlite") as connection:
        return connection.execute(sql, parameters).fetchall()


@pytest.fixture(scope="module")
def pair(server: Server, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two laptops of one consultant, both signed in."""
    server.add_user("alice", "consultant")
    a, b = tmp_path_factory.mktemp("laptop-a"), tmp_path_factory.mktemp("laptop-b")
    login(server, a, "alice")
    login(server, b, "alice")
    return a, b


def _organization(data_dir: Path, name: str) -> str:
    with local(data_dir) as services:
        return services.organizations.create(name, region="Tongling").id


def local_rows(data_dir: Path, sql: str, *parameters: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(data_dir / "qclinic.sqlite") as connection:
        return connection.execute(sql, parameters).fetchall()


def test_an_organization_and_an_assessment_made_in_a_appear_in_b(
    server: Server, pair: tuple[Path, Path]
) -> None:
    a, b = pair
    with local(a) as services:
        from qclinic.storage.library import install_builtin_library

        install_builtin_library(services.database)  # the app does this at its first start
        organization = services.organizations.create("Tongling Copper Works", region="Tongling").id
        nqi = next(
            c
            for c in services.assessments.start_choices(organization).checklists
            if c.id == "nqi-clinic"
        )
        assessment = services.assessments.start(
            organization,
            checklist_id=nqi.id,
            checklist_version=nqi.version,
            title="Clinic visit",
            visit_kind=VisitKind.ONSITE_CLINIC,
            visit_date=date(2026, 11, 20),
        )
        services.answers.save_answer(assessment, "QMS.1", 3, base_revision=0)
        services.answers.save_answer(assessment, "QMS.2", 4, base_revision=0)

    assert "sync done" in sync(a).stdout
    sync(b)

    answers = "SELECT question_id, value FROM answer WHERE assessment_id = ? ORDER BY question_id"
    assert local_rows(b, answers, assessment) == local_rows(a, answers, assessment)
    assert local_rows(b, answers, assessment) == [("QMS.1", "3"), ("QMS.2", "4")]
    one = "SELECT title, checklist_id, organization_id FROM assessment WHERE id = ?"
    assert local_rows(b, one, assessment) == [("Clinic visit", "nqi-clinic", organization)]
    with local(b) as services:
        assert services.organizations.get(organization).name == "Tongling Copper Works"
        # what B pulled is not pushed back as B's own change
        assert services.sync.pending_count() == 0
    # the server holds each row once, under the organization
    assert server_rows(
        server, "SELECT count(*) FROM server_record WHERE row_id = ?", assessment
    ) == [(1,)]


def _region_and_notes(data_dir: Path, organization: str) -> tuple[str, str]:
    with local(data_dir) as services:
        found = services.organizations.get(organization)
        return str(found.region), found.notes


def test_different_fields_edited_on_two_laptops_both_survive(
    server: Server, pair: tuple[Path, Path]
) -> None:
    a, b = pair
    organization = _organization(a, "Anhui Cable")
    sync(a)
    sync(b)
    with local(a) as services:
        services.organizations.update(organization, region="Hefei")
    with local(b) as services:
        services.organizations.update(organization, notes="visit again in spring")

    sync(a)
    sync(b)
    sync(a)

    assert _region_and_notes(a, organization) == ("Hefei", "visit again in spring")
    assert _region_and_notes(b, organization) == ("Hefei", "visit again in spring")
    outcomes = server_rows(
        server,
        "SELECT json_extract(result, '$.outcome') FROM server_change WHERE row_id = ?"
        " ORDER BY position",
        organization,
    )
    assert outcomes == [("applied",), ("applied",), ("merged",)]
    assert server_rows(
        server, "SELECT count(*) FROM server_conflict WHERE row_id = ?", organization
    ) == [(0,)]


def test_the_same_field_edited_on_both_is_one_conflict_and_both_keep_the_servers_value(
    server: Server, pair: tuple[Path, Path]
) -> None:
    a, b = pair
    organization = _organization(a, "Wuhu Alloys")
    sync(a)
    sync(b)
    with local(a) as services:
        services.organizations.update(organization, region="Wuhu")
    with local(b) as services:
        services.organizations.update(organization, region="Maanshan")

    sync(a)
    second = sync(b)
    sync(a)

    assert "1 conflicts" in second.stdout
    assert _region_and_notes(a, organization)[0] == "Wuhu"
    assert _region_and_notes(b, organization)[0] == "Wuhu"
    conflicts = server_rows(
        server,
        "SELECT field, server_value, incoming_value, server_by, incoming_by FROM server_conflict"
        " WHERE row_id = ?",
        organization,
    )
    assert conflicts == [("region", '"Wuhu"', '"Maanshan"', "alice", "alice")]
    with local(b) as services:
        assert services.sync.pending_count() == 0  # B's losing value is not pushed again


def _push(server: Server, token: str, changes: list[dict[str, Any]]) -> httpx.Response:
    return httpx.post(
        f"{server.url}/v1/push",
        json={"changes": changes},
        headers={"Authorization": f"Bearer {token}"},
    )


def test_a_replayed_push_changes_nothing_and_answers_the_same(
    server: Server, pair: tuple[Path, Path]
) -> None:
    token = server.token("alice")
    organization = "01a00000-0000-7000-8000-00000000a001"
    batch = [
        {
            "change_id": "replay-1",
            "entity": "organization",
            "row_id": organization,
            "organization_id": organization,
            "base_revision": 0,
            "fields": {"name": "Replay Co", "region": "Chuzhou"},
        },
        {
            "change_id": "replay-2",
            "entity": "site",
            "row_id": "01a00000-0000-7000-8000-00000000a002",
            "organization_id": organization,
            "base_revision": 0,
            "fields": {"organization_id": organization, "name": "Plant 1", "address": ""},
        },
    ]
    first = _push(server, token, batch)
    state = "SELECT row_id, revision, seq FROM server_record WHERE organization_id = ? ORDER BY seq"
    log_length = "SELECT count(*) FROM server_change"
    before = server_rows(server, state, organization), server_rows(server, log_length)

    again = _push(server, token, batch)

    assert first.status_code == again.status_code == 200
    assert [r["outcome"] for r in first.json()["results"]] == ["applied", "applied"]
    assert again.json() == first.json()
    assert (server_rows(server, state, organization), server_rows(server, log_length)) == before
    audit = server.admin("audit", "verify")
    assert audit.returncode == 0, audit.stderr


def test_a_company_user_never_reaches_another_organization(
    server: Server, pair: tuple[Path, Path]
) -> None:
    a, _b = pair
    own = _organization(a, "Own Company")
    other = _organization(a, "Someone Else")
    sync(a)
    server.add_user("carol", "company", own)
    token = server.token("carol")
    headers = {"Authorization": f"Bearer {token}"}

    refused = httpx.get(
        f"{server.url}/v1/pull", params={"organization": other, "after": 0}, headers=headers
    )
    allowed = httpx.get(
        f"{server.url}/v1/pull", params={"organization": own, "after": 0}, headers=headers
    )
    before = server_rows(
        server, "SELECT revision, fields FROM server_record WHERE row_id = ?", other
    )
    pushed = _push(
        server,
        token,
        [
            {
                "change_id": "carol-1",
                "entity": "organization",
                "row_id": other,
                "organization_id": other,
                "base_revision": 1,
                "fields": {"name": "Taken over"},
            }
        ],
    )

    assert refused.status_code == 403
    assert "rows" not in refused.text and "Someone Else" not in refused.text
    assert allowed.status_code == 200
    assert [row["row_id"] for row in allowed.json()["rows"]] == [own]
    assert pushed.status_code == 403
    assert (
        server_rows(server, "SELECT revision, fields FROM server_record WHERE row_id = ?", other)
        == before
    )
    assert server_rows(
        server, "SELECT count(*) FROM server_change WHERE change_id = 'carol-1'"
    ) == [(0,)]


def test_a_wrong_password_is_refused_with_a_clear_message(
    server: Server, tmp_path: Path, pair: tuple[Path, Path]
) -> None:
    wrong = tmp_path / "wrong"
    wrong.write_text("not the password", encoding="utf-8")
    args = [
        "sync",
        "login",
        "--server",
        server.url,
        "--user",
        "alice",
        "--password-file",
        str(wrong),
    ]

    english = qclinic(tmp_path / "laptop", *args)
    chinese = qclinic(tmp_path / "laptop", "--lang", "zh", *args)

    assert english.returncode == chinese.returncode == 2
    assert text("sync.bad_credentials").en in english.stderr
    assert text("sync.bad_credentials").zh in chinese.stderr
    assert "Traceback" not in english.stderr + chinese.stderr


def test_a_revoked_token_is_refused_and_keeps_the_work(server: Server, tmp_path: Path) -> None:
    server.add_user("dave", "consultant")
    laptop = tmp_path / "laptop"
    login(server, laptop, "dave")
    organization = _organization(laptop, "Revoked Co")

    revoked = server.admin("tokens", "revoke", "dave")
    refused = qclinic(laptop, "sync")

    assert revoked.returncode == 0, revoked.stderr
    assert refused.returncode == 2
    assert text("sync.token_revoked").en in refused.stderr
    with local(laptop) as services:
        assert services.organizations.get(organization).name == "Revoked Co"
        assert services.sync.pending_count() == 1


def test_with_the_server_gone_sync_exits_2_and_nothing_is_lost(
    server: Server, pair: tuple[Path, Path]
) -> None:
    a, b = pair
    organization = _organization(a, "Offline Works")
    with local(a) as services:
        services.sync.set_state({KEY_SERVER: f"http://127.0.0.1:{free_port()}"})
        waiting = services.sync.pending_count()

    offline = qclinic(a, "sync")

    assert offline.returncode == 2
    assert text("sync.unreachable", count=waiting).en in offline.stderr
    assert "work is safe on this computer" in offline.stderr
    with local(a) as services:
        assert services.organizations.get(organization).name == "Offline Works"
        assert services.sync.pending_count() == waiting
        services.sync.set_state({KEY_SERVER: server.url})
    sync(a)
    sync(b)
    with local(b) as services:
        assert services.organizations.get(organization).name == "Offline Works"


def test_a_signed_assessment_arrives_with_its_seal_intact(pair: tuple[Path, Path]) -> None:
    from qclinic.storage.seal import check_seal

    a, b = pair
    seeded = qclinic(a, "demo", "--json")
    assert seeded.returncode == 0, seeded.stderr
    sync(a)
    sync(b)

    signed = local_rows(a, "SELECT id FROM assessment WHERE signed_at IS NOT NULL")
    assert signed
    with local(b) as services, services.database.engine.connect() as connection:
        for (assessment,) in signed:
            check = check_seal(connection, assessment, services.database.blobs)
            assert check is not None and check.stored is not None
            assert check.intact, check.differences


def test_logout_forgets_the_token_and_status_says_so(
    server: Server, tmp_path: Path, pair: tuple[Path, Path]
) -> None:
    import json

    laptop = tmp_path / "laptop"
    login(server, laptop, "alice")
    token_file = laptop / "sync-token"
    assert token_file.stat().st_mode & 0o777 == 0o600  # no keyring here: a file only we read

    logged_out = qclinic(laptop, "sync", "logout")
    status = qclinic(laptop, "sync", "status", "--json")
    refused = qclinic(laptop, "sync")

    assert logged_out.returncode == 0 and not token_file.exists()
    shown = json.loads(status.stdout)
    assert shown["signed_in"] is False and shown["server"] == server.url
    assert shown["pending_changes"] == 0
    assert refused.returncode == 2
    assert text("sync.not_logged_in").en in refused.stderr


def test_a_puller_racing_concurrent_pushers_misses_no_row(
    server: Server, pair: tuple[Path, Path]
) -> None:
    """The pull sequence is handed out under the counter's lock until commit (docs/SYNC.md,
    "Cursors"): a reader following its cursor while four writers commit sees every row once."""
    import threading

    token = server.token("alice")
    headers = {"Authorization": f"Bearer {token}"}
    organization = "01a00000-0000-7000-8000-00000000c0c0"
    first = _push(server, token, [_org_change("race-org", organization, "Race Co")])
    assert first.status_code == 200
    pushed: set[str] = set()
    pulled: list[str] = []
    done = threading.Event()

    def pusher(worker: int) -> None:
        with httpx.Client(headers=headers) as client:
            for batch in range(10):
                sites = [f"01a00000-0000-7000-8{worker:03d}-{batch:06d}{n:06d}" for n in range(5)]
                changes = [
                    {
                        "change_id": f"race-{site}",
                        "entity": "site",
                        "row_id": site,
                        "organization_id": organization,
                        "fields": {"organization_id": organization, "name": site, "address": ""},
                    }
                    for site in sites
                ]
                answer = client.post(f"{server.url}/v1/push", json={"changes": changes})
                assert answer.status_code == 200
                pushed.update(sites)

    def puller() -> None:
        cursor = 0
        with httpx.Client(headers=headers) as client:
            while True:
                finished = done.is_set()
                page = client.get(
                    f"{server.url}/v1/pull",
                    params={"organization": organization, "after": cursor, "limit": 7},
                ).json()
                pulled.extend(r["row_id"] for r in page["rows"] if r["entity"] == "site")
                cursor = page["cursor"]
                if finished and not page["more"]:
                    return

    reader = threading.Thread(target=puller)
    writers = [threading.Thread(target=pusher, args=(n,)) for n in range(4)]
    reader.start()
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    done.set()
    reader.join(timeout=60)

    assert len(pushed) == 200
    assert sorted(pulled) == sorted(pushed)  # every row, none twice


def _org_change(change_id: str, organization: str, name: str) -> dict[str, Any]:
    return {
        "change_id": change_id,
        "entity": "organization",
        "row_id": organization,
        "organization_id": organization,
        "fields": {"name": name},
    }
