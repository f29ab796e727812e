"""The dashboard's outcomes (质量成效): the chain's (or all chains') outcome totals for the period,
as the chain report prints them — "产品合格率 96 % → 98 %", complaints, PPM and certificates from
the first figure in the period to the latest, standards (also by level), patents and awards
added up. One tile a figure; a click opens the companies behind it.

The totals are computed beside the other figures, on a second worker of the dashboard
(``services.outcomes.portfolio_totals``: one grouped query for every chain of the region), so
the charts never wait for them, and switching the chain shows the ones held. The words of the
kinds and levels are the catalogue's (``outcomes.kind.*``, ``outcomes.level.*``), as the
reports print them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from qclinic.core.catalogue import say
from qclinic.core.outcomes import total_shown
from qclinic.core.vocabulary import OutcomeKind, StandardLevel
from qclinic.ui.dashboard.tiles import FigureTile

# tiles per row
COLUMNS = 4
# the size of a total (the figure tiles' is 18)
VALUE_POINTS = 13


def kind_key(kind: OutcomeKind) -> str:
    return f"outcome:{kind.value}"


def level_key(level: StandardLevel) -> str:
    return f"outcome:{OutcomeKind.STANDARDS.value}:{level.value}"


class OutcomeTotalsPanel(QWidget):
    """The outcome tiles: one per kind, then the standards by level."""

    clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind_tiles = {kind: FigureTile(kind_key(kind)) for kind in OutcomeKind}
        self.level_tiles = {level: FigureTile(level_key(level)) for level in StandardLevel}
        self.empty = QLabel()
        self.empty.setObjectName("outcomesEmpty")
        self.empty.setStyleSheet("color: palette(mid);")
        self.levels_title = QLabel()
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.empty)
        kinds = QGridLayout()
        kinds.setSpacing(8)
        for n, tile in enumerate(self.kind_tiles.values()):
            kinds.addWidget(tile, n // COLUMNS, n % COLUMNS)
        layout.addLayout(kinds)
        layout.addWidget(self.levels_title)
        levels = QGridLayout()
        levels.setSpacing(8)
        for n, tile in enumerate(self.level_tiles.values()):
            levels.addWidget(tile, 0, n)
        layout.addLayout(levels)
        layout.addStretch(1)
        for grid in (kinds, levels):
            for column in range(grid.columnCount()):
                grid.setColumnStretch(column, 1)
        for tile in (*self.kind_tiles.values(), *self.level_tiles.values()):
            tile.clicked.connect(self.clicked)
            # a long total ("1,200 PPM → 950 PPM") is cut, not widening its column; the
            # tooltip has it whole
            tile.value_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def show_pending(self) -> None:
        """The totals are being computed: say so, the tiles empty."""
        self.empty.setText(self.tr("Computing the outcome totals…"))
        self.empty.setVisible(True)
        for tile in (*self.kind_tiles.values(), *self.level_tiles.values()):
            _show(tile, "—", "")

    def show(self, outcomes: dict[str | None, Any] | None, chain_id: str | None, lang: str) -> None:
        """Show the totals of *chain_id* (None: all chains) of *outcomes* (every chain's, as
        ``services.outcomes.portfolio_totals`` gives them; None while they are computed)."""
        if outcomes is None:
            self.show_pending()
        else:
            self.show_totals(outcomes.get(chain_id), lang)

    def show_totals(self, totals: Any, lang: str) -> None:
        """Show *totals* (``ChainOutcomes``, or None when no company reported a figure)."""
        found = {t.kind: t for t in totals.totals} if totals is not None else {}
        levels = {t.level: t for t in totals.standards_by_level} if totals is not None else {}
        self.empty.setText(
            self.tr("No company of these chains reported outcome figures dated in this period.")
        )
        self.empty.setVisible(not found)
        for kind, tile in self.kind_tiles.items():
            tile.set_caption(say(f"outcomes.kind.{kind.value}", lang))
            total = found.get(kind)
            if total is None:
                _show(tile, "—", self.tr("no figures"))
                continue
            detail = self._companies(total.companies)
            if total.before is not None and total.compared < total.companies:
                # the change is over the companies that reported twice: say how many
                detail = self.tr("%1, change over %2").replace("%1", detail)
                detail = detail.replace("%2", f"{total.compared:,}")
            _show(tile, total_shown(total), detail)
        standards = say("outcomes.kind.standards", lang)
        self.levels_title.setText(self.tr("%1, by level").replace("%1", standards))
        for level, tile in self.level_tiles.items():
            tile.set_caption(say(f"outcomes.level.{level.value}", lang))
            level_total = levels.get(level)
            if level_total is None:
                _show(tile, "0", "")
                continue
            _show(tile, f"{level_total.count:g}", self._companies(level_total.companies))

    def _companies(self, n: int) -> str:
        return self.tr("1 company") if n == 1 else self.tr("%1 companies").replace("%1", f"{n:,}")


def _show(tile: FigureTile, value: str, detail: str) -> None:
    """*value* a little smaller than the figure tiles' (two figures and an arrow must fit), the
    whole of it in the tooltip should it still be cut."""
    tile.set_value(value, detail)
    tile.value_label.setStyleSheet(f"font-size: {VALUE_POINTS}pt; font-weight: 600;")
    tile.value_label.setToolTip(value if value not in ("—", "0") else "")
