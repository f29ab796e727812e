"""Every screen fits a 1366×768 laptop, in Chinese and English, at 100 % and at 200 % scaling.

Measured, not guessed: the main window is built over the demo data, every page is visited and both
demo assessments are opened in the runner (see ``layout_probe.py``); each page's and the window's
*minimum* size must fit the usable area of the screen (1366×768 less a taskbar and the window
frame), and in a window of that size the runner's score panel and Print buttons lie inside it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from layout_probe import USABLE
from PySide6.QtWidgets import QApplication

#: The runner's live score needs at least this width to show "Grade B · …" and a section table.
SCORE_PANEL_MIN_WIDTH = 200
NAVIGATION_MIN_WIDTH = 150


def check(result: dict) -> None:
    width, height = USABLE
    for name, sizes in result["pages"].items():
        page_w, page_h = sizes["page"]
        window_w, window_h = sizes["window"]
        where = f"{result['lang']} {name}"
        assert window_w <= width, f"{where}: the window needs {window_w} px wide (of {width})"
        assert window_h <= height, f"{where}: the window needs {window_h} px high (of {height})"
        assert page_w <= width - NAVIGATION_MIN_WIDTH, f"{where}: the page needs {page_w} px"
        assert page_h <= height, f"{where}: the page needs {page_h} px high"
    assert result["window"] == list(USABLE), "the window could not take the laptop's size"
    window_box = (0, 0, *USABLE)
    for number, widgets in result["runner"].items():
        for name, found in widgets.items():
            x, y, w, h = found["rect"]
            where = f"{result['lang']} runner {number} {name} at {found['rect']}"
            if name in ("print_report", "print_plan", "score_panel", "navigation"):
                assert found["visible"], where
            if found["visible"]:
                assert x >= 0 and y >= 0, where
                assert x + w <= window_box[2] and y + h <= window_box[3], where
        assert widgets["score_panel"]["rect"][2] >= SCORE_PANEL_MIN_WIDTH
        assert widgets["navigation"]["rect"][2] >= NAVIGATION_MIN_WIDTH
        title_w = widgets["title"]["rect"][2]
        assert title_w > 0, "the runner's title has no room at all"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_fits_1366x768(qapp, database, lang) -> None:
    from layout_probe import measure

    from qclinic.ui.fonts import install_cjk_font

    install_cjk_font(qapp)
    try:
        result = measure(qapp, database, lang)
    finally:
        from qclinic.ui import i18n

        i18n.install_translators(qapp, "en")
    assert set(result["pages"]) >= {"organizations", "spc", "runner-0", "runner-1"}
    check(result)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_fits_at_200_percent(tmp_path: Path, lang: str) -> None:
    """A 2732×1536 screen at 200 %: the same logical budget, drawn with twice the pixels."""
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        QT_SCALE_FACTOR="2",
        PYTHONPATH=os.pathsep.join([str(root), env.get("PYTHONPATH", "")]),
        QCLINIC_DATA_DIR=str(tmp_path / "data"),
    )
    done = subprocess.run(
        [sys.executable, str(root / "tests" / "ui" / "layout_probe.py"), lang],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["grab_dpr"] == 2.0
    assert result["grab_pixels"] == [2 * USABLE[0], 2 * USABLE[1]]
    check(result)


def test_a_long_runner_title_elides_instead_of_widening_the_window(qtbot) -> None:
    """The English runner needed 1647 px for one long title; now the title gives way."""
    from qclinic.ui.runner.runner_widget import RunnerView

    view = RunnerView("en")
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    qtbot.waitExposed(view)
    before = view.minimumSizeHint().width()
    title = (
        "Yingtan Precision Copper Materials Co., Ltd · 2026 quality clinic diagnosis across the "
        "national quality infrastructure (metrology, standards, certification) · revision 2"
    )
    view.title_label.setText(title)
    view.title_label.setToolTip("Quality clinic diagnosis")
    QApplication.processEvents()
    # the label asks for a few characters, whatever its text (a QLabel asked for all of it)
    assert view.minimumSizeHint().width() <= before + view.title_label.minimumSizeHint().width()
    assert view.title_label.minimumSizeHint().width() < 100
    assert view.width() == 1200
    assert view.title_label.text() == title  # the full text stays the label's text
    assert view.title_label.is_elided()
    assert view.title_label.elided_text().endswith("…")
    assert view.title_label.toolTip() == f"{title}\nQuality clinic diagnosis"
    view.resize(2400, 600)
    qtbot.waitUntil(lambda: not view.title_label.is_elided())
    assert view.title_label.toolTip() == "Quality clinic diagnosis"


def test_the_first_window_size_fits_the_screen(qtbot, signals) -> None:
    """1280×800 was the window's first size: taller than a 1366×768 laptop's free area."""
    from qclinic.ui.layout import FRAME_ALLOWANCE
    from qclinic.ui.main_window import MainWindow

    window = MainWindow(signals, lang="en")
    qtbot.addWidget(window)
    free = window.screen().availableGeometry().size() - FRAME_ALLOWANCE
    assert window.width() <= max(free.width(), window.minimumSizeHint().width())
    assert window.height() <= max(free.height(), window.minimumSizeHint().height())
    assert window.width() <= 1280 and window.height() <= 800
