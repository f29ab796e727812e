"""SPC / MSA datasets: a characteristic's measurements, counts or gage study, and their values.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23

Two new tables (no existing table changes, so no batch mode): ``dataset`` (organization, site,
characteristic, specification limits, subgroup size, kind) and ``dataset_value`` (one reading
per row, with its subgroup and position, part/operator/trial for gage studies, and the
``excluded`` flag with its reason). Types are plain SQL types, as in 0001.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision: str | None = "0003"
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
        "dataset",
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("site_id", sa.String(length=36), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("characteristic", sa.String(length=200), nullable=False),
        sa.Column("unit", sa.String(length=40), nullable=False),
        sa.Column("lsl", sa.Float(), nullable=True),
        sa.Column("usl", sa.Float(), nullable=True),
        sa.Column("target", sa.Float(), nullable=True),
        sa.Column("subgroup_size", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_dataset_organization_id_organization"),
        ),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], name=op.f("fk_dataset_site_id_site")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dataset")),
    )
    op.create_index(
        "ix_dataset_organization_id_name", "dataset", ["organization_id", "name"], unique=False
    )
    op.create_table(
        "dataset_value",
        sa.Column("dataset_id", sa.String(length=36), nullable=False),
        sa.Column("subgroup", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("count", sa.Float(), nullable=True),
        sa.Column("sample_size", sa.Float(), nullable=True),
        sa.Column("measured_at", sa.DateTime(), nullable=True),
        sa.Column("part", sa.String(length=100), nullable=True),
        sa.Column("operator", sa.String(length=100), nullable=True),
        sa.Column("trial", sa.Integer(), nullable=True),
        sa.Column("excluded", sa.Boolean(), nullable=False),
        sa.Column("exclude_reason", sa.Text(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["dataset_id"], ["dataset.id"], name=op.f("fk_dataset_value_dataset_id_dataset")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dataset_value")),
    )
    op.create_index(
        "ix_dataset_value_dataset_id_subgroup_position",
        "dataset_value",
        ["dataset_id", "subgroup", "position"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_dataset_value_dataset_id_subgroup_position", table_name="dataset_value")
    op.drop_table("dataset_value")
    op.drop_index("ix_dataset_organization_id_name", table_name="dataset")
    op.drop_table("dataset")
