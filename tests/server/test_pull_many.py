"""``POST /v1/pull/many`` (docs/SYNC.md, "Pulling many keys"), in process on SQLite and on
PostgreSQL: its answer is the one-key pulls' union, it pages across keys, an unchanged key
costs nothing, a key out of sight is left out without a row of it, and a row committed late is
not skipped.
"""

from __future__ import annotations

import json
import threading
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from qclinic.server import accounts, db
from qclinic.server.accounts import Caller
from qclinic.server.pull_many import MAX_KEYS
from qclinic.server.push import apply_push
from tests.server.conftest import PASSWORD, change, signed_in
from tests.server.test_cursor import WAIT_S, _holding_commit, _wait, _waiting_on_a_lock

CHAIN = "01a00000-0000-7000-8000-00000000d0e1"
#: six companies; the chain runs through all of them, each supplying the one before it
ORGS = [f"01a00000-0000-7000-8000-00000000d0{n}1" for n in range(6)]
REGIONS = ["Hefei", "Wuhu", "Hefei", "Anqing", "Hefei", "Wuhu"]
SITES = 3


def _as(engine: Engine, name: str) -> Caller:
    with db.sessions(engine)() as session:
        user = accounts.find_user(session, name)
        return Caller(user.id, user.name, user.role, "test")


def _site(org: str, n: int, name: str = "") -> dict[str, Any]:
    row = f"{org[:-4]}{n:02d}{org[-2:]}"
    fields = {"organization_id": org, "name": name or f"site {n}", "address": ""}
    return change(f"site-{row}-{name}", "site", row, fields, organization=org)


def _province(engine: Engine) -> None:
    """The six companies, each with its sites, in one chain, pushed by the admin; a lead of
    the region Hefei (three of them: the memberships naming a customer elsewhere withhold it)."""
    changes: list[dict[str, Any]] = [
        change(
            "chain", "chain", CHAIN, {"name": "K", "region": "", "notes": ""}, organization=CHAIN
        )
    ]
    for n, (org, region) in enumerate(zip(ORGS, REGIONS, strict=True)):
        fields = {"name": f"Co {n}", "region": region}
        changes.append(change(f"org-{org}", "organization", org, fields, organization=org))
        changes += [_site(org, k) for k in range(SITES)]
        member = {
            "chain_id": CHAIN,
            "organization_id": org,
            "role": "chain-leader" if n == 0 else "supplier",
            "customer_id": ORGS[n - 1] if n else None,
            "tier": n,
        }
        row = f"{org[:-4]}99{org[-2:]}"
        changes.append(change(f"m-{row}", "chain_member", row, member, organization=org))
    with db.sessions(engine)() as session, session.begin():
        accounts.add_user(session, "zhao", "lead", PASSWORD, [], regions=["Hefei"])
    with db.sessions(engine)() as session:
        apply_push(session, _as(engine, "root"), changes)


def _keys(client: TestClient, who: dict[str, str]) -> list[str]:
    answer = client.get("/v1/organizations", headers=who).json()
    return [*answer["directories"], *answer["chains"], *answer["organizations"]]


def _one_by_one(
    client: TestClient, who: dict[str, str], keys: list[str], limit: int
) -> tuple[dict[str, list[Any]], dict[str, int]]:
    rows: dict[str, list[Any]] = {}
    cursors: dict[str, int] = {}
    for key in keys:
        cursor, rows[key] = 0, []
        while True:
            params = {"organization": key, "after": cursor, "limit": limit}
            page = client.get("/v1/pull", params=params, headers=who).json()
            rows[key] += page["rows"]
            cursor = page["cursor"]
            if not page["more"]:
                break
        cursors[key] = cursor
    return rows, cursors


