"""The portfolio's summary tables: the chain view's figures read one row per company.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-26

Two new tables: ``portfolio_summary`` (per company its latest
signed 4-level grade and score and its four 4 x 100% flags) and ``portfolio_coverage`` (the
answer that decides each flag). They start empty and without a watermark, so the first figures
computed after this migration rebuild them in full (``qclinic/storage/portfolio_summary.py``);
from then on each call brings them up to date from the change log.

And two covering indexes for the services and problems of a period, read per company from the
index alone: ``ix_visit_portfolio`` and ``ix_clinic_case_portfolio``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision: str | None = "0013"
branch_labels: str | None = None
depends_on: str | None = None

#: name → (table, columns); the same as the models'
INDEXES: dict[str, tuple[str, list[str]]] = {
    "ix_visit_portfolio": ("visit", ["organization_id", "visit_date", "deleted_at"]),
    "ix_clinic_case_portfolio": (
        "clinic_case",
        ["organization_id", "created_at", "deleted_at", "nqi_category", "status", "resolved_on"],
    ),
}


def upgrade() -> None:
    op.create_table(
        "portfolio_summary",
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("stamp", sa.Text(), nullable=True),
        sa.Column("grade", sa.String(length=8), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("cov_iso9001", sa.Integer(), nullable=False),
        sa.Column("cov_apqp", sa.Integer(), nullable=False),
        sa.Column("cov_msa", sa.Integer(), nullable=False),
        sa.Column("cov_spc", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("organization_id", name=op.f("pk_portfolio_summary")),
    )
    op.create_index(
        op.f("ix_portfolio_summary_stamp"), "portfolio_summary", ["stamp"], unique=False
    )
    op.create_table(
        "portfolio_coverage",
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("key", sa.String(length=16), nullable=False),
        sa.Column("assessment_id", sa.String(length=36), nullable=False),
        sa.Column("checklist_id", sa.String(length=200), nullable=False),
        sa.Column("question_id", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("completed_at", sa.Text(), nullable=True),
        sa.Column("in_place", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("organization_id", "key", name=op.f("pk_portfolio_coverage")),
    )
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
    op.drop_table("portfolio_coverage")
    op.drop_index(op.f("ix_portfolio_summary_stamp"), table_name="portfolio_summary")
    op.drop_table("portfolio_summary")
