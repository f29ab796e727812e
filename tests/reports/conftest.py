"""Fixtures for the report tests: demo databases, and PDFs read back as text."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


def open_seeded(folder: Path) -> tuple[Any, dict[str, Any]]:
    """A database in *folder* holding the demo data, and the demo's ids."""
    from qclinic.services.demo import seed
    from qclinic.storage.startup import open_database

    database = open_database(folder / "qclinic.sqlite", attachments_dir=folder / "attachments")
    return database, seed(database)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, dict[str, Any], Path]]:
    """One demo database shared by a module's read-only tests."""
    folder = tmp_path_factory.mktemp("demo")
    database, ids = open_seeded(folder)
    yield database, ids, folder
    database.dispose()


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[tuple[Any, dict[str, Any], Path]]:
    """A demo database of the test's own, for tests that change data."""
    database, ids = open_seeded(tmp_path / "fresh")
    yield database, ids, tmp_path / "fresh"
    database.dispose()


def pdf_text(path: Path) -> str:
    """All text of the PDF *path*."""
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def png_chart() -> bytes:
    """A small matplotlib chart as PNG bytes."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(4, 2.5), dpi=100)
    axes = figure.add_subplot()
    axes.plot([1, 2, 3, 4, 5, 6], [49.6, 47.6, 49.9, 51.3, 47.8, 51.2], marker="o")
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()


def late_actions(actions: Any, as_of: Any) -> dict[str, int]:
    """Open or started actions past due on *as_of*, title → days late, counted here by hand (not
    with the code under test)."""
    from datetime import date

    return {
        a.title: (as_of - date.fromisoformat(a.due_date)).days
        for a in actions
        if a.status in {"open", "in-progress"} and a.due_date and a.due_date < as_of.isoformat()
    }
