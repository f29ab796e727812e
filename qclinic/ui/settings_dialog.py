"""The settings dialog: interface language, your name, report language, issuing body and logo.

OK writes the settings at once through :class:`~qclinic.services.settings.SettingsService`
(atomically; it announces the change). A new interface language applies without a restart:
:func:`apply_interface_language` swaps the translators and emits ``signals.language_changed`` so
the main window and its pages re-set their texts.

The *Server* tab (:mod:`qclinic.ui.server_settings`) signs this device in to a sync server.

The chosen logo is copied into the data directory (``SettingsService.adopt_logo``), so the report
keeps it when the original file is moved or was on a USB stick.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, QStandardPaths, Qt
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qclinic.core.catalogue import text
from qclinic.errors import UserError
from qclinic.ui import i18n
from qclinic.ui.errors import show_error
from qclinic.ui.forms.ui_settings_dialog import Ui_SettingsDialog
from qclinic.ui.signals import AppSignals

if TYPE_CHECKING:
    from qclinic.services import Services

#: Language names are shown in their own language, so anyone can find theirs.
INTERFACE_LANGUAGES = (("zh", "简体中文"), ("en", "English"))
REPORT_LANGUAGES = (("zh", "简体中文"), ("en", "English"))


def effective_language(setting: str) -> str:
    """The language the interface uses for *setting* ("" follows the system)."""
    return setting if setting in ("zh", "en") else i18n.system_language()


def apply_interface_language(lang: str, signals: AppSignals) -> None:
    """Switch the running app to *lang* ("zh" / "en") and tell every view."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.install_translators(app, lang)
    signals.language_changed.emit(lang)


class SettingsDialog(QDialog):
    """Edit the user settings; OK saves them and applies a changed interface language.

    *lang* is the language the interface shows now (it may differ from the setting when the app
    was started with ``--lang``).
    """

    def __init__(
        self, services: Services, signals: AppSignals, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._lang = lang
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        self._settings = services.settings
        self._signals = signals
        self.settings = self._settings.current()
        self.logo_path = self.settings.logo_path
        self._make_tabs(services)
        self._fill_languages()
        self.ui.issuingBody.setText(self.settings.issuing_body)
        self.ui.consultantName.setText(self.settings.consultant_name)
        self.show_logo()
        self._align_labels()
        self.ui.chooseLogo.clicked.connect(self.on_choose_logo_clicked)
        self.ui.clearLogo.clicked.connect(self.on_clear_logo_clicked)
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)

    def _make_tabs(self, services: Services) -> None:
        """Put the form's groups on a *General* tab and add the *Server* tab beside it."""
        from qclinic.sync.account import Account
        from qclinic.ui.server_settings import ServerSettingsTab

        layout = self.ui.mainLayout
        general = QWidget()
        general.setObjectName("generalTab")
        inner = QVBoxLayout(general)
        inner.setSpacing(layout.spacing())
        for group in (self.ui.interfaceGroup, self.ui.reportGroup):
            layout.removeWidget(group)
            inner.addWidget(group)
        inner.addStretch(1)
        layout.removeItem(self.ui.bottomSpacer)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.server_tab = ServerSettingsTab(Account(services), self._lang)
        self.tabs.addTab(general, "")
        self.tabs.addTab(self.server_tab, "")
        layout.insertWidget(0, self.tabs, 1)
        self._title_tabs()

    def _title_tabs(self) -> None:
        self.tabs.setTabText(0, self.tr("General"))
        self.tabs.setTabText(1, self.tr("Server"))

    def show_server_tab(self) -> None:
        self.tabs.setCurrentWidget(self.server_tab)

    def _fill_languages(self) -> None:
        self.ui.language.clear()
        self.ui.language.addItem(self._follow_system_text(), "")
        for code, name in INTERFACE_LANGUAGES:
            self.ui.language.addItem(name, code)
        self.ui.language.setCurrentIndex(max(0, self.ui.language.findData(self.settings.language)))
        self.ui.reportLanguage.clear()
        for code, name in REPORT_LANGUAGES:
            self.ui.reportLanguage.addItem(name, code)
        report = self.settings.report_language
        self.ui.reportLanguage.setCurrentIndex(max(0, self.ui.reportLanguage.findData(report)))

    def _follow_system_text(self) -> str:
        system = dict(INTERFACE_LANGUAGES)[i18n.system_language()]
        return self.tr("Follow the system (%1)").replace("%1", system)

    def _align_labels(self) -> None:
        """One label column width for both groups, so their fields line up."""
        labels = (
            self.ui.languageLabel,
            self.ui.consultantNameLabel,
            self.ui.reportLanguageLabel,
            self.ui.issuingBodyLabel,
            self.ui.logoLabel,
        )
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(width)

    # --- logo -----------------------------------------------------------------------------
    def set_logo(self, path: str) -> bool:
        """Use the image at *path* as the logo ("" clears it); False if it is not an image."""
        if path and QImageReader(path).size().isEmpty():
            return False
        self.logo_path = path
        self.show_logo()
        return True

    def show_logo(self) -> None:
        preview = self.ui.logoPreview
        pixmap = QPixmap(self.logo_path) if self.logo_path else QPixmap()
        if pixmap.isNull():
            preview.setPixmap(QPixmap())
            preview.setText(self.tr("No logo") if not self.logo_path else self.tr("Not found"))
        else:
            size = preview.maximumSize() - QSize(12, 12)
            preview.setPixmap(
                pixmap.scaled(
                    size,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.ui.logoFile.setText(Path(self.logo_path).name if self.logo_path else "")
        self.ui.logoFile.setToolTip(self.logo_path)
        self.ui.clearLogo.setEnabled(bool(self.logo_path))

    def on_choose_logo_clicked(self) -> None:
        start = (
            str(Path(self.logo_path).parent)
            if self.logo_path
            else QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        )
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the logo"),
            start,
            self.tr("Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff)"),
        )
        if path and not self.set_logo(path):
            show_error(UserError(text("settings.logo_not_image", path=path)), self)

    def on_clear_logo_clicked(self) -> None:
        self.set_logo("")

    # --- saving ---------------------------------------------------------------------------
    def accept(self) -> None:
        """Save the settings (atomically) and apply a changed interface language."""
        try:
            logo = str(self._settings.adopt_logo(Path(self.logo_path))) if self.logo_path else ""
            # only these fields: what other views stored meanwhile (last page, …) is kept
            self.settings = self._settings.update(
                language=self.ui.language.currentData(),
                report_language=self.ui.reportLanguage.currentData(),
                issuing_body=self.ui.issuingBody.text().strip(),
                consultant_name=self.ui.consultantName.text().strip(),
                logo_path=logo,
                source=self,
            )
        except UserError as exc:
            show_error(exc, self)
            return
        latest = self.settings
        super().accept()
        after = effective_language(latest.language)
        if after != self._lang:
            self._lang = after
            apply_interface_language(after, self._signals)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._title_tabs()
            self.ui.language.setItemText(0, self._follow_system_text())
            self.show_logo()
            self._align_labels()
        super().changeEvent(event)
