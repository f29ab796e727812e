"""The main window: navigation between pages, and a status bar with the data file and last save.

It is shown (and painted) before the database is opened — see :mod:`qclinic.app` — then
:meth:`MainWindow.attach_database` builds the pages and loads the first one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from importlib import import_module
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QObject,
    QSize,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from qclinic.ui.layout import fitted_size
from qclinic.ui.signals import AppSignals

if TYPE_CHECKING:  # SQLAlchemy is imported after the first paint, not before
    from qclinic.services import Services
    from qclinic.storage.database import Database
    from qclinic.ui.sync_actions import SyncController


@dataclass(frozen=True)
class PageSpec:
    key: str
    module: str  # qclinic.ui.pages.<module>, with create(services, signals, lang)
    source_title: str  # English, marked for lupdate with QT_TRANSLATE_NOOP("MainWindow", …)

    def title(self) -> str:
        return QCoreApplication.translate("MainWindow", self.source_title)


#: The navigation, top to bottom. Pages are imported and built on first use.
PAGES: tuple[PageSpec, ...] = (
    PageSpec("dashboard", "dashboard", QT_TRANSLATE_NOOP("MainWindow", "Dashboard")),
    PageSpec("organizations", "organizations", QT_TRANSLATE_NOOP("MainWindow", "Organizations")),
    PageSpec("chains", "chains", QT_TRANSLATE_NOOP("MainWindow", "Chains")),
    PageSpec("assessments", "assessments", QT_TRANSLATE_NOOP("MainWindow", "Assessments")),
    PageSpec("cases", "cases", QT_TRANSLATE_NOOP("MainWindow", "Clinic cases")),
    PageSpec("providers", "providers", QT_TRANSLATE_NOOP("MainWindow", "Providers")),
    PageSpec("plan", "plan", QT_TRANSLATE_NOOP("MainWindow", "Improvement plans")),
    PageSpec("spc", "spc", QT_TRANSLATE_NOOP("MainWindow", "SPC / MSA")),
    PageSpec("library", "library", QT_TRANSLATE_NOOP("MainWindow", "Checklist library")),
    PageSpec("conflicts", "conflicts", QT_TRANSLATE_NOOP("MainWindow", "Conflicts")),
)

#: The home page: the first page of a start (unless the user last left the app elsewhere).
HOME_PAGE = "dashboard"
#: how long after the first screen the sync status is first read
SYNC_STATUS_DELAY_MS = 1000

#: plain sqlite3 (no SQLAlchemy before the first screen): is there any organization yet?
HAS_ORGANIZATIONS = "SELECT EXISTS (SELECT 1 FROM organization WHERE deleted_at IS NULL)"

# The navigation's width range (logical pixels: the same at 200 % scaling).
NAVIGATION_MIN_WIDTH = 150
NAVIGATION_MAX_WIDTH = 220
# The first size of the window, shrunk to the screen (a 1366×768 laptop shows it whole).
PREFERRED_SIZE = QSize(1280, 800)


class MainWindow(QMainWindow):
    first_paint_done = Signal()
    first_screen_loaded = Signal()

    def __init__(self, signals: AppSignals, lang: str = "zh", start_page: str = HOME_PAGE) -> None:
        super().__init__()
        self.signals = signals
        self.lang = lang
        self.database: Database | None = None
        self.services: Services | None = None
        self.sync: SyncController | None = None  # File → Sync now…, the status bar's sync part
        self._painted = False
        self._start_page = start_page
        self._pages: dict[str, QWidget] = {}
        self._loaded: set[str] = set()
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setMaximumWidth(NAVIGATION_MAX_WIDTH)
        for spec in PAGES:
            item = QListWidgetItem()
            item.setData(0x0100, spec.key)
            self.navigation.addItem(item)
        self.stack = QStackedWidget()
        self.loading = QLabel()
        self.stack.addWidget(self.loading)
        self.splitter = splitter = QSplitter()
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([200, 1080])  # the navigation at its width, the page takes the rest
        self.setCentralWidget(splitter)
        self.resize(fitted_size(self, PREFERRED_SIZE))

        self.file_label = QLabel()
        self.saved_label = QLabel()
        self.statusBar().addWidget(self.file_label, 1)
        self.statusBar().addPermanentWidget(self.saved_label)
        signals.saved.connect(self.on_saved)
        signals.language_changed.connect(self.on_language_changed)
        self.navigation.currentRowChanged.connect(self.on_navigate)
        self._build_menus()
        self.installEventFilter(self)
        self.retranslate()

    # --- start-up -------------------------------------------------------------------------
    def attach_database(self, database: Database) -> None:
        """Build the pages over *database* and load the first one."""
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        from qclinic.services import Services

        self.database = database
        self.services = Services(database)
        self.signals.follow(self.services.bus)
        self.file_label.setText(self.tr("Data file: %1").replace("%1", str(database.path)))
        keys = [spec.key for spec in PAGES]
        start_page = self._start_page
        if start_page == HOME_PAGE and not database.query(HAS_ORGANIZATIONS)[0][0]:
            start_page = "organizations"  # a new installation: its welcome, not empty figures
        start = keys.index(start_page) if start_page in keys else 0
        self.navigation.setCurrentRow(start)
        self.on_navigate(start)
        self.conflict_badge = import_module("qclinic.ui.conflict_badge").follow(self)
        self.signals.open_assessment.connect(self.on_open_assessment)
        self.signals.open_organization.connect(self.on_open_organization)
        self._attach_sync()
        self.repaint()  # paint the first page's data now, before anyone measures "loaded"
        self.first_screen_loaded.emit()

    def _attach_sync(self) -> None:
        """The sync actions in the File menu, the sync status in the status bar, its timer."""
        from qclinic.ui.sync_actions import SyncController

        assert self.services is not None
        self.sync = sync = SyncController(self, self.services, self.signals, self.lang)
        menu, before = self.file_menu, self.quit_action  # Settings, ─, these, ─, Quit
        menu.insertAction(before, sync.sync_now_action)
        menu.insertAction(before, sync.sync_log_action)
        menu.insertSeparator(before)
        menu.insertAction(before, sync.export_action)
        menu.insertAction(before, sync.import_action)
        menu.insertSeparator(before)
        self.statusBar().addPermanentWidget(sync.widget)
        # after the first screen: reading the status (the pending count) imports SQLAlchemy on a
        # worker, which must not compete with the first page's own loading
        QTimer.singleShot(SYNC_STATUS_DELAY_MS, sync.start)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Offer to sync waiting changes before quitting (sync and quit / quit / cancel)."""
        if self.sync is not None and not self.sync.confirm_quit():
            event.ignore()
            return
        # what reads the database by itself, on a timer or on any change, stops with the window
        # (closing it quits the app; a test's or the screenshots' window closes before its data
        # folder goes)
        if self.sync is not None:
            self.sync.stop()
        if getattr(self, "conflict_badge", None) is not None:
            self.conflict_badge.stop()
        super().closeEvent(event)

    def page(self, key: str) -> QWidget:
        """The page for *key*, built on first use."""
        if key not in self._pages:
            assert self.services is not None
            spec = next(s for s in PAGES if s.key == key)
            module = import_module(f"qclinic.ui.pages.{spec.module}")
            widget: QWidget = module.create(self.services, self.signals, self.lang)
            self._pages[key] = widget
            self.stack.addWidget(widget)
        return self._pages[key]

    def show_page(self, key: str) -> QWidget:
        keys = [spec.key for spec in PAGES]
        if self.navigation.currentRow() != keys.index(key):
            self.navigation.setCurrentRow(keys.index(key))
        return self._pages[key]

    def on_open_assessment(self, assessment_id: str) -> None:
        """Show the assessments page (it opens the runner itself, listening to the signal)."""
        built = "assessments" in self._pages
        self.navigation.setCurrentRow([spec.key for spec in PAGES].index("assessments"))
        if not built:  # the page was made just now, after this emission began: tell it again
            self.signals.open_assessment.emit(assessment_id)

    def on_open_organization(self, organization_id: str) -> None:
        """Show the organizations page (it selects the organization, listening to the signal)."""
        built = "organizations" in self._pages
        self.navigation.setCurrentRow([spec.key for spec in PAGES].index("organizations"))
        if not built:  # the page was made just now, after this emission began: tell it again
            self.signals.open_organization.emit(organization_id)

    def on_navigate(self, row: int) -> None:
        if self.services is None or row < 0:
            return
        key = PAGES[row].key
        widget = self.page(key)
        if key not in self._loaded:
            self._loaded.add(key)
            load = getattr(widget, "load", None)
            if load is not None:
                load()
        self.stack.setCurrentWidget(widget)
        self._remember_page(key)

    def _remember_page(self, key: str) -> None:
        """Store *key* as ``last_page``, so the next start opens where the user was."""
        assert self.services is not None
        self.services.settings.remember_page(key)

    # --- menus ----------------------------------------------------------------------------
    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.settings_action = QAction(self)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.on_settings_triggered)
        self.quit_action = QAction(self)
        # Its shortcut is set in attach_database(), after the first paint: resolving a standard
        # key sequence makes the binding build ~100 Qt enums (70 ms), a third of a bare start-up.
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        # Edit → Undo deletion: the last organization or site deleted (pages that delete records
        # offer undo_deletion_text() / undo_deletion()). No Ctrl+Z: the runner has its own.
        self.edit_menu = self.menuBar().addMenu("")
        self.undo_deletion_action = QAction(self)
        self.undo_deletion_action.triggered.connect(self.on_undo_deletion_triggered)
        self.edit_menu.addAction(self.undo_deletion_action)
        self.edit_menu.aboutToShow.connect(self.update_undo_deletion)
        self.help_menu = self.menuBar().addMenu("")
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.on_about_triggered)
        self.help_menu.addAction(self.about_action)

    def _deleting_pages(self) -> list[QWidget]:
        return [w for w in self._pages.values() if hasattr(w, "undo_deletion_text")]

    def update_undo_deletion(self) -> None:
        """Name what Edit → Undo deletion would restore, or disable it."""
        text = next((t for w in self._deleting_pages() if (t := w.undo_deletion_text())), "")
        self.undo_deletion_action.setEnabled(bool(text))
        self.undo_deletion_action.setText(text or self.tr("Undo deletion"))

    def on_undo_deletion_triggered(self) -> None:
        for widget in self._deleting_pages():
            if widget.undo_deletion_text():
                widget.undo_deletion()
                break
        self.update_undo_deletion()

    def on_settings_triggered(self) -> None:
        from qclinic.ui.settings_dialog import SettingsDialog

        if self.services is None:  # the database is still being opened
            return
        dialog = SettingsDialog(self.services, self.signals, self.lang, self)
        if self.sync is not None:
            dialog.server_tab.account_changed.connect(self.sync.on_account_changed)
        dialog.exec()

    def on_about_triggered(self) -> None:
        QMessageBox.about(self, self.tr("About QClinic"), self.about_text())

    def about_text(self) -> str:
        """The About box: the version, then the bundled fonts and libraries with their licences."""
        from html import escape

        from PySide6 import QtCore

        from qclinic import about, version

        def table(rows: list[tuple[str, str, str]]) -> str:
            cells = "".join(
                f"<tr><td>{escape(name)}</td><td>{escape(ver)}</td><td>{escape(licence)}</td></tr>"
                for name, ver, licence in rows
            )
            titles = (self.tr("Name"), self.tr("Version"), self.tr("Licence"))
            head = "<tr>" + "".join(f"<th align='left'>{title}</th>" for title in titles) + "</tr>"
            return f"<table cellspacing='0' cellpadding='2'>{head}{cells}</table>"

        libraries = [
            (component.name, ver, component.licence)
            for component, ver in about.installed_libraries()
        ]
        # The Qt library the binding runs on (its own version, not the binding's).
        libraries.insert(2, ("Qt", QtCore.qVersion(), "LGPL-3.0-only"))
        fonts = [(font.name, "", font.licence) for font in about.FONTS]
        fonts_title = self.tr("Bundled fonts")
        libraries_title = self.tr("Libraries")
        linking = self.tr(
            "Qt and Python are linked dynamically: each is a separate file of the "
            "installation and can be replaced."
        )
        return (
            self.tr(
                "<h3>QClinic %1</h3><p>Quality clinic: assessments, findings, clinic cases "
                "and improvement plans for the factories of an industrial chain, offline.</p>"
            ).replace("%1", version())
            + f"<p><b>{fonts_title}</b></p>"
            + table(fonts)
            + f"<p><b>{libraries_title}</b></p>"
            + table(libraries)
            + f"<p>{linking}</p>"
        )

    def on_language_changed(self, lang: str) -> None:
        """Re-set every text in *lang*; pages that show checklist texts get the new language."""
        self.lang = lang
        self.retranslate()
        for widget in self._pages.values():
            set_language = getattr(widget, "set_language", None)
            if set_language is not None:
                set_language(lang)

    # --- language, status -----------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("QClinic · Quality clinic"))
        for row, spec in enumerate(PAGES):
            self.navigation.item(row).setText(spec.title())
        self._fit_navigation()
        self.loading.setText(self.tr("Opening the database…"))
        self.file_menu.setTitle(self.tr("&File"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.update_undo_deletion()
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About QClinic"))
        if self.database is not None:
            self.file_label.setText(self.tr("Data file: %1").replace("%1", str(self.database.path)))
        for widget in self._pages.values():
            retranslate = getattr(widget, "retranslate", None)
            if retranslate is not None:
                retranslate()

    def _fit_navigation(self) -> None:
        """Keep every page name readable: the navigation never shrinks below its longest one."""
        metrics = self.navigation.fontMetrics()
        longest = max(metrics.horizontalAdvance(spec.title()) for spec in PAGES)
        frame = 2 * self.navigation.frameWidth() + metrics.averageCharWidth() * 3
        width = min(max(NAVIGATION_MIN_WIDTH, longest + frame), NAVIGATION_MAX_WIDTH)
        self.navigation.setMinimumWidth(width)

    def on_saved(self) -> None:
        self.saved_label.setText(
            self.tr("Saved %1").replace("%1", datetime.now().strftime("%H:%M:%S"))
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.first_paint_done.emit()
        return super().eventFilter(watched, event)
