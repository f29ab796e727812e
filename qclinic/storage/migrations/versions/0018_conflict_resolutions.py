"""Resolutions that travel: who resolved a kept conflict, whether the server has heard of it,
and the first resolution recorded there when another came first (docs/SYNC.md, "Resolutions
travel").

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-26

Three new nullable columns of ``sync_conflict``. Conflicts of the server resolved here before
this release are marked ``pending``: the next sync tells the server, so the other laptops'
copies close too.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision: str | None = "0017"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.add_column(sa.Column("resolved_by", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("resolution_state", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("first_resolution", sa.Text(), nullable=True))
    op.execute(
        "UPDATE sync_conflict SET resolution_state = 'pending' WHERE resolved_at IS NOT NULL"
        " AND (reason IS NULL OR reason NOT IN ('duplicate_credit_code', 'editing'))"
    )


def downgrade() -> None:
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.drop_column("first_resolution")
        batch_op.drop_column("resolution_state")
        batch_op.drop_column("resolved_by")
