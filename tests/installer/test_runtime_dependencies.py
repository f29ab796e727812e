"""Every module QClinic imports at run time comes from a distribution pyproject.toml declares.

A plain ``pip install .`` must bring everything the app and its commands import: before issue 15,
``report verify`` needed pypdf (only the test extra brought it) and the photo code needed Pillow
(which arrived only because matplotlib happens to depend on it). Checked statically: every
``import`` in ``qclinic/`` (functions included) is mapped to its distribution with
``importlib.metadata.packages_distributions()``.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "qclinic"

#: Imported modules that ship inside a declared distribution's own required, exact-pinned
#: companion: the binding's runtime (PySide6-Essentials pins shiboken6 to its own version).
COMPANIONS = {"shiboken6": "pyside6-essentials"}
#: Imported only when installed, with a fallback otherwise: the system keyring for the sync token
#: (qclinic/sync/credentials.py keeps it in a file readable only by the user without it).
OPTIONAL = {"keyring"}
#: Packages whose imports come from an extra, not from a plain install: the sync server.
EXTRAS = {"server": "server"}


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(extra: str | None = None) -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = (
        project["dependencies"] if extra is None else project["optional-dependencies"][extra]
    )
    return {normalize(re.split(r"[<>=!~;\[ ]", item, maxsplit=1)[0]) for item in requirements}


def imported_modules(package: Path, skip: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """Top-level names of third-party modules imported under *package* (but not in its
    sub-packages *skip*), with where."""
    found: dict[str, list[str]] = {}
    for path in sorted(package.rglob("*.py")):
        if path.relative_to(package).parts[0] in skip:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top in (package.name, PACKAGE.name):
                    continue
                found.setdefault(top, []).append(
                    f"{path.relative_to(package.parent)}:{node.lineno}"
                )
    return found


def undeclared_imports(
    package: Path, declared_names: set[str], skip: tuple[str, ...] = ()
) -> list[str]:
    """One line per imported module no declared distribution provides."""
    providers = packages_distributions()
    problems = []
    for module, places in sorted(imported_modules(package, skip).items()):
        dists = {normalize(dist) for dist in providers.get(module, [])}
        if COMPANIONS.get(module) in declared_names or module in OPTIONAL:
            continue
        if not dists:
            problems.append(f"{module} (not installed here; imported at {places[0]})")
        elif not dists & declared_names:
            problems.append(
                f"{module} from {sorted(dists)} is not declared (imported at {places[0]})"
            )
    return problems


def test_every_runtime_import_is_a_declared_dependency() -> None:
    assert undeclared_imports(PACKAGE, declared(), skip=tuple(EXTRAS)) == []


def test_the_servers_imports_come_with_its_extra() -> None:
    for package, extra in EXTRAS.items():
        assert undeclared_imports(PACKAGE / package, declared() | declared(extra)) == []
    # the test extra brings the server's, so the README's test command can run its tests
    assert "qclinic" in declared("test")


def test_the_check_finds_an_undeclared_import(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "mod.py").write_text("def f():\n    import pytest\n    from yaml import safe_load\n")
    problems = undeclared_imports(package, declared())
    assert len(problems) == 1 and problems[0].startswith("pytest from ['pytest']")
    assert "pkg/mod.py:2" in problems[0]


def test_pypdf_and_pillow_are_runtime_not_test_only() -> None:
    runtime = declared()
    assert {"pypdf", "pillow"} <= runtime
    assert not {"pypdf", "pillow"} & declared("test")
    assert "pyinstaller" in declared("build")
