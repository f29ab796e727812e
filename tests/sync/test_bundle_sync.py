"""Bundles through the sync path, with the real programs: ``qclinic bundle export|import`` between
two desktop data folders, and ``qclinic-server import-bundle`` against the push path."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

from qclinic.services import Services
from qclinic.storage.startup import open_database
from tests.sync.conftest import Server, environment, login, qclinic, sync


def _organization(data_dir: Path, name: str) -> str:
    database = open_database(data_dir / "qclinic.sqlite", attachments_dir=data_dir / "attachments")
    try:
        services = Services(database)
        created = services.organizations.create(name, region="Tongling").id
        services.organizations.update(created, notes="visited by bundle")
        return created
    finally:
        database.dispose()


def _rename(data_dir: Path, organization: str, name: str) -> None:
    database = open_database(data_dir / "qclinic.sqlite", attachments_dir=data_dir / "attachments")
    try:
        Services(database).organizations.update(organization, name=name)
    finally:
        database.dispose()


def _rows(path: Path, sql: str, *parameters: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as connection:
        return connection.execute(sql, parameters).fetchall()


def _export(data_dir: Path, out: Path, *args: str) -> None:
    done = qclinic(data_dir, "bundle", "export", "--out", str(out), *args)
    assert done.returncode == 0, done.stderr
    assert "change(s) exported" in done.stdout


def _import_json(data_dir: Path, bundle: Path) -> dict[str, Any]:
    done = qclinic(data_dir, "bundle", "import", str(bundle), "--json")
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _server_import(server: Server, bundle: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            *(sys.executable, "-m", "qclinic.server", "import-bundle", str(bundle)),
            *("--data-dir", str(server.data_dir), *args),
        ],
        capture_output=True,
        text=True,
        env=environment(),
        timeout=60,
        check=False,
    )


def test_a_bundle_from_a_applies_in_b_and_a_second_import_changes_nothing(
    tmp_path: Path,
) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    organization = _organization(a, "Air-gapped Works")
    other = _organization(a, "Not In This Bundle")
    bundle = tmp_path / "a.qcbundle"
    _export(a, bundle, "--org", organization)

    first = _import_json(b, bundle)

    assert (first["applied"], first["unchanged"], first["conflicts"]) == (1, 0, [])
    one = "SELECT name, notes FROM organization WHERE id = ?"
    assert _rows(b / "qclinic.sqlite", one, organization) == [
        ("Air-gapped Works", "visited by bundle")
    ]
    assert _rows(b / "qclinic.sqlite", one, other) == []
    # written as sync writes: never pushed back from B
    devices = "SELECT DISTINCT device_id FROM change_log WHERE row_id = ?"
    assert _rows(b / "qclinic.sqlite", devices, organization) == [("sync",)]
    log = "SELECT count(*), max(seq) FROM change_log"
    before = _rows(b / "qclinic.sqlite", log)

    second = _import_json(b, bundle)

    assert (second["applied"], second["unchanged"], second["conflicts"]) == (0, 1, [])
    assert _rows(b / "qclinic.sqlite", log) == before

    # both edit the record; A's next bundle does not overwrite B's edit, it is reported
    _rename(b, organization, "Renamed in B")
    _rename(a, organization, "Renamed in A")
    _export(a, bundle, "--org", organization)
    third = qclinic(b, "bundle", "import", str(bundle))
    assert third.returncode == 0, third.stderr
    assert "0 applied" in third.stdout
    assert f"conflict: organization {organization} (local_edit)" in third.stdout
    assert _rows(b / "qclinic.sqlite", one, organization)[0][0] == "Renamed in B"


def test_a_tampered_or_truncated_bundle_is_refused_and_nothing_is_applied(
    tmp_path: Path,
) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    organization = _organization(a, "Tamper Test Co")
    bundle = tmp_path / "a.qcbundle"
    _export(a, bundle)
    tampered = tmp_path / "tampered.qcbundle"
    with zipfile.ZipFile(bundle) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "changes.jsonl":
                data = data.replace(b"Tamper Test Co", b"Tamper Test Cx")
            target.writestr(info, data)
    truncated = tmp_path / "truncated.qcbundle"
    truncated.write_bytes(bundle.read_bytes()[: bundle.stat().st_size // 2])

    for bad, why in ((tampered, "changes.jsonl"), (truncated, "incomplete")):
        done = qclinic(b, "bundle", "import", str(bad))
        assert done.returncode == 2, done.stdout
        assert why in done.stderr and bad.name in done.stderr

    # B was never written to (its database may not even exist yet)
    database = b / "qclinic.sqlite"
    if database.exists():
        assert _rows(database, "SELECT id FROM organization WHERE id = ?", organization) == []


def test_the_server_takes_a_bundle_through_the_push_path_and_a_push_of_the_same_changes(
    server: Server, tmp_path: Path
) -> None:
    server.add_user("bea", "consultant")
    server.add_user("cai", "company", "01a00000-0000-7000-8000-0000000000c1")
    a, c = tmp_path / "a", tmp_path / "c"
    organization = _organization(a, "Bundle To Server Co")
    login(server, a, "bea")
    bundle = tmp_path / "a.qcbundle"
    _export(a, bundle)
    database = server.data_dir / "server.sqlite"
    record = "SELECT revision, seq, fields FROM server_record WHERE row_id = ?"
    changes = "SELECT count(*) FROM server_change"

    # a user who may not write to the organization: refused whole, nothing written
    refused = _server_import(server, bundle, "--as", "cai")
    assert refused.returncode == 2 and "no access" in refused.stderr
    assert _rows(database, record, organization) == []

    done = _server_import(server, bundle, "--as", "bea")
    assert done.returncode == 0, done.stderr
    assert "applied 1" in done.stdout
    [(revision, _seq, fields)] = _rows(database, record, organization)
    assert revision == 1 and json.loads(fields)["name"] == "Bundle To Server Co"
    after_bundle = (_rows(database, record, organization), _rows(database, changes))

    # A pushes the same changes: the server answers from its log and changes nothing
    sync(a)
    assert (_rows(database, record, organization), _rows(database, changes)) == after_bundle
    with sqlite3.connect(a / "qclinic.sqlite") as connection:
        assert connection.execute("SELECT count(*) FROM sync_state").fetchone() == (1,)

    # and the bundle imported again, after the push, changes nothing either
    again = _server_import(server, bundle)
    assert again.returncode == 0, again.stderr
    assert (_rows(database, record, organization), _rows(database, changes)) == after_bundle

    # a third desktop pulls the record the bundle brought
    login(server, c, "bea")
    sync(c)
    assert _rows(c / "qclinic.sqlite", "SELECT name FROM organization WHERE id = ?", organization)
