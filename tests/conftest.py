"""Shared fixtures: every test gets its own data directory; Qt runs offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_REFERENCE_DATA = REPO_ROOT.parent / "shared" / "reference-data"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Redirect the data directory to a fresh temp folder for every test."""
    from qclinic import paths

    folder = tmp_path / "data"
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(folder))
    paths.set_data_dir(None)
    yield folder
    paths.set_data_dir(None)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a PostgreSQL server the tests may create databases on.

    ``QCLINIC_TEST_POSTGRES_URL`` when set (``.ci/run`` starts a cluster and sets it); otherwise
    a throwaway cluster started here for the session when ``pg_ctl`` exists (as root, run as the
    ``postgres`` user); skipped only when there is no PostgreSQL at all, or when
    ``QCLINIC_SKIP_POSTGRES=1`` asks for it.
    """
    from tests.postgres import ENV_URL, find_pg_ctl, start_cluster

    if os.environ.get("QCLINIC_SKIP_POSTGRES") == "1":
        pytest.skip("QCLINIC_SKIP_POSTGRES=1: the PostgreSQL runs are skipped")
    url = os.environ.get(ENV_URL)
    if url:
        yield url
        return
    pg_ctl = find_pg_ctl()
    if pg_ctl is None:
        pytest.skip(f"no PostgreSQL here: {ENV_URL} is unset and no pg_ctl was found")
    cluster = start_cluster(pg_ctl)
    try:
        yield cluster.url
    finally:
        cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def server_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database for the server, per backend: a SQLite file in the test's folder,
    or a new database (unique name) on the PostgreSQL server, dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'server.sqlite'}"
        return
    from tests.postgres import drop_database, fresh_database

    url = fresh_database(request.getfixturevalue("postgres_server"))
    try:
        yield url
    finally:
        drop_database(url)
