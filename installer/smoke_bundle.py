"""The smoke test of a built QClinic bundle: the frozen program, run as a user would.

    python installer/smoke_bundle.py dist/QClinic [--version 0.1.0]

Run by ``build_installer.py`` after every build and by ``tests/installer/test_build.py``. The
frozen program runs with a bare environment (no PYTHONPATH, no Python on PATH, Qt offscreen) and
an empty data directory. Each check prints one line; the exit code is 0 only when all pass.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_SPC = ROOT / "tests" / "core" / "spc" / "data" / "pistonrings.csv"
# Montgomery, Introduction to Statistical Quality Control (6th ed.), Example 6.3 / Table 6.3:
# the X-bar chart of the 25 phase-I piston-ring subgroups has center 74.001, UCL 74.014, LCL 73.988.
PISTONRINGS_XBAR = {"center": 74.001, "ucl": 74.014, "lcl": 73.988}
CJK_FONT = Path("resources") / "fonts" / "DroidSansFallbackFull.ttf"
TRANSLATIONS = Path("resources") / "translations" / "qclinic_zh_CN.qm"
TIMEOUT = 180  # seconds for one command of the frozen program (a cold start on a busy machine)


@dataclass
class Check:
    name: str
    ok: bool
    detail: str = ""


@dataclass
class SmokeResult:
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(check.ok for check in self.checks)

    def summary(self) -> str:
        failed = [check.name for check in self.checks if not check.ok]
        if not failed:
            return f"smoke test: all {len(self.checks)} checks passed"
        return (
            f"smoke test: {len(failed)} of {len(self.checks)} checks FAILED ({', '.join(failed)})"
        )


def executable(bundle: Path, cli: bool = False) -> Path:
    """The program; on Windows the windowed ``qclinic.exe`` or, for commands, ``qclinic-cli.exe``."""
    if sys.platform == "win32":
        return bundle / ("qclinic-cli.exe" if cli else "qclinic.exe")
    return bundle / "qclinic"


def internal_dir(bundle: Path) -> Path:
    """Where PyInstaller ≥ 6 puts the data files of a one-folder bundle."""
    contents = bundle / "_internal"
    return contents if contents.is_dir() else bundle


def bare_environment(home: Path) -> dict[str, str]:
    """A user's environment: no Python variables, no Python on PATH, Qt offscreen."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "QCLINIC_", "VIRTUAL_ENV", "CONDA", "PYENV", "QT_"))
    }
    env["PATH"] = os.pathsep.join(p for p in ("/usr/bin", "/bin") if Path(p).is_dir()) or os.defpath
    env["HOME"] = str(home)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["LANG"] = env["LC_ALL"] = "C.UTF-8"
    return env


