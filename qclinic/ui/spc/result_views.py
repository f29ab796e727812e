"""The capability view and the gage R&R view: a figure above, the numbers in tables below.

Both import matplotlib: import this module only when the SPC page is first shown.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qclinic.charts.msa_figures import draw_gage_rr
from qclinic.charts.spc_figures import draw_capability
from qclinic.core.spc.digits import format_fixed
from qclinic.ui.spc.models import RowsModel

VERDICT_COLOURS = {"capable_new": "#2e7d32", "capable": "#2e7d32", "conditional": "#b26a00"}


def _num(value: Any, digits: int = 4) -> str:
    if value is None:
        return "–"
    return f"{value:.{digits}g}" if abs(value) >= 1e4 else f"{value:.{digits}f}"


def _table(model: RowsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    view.verticalHeader().setDefaultSectionSize(22)
    return view


class CapabilityView(QWidget):
    """Histogram with specs and normal curves; indices with intervals; PPM; normality."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self._lang = lang
        self.figure = Figure(figsize=(7.0, 3.8), dpi=100)
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumHeight(260)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b26a00; font-weight: bold;")
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.indices = RowsModel(self)
        self.ppm = RowsModel(self)
        self.indices_view = _table(self.indices)
        self.ppm_view = _table(self.ppm)
        tables = QHBoxLayout()
        tables.addWidget(self.indices_view, 3)
        tables.addWidget(self.ppm_view, 2)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.canvas)
        holder = QWidget()
        holder.setLayout(tables)
        splitter.addWidget(holder)
        splitter.setSizes([420, 200])
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.verdict)
        layout.addWidget(self.warning)
        layout.addWidget(splitter, 1)
        self.result: dict[str, Any] | None = None

    def show_capability(
        self, used: np.ndarray | None, result: dict[str, Any] | None, unit: str
    ) -> None:
        """Show a capability result (``None``: say what is missing)."""
        self.result = result
        if result is None or used is None:
            self.message.setText(
                self.tr(
                    "Set a lower and/or upper specification limit on the Chart tab to see the capability."
                )
            )
            self.message.show()
            self.warning.hide()
            self.verdict.hide()
            self.figure.clear()
            self.canvas.draw_idle()
            self.indices.set_content([], [])
            self.ppm.set_content([], [])
            return
        self.message.setText(
            self.tr(
                "%1 values from phase I without excluded points; within sigma %2 (%3), overall sigma %4."
            )
            .replace("%1", str(result["n"]))
            .replace("%2", format_fixed(result["sigma_within"], None))
            .replace("%3", str(result["sigma_within_method"]))
            .replace("%4", format_fixed(result["sigma_overall"], None))
        )
        verdict = result.get("verdict")
        self.verdict.setVisible(bool(verdict))
        if verdict:
            colour = VERDICT_COLOURS.get(verdict["level"], "#c62828")
            self.verdict.setText(
                self.tr("<b>Cpk %1: <span style='color:%2'>%3</span></b>")
                .replace("%1", f"{verdict['value']:.2f}")
                .replace("%2", colour)
                .replace("%3", verdict["text"]["zh" if self._lang.startswith("zh") else "en"])
            )
        warning = (result.get("normality") or {}).get("warning")
        self.warning.setVisible(bool(warning))
        if warning:
            self.warning.setText(warning["zh" if self._lang.startswith("zh") else "en"])
        draw_capability(self.figure, used, result, self._lang, unit=unit)
        self.canvas.draw_idle()
        level = f"{result['confidence'] * 100:g}%"
        rows = []
        for key in ("cp", "cpl", "cpu", "cpk", "cpm", "pp", "ppl", "ppu", "ppk"):
            value = result["indices"].get(key)
            if value is None:
                continue
            interval = result["intervals"].get(key)
            rows.append(
                [
                    key.capitalize(),
                    _num(value, 3),
                    "" if not interval else _num(interval[0], 3),
                    "" if not interval else _num(interval[1], 3),
                ]
            )
        self.indices.set_content(
            [
                self.tr("Index"),
                self.tr("Value"),
                self.tr("Lower %1").replace("%1", level),
                self.tr("Upper %1").replace("%1", level),
            ],
            rows,
        )
        ppm_rows = []
        for group, name in (
            ("observed", self.tr("Observed")),
            ("within", self.tr("Expected within")),
            ("overall", self.tr("Expected overall")),
        ):
            values = result["ppm"].get(group, {})
            ppm_rows.append(
                [name, *(_ppm(values.get(k)) for k in ("below_lsl", "above_usl", "total"))]
            )
        self.ppm.set_content(
            [self.tr("PPM"), self.tr("< LSL"), self.tr("> USL"), self.tr("Total")], ppm_rows
        )


def _ppm(value: Any) -> str:
    return "–" if value is None else f"{value:,.1f}"


