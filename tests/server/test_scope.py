"""Access scope on the server (docs/SYNC.md, "Access" and "Chains"): a lead by chain and by
region, a company user, chains and their members travelling, conflicts resolved by a lead.

In process (FastAPI's test client) over a real SQLite file; the laptops are real desktop
databases synced through :mod:`qclinic.sync.engine`, as ``qclinic sync`` does.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from qclinic.core.vocabulary import ChainRole
from qclinic.server import accounts, db
from qclinic.server.app import create_app
from qclinic.server.cli import main
from qclinic.server.models import Conflict
from qclinic.services import Services
from qclinic.storage.models import Chain, ChainMember, Organization, Site
from qclinic.storage.models.base import DEVICE_ID_KEY
from qclinic.storage.startup import open_database
from qclinic.sync import engine as sync_engine
from qclinic.sync.client import SyncClient
from tests.server.conftest import PASSWORD, change, signed_in

LEADER = "01a00000-0000-7000-8000-00000000c0a1"  # in chain K, region Hefei
TIER1 = "01a00000-0000-7000-8000-00000000c0b1"  # in chain K, supplies LEADER, region Wuhu
TIER2 = "01a00000-0000-7000-8000-00000000c0c1"  # in chain K, supplies TIER1, region Hefei
OUTSIDE = "01a00000-0000-7000-8000-00000000c0d1"  # in no chain, region Anqing
CHAIN = "01a00000-0000-7000-8000-00000000c0e1"
OTHER_CHAIN = "01a00000-0000-7000-8000-00000000c0e2"  # no members


def _org(row_id: str, region: str) -> dict[str, Any]:
    fields = {"name": f"Co {row_id[-3:]}", "region": region}
    return change(f"org-{row_id}", "organization", row_id, fields, organization=row_id)


def _chain(row_id: str, name: str = "Copper chain", base: int = 0) -> dict[str, Any]:
    fields = {"name": name, "region": "Anhui", "notes": ""}
    return change(f"chain-{row_id}-{name}", "chain", row_id, fields, organization=row_id, base=base)


def _member(
    organization_id: str, customer: str | None, tier: int, chain: str = CHAIN
) -> dict[str, Any]:
    role = "chain-leader" if customer is None else "supplier"
    fields = {
        "chain_id": chain,
        "organization_id": organization_id,
        "role": role,
        "customer_id": customer,
        "tier": tier,
    }
    row_id = organization_id[:-3] + "f" + organization_id[-2:]
    return change(f"member-{row_id}", "chain_member", row_id, fields, organization=organization_id)


@dataclass
class Province:
    engine: Engine
    client: TestClient
    #: sign-in headers by user name
    users: dict[str, dict[str, str]]

    def __getitem__(self, name: str) -> dict[str, str]:
        return self.users[name]


def _send(client: TestClient, who: dict[str, str], *changes: dict[str, Any]) -> Any:
    return client.post("/v1/push", json={"changes": list(changes)}, headers=who)


def _pull(client: TestClient, who: dict[str, str], key: str) -> Any:
    return client.get("/v1/pull", params={"organization": key}, headers=who)


@pytest.fixture(scope="module", autouse=True)
def cheap_passwords() -> Iterator[None]:
    """Argon2 at its lowest cost: its hashing is not what this module checks, and each hash
    costs about a second at the default cost on a busy machine."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024))
        yield


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Province]:
    """Four companies, chain K (LEADER ← TIER1 ← TIER2) and an empty chain, pushed by the
    admin; a lead by chain, two leads by region, a company user, a consultant. Each test adds
    only records of its own, so the module shares one server."""
    engine = db.make_engine(db.database_url(tmp_path_factory.mktemp("scope-server")))
    db.upgrade(engine)
    with db.sessions(engine)() as session, session.begin():
        accounts.add_user(session, "root", "admin", PASSWORD, [])
        accounts.add_user(session, "alice", "consultant", PASSWORD, [])
        accounts.add_user(session, "li", "lead", PASSWORD, [], chains=[CHAIN])
        accounts.add_user(session, "zhao", "lead", PASSWORD, [], regions=["Hefei"])
        accounts.add_user(session, "sun", "lead", PASSWORD, [], regions=["Chizhou"])
        accounts.add_user(session, "cqo", "company", PASSWORD, [TIER1])
    with TestClient(create_app(db.sessions(engine))) as client:
        users = ("root", "alice", "li", "zhao", "sun", "cqo")
        signed = {name: signed_in(client, name) for name in users}
        answer = _send(
            client,
            signed["root"],
            _org(LEADER, "Hefei"),
            _org(TIER1, "Wuhu"),
            _org(TIER2, "Hefei"),
            _org(OUTSIDE, "Anqing"),
            _chain(CHAIN),
            _chain(OTHER_CHAIN, "Empty chain"),
            _member(LEADER, None, 0),
            _member(TIER1, LEADER, 1),
            _member(TIER2, TIER1, 2),
        )
        assert {r["outcome"] for r in answer.json()["results"]} == {"applied"}
        yield Province(engine, client, signed)
    engine.dispose()


