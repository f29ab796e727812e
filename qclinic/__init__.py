"""QClinic (质量门诊): an offline desktop application for quality clinics."""

from __future__ import annotations

import functools
from pathlib import Path

DISTRIBUTION = "qclinic"


@functools.cache
def version() -> str:
    """QClinic's version: the installed package's metadata (also inside the frozen bundle).

    A source checkout that was never installed reads ``pyproject.toml`` beside the package.
    Looked up on first use only: importing :mod:`importlib.metadata` costs ~40 ms of start-up.
    """
    import importlib.metadata

    try:
        return importlib.metadata.version(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return _pyproject_version(Path(__file__).resolve().parent.parent / "pyproject.toml")


def _pyproject_version(pyproject: Path) -> str:
    import tomllib

    try:
        with pyproject.open("rb") as stream:
            return str(tomllib.load(stream)["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "0+unknown"


def __getattr__(name: str) -> str:
    # ``qclinic.__version__`` stays available, computed when first asked for.
    if name == "__version__":
        return version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
