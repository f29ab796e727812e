"""Sync in the app: *Sync now*, syncing on its own, the sync log, bundles (File menu).

:class:`SyncController` owns the File menu's sync actions and the status bar's
:class:`~qclinic.ui.sync_status.SyncStatusWidget`. A sync runs push-then-pull on a background task
(:mod:`qclinic.ui.tasks`) through :class:`~qclinic.sync.account.Account`; each push batch and
pull page is its own short transaction, so typing goes on meanwhile, and Cancel stops between
two of them (the next sync resumes there).

While signed in it syncs on its own: shortly after start and every :attr:`interval_ms` while the
server answers, a little after a sign-off, and before quitting when the user agrees. A failure
retries with exponential back-off (:attr:`backoff_first_ms` doubling up to :attr:`backoff_cap_ms`)
without waiting for a new edit. An expired sign-in stops the retries until the user signs in.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QProgressDialog

from qclinic.errors import UserError
from qclinic.services.events import ChangeEvent, Origin
from qclinic.sync.account import Account, SyncStatus
from qclinic.sync.client import SignInExpired, Unreachable
from qclinic.sync.engine import SyncCancelled, SyncSummary
from qclinic.ui import tasks
from qclinic.ui.sync_status import SyncStatusWidget

if TYPE_CHECKING:
    from qclinic.services import Services
    from qclinic.sync.bundle_files import ImportSummary
    from qclinic.ui.signals import AppSignals
    from qclinic.ui.sync_log_dialog import SyncLogDialog

#: changes after which the app syncs soon (a sign-off: the signed report should reach the office)
SIGN_OFF_TABLES = frozenset({"signature", "assessment_seal"})


class SyncController(QObject):
    #: a sync ended: "done", "cancelled", "offline", "expired" or "failed"
    sync_finished = Signal(str)
    #: the status bar shows a new status
    status_shown = Signal()

    def __init__(
        self, window: QMainWindow, services: Services, signals: AppSignals, lang: str
    ) -> None:
        super().__init__(window)
        self.window = window
        self.lang = lang
        self.account = Account(services)
        self.status: SyncStatus | None = None
        self.offline = False
        self.failures = 0
        self.task: tasks.Task | None = None
        self.quit_after_sync = False
        self.may_quit = False
        self.log_dialog: SyncLogDialog | None = None
        self.summary_box: QMessageBox | None = None
        self.bundle_progress: QProgressDialog | None = None
        self.interval_ms = 5 * 60 * 1000
        self.start_delay_ms = 5_000
        self.after_sign_off_ms = 3_000
        self.backoff_first_ms = 30_000
        self.backoff_cap_ms = 10 * 60 * 1000
        self.widget = SyncStatusWidget()
        self.widget.clicked.connect(self.show_log)
        self.widget.cancel_requested.connect(self.cancel)
        self._stopped = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.on_timer)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(300)
        self._refresh_timer.timeout.connect(self.refresh_status)
        self.sync_now_action = QAction(window)
        self.sync_now_action.setShortcuts([QKeySequence("F9"), QKeySequence("Ctrl+Shift+S")])
        self.sync_now_action.triggered.connect(lambda: self.sync_now())
        self.sync_log_action = QAction(window)
        self.sync_log_action.triggered.connect(self.show_log)
        self.export_action = QAction(window)
        self.export_action.triggered.connect(lambda: self.export_bundle())
        self.import_action = QAction(window)
        self.import_action.triggered.connect(lambda: self.import_bundle())
        signals.changed.connect(self.on_changed)
        signals.language_changed.connect(self.set_language)
        self.retranslate()

    @property
    def running(self) -> bool:
        return self.task is not None and not self.task.finished

    def stop(self) -> None:
        """The window closed: no status read, no sync started after this (its database may be
        gone: a window closed without quitting, as the tests' and the screenshots' are)."""
        self._stopped = True
        self.timer.stop()
        self._refresh_timer.stop()

    # --- status -----------------------------------------------------------------------------
    def start(self) -> None:
        """Show the status now, and sync soon when signed in."""
        if not self._stopped:
            self.refresh_status(then_schedule=self.start_delay_ms)

    def refresh_status(self, then_schedule: int | None = None) -> None:
        """Read the status on a worker (the pending count reads the change log) and show it."""
        if self._stopped:
            return

        def shown(status: SyncStatus) -> None:
            self.status = status
            self.widget.show_status(status, offline=self.offline)
            if then_schedule is not None and self.can_sync_alone():
                self.schedule(then_schedule)
            self.status_shown.emit()

        tasks.run_task(lambda _progress: self.account.status(), on_done=shown, owner=self)

    def can_sync_alone(self) -> bool:
        status = self.status
        return status is not None and status.signed_in and not status.expired

    def on_changed(self, event: ChangeEvent) -> None:
        if event.entity == "local_state":
            return
        if not self.running:
            self._refresh_timer.start()
        local = event.origin is Origin.LOCAL
        if local and event.entity in SIGN_OFF_TABLES and self.can_sync_alone():
            self.schedule(self.after_sign_off_ms)

    def on_account_changed(self) -> None:
        """Signed in or out (Settings → Server): show it, and sync soon when signed in."""
        self.failures = 0
        self.offline = False
        self.refresh_status(then_schedule=self.start_delay_ms)

    # --- syncing ----------------------------------------------------------------------------
    def schedule(self, delay_ms: int) -> None:
        if not self.running and not self._stopped:
            self.timer.start(max(0, delay_ms))

    def on_timer(self) -> None:
        if self.can_sync_alone():
            self.sync_now(automatic=True)

    def sync_now(self, *, automatic: bool = False) -> tasks.Task | None:
        """Push, then pull, on a background task; None if one runs already or not signed in."""
        if self.running:
            return None
        status = self.status
        if status is not None and not status.signed_in and not automatic:
            QMessageBox.information(
                self.window,
                self.tr("Sync"),
                self.tr("Sign in to a sync server first: File → Settings → Server."),
            )
            return None
        self.timer.stop()
        account, lang = self.account, self.lang

        def work(progress: tasks.Progress) -> SyncSummary | None:
            try:
                return account.sync(
                    lambda line: progress.report(-1.0, line),
                    lang,
                    cancelled=lambda: progress.cancelled,
                )
            except SyncCancelled:
                return None

        self.widget.show_progress(True, self.tr("Syncing…"))
        self.task = tasks.run_task(
            work,
            on_done=self.on_synced,
            on_error=self.on_sync_failed,
            on_progress=self.on_progress,
            owner=self,
        )
        return self.task

    def cancel(self) -> None:
        if self.task is not None and not self.task.finished:
            self.task.progress.cancel()
            self.widget.show_progress(True, self.tr("Cancelling…"))

    def on_progress(self, _fraction: float, line: str) -> None:
        self.widget.show_progress(True, line)

    def on_synced(self, summary: SyncSummary | None) -> None:
        self.task = None
        self.offline = False
        self.failures = 0
        self.widget.show_progress(False)
        self.schedule(self.interval_ms)
        self.refresh_status()
        self._after_sync(ok=True)
        self.sync_finished.emit("done" if summary is not None else "cancelled")

    def on_sync_failed(self, error: BaseException) -> None:
        self.task = None
        self.widget.show_progress(False)
        if isinstance(error, SignInExpired):
            outcome = "expired"  # no retry: only a new sign-in helps
            self.refresh_status()
        else:
            outcome = "offline" if isinstance(error, Unreachable) else "failed"
            self.offline = isinstance(error, Unreachable)
            self.failures += 1
            self.schedule(self.backoff_ms())  # retried without waiting for a new edit
            self.refresh_status()
            if not isinstance(error, UserError | Unreachable):
                tasks._default_error(error)
        self._after_sync(ok=False)
        self.sync_finished.emit(outcome)

    def backoff_ms(self) -> int:
        """The wait before the next try after :attr:`failures` failures in a row."""
        return int(min(self.backoff_cap_ms, self.backoff_first_ms * 2 ** max(0, self.failures - 1)))

    # --- quitting ---------------------------------------------------------------------------
    def confirm_quit(self, ask: Callable[[], str] | None = None) -> bool:
        """Whether the window may close now. With changes waiting while signed in, ask: sync
        and quit (the window closes when the sync ends), quit, or cancel."""
        if self.may_quit:
            return True
        status = self.status
        if status is None or not status.signed_in or not status.pending_changes:
            return True
        answer = (ask or self.ask_quit)()
        if answer == "quit":
            return True
        if answer == "sync":
            self.quit_after_sync = True
            if self.running:
                return False
            return self.sync_now(automatic=True) is None
        return False

    def ask_quit(self) -> str:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Quit QClinic"))
        pending = self.status.pending_changes if self.status else 0
        box.setText(self.tr("Changes not synced yet: %1.").replace("%1", str(pending)))
        box.setInformativeText(
            self.tr("They are safe on this computer. Sync them before quitting?")
        )
        sync = box.addButton(self.tr("Sync and quit"), QMessageBox.ButtonRole.AcceptRole)
        leave = box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(sync)
        box.exec()
        clicked = box.clickedButton()
        return "sync" if clicked is sync else "quit" if clicked is leave else "cancel"

    def _after_sync(self, *, ok: bool) -> None:
        if not self.quit_after_sync:
            return
        self.quit_after_sync = False
        if not ok:
            again = QMessageBox.question(
                self.window,
                self.tr("Quit QClinic"),
                self.tr("The sync did not finish; your changes are safe here. Quit anyway?"),
            )
            if again != QMessageBox.StandardButton.Yes:
                return
        self.may_quit = True
        self.window.close()

    # --- the sync log -----------------------------------------------------------------------
    def show_log(self) -> SyncLogDialog:
        from qclinic.ui.sync_log_dialog import SyncLogDialog

        if self.log_dialog is None:
            self.log_dialog = SyncLogDialog(self.account.log, self.lang, self.window)
        self.log_dialog.reload()
        self.log_dialog.show()
        self.log_dialog.raise_()
        return self.log_dialog

    # --- bundles ----------------------------------------------------------------------------
    def export_bundle(self, path: Path | None = None) -> tasks.Task | None:
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self.window,
                self.tr("Export bundle"),
                "qclinic.qcbundle",
                self.tr("QClinic bundles (*.qcbundle)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        from qclinic.sync.bundle_files import export_bundle

        account = self.account
        return self._bundle_task(
            self.tr("Exporting the bundle…"),
            lambda _progress: export_bundle(account, path),
            lambda count: (
                self.tr("Changes exported: %1.\nFile: %2")
                .replace("%1", str(count))
                .replace("%2", str(path))
            ),
        )

    def import_bundle(self, path: Path | None = None) -> tasks.Task | None:
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self.window,
                self.tr("Import bundle"),
                "",
                self.tr("QClinic bundles (*.qcbundle)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        from qclinic.sync.bundle_files import import_bundle

        account = self.account
        return self._bundle_task(
            self.tr("Importing the bundle…"),
            lambda _progress: import_bundle(account, path),
            self.import_summary_text,
        )

    def import_summary_text(self, summary: ImportSummary) -> str:
        from qclinic.sync.bundle_files import entity_text, reason_text

        lines = [
            self.tr("Applied: %1. Already here: %2. Not applied: %3.")
            .replace("%1", str(summary.applied))
            .replace("%2", str(summary.unchanged))
            .replace("%3", str(len(summary.refused)))
        ]
        if summary.kinds:
            lines.append(summary.kinds_text().get(self.lang))
        if summary.blobs:
            lines.append(self.tr("Attachments copied in: %1.").replace("%1", str(summary.blobs)))
        for refused in summary.refused[:20]:
            entity = entity_text(refused["entity"]).get(self.lang)
            reason = reason_text(refused["reason"]).get(self.lang)
            lines.append(f"• {entity} {refused['row_id'][:8]}…: {reason}")
        if len(summary.refused) > 20:
            lines.append("…")
        return "\n".join(lines)

    def _bundle_task(
        self, label: str, work: Callable[[tasks.Progress], Any], said: Callable[[Any], str]
    ) -> tasks.Task:
        progress = QProgressDialog(label, "", 0, 0, self.window)
        progress.setCancelButton(None)  # one transaction: nothing to stop half way
        progress.setMinimumDuration(300)
        progress.setWindowTitle(self.tr("Bundle"))
        self.bundle_progress = progress

        def done(result: Any) -> None:
            progress.close()
            self._show_summary(said(result), QMessageBox.Icon.Information)
            self.refresh_status()

        def failed(error: BaseException) -> None:
            progress.close()
            if not isinstance(error, UserError):
                raise error
            self._show_summary(error.message(self.lang), QMessageBox.Icon.Warning)

        return tasks.run_task(work, on_done=done, on_error=failed, owner=self)

    def _show_summary(self, message: str, icon: QMessageBox.Icon) -> None:
        ok = QMessageBox.StandardButton.Ok
        box = QMessageBox(icon, self.tr("Bundle"), message, ok, self.window)
        self.summary_box = box
        box.open()  # not exec(): the window stays responsive, tests read the text

    # --- language ---------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.retranslate()
        if self.log_dialog is not None:
            self.log_dialog.set_language(lang)

    def retranslate(self) -> None:
        self.sync_now_action.setText(self.tr("Sync &now"))
        self.sync_log_action.setText(self.tr("Sync &log…"))
        self.export_action.setText(self.tr("&Export bundle…"))
        self.import_action.setText(self.tr("&Import bundle…"))
        self.widget.retranslate()