def _visible(client: TestClient, who: dict[str, str]) -> tuple[set[str], set[str]]:
    listed = client.get("/v1/organizations", headers=who).json()
    return set(listed["organizations"]), set(listed["chains"])


def test_a_lead_by_chain_and_a_lead_by_region_see_exactly_their_organizations(
    province: Province,
) -> None:
    client = province.client
    li, zhao = province["li"], province["zhao"]

    assert _visible(client, li) == ({LEADER, TIER1, TIER2}, {CHAIN})
    # Hefei's companies; the chain because they are members of it
    assert _visible(client, zhao) == ({LEADER, TIER2}, {CHAIN})
    every_org, every_chain = _visible(client, province["root"])
    assert {LEADER, TIER1, TIER2, OUTSIDE} <= every_org and {CHAIN, OTHER_CHAIN} <= every_chain
    for who, refused in ((li, [OUTSIDE, OTHER_CHAIN]), (zhao, [TIER1, OUTSIDE, OTHER_CHAIN])):
        for key in refused:
            assert _pull(client, who, key).status_code == 403
            pushed = _send(client, who, _org(key, "Hefei") | {"change_id": f"x-{key}"})
            assert pushed.status_code == 403
    # and they may push to their own: a lead edits a supplier of their chain
    edit = _org(TIER1, "Wuhu") | {"change_id": "li-edit", "base_revision": 1}
    edit["fields"] = {"name": "Wuhu Rolling"}
    assert _send(client, li, edit).json()["results"][0]["outcome"] == "applied"


def test_a_pull_carries_the_chain_and_withholds_a_customer_out_of_sight(
    province: Province,
) -> None:
    client = province.client
    # zhao sees TIER2 (Hefei) but not its customer TIER1 (Wuhu)
    rows = _pull(client, province["zhao"], TIER2).json()["rows"]
    li_rows = _pull(client, province["li"], TIER2).json()["rows"]

    by_entity = {r["entity"]: r for r in rows}
    assert [r["row_id"] for r in rows if r["entity"] == "organization"] == [TIER2]
    assert by_entity["chain"]["row_id"] == CHAIN
    assert by_entity["chain_member"]["fields"]["customer_id"] is None
    assert all(r["row_id"] != TIER1 for r in rows)
    # li sees the customer: it travels with the membership, which names it
    li_member = next(r for r in li_rows if r["entity"] == "chain_member")
    assert li_member["fields"]["customer_id"] == TIER1
    assert {r["row_id"] for r in li_rows if r["entity"] == "organization"} == {TIER1, TIER2}


def test_a_company_user_sees_only_their_own_and_reads_their_chain(
    province: Province,
) -> None:
    client = province.client
    cqo = province["cqo"]

    assert _visible(client, cqo) == ({TIER1}, {CHAIN})
    for other in (LEADER, TIER2, OUTSIDE):
        assert _pull(client, cqo, other).status_code == 403
        assert (
            _send(client, cqo, _org(other, "Hefei") | {"change_id": "c-" + other}).status_code
            == 403
        )
    # the chain is read only to them, and a new one is not theirs to create
    rename = _chain(CHAIN, "Renamed", base=1)
    assert _send(client, cqo, rename).status_code == 403
    new_chain = "01a00000-0000-7000-8000-00000000c0e9"
    assert _send(client, cqo, _chain(new_chain)).status_code == 403
    rows = _pull(client, cqo, TIER1).json()["rows"]
    member = next(r for r in rows if r["entity"] == "chain_member")
    assert member["fields"]["customer_id"] is None  # LEADER is not theirs
    assert {r["row_id"] for r in rows if r["entity"] == "organization"} == {TIER1}


