"""The assessments page (being built; see the desktop issue)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from qclinic.storage.database import Database
from qclinic.ui.signals import AppSignals


def create(database: Database, signals: AppSignals, lang: str) -> QWidget:
    page = QWidget()
    QVBoxLayout(page).addWidget(QLabel("assessments"))
    return page
