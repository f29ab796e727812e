"""Alembic environment for QClinic: online only, on the connection handed over by ``migrate.py``."""

from __future__ import annotations

from alembic import context

from qclinic.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "run QClinic migrations through qclinic.storage.migrate, not the alembic CLI"
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things: batch mode rebuilds the table (copy, drop, rename).
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
