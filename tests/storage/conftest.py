"""Storage fixtures: a real database file per test, migrated to head, in the test's data dir."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from qclinic.core.uscc import check_character
from qclinic.storage.database import Database
from qclinic.storage.startup import open_database

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def make_uscc(first17: str) -> str:
    """A valid unified social credit code from its first 17 characters."""
    return first17 + check_character(first17)


@pytest.fixture
def db_path(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    return data_dir / "qclinic.sqlite"


@pytest.fixture(scope="session")
def head_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database created through the migrations once; tests get copies (creation fsyncs a lot)."""
    folder = tmp_path_factory.mktemp("template")
    database = open_database(folder / "template.sqlite", attachments_dir=folder / "attachments")
    database.dispose()  # the last connection closing checkpoints the WAL into the main file
    return folder / "template.sqlite"


@pytest.fixture
def db(db_path: Path, head_template: Path) -> Iterator[Database]:
    shutil.copyfile(head_template, db_path)
    database = open_database(db_path)
    yield database
    database.dispose()
