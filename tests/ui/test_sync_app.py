"""Sync in the app, with real parts: a real ``qclinic-server serve`` process on 127.0.0.1 (one
for the module, from tests/sync/conftest.py), the main window over a real database file, tasks on
real threads. Sign in from Settings → Server, Sync now through the File menu, the status bar's
states, a signed-out user working offline, incoming rows refreshing the open list, bundles
through the File menu's actions. The last test stops the server (offline)."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from qclinic.services import Services
from qclinic.storage.database import Database
from qclinic.storage.models.base import DEVICE_ID_KEY
from qclinic.storage.startup import open_database
from qclinic.sync.account import Account
from tests.sync.conftest import PASSWORD, Server, running_server

WAIT_MS = 30_000


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The module's real server process (tests/sync/conftest.py starts it)."""
    with running_server(tmp_path_factory.mktemp("server")) as started:
        yield started


def fresh_copy(folder: Path, template: Path) -> Database:
    """A data folder from the template, with a device id of its own (a copy carries the
    template's, and change ids are the device id and a position: two copies would collide)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, folder / "qclinic.sqlite")
    with sqlite3.connect(folder / "qclinic.sqlite") as connection:
        connection.execute("DELETE FROM local_state WHERE key = ?", (DEVICE_ID_KEY,))
    connection.close()
    return open_database(folder / "qclinic.sqlite", attachments_dir=folder / "attachments")


@contextmanager
def laptop(folder: Path, template: Path) -> Iterator[Services]:
    """Another data folder (a second laptop), outside the window."""
    database = fresh_copy(folder, template)
    try:
        yield Services(database)
    finally:
        database.dispose()


@pytest.fixture
def own_database(library_template: Path, tmp_path: Path) -> Iterator[Database]:
    database = fresh_copy(tmp_path / "laptop", library_template)
    yield database
    database.dispose()


@pytest.fixture
def window(qtbot, own_database, signals):
    from qclinic.ui.main_window import MainWindow

    window = MainWindow(signals, lang="en", start_page="organizations")
    qtbot.addWidget(window)
    window.attach_database(own_database)
    sync = window.sync
    assert sync is not None
    sync.start_delay_ms = sync.interval_ms = 3_600_000  # only what the test asks for
    sync.may_quit = True  # closing at the end of a test asks nothing
    qtbot.waitUntil(lambda: sync.status is not None, timeout=WAIT_MS)
    yield window
    window.close()


def refreshed(qtbot, window) -> str:
    """The status bar's text once the status has been read again."""
    with qtbot.waitSignal(window.sync.status_shown, timeout=WAIT_MS):
        window.sync.refresh_status()
    return window.sync.widget.text()


def sync_through_the_menu(qtbot, window) -> str:
    action = window.sync.sync_now_action
    assert action in window.file_menu.actions()
    assert {s.toString() for s in action.shortcuts()} == {"F9", "Ctrl+Shift+S"}
    with qtbot.waitSignal(window.sync.sync_finished, timeout=WAIT_MS) as finished:
        action.trigger()
    qtbot.waitUntil(lambda: not window.sync.widget.syncing, timeout=WAIT_MS)
    return str(finished.args[0])


def sign_in_in_settings(qtbot, window, user: str, password: str, server: Server) -> str:
    from qclinic.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.services, window.signals, "en", window)
    qtbot.addWidget(dialog)
    dialog.server_tab.account_changed.connect(window.sync.on_account_changed)
    dialog.show_server_tab()
    tab = dialog.server_tab
    assert dialog.tabs.tabText(1) == "Server"
    tab.server.setText(server.url)
    tab.user.setText(user)
    qtbot.keyClicks(tab.password, password)
    with qtbot.waitSignal(tab.account_changed, timeout=WAIT_MS, raising=False):
        tab.sign_in_button.click()
        qtbot.waitUntil(lambda: not tab.busy, timeout=WAIT_MS)
    answer = tab.answer.text()
    dialog.close()
    qtbot.waitUntil(window.sync.can_sync_alone, timeout=WAIT_MS)  # the status bar knows it
    return answer