def _many(
    client: TestClient, who: dict[str, str], pairs: list[tuple[str, int]], limit: int
) -> dict[str, Any]:
    body = {"scopes": [{"key": key, "after": after} for key, after in pairs], "limit": limit}
    answer = client.post("/v1/pull/many", json=body, headers=who)
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def _all_at_once(
    client: TestClient, who: dict[str, str], keys: list[str], limit: int
) -> tuple[dict[str, list[Any]], dict[str, int], int]:
    """Follow the many-key answers to the end as the desktop does; rows and cursors by key,
    and the number of requests."""
    rows: dict[str, list[Any]] = {key: [] for key in keys}
    cursors = dict.fromkeys(keys, 0)
    pending = [(key, 0) for key in keys]
    requests = 0
    while pending:
        answer = _many(client, who, pending, limit)
        requests += 1
        again = []
        for page in answer["pages"]:
            rows[page["key"]] += page["rows"]
            cursors[page["key"]] = page["cursor"]
            if page["more"]:
                again.append((page["key"], page["cursor"]))
        pending = again + pending[answer["reached"] :]
    return rows, cursors, requests


def _as_set(rows: list[Any]) -> set[str]:
    return {json.dumps(row, sort_keys=True) for row in rows}


def test_the_answer_is_the_union_of_the_one_key_pulls(engine: Engine, client: TestClient) -> None:
    _province(engine)
    for user in ("root", "zhao"):
        who = signed_in(client, user)
        keys = _keys(client, who)

        alone, alone_cursors = _one_by_one(client, who, keys, 1000)
        together, cursors, requests = _all_at_once(client, who, keys, 1000)

        assert together == alone  # the same rows, in the same order, key by key
        assert cursors == alone_cursors
        assert requests == 1
    # the lead's memberships naming a customer out of Hefei carry it withheld, as alone
    hefei = [org for org, region in zip(ORGS, REGIONS, strict=True) if region == "Hefei"]
    assert set(keys) >= set(hefei) and not set(keys) & (set(ORGS) - set(hefei))
    customers = {
        row["fields"]["customer_id"]
        for row in together[ORGS[2]]
        if row["entity"] == "chain_member" and row["organization_id"] == ORGS[2]
    }
    assert customers == {None}  # ORGS[1] is in Wuhu: out of the lead's sight


