"""The pull cursor never skips a row: concurrent writers, a reader following its cursor.

The trap (docs/SYNC.md, "Cursors"): with a plain serial column on PostgreSQL, a transaction that
took number 41 may commit after one that took 42; a reader that saw 42 moves its cursor past 41
and never sees it. :func:`test_a_plain_serial_cursor_skips_a_row_that_commits_late` shows that
on the real PostgreSQL. The server hands out ``seq`` under the counter's row lock held to commit,
so pushes commit in the order of their numbers; the other tests drive that design on SQLite and
on PostgreSQL with deliberate interleavings and with free-running writer threads, and check that
every row pushed is pulled exactly once. Pulls run in read-only sessions and take no write lock:
a pull made while a push holds the lock answers at once (with the old "write lock for every
request" it waited ``busy_timeout`` on SQLite and failed).
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.orm import Session

from qclinic.server import accounts, db
from qclinic.server.accounts import Caller
from qclinic.server.audit import verify
from qclinic.server.pull import page
from qclinic.server.push import Forbidden, apply_push
from qclinic.server.scope import visible_keys
from tests.server.conftest import ORG, change, organization

WAIT_S = 20  # every wait in this module gives up after this long


def _caller(engine: Engine) -> Caller:
    with db.sessions(engine)() as session:
        user = accounts.find_user(session, "alice")
        return Caller(user.id, user.name, user.role, "writer")


def _sites(tag: str, count: int) -> list[dict[str, Any]]:
    rows = [f"01a00000-0000-7000-8{tag}-{n:012d}" for n in range(count)]
    return [
        change(f"site-{row}", "site", row, {"organization_id": ORG, "name": row, "address": ""})
        for row in rows
    ]


def _holding_commit(session: Session, before_commit: Callable[[], None]) -> None:
    """Make *session*'s commit flush (the rows and the counter are written, the lock is held),
    call *before_commit*, then commit."""
    real_commit = session.commit

    def commit() -> None:
        session.flush()
        before_commit()
        real_commit()

    session.commit = commit  # type: ignore[method-assign]


class Reader:
    """A client following the organization's cursor through ``GET /v1/pull`` (or, quicker, the
    same :func:`qclinic.server.pull.page` in the server's read-only sessions)."""

    def __init__(
        self, client: TestClient, headers: dict[str, str], limit: int = 1000, engine: Any = None
    ) -> None:
        self.client, self.headers, self.limit = client, headers, limit
        self.readers = db.read_sessions(engine) if engine is not None else None
        self.cursor = 0
        self.rows: list[dict[str, Any]] = []

    def pull(self) -> dict[str, Any]:
        if self.readers is not None:
            with self.readers() as session:
                got = page(session, ORG, self.cursor, self.limit)
        else:
            answer = self.client.get(
                "/v1/pull",
                params={"organization": ORG, "after": self.cursor, "limit": self.limit},
                headers=self.headers,
            )
            assert answer.status_code == 200, answer.text
            got = answer.json()
        self.rows.extend(got["rows"])
        self.cursor = got["cursor"]
        return got

    def drain(self) -> None:
        while self.pull()["more"]:
            pass

    def sites(self) -> list[str]:
        return [row["row_id"] for row in self.rows if row["entity"] == "site"]


def _wait(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting: {what}"
        time.sleep(0.01)


def _waiting_on_a_lock(engine: Engine) -> bool:
    """Whether a PostgreSQL backend of this database waits for a lock (on SQLite: unknowable,
    taken as yes — a writer there queues at BEGIN IMMEDIATE)."""
    if engine.dialect.name != "postgresql":
        return True
    with engine.connect() as connection:
        waiting = connection.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
        ).scalar_one()
    return bool(waiting)


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    from tests.postgres import drop_database, fresh_database

    url = fresh_database(postgres_server)
    try:
        yield url
    finally:
        drop_database(url)