class GageView(QWidget):
    """Gage R&R panels, the verdict with ndc, and the variance components table; above them
    the method (ANOVA or X̄-R, as ``msa grr --method``) and the tolerance for %Tolerance.
    ``settings_changed`` when the user changes either."""

    settings_changed = Signal()

    def __init__(self, lang: str) -> None:
        super().__init__()
        self._lang = lang
        self.figure = Figure(figsize=(9.0, 7.2), dpi=100)
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumHeight(420)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.method_label = QLabel()
        self.method_combo = QComboBox()
        self.tolerance_label = QLabel()
        self.tolerance_edit = QLineEdit()
        self.tolerance_edit.setMinimumWidth(120)
        self.method_label.setBuddy(self.method_combo)
        self.tolerance_label.setBuddy(self.tolerance_edit)
        controls = QHBoxLayout()
        for widget in (
            self.method_label,
            self.method_combo,
            self.tolerance_label,
            self.tolerance_edit,
        ):
            controls.addWidget(widget)
        controls.addStretch(1)
        self.components = RowsModel(self)
        self.table = _table(self.components)
        self.table.setMaximumHeight(200)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.verdict)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.table)
        self.result: dict[str, Any] | None = None
        self.method_combo.currentIndexChanged.connect(self.settings_changed)
        self.tolerance_edit.editingFinished.connect(self.settings_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.method_label.setText(self.tr("&Method:"))
        self.tolerance_label.setText(self.tr("&Tolerance (USL − LSL):"))
        self.tolerance_edit.setPlaceholderText(self.tr("none"))
        current = self.method_combo.currentData() or "anova"
        self.method_combo.blockSignals(True)
        self.method_combo.clear()
        self.method_combo.addItem(self.tr("ANOVA"), "anova")
        self.method_combo.addItem(self.tr("X̄-R (average and range)"), "xbar-r")
        self.method_combo.setCurrentIndex(max(self.method_combo.findData(current), 0))
        self.method_combo.blockSignals(False)

    def set_settings(self, method: str, tolerance: float | None) -> None:
        """Show *method* and *tolerance* without emitting ``settings_changed``."""
        self.method_combo.blockSignals(True)
        self.method_combo.setCurrentIndex(max(self.method_combo.findData(method), 0))
        self.method_combo.blockSignals(False)
        self.tolerance_edit.setText("" if tolerance is None else f"{tolerance:g}")

    def method(self) -> str:
        return str(self.method_combo.currentData() or "anova")

    def tolerance(self) -> float | None:
        """The typed tolerance; ``None`` when blank, not a number or not positive."""
        text = self.tolerance_edit.text().strip().replace(",", ".")
        try:
            value = float(text) if text else None
        except ValueError:
            return None
        return value if value is not None and value > 0 else None

    def show_study(
        self, parts: list[str], operators: list[str], values: Any, result: dict[str, Any]
    ) -> None:
        self.result = result
        zh = self._lang.startswith("zh")
        verdict = result["verdict"]
        text = verdict["study_text"]["zh" if zh else "en"]
        colour = {"acceptable": "#2e7d32", "conditional": "#b26a00"}.get(
            verdict["study"], "#c62828"
        )
        ndc = result["ndc"]
        self.verdict.setText(
            self.tr("<b>%GRR %1%: <span style='color:%2'>%3</span></b> · ndc = %4 %5")
            .replace("%1", f"{result['percent_study_var']['grr']:.2f}")
            .replace("%2", colour)
            .replace("%3", text)
            .replace("%4", str(ndc))
            .replace(
                "%5",
                "" if verdict["ndc_adequate"] else self.tr("(fewer than 5 distinct categories)"),
            )
        )
        draw_gage_rr(self.figure, parts, operators, values, result, self._lang)
        self.canvas.draw_idle()
        tolerance = result.get("percent_tolerance") or {}
        names = {
            "grr": self.tr("Total gage R&R"),
            "repeatability": self.tr("Repeatability (EV)"),
            "reproducibility": self.tr("Reproducibility (AV)"),
            "operator": self.tr("  Operator"),
            "interaction": self.tr("  Part × operator"),
            "part": self.tr("Part-to-part (PV)"),
            "total": self.tr("Total variation (TV)"),
        }
        rows = [
            [
                label,
                _num(result["components"][key]),
                f"{result['percent_contribution'][key]:.2f}",
                f"{result['percent_study_var'][key]:.2f}",
                f"{tolerance[key]:.2f}" if key in tolerance else "–",
            ]
            for key, label in names.items()
        ]
        self.components.set_content(
            [
                self.tr("Source"),
                self.tr("Std. dev."),
                self.tr("% Contribution"),
                self.tr("% Study var"),
                self.tr("% Tolerance"),
            ],
            rows,
        )
