"""The version (from package metadata) and the About box listing the bundled fonts and libraries."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
from pathlib import Path

import pytest

import qclinic
from qclinic import about

ROOT = Path(__file__).resolve().parents[2]

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_runtime_dependencies import declared, normalize  # noqa: E402


def test_version_comes_from_the_package_metadata() -> None:
    assert qclinic.version() == importlib.metadata.version("qclinic")
    assert qclinic.__version__ == qclinic.version()


def test_a_source_checkout_without_metadata_reads_pyproject(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "qclinic"\nversion = "9.8.7"\n')
    assert qclinic._pyproject_version(pyproject) == "9.8.7"
    assert qclinic._pyproject_version(tmp_path / "absent.toml") == "0+unknown"


def test_the_command_line_prints_the_metadata_version() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "qclinic", "--version"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert proc.stdout.strip() == f"qclinic {importlib.metadata.version('qclinic')}"


def test_starting_the_app_does_not_import_importlib_metadata() -> None:
    # The version is looked up lazily: importing importlib.metadata costs ~40 ms of start-up.
    code = (
        "import sys, qclinic.cli; qclinic.cli.build_parser(with_commands=False); "
        "print('importlib.metadata' in sys.modules)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert proc.stdout.strip() == "False"


def test_about_lists_every_runtime_dependency() -> None:
    listed = {normalize(c.distribution) for c in about.LIBRARIES if c.distribution}
    assert declared() - listed == set()
    assert all(c.licence for c in (*about.LIBRARIES, *about.FONTS))


def test_about_box_shows_version_fonts_and_libraries_with_licences(qtbot) -> None:
    from qclinic.ui.main_window import MainWindow
    from qclinic.ui.signals import AppSignals

    window = MainWindow(AppSignals(), lang="en", start_page="library")
    qtbot.addWidget(window)
    text = window.about_text()
    assert f"QClinic {importlib.metadata.version('qclinic')}" in text
    assert "Droid Sans Fallback Full" in text and "Apache-2.0" in text
    for name, dist, licence in (
        ("Pillow", "pillow", "MIT-CMU"),
        ("pypdf", "pypdf", "BSD-3-Clause"),
    ):
        row = re.search(rf"<td>{name}</td><td>([^<]+)</td><td>([^<]+)</td>", text)
        assert row is not None, name
        assert row.groups() == (importlib.metadata.version(dist), licence)
    assert re.search(r"<td>Qt</td><td>6\.\d+\.\d+</td><td>LGPL-3.0-only</td>", text)


@pytest.mark.parametrize("lang", ["zh"])
def test_about_box_is_translated(qtbot, lang) -> None:
    from PySide6.QtWidgets import QApplication

    from qclinic.ui import i18n
    from qclinic.ui.main_window import MainWindow
    from qclinic.ui.signals import AppSignals

    i18n.install_translators(QApplication.instance(), lang)
    try:
        window = MainWindow(AppSignals(), lang=lang, start_page="library")
        qtbot.addWidget(window)
        text = window.about_text()
        assert "字体" in text and "许可证" in text
    finally:
        i18n.install_translators(QApplication.instance(), "en")
