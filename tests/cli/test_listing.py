"""``qclinic list … [--json]`` run as the real program on demo data, and on two laptops synced
through the real server (the fixtures of tests/sync)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from qclinic.core.catalogue import text
from tests.sync import conftest as sync_fixtures
from tests.sync.conftest import environment, login, sync

server = sync_fixtures.server  # the real qclinic-server, one for this module


def qclinic(data_dir: Path, *args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qclinic", "--data-dir", str(data_dir), "--lang", lang, *args],
        capture_output=True,
        text=True,
        env=environment(),
        timeout=120,
        check=False,
    )


def listed(data_dir: Path, *args: str) -> dict[str, Any]:
    done = qclinic(data_dir, "list", *args, "--json")
    assert done.returncode == 0, done.stderr
    answer: dict[str, Any] = json.loads(done.stdout)
    return answer


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """A data folder with the demo company, and the ids ``qclinic demo --json`` printed."""
    folder = tmp_path_factory.mktemp("demo")
    done = qclinic(folder, "demo", "--json")
    assert done.returncode == 0, done.stderr
    return folder, json.loads(done.stdout)


def test_each_kind_lists_the_demo_records_with_what_a_script_compares(
    demo: tuple[Path, dict[str, Any]],
) -> None:
    folder, ids = demo
    organizations = listed(folder, "organizations")
    assert organizations["kind"] == "organizations"
    assert ids["organization"] in [r["id"] for r in organizations["rows"]]
    assert organizations["count"] == len(organizations["rows"])
    for kind in ("assessments", "actions", "cases"):
        rows = listed(folder, kind)["rows"]
        assert rows, kind
        assert [r["id"] for r in rows] == sorted(r["id"] for r in rows)  # by id, everywhere
        for row in rows:
            assert set(row) == {
                "id",
                "organization_id",
                "name",
                "status",
                "revision",
                "server_revision",
                "updated_at",
                "deleted_at",
            }
            assert row["status"] and row["name"] and row["revision"] >= 1
            assert row["deleted_at"] is None
            assert row["server_revision"] is None  # never synced
    statuses = {r["status"] for r in listed(folder, "assessments")["rows"]}
    assert {"signed", "completed"} <= statuses


def test_org_narrows_and_an_unknown_org_is_refused_in_both_languages(
    demo: tuple[Path, dict[str, Any]],
) -> None:
    folder, ids = demo
    everything = listed(folder, "actions")["rows"]
    mine = listed(folder, "actions", "--org", ids["organization"])["rows"]
    assert mine == [r for r in everything if r["organization_id"] == ids["organization"]]
    for lang in ("en", "zh"):
        refused = qclinic(folder, "list", "cases", "--org", "no-such-id", "--json", lang=lang)
        assert refused.returncode == 2
        assert refused.stdout == ""
        assert text("organizations.not_found").get(lang) in refused.stderr


def test_the_table_and_the_conflicts_listing(demo: tuple[Path, dict[str, Any]]) -> None:
    folder, ids = demo
    table = qclinic(folder, "list", "organizations")
    assert table.returncode == 0, table.stderr
    header, *lines = table.stdout.splitlines()
    assert header.split()[:2] == ["id", "status"]
    assert any(line.startswith(ids["organization"]) for line in lines)
    conflicts = listed(folder, "conflicts")
    assert conflicts == {"kind": "conflicts", "source": "local", "open": 0, "count": 0, "rows": []}
    for lang in ("en", "zh"):
        said = qclinic(folder, "list", "conflicts", lang=lang)
        assert said.stdout.strip() == text("sync.list_no_conflicts").get(lang)


def test_two_synced_laptops_list_the_same_organizations(
    server: sync_fixtures.Server, tmp_path_factory: pytest.TempPathFactory
) -> None:
    server.add_user("lin", "consultant")
    a, b = tmp_path_factory.mktemp("laptop-a"), tmp_path_factory.mktemp("laptop-b")
    login(server, a, "lin")
    login(server, b, "lin")
    from qclinic.services import Services
    from qclinic.storage.startup import open_database

    database = open_database(a / "qclinic.sqlite", attachments_dir=a / "attachments")
    try:
        services = Services(database)
        kept = services.organizations.create("Tongling Copper Works", region="Tongling").id
        gone = services.organizations.create("Anhui Cable", region="Hefei").id
        services.organizations.update(kept, region="Hefei")
        services.organizations.delete(gone)
    finally:
        database.dispose()
    assert listed(b, "organizations")["rows"] == []
    sync(a)
    sync(b)

    on_a = listed(a, "organizations", "--include-deleted")
    on_b = listed(b, "organizations", "--include-deleted")
    assert [r["id"] for r in on_a["rows"]] == sorted([kept, gone])
    for row_a, row_b in zip(on_a["rows"], on_b["rows"], strict=True):
        # what the server decided is the same on both; revision and updated_at are each
        # laptop's own count and clock
        assert row_a["server_revision"] is not None
        for field in ("id", "name", "status", "server_revision"):
            assert row_a[field] == row_b[field], field
        assert (row_a["deleted_at"] is None) == (row_b["deleted_at"] is None)
    assert [r["id"] for r in listed(b, "organizations")["rows"]] == [kept]


def test_chains_are_listed_with_the_demo_chain(demo: tuple[Path, dict[str, Any]]) -> None:
    folder, ids = demo
    chains = listed(folder, "chains")
    assert chains["kind"] == "chains" and chains["count"] == 1
    (row,) = chains["rows"]
    assert row["id"] == ids["chain"] and row["name"] == "Ganpo copper chain"  # the demo in en
    assert row["organization_id"] is None and row["status"] is None
    assert row["revision"] == 1 and row["deleted_at"] is None
    table = qclinic(folder, "list", "chains")
    header, line = table.stdout.splitlines()
    assert header.split()[:2] == ["id", "status"] and line.startswith(ids["chain"])
