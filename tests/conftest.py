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