def test_a_plain_serial_cursor_skips_a_row_that_commits_late(postgres_url: str) -> None:
    """The naive design, on the real PostgreSQL: a ``SERIAL`` as the cursor loses a row."""
    engine = create_engine(postgres_url)
    with engine.begin() as setup:
        setup.execute(text("CREATE TABLE naive (seq SERIAL PRIMARY KEY, name TEXT)"))
    first, second = engine.connect(), engine.connect()
    try:
        taken_first = first.execute(
            text("INSERT INTO naive (name) VALUES ('first') RETURNING seq")
        ).scalar_one()
        taken_second = second.execute(
            text("INSERT INTO naive (name) VALUES ('second') RETURNING seq")
        ).scalar_one()
        second.commit()  # the later number commits first
        cursor, pulled = 0, []
        with engine.connect() as reader:
            page = reader.execute(
                text("SELECT seq, name FROM naive WHERE seq > :c ORDER BY seq"), {"c": cursor}
            ).all()
            pulled += [name for _seq, name in page]
            cursor = page[-1].seq
            first.commit()  # the earlier number commits last
            reader.commit()
            page = reader.execute(
                text("SELECT seq, name FROM naive WHERE seq > :c ORDER BY seq"), {"c": cursor}
            ).all()
            pulled += [name for _seq, name in page]
            stored = reader.execute(text("SELECT name FROM naive ORDER BY seq")).scalars().all()
    finally:
        first.close()
        second.close()
        engine.dispose()

    assert taken_first < taken_second
    assert stored == ["first", "second"]
    assert pulled == ["second"]  # "first" was skipped for good: what the server must not do


def test_a_pull_while_a_push_holds_its_numbers_stops_below_them(
    engine: Engine, client: TestClient, alice: dict[str, str]
) -> None:
    """Writer 1 takes its numbers and holds its transaction open; writer 2 comes later and must
    wait (it cannot commit a higher number first); a pull in between answers at once, without
    the write lock, and does not move its cursor past writer 1's rows; after both commit, the
    reader gets every row once, writer 1's first."""
    who = _caller(engine)
    with db.sessions(engine)() as session:
        apply_push(session, who, [organization()])
    reader = Reader(client, alice)
    reader.drain()
    before = reader.cursor

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

    first = threading.Thread(target=writer, args=(_sites("001", 3), True))
    second = threading.Thread(target=writer, args=(_sites("002", 3), False))
    first.start()
    assert holding.wait(WAIT_S), "writer 1 never reached its commit"
    second.start()
    _wait(
        lambda: _waiting_on_a_lock(engine) or not second.is_alive(),
        "writer 2 to queue behind writer 1's lock",
    )

    during = reader.pull()  # must neither block nor skip
    second_waited = second.is_alive()
    release.set()
    first.join(WAIT_S)
    second.join(WAIT_S)
    assert not first.is_alive() and not second.is_alive() and failures == []
    reader.drain()

    pushed = [c["row_id"] for c in _sites("001", 3) + _sites("002", 3)]
    assert reader.sites() == pushed  # every row once, writer 1's (lower numbers) first
    assert during["rows"] == [] and during["cursor"] == before
    assert second_waited, "writer 2 committed while writer 1 held the sequence"
    seqs = [row["seq"] for row in reader.rows]
    assert seqs == sorted(set(seqs))


