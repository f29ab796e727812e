"""The full clinic schema: organizations to actions, change log and local state.

Revision ID: 0001
Revises:
Create Date: 2026-05-09

Column types are spelled as plain SQL types (vocabulary enums as VARCHAR(40), timestamps as
DATETIME holding naive UTC, JSON as TEXT) so this script never changes when the application's
Python types do.
The installation's device id is created here, with the database.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from qclinic.storage.uuid7 import new_id

revision = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("operation", sa.String(length=16), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_change_log")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "local_state",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_local_state")),
    )
    op.create_table(
        "organization",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("uscc", sa.String(length=18), nullable=True),
        sa.Column("industry_chain", sa.String(length=40), nullable=True),
        sa.Column("chain_role", sa.String(length=40), nullable=True),
        sa.Column("size_class", sa.String(length=40), nullable=True),
        sa.Column("region", sa.String(length=100), nullable=True),
        sa.Column("cqo_name", sa.String(length=100), nullable=True),
        sa.Column("cqo_phone", sa.String(length=40), nullable=True),
        sa.Column("cqo_email", sa.String(length=200), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organization")),
    )
    with op.batch_alter_table("organization", schema=None) as batch_op:
        batch_op.create_index("ix_organization_industry_chain", ["industry_chain"], unique=False)
        batch_op.create_index("ix_organization_name", ["name"], unique=False)
        batch_op.create_index("ix_organization_region", ["region"], unique=False)
        batch_op.create_index(
            "uq_organization_uscc_live",
            ["uscc"],
            unique=True,
            sqlite_where=sa.text("deleted_at IS NULL AND uscc IS NOT NULL"),
        )

    op.create_table(
        "person",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("organization_id", sa.String(length=36), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("title", sa.String(length=100), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_person_organization_id_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_name"), ["name"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_person_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "site",
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_site_organization_id_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site")),
    )
    with op.batch_alter_table("site", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_site_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "visit",
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("site_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("visit_date", sa.Date(), nullable=False),
        sa.Column("lead_consultant_id", sa.String(length=36), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["lead_consultant_id"], ["person.id"], name=op.f("fk_visit_lead_consultant_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_visit_organization_id_organization"),
        ),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], name=op.f("fk_visit_site_id_site")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit")),
    )
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_visit_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_visit_visit_date"), ["visit_date"], unique=False)

    op.create_table(
        "assessment",
        sa.Column("visit_id", sa.String(length=36), nullable=True),
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("checklist_id", sa.String(length=200), nullable=False),
        sa.Column("checklist_version", sa.String(length=50), nullable=False),
        sa.Column("checklist_json", sa.Text(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("amends_id", sa.String(length=36), nullable=True),
        sa.Column("revision_no", sa.Integer(), nullable=False),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("signed_at", sa.DateTime(), nullable=True),
        sa.Column("score_percent", sa.Float(), nullable=True),
        sa.Column("grade", sa.String(length=20), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["amends_id"], ["assessment.id"], name=op.f("fk_assessment_amends_id_assessment")
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_assessment_organization_id_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visit.id"], name=op.f("fk_assessment_visit_id_visit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment")),
    )
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assessment_amends_id"), ["amends_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_assessment_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_assessment_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_assessment_visit_id"), ["visit_id"], unique=False)

    op.create_table(
        "clinic_case",
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("visit_id", sa.String(length=36), nullable=True),
        sa.Column("nqi_category", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("symptom", sa.Text(), nullable=False),
        sa.Column("diagnosis", sa.Text(), nullable=False),
        sa.Column("prescription", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("resolved_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_clinic_case_organization_id_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visit.id"], name=op.f("fk_clinic_case_visit_id_visit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clinic_case")),
    )
    with op.batch_alter_table("clinic_case", schema=None) as batch_op:
        batch_op.create_index(
            "ix_clinic_case_organization_id_status", ["organization_id", "status"], unique=False
        )

    op.create_table(
        "answer",
        sa.Column("assessment_id", sa.String(length=36), nullable=False),
        sa.Column("question_id", sa.String(length=100), nullable=False),
        sa.Column("instance_key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("is_na", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["assessment_id"], ["assessment.id"], name=op.f("fk_answer_assessment_id_assessment")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_answer")),
        sa.UniqueConstraint(
            "assessment_id",
            "question_id",
            "instance_key",
            name=op.f("uq_answer_assessment_id_question_id_instance_key"),
        ),
    )
    op.create_table(
        "finding",
        sa.Column("assessment_id", sa.String(length=36), nullable=False),
        sa.Column("question_id", sa.String(length=100), nullable=True),
        sa.Column("instance_key", sa.String(length=100), nullable=True),
        sa.Column("severity", sa.String(length=40), nullable=False),
        sa.Column("nqi_category", sa.String(length=40), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["assessment_id"], ["assessment.id"], name=op.f("fk_finding_assessment_id_assessment")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_finding")),
    )
    with op.batch_alter_table("finding", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_finding_assessment_id"), ["assessment_id"], unique=False
        )

    op.create_table(
        "signature",
        sa.Column("assessment_id", sa.String(length=36), nullable=False),
        sa.Column("signer_role", sa.String(length=40), nullable=False),
        sa.Column("signer_name", sa.String(length=100), nullable=False),
        sa.Column("image_sha256", sa.String(length=64), nullable=True),
        sa.Column("signed_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["assessment_id"], ["assessment.id"], name=op.f("fk_signature_assessment_id_assessment")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signature")),
    )
    with op.batch_alter_table("signature", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_signature_assessment_id"), ["assessment_id"], unique=False
        )

    op.create_table(
        "action",
        sa.Column("finding_id", sa.String(length=36), nullable=True),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=100), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("priority", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("verification_note", sa.Text(), nullable=False),
        sa.Column("verified_at", sa.DateTime(), nullable=True),
        sa.Column("effectiveness_note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["clinic_case.id"], name=op.f("fk_action_case_id_clinic_case")
        ),
        sa.ForeignKeyConstraint(
            ["finding_id"], ["finding.id"], name=op.f("fk_action_finding_id_finding")
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_action_organization_id_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action")),
    )
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_action_case_id"), ["case_id"], unique=False)
        batch_op.create_index("ix_action_due_date", ["due_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_action_finding_id"), ["finding_id"], unique=False)
        batch_op.create_index(
            "ix_action_organization_id_status", ["organization_id", "status"], unique=False
        )

    op.create_table(
        "attachment",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("mime_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("caption", sa.Text(), nullable=False),
        sa.Column("assessment_id", sa.String(length=36), nullable=True),
        sa.Column("question_id", sa.String(length=100), nullable=True),
        sa.Column("instance_key", sa.String(length=100), nullable=True),
        sa.Column("finding_id", sa.String(length=36), nullable=True),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessment.id"],
            name=op.f("fk_attachment_assessment_id_assessment"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["clinic_case.id"], name=op.f("fk_attachment_case_id_clinic_case")
        ),
        sa.ForeignKeyConstraint(
            ["finding_id"], ["finding.id"], name=op.f("fk_attachment_finding_id_finding")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_attachment_assessment_id"), ["assessment_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_attachment_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachment_finding_id"), ["finding_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachment_sha256"), ["sha256"], unique=False)

    local_state = sa.table("local_state", sa.column("key", sa.String), sa.column("value", sa.Text))
    op.bulk_insert(local_state, [{"key": "device_id", "value": new_id()}])


def downgrade() -> None:
    op.drop_table("attachment")
    op.drop_table("action")
    op.drop_table("signature")
    op.drop_table("finding")
    op.drop_table("answer")
    op.drop_table("clinic_case")
    op.drop_table("assessment")
    op.drop_table("visit")
    op.drop_table("site")
    op.drop_table("person")
    op.drop_table("organization")
    op.drop_table("local_state")
    op.drop_table("change_log")