def test_an_answer_pages_across_keys_and_every_row_arrives_once(
    engine: Engine, client: TestClient
) -> None:
    _province(engine)
    root = signed_in(client, "root")
    keys = ORGS
    per_key = 1 + SITES + 1  # the organization, its sites, its membership (the chain carried)

    first = _many(client, root, [(key, 0) for key in keys], 7)
    alone, alone_cursors = _one_by_one(client, root, keys, 1000)
    together, cursors, requests = _all_at_once(client, root, keys, 7)

    # ORGS[0]: its five rows and the chain carried with its membership; then ORGS[1] up to
    # the limit, its page saying "more"; the keys after it not reached
    assert [page["key"] for page in first["pages"]] == ORGS[:2]
    assert [page["more"] for page in first["pages"]] == [False, True]
    assert first["reached"] == 2
    assert cursors == alone_cursors
    for key in keys:
        own = [row["row_id"] for row in together[key] if row["organization_id"] == key]
        assert len(own) == len(set(own)) == per_key  # each of the key's rows once
        assert _as_set(together[key]) == _as_set(alone[key])
    # full answers: about one request per 7 rows, not one (or more) per key
    total = sum(len(alone[key]) for key in keys)
    assert requests <= -(-total // 7) + 1


def test_an_unchanged_key_costs_nothing_and_a_change_comes_alone(
    engine: Engine, client: TestClient
) -> None:
    _province(engine)
    root = signed_in(client, "root")
    keys = _keys(client, root)
    _rows, cursors, _requests = _all_at_once(client, root, keys, 1000)
    pairs = [(key, cursors[key]) for key in keys]

    quiet = _many(client, root, pairs, 1000)
    with db.sessions(engine)() as session:
        apply_push(session, _as(engine, "root"), [_site(ORGS[4], 50, "new")])
    moved = _many(client, root, pairs, 1000)

    assert quiet == {"pages": [], "reached": len(keys), "forbidden": []}
    assert [page["key"] for page in moved["pages"]] == [ORGS[4]]
    assert [row["fields"]["name"] for row in moved["pages"][0]["rows"]] == ["new"]
    assert moved["pages"][0]["cursor"] > cursors[ORGS[4]]
    assert moved["reached"] == len(keys)


def test_a_key_out_of_sight_is_left_out_without_a_row_of_it(
    engine: Engine, client: TestClient
) -> None:
    _province(engine)
    zhao = signed_in(client, "zhao")
    seen, unseen = ORGS[0], ORGS[1]  # Hefei; Wuhu

    answer = _many(client, zhao, [(unseen, 0), (seen, 0), ("not-a-key-at-all", 0)], 1000)

    assert answer["forbidden"] == [unseen, "not-a-key-at-all"]
    assert answer["reached"] == 3
    assert [page["key"] for page in answer["pages"]] == [seen]
    sent = [row for page in answer["pages"] for row in page["rows"]]
    assert sent and all(row["organization_id"] != unseen for row in sent)
    assert all(row["row_id"] != unseen for row in sent)


def test_a_row_committed_late_is_not_skipped(engine: Engine, client: TestClient) -> None:
    """Writer 1 holds its numbers uncommitted (sites of ORGS[0]); writer 2 (ORGS[1]) queues
    behind it; a many-key pull in between answers at once with neither, every cursor unmoved;
    after both commit, the next answer has every row once."""
    _province(engine)
    root = signed_in(client, "root")
    keys = ORGS[:2]
    _rows, cursors, _requests = _all_at_once(client, root, keys, 1000)
    pairs = [(key, cursors[key]) for key in keys]
    who = _as(engine, "root")
    holding, release = threading.Event(), threading.Event()
    failures: list[BaseException] = []

    def writer(changes: list[dict[str, Any]], hold: bool) -> None:
        try:
            with db.sessions(engine)() as session:
                if hold:
                    _holding_commit(session, lambda: (holding.set(), release.wait(WAIT_S)))
                apply_push(session, who, changes)
        except BaseException as error:  # reported by the test thread
            failures.append(error)

    first_sites = [_site(ORGS[0], 60 + n, "late") for n in range(3)]
    second_sites = [_site(ORGS[1], 60 + n, "later") for n in range(3)]
    first = threading.Thread(target=writer, args=(first_sites, True))
    second = threading.Thread(target=writer, args=(second_sites, False))
    first.start()
    assert holding.wait(WAIT_S), "writer 1 never reached its commit"
    second.start()
    _wait(lambda: _waiting_on_a_lock(engine) or not second.is_alive(), "writer 2 to queue")

    during = _many(client, root, pairs, 1000)  # must neither block nor skip
    release.set()
    first.join(WAIT_S)
    second.join(WAIT_S)
    assert not first.is_alive() and not second.is_alive() and failures == []
    after = _many(client, root, pairs, 1000)

    assert during["pages"] == [] and during["reached"] == 2
    got = {page["key"]: [row["row_id"] for row in page["rows"]] for page in after["pages"]}
    assert got == {
        ORGS[0]: [c["row_id"] for c in first_sites],
        ORGS[1]: [c["row_id"] for c in second_sites],
    }


def test_too_many_keys_or_a_bad_limit_is_refused_whole(client: TestClient) -> None:
    root = signed_in(client, "root")
    keys = [{"key": f"k{n}", "after": 0} for n in range(MAX_KEYS + 1)]

    too_many = client.post("/v1/pull/many", json={"scopes": keys}, headers=root)
    no_rows = client.post("/v1/pull/many", json={"scopes": keys[:1], "limit": 0}, headers=root)
    below_zero = client.post(
        "/v1/pull/many", json={"scopes": [{"key": "k", "after": -1}]}, headers=root
    )
    unsigned = client.post("/v1/pull/many", json={"scopes": keys[:1]})

    assert [too_many.status_code, no_rows.status_code, below_zero.status_code] == [422] * 3
    assert unsigned.status_code == 401