def test_a_chain_a_consultant_creates_is_theirs_and_members_follow_their_organizations(
    province: Province,
) -> None:
    client = province.client
    alice = province["alice"]
    mine = "01a00000-0000-7000-8000-00000000a0a1"
    own_chain = "01a00000-0000-7000-8000-00000000a0e1"

    answer = _send(
        client,
        alice,
        _org(mine, "Tongling"),
        _chain(own_chain),
        _member(mine, None, 0, chain=own_chain),
    )

    assert [r["outcome"] for r in answer.json()["results"]] == ["applied"] * 3
    assert _visible(client, alice) == ({mine}, {own_chain})
    assert _visible(client, province["li"])[1] == {CHAIN}  # not li's chain
    # adding a company one does not see to a chain is refused: it would open it to the chain's lead
    assert _send(client, province["li"], _member(OUTSIDE, TIER2, 3)).status_code == 403


def test_a_lead_resolves_conflicts_of_their_organizations_only(province: Province) -> None:
    client, root = province.client, province["root"]
    inside, outside = "01a00000-0000-7000-8000-00000000c1a1", "01a00000-0000-7000-8000-00000000c1b1"
    assert _send(client, root, _org(inside, "Chizhou"), _org(outside, "Anqing")).status_code == 200
    for n in (1, 2):  # the same field changed twice from the same base: a conflict
        for key in (inside, outside):
            edit = _org(key, "-") | {"change_id": f"race-{key}-{n}", "base_revision": 1}
            edit["fields"] = {"name": f"Name {n}"}
            assert _send(client, root, edit).status_code == 200
    with db.sessions(province.engine)() as session:
        query = select(Conflict).where(Conflict.organization_id.in_([inside, outside]))
        ids = {c.organization_id: c.id for c in session.scalars(query)}
    assert set(ids) == {inside, outside}

    not_theirs = client.post(f"/v1/conflicts/{ids[outside]}/resolve", headers=province["sun"])
    by_consultant = client.post(f"/v1/conflicts/{ids[inside]}/resolve", headers=province["alice"])
    resolved = client.post(f"/v1/conflicts/{ids[inside]}/resolve", headers=province["sun"])
    missing = client.post("/v1/conflicts/999999/resolve", headers=root)

    refusals = (not_theirs.status_code, by_consultant.status_code, missing.status_code)
    assert refusals == (403, 403, 404)
    assert resolved.status_code == 200
    body = resolved.json()
    assert (body["id"], body["resolved"], body["resolved_by"]) == (ids[inside], True, "sun")
    assert (body["field"], body["server_value"], body["incoming_value"]) == (
        "name",
        "Name 1",
        "Name 2",
    )
    with db.sessions(province.engine)() as session:
        states = {c.organization_id: (c.resolved, c.resolved_by) for c in session.scalars(query)}
    assert states == {inside: (True, "sun"), outside: (False, None)}


def test_a_consultant_travels_with_every_organization_that_points_to_them(
    province: Province,
) -> None:
    client = province.client
    root, cqo, zhao = province["root"], province["cqo"], province["zhao"]
    person = "01a00000-0000-7000-8000-00000000d0a1"
    consultant = change(
        "p-1", "person", person, {"name": "Wang", "organization_id": None}, organization=LEADER
    )
    visit_a = change(
        "v-1",
        "visit",
        person[:-3] + "e01",
        {"organization_id": LEADER, "lead_consultant_id": person},
        organization=LEADER,
    )
    visit_b = change(
        "v-2",
        "visit",
        person[:-3] + "e02",
        {"organization_id": TIER1, "lead_consultant_id": person},
        organization=TIER1,
    )
    # filed under LEADER (their first visit), then a visit of TIER1 points to them
    assert _send(client, root, consultant, visit_a, visit_b).status_code == 200

    rows = _pull(client, cqo, TIER1).json()["rows"]
    rename = change("p-2", "person", person, {"name": "Wang Wei"}, base=1, organization=LEADER)
    by_lead = _send(client, zhao, rename).json()["results"][0]
    from_company = change("p-3", "person", person, {"name": "Mallory"}, base=2, organization=TIER1)
    by_company = _send(client, cqo, from_company).json()["results"][0]

    assert [r["row_id"] for r in rows if r["entity"] == "person"] == [person]
    assert by_lead["outcome"] == "applied"
    assert (by_company["outcome"], by_company["reason"]) == ("rejected", "wrong_organization")


# -- laptops: real desktop databases, synced in process ----------------------------------------


@pytest.fixture(scope="module")
def desktop_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("desktop-template")
    database = open_database(folder / "qclinic.sqlite", attachments_dir=folder / "attachments")
    database.dispose()
    return folder / "qclinic.sqlite"


