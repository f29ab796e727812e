"""The conflict inbox's data: conflicts the server reported, kept until resolved.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-26

One new table, ``sync_conflict`` (no existing table changes); it starts empty — the conflicts
settled before this release are on the server only.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision: str | None = "0010"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("change_id", sa.String(length=100), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("organization_id", sa.String(length=36), nullable=True),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("mine", sa.Text(), nullable=True),
        sa.Column("theirs", sa.Text(), nullable=True),
        sa.Column("mine_by", sa.String(length=100), nullable=True),
        sa.Column("theirs_by", sa.String(length=100), nullable=True),
        sa.Column("reason", sa.String(length=40), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolution", sa.String(length=10), nullable=True),
        sa.Column("resolved_value", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
        sa.UniqueConstraint("change_id", "field", name=op.f("uq_sync_conflict_change_id_field")),
    )
    op.create_index("ix_sync_conflict_row_id", "sync_conflict", ["row_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_sync_conflict_row_id", table_name="sync_conflict")
    op.drop_table("sync_conflict")
