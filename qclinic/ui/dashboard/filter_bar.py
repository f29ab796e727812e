"""The dashboard's filter bar: chain, region and period.

:attr:`FilterBar.changed` fires when the user picks another value (not while the choices are
refilled). The chain combo lists the chains of the chosen region; picking a chain never asks
for new figures by itself (the page holds every chain's), the region and the period do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from qclinic.ui.dashboard.periods import PERIODS
from qclinic.ui.layout import shrink_to_fit

PERIOD_NAMES = {
    "year": QT_TRANSLATE_NOOP("FilterBar", "This year"),
    "12-months": QT_TRANSLATE_NOOP("FilterBar", "Last 12 months"),
    "quarter": QT_TRANSLATE_NOOP("FilterBar", "This quarter"),
    "last-year": QT_TRANSLATE_NOOP("FilterBar", "Last year"),
    "all": QT_TRANSLATE_NOOP("FilterBar", "All time"),
}


@dataclass(frozen=True)
class ChainChoice:
    id: str
    name: str
    region: str | None


class FilterBar(QWidget):
    # which changed: "chain", "region" or "period"
    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chains: list[ChainChoice] = []
        self.chain_label = QLabel()
        self.chain_combo = shrink_to_fit(QComboBox(), 16)
        self.region_label = QLabel()
        self.region_combo = shrink_to_fit(QComboBox(), 10)
        self.period_label = QLabel()
        self.period_combo = shrink_to_fit(QComboBox(), 10)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for label, combo in (
            (self.chain_label, self.chain_combo),
            (self.region_label, self.region_combo),
            (self.period_label, self.period_combo),
        ):
            label.setBuddy(combo)
            layout.addWidget(label)
            layout.addWidget(combo, 1)
        self.chain_combo.currentIndexChanged.connect(lambda _i: self.changed.emit("chain"))
        self.region_combo.currentIndexChanged.connect(self._on_region)
        self.period_combo.currentIndexChanged.connect(lambda _i: self.changed.emit("period"))
        self.retranslate()

    def retranslate(self) -> None:
        self.chain_label.setText(self.tr("&Chain"))
        self.region_label.setText(self.tr("&Region"))
        self.period_label.setText(self.tr("&Period"))
        period = self.period()
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for key in PERIODS:
            self.period_combo.addItem(
                QCoreApplication.translate("FilterBar", PERIOD_NAMES[key]), key
            )
        self.period_combo.setCurrentIndex(max(0, self.period_combo.findData(period)))
        self.period_combo.blockSignals(False)
        self._fill_regions()
        self._fill_chains()

    # --- choices ---------------------------------------------------------------------------
    def set_chains(self, chains: Sequence[ChainChoice]) -> None:
        """Offer *chains* (and their regions), keeping the current choices where they remain."""
        self._chains = list(chains)
        self._fill_regions()
        self._fill_chains()

    def _fill_regions(self) -> None:
        regions = sorted({c.region for c in self._chains if c.region})
        self._refill(self.region_combo, self.tr("All regions"), [(r, r) for r in regions])

    def _fill_chains(self) -> None:
        region = self.region()
        shown = [(c.name, c.id) for c in self._chains if region is None or c.region == region]
        self._refill(self.chain_combo, self.tr("All chains"), shown)

    @staticmethod
    def _refill(combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for text, value in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _on_region(self, _index: int) -> None:
        self._fill_chains()  # a chain of another region falls back to "all chains"
        self.changed.emit("region")

    # --- the current choice ----------------------------------------------------------------
    def chain_id(self) -> str | None:
        value = self.chain_combo.currentData()
        return str(value) if value else None

    def region(self) -> str | None:
        value = self.region_combo.currentData()
        return str(value) if value else None

    def period(self) -> str:
        value = self.period_combo.currentData()
        return str(value) if value else PERIODS[0]

    def select(self, *, chain_id: str | None = None, region: str | None = None) -> None:
        """Choose a region and a chain as the user would (tests, and a chain page's link)."""
        if region is not None:
            self.region_combo.setCurrentIndex(max(0, self.region_combo.findData(region)))
        self.chain_combo.setCurrentIndex(max(0, self.chain_combo.findData(chain_id)))
