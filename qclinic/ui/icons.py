"""The UI's small icons: SVGs under ``resources/icons/ui/``, crisp at any scaling.

Symbols the UI shows (a blocking gap, a critical question, an answered card) are icons rather
than characters: a character needs a glyph in whatever font the machine has (the ⛔ of the
completion check printed as an empty box), an SVG draws the same everywhere and at 200 %.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from qclinic import paths


def icon_path(name: str) -> Path:
    return paths.resources_dir() / "icons" / "ui" / f"{name}.svg"


@cache
def icon(name: str) -> QIcon:
    """The icon *name* (``resources/icons/ui/<name>.svg``); a missing file is a bug."""
    path = icon_path(name)
    if not path.is_file():
        raise FileNotFoundError(path)
    return QIcon(str(path))


def text_sized(widget: QWidget) -> QSize:
    """An icon as tall as *widget*'s text."""
    side = widget.fontMetrics().height()
    return QSize(side, side)


def icon_pixmap(name: str, widget: QWidget) -> QPixmap:
    """*name* rendered at *widget*'s text height for its screen's pixel ratio (sharp at 200 %)."""
    return icon(name).pixmap(text_sized(widget), widget.devicePixelRatioF())


def icon_label(name: str, tooltip: str = "") -> QLabel:
    """A label showing just the icon *name*, at text height."""
    label = QLabel()
    label.setPixmap(icon_pixmap(name, label))
    label.setToolTip(tooltip)
    return label
