"""The register of issued chain reports as a table (issue 14): migration 0013 moves the entries
earlier releases kept in ``local_state``, and a report registered there still verifies.

The moved entry is a real one: a chain report is printed in a database at head, its register row
is written back as the ``local_state`` entry the previous release wrote (the same JSON fields),
into a database left at revision 0010 holding the same chain; opening that database migrates it,
and ``report verify`` of the printed file must say MATCH there.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

CHAIN = "0193a5c0-0000-7000-8000-00000000c0de"
NAME, REGION, SECTOR = "铜产业链", "江西省鹰潭市", "non-ferrous-metals"
START, END = date(2026, 1, 1), date(2026, 6, 30)
OLD_FIELDS = (
    "document_id", "chain_id", "period_from", "period_to", "lang", "file_sha256", "file_size",
    "pages", "data_sha256", "parts", "issued_at", "issued_by", "device_id",
)  # fmt: skip


def _head_with_chain(folder: Path) -> Any:
    """A database at head with the chain and its leader company."""
    from qclinic.storage.models import Chain, ChainMember, Organization
    from qclinic.storage.startup import open_database

    folder.mkdir(parents=True)
    database = open_database(folder / "qclinic.sqlite", attachments_dir=folder / "attachments")
    with database.session() as session:
        session.add(Chain(id=CHAIN, name=NAME, region=REGION, sector=SECTOR))
        leader = Organization(name="江西铜业集团有限公司")
        session.add(leader)
        session.flush()
        session.add(
            ChainMember(chain_id=CHAIN, organization_id=leader.id, role="chain-leader", tier=0)
        )
    return database


def _rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchall()


def test_printing_registers_numbered_copies_in_the_table(tmp_path: Path) -> None:
    from qclinic.services import Services
    from qclinic.storage.repositories import chain_documents

    database = _head_with_chain(tmp_path / "head")
    try:
        service = Services(database).chain_reports
        for n in (1, 2):
            service.print_report(
                CHAIN, tmp_path / f"c{n}.pdf", "en", period_from=START, period_to=END
            )
        with database.read_session() as session:
            entries = chain_documents.by_chain(session, CHAIN)
    finally:
        database.dispose()
    path = tmp_path / "head" / "qclinic.sqlite"
    suffix = CHAIN.replace("-", "")[-10:].upper()
    assert [(e.copy_number, e.document_id) for e in entries] == [
        (1, f"QC-C-{suffix}-001"),
        (2, f"QC-C-{suffix}-002"),
    ]
    assert {(e.period_from, e.period_to) for e in entries} == {("2026-01-01", "2026-06-30")}
    assert _rows(path, "SELECT COUNT(*) FROM local_state WHERE key LIKE 'issued.chain.%'") == [(0,)]
    # the register is not synced, like the assessment reports' register
    from qclinic.storage.sync_rows import SYNCED_TABLES

    assert "issued_chain_document" not in SYNCED_TABLES
    assert "issued_document" not in SYNCED_TABLES


def test_a_chain_without_companies_is_refused_with_a_message(tmp_path: Path) -> None:
    from qclinic.errors import UserError
    from qclinic.services import Services
    from qclinic.storage.models import Chain
    from qclinic.storage.startup import open_database

    database = open_database(tmp_path / "qclinic.sqlite", attachments_dir=tmp_path / "att")
    try:
        with database.session() as session:
            session.add(Chain(id=CHAIN, name=NAME))
        try:
            Services(database).chain_reports.print_report(CHAIN, tmp_path / "x.pdf", "zh")
        except UserError as exc:
            message = exc.message("zh")
        else:
            raise AssertionError("an empty chain was printed")
    finally:
        database.dispose()
    assert NAME in message and "还没有企业" in message
    assert not (tmp_path / "x.pdf").exists()


def test_migration_0013_moves_the_local_state_register_and_the_copy_still_verifies(
    tmp_path: Path,
) -> None:
    from qclinic.reports.verify import CHANGED, MATCH, verify
    from qclinic.services import Services
    from qclinic.storage import migrate
    from qclinic.storage.startup import open_database

    head = _head_with_chain(tmp_path / "head")
    pdf = tmp_path / "chain.pdf"
    try:
        Services(head).chain_reports.print_report(
            CHAIN, pdf, "zh", period_from=START, period_to=END
        )
    finally:
        head.dispose()
    (row,) = _rows(
        tmp_path / "head" / "qclinic.sqlite",
        "SELECT document_id, chain_id, period_from, period_to, lang, file_sha256, file_size, "
        "pages, data_sha256, parts, issued_at, issued_by, device_id FROM issued_chain_document",
    )
    entry = dict(zip(OLD_FIELDS, row, strict=True))
    entry["parts"] = json.loads(entry["parts"])
    # the previous release stored the moment as ISO with its zone
    issued = datetime.fromisoformat(entry["issued_at"]).replace(tzinfo=UTC)
    entry["issued_at"] = issued.isoformat()
    orphan = {**entry, "document_id": "QC-C-FFFFFFFFFF-001", "chain_id": "no-such-chain"}

    old = tmp_path / "old"
    old.mkdir()
    path = old / "qclinic.sqlite"
    migrate.upgrade(path, "0010")
    with closing(sqlite3.connect(path)) as connection, connection:
        # the same chain and leader (0013 changes no existing table: the rows fit as they are)
        connection.execute(
            "ATTACH DATABASE ? AS head", (str(tmp_path / "head" / "qclinic.sqlite"),)
        )
        for table in ("organization", "chain", "chain_member"):
            connection.execute(f"INSERT INTO {table} SELECT * FROM head.{table}")
        for value in (entry, orphan):
            connection.execute(
                "INSERT INTO local_state (key, value) VALUES (?, ?)",
                ("issued.chain." + value["document_id"], json.dumps(value, ensure_ascii=False)),
            )
    database = open_database(path)  # migrates to head
    try:
        verdict = verify(database, pdf)
    finally:
        database.dispose()
    assert verdict.outcome == MATCH, (verdict.facts, verdict.differences)
    moved = _rows(
        path,
        "SELECT document_id, chain_id, copy_number, period_from, period_to, lang, file_sha256, "
        "file_size, pages, data_sha256, issued_at, issued_by FROM issued_chain_document",
    )
    assert moved == [
        (
            entry["document_id"],
            CHAIN,
            int(entry["document_id"].rsplit("-", 1)[1]),
            "2026-01-01",
            "2026-06-30",
            "zh",
            entry["file_sha256"],
            entry["file_size"],
            entry["pages"],
            entry["data_sha256"],
            issued.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f"),
            entry["issued_by"],
        )
    ]
    # the moved entry left local_state; the one naming no chain here stayed, as it was
    left = _rows(path, "SELECT key FROM local_state WHERE key LIKE 'issued.chain.%'")
    assert left == [("issued.chain." + orphan["document_id"],)]
    # a second copy printed after the upgrade continues the numbering
    database = open_database(path)
    try:
        built = Services(database).chain_reports.print_report(
            CHAIN, tmp_path / "again.pdf", "en", period_from=START, period_to=END
        )
        assert built.document_id.endswith("-002")
        assert verify(database, tmp_path / "again.pdf").outcome == MATCH
        (tmp_path / "again.pdf").write_bytes(pdf.read_bytes() + b"\n%")
        assert verify(database, tmp_path / "again.pdf").outcome == CHANGED  # a known id
    finally:
        database.dispose()
