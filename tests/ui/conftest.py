"""UI test fixtures: a real database per test, every test marked gui.

Background tasks run on real threads, as in the app: a test that waits for one uses ``qtbot.waitUntil``
or :func:`qclinic.ui.tasks.wait_idle`. The ``inline_tasks`` fixture runs them on the calling thread
for the few tests that need determinism; each such test says why.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def collect_on_the_ui_thread(qapp) -> Iterator[None]:
    """As in the app: reference cycles are collected on the UI thread only (ui/collector.py)."""
    from qclinic.ui import collector

    collector.install(qapp)
    yield
    collector.uninstall()


@pytest.fixture(autouse=True)
def settle_tasks(qapp, collect_on_the_ui_thread) -> Iterator[None]:
    """Every test starts and ends with no background task in flight (real threads)."""
    from qclinic.ui import tasks

    yield
    assert tasks.wait_idle(30_000), "a background task did not finish within 30 s"


@pytest.fixture
def inline_tasks() -> Iterator[None]:
    """Run background tasks inline on the UI thread (only for tests that need determinism)."""
    from qclinic.ui import tasks

    tasks.set_synchronous(True)
    yield
    tasks.set_synchronous(False)


@pytest.fixture(scope="session")
def library_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database migrated to head with the built-in library, made once; tests get copies.

    Creating a database runs every migration and fsyncs a lot; a copy of a closed file is the
    same database (the template is disposed, so its WAL is checkpointed into the main file).
    """
    from qclinic.storage.library import install_builtin_library
    from qclinic.storage.startup import open_database

    folder = tmp_path_factory.mktemp("ui-template")
    template = open_database(folder / "ui.sqlite", attachments_dir=folder / "attachments")
    install_builtin_library(template)
    template.dispose()
    return folder / "ui.sqlite"


@pytest.fixture
def database(tmp_path: Path, library_template: Path):
    from qclinic.storage.startup import open_database

    shutil.copyfile(library_template, tmp_path / "ui.sqlite")
    db = open_database(tmp_path / "ui.sqlite", attachments_dir=tmp_path / "attachments")
    yield db
    db.dispose()


@pytest.fixture
def signals(qapp):
    from qclinic.ui.signals import AppSignals

    return AppSignals()


@pytest.fixture
def demo_ids(database) -> dict:
    """The demo data (a company, two assessments, findings, cases, actions) in the test database."""
    from qclinic.services.demo import seed

    return seed(database)


@pytest.fixture
def services(database, signals):
    """The application services over the test database, their changes relayed to ``signals``."""
    from qclinic.services import Services

    services = Services(database)
    signals.follow(services.bus)
    yield services
    signals.stop_following()
