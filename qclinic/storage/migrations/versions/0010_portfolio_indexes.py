"""Indexes for the chain view's figures (the portfolio): latest grades and 4 x 100% from indexes.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-26

Three partial covering indexes on ``assessment``; no table changes. An assessment row holds its
frozen checklist (tens of kilobytes) before the columns the figures read, so reading those from
the table walks its overflow pages: the portfolio's queries read these indexes alone
(``qclinic/storage/portfolio.py`` names them with ``INDEXED BY``).

- ``ix_assessment_portfolio_signed``: signed, live assessments by company and checklist, with
  signing time, id, grade and score — a company's latest signed grade.
- ``ix_assessment_portfolio_done``: completed or signed, live ones by company and checklist,
  with completion time, id and what they amend — the assessment that decides a 4 x 100% item,
  and the assessments delivered in a period.
- ``ix_assessment_portfolio_amends``: amendments by what they amend — "superseded by then".

And one on ``answer``, ``ix_answer_portfolio``: the deciding answer of a 4 x 100% item read from
the index alone (its value, N/A flag and tombstone), which halves reading 40,000 of them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision: str | None = "0009"
branch_labels: str | None = None
depends_on: str | None = None

#: name → (columns, the partial index's WHERE); the same as the Assessment model's
INDEXES: dict[str, tuple[list[str], str]] = {
    "ix_assessment_portfolio_signed": (
        ["organization_id", "checklist_id", "signed_at", "id", "grade", "score_percent",
         "status", "deleted_at"],
        "status = 'signed' AND deleted_at IS NULL",
    ),
    "ix_assessment_portfolio_done": (
        ["organization_id", "checklist_id", "completed_at", "id", "amends_id", "status",
         "deleted_at"],
        "status IN ('completed', 'signed') AND deleted_at IS NULL",
    ),
    "ix_assessment_portfolio_amends": (
        ["amends_id", "status", "signed_at", "completed_at", "deleted_at"],
        "amends_id IS NOT NULL",
    ),
}  # fmt: skip


ANSWER_INDEX = ["assessment_id", "question_id", "instance_key", "is_na", "deleted_at", "value"]


def upgrade() -> None:
    for name, (columns, where) in INDEXES.items():
        op.create_index(name, "assessment", columns, unique=False, sqlite_where=sa.text(where))
    op.create_index("ix_answer_portfolio", "answer", ANSWER_INDEX, unique=False)


def downgrade() -> None:
    op.drop_index("ix_answer_portfolio", table_name="answer")
    for name in INDEXES:
        op.drop_index(name, table_name="assessment")
