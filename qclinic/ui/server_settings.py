"""*Settings → Server*: the sync server's address, sign in and out, and *Test connection*.

Signing in keeps the token where the command line keeps it (the system keyring, or a 0600 file
in the data folder): both go through :class:`~qclinic.sync.account.Account`. Every network call
runs on a background task; the answer shows under the buttons, in the interface language.
Sign-in and sign-out take effect at once (not on OK).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qclinic.core.catalogue import text
from qclinic.errors import UserError
from qclinic.sync.account import Account, ConnectionCheck, SyncStatus, role_text
from qclinic.sync.client import Unreachable
from qclinic.ui import tasks


class ServerSettingsTab(QWidget):
    #: the account changed (signed in or out): the status bar refreshes, a sync may start
    account_changed = Signal()

    def __init__(self, account: Account, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serverTab")
        self.account = account
        self.lang = lang
        self.busy = False
        self.last_check: ConnectionCheck | None = None
        self.status: SyncStatus = account.status()
        self.server = QLineEdit(self.status.server or "")
        self.server.setObjectName("serverAddress")
        self.server.setPlaceholderText("https://qclinic.example.org")
        self.user = QLineEdit(self.status.user or "")
        self.user.setObjectName("serverUser")
        self.password = QLineEdit()
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.sign_in_button = QPushButton()
        self.sign_in_button.setObjectName("signIn")
        self.sign_out_button = QPushButton()
        self.sign_out_button.setObjectName("signOut")
        self.test_button = QPushButton()
        self.test_button.setObjectName("testConnection")
        self.state_label = QLabel()
        self.state_label.setObjectName("serverState")
        self.state_label.setWordWrap(True)
        self.answer = QLabel()
        self.answer.setObjectName("serverAnswer")
        self.answer.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.form = QFormLayout()
        self.server_label, self.user_label, self.password_label = QLabel(), QLabel(), QLabel()
        self.form.addRow(self.server_label, self.server)
        self.form.addRow(self.user_label, self.user)
        self.form.addRow(self.password_label, self.password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_in_button)
        buttons.addWidget(self.sign_out_button)
        buttons.addStretch(1)
        buttons.addWidget(self.test_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_label)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        layout.addWidget(self.answer)
        layout.addStretch(1)
        layout.addWidget(self.hint)
        self.sign_in_button.clicked.connect(self.on_sign_in_clicked)
        self.sign_out_button.clicked.connect(self.on_sign_out_clicked)
        self.test_button.clicked.connect(self.on_test_clicked)
        self.password.returnPressed.connect(self.on_sign_in_clicked)
        self.retranslate()

    # --- actions ----------------------------------------------------------------------------
    def _start(self) -> None:
        self.busy = True
        self.answer.setText(self.tr("Asking the server…"))
        self._enable()

    def _finish(self) -> None:
        self.busy = False
        self.status = self.account.status()
        self.retranslate()

    def on_sign_in_clicked(self) -> None:
        if self.busy:
            return
        server, user, password = self.server.text(), self.user.text().strip(), self.password.text()
        self._start()
        tasks.run_task(
            lambda _progress: self.account.sign_in(server, user, password),
            on_done=self.on_signed_in,
            on_error=self.on_failed,
            owner=self,
        )

    def on_signed_in(self, role: str) -> None:
        self.password.clear()
        self._finish()
        name = self.status.user or ""
        self.answer.setText(
            self.tr("Signed in as %1 (%2).")
            .replace("%1", name)
            .replace("%2", role_text(role).get(self.lang))
        )
        self.account_changed.emit()

    def on_sign_out_clicked(self) -> None:
        self.account.sign_out(source=self)  # local only: the token is forgotten here
        self._finish()
        self.answer.setText(self.tr("Signed out. Your data stays on this computer."))
        self.account_changed.emit()

    def on_test_clicked(self) -> None:
        if self.busy:
            return
        server, user, password = self.server.text(), self.user.text().strip(), self.password.text()
        self._start()
        tasks.run_task(
            lambda _progress: self.account.check(server, user, password),
            on_done=self.on_checked,
            on_error=self.on_failed,
            owner=self,
        )

    def on_checked(self, check: ConnectionCheck) -> None:
        self.last_check = check
        self._finish()
        self.answer.setText(check.message.get(self.lang))
        if check.outcome == "expired":
            self.account_changed.emit()

    def on_failed(self, error: BaseException) -> None:
        self._finish()
        if isinstance(error, Unreachable):
            said = text("sync_ui.check_unreachable", server=self.server.text().strip())
            self.answer.setText(said.get(self.lang))
        elif isinstance(error, UserError):
            self.answer.setText(error.message(self.lang))
        else:
            raise error

    # --- texts ------------------------------------------------------------------------------
    def _enable(self) -> None:
        signed_in = self.status.signed_in
        self.sign_in_button.setEnabled(not self.busy)
        self.sign_out_button.setEnabled(not self.busy and (signed_in or self.status.expired))
        self.test_button.setEnabled(not self.busy)

    def retranslate(self) -> None:
        self.server_label.setText(self.tr("Server address:"))
        self.user_label.setText(self.tr("User name:"))
        self.password_label.setText(self.tr("Password:"))
        self.sign_in_button.setText(self.tr("Sign in"))
        self.sign_out_button.setText(self.tr("Sign out"))
        self.test_button.setText(self.tr("Test connection"))
        self.hint.setText(
            self.tr(
                "The app syncs on its own while you are signed in: every few minutes when the "
                "server answers, after a sign-off, and before quitting if you agree. Without a "
                "server, everything keeps working on this computer."
            )
        )
        status = self.status
        if status.signed_in:
            state = (
                self.tr("Signed in to %1 as %2 (%3).")
                .replace("%1", status.server or "")
                .replace("%2", status.user or "")
                .replace("%3", role_text(status.role).get(self.lang))
            )
        elif status.expired:
            state = self.tr("The sign-in has expired: enter your password and sign in again.")
        else:
            state = self.tr("Not signed in: the data stays on this computer.")
        self.state_label.setText(state)
        self._enable()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
