"""Every character the UI prints has a glyph in the fonts QClinic brings along.

The completion check printed ⛔ as an empty box: no bundled font has it. The UI's fonts are the
system's own, then the two QClinic registers behind it (:mod:`qclinic.ui.fonts`): DejaVu Sans
(from matplotlib) for symbols and DroidSansFallback for Chinese. This test collects every
non-ASCII character of the UI's texts — the translation file (sources and Chinese), string
literals under ``qclinic/ui`` and ``qclinic/core`` (gap and grade messages), every entry of the
catalogue (errors, vocabulary labels, chart words), the built-in checklists — and looks each up in the two fonts' character maps (read with fontTools).
"""

from __future__ import annotations

import ast
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[2]


def _literals(path: Path) -> str:
    """The string literals of a module, without its docstrings (not shown to users)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and ast.get_docstring(node) is not None
    }
    return "".join(
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    )


def ui_texts() -> dict[str, str]:
    """Where each text comes from → the text."""
    texts: dict[str, str] = {}
    ts = ET.parse(ROOT / "resources" / "translations" / "qclinic_zh_CN.ts")
    texts["qclinic_zh_CN.ts"] = "".join(
        element.text or ""
        for element in ts.getroot().iter()
        if element.tag in ("source", "translation", "numerusform")
    )
    for folder in ("qclinic/ui", "qclinic/core"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            texts[str(path.relative_to(ROOT))] = _literals(path)
    # the catalogue as the UI shows it: errors from below, vocabulary labels, chart words
    from qclinic.core.catalogue import find, keys

    entries = [entry for key in sorted(keys()) if (entry := find(key)) is not None]
    texts["qclinic/core/catalogue (entries)"] = "".join(e.zh + e.en for e in entries)
    for path in sorted((ROOT / "resources" / "checklists").glob("*.yaml")):
        texts[str(path.relative_to(ROOT))] = path.read_text(encoding="utf-8")
    return texts


def bundled_cmaps() -> dict[str, set[int]]:
    from qclinic.ui.fonts import cjk_font_path, symbol_font_path

    symbols = symbol_font_path()
    assert symbols is not None, "DejaVu Sans (shipped with matplotlib) was not found"
    return {path.name: set(TTFont(path).getBestCmap()) for path in (symbols, cjk_font_path())}


def test_every_character_the_ui_prints_has_a_glyph_in_the_bundled_fonts() -> None:
    cmaps = bundled_cmaps()
    covered = set().union(*cmaps.values())
    missing: dict[str, set[str]] = {}
    seen: set[str] = set()
    for where, text in ui_texts().items():
        for ch in set(text):
            if ord(ch) < 0x80 or ch in "\ufeff":
                continue
            seen.add(ch)
            if ord(ch) not in covered:
                missing.setdefault(f"U+{ord(ch):04X} {unicodedata.name(ch, '?')} {ch}", set()).add(
                    where
                )
    assert len(seen) > 500  # the Chinese texts were read, not just a few symbols
    assert not missing, "no glyph in the bundled fonts (use an icon instead):\n" + "\n".join(
        f"{name}: {', '.join(sorted(places))}" for name, places in sorted(missing.items())
    )


def test_the_ui_registers_both_fonts_behind_the_system_font(qapp) -> None:
    from PySide6.QtGui import QFontDatabase

    from qclinic.ui.fonts import install_cjk_font

    before = qapp.font()
    try:
        cjk = install_cjk_font(qapp)
        families = qapp.font().families()
        assert cjk is not None and cjk in families
        assert "DejaVu Sans" in families or families[0] == "DejaVu Sans"
        assert families[0] == before.family()  # the system's font stays first
        assert "DejaVu Sans" in QFontDatabase.families()
    finally:
        qapp.setFont(before)


@pytest.mark.parametrize("name", ["blocked", "unanswered", "answered", "critical", "demo"])
def test_icons_render_sharp_at_200_percent(qapp, name: str) -> None:
    """SVG icons give a pixmap of twice the pixels at a pixel ratio of 2, not a blown-up one."""
    from PySide6.QtCore import QSize

    from qclinic.ui.icons import icon

    pixmap = icon(name).pixmap(QSize(16, 16), 2.0)
    assert pixmap.devicePixelRatio() == 2.0
    assert (pixmap.width(), pixmap.height()) == (32, 32)
    image = pixmap.toImage()
    opaque = sum(1 for x in range(32) for y in range(32) if image.pixelColor(x, y).alpha() > 0)
    assert opaque > 40  # something was drawn


def test_completion_gaps_carry_an_icon_not_a_character(qtbot) -> None:
    """The blocking gap's ⛔ showed as an empty box; now each gap kind has its own icon."""
    from qclinic.core.checklists.model import Text
    from qclinic.core.scoring.result import Gap
    from qclinic.ui.runner.completion import GapList

    gaps = GapList("en")
    qtbot.addWidget(gaps)
    gaps.show_gaps(
        [
            Gap("note-required", "QMS.1", "QMS.1", "", Text("需要备注", "A note is required")),
            Gap("unanswered", "QMS.2", "QMS.2", "", Text("未作答", "Not answered")),
        ]
    )
    blocking, open_one = gaps.list.item(0), gaps.list.item(1)
    assert blocking.text() == "A note is required" and open_one.text() == "Not answered"
    assert not blocking.icon().isNull() and not open_one.icon().isNull()
    assert blocking.icon().cacheKey() != open_one.icon().cacheKey()
