"""Alembic environment of the server's tables (run through :func:`qclinic.server.db.upgrade`)."""

from __future__ import annotations

from alembic import context

from qclinic.server.db import VERSION_TABLE
from qclinic.server.models import ServerBase

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run server migrations through qclinic.server.db.upgrade")

context.configure(
    connection=connection,
    target_metadata=ServerBase.metadata,
    version_table=VERSION_TABLE,
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
