"""Running the Alembic migrations (imported only when a database must be created or upgraded).

Alembic is configured here in code — no ``alembic.ini`` ships. The whole upgrade runs in one SQLite
transaction (SQLite has transactional DDL): it either reaches the target revision or leaves the file
as it was. Foreign keys are off while it runs, so batch migrations can rebuild tables, and
``PRAGMA foreign_key_check`` must come back empty before the commit.

Developers make a new revision with :func:`autogenerate_revision`, then review it and add its id to
:data:`qclinic.storage.schema.KNOWN_REVISIONS`.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from qclinic.storage.database import create_database_engine
from qclinic.storage.schema import MIGRATIONS_DIR


class ForeignKeyViolation(RuntimeError):
    """A migration left rows pointing at missing parents (our bug; the upgrade was rolled back)."""


def alembic_config() -> Config:
    """An Alembic configuration for QClinic's migration scripts, built in code."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def script_revisions() -> list[str]:
    """The revision ids of the migration scripts, oldest first."""
    scripts = ScriptDirectory.from_config(alembic_config())
    return [script.revision for script in reversed(list(scripts.walk_revisions()))]


def upgrade(path: Path, target: str = "head") -> None:
    """Upgrade (or create) the database *path* to *target* in one transaction.

    Args:
        path: The SQLite file; created if missing.
        target: The Alembic revision to reach.

    Raises:
        ForeignKeyViolation: The migrated data breaks a foreign key; nothing was committed.
    """
    engine = create_database_engine(path, foreign_keys=False)
    config = alembic_config()
    try:
        with engine.execution_options(qclinic_begin="IMMEDIATE").begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, target)
            violations = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if violations:
                raise ForeignKeyViolation(
                    f"{path}: foreign key violations after migration: {violations[:5]}"
                )
    finally:
        engine.dispose()


def autogenerate_revision(path: Path, message: str, revision_id: str) -> None:
    """Write a new migration script from the difference between *path* (at head) and the models."""
    engine = create_database_engine(path, foreign_keys=False)
    config = alembic_config()
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.revision(config, message=message, autogenerate=True, rev_id=revision_id)
    finally:
        engine.dispose()
