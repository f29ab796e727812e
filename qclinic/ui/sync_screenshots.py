"""The sync screens for :mod:`qclinic.screenshots`: Settings → Server, the status bar's states,
the sync log — shown with made-up states (no server is needed to take them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QWidget

from qclinic.core.catalogue import text
from qclinic.sync.account import SyncStatus, role_text
from qclinic.ui.main_window import MainWindow

SERVER = "https://qclinic.example.org"


def take(window: MainWindow, lang: str, shot: Callable[[QWidget, str], None]) -> None:
    """Grab the server tab, five status bar states and the sync log of *window*."""
    from qclinic.ui.settings_dialog import SettingsDialog

    sync = window.sync
    assert sync is not None and window.services is not None
    now = datetime.now(UTC)
    synced = SyncStatus(SERVER, "wang.li", "consultant", True, False, now, 0, 0, 0)
    states = {
        "synced": (synced, False),
        "waiting": (replace(synced, pending_changes=12, pending_blobs=3), False),
        "offline": (replace(synced, pending_changes=12), True),
        "expired": (replace(synced, expired=True, pending_changes=4), False),
        "conflicts": (replace(synced, conflicts=2), False),
    }
    for name, (status, offline) in states.items():
        sync.widget.show_status(status, offline=offline)
        shot(window.statusBar(), f"sync-status-{name}")
    sync.widget.show_progress(True, text("sync.pushing", done=3000, total=10000).get(lang))
    shot(window.statusBar(), "sync-status-syncing")
    sync.widget.show_progress(False)

    log = sync.account.log
    if not log.entries():
        start = now - timedelta(hours=3)
        log.append("sign_in", text("sync.logged_in", user="wang.li", server=SERVER), at=start)
        counts = {"changes": 12, "conflicts": 0, "rejected": 0, "waiting": 0, "blobs": 3}
        log.append("sent", text("sync_ui.log_sent", **counts), counts, at=start)
        received = {"rows": 240, "blobs": 5, "missing": 0}
        log.append("received", text("sync_ui.log_received", **received), received, at=start)
        said = text("sync_ui.log_unreachable", server=SERVER, count=4)
        log.append("error", said, at=start + timedelta(hours=1))
    dialog = sync.show_log()
    dialog.set_language(lang)
    dialog.resize(960, 380)
    shot(dialog, "sync-log")
    dialog.close()

    settings = SettingsDialog(window.services, window.signals, lang, window)
    tab = settings.server_tab
    tab.server.setText(SERVER)
    tab.user.setText("wang.li")
    tab.password.setText("********")
    tab.status = synced
    tab.retranslate()
    role = role_text("consultant")
    checked = text("sync_ui.check_signed_in", protocol=1, user="wang.li", role=role)
    tab.answer.setText(checked.get(lang))
    settings.show_server_tab()
    settings.show()
    shot(settings, "settings-server")
    settings.close()
