"""Keep the checklist library in the database: one row per checklist version.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23

The built-in checklists are installed into it at start-up (qclinic.storage.library), so a new
database already holds the library, imported or synced checklists can join it, and an assessment
can always be started from a version the database knows.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "checklist_version",
        sa.Column("checklist_id", sa.String(length=64), nullable=False),
        sa.Column("version", sa.String(length=50), nullable=False),
        sa.Column("title_zh", sa.String(length=300), nullable=False),
        sa.Column("title_en", sa.String(length=300), nullable=False),
        sa.Column("question_count", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=20), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_version")),
    )
    op.create_index(
        "uq_checklist_version_checklist_id_version",
        "checklist_version",
        ["checklist_id", "version"],
        unique=True,
    )


def downgrade() -> None:
    op.drop_index("uq_checklist_version_checklist_id_version", table_name="checklist_version")
    op.drop_table("checklist_version")
