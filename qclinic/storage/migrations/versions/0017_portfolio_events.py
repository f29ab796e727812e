"""The portfolio's events summary: each company's services and problems per day.

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-26

Two new tables (no existing table changes): ``portfolio_event``, per day, company, kind
(``visit``, ``assessment``, ``case``, ``solved``, ``referral``) and NQI field, how many there
are (its key starts with the day: a period's edge days are one range of it); and
``portfolio_chain_event``, the same summed per chain (its live members) and month, where the
chain view's figures read a period's whole months (``qclinic/storage/portfolio_summary.py``).

The table starts empty, and the summary's watermark is removed so that the first figures
computed after this migration rebuild the whole summary, this table included, from the data
already there (as after 0014).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision: str | None = "0016"
branch_labels: str | None = None
depends_on: str | None = None

#: the summary's watermark in ``local_state`` (``portfolio_summary.STATE_KEY``)
STATE_KEY = "portfolio.summary"


def upgrade() -> None:
    op.create_table(
        "portfolio_event",
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "day", "organization_id", "kind", "field", name=op.f("pk_portfolio_event")
        ),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "ix_portfolio_event_organization",
        "portfolio_event",
        ["organization_id", "day", "kind", "field", "n"],
        unique=False,
    )
    op.create_table(
        "portfolio_chain_event",
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "chain_id", "month", "kind", "field", name=op.f("pk_portfolio_chain_event")
        ),
        sqlite_with_rowid=False,
    )
    op.execute(sa.text(f"DELETE FROM local_state WHERE key = '{STATE_KEY}'"))


def downgrade() -> None:
    op.drop_table("portfolio_chain_event")
    op.drop_index("ix_portfolio_event_organization", table_name="portfolio_event")
    op.drop_table("portfolio_event")
    op.execute(sa.text(f"DELETE FROM local_state WHERE key = '{STATE_KEY}'"))
