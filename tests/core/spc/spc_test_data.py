"""Shared helpers for the SPC tests (a plain module: "conftest" names collide across folders)."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

DATA = Path(__file__).resolve().parent / "data"


def load_wide(name: str, columns: int = 5) -> np.ndarray:
    """Rows of ``obs1..obsN`` from a data copy."""
    with (DATA / name).open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    return np.array([[float(row[f"obs{i}"]) for i in range(1, columns + 1)] for row in rows])
