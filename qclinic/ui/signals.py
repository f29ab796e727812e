"""App-wide events as signals on one object: workers and views emit, views subscribe."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppSignals(QObject):
    #: a change was committed to the database (the status bar shows "saved at …")
    saved = Signal()
    #: rows of a table changed (table name), so lists showing it can refresh
    data_changed = Signal(str)
    #: navigation requests, by record id
    open_organization = Signal(str)
    open_assessment = Signal(str)
    #: the user switched the interface language ("zh" / "en")
    language_changed = Signal(str)
