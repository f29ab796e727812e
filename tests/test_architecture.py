"""The layer contract of docs/ARCHITECTURE.md, and the size of modules, checked on the source.

Imports point downward only: ``core`` knows neither Qt, SQL nor where files live; ``storage``,
``reports``, ``charts`` and the commands know no Qt; only the app's entry point (``qclinic/app.py``)
and the screenshot tool reach into ``qclinic.ui``. Read statically (ast), so a lazy import inside a
function counts as much as one at the top.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "qclinic"

#: layer → modules it must not import (a name or any submodule of it)
FORBIDDEN = {
    "core": (
        "PySide6",
        "shiboken6",
        "sqlalchemy",
        "alembic",
        "qclinic.paths",
        "qclinic.storage",
        "qclinic.reports",
        "qclinic.charts",
        "qclinic.ui",
    ),
    "storage": ("PySide6", "shiboken6", "qclinic.ui", "qclinic.reports", "qclinic.charts"),
    "reports": ("PySide6", "shiboken6", "qclinic.ui"),
    "charts": ("PySide6", "shiboken6", "qclinic.ui", "qclinic.storage", "qclinic.reports"),
    "commands": ("PySide6", "shiboken6", "qclinic.ui"),
}
#: modules outside qclinic/ui that may use the UI: the desktop start-up and the screenshot tool
UI_ENTRY_POINTS = {"app.py", "screenshots.py"}

#: Modules over the limit today, with the size they may not grow past (issue 11 splits them).
MAX_LINES = 500
OVERSIZED = {
    "qclinic/ui/organizations_model.py": 548,
    "qclinic/reports/data.py": 503,
}


def _imports(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module


def _banned(module: str, forbidden: tuple[str, ...]) -> bool:
    return any(module == name or module.startswith(name + ".") for name in forbidden)


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_each_layer_imports_only_downward(layer: str) -> None:
    broken = [
        f"{path.relative_to(ROOT)}:{line}: imports {module}"
        for path in sorted((PACKAGE / layer).rglob("*.py"))
        for line, module in _imports(path)
        if _banned(module, FORBIDDEN[layer])
    ]
    assert not broken, "\n".join(broken)


def test_only_the_entry_points_use_qt_outside_the_ui_package() -> None:
    broken = [
        f"{path.relative_to(ROOT)}:{line}: imports {module}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if "ui" not in path.relative_to(PACKAGE).parts[:1] and path.name not in UI_ENTRY_POINTS
        for line, module in _imports(path)
        if _banned(module, ("PySide6", "shiboken6", "qclinic.ui"))
    ]
    assert not broken, "\n".join(broken)


def test_modules_stay_small() -> None:
    """About 500 lines at most, generated forms and migrations aside; the known few may not grow."""
    too_long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if "/ui/forms/" in relative or "/migrations/" in relative:
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        limit = OVERSIZED.get(relative, MAX_LINES)
        if lines > limit:
            too_long.append(f"{relative}: {lines} lines (at most {limit})")
    assert not too_long, "\n".join(too_long)