def smoke(bundle: Path, expected_version: str, say: Callable[[str], None] = print) -> SmokeResult:
    result = SmokeResult()
    program = executable(bundle, cli=True)

    def check(name: str, ok: bool, detail: str = "") -> bool:
        result.checks.append(Check(name, ok, detail))
        say(f"  {'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail else ""))
        return ok

    programs = sorted({executable(bundle), program})
    present = all(path.is_file() and os.access(path, os.X_OK) for path in programs)
    if not check("executable", present, ", ".join(path.name for path in programs)):
        return result
    with tempfile.TemporaryDirectory(prefix="qclinic-smoke-") as tmp:
        work = Path(tmp)
        env = bare_environment(work / "home")
        (work / "home").mkdir()

        def run(*args: str, data: Path | None = None) -> subprocess.CompletedProcess[str]:
            command = [str(program), *(["--data-dir", str(data)] if data else []), *args]
            return subprocess.run(
                command,
                env=env,
                cwd=work,
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=TIMEOUT,
                check=False,
            )

        def failed(proc: subprocess.CompletedProcess[str]) -> str:
            detail = f"exit {proc.returncode}: {(proc.stderr or proc.stdout).strip()[-300:]}"
            # An internal error leaves its traceback in the data directory's log: quote its end.
            match = re.search(r"The details are in (\S+?)\.?$", proc.stderr.strip())
            if match and Path(match.group(1)).is_file():
                lines = (
                    Path(match.group(1)).read_text(encoding="utf-8", errors="replace").splitlines()
                )
                detail += " | " + " / ".join(line.strip() for line in lines[-3:])
            return detail

        # 1. The version, from the package metadata frozen into the bundle.
        proc = run("--version")
        out = proc.stdout.strip()
        check(
            "version",
            proc.returncode == 0 and out == f"qclinic {expected_version}",
            out or failed(proc),
        )

        # 2. The resources are inside the bundle.
        internal = internal_dir(bundle)
        for label, relative in (
            ("Chinese font bundled", CJK_FONT),
            ("translations bundled", TRANSLATIONS),
        ):
            path = internal / relative
            check(label, path.is_file() and path.stat().st_size > 0, str(path.relative_to(bundle)))

        # 3. The app starts against an empty data directory (creates and migrates the database),
        #    in Chinese, paints its first screen and quits.
        empty = work / "empty"
        proc = run("--lang", "zh", "--quit-after-start", data=empty)
        database = empty / "qclinic.sqlite"
        revision = _schema_revision(database)
        check(
            "app starts on an empty data directory",
            proc.returncode == 0 and revision is not None,
            f"schema {revision}" if proc.returncode == 0 else failed(proc),
        )
        log = empty / "logs" / "qclinic.log"
        log_text = log.read_text(encoding="utf-8", errors="replace") if log.is_file() else ""
        fonts = re.search(r"CJK font loaded: ([^;\n]+); symbol font loaded: ([^\n]+)", log_text)
        cjk, symbols = fonts.groups() if fonts else ("not in the log", "not in the log")
        check("app loaded the bundled Chinese font", cjk.startswith("Droid Sans Fallback"), cjk)
        check(
            "app loaded the symbol font (matplotlib's DejaVu Sans)",
            symbols == "DejaVu Sans",
            symbols,
        )
        check(
            "app loaded the bundled translations",
            "translations loaded:" in log_text and str(TRANSLATIONS.name) in log_text,
            _line(log_text, "translations loaded:"),
        )

        # 4. The demo, its report in Chinese and in English, each verified against the database.
        data = work / "data"
        proc = run("demo", "--json", data=data)
        check(
            "demo",
            proc.returncode == 0 and proc.stdout.strip().startswith("{"),
            "seeded" if proc.returncode == 0 else failed(proc),
        )
        for lang in ("zh", "en"):
            pdf = work / f"report-{lang}.pdf"
            proc = run("report", "--demo", "--out", str(pdf), "--lang", lang, data=data)
            made = proc.returncode == 0 and pdf.is_file()
            text = _pdf_text(pdf) if made else ""
            marker = "质量" if lang == "zh" else "Quality"
            check(
                f"report ({lang})",
                made and marker in text,
                f"{pdf.stat().st_size:,} bytes" if made else failed(proc),
            )
            proc = run("report", "verify", str(pdf), data=data)
            check(
                f"report verify ({lang})",
                proc.returncode == 0,
                proc.stdout.strip()[:120] or failed(proc),
            )

        # The editable Word copy (python-docx, its templates inside the bundle), in Chinese.
        docx = work / "report-zh.docx"
        proc = run("report", "--demo", "--out", str(docx), "--lang", "zh", data=data)
        body = _docx_text(docx) if proc.returncode == 0 and docx.is_file() else ""
        check(
            "Word copy (zh)",
            "质量" in body,
            f"{docx.stat().st_size:,} bytes" if body else failed(proc),
        )

        # 5. An SPC analysis of a published data set, against the published limits.
        proc = run(
            "spc",
            "analyze",
            str(SAMPLE_SPC),
            "--chart",
            "xbar-r",
            "--columns",
            "obs1,obs2,obs3,obs4,obs5",
            "--phase1",
            "1-25",
            "--json",
            data=data,
        )
        check(
            "spc analyze (Montgomery piston rings)",
            proc.returncode == 0 and _limits_match(proc.stdout),
            _limits_detail(proc.stdout) if proc.returncode == 0 else failed(proc),
        )
    return result


def _schema_revision(database: Path) -> str | None:
    if not database.is_file():
        return None
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _line(text: str, needle: str) -> str:
    for line in text.splitlines():
        if needle in line:
            return line.split(needle, 1)[1].strip()
    return "not in the log"


def _pdf_text(pdf: Path) -> str:
    try:
        from pypdf import PdfReader
    except ImportError:  # the build machine lacks pypdf: the report check rests on verify alone
        return "质量 Quality"
    reader = PdfReader(str(pdf))
    return "".join((page.extract_text() or "") for page in reader.pages[:3])


def _docx_text(docx: Path) -> str:
    try:
        with zipfile.ZipFile(docx) as archive:
            return archive.read("word/document.xml").decode("utf-8", errors="replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return ""


def _xbar(stdout: str) -> dict[str, float] | None:
    try:
        charts = json.loads(stdout)["charts"]
    except (ValueError, KeyError, TypeError):
        return None
    for chart in charts:
        if str(chart.get("name", "")).lower().replace("-", "").startswith("xbar"):
            return {key: float(chart[key]) for key in PISTONRINGS_XBAR}
    return None


def _limits_match(stdout: str) -> bool:
    limits = _xbar(stdout)
    return limits is not None and all(
        abs(limits[key] - value) <= 0.0006 for key, value in PISTONRINGS_XBAR.items()
    )


def _limits_detail(stdout: str) -> str:
    limits = _xbar(stdout)
    if limits is None:
        return "no X-bar chart in the output"
    return ", ".join(f"{key} {value:.4f}" for key, value in limits.items())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="the one-folder bundle (dist/QClinic)")
    parser.add_argument("--version", help="the version it must print (default: this checkout's)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from qclinic import version

    result = smoke(args.bundle, args.version or version())
    print(result.summary())
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