class Laptop:
    """A desktop data folder (a copy of a migrated database with its own device id) and one
    user's sign-in to the in-process server."""

    def __init__(self, folder: Path, template: Path, client: TestClient, user: str) -> None:
        folder.mkdir()
        shutil.copyfile(template, folder / "qclinic.sqlite")
        with sqlite3.connect(folder / "qclinic.sqlite") as connection:  # another laptop
            connection.execute("DELETE FROM local_state WHERE key = ?", (DEVICE_ID_KEY,))
        self.database = open_database(folder / "qclinic.sqlite", attachments_dir=folder / "att")
        self.services = Services(self.database)
        headers = signed_in(client, user)
        self._http = TestClient(client.app, headers=headers)

    def sync(self) -> sync_engine.SyncSummary:
        client = SyncClient("http://testserver", http=self._http)
        return sync_engine.run(self.services.sync, client, lambda _message: None, "en")

    def chain(self, name: str, members: list[tuple[str, str | None, int]]) -> str:
        """A chain with (organization, customer, tier) members, written in one transaction of
        the service layer (the chains service is issue 14's)."""
        with self.services.organizations._writing(None) as session:
            chain = Chain(name=name, region="Anhui")
            session.add(chain)
            session.flush()
            for organization_id, customer, tier in members:
                role = ChainRole.CHAIN_LEADER if customer is None else ChainRole.SUPPLIER
                session.add(
                    ChainMember(
                        chain_id=chain.id,
                        organization_id=organization_id,
                        role=role,
                        customer_id=customer,
                        tier=tier,
                    )
                )
            return chain.id

    def join(self, chain_id: str, organization_id: str, customer: str, tier: int) -> None:
        with self.services.organizations._writing(None) as session:
            session.add(
                ChainMember(
                    chain_id=chain_id,
                    organization_id=organization_id,
                    role=ChainRole.SUPPLIER,
                    customer_id=customer,
                    tier=tier,
                )
            )

    def rows(self, model: Any) -> list[Any]:
        with self.database.read_session() as session:
            return list(session.scalars(select(model)))

    def close(self) -> None:
        self._http.close()
        self.database.dispose()


@pytest.fixture
def laptops(tmp_path: Path, desktop_template: Path, engine: Engine) -> Iterator[Any]:
    client = TestClient(create_app(db.sessions(engine)))
    made: list[Laptop] = []

    def laptop(name: str, user: str) -> Laptop:
        made.append(Laptop(tmp_path / name, desktop_template, client, user))
        return made[-1]

    yield laptop
    for each in made:
        each.close()
    client.close()


def test_a_chain_and_its_members_reach_a_consultants_second_laptop(laptops: Any) -> None:
    first, second = laptops("a", "alice"), laptops("b", "alice")
    leader = first.services.organizations.create("铜陵有色", region="铜陵").id
    supplier = first.services.organizations.create("铜冠铜箔", region="铜陵").id
    chain_id = first.chain("铜基新材料产业链", [(leader, None, 0), (supplier, leader, 1)])

    first.sync()
    second.sync()

    assert [(c.id, c.name) for c in second.rows(Chain)] == [(chain_id, "铜基新材料产业链")]
    members = {(m.organization_id, m.customer_id, m.tier, m.role) for m in second.rows(ChainMember)}
    assert members == {
        (leader, None, 0, ChainRole.CHAIN_LEADER),
        (supplier, leader, 1, ChainRole.SUPPLIER),
    }
    assert {o.id for o in second.rows(Organization)} == {leader, supplier}


def test_a_supplier_added_to_a_leads_chain_after_a_pull_arrives_entire(
    engine: Engine, laptops: Any
) -> None:
    with db.sessions(engine)() as session, session.begin():
        accounts.add_user(session, "li", "lead", PASSWORD, [])
    office, field, lead = (
        laptops("office", "root"),
        laptops("field", "alice"),
        laptops("lead", "li"),
    )
    leader = office.services.organizations.create("Leader Co", region="Hefei").id
    chain_id = office.chain("Copper chain", [(leader, None, 0)])
    office.sync()
    with db.sessions(engine)() as session, session.begin():
        accounts.assign(session, "li", chains=[chain_id])
    # a consultant's company, with its history, before anyone puts it in the chain
    newcomer = field.services.organizations.create("Newcomer Co", region="Wuhu").id
    field.services.organizations.add_site(newcomer, "Plant 2")
    field.services.organizations.update(newcomer, notes="visited twice")
    field.sync()
    lead.sync()
    assert {o.id for o in lead.rows(Organization)} == {leader}

    office.sync()  # the admin sees every company: it pulls the newcomer, then adds it
    office.join(chain_id, newcomer, leader, 1)
    office.sync()
    lead.sync()

    organizations = {o.id: o for o in lead.rows(Organization)}
    assert set(organizations) == {leader, newcomer}
    assert organizations[newcomer].notes == "visited twice"  # its history, before the cursor
    assert [(s.organization_id, s.name) for s in lead.rows(Site)] == [(newcomer, "Plant 2")]
    assert {(m.organization_id, m.customer_id) for m in lead.rows(ChainMember)} == {
        (leader, None),
        (newcomer, leader),
    }


