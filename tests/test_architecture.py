"""The layer contract of docs/ARCHITECTURE.md, and the size of modules, checked on the source.

Imports point downward only: ``core`` knows neither Qt, SQL nor where files live, and its
catalogue nothing but ``core``; ``storage``, ``services``, ``reports``, ``charts`` and the commands
know no Qt; only the app's entry point (``qclinic/app.py``) and the screenshot tool reach into
``qclinic.ui``. The interface changes data only through the services: no module of ``qclinic/ui``
imports SQLAlchemy or opens a session. Read statically (ast), so a lazy import inside a function counts as much as one at the
top.
"""

from __future__ import annotations

import ast
import sys
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
    "services": ("PySide6", "shiboken6", "qclinic.ui", "qclinic.commands", "qclinic.cli"),
    "reports": ("PySide6", "shiboken6", "qclinic.ui"),
    "charts": ("PySide6", "shiboken6", "qclinic.ui", "qclinic.storage", "qclinic.reports"),
    "commands": ("PySide6", "shiboken6", "qclinic.ui"),
    "server": ("PySide6", "shiboken6", "qclinic.ui", "qclinic.commands", "qclinic.cli"),
    "sync": ("PySide6", "shiboken6", "qclinic.ui", "qclinic.commands", "qclinic.cli"),
}
#: modules outside qclinic/ui that may use the UI: the desktop start-up and the screenshot tool
UI_ENTRY_POINTS = {"app.py", "screenshots.py"}

#: the calls that open a session (``Database.session()`` / ``Database.read_session()``)
SESSION_CALLS = ("session", "read_session")

#: Modules over the limit today, with the size they may not grow past (issue 11 splits them).
MAX_LINES = 500
OVERSIZED: dict[str, int] = {}


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


def test_the_catalogue_imports_nothing_but_core() -> None:
    """The catalogue is read by every layer, so it may lean on nothing but the standard library."""
    broken = [
        f"{path.relative_to(ROOT)}:{line}: imports {module}"
        for path in sorted((PACKAGE / "core" / "catalogue").rglob("*.py"))
        for line, module in _imports(path)
        if module.split(".")[0] not in sys.stdlib_module_names
        and not _banned(module, ("qclinic.core",))
    ]
    assert not broken, "\n".join(broken)


def _session_uses(path: Path) -> list[str]:
    """Where *path* imports SQLAlchemy or calls ``.session(`` / ``.read_session(``."""
    uses = [
        f"{line}: imports {module}"
        for line, module in _imports(path)
        if _banned(module, ("sqlalchemy",))
    ]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    uses += [
        f"{node.lineno}: calls .{node.func.attr}()"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in SESSION_CALLS
    ]
    return uses


def test_the_interface_changes_data_only_through_the_services() -> None:
    """No module of qclinic/ui imports SQLAlchemy or opens a session (issue 11 moved the last
    ones' reads and changes into qclinic/services; none may come back)."""
    found = [
        f"{relative}:{use}"
        for path in sorted((PACKAGE / "ui").rglob("*.py"))
        if "/ui/forms/" not in (relative := path.relative_to(ROOT).as_posix())
        for use in _session_uses(path)
    ]
    assert not found, "go through qclinic.services instead:\n" + "\n".join(found)


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
