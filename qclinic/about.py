"""What the About dialog lists: QClinic's version, and the fonts and libraries it ships, with licences.

Pure data (no Qt), so the list is tested against the declared dependencies
(``tests/installer/test_about.py``): a runtime dependency added to ``pyproject.toml`` without an
entry here fails that test. Versions are read from the installed (or frozen) package metadata.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass


@dataclass(frozen=True)
class Component:
    name: str
    licence: str  # an SPDX expression where one exists
    distribution: str | None = None  # the PyPI name whose metadata gives the version
    note: str = ""


#: The fonts in every installation (resources/fonts and matplotlib's mpl-data).
FONTS: tuple[Component, ...] = (
    Component("Droid Sans Fallback Full", "Apache-2.0", note="Chinese text: UI, charts, reports"),
    Component(
        "DejaVu Sans, Sans Mono",
        "Bitstream-Vera",
        note="Latin text in reports and charts (shipped with matplotlib)",
    ),
)

#: The libraries QClinic runs on. Python and Qt are linked dynamically; in the one-folder
#: installation each is a separate file that can be replaced (LGPL-3.0).
LIBRARIES: tuple[Component, ...] = (
    Component("Python", "PSF-2.0"),
    Component("PySide6 (Essentials)", "LGPL-3.0-only", "PySide6-Essentials"),
    Component("SQLAlchemy", "MIT", "SQLAlchemy"),
    Component("Alembic", "MIT", "alembic"),
    Component("PyYAML", "MIT", "PyYAML"),
    Component("NumPy", "BSD-3-Clause", "numpy"),
    Component("SciPy", "BSD-3-Clause", "scipy"),
    Component("Matplotlib", "LicenseRef-Matplotlib (PSF-based)", "matplotlib"),
    Component("ReportLab", "BSD-3-Clause", "reportlab"),
    Component("openpyxl", "MIT", "openpyxl"),
    Component("platformdirs", "MIT", "platformdirs"),
    Component("jsonschema", "MIT", "jsonschema"),
    Component("pypdf", "BSD-3-Clause", "pypdf"),
    Component("Pillow", "MIT-CMU", "pillow"),
    Component("python-docx", "MIT", "python-docx"),
    Component("cryptography", "Apache-2.0 OR BSD-3-Clause", "cryptography"),
    Component("HTTPX", "BSD-3-Clause", "httpx"),
)


def component_version(component: Component) -> str | None:
    """The installed version of *component*, or None when it is not installed (not bundled)."""
    if component.distribution is None:
        return platform.python_version() if component.name == "Python" else ""
    import importlib.metadata

    try:
        return importlib.metadata.version(component.distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def installed_libraries() -> list[tuple[Component, str]]:
    """The libraries of :data:`LIBRARIES` present in this installation, with their versions."""
    found = []
    for component in LIBRARIES:
        version = component_version(component)
        if version is not None:
            found.append((component, version))
    return found
