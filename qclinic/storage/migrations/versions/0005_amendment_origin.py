"""Findings and actions copied into an amendment remember the row they were copied from.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26

``finding.origin_id`` and ``action.origin_id`` (nullable, self-referencing) point from the copy in
an amended revision to the finding or action of the signed revision it corrects. The signed
revision keeps its own rows unchanged (its report still prints them); the improvement plan shows
only the live copy (an action with a live copy is superseded). Existing rows get NULL.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    for table in ("finding", "action"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("origin_id", sa.String(length=36), nullable=True))
            batch_op.create_index(batch_op.f(f"ix_{table}_origin_id"), ["origin_id"], unique=False)
            batch_op.create_foreign_key(
                batch_op.f(f"fk_{table}_origin_id_{table}"), table, ["origin_id"], ["id"]
            )


def downgrade() -> None:
    for table in ("action", "finding"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(
                batch_op.f(f"fk_{table}_origin_id_{table}"), type_="foreignkey"
            )
            batch_op.drop_index(batch_op.f(f"ix_{table}_origin_id"))
            batch_op.drop_column("origin_id")
