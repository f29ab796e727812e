"""Measure the main window on a 1366×768 laptop screen: every page's minimum size, in one language.

Used in-process by ``test_layout_1366.py`` and run as a subprocess there with ``QT_SCALE_FACTOR=2``
(a 2732×1536 screen at 200 %: the same logical budget), where it prints its measurements as JSON:

    QT_QPA_PLATFORM=offscreen QT_SCALE_FACTOR=2 python tests/ui/layout_probe.py en
"""

from __future__ import annotations

import json
import sys
import tempfile
from typing import Any

#: A 1366×768 screen less a taskbar (~40 px) and the window's title bar and frame.
USABLE = (1340, 700)


def _rect(widget: Any, window: Any) -> list[int]:
    """*widget*'s geometry in *window*'s coordinates: x, y, width, height."""
    from PySide6.QtCore import QPoint

    top_left = widget.mapTo(window, QPoint(0, 0))
    return [top_left.x(), top_left.y(), widget.width(), widget.height()]


def measure(app: Any, database: Any, lang: str) -> dict[str, Any]:
    """Build the window over the demo data in *lang*, visit every page, open both assessments."""
    from qclinic import settings as user_settings
    from qclinic.services.demo import seed
    from qclinic.ui import i18n
    from qclinic.ui.main_window import PAGES, MainWindow
    from qclinic.ui.signals import AppSignals

    ids = seed(database, lang=lang, spc=True)
    spc_ids = ids["datasets"]
    user_settings.save(user_settings.Settings())
    i18n.install_translators(app, lang)
    window = MainWindow(AppSignals(), lang=lang, start_page="organizations")
    window.resize(*USABLE)
    window.show()
    window.attach_database(database)
    pages: dict[str, Any] = {}

    def settle() -> None:
        from qclinic.ui import tasks

        for _ in range(5):
            app.processEvents()
            tasks.wait_idle(10_000)
        app.processEvents()

    def record(name: str, page: Any) -> None:
        settle()
        hint = page.minimumSizeHint()
        pages[name] = {
            "page": [hint.width(), hint.height()],
            "window": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
        }

    window.page("organizations").select_organization(ids["organization"])
    keys = [spec.key for spec in PAGES]
    for key in keys:
        window.navigation.setCurrentRow(keys.index(key))
        if key == "spc":
            spc = window.page("spc")
            spc.select_organization(ids["organization"])
            spc.select_dataset(spc_ids["ring"])
        record(key, window.page(key))
    runner: dict[str, Any] = {}
    for number, assessment_id in enumerate(ids["assessments"]):
        window.signals.open_assessment.emit(assessment_id)
        settle()
        page = window.page("assessments")
        record(f"runner-{number}", page)
        window.resize(*USABLE)
        settle()
        view = page.runner  # type: ignore[attr-defined]
        runner[str(number)] = {
            name: {"visible": widget.isVisible(), "rect": _rect(widget, window)}
            for name, widget in (
                ("score_panel", view.score_panel),
                ("print_report", view.print_report_button),
                ("print_plan", view.print_plan_button),
                ("title", view.title_label),
                ("navigation", window.navigation),
            )
        }
    grab = window.grab()
    result = {
        "lang": lang,
        "pages": pages,
        "runner": runner,
        "window": [window.width(), window.height()],
        "grab_dpr": grab.devicePixelRatio(),
        "grab_pixels": [grab.width(), grab.height()],
    }
    window.close()
    window.deleteLater()
    settle()
    return result


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from qclinic import paths
    from qclinic.storage.library import install_builtin_library
    from qclinic.storage.startup import open_database
    from qclinic.ui.fonts import install_cjk_font

    app = QApplication(sys.argv[:1])
    install_cjk_font(app)
    with tempfile.TemporaryDirectory() as folder:
        paths.set_data_dir(folder)
        database = open_database()
        install_builtin_library(database)
        result = measure(app, database, sys.argv[1] if len(sys.argv) > 1 else "en")
        database.dispose()
    from qclinic.ui import tasks

    tasks.shutdown()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
