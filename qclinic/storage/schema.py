"""The schema revisions this release knows, without importing Alembic.

The start-up path compares the revision stamped in a database file against this list to decide —
before Alembic is ever imported — whether the file is current, behind (migrate after a backup) or
written by a newer QClinic (refuse). A test checks it against the scripts in
``migrations/versions``.
"""

from __future__ import annotations

from pathlib import Path

#: Every Alembic revision id shipped so far, oldest first. Append when adding a migration.
KNOWN_REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0013",
    "0014",
    "0015",
    "0016",
    "0017",
    "0018",
)
HEAD_REVISION = KNOWN_REVISIONS[-1]

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
