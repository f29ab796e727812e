"""Add organization.search_key for the searchable organization list, filled for existing rows.

Revision ID: 0002
Revises: 0001
Create Date: 2026-05-09

The key is the casefolded name, credit code and region (see
:func:`qclinic.storage.search.organization_search_key`); the model layer keeps it up to date
from now on. The backfill changes only this derived column, so it neither bumps ``revision`` nor
writes the change log: the server derives the key itself and nothing here needs to sync.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from qclinic.storage.search import organization_search_key

revision = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("organization", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("search_key", sa.Text(), nullable=False, server_default=sa.text("''"))
        )

    organization = sa.table(
        "organization",
        sa.column("id", sa.String),
        sa.column("name", sa.String),
        sa.column("uscc", sa.String),
        sa.column("region", sa.String),
        sa.column("search_key", sa.Text),
    )
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(
            organization.c.id, organization.c.name, organization.c.uscc, organization.c.region
        )
    ).all()
    if rows:
        connection.execute(
            organization.update()
            .where(organization.c.id == sa.bindparam("row_id"))
            .values(search_key=sa.bindparam("key")),
            [
                {"row_id": row.id, "key": organization_search_key(row.name, row.uscc, row.region)}
                for row in rows
            ],
        )


def downgrade() -> None:
    with op.batch_alter_table("organization", schema=None) as batch_op:
        batch_op.drop_column("search_key")
