"""Build QClinic's installers: a frozen one-folder program that needs no Python, then packages.

    python build_installer.py              # build, package, checksum, smoke-test

PyInstaller comes from the ``build`` extra (``python -m pip install ".[build]"``); when it is
missing the script installs it with pip first (``--no-install`` stops instead).

Steps (all outputs in dist/, PyInstaller's scratch in build/installer/):

1. PyInstaller freezes the app from ``installer/qclinic.spec`` into ``dist/QClinic/`` (one folder:
   the ``qclinic`` program plus ``_internal/`` with Python, Qt, the libraries and ``resources/``).
2. Per platform: Linux makes ``QClinic-VERSION-linux-ARCH.tar.gz`` and ``qclinic_VERSION_ARCH.deb``
   (``/opt/qclinic``, ``/usr/bin/qclinic``, a desktop entry and the icon); Windows runs Inno Setup
   on ``installer/windows/qclinic.iss`` when ``iscc`` is on PATH; macOS runs
   ``installer/macos/make_dmg.sh``. On Linux the Windows and macOS scripts get a dry run that checks
   every file they name exists (``--check-scripts`` runs only that).
3. ``dist/SHA256SUMS`` lists the SHA-256 of everything produced (``sha256sum -c`` reads it).
4. The smoke test (``installer/smoke_bundle.py``) runs the frozen program; its result is printed
   and decides the exit code.

Exit codes: 0 built and smoke-tested, 1 a step failed, 2 the machine is not ready (a message says
what to install).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
INSTALLER = ROOT / "installer"
SPEC = INSTALLER / "qclinic.spec"
ISS = INSTALLER / "windows" / "qclinic.iss"
MAKE_DMG = INSTALLER / "macos" / "make_dmg.sh"
DESKTOP = INSTALLER / "linux" / "qclinic.desktop"
ICONS = ROOT / "resources" / "icons"
BUNDLE_NAME = "QClinic"
# Debian packages the frozen Qt needs from the system (as .ci/run installs for the tests), plus the
# X11 (xcb) platform plugin's libraries.
DEB_DEPENDS = (
    "libc6 (>= 2.31), libegl1, libgl1, libfontconfig1, libfreetype6, libxkbcommon0, libdbus-1-3, "
    "libxcb-cursor0, libxkbcommon-x11-0, libxcb-icccm4, libxcb-keysyms1, libxcb-shape0, "
    "libxcb-render-util0, libxcb-image0, libxcb-randr0, libxcb-xfixes0"
)


class NotReady(Exception):
    """The machine lacks something the build needs (exit 2, with what to do)."""


def say(message: str) -> None:
    print(message, flush=True)


def load_smoke():  # installer/ is not a package: load the module by its path
    spec = importlib.util.spec_from_file_location("smoke_bundle", INSTALLER / "smoke_bundle.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["smoke_bundle"] = module
    spec.loader.exec_module(module)
    return module


def project_version() -> str:
    """The version in pyproject.toml; the installed metadata (what the bundle prints) must agree."""
    import tomllib

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]
    import importlib.metadata

    try:
        installed = importlib.metadata.version("qclinic")
    except importlib.metadata.PackageNotFoundError as exc:
        raise NotReady(
            'QClinic is not installed here: run `python -m pip install ".[build]"`'
        ) from exc
    if installed != declared:
        raise NotReady(
            f"the installed qclinic is {installed} but pyproject.toml says {declared}: "
            'reinstall with `python -m pip install ".[build]"` so the bundle prints the right version'
        )
    return declared


def arch_names() -> tuple[str, str]:
    """(the archive's architecture name, Debian's) for this machine."""
    machine = platform.machine().lower()
    deb = {"x86_64": "amd64", "amd64": "amd64", "aarch64": "arm64", "arm64": "arm64"}.get(
        machine, machine
    )
    return machine, deb


# --- 1. freeze ------------------------------------------------------------------------------
def build_requirements() -> list[str]:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return list(project["optional-dependencies"]["build"])


def ensure_pyinstaller(install: bool) -> None:
    """PyInstaller, from the build extra: installed with pip when missing (unless told not to)."""
    if importlib.util.find_spec("PyInstaller") is not None:
        return
    hint = 'run `python -m pip install ".[build]"`'
    if not install:
        raise NotReady(f"PyInstaller is missing: {hint}")
    command = [sys.executable, "-m", "pip", "install", *build_requirements()]
    say("PyInstaller is missing; installing the build extra: " + " ".join(command))
    if subprocess.run(command, check=False).returncode != 0:
        raise NotReady(f"could not install PyInstaller: {hint}")
    importlib.invalidate_caches()


def freeze(dist: Path, work: Path) -> Path:
    env = dict(os.environ)
    # Freeze this checkout's qclinic, whatever an editable install elsewhere points at.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    say("+ " + " ".join(command))
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    bundle = dist / BUNDLE_NAME
    if not bundle.is_dir():
        raise RuntimeError(f"PyInstaller made no {bundle}")
    return bundle


def strip_binaries(bundle: Path) -> int:
    """Strip debugging symbols from the bundle's ELF files (Linux); returns the bytes saved.

    PyInstaller's own ``strip`` option breaks the libraries that auditwheel vendored into numpy's,
    scipy's and Pillow's wheels (patchelf'd: "ELF load command address/offset not page-aligned"),
    so those — every file in a ``*.libs`` folder or whose RUNPATH points into one — are left alone.
    """
    if not sys.platform.startswith("linux") or not (
        shutil.which("strip") and shutil.which("readelf")
    ):
        return 0
    saved = 0
    for path in sorted(bundle.rglob("*")):
        # Shared objects only: the bootloader (qclinic) carries its archive after the ELF image.
        if path.is_symlink() or not path.is_file() or ".so" not in path.name:
            continue
        if any(part.endswith(".libs") for part in path.parts):
            continue
        with path.open("rb") as stream:
            if stream.read(4) != b"\x7fELF":
                continue
        dynamic = subprocess.run(
            ["readelf", "-d", str(path)], capture_output=True, text=True, check=False
        ).stdout
        if ".libs" in dynamic:
            continue
        before = path.stat().st_size
        subprocess.run(["strip", "--strip-unneeded", str(path)], check=False, capture_output=True)
        saved += before - path.stat().st_size
    return saved


def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


# --- 2. packages ----------------------------------------------------------------------------
def _normalized(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def make_tarball(bundle: Path, dist: Path, version: str) -> Path:
    arch, _ = arch_names()
    top = f"QClinic-{version}"
    out = dist / f"QClinic-{version}-linux-{arch}.tar.gz"
    with tarfile.open(out, "w:gz", compresslevel=6) as archive:
        archive.add(bundle, arcname=top, filter=_normalized)
        archive.add(DESKTOP, arcname=f"{top}/qclinic.desktop", filter=_normalized)
        archive.add(ICONS / "qclinic.png", arcname=f"{top}/qclinic.png", filter=_normalized)
    return out


def make_deb(bundle: Path, dist: Path, work: Path, version: str) -> Path:
    if shutil.which("dpkg-deb") is None:
        raise NotReady("dpkg-deb is missing: `apt-get install dpkg` (Debian/Ubuntu)")
    _, deb_arch = arch_names()
    stage = work / "deb"
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(bundle, stage / "opt" / "qclinic", symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    (stage / "usr" / "bin" / "qclinic").symlink_to("/opt/qclinic/qclinic")
    applications = stage / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    shutil.copy2(DESKTOP, applications / "qclinic.desktop")
    hicolor = stage / "usr" / "share" / "icons" / "hicolor"
    for size, name in ((48, "qclinic-48.png"), (128, "qclinic-128.png"), (256, "qclinic.png")):
        (hicolor / f"{size}x{size}" / "apps").mkdir(parents=True)
        shutil.copy2(ICONS / name, hicolor / f"{size}x{size}" / "apps" / "qclinic.png")
    (hicolor / "scalable" / "apps").mkdir(parents=True)
    shutil.copy2(ICONS / "qclinic.svg", hicolor / "scalable" / "apps" / "qclinic.svg")
    doc = stage / "usr" / "share" / "doc" / "qclinic"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "QClinic: Apache-2.0. Bundled: Python (PSF-2.0), Qt/PySide6 (LGPL-3.0), Droid Sans "
        "Fallback (Apache-2.0), DejaVu fonts (Bitstream Vera), and the libraries listed in the "
        "app's Help > About with their licences.\n",
        encoding="utf-8",
    )
    installed_kb = tree_size(stage) // 1024
    control = stage / "DEBIAN" / "control"
    control.parent.mkdir()
    control.write_text(
        f"Package: qclinic\nVersion: {version}\nArchitecture: {deb_arch}\n"
        "Maintainer: QClinic developers <qclinic@localhost>\nSection: science\nPriority: optional\n"
        f"Installed-Size: {installed_kb}\nDepends: {DEB_DEPENDS}\n"
        "Description: offline quality-clinic assessments, SPC/MSA and reports\n"
        " QClinic (质量门诊) scores checklists (ISO 9001, VDA 6.3, APQP, MSA, SPC, the 4-level\n"
        " supplier evaluation), analyses SPC/MSA data and prints bilingual PDF reports, offline.\n",
        encoding="utf-8",
    )
    for path in [stage, *stage.rglob("*")]:  # dpkg wants 0755 directories, readable files
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    out = dist / f"qclinic_{version}_{deb_arch}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", str(stage), str(out)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.rmtree(stage, ignore_errors=True)
    return out


def check_deb(deb: Path) -> list[str]:
    """Problems with the .deb's contents (empty when it holds the program, entry and icon)."""
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    names = {line.split()[5].lstrip(".") for line in listing.splitlines() if len(line.split()) >= 6}
    wanted = [
        "/opt/qclinic/qclinic",
        "/usr/bin/qclinic",
        "/usr/share/applications/qclinic.desktop",
        "/usr/share/icons/hicolor/256x256/apps/qclinic.png",
        "/usr/share/icons/hicolor/scalable/apps/qclinic.svg",
        "/opt/qclinic/_internal/resources/fonts/DroidSansFallbackFull.ttf",
    ]
    return [f"{deb.name} lacks {name}" for name in wanted if name not in names]


# --- the other platforms' scripts, checked here by a dry run --------------------------------
def iss_files(iss: Path, bundle: Path) -> list[tuple[str, Path]]:
    """Every file the Inno Setup script names, resolved as iscc would, with the Linux bundle
    standing in for the Windows one (``qclinic.exe`` and ``qclinic-cli.exe`` are ``qclinic`` there)."""
    text = iss.read_text(encoding="utf-8")
    defines = dict(re.findall(r'^\s*#define\s+(\w+)\s+"([^"]*)"', text, flags=re.M))
    defines["BundleDir"] = str(bundle)
    if sys.platform != "win32":
        defines["AppExe"] = defines["CliExe"] = "qclinic"

    def expand(value: str) -> str:
        for _ in range(5):
            value = re.sub(r"\{#(\w+)\}", lambda m: defines.get(m.group(1), m.group(0)), value)
        return value

    sources = re.findall(r'^Source:\s*"([^"]+)"', text, flags=re.M)
    named = list(sources)
    named += re.findall(
        r"^(?:SetupIconFile|LicenseFile|InfoBeforeFile|WizardImageFile)=(.+)$", text, flags=re.M
    )
    found = []
    for raw in named:
        path = Path(expand(raw.strip()).replace("\\", "/"))
        found.append((raw.strip(), path if path.is_absolute() else iss.parent / path))
    # Installed files that shortcuts and the uninstaller point at ({app}\X): X must be a file some
    # Source line installs into {app}, either a named file or one inside the bundle.
    installed = {
        Path(expand(raw).replace("\\", "/")).name: path for raw, path in found[: len(sources)]
    }
    for raw in re.findall(r'(?:Filename:\s*"|UninstallDisplayIcon=)\{app\}\\([^"\n]+)', text):
        name = expand(raw.strip()).replace("\\", "/")
        found.append((f"{{app}}\\{raw.strip()}", installed.get(name, bundle / name)))
    return found


def check_iss(iss: Path, bundle: Path) -> list[str]:
    problems = []
    for raw, path in iss_files(iss, bundle):
        exists = any(path.parent.glob(path.name)) if "*" in path.name else path.exists()
        say(f"  {'found' if exists else 'MISSING'}: {raw} -> {path}")
        if not exists:
            problems.append(f"{iss.name}: {raw} names a missing file ({path})")
    return problems


def check_dmg_script(bundle: Path, version: str) -> list[str]:
    env = {**os.environ, "DRY_RUN": "1", "APP": str(bundle), "DIST": str(bundle.parent)}
    proc = subprocess.run(
        ["sh", str(MAKE_DMG), version], env=env, capture_output=True, text=True, check=False
    )
    for line in (proc.stdout + proc.stderr).splitlines():
        say(f"  {line}")
    return [] if proc.returncode == 0 else [f"{MAKE_DMG.name}: {proc.stderr.strip()}"]


# --- 3. checksums ---------------------------------------------------------------------------
def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_checksums(files: list[Path], dist: Path) -> Path:
    out = dist / "SHA256SUMS"
    out.write_text("".join(f"{sha256(f)}  {f.name}\n" for f in files), encoding="utf-8")
    return out


# --- the command ----------------------------------------------------------------------------
def build(args: argparse.Namespace) -> int:
    dist, work = args.dist.resolve(), args.work.resolve()
    version = project_version()
    say(f"QClinic {version}: building on {platform.system()} {platform.machine()}")
    started = time.monotonic()
    if not args.skip_freeze:
        ensure_pyinstaller(install=not args.no_install)
    bundle = dist / BUNDLE_NAME if args.skip_freeze else freeze(dist, work)
    if not args.skip_freeze:
        saved = strip_binaries(bundle)
        if saved:
            say(f"stripped {saved / 1e6:.0f} MB of debugging symbols")
    frozen_s = time.monotonic() - started
    say(f"bundle: {bundle} ({tree_size(bundle) / 1e6:.0f} MB unpacked, frozen in {frozen_s:.0f} s)")
    products: list[Path] = []
    problems: list[str] = []
    if sys.platform.startswith("linux"):
        products.append(make_tarball(bundle, dist, version))
        deb = make_deb(bundle, dist, work, version)
        products.append(deb)
        problems += check_deb(deb)
    elif sys.platform == "win32" and shutil.which("iscc"):
        subprocess.run(
            ["iscc", f"/DAppVersion={version}", f"/DBundleDir={bundle}", f"/O{dist}", str(ISS)],
            check=True,
        )
        products.append(dist / f"QClinic-{version}-windows-setup.exe")
    elif sys.platform == "darwin":
        subprocess.run(
            ["sh", str(MAKE_DMG), version], env={**os.environ, "DIST": str(dist)}, check=True
        )
        products.append(dist / f"QClinic-{version}-macos.dmg")
    if sys.platform != "win32":
        say("dry run of the Windows installer script:")
        problems += check_iss(ISS, bundle)
    if sys.platform != "darwin":
        say("dry run of the macOS DMG step:")
        problems += check_dmg_script(bundle, version)
    sums = write_checksums(products, dist)
    for product in products:
        say(f"made {product} ({product.stat().st_size / 1e6:.1f} MB)")
    say(f"checksums: {sums}\n" + sums.read_text(encoding="utf-8").rstrip())
    say(f"built and packaged in {time.monotonic() - started:.0f} s")
    for problem in problems:
        say(f"problem: {problem}")
    if args.no_smoke:
        return 1 if problems else 0
    say("smoke test of the frozen program:")
    smoke = load_smoke()
    result = smoke.smoke(bundle, version, say)
    say(result.summary())
    return 0 if result.ok and not problems else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build QClinic's installers (see the module doc).")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (dist/)")
    parser.add_argument(
        "--work",
        type=Path,
        default=ROOT / "build" / "installer",
        help="PyInstaller's work folder (build/installer/)",
    )
    parser.add_argument(
        "--skip-freeze",
        action="store_true",
        help="reuse the bundle already in DIST/QClinic (package and test only)",
    )
    parser.add_argument("--no-smoke", action="store_true", help="do not run the smoke test")
    parser.add_argument(
        "--no-install",
        action="store_true",
        help="stop (exit 2) rather than pip-install PyInstaller when it is missing",
    )
    parser.add_argument(
        "--check-scripts",
        action="store_true",
        help="only the dry run of the Windows and macOS scripts against DIST/QClinic",
    )
    args = parser.parse_args(argv)
    try:
        if args.check_scripts:
            bundle = args.dist.resolve() / BUNDLE_NAME
            problems = check_iss(ISS, bundle) + check_dmg_script(bundle, project_version())
            for problem in problems:
                say(f"problem: {problem}")
            return 1 if problems else 0
        return build(args)
    except NotReady as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except subprocess.CalledProcessError as exc:
        print(
            f"error: {' '.join(map(str, exc.cmd))} failed with exit {exc.returncode}",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
