"""Outcomes: the quality figures a company reports per period.

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-26

One new table, ``outcome`` (no existing table changes): per company, period and kind a figure
(pass rate, complaints, PPM, certificates, standards with their level, patents, awards) with its
source, optionally tied to the visit it was collected at.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision: str | None = "0015"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "outcome",
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("period", sa.Date(), nullable=False),
        sa.Column("visit_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("level", sa.String(length=40), nullable=True),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_outcome_organization_id_organization"),
        ),
        sa.ForeignKeyConstraint(["visit_id"], ["visit.id"], name=op.f("fk_outcome_visit_id_visit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcome")),
    )
    op.create_index(
        "ix_outcome_org_kind_period", "outcome", ["organization_id", "kind", "period"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_outcome_org_kind_period", table_name="outcome")
    op.drop_table("outcome")