def test_sign_in_from_settings_then_sync_now_and_the_status_bar(
    qtbot, window, server: Server
) -> None:
    server.add_user("hana", "consultant")
    from qclinic.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.services, window.signals, "en", window)
    qtbot.addWidget(dialog)
    tab = dialog.server_tab
    tab.server.setText(server.url)
    tab.user.setText("hana")
    qtbot.keyClicks(tab.password, "wrong")
    tab.test_button.click()
    qtbot.waitUntil(lambda: not tab.busy, timeout=WAIT_MS)
    assert "user name or password is wrong" in tab.answer.text()
    tab.password.clear()
    dialog.close()

    assert window.sync.widget.text() == "Not signed in to a sync server"
    assert "Signed in as hana (consultant)" in sign_in_in_settings(
        qtbot, window, "hana", PASSWORD, server
    )
    assert window.sync.timer.isActive()  # it syncs on its own now
    window.services.organizations.create("Status Co")
    assert refreshed(qtbot, window) == "1 change waiting"

    assert sync_through_the_menu(qtbot, window) == "done"
    shown = refreshed(qtbot, window)
    assert shown.startswith("Synced at ")
    assert window.sync.status.last_sync is not None
    assert shown == "Synced at " + window.sync.status.last_sync.astimezone().strftime("%H:%M")
    assert window.sync.timer.interval() == window.sync.interval_ms

    log = window.sync.show_log()
    qtbot.addWidget(log)
    directions = [log.model.index(r, 1).data() for r in range(log.model.rowCount())]
    assert directions[:3] == ["Received", "Sent", "Signed in"]
    assert "sent 1 changes" in log.model.index(1, 3).data()
    log.set_language("zh")
    assert "上传 1 项更改" in log.model.index(1, 3).data()


def test_a_signed_out_user_keeps_working_offline_and_nothing_is_lost(
    qtbot, window, server: Server, library_template: Path, tmp_path: Path
) -> None:
    server.add_user("ivan", "consultant")
    services = window.services
    made = services.organizations.create("Offline Works")
    assert refreshed(qtbot, window) == "Not signed in to a sync server · 1 change waiting"
    assert not window.sync.timer.isActive()  # nothing to try while signed out
    services.organizations.update(made.id, region="Hefei")
    assert services.organizations.get(made.id).region == "Hefei"

    sign_in_in_settings(qtbot, window, "ivan", PASSWORD, server)
    assert sync_through_the_menu(qtbot, window) == "done"
    with laptop(tmp_path / "other", library_template) as other:
        account = Account(other)
        account.sign_in(server.url, "ivan", PASSWORD)
        account.sync(lambda _line: None, "en")
        assert other.organizations.get(made.id).region == "Hefei"


def test_pulled_rows_refresh_the_open_list_and_keep_its_selection(
    qtbot, window, server: Server, library_template: Path, tmp_path: Path
) -> None:
    server.add_user("jun", "consultant")
    services = window.services
    kept = services.organizations.create("Kept Selected")
    window.show()  # a hidden page reloads when shown; this one is open
    page = window.show_page("organizations")
    page.load()
    page.select_organization(kept.id)
    sign_in_in_settings(qtbot, window, "jun", PASSWORD, server)
    assert sync_through_the_menu(qtbot, window) == "done"

    with laptop(tmp_path / "other", library_template) as other:
        account = Account(other)
        account.sign_in(server.url, "jun", PASSWORD)
        account.sync(lambda _line: None, "en")
        arrived = other.organizations.create("Arrived By Sync")
        account.sync(lambda _line: None, "en")

    assert sync_through_the_menu(qtbot, window) == "done"
    qtbot.waitUntil(lambda: page.model.row_of(arrived.id) is not None, timeout=WAIT_MS)
    assert page.current_id() == kept.id


def test_bundle_export_then_import_in_a_second_data_folder(
    qtbot, window, library_template: Path, tmp_path: Path
) -> None:
    from qclinic.ui.main_window import MainWindow
    from qclinic.ui.signals import AppSignals

    made = window.services.organizations.create("Bundled Co")
    window.services.organizations.add_site(made.id, "North plant")
    bundle = tmp_path / "site.qcbundle"
    assert window.sync.export_action in window.file_menu.actions()
    window.sync.export_bundle(bundle)
    qtbot.waitUntil(lambda: window.sync.summary_box is not None, timeout=WAIT_MS)
    assert f"Changes exported: 2.\nFile: {bundle}" == window.sync.summary_box.text()

    second_db = fresh_copy(tmp_path / "second", library_template)
    try:
        second = MainWindow(AppSignals(), lang="en", start_page="organizations")
        qtbot.addWidget(second)
        second.attach_database(second_db)
        second.show()  # the list is open while the bundle comes in
        second.sync.may_quit = True
        second.sync.import_bundle(bundle)
        qtbot.waitUntil(lambda: second.sync.summary_box is not None, timeout=WAIT_MS)
        said = second.sync.summary_box.text()
        assert "Applied: 2. Already here: 0. Not applied: 0." in said
        assert "organizations: 1" in said and "sites: 1" in said
        assert second.services.organizations.get(made.id).name == "Bundled Co"
        page = second.show_page("organizations")
        qtbot.waitUntil(lambda: page.model.row_of(made.id) is not None, timeout=WAIT_MS)
        second.close()
    finally:
        second_db.dispose()


