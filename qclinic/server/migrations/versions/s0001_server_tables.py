"""The server's tables: users, tokens, records, the change log, waiting changes, conflicts.

Revision ID: s0001
Revises:
Create Date: 2026-11-26 11:40:30.727799
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "server_change",
        sa.Column("position", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("change_id", sa.String(length=100), nullable=False),
        sa.Column("user_name", sa.String(length=100), nullable=False),
        sa.Column("device", sa.String(length=200), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("position"),
        sa.UniqueConstraint("change_id"),
    )
    op.create_table(
        "server_conflict",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("change_id", sa.String(length=100), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("server_value", sa.JSON(), nullable=True),
        sa.Column("incoming_value", sa.JSON(), nullable=True),
        sa.Column("server_by", sa.String(length=100), nullable=False),
        sa.Column("incoming_by", sa.String(length=100), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("server_conflict", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_server_conflict_change_id"), ["change_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_server_conflict_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "server_counter",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "server_record",
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("field_revisions", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("changed_by", sa.String(length=100), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("row_id"),
        sa.UniqueConstraint("seq"),
    )
    with op.batch_alter_table("server_record", schema=None) as batch_op:
        batch_op.create_index("ix_server_record_org_seq", ["organization_id", "seq"], unique=False)

    op.create_table(
        "server_user",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "server_waiting",
        sa.Column("change_id", sa.String(length=100), nullable=False),
        sa.Column("waiting_for", sa.String(length=36), nullable=False),
        sa.Column("user_name", sa.String(length=100), nullable=False),
        sa.Column("device", sa.String(length=200), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("change_id"),
    )
    with op.batch_alter_table("server_waiting", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_server_waiting_waiting_for"), ["waiting_for"], unique=False
        )

    op.create_table(
        "server_token",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("device", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["server_user.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    with op.batch_alter_table("server_token", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_server_token_user_id"), ["user_id"], unique=False)

    op.create_table(
        "server_user_organization",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["server_user.id"],
        ),
        sa.PrimaryKeyConstraint("user_id", "organization_id"),
    )
    # the pull sequence starts at 0 (see qclinic/server/push.py)
    op.execute("INSERT INTO server_counter (name, value) VALUES ('seq', 0)")


def downgrade() -> None:
    op.drop_table("server_user_organization")
    with op.batch_alter_table("server_token", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_server_token_user_id"))

    op.drop_table("server_token")
    with op.batch_alter_table("server_waiting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_server_waiting_waiting_for"))

    op.drop_table("server_waiting")
    op.drop_table("server_user")
    with op.batch_alter_table("server_record", schema=None) as batch_op:
        batch_op.drop_index("ix_server_record_org_seq")

    op.drop_table("server_record")
    op.drop_table("server_counter")
    with op.batch_alter_table("server_conflict", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_server_conflict_organization_id"))
        batch_op.drop_index(batch_op.f("ix_server_conflict_change_id"))

    op.drop_table("server_conflict")
    op.drop_table("server_change")
