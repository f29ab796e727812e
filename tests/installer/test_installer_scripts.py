"""The packaging pieces that run without a build: the other platforms' scripts checked by a dry
run, the desktop entry, the checksums, and the icon files."""

from __future__ import annotations

import configparser
import hashlib
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"


def test_every_file_the_inno_setup_script_names_exists(builder, fake_bundle) -> None:
    named = builder.iss_files(builder.ISS, fake_bundle)
    raws = [raw for raw, _ in named]
    # the program, the bundle's data folder, the icon (as setup icon and as an installed file)
    assert any("{#AppExe}" in raw and raw.startswith("{#BundleDir}") for raw in raws)
    assert any("_internal\\*" in raw for raw in raws)
    assert any(raw.endswith("qclinic.ico") for raw in raws)
    assert builder.check_iss(builder.ISS, fake_bundle) == []


def test_the_inno_setup_dry_run_reports_a_missing_file(builder, fake_bundle) -> None:
    shutil.rmtree(fake_bundle / "_internal")
    problems = builder.check_iss(builder.ISS, fake_bundle)
    assert len(problems) == 1 and "_internal" in problems[0]


def test_the_macos_step_dry_run_checks_every_file(builder, fake_bundle) -> None:
    if shutil.which("sh") is None:
        pytest.skip("no POSIX shell")
    assert builder.check_dmg_script(fake_bundle, "1.2.3") == []
    (fake_bundle / "_internal/resources/translations/qclinic_zh_CN.qm").unlink()
    problems = builder.check_dmg_script(fake_bundle, "1.2.3")
    assert len(problems) == 1 and "qclinic_zh_CN.qm" in problems[0]


def test_desktop_entry_starts_qclinic_with_its_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(ROOT / "installer" / "linux" / "qclinic.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert (section["Type"], section["Exec"], section["Icon"]) == (
        "Application",
        "qclinic",
        "qclinic",
    )
    assert section["Name[zh_CN]"] == "质量门诊"
    assert section["Categories"].endswith(";")
    validator = shutil.which("desktop-file-validate")
    if validator:
        subprocess.run(
            [validator, str(ROOT / "installer" / "linux" / "qclinic.desktop")], check=True
        )


def test_checksums_are_sha256sum_lines(builder, tmp_path) -> None:
    files = []
    for name, data in (("a.tar.gz", b"alpha"), ("b.deb", b"")):
        (tmp_path / name).write_bytes(data)
        files.append(tmp_path / name)
    sums = builder.write_checksums(files, tmp_path)
    assert sums.read_text() == (
        f"{hashlib.sha256(b'alpha').hexdigest()}  a.tar.gz\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  b.deb\n"
    )
    if shutil.which("sha256sum"):
        subprocess.run(["sha256sum", "-c", "--quiet", sums.name], cwd=tmp_path, check=True)


def test_icon_files_come_in_every_platform_format() -> None:
    svg = (ICONS / "qclinic.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    png = (ICONS / "qclinic.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (256, 256)
    ico = (ICONS / "qclinic.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert (reserved, kind) == (0, 1) and {16, 32, 48, 256} <= sizes
    icns = (ICONS / "qclinic.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)


def test_the_build_refuses_clearly_without_pyinstaller(
    builder, monkeypatch, tmp_path, capsys
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "PyInstaller" else real(name, *a),
    )
    args = ["--dist", str(tmp_path / "dist"), "--work", str(tmp_path / "work")]
    assert builder.main([*args, "--no-install"]) == 2
    assert 'pip install ".[build]"' in capsys.readouterr().err
    assert not (tmp_path / "dist").exists()
    # Without --no-install it installs the build extra with pip; a failing pip stops it the same way.
    commands = []

    def fake_run(command, **kwargs):
        commands.append(command)
        return subprocess.CompletedProcess(command, 1)

    monkeypatch.setattr(builder.subprocess, "run", fake_run)
    assert builder.main(args) == 2
    assert commands == [[sys.executable, "-m", "pip", "install", *builder.build_requirements()]]
    assert builder.build_requirements() == ["pyinstaller>=6.6"]
    assert "could not install PyInstaller" in capsys.readouterr().err


def test_build_installer_help_runs() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "build_installer.py"), "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "--check-scripts" in proc.stdout


def test_a_shortcut_to_a_file_nothing_installs_is_reported(builder, fake_bundle, tmp_path) -> None:
    windows = tmp_path / "installer" / "windows"
    windows.mkdir(parents=True)
    text = builder.ISS.read_text(encoding="utf-8").replace(
        'IconFilename: "{app}\\qclinic.ico"; Tasks', 'IconFilename: "{app}\\gone.ico"; Tasks'
    )
    (windows / "qclinic.iss").write_text(text, encoding="utf-8")
    (tmp_path / "resources" / "icons").mkdir(parents=True)
    shutil.copy2(ICONS / "qclinic.ico", tmp_path / "resources" / "icons" / "qclinic.ico")
    problems = builder.check_iss(windows / "qclinic.iss", fake_bundle)
    assert len(problems) == 1 and "gone.ico" in problems[0]
