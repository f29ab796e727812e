"""Screenshots of every main screen for the README, from real windows.

    xvfb-run -s "-screen 0 1400x900x24" python -m qclinic.screenshots docs/screenshots
    xvfb-run -s "-screen 0 1366x768x24" python -m qclinic.screenshots --laptop docs/screenshots

Seeds the demo data in a temporary data directory, starts the app's main window in Chinese and in
English, visits each page and dialog, and saves ``<screen>-<lang>.png``. The first screen of a
new installation (the welcome) is taken before the demo is seeded. ``--laptop`` takes the main
screens (and the compare dialog) in a 1366×768 window instead, as ``<screen>-<lang>-1366.png``:
what a consultant's laptop shows. Run it under Xvfb (or any display) so the pictures come from
real windows; offscreen works too for a quick look.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

#: The window size of the ordinary pictures, and of ``--laptop`` ones (a 1366×768 screen).
DESKTOP_SIZE = (1400, 860)
LAPTOP_SIZE = (1366, 768)


def take(out: Path, laptop: bool = False) -> list[Path]:
    """Take the pictures into *out*; *laptop*: the main screens at 1366×768 only."""
    from PySide6.QtWidgets import QApplication, QWidget

    from qclinic import paths
    from qclinic import settings as user_settings
    from qclinic.services.demo import seed
    from qclinic.storage.library import install_builtin_library
    from qclinic.storage.startup import open_database
    from qclinic.ui import i18n, tasks
    from qclinic.ui.fonts import install_cjk_font
    from qclinic.ui.main_window import PAGES, MainWindow
    from qclinic.ui.signals import AppSignals

    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_cjk_font(app)  # type: ignore[arg-type]
    tasks.set_synchronous(True)  # pictures of settled screens: each task done before the grab
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        paths.set_data_dir(folder)
        database = open_database()
        install_builtin_library(database)
        suffix = "-1366" if laptop else ""
        size = LAPTOP_SIZE if laptop else DESKTOP_SIZE
        for lang in ("zh", "en"):  # a new installation: no organization yet
            i18n.install_translators(app, lang)  # type: ignore[arg-type]
            window = MainWindow(AppSignals(), lang=lang, start_page="organizations")
            window.resize(*size)
            window.show()
            window.attach_database(database)
            app.processEvents()
            path = out / f"welcome-{lang}{suffix}.png"
            window.grab().save(str(path))
            written.append(path)
            window.close()
        ids = seed(database, spc=True)
        spc_ids = ids["datasets"]

        def settle(milliseconds: int = 0) -> None:
            import time

            end = time.monotonic() + milliseconds / 1000
            while True:
                app.processEvents()
                if time.monotonic() >= end:
                    break
                time.sleep(0.02)

        def shot(widget: QWidget, name: str) -> None:
            settle()
            path = out / f"{name}-{lang}{suffix}.png"
            widget.grab().save(str(path))
            written.append(path)

        for lang in ("zh", "en"):
            user_settings.save(user_settings.Settings())  # start each language afresh
            i18n.install_translators(app, lang)  # type: ignore[arg-type]
            window = MainWindow(AppSignals(), lang=lang, start_page="organizations")
            window.resize(*size)
            window.show()
            window.attach_database(database)
            organizations = window.page("organizations")
            organizations.select_organization(ids["organization"])  # type: ignore[attr-defined]
            shot(window, "organizations")
            detail = organizations.detail  # type: ignore[attr-defined]
            detail.tabs.setCurrentIndex(4)  # the company's outcome figures and their trend
            settle(300)
            shot(window, "outcomes")
            detail.tabs.setCurrentIndex(0)
            keys = [spec.key for spec in PAGES]
            for key in ("chains", "assessments", "cases", "providers", "plan", "library"):
                window.navigation.setCurrentRow(keys.index(key))
                settle(300)
                shot(window, key)
            window.navigation.setCurrentRow(keys.index("cases"))  # a case ended in a referral
            window.page("cases").select_case(ids["cases"][0])  # type: ignore[attr-defined]
            settle(300)
            shot(window, "case-referrals")
            window.navigation.setCurrentRow(keys.index("plan"))  # a finding ended in one too
            plan = window.page("plan")
            plan.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
            chooser = plan.assessment_combo  # type: ignore[attr-defined]
            chooser.setCurrentIndex(chooser.findData(ids["completed_assessment"]))
            plan.findings.select_finding(ids["referred_finding"])  # type: ignore[attr-defined]
            plan.findings.referrals.view.selectRow(0)  # type: ignore[attr-defined]
            settle(300)
            shot(window, "finding-referral")
            plan.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]
            window.navigation.setCurrentRow(keys.index("spc"))
            spc_page = window.page("spc")
            spc_page.select_organization(ids["organization"])  # type: ignore[attr-defined]
            spc_page.select_dataset(spc_ids["ring"])  # type: ignore[attr-defined]
            spc_page.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]
            settle(300)
            shot(window, "spc-chart")
            for tab, name in ((1, "spc-capability"), (2, "spc-gage")):
                if tab == 2:
                    spc_page.select_dataset(spc_ids["gage"])  # type: ignore[attr-defined]
                spc_page.tabs.setCurrentIndex(tab)  # type: ignore[attr-defined]
                settle(300)
                shot(window, name)
            spc_page.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]
            window.signals.open_assessment.emit(ids["completed_assessment"])
            settle(900)  # the what-if is computed in the background after a short pause
            shot(window, "runner")
            from qclinic.ui.compare_view import CompareDialog
            from qclinic.ui.organization_dialog import OrganizationDialog
            from qclinic.ui.signoff_dialog import SignOffDialog

            assert window.services is not None  # attached above
            compare = CompareDialog(window.services, lang, ids["organization"], parent=window)
            # On a laptop: the size it takes by itself on a 1366×768 screen (whatever screen
            # this runs on; offscreen is 800×600).
            compare.resize(1180 if laptop else 1200, 720)
            compare.show()
            shot(compare, "compare")
            compare.close()
            from qclinic.ui import sync_screenshots

            sync_screenshots.take(window, lang, shot)  # server tab, status bar, sync log
            if laptop:  # the other dialogs are the same size on any screen
                window.close()
                continue
            assert window.services is not None
            dialog = OrganizationDialog(
                window.services, window.signals, lang, ids["organization"], window
            )
            dialog.show()
            shot(dialog, "organization-dialog")
            dialog.close()
            signoff = SignOffDialog(
                window.services, window.signals, ids["completed_assessment"], lang, window
            )
            signoff.show()
            shot(signoff, "signoff")
            signoff.close()
            from qclinic.ui.settings_dialog import SettingsDialog

            preferences = SettingsDialog(window.services, window.signals, lang, window)
            preferences.show()
            shot(preferences, "settings")
            preferences.close()
            window.close()
        database.dispose()
        written += _dashboard(out, suffix, size)
        written += _conflicts(out, suffix, size)
        paths.set_data_dir(None)
    return written


def _dashboard(out: Path, suffix: str, size: tuple[int, int]) -> list[Path]:
    """The dashboard over a small synthetic province (``qclinic demo --chains 6
    --organizations 120``) with outcome figures and referrals, in its own data folder, in both
    languages."""
    from PySide6.QtWidgets import QApplication

    from qclinic.services.demo.province import ProvinceService
    from qclinic.services.demo.province_outcomes import ProvinceOutcomesService
    from qclinic.services.events import EventBus
    from qclinic.storage.library import install_builtin_library
    from qclinic.storage.startup import open_database
    from qclinic.ui import i18n, tasks
    from qclinic.ui.main_window import MainWindow
    from qclinic.ui.signals import AppSignals

    app = QApplication.instance()
    written = []
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "qclinic.sqlite", attachments_dir=Path(folder))
        install_builtin_library(database)
        ProvinceService(database, EventBus()).build(6, 120, seed=1)
        ProvinceOutcomesService(database, EventBus()).build(seed=1)
        for lang in ("zh", "en"):
            i18n.install_translators(app, lang)  # type: ignore[arg-type]
            window = MainWindow(AppSignals(), lang=lang, start_page="dashboard")
            window.resize(*size)
            window.show()
            window.attach_database(database)
            tasks.wait_idle()
            for _ in range(10):
                app.processEvents()  # type: ignore[union-attr]
            path = out / f"dashboard-{lang}{suffix}.png"
            window.grab().save(str(path))
            written.append(path)
            page = window.page("dashboard")
            page.tabs.setCurrentIndex(2)  # the outcome totals (质量成效)
            tasks.wait_idle()
            for _ in range(10):
                app.processEvents()  # type: ignore[union-attr]
            path = out / f"dashboard-outcomes-{lang}{suffix}.png"
            window.grab().save(str(path))
            written.append(path)
            window.close()
        database.dispose()
    return written


#: the conflicts of the inbox's pictures, per language: (entity key, field, mine, theirs)
_CONFLICTS = {
    "zh": [
        ("organization", "region", "铜陵市义安区", "铜陵市铜官区"),
        ("action", "due_date", "2026-12-15", "2026-12-31"),
        ("action", "priority", "high", "medium"),
        ("case", "diagnosis", "熔炼炉测温仪未定期校准", "测温仪校准记录缺失，且未做 MSA"),
    ],
    "en": [
        ("organization", "region", "Yi'an District, Tongling", "Tongguan District, Tongling"),
        ("action", "due_date", "2026-12-15", "2026-12-31"),
        ("action", "priority", "high", "medium"),
        (
            "case",
            "diagnosis",
            "The furnace pyrometer is not calibrated",
            "No calibration record, no MSA",
        ),
    ],
}


def _conflicts(out: Path, suffix: str, size: tuple[int, int]) -> list[Path]:
    """The conflict inbox over the demo data with four conflicts another device's sync left
    (as ``GET /v1/conflicts`` reports them), in its own data folder per language."""
    from datetime import UTC, datetime, timedelta

    from PySide6.QtWidgets import QApplication

    from qclinic import settings as user_settings
    from qclinic.services import Services
    from qclinic.services.demo import seed
    from qclinic.storage.startup import open_database
    from qclinic.ui import i18n
    from qclinic.ui.main_window import PAGES, MainWindow
    from qclinic.ui.signals import AppSignals

    app = QApplication.instance()
    written = []
    for lang in ("zh", "en"):
        with tempfile.TemporaryDirectory() as folder:
            database = open_database(Path(folder) / "qclinic.sqlite", attachments_dir=Path(folder))
            ids = seed(database, lang)
            rows = {
                "organization": ids["organization"],
                "action": ids["actions"][0],
                "case": ids["cases"][0],
            }
            entities = {"organization": "organization", "action": "action", "case": "clinic_case"}
            people = ("王工", "李敏") if lang == "zh" else ("Wang Gang", "Li Min")
            start = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
            found = [
                {
                    "change_id": f"screenshot-{n}",
                    "entity": entities[key],
                    "row_id": rows[key],
                    "organization_id": ids["organization"],
                    "field": name,
                    "mine": mine,
                    "theirs": theirs,
                    "mine_by": people[0],
                    "theirs_by": people[1],
                    "at": (start + timedelta(minutes=17 * n)).isoformat(),
                }
                for n, (key, name, mine, theirs) in enumerate(_CONFLICTS[lang])
            ]
            Services(database).sync.apply_conflicts(found, cursor=len(found))
            user_settings.save(user_settings.Settings())
            i18n.install_translators(app, lang)  # type: ignore[arg-type]
            window = MainWindow(AppSignals(), lang=lang, start_page="conflicts")
            window.resize(*size)
            window.show()
            window.attach_database(database)
            window.navigation.setCurrentRow([spec.key for spec in PAGES].index("conflicts"))
            for _ in range(10):
                app.processEvents()  # type: ignore[union-attr]
            path = out / f"conflicts-{lang}{suffix}.png"
            window.grab().save(str(path))
            written.append(path)
            window.close()
            database.dispose()
    return written


def main() -> int:
    args = sys.argv[1:]
    laptop = "--laptop" in args
    folders = [arg for arg in args if arg != "--laptop"]
    out = Path(folders[0]) if folders else Path("docs/screenshots")
    for path in take(out, laptop=laptop):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
