"""The whole build, as a user runs it: ``python build_installer.py`` (slow: a few minutes).

PyInstaller freezes the app, the Linux archive and package are made and checked, the Windows and
macOS scripts get their dry run, and the smoke test runs the frozen program (version, start on an
empty data directory, demo, reports in Chinese and English verified, an SPC analysis, the bundled
font and translations). PyInstaller comes from the ``build`` extra: .ci/run installs it, and
build_installer.py installs it itself when it is still missing.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BARE_ENV = {
    "PATH": "/usr/bin:/bin",
    "HOME": "/tmp",
    "QT_QPA_PLATFORM": "offscreen",
    "LANG": "C.UTF-8",
}

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not sys.platform.startswith("linux"), reason="the Linux packages are built on Linux"
    ),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is needed for the .deb")
    out = tmp_path_factory.mktemp("installer")
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "build_installer.py"),
            "--dist",
            str(out / "dist"),
            "--work",
            str(out / "work"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output[-6000:]
    return out / "dist", output


def test_the_smoke_test_of_the_frozen_program_passes(built) -> None:
    _, output = built
    summary = re.search(r"^smoke test: all (\d+) checks passed$", output, flags=re.M)
    assert summary is not None, output[-4000:]
    assert int(summary.group(1)) >= 15
    for name in (
        "version",
        "app starts on an empty data directory",
        "report verify (zh)",
        "report verify (en)",
        "Word copy (zh)",
        "spc analyze",
        "app loaded the bundled translations",
    ):
        assert re.search(rf"^  ok   {re.escape(name)}", output, flags=re.M), name


def test_the_archive_holds_the_program_and_its_resources(built, tmp_path) -> None:
    dist, _ = built
    from qclinic import version

    (archive,) = dist.glob(f"QClinic-{version()}-linux-*.tar.gz")
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
        top = f"QClinic-{version()}"
        for name in (
            "qclinic",
            "qclinic.desktop",
            "qclinic.png",
            "_internal/resources/fonts/DroidSansFallbackFull.ttf",
            "_internal/resources/translations/qclinic_zh_CN.qm",
            "_internal/resources/checklists/vda63-process.yaml",
        ):
            assert f"{top}/{name}" in names, name
        assert tar.getmember(f"{top}/qclinic").mode & 0o111
        # Qt modules outside PySide6-Essentials' few are not in it
        assert not [
            n for n in names if re.search(r"libQt6(Qml|Quick|Pdf|WebEngine|Multimedia|3D)", n)
        ]
        # Unpacked anywhere, it runs with no Python around.
        tar.extractall(tmp_path, filter="tar")
    proc = subprocess.run(
        [str(tmp_path / top / "qclinic"), "--version"],
        env=BARE_ENV,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert proc.stdout.strip() == f"qclinic {version()}"


def test_the_deb_installs_program_desktop_entry_and_icon(built, builder, tmp_path) -> None:
    dist, _ = built
    from qclinic import version

    (deb,) = dist.glob("qclinic_*.deb")
    fields = subprocess.run(
        ["dpkg-deb", "--field", str(deb), "Package", "Version"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert fields.split() == ["Package:", "qclinic", "Version:", version()]
    assert builder.check_deb(deb) == []
    # Unpacked as dpkg would install it, the program runs from /opt/qclinic.
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    proc = subprocess.run(
        [str(root / "opt" / "qclinic" / "qclinic"), "--version"],
        env=BARE_ENV,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert proc.stdout.strip() == f"qclinic {version()}"
    assert (root / "usr" / "bin" / "qclinic").readlink() == Path("/opt/qclinic/qclinic")


def test_checksums_match_what_was_produced(built) -> None:
    dist, _ = built
    lines = (dist / "SHA256SUMS").read_text().splitlines()
    assert len(lines) == 2
    for line in lines:
        digest, name = line.split("  ")
        assert hashlib.sha256((dist / name).read_bytes()).hexdigest() == digest


def test_no_bundled_binary_needs_a_library_the_spec_left_out(built) -> None:
    # The spec drops the GTK theme's library stack as needed by nothing else: check that claim on
    # the built bundle, with every ELF file's NEEDED entries (readelf, from binutils).
    if shutil.which("readelf") is None:
        pytest.skip("readelf is needed")
    dist, _ = built
    spec = (ROOT / "installer" / "qclinic.spec").read_text(encoding="utf-8")
    block = spec.split("GTK_THEME_ONLY = (", 1)[1].split(")", 1)[0]
    dropped = tuple(re.findall(r'"([^"]+)"', block))
    assert "libcairo." in dropped
    needed_by: dict[str, str] = {}
    for path in (dist / "QClinic").rglob("*"):
        if path.is_symlink() or not path.is_file() or ".so" not in path.name:
            continue
        dynamic = subprocess.run(
            ["readelf", "-d", str(path)], capture_output=True, text=True, check=False
        ).stdout
        for name in re.findall(r"\(NEEDED\).*\[(.+)\]", dynamic):
            needed_by.setdefault(name, path.name)
    assert len(needed_by) > 50
    assert {name: by for name, by in needed_by.items() if name.startswith(dropped)} == {}
