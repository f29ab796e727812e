"""The register of issued chain reports becomes a table: ``issued_chain_document``.

Revision ID: 0013
Revises: 0010
Create Date: 2026-11-26

One new table (no existing table changes). Earlier releases registered each chain report they
printed as a ``local_state`` row under ``issued.chain.<document id>`` (JSON of the same fields);
those rows are moved into the table here — copy number from the document id's last part, the
period as dates, the issuing time as stored UTC — and removed from ``local_state``. An entry
naming a chain this database does not hold (never the case for a report this installation
printed: chains are tombstoned, not deleted) stays in ``local_state`` untouched, since the
table's foreign key could not take it. Like ``issued_document``, the table does not sync, so no
change-log rows are written for the moved entries.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

from qclinic.storage.uuid7 import new_id

revision = "0013"
down_revision: str | None = "0011"
branch_labels: str | None = None
depends_on: str | None = None

PREFIX = "issued.chain."
STORED = "%Y-%m-%d %H:%M:%S.%f"  # as SQLAlchemy stores a DateTime on SQLite


def _record_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "issued_chain_document",
        sa.Column("document_id", sa.String(length=60), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("copy_number", sa.Integer(), nullable=False),
        sa.Column("period_from", sa.Date(), nullable=False),
        sa.Column("period_to", sa.Date(), nullable=False),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("file_size", sa.Integer(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("data_sha256", sa.String(length=64), nullable=False),
        sa.Column("parts", sa.Text(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("issued_by", sa.String(length=100), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["chain_id"], ["chain.id"], name=op.f("fk_issued_chain_document_chain_id_chain")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_chain_document")),
    )
    for column in ("chain_id", "document_id", "file_sha256"):
        op.create_index(
            f"ix_issued_chain_document_{column}", "issued_chain_document", [column], unique=False
        )
    _move_local_state_entries()


def copy_number(document_id: str, fallback: int) -> int:
    """The copy number at the end of ``QC-C-<chain>-<copy>``, else *fallback*."""
    last = document_id.rsplit("-", 1)[-1]
    return int(last) if last.isdigit() and document_id.count("-") >= 3 else fallback


def _stored(moment: str) -> str:
    value = datetime.fromisoformat(moment)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime(STORED)


def _move_local_state_entries() -> None:
    connection = op.get_bind()
    rows = connection.execute(
        sa.text("SELECT key, value FROM local_state WHERE substr(key, 1, :n) = :prefix"),
        {"n": len(PREFIX), "prefix": PREFIX},
    ).fetchall()
    entries: list[tuple[str, dict[str, Any]]] = [(key, json.loads(value)) for key, value in rows]
    entries.sort(key=lambda item: (str(item[1]["issued_at"]), str(item[1]["document_id"])))
    chains = {row[0] for row in connection.execute(sa.text("SELECT id FROM chain"))}
    now = datetime.now(UTC).strftime(STORED)
    counted: dict[str, int] = {}
    for key, entry in entries:
        chain_id = entry["chain_id"]
        if chain_id not in chains:
            continue
        counted[chain_id] = counted.get(chain_id, 0) + 1
        connection.execute(
            sa.text(
                "INSERT INTO issued_chain_document (id, created_at, updated_at, revision, "
                "deleted_at, document_id, chain_id, copy_number, period_from, period_to, lang, "
                "file_sha256, file_size, pages, data_sha256, parts, issued_at, issued_by, "
                "device_id) VALUES (:id, :now, :now, 1, NULL, :document_id, :chain_id, :copy, "
                ":period_from, :period_to, :lang, :file_sha256, :file_size, :pages, "
                ":data_sha256, :parts, :issued_at, :issued_by, :device_id)"
            ),
            {
                "id": new_id(),
                "now": now,
                "document_id": entry["document_id"],
                "chain_id": chain_id,
                "copy": copy_number(entry["document_id"], counted[chain_id]),
                "period_from": entry["period_from"],
                "period_to": entry["period_to"],
                "lang": entry["lang"],
                "file_sha256": entry["file_sha256"],
                "file_size": int(entry["file_size"]),
                "pages": int(entry["pages"]),
                "data_sha256": entry["data_sha256"],
                "parts": json.dumps(entry.get("parts") or {}, ensure_ascii=False),
                "issued_at": _stored(entry["issued_at"]),
                "issued_by": str(entry.get("issued_by") or "unknown")[:100],
                "device_id": entry.get("device_id") or "",
            },
        )
        connection.execute(sa.text("DELETE FROM local_state WHERE key = :key"), {"key": key})


def downgrade() -> None:
    for column in ("file_sha256", "document_id", "chain_id"):
        op.drop_index(f"ix_issued_chain_document_{column}", table_name="issued_chain_document")
    op.drop_table("issued_chain_document")
