"""The bus-to-Qt bridge: service events reach the widgets on the UI thread, from any thread."""

from __future__ import annotations

import threading

from qclinic.services import ChangeEvent, Origin


def test_an_event_published_on_the_ui_thread_arrives_at_once(services, signals) -> None:
    heard: list[tuple[str, str]] = []
    saved: list[bool] = []
    signals.changed.connect(lambda e: heard.append((e.entity, threading.current_thread().name)))
    signals.saved.connect(lambda: saved.append(True))
    tables: list[str] = []
    signals.data_changed.connect(tables.append)

    services.bus.publish(ChangeEvent("answer", ("a1",)))

    assert heard == [("answer", threading.main_thread().name)]
    assert tables == ["answer"]
    assert saved == [True]


def test_an_event_from_a_worker_thread_is_delivered_on_the_ui_thread(
    qtbot, services, signals
) -> None:
    heard: list[str] = []
    signals.changed.connect(lambda e: heard.append(threading.current_thread().name))
    worker = threading.Thread(
        target=services.bus.publish, args=(ChangeEvent("dataset", (), Origin.SYNC),), name="sync"
    )
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: heard == [threading.main_thread().name], timeout=5000)


def test_changes_from_sync_are_not_announced_as_saved_here(services, signals) -> None:
    saved: list[bool] = []
    signals.saved.connect(lambda: saved.append(True))
    services.bus.publish(ChangeEvent("organization", ("o1",), Origin.SYNC))
    assert saved == []
