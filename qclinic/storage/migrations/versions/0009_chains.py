"""Industrial chains as data: a chain and its members (leaders and suppliers in tiers).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26

Two new tables, ``chain`` and ``chain_member`` (no existing table changes). The organization's
own ``industry_chain`` and ``chain_role`` columns stay: they describe the company's sector and
usual role, while a chain member row places it in one named chain.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision: str | None = "0008"
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
        "chain",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("sector", sa.String(length=40), nullable=True),
        sa.Column("region", sa.String(length=100), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        *_record_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chain")),
    )
    op.create_index("ix_chain_region", "chain", ["region"], unique=False)
    op.create_table(
        "chain_member",
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=True),
        sa.Column("tier", sa.Integer(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["chain_id"], ["chain.id"], name=op.f("fk_chain_member_chain_id_chain")
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_chain_member_organization_id_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["organization.id"],
            name=op.f("fk_chain_member_customer_id_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chain_member")),
    )
    op.create_index("ix_chain_member_chain_id", "chain_member", ["chain_id"], unique=False)
    op.create_index(
        "ix_chain_member_organization_id", "chain_member", ["organization_id"], unique=False
    )
    op.create_index("ix_chain_member_chain_tier", "chain_member", ["chain_id", "tier"])
    op.create_index(
        "uq_chain_member_live",
        "chain_member",
        ["chain_id", "organization_id"],
        unique=True,
        sqlite_where=sa.text("deleted_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("uq_chain_member_live", table_name="chain_member")
    op.drop_index("ix_chain_member_chain_tier", table_name="chain_member")
    op.drop_index("ix_chain_member_organization_id", table_name="chain_member")
    op.drop_index("ix_chain_member_chain_id", table_name="chain_member")
    op.drop_table("chain_member")
    op.drop_index("ix_chain_region", table_name="chain")
    op.drop_table("chain")
