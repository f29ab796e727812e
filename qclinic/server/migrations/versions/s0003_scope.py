"""Scope: chains and regions assigned to users (a lead's scope), who resolved a conflict, and
an index of records by entity (the scope reads organizations, chains and memberships).

Revision ID: s0003
Revises: s0002
Create Date: 2026-11-26 13:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0003"
down_revision: str | None = "s0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "server_user_chain",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["server_user.id"]),
        sa.PrimaryKeyConstraint("user_id", "chain_id"),
    )
    op.create_table(
        "server_user_region",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("region", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["server_user.id"]),
        sa.PrimaryKeyConstraint("user_id", "region"),
    )
    with op.batch_alter_table("server_conflict", schema=None) as batch_op:
        batch_op.add_column(sa.Column("resolved_by", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("resolved_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("server_record", schema=None) as batch_op:
        batch_op.create_index("ix_server_record_entity_seq", ["entity", "seq"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("server_record", schema=None) as batch_op:
        batch_op.drop_index("ix_server_record_entity_seq")
    with op.batch_alter_table("server_conflict", schema=None) as batch_op:
        batch_op.drop_column("resolved_at")
        batch_op.drop_column("resolved_by")
    op.drop_table("server_user_region")
    op.drop_table("server_user_chain")