def test_concurrent_writers_and_a_reader_following_its_cursor_miss_nothing(
    engine: Engine, client: TestClient, alice: dict[str, str]
) -> None:
    """Four writer threads (their own connections) push 10 batches of 5 new sites each, each
    pausing at random between writing its rows and committing — the window in which a serial
    cursor loses rows — while a reader keeps pulling by cursor, in pages of 20, as the server
    pulls (its read-only sessions, no HTTP, to keep up with the writers): every site exactly
    once. (With the lock taken out and ``seq`` drawn from a PostgreSQL sequence, this test
    loses rows in most runs; the one above, in every run.)"""
    who = _caller(engine)
    with db.sessions(engine)() as session:
        apply_push(session, who, [organization()])
    reader = Reader(client, alice, limit=20, engine=engine)
    done = threading.Event()
    failures: list[BaseException] = []
    pushed: list[str] = []

    def writer(worker: int) -> None:
        pause = random.Random(worker)
        try:
            for batch in range(10):
                time.sleep(pause.uniform(0, 0.01))
                changes = _sites(f"{worker:01d}{batch:02d}", 5)
                with db.sessions(engine)() as session:
                    _holding_commit(session, lambda: time.sleep(pause.uniform(0, 0.02)))
                    results = apply_push(session, who, changes)
                assert [r["outcome"] for r in results] == ["applied"] * 5
                pushed.extend(c["row_id"] for c in changes)
        except BaseException as error:  # reported by the test thread
            failures.append(error)

    def read() -> None:
        try:
            while not done.is_set():
                reader.pull()
                # a breath between pulls: a reader spinning on the GIL makes every writer wait
                # for it at each call into SQLite while holding the write lock, and the writers
                # queued on BEGIN IMMEDIATE then time out (busy_timeout) in one run in three
                time.sleep(0.002)
            reader.drain()
        except BaseException as error:
            failures.append(error)

    reading = threading.Thread(target=read)
    writers = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    reading.start()
    for thread in writers:
        thread.start()
    for thread in writers:
        thread.join(WAIT_S * 3)
    done.set()
    reading.join(WAIT_S)

    assert failures == []
    assert not reading.is_alive() and not any(thread.is_alive() for thread in writers)
    assert len(pushed) == 200
    assert sorted(reader.sites()) == sorted(pushed)  # none skipped
    assert len(reader.sites()) == len(set(reader.sites()))  # none twice
    with db.sessions(engine)() as session:
        assert verify(session) == []  # and the log's hash chain stayed one line


def test_two_consultants_creating_one_organization_at_once_do_not_both_get_it(
    engine: Engine,
) -> None:
    """The access checks of a push run under the sequence lock: while alice's push creating the
    organization is held before its commit, bob's push of the same organization waits, then
    finds it alice's and is refused (on PostgreSQL, READ COMMITTED, a check made before the
    lock would not have seen alice's row and would have assigned it to bob as well)."""
    with db.sessions(engine)() as session, session.begin():
        accounts.add_user(session, "bob", "consultant", "bob's password", [])
    alice = _caller(engine)
    with db.sessions(engine)() as session:
        user = accounts.find_user(session, "bob")
        bob = Caller(user.id, user.name, user.role, "bob's laptop")
    holding, release = threading.Event(), threading.Event()
    outcome: dict[str, Any] = {}

    def push(caller: Caller, hold: bool) -> None:
        try:
            with db.sessions(engine)() as session:
                if hold:
                    _holding_commit(session, lambda: (holding.set(), release.wait(WAIT_S)))
                outcome[caller.name] = apply_push(session, caller, [organization(caller.name)])
        except Exception as error:  # the test thread reads it
            outcome[caller.name] = error

    first = threading.Thread(target=push, args=(alice, True))
    second = threading.Thread(target=push, args=(bob, False))
    first.start()
    assert holding.wait(WAIT_S)
    second.start()
    _wait(
        lambda: _waiting_on_a_lock(engine) or not second.is_alive(),
        "bob's push to queue behind alice's",
    )
    release.set()
    first.join(WAIT_S)
    second.join(WAIT_S)

    with db.sessions(engine)() as session:
        bobs = visible_keys(session, bob)[0]
        alices = visible_keys(session, alice)[0]
    assert [r["outcome"] for r in outcome["alice"]] == ["applied"]
    assert isinstance(outcome["bob"], Forbidden)
    assert (alices, bobs) == ([ORG], [])
