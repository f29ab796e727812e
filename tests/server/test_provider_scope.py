"""The provider directory and referrals on the server (docs/SYNC.md, "Providers"): every
provider is filed under the one scope key ``provider-directory`` that every signed-in user
pulls; an admin, lead or consultant may change it, a company user only reads it; a referral is
its company's and brings its provider along.

In process (FastAPI's test client) over a real SQLite file; the laptops are real desktop
databases synced through :mod:`qclinic.sync.engine`, as ``qclinic sync`` does.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from qclinic.core.vocabulary import NqiCategory, ProviderKind, ReferralStatus
from qclinic.server import accounts, db
from qclinic.server.app import create_app
from qclinic.services import Services
from qclinic.storage.models import Attachment, Provider, Referral
from qclinic.storage.models.base import DEVICE_ID_KEY
from qclinic.storage.startup import open_database
from qclinic.storage.sync_rows import DIRECTORY_SCOPE
from qclinic.sync import engine as sync_engine
from qclinic.sync.client import SyncClient
from tests.server.conftest import ORG, OTHER_ORG, PASSWORD, change, organization, signed_in

PROVIDER = "01a00000-0000-7000-8000-0000000000f1"
CASE = "01a00000-0000-7000-8000-0000000000f2"
REFERRAL = "01a00000-0000-7000-8000-0000000000f3"


def _provider(change_id: str = "p-1", key: str = DIRECTORY_SCOPE, base: int = 0) -> dict[str, Any]:
    fields = {"name": "江西省计量测试研究院", "kind": "metrology-calibration", "region": "南昌"}
    return change(change_id, "provider", PROVIDER, fields, organization=key, base=base)


def _referral() -> list[dict[str, Any]]:
    case = {
        "organization_id": ORG,
        "nqi_category": "metrology",
        "title": "卡尺过期",
        "status": "registered",
    }
    fields = {
        "organization_id": ORG,
        "case_id": CASE,
        "provider_id": PROVIDER,
        "nqi_category": "metrology",
        "request": "校准 12 把卡尺",
        "status": "requested",
        "requested_on": "2026-03-02",
        "note": "",
    }
    return [change("c-1", "clinic_case", CASE, case), change("r-1", "referral", REFERRAL, fields)]


@pytest.fixture
def server(engine: Engine) -> Iterator[TestClient]:
    with db.sessions(engine)() as session, session.begin():
        accounts.add_user(session, "bob", "consultant", PASSWORD, [])
        accounts.add_user(session, "cqo", "company", PASSWORD, [ORG])
    with TestClient(create_app(db.sessions(engine))) as client:
        yield client


def _send(client: TestClient, who: dict[str, str], *changes: dict[str, Any]) -> Any:
    return client.post("/v1/push", json={"changes": list(changes)}, headers=who)


def _pull(client: TestClient, who: dict[str, str], key: str) -> Any:
    return client.get("/v1/pull", params={"organization": key}, headers=who)


def test_every_user_reads_the_directory_and_only_a_company_user_may_not_change_it(
    server: TestClient,
) -> None:
    alice, bob, cqo = (signed_in(server, name) for name in ("alice", "bob", "cqo"))
    pushed = _send(server, alice, organization(), _provider())
    assert [r["outcome"] for r in pushed.json()["results"]] == ["applied", "applied"]

    for who in (alice, bob, cqo):
        assert server.get("/v1/organizations", headers=who).json()["directories"] == [
            DIRECTORY_SCOPE
        ]
        rows = _pull(server, who, DIRECTORY_SCOPE).json()["rows"]
        assert [(r["entity"], r["row_id"]) for r in rows] == [("provider", PROVIDER)]
    # bob, another consultant, edits the directory; the company user may not
    edit = _provider("p-bob", base=1) | {"fields": {"phone": "0791-8800"}}
    assert _send(server, bob, edit).json()["results"][0]["outcome"] == "applied"
    refused = _send(server, cqo, _provider("p-cqo", base=2) | {"fields": {"phone": "1"}})
    assert refused.status_code == 403
    assert _pull(server, bob, ORG).status_code == 403  # the directory opens no organization


def test_a_provider_outside_the_directory_and_a_record_inside_it_are_refused(
    server: TestClient,
) -> None:
    alice = signed_in(server, "alice")
    _send(server, alice, organization(), organization("org-2", OTHER_ORG))
    misfiled = _send(server, alice, _provider("p-misfiled", key=ORG)).json()["results"]
    assert misfiled[0]["outcome"] == "rejected"
    case = {
        "organization_id": ORG,
        "nqi_category": "metrology",
        "title": "x",
        "status": "registered",
    }
    smuggled = change("c-dir", "clinic_case", CASE, case, organization=DIRECTORY_SCOPE)
    assert _send(server, alice, smuggled).json()["results"][0]["outcome"] == "rejected"
    assert _pull(server, alice, DIRECTORY_SCOPE).json()["rows"] == []


def test_a_referral_is_its_companys_and_brings_its_provider(server: TestClient) -> None:
    alice, bob, cqo = (signed_in(server, name) for name in ("alice", "bob", "cqo"))
    answer = _send(server, alice, organization(), _provider(), *_referral()).json()["results"]
    assert {r["outcome"] for r in answer} == {"applied"}

    rows = _pull(server, cqo, ORG).json()["rows"]
    order = [(r["entity"], r["row_id"]) for r in rows]
    assert ("referral", REFERRAL) in order
    # the provider (another scope) comes before the referral that points to it
    assert order.index(("provider", PROVIDER)) < order.index(("referral", REFERRAL))
    assert _pull(server, bob, ORG).status_code == 403


# --- two real desktop databases -------------------------------------------------------------
@pytest.fixture
def laptops(tmp_path: Path, engine: Engine) -> Iterator[Any]:
    template = tmp_path / "template"
    template.mkdir()
    open_database(template / "qclinic.sqlite", attachments_dir=template / "att").dispose()
    client = TestClient(create_app(db.sessions(engine), blobs_dir=tmp_path / "blobs"))
    made: list[tuple[Services, TestClient]] = []

    def laptop(name: str) -> tuple[Services, Any]:
        folder = tmp_path / name
        folder.mkdir()
        shutil.copyfile(template / "qclinic.sqlite", folder / "qclinic.sqlite")
        with sqlite3.connect(folder / "qclinic.sqlite") as connection:  # another laptop
            connection.execute("DELETE FROM local_state WHERE key = ?", (DEVICE_ID_KEY,))
        services = Services(
            open_database(folder / "qclinic.sqlite", attachments_dir=folder / "att")
        )
        http = TestClient(client.app, headers=signed_in(client, "alice"))
        made.append((services, http))

        def sync() -> None:
            remote = SyncClient("http://testserver", http=http)
            sync_engine.run(services.sync, remote, lambda _message: None, "en")

        return services, sync

    yield laptop
    for services, http in made:
        http.close()
        services.database.dispose()
    client.close()


def test_a_delivered_referral_and_its_provider_reach_a_second_laptop(laptops: Any) -> None:
    first, sync_first = laptops("a")
    second, sync_second = laptops("b")
    company = first.organizations.create("赣州稀土永磁有限公司", region="赣州").id
    case = first.cases.register(company, NqiCategory.METROLOGY, "量具过期").id
    lab = first.providers.create("江西省计量测试研究院", ProviderKind.METROLOGY).id
    referral = first.referrals.refer(
        lab, NqiCategory.METROLOGY, "校准卡尺", case_id=case, requested_on=date(2026, 3, 2)
    ).id
    first.referrals.move(referral, ReferralStatus.ACCEPTED, on=date(2026, 3, 3))
    first.referrals.move(referral, ReferralStatus.DELIVERED, on=date(2026, 3, 9))
    first.referrals.attach_evidence(referral, b"%PDF-1.4 certificate", "证书.pdf")

    sync_first()
    sync_second()

    with second.database.read_session() as session:
        (provider,) = session.scalars(select(Provider))
        (arrived,) = session.scalars(select(Referral))
        (evidence,) = session.scalars(select(Attachment))
        assert (provider.id, provider.name) == (lab, "江西省计量测试研究院")
        assert (arrived.id, arrived.status, arrived.delivered_on, arrived.provider_id) == (
            referral,
            ReferralStatus.DELIVERED,
            date(2026, 3, 9),
            lab,
        )
        assert (evidence.referral_id, evidence.file_name) == (referral, "证书.pdf")
    assert second.database.blobs.read_bytes(evidence.sha256) == b"%PDF-1.4 certificate"
