"""The chart tab: chart type, rules, phase I and specification limits above the interactive chart.

Layout only plus the widgets' own small behaviour; the page decides what happens on a change
(it recomputes with :mod:`qclinic.core.spc.analysis`). Imports matplotlib through the canvas:
import only when the SPC page is first shown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qclinic import settings as app_settings
from qclinic.core.spc.analysis import CHARTS, CONSTANT_MODES, RULE_PRESETS, ChartSettings
from qclinic.core.spc.digits import format_fixed
from qclinic.ui.layout import shrink_to_fit
from qclinic.ui.spc.chart_canvas import ChartCanvas
from qclinic.ui.spc.dataset_settings import CONSTANTS_KEY, saved_thresholds

CHART_NAMES = {
    "xbar-r": "X̄-R",
    "xbar-s": "X̄-S",
    "imr": "I-MR",
    "p": "p",
    "np": "np",
    "c": "c",
    "u": "u",
    "ewma": "EWMA",
    "cusum": "CUSUM",
}


def _number(text: str) -> float | None:
    text = text.strip().replace(",", ".")
    try:
        return float(text) if text else None
    except ValueError:
        return None


class ChartView(QWidget):
    """Controls and the canvas; ``settings_changed`` when the user changes a control."""

    settings_changed = Signal()
    specs_edited = Signal()

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.chart_combo = QComboBox()
        for key in CHARTS:
            self.chart_combo.addItem(CHART_NAMES[key], key)
        self.rules_combo = QComboBox()
        self.constants_combo = QComboBox()
        extra = app_settings.load().extra
        self.thresholds = saved_thresholds(extra)
        self._saved_constants = str(extra.get(CONSTANTS_KEY) or "tabled")
        self.first_spin = QSpinBox()
        self.last_spin = QSpinBox()
        for spin in (self.first_spin, self.last_spin):
            spin.setMinimum(1)
            spin.setMaximum(1)
        self.lsl_edit = QLineEdit()
        self.usl_edit = QLineEdit()
        self.target_edit = QLineEdit()
        for edit in (self.lsl_edit, self.usl_edit, self.target_edit):
            edit.setMinimumWidth(100)  # a whole limit (73.950) also beside wide Chinese labels
            edit.setMaximumWidth(130)
        self.export_button = QPushButton()
        self.attach_button = QPushButton()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.canvas = ChartCanvas(lang)
        self.labels = [QLabel() for _ in range(8)]
        shrink_to_fit(self.chart_combo, chars=6)  # "X̄-R", "CUSUM"
        for combo in (self.rules_combo, self.constants_combo):
            shrink_to_fit(combo)

        # Two rows laid out on their own (not one grid): a grid would give the narrow spin boxes
        # of the first row the width of the limit fields below them, and the Chinese page then
        # needs more than a 1366×768 laptop has.
        first, second = QHBoxLayout(), QHBoxLayout()
        for row in (first, second):
            row.setSpacing(8)
        pairs = [
            (first, self.labels[0], self.chart_combo),
            (first, self.labels[1], self.rules_combo),
            (first, self.labels[2], self.first_spin),
            (first, self.labels[3], self.last_spin),
            (first, self.labels[7], self.constants_combo),
            (second, self.labels[4], self.lsl_edit),
            (second, self.labels[5], self.usl_edit),
            (second, self.labels[6], self.target_edit),
        ]
        for row, label, widget in pairs:
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget)
        first.addStretch(1)
        second.addStretch(1)
        second.addWidget(self.export_button)
        second.addWidget(self.attach_button)
        layout = QVBoxLayout(self)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.status)
        layout.addWidget(self.canvas, 1)

        self.chart_combo.currentIndexChanged.connect(self.settings_changed)
        self.rules_combo.currentIndexChanged.connect(self.settings_changed)
        self.constants_combo.currentIndexChanged.connect(self.on_constants_changed)
        self.first_spin.valueChanged.connect(self.settings_changed)
        self.last_spin.valueChanged.connect(self.settings_changed)
        for edit in (self.lsl_edit, self.usl_edit, self.target_edit):
            edit.editingFinished.connect(self.specs_edited)
        self.retranslate()

    def retranslate(self) -> None:
        texts = (
            self.tr("&Chart:"),
            self.tr("&Rules:"),
            self.tr("Phase I &from:"),
            self.tr("t&o:"),
            self.tr("&LSL:"),
            self.tr("&USL:"),
            self.tr("&Target:"),
            self.tr("C&onstants:"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        current = self.rules_combo.currentIndex()
        self.rules_combo.blockSignals(True)
        self.rules_combo.clear()
        names = {
            "nelson": self.tr("Nelson (8 tests)"),
            "western-electric": self.tr("Western Electric (4 rules)"),
            "none": self.tr("None (limits only)"),
        }
        for key in RULE_PRESETS:
            self.rules_combo.addItem(names[key], key)
        self.rules_combo.setCurrentIndex(max(current, 0))
        self.rules_combo.blockSignals(False)
        mode = self.constants_combo.currentData() or self._saved_constants
        self.constants_combo.blockSignals(True)
        self.constants_combo.clear()
        modes = {
            "tabled": self.tr("As tabled (Montgomery, qcc, Minitab)"),
            "exact": self.tr("Computed exactly"),
        }
        for key in CONSTANT_MODES:
            self.constants_combo.addItem(modes[key], key)
        self.constants_combo.setCurrentIndex(max(self.constants_combo.findData(mode), 0))
        self.constants_combo.setToolTip(
            self.tr(
                "Control chart constants (d2, d3, c4, A2, D4…): the published table values, as "
                "textbooks, qcc and Minitab use them, or computed from their definitions."
            )
        )
        self.constants_combo.blockSignals(False)
        self.export_button.setText(self.tr("&Export…"))
        self.attach_button.setText(self.tr("Attach as &evidence…"))
        for edit in (self.lsl_edit, self.usl_edit):
            edit.setPlaceholderText(self.tr("none"))
        self.target_edit.setPlaceholderText(self.tr("mid-spec"))

    def status_text(self, result: dict[str, Any], skipped: int = 0) -> str:
        """The line above the chart: limits (as many decimals as the data carry, plus one),
        points, exclusions, signals and which chart constants were used."""
        first = result["charts"][0]
        violations = sum(len(chart["violations"]) for chart in result["charts"])

        def limit(value: Any) -> str:
            return "…" if isinstance(value, list) else format_fixed(value, result.get("decimals"))

        text = (
            self.tr("UCL %1 · CL %2 · LCL %3 · %4 points, %5 excluded, %6 signals")
            .replace("%1", limit(first["ucl"]))
            .replace("%2", limit(first["center"]))
            .replace("%3", limit(first["lcl"]))
            .replace("%4", str(result["points"]))
            .replace("%5", str(len(result["excluded"])))
            .replace("%6", str(violations))
        )
        if result.get("constants"):
            text += " · " + (
                self.tr("constants as tabled")
                if result["constants"] == "tabled"
                else self.tr("constants computed exactly")
            )
        if skipped:
            text += " · " + self.tr("%1 incomplete subgroups left out").replace("%1", str(skipped))
        return text + " · " + self.tr("Click a point to exclude or include it.")

    def on_constants_changed(self) -> None:
        """Remember the choice for the next session, then recompute."""
        config = app_settings.load()
        config.extra[CONSTANTS_KEY] = str(self.constants_combo.currentData())
        app_settings.save(config)
        self.settings_changed.emit()

    def set_points(self, count: int) -> None:
        """Allow phase I over *count* points and select all of them."""
        for spin in (self.first_spin, self.last_spin):
            spin.blockSignals(True)
            spin.setMaximum(max(count, 1))
        self.first_spin.setValue(1)
        self.last_spin.setValue(max(count, 1))
        for spin in (self.first_spin, self.last_spin):
            spin.blockSignals(False)

    def set_chart(self, chart: str) -> None:
        self.chart_combo.blockSignals(True)
        self.chart_combo.setCurrentIndex(self.chart_combo.findData(chart))
        self.chart_combo.blockSignals(False)

    def set_rules(self, rules: Any) -> None:
        """Select the rule preset *rules* (a key of RULE_PRESETS); anything else keeps it."""
        index = self.rules_combo.findData(rules)
        if index >= 0:
            self.rules_combo.blockSignals(True)
            self.rules_combo.setCurrentIndex(index)
            self.rules_combo.blockSignals(False)

    def set_phase1(self, phase1: Any) -> None:
        """Select phase I ``[first, last]`` (1-based) when it fits the points."""
        if not isinstance(phase1, list | tuple) or len(phase1) != 2:
            return
        first, last = (int(v) for v in phase1)
        if not 1 <= first < last <= self.last_spin.maximum():
            return
        for spin, value in ((self.first_spin, first), (self.last_spin, last)):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)

    def set_specs(self, lsl: float | None, usl: float | None, target: float | None) -> None:
        for edit, value in ((self.lsl_edit, lsl), (self.usl_edit, usl), (self.target_edit, target)):
            edit.setText("" if value is None else f"{value:g}")

    def specs(self) -> tuple[float | None, float | None, float | None]:
        return (
            _number(self.lsl_edit.text()),
            _number(self.usl_edit.text()),
            _number(self.target_edit.text()),
        )

    def settings(self) -> ChartSettings:
        lsl, usl, target = self.specs()
        return ChartSettings(
            chart=str(self.chart_combo.currentData()),
            rules=str(self.rules_combo.currentData()),
            phase1=(self.first_spin.value(), self.last_spin.value()),
            lsl=lsl,
            usl=usl,
            target=target,
            constants=str(self.constants_combo.currentData() or "tabled"),
            thresholds=self.thresholds,
        )
