"""Service fixtures: a real database file per test (copied from one migrated at head), the
services over it, and a recorder of the change events they publish."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from qclinic.services import ChangeEvent, Services
from qclinic.storage.database import Database
from qclinic.storage.startup import open_database


@pytest.fixture(scope="session")
def head_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database created through the migrations once; tests get copies (creation fsyncs a lot)."""
    folder = tmp_path_factory.mktemp("services-template")
    database = open_database(folder / "template.sqlite", attachments_dir=folder / "attachments")
    database.dispose()
    return folder / "template.sqlite"


@pytest.fixture
def db(data_dir: Path, head_template: Path) -> Iterator[Database]:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "qclinic.sqlite"
    shutil.copyfile(head_template, path)
    database = open_database(path, attachments_dir=data_dir / "attachments")
    yield database
    database.dispose()


@pytest.fixture
def services(db: Database) -> Services:
    return Services(db)


@pytest.fixture
def events(services: Services) -> list[ChangeEvent]:
    """Every change event the services publish during the test, in order."""
    published: list[ChangeEvent] = []
    services.bus.subscribe(published.append)
    return published