def test_a_sign_off_syncs_soon_and_quitting_asks_with_changes_waiting(window) -> None:
    from dataclasses import replace

    from qclinic.services.events import ChangeEvent, Origin
    from qclinic.sync.account import SyncStatus

    sync = window.sync
    signed_in = SyncStatus("http://x", "lu", "consultant", True, False, None, 0, 0, 0)
    sync.status = signed_in
    window.signals.changed.emit(ChangeEvent("signature", ("s1",), Origin.LOCAL))
    assert sync.timer.isActive() and sync.timer.interval() == sync.after_sign_off_ms
    window.signals.changed.emit(ChangeEvent("answer", ("a1",), Origin.LOCAL))
    assert sync.timer.interval() == sync.after_sign_off_ms  # only a sign-off brings it forward

    sync.may_quit = False
    asked: list[str] = []

    def answer(said: str):  # the question's answer, and a record that it was asked
        return lambda: asked.append(said) or said

    assert sync.confirm_quit(answer("cancel"))  # nothing waiting: no question
    sync.status = replace(signed_in, pending_changes=2)
    assert not sync.confirm_quit(answer("cancel"))
    assert sync.confirm_quit(answer("quit"))
    sync.status = replace(signed_in, signed_in=False, pending_changes=2)
    assert sync.confirm_quit(answer("cancel"))  # signed out: nothing to offer
    assert asked == ["cancel", "quit"]
    sync.may_quit = True


def test_offline_when_the_server_stops_and_retries_with_back_off(
    qtbot, window, server: Server
) -> None:
    server.add_user("kai", "consultant")
    sign_in_in_settings(qtbot, window, "kai", PASSWORD, server)
    window.services.organizations.create("Before The Outage")
    server.process.terminate()  # the last test of the module: the server goes away
    server.process.wait(timeout=10)

    assert sync_through_the_menu(qtbot, window) == "offline"
    shown = refreshed(qtbot, window)
    assert shown == "Offline · 1 change waiting"
    sync = window.sync
    assert sync.timer.isActive()  # it retries without a new edit
    assert sync.timer.interval() == sync.backoff_first_ms
    sync.failures = 10
    assert sync.backoff_ms() == sync.backoff_cap_ms
    sync.failures = 2
    assert sync.backoff_ms() == 2 * sync.backoff_first_ms
    assert window.services.sync.pending_count() == 1


def test_a_window_closed_before_its_first_status_reads_nothing_after(
    qtbot, own_database: Database, signals
) -> None:
    """A window closed within the second before its sync status is first read (the screenshots'
    dashboard, a test's window) used to read it anyway, and its conflict badge counted on every
    change event: from a database already gone, that opened an error dialog nobody closes
    offscreen."""
    from qclinic.services.events import ChangeEvent
    from qclinic.ui import main_window, tasks
    from qclinic.ui.main_window import MainWindow

    window = MainWindow(signals, lang="en", start_page="organizations")
    qtbot.addWidget(window)
    window.attach_database(own_database)
    sync, badge = window.sync, window.conflict_badge
    assert sync is not None and badge is not None
    sync.may_quit = True  # closing asks nothing
    read: list[str] = []
    real_status = sync.account.status
    sync.account.status = lambda: read.append("status") or real_status()  # type: ignore[method-assign]
    tasks.wait_idle()  # the first page's own loading is done
    window.close()
    signals.changed.emit(ChangeEvent("organization", ("o-1",)))  # a change made elsewhere
    assert not badge._timer.isActive()  # the badge no longer follows changes
    qtbot.wait(main_window.SYNC_STATUS_DELAY_MS + 500)
    assert read == [] and sync.status is None
    assert not sync.timer.isActive()
