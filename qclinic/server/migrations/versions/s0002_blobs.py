"""Blob grants: which user uploaded each blob whole for which organization (docs/SYNC.md, "Blobs").

Revision ID: s0002
Revises: s0001
Create Date: 2026-11-26 13:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0002"
down_revision: str | None = "s0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "server_blob_grant",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["server_user.id"]),
        sa.PrimaryKeyConstraint("sha256", "organization_id", "user_id"),
    )
    with op.batch_alter_table("server_blob_grant", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_server_blob_grant_organization_id"), ["organization_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("server_blob_grant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_server_blob_grant_organization_id"))
    op.drop_table("server_blob_grant")
