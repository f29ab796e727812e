"""Resolutions that travel: how a conflict was resolved, with what value, under which key (the
desktop's idempotency key), and its place in the resolutions' own cursor (docs/SYNC.md,
"Resolutions travel").

Revision ID: s0004
Revises: s0003
Create Date: 2026-11-26 16:00:00

Conflicts a lead resolved before this revision get a place in that cursor, in the order they
were resolved, so every laptop hears of them at its next sync; their resolution is ``theirs``
(a lead resolving on the server keeps the server's value).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0004"
down_revision: str | None = "s0003"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("server_conflict", schema=None) as batch_op:
        batch_op.add_column(sa.Column("resolution", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("resolved_value", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("resolution_key", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("resolution_seq", sa.Integer(), nullable=True))
        batch_op.create_index("ix_server_conflict_resolution_seq", ["resolution_seq"], unique=True)
    bind = op.get_bind()
    resolved = bind.execute(
        sa.text("SELECT id FROM server_conflict WHERE resolved = :yes ORDER BY resolved_at, id"),
        {"yes": True},
    ).all()
    for number, (conflict_id,) in enumerate(resolved, start=1):
        bind.execute(
            sa.text(
                "UPDATE server_conflict SET resolution = 'theirs', resolved_value = server_value,"
                " resolution_seq = :seq WHERE id = :id"
            ),
            {"seq": number, "id": conflict_id},
        )
    bind.execute(
        sa.text("INSERT INTO server_counter (name, value) VALUES ('resolution', :value)"),
        {"value": len(resolved)},
    )


def downgrade() -> None:
    op.execute("DELETE FROM server_counter WHERE name = 'resolution'")
    with op.batch_alter_table("server_conflict", schema=None) as batch_op:
        batch_op.drop_index("ix_server_conflict_resolution_seq")
        batch_op.drop_column("resolution_seq")
        batch_op.drop_column("resolution_key")
        batch_op.drop_column("resolved_value")
        batch_op.drop_column("resolution")
