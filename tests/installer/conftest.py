"""Fixtures for the installer tests: build_installer.py and installer/smoke_bundle.py by path."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load(name: str, path: Path) -> ModuleType:
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def builder() -> ModuleType:
    return load("build_installer", ROOT / "build_installer.py")


@pytest.fixture
def fake_bundle(tmp_path: Path) -> Path:
    """A one-folder bundle's layout with every file the platform scripts name (empty files)."""
    bundle = tmp_path / "QClinic"
    for relative in (
        "qclinic",
        "_internal/resources/fonts/DroidSansFallbackFull.ttf",
        "_internal/resources/translations/qclinic_zh_CN.qm",
        "_internal/resources/checklists/vda63-process.yaml",
    ):
        (bundle / relative).parent.mkdir(parents=True, exist_ok=True)
        (bundle / relative).write_bytes(b"x")
    (bundle / "qclinic").chmod(0o755)
    return bundle
