"""Developer tasks: compile Designer forms and Linguist translations.

    python -m qclinic.devtools forms          # forms/*.ui → qclinic/ui/forms/ui_*.py (pyside6-uic)
    python -m qclinic.devtools translations   # refresh resources/translations/*.ts, compile *.qm
    python -m qclinic.devtools checklist-template  # rebuild resources/templates/checklist-template.xlsx

Generated modules carry a do-not-edit header; a test regenerates them and expects no change.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "forms"
GENERATED = ROOT / "qclinic" / "ui" / "forms"
TRANSLATIONS = ROOT / "resources" / "translations"
CHECKLIST_TEMPLATE = ROOT / "resources" / "templates" / "checklist-template.xlsx"
LANGUAGES = ("zh_CN",)
HEADER = "# Generated from forms/{name} by `python -m qclinic.devtools forms`: do not edit.\n"


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        sys.exit(f"pyside6-{name} not found: install PySide6")
    return found


def compile_form(ui_file: Path) -> str:
    """The Python module pyside6-uic makes of *ui_file*, without its version-stamped banner."""
    output = subprocess.run(
        [_tool("uic"), "--from-imports", str(ui_file)],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    ).stdout
    body = [line for line in output.splitlines() if not line.startswith("##")]
    while body and not body[0].strip():
        body.pop(0)
    return HEADER.format(name=ui_file.name) + "\n".join(body).rstrip() + "\n"


def generated_path(ui_file: Path) -> Path:
    return GENERATED / f"ui_{ui_file.stem}.py"


def build_forms() -> list[Path]:
    GENERATED.mkdir(parents=True, exist_ok=True)
    init = GENERATED / "__init__.py"
    if not init.exists():
        init.write_text('"""Modules generated from forms/*.ui: do not edit."""\n', encoding="utf-8")
    written = []
    for ui_file in sorted(FORMS.glob("*.ui")):
        target = generated_path(ui_file)
        target.write_text(compile_form(ui_file), encoding="utf-8")
        written.append(target)
    return written


def build_translations() -> list[Path]:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    # The Designer sources, not the modules generated from them (they would duplicate strings).
    python = [p for p in (ROOT / "qclinic" / "ui").rglob("*.py") if GENERATED not in p.parents]
    sources = sorted(str(p.relative_to(ROOT)) for p in [*python, *FORMS.glob("*.ui")])
    written = []
    for lang in LANGUAGES:
        ts = TRANSLATIONS / f"qclinic_{lang}.ts"
        subprocess.run(
            [_tool("lupdate"), "-no-obsolete", "-locations", "none", *sources, "-ts", str(ts)],
            check=True,
            cwd=ROOT,
            capture_output=True,
        )
        qm = ts.with_suffix(".qm")
        subprocess.run(
            [_tool("lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True
        )
        written += [ts, qm]
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m qclinic.devtools")
    parser.add_argument("task", choices=["forms", "translations", "checklist-template", "all"])
    args = parser.parse_args(argv)
    if args.task in ("forms", "all"):
        for path in build_forms():
            print(f"wrote {path.relative_to(ROOT)}")
    if args.task in ("translations", "all"):
        for path in build_translations():
            print(f"wrote {path.relative_to(ROOT)}")
    if args.task in ("checklist-template", "all"):
        from qclinic.core.checklists.workbook_template import write_template

        write_template(CHECKLIST_TEMPLATE)
        print(f"wrote {CHECKLIST_TEMPLATE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