def test_a_customer_withheld_from_a_lead_arrives_when_its_region_is_given_to_them(
    engine: Engine, laptops: Any
) -> None:
    with db.sessions(engine)() as session, session.begin():
        accounts.add_user(session, "zhao", "lead", PASSWORD, [], regions=["Hefei"])
    office, lead = laptops("office", "root"), laptops("lead", "zhao")
    customer = office.services.organizations.create("Wuhu Rolling", region="Wuhu").id
    supplier = office.services.organizations.create("Hefei Wire", region="Hefei").id
    office.chain("Copper chain", [(customer, None, 0), (supplier, customer, 1)])
    office.sync()
    lead.sync()
    [seen_before] = lead.rows(ChainMember)
    with lead.services.organizations._writing(None) as session:
        member = session.get(ChainMember, seen_before.id)
        assert member is not None
        member.tier = 2
    lead.sync()  # the server's answer withholds the customer too: nothing to adopt
    [after_push] = lead.rows(ChainMember)

    with db.sessions(engine)() as session, session.begin():
        accounts.assign(session, "zhao", regions=["Wuhu"])
    lead.sync()

    members = {m.organization_id: m for m in lead.rows(ChainMember)}
    in_sight = members[supplier]
    assert set(members) == {customer, supplier}
    assert (seen_before.organization_id, seen_before.customer_id) == (supplier, None)
    assert (after_push.customer_id, after_push.tier) == (None, 2)
    assert (in_sight.customer_id, in_sight.tier) == (customer, 2)
    assert {o.id for o in lead.rows(Organization)} == {customer, supplier}


# -- the command line ------------------------------------------------------------------------


def test_users_are_given_and_lose_chains_regions_and_organizations_in_either_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pw").write_text(PASSWORD, encoding="utf-8")
    data = ["--data-dir", str(tmp_path / "srv")]
    password = ["--password-file", str(tmp_path / "pw")]
    assert main(["init", *data, "--admin", "root", *password]) == 0
    lead = ["users", "add", "li", "--role", "lead", "--chain", "K1", "--region", "Hefei"]
    assert main([*lead, *password, *data]) == 0
    assert main(["users", "assign", "li", "--chain", "K2", "--org", "O1", *data]) == 0
    assert main(["users", "unassign", "li", "--region", "Hefei", *data]) == 0
    capsys.readouterr()

    assert main(["--lang", "en", "users", "list", *data]) == 0
    english = capsys.readouterr().out.splitlines()
    assert main(["users", "list", *data, "--lang", "zh"]) == 0
    chinese = capsys.readouterr().out.splitlines()
    # a consultant is given no region; a typo in unassign is named; nothing named at all
    refused = [
        main(["users", "add", "wu", "--role", "consultant", "--region", "Hefei", *password, *data]),
        main(["--lang", "zh", "users", "unassign", "li", "--chain", "K9", *data]),
        main(["users", "assign", "li", *data, "--lang", "en"]),
    ]
    errors = capsys.readouterr().err.splitlines()

    assert english == [
        "user\trole\tstate\torganizations\tchains\tregions",
        "li\tlead\tactive\tO1\tK1,K2\t",
        "root\tadmin\tactive\t\t\t",
    ]
    assert chinese[0] == "用户\t角色\t状态\t企业\t产业链\t地区"
    assert chinese[1:] == ["li\tlead\t启用\tO1\tK1,K2\t", "root\tadmin\t启用\t\t\t"]
    assert refused == [2, 2, 2]
    assert errors[1:] == [
        "错误：用户 li 没有 --chain K9 这项分配",
        "error: name at least one --org, --chain or --region",
    ]
    assert "--region" in errors[0]
