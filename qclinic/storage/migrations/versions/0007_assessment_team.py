"""The expert team of an assessment: a lead and members, each of whom can sign.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26

One new table, ``assessment_member`` (no existing table changes). Assessments made before this
revision have no team rows: their reports list the consultants from the visit and the
signatures as before, and their seals (which now include team members) stay intact, since an
assessment without members seals exactly as it did.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision: str | None = "0006"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "assessment_member",
        sa.Column("assessment_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("affiliation", sa.String(length=200), nullable=False),
        sa.Column("qualification", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessment.id"],
            name=op.f("fk_assessment_member_assessment_id_assessment"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment_member")),
    )
    op.create_index(
        "ix_assessment_member_assessment_id", "assessment_member", ["assessment_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_assessment_member_assessment_id", table_name="assessment_member")
    op.drop_table("assessment_member")
