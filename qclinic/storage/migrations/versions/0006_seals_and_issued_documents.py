"""Seals of signed assessments and the register of issued PDFs.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26

Two new tables (no existing table changes): ``assessment_seal`` (the SHA-256 of a signed
assessment's content, with one hash per item so a change can be named) and ``issued_document``
(every report or plan PDF written: document id, SHA-256 of the file, data hash, seal, when, by
whom). Assessments signed before this revision are sealed here, as their content stands at the
upgrade (``origin = 'migration'``); the seal rows are logged in ``change_log`` like any record, so
they sync.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from qclinic.storage.seal import SEAL_VERSION, seal_assessment
from qclinic.storage.uuid7 import new_id

revision = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None


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
        "assessment_seal",
        sa.Column("assessment_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("seal_sha256", sa.String(length=64), nullable=False),
        sa.Column("items", sa.Text(), nullable=False),
        sa.Column("sealed_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=20), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessment.id"],
            name=op.f("fk_assessment_seal_assessment_id_assessment"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment_seal")),
    )
    op.create_index(
        "ix_assessment_seal_assessment_id", "assessment_seal", ["assessment_id"], unique=True
    )
    op.create_table(
        "issued_document",
        sa.Column("document_id", sa.String(length=60), nullable=False),
        sa.Column("assessment_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("file_size", sa.Integer(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("data_sha256", sa.String(length=64), nullable=False),
        sa.Column("seal_sha256", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("parts", sa.Text(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("issued_by", sa.String(length=100), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessment.id"],
            name=op.f("fk_issued_document_assessment_id_assessment"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_document")),
    )
    op.create_index(
        "ix_issued_document_assessment_id", "issued_document", ["assessment_id"], unique=False
    )
    op.create_index(
        "ix_issued_document_document_id", "issued_document", ["document_id"], unique=False
    )
    op.create_index(
        "ix_issued_document_file_sha256", "issued_document", ["file_sha256"], unique=False
    )
    _seal_signed_assessments()


def _seal_signed_assessments() -> None:
    connection = op.get_bind()
    signed = [
        row[0]
        for row in connection.execute(
            sa.text(
                "SELECT id FROM assessment WHERE status = 'signed' AND deleted_at IS NULL "
                "ORDER BY id"
            )
        )
    ]
    if not signed:
        return
    device = connection.execute(
        sa.text("SELECT value FROM local_state WHERE key = 'device_id'")
    ).scalar()
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")  # as SQLAlchemy stores DateTime
    for assessment_id in signed:
        digest, items = seal_assessment(connection, assessment_id)
        row_id = new_id()
        connection.execute(
            sa.text(
                "INSERT INTO assessment_seal (id, created_at, updated_at, revision, deleted_at, "
                "assessment_id, version, seal_sha256, items, sealed_at, origin) VALUES "
                "(:id, :now, :now, 1, NULL, :a, :v, :seal, :items, :now, 'migration')"
            ),
            {
                "id": row_id,
                "now": now,
                "a": assessment_id,
                "v": SEAL_VERSION,
                "seal": digest,
                "items": json.dumps(items, ensure_ascii=False, separators=(",", ":")),
            },
        )
        if device:
            connection.execute(
                sa.text(
                    "INSERT INTO change_log (table_name, row_id, operation, revision, changed_at, "
                    "device_id) VALUES ('assessment_seal', :id, 'insert', 1, :now, :device)"
                ),
                {"id": row_id, "now": now, "device": device},
            )


def downgrade() -> None:
    op.drop_index("ix_issued_document_file_sha256", table_name="issued_document")
    op.drop_index("ix_issued_document_document_id", table_name="issued_document")
    op.drop_index("ix_issued_document_assessment_id", table_name="issued_document")
    op.drop_table("issued_document")
    op.drop_index("ix_assessment_seal_assessment_id", table_name="assessment_seal")
    op.drop_table("assessment_seal")
