"""Conflicts reach the desktop: kept locally, listed, counted, resolved, and the resolution
synced like any edit; an organization's credit code on two laptops, end to end (in process)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from qclinic.core.catalogue import text
from qclinic.errors import UserError
from qclinic.server import db
from qclinic.server.models import Change, Conflict, Record
from tests.sync.conftest import qclinic
from tests.sync.hub import Hub, Laptop, hub

USCC = "91340700MA2N0X0B8A"


@pytest.fixture
def two(tmp_path: Path) -> Iterator[tuple[Hub, Laptop, Laptop]]:
    with hub(tmp_path) as server:
        server.add_user("alice")
        yield server, server.laptop("a", "alice"), server.laptop("b", "alice")


def _server(server: Hub, row_id: str) -> Record:
    with db.sessions(server.engine)() as session:
        record = session.get(Record, row_id)
        assert record is not None
        return record


def _one_field_conflict(two: tuple[Hub, Laptop, Laptop]) -> str:
    """A region edited to Wuhu on A and to Maanshan on B; A synced first."""
    _server_hub, a, b = two
    organization = a.services.organizations.create("Wuhu Alloys", region="Anhui").id
    a.sync()
    b.sync()
    a.services.organizations.update(organization, region="Wuhu")
    b.services.organizations.update(organization, region="Maanshan")
    a.sync()
    assert b.sync().conflicts == 1
    return organization


def test_a_conflict_is_kept_on_the_laptop_that_lost_and_pulled_by_the_other(
    two: tuple[Hub, Laptop, Laptop],
) -> None:
    _server_hub, a, b = two
    organization = _one_field_conflict(two)
    a.sync()
    b.sync()  # heard again from /v1/conflicts: still kept once

    for laptop in (a, b):
        (kept,) = laptop.services.conflicts.records()
        assert (kept.entity, kept.row_id, kept.field) == ("organization", organization, "region")
        assert (kept.mine, kept.theirs) == ("Maanshan", "Wuhu")
        assert (kept.mine_by, kept.theirs_by) == ("alice", "alice")
        assert not kept.resolved
        assert laptop.services.conflicts.open_count() == 1
        assert laptop.services.organizations.get(organization).region == "Wuhu"


def test_keep_mine_is_an_edit_pushed_against_the_current_revision(
    two: tuple[Hub, Laptop, Laptop],
) -> None:
    server, a, b = two
    organization = _one_field_conflict(two)
    (kept,) = b.services.conflicts.records()
    revision = _server(server, organization).revision

    resolved = b.services.conflicts.resolve(kept.id, "mine")

    assert resolved.resolved and resolved.resolution == "mine"
    assert b.services.organizations.get(organization).region == "Maanshan"
    assert b.services.sync.pending_count() == 1
    summary = b.sync()
    assert (summary.pushed, summary.conflicts) == (1, 0)
    record = _server(server, organization)
    assert (record.fields["region"], record.revision) == ("Maanshan", revision + 1)
    a.sync()
    assert a.services.organizations.get(organization).region == "Maanshan"
    assert b.services.conflicts.open_count() == 0
    with pytest.raises(UserError) as again:
        b.services.conflicts.resolve(kept.id, "theirs")
    assert again.value.text == text("conflicts.already_resolved", id=kept.id)


def test_a_merged_value_syncs_and_keep_theirs_changes_nothing(
    two: tuple[Hub, Laptop, Laptop],
) -> None:
    server, a, b = two
    organization = _one_field_conflict(two)
    a.sync()
    (on_a,) = a.services.conflicts.records()
    (on_b,) = b.services.conflicts.records()

    a.services.conflicts.resolve(on_a.id, "theirs")
    assert a.services.sync.pending_count() == 0
    b.services.conflicts.resolve(on_b.id, "merged", "Wuhu / Maanshan")
    b.sync()
    a.sync()

    assert _server(server, organization).fields["region"] == "Wuhu / Maanshan"
    assert a.services.organizations.get(organization).region == "Wuhu / Maanshan"
    with pytest.raises(UserError):
        b.services.conflicts.resolve(on_b.id, "whatever")


def test_list_conflicts_and_sync_status_show_them(two: tuple[Hub, Laptop, Laptop]) -> None:
    _server_hub, _a, b = two
    organization = _one_field_conflict(two)
    folder = b.services.database.path.parent
    b.services.database.dispose()

    listed = qclinic(folder, "list", "conflicts", "--json")
    status = qclinic(folder, "sync", "status", "--json")

    assert listed.returncode == 0, listed.stderr
    shown = json.loads(listed.stdout)
    assert (shown["source"], shown["count"], shown["open"]) == ("local", 1, 1)
    (row,) = shown["rows"]
    assert (row["row_id"], row["field"], row["mine"], row["theirs"]) == (
        organization,
        "region",
        "Maanshan",
        "Wuhu",
    )
    assert row["resolved"] is False
    assert json.loads(status.stdout)["open_conflicts"] == 1


def test_a_delete_that_won_keeps_the_lost_edit_and_keep_mine_restores(
    two: tuple[Hub, Laptop, Laptop],
) -> None:
    server, a, b = two
    organization = a.services.organizations.create("Gone Co", region="Anhui").id
    a.sync()
    b.sync()
    a.services.organizations.delete(organization)
    b.services.organizations.update(organization, notes="still trading")
    a.sync()
    b.sync()

    (kept,) = b.services.conflicts.records()
    assert (kept.field, kept.mine, kept.theirs, kept.reason) == (
        "notes",
        "still trading",
        None,
        "deleted",
    )
    assert b.services.organizations.find(organization) is None
    b.services.conflicts.resolve(kept.id, "mine")
    b.sync()
    record = _server(server, organization)
    assert (record.deleted, record.fields["notes"]) == (False, "still trading")


def _credit_code_clash(two: tuple[Hub, Laptop, Laptop]) -> tuple[str, str]:
    """Copper X made on A and synced; the same company (same credit code) made on B."""
    _server_hub, a, b = two
    first = a.services.organizations.create("Tongling Copper", uscc=USCC).id
    a.sync()
    second = b.services.organizations.create("Tongling Copper Co., Ltd.", uscc=USCC).id
    return first, second


def test_the_second_organization_with_a_credit_code_is_refused_and_the_pull_goes_on(
    two: tuple[Hub, Laptop, Laptop],
) -> None:
    server, _a, b = two
    first, second = _credit_code_clash(two)

    summary = b.sync()  # before the fix: the pull failed on uq_organization_uscc_live

    assert (summary.rejected, summary.set_aside) == (1, 1)
    refused = text(
        "sync.conflict_duplicate_refused",
        name="Tongling Copper Co., Ltd.",
        code=USCC,
        existing="Tongling Copper",
    ).en
    set_aside = text(
        "sync.conflict_duplicate_pulled",
        theirs="Tongling Copper",
        mine="Tongling Copper Co., Ltd.",
        code=USCC,
    ).en
    assert refused in b.said and set_aside in b.said
    with db.sessions(server.engine)() as session:
        assert session.get(Record, second) is None
        outcome = session.scalar(select(Change.result).where(Change.row_id == second))
        assert outcome is not None and outcome["reason"] == "duplicate_credit_code"
        assert session.scalars(select(Conflict)).all() == []
    assert b.services.organizations.get(second).uscc == USCC  # B's work is kept
    assert b.services.organizations.find(first) is None
    kept = {(c.row_id, c.reason) for c in b.services.conflicts.records()}
    assert kept == {(second, "duplicate_credit_code"), (first, "duplicate_credit_code")}


def test_deleting_the_duplicate_lets_the_existing_organization_arrive(
    two: tuple[Hub, Laptop, Laptop],
) -> None:
    server, _a, b = two
    first, second = _credit_code_clash(two)
    b.sync()
    b.sync()  # set aside again, and kept once
    assert len(b.services.conflicts.records()) == 2

    b.services.organizations.delete(second)
    summary = b.sync()

    assert summary.set_aside == 0
    assert b.services.organizations.get(first).name == "Tongling Copper"
    for kept in b.services.conflicts.records():
        b.services.conflicts.resolve(kept.id, "theirs")
    assert b.services.conflicts.open_count() == 0
    assert _server(server, first).fields["uscc"] == USCC
