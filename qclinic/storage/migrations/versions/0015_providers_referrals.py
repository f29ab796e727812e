"""NQI service providers and referrals (供需对接).

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-26

Two new tables, ``provider`` (a directory of service institutions) and ``referral`` (a company
sent to a provider from a clinic case or a finding, with the date of each step), and one new
column, ``attachment.referral_id``: a referral's delivery evidence is an attachment it owns.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision: str | None = "0014"
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
        "provider",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("accreditation_number", sa.String(length=100), nullable=False),
        sa.Column("accreditation_scope", sa.Text(), nullable=False),
        sa.Column("region", sa.String(length=100), nullable=False),
        sa.Column("contact", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        *_record_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_provider")),
    )
    op.create_table(
        "referral",
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("finding_id", sa.String(length=36), nullable=True),
        sa.Column("provider_id", sa.String(length=36), nullable=False),
        sa.Column("nqi_category", sa.String(length=40), nullable=False),
        sa.Column("request", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("requested_on", sa.Date(), nullable=False),
        sa.Column("accepted_on", sa.Date(), nullable=True),
        sa.Column("delivered_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_referral_organization_id_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["clinic_case.id"], name=op.f("fk_referral_case_id_clinic_case")
        ),
        sa.ForeignKeyConstraint(
            ["finding_id"], ["finding.id"], name=op.f("fk_referral_finding_id_finding")
        ),
        sa.ForeignKeyConstraint(
            ["provider_id"], ["provider.id"], name=op.f("fk_referral_provider_id_provider")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral")),
    )
    op.create_index(op.f("ix_referral_case_id"), "referral", ["case_id"], unique=False)
    op.create_index(op.f("ix_referral_finding_id"), "referral", ["finding_id"], unique=False)
    op.create_index(op.f("ix_referral_provider_id"), "referral", ["provider_id"], unique=False)
    op.create_index(
        "ix_referral_portfolio", "referral", ["organization_id", "deleted_at", "delivered_on"]
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("referral_id", sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f("ix_attachment_referral_id"), ["referral_id"])
        batch_op.create_foreign_key(
            batch_op.f("fk_attachment_referral_id_referral"), "referral", ["referral_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_attachment_referral_id_referral"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_attachment_referral_id"))
        batch_op.drop_column("referral_id")
    op.drop_index("ix_referral_portfolio", table_name="referral")
    op.drop_index(op.f("ix_referral_provider_id"), table_name="referral")
    op.drop_index(op.f("ix_referral_finding_id"), table_name="referral")
    op.drop_index(op.f("ix_referral_case_id"), table_name="referral")
    op.drop_table("referral")
    op.drop_table("provider")
