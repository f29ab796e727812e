"""The Qt binding must not leak references to None (PySide6 6.12.0 on Python 3.11 did).

Each void call dropped one reference to ``None``; after some thousands of calls in a long session
CPython aborted with "none_dealloc". pyproject.toml pins PySide6 below 6.12 for this reason; this
test catches a release that brings it back.
"""

from __future__ import annotations

import sys


def test_void_calls_keep_the_reference_count_of_none(qapp) -> None:
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QLabel

    thing, label = QObject(), QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        thing.setObjectName("x")
        label.setText("y")
    assert abs(sys.getrefcount(None) - before) < 50
