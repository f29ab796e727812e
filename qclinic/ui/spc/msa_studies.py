"""The workspace's MSA studies tab: gage linearity and bias, and attribute agreement (kappa).

The study's table comes from a CSV/XLSX file or text pasted from Excel (read by
:mod:`qclinic.core.spc.tabular`, as the import dialog does); the user picks the columns and the
analysis runs at once with :mod:`qclinic.core.msa` — the ``msa linearity`` / ``msa attribute
--json`` results, which are also what is attached as evidence. Imports matplotlib: import only
when the SPC page is first shown.
"""

from __future__ import annotations

import html
from typing import Any

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qclinic.charts.msa_figures import draw_attribute_agreement, draw_linearity
from qclinic.core.spc.tabular import AmbiguousDecimalComma, Table, parse_text, read_table
from qclinic.errors import UserError
from qclinic.ui.errors import user_message
from qclinic.ui.spc.models import RowsModel

STUDIES = ("attribute", "linearity")
KAPPA_COLOURS = {"good": "#2e7d32", "marginal": "#b26a00", "poor": "#c62828"}


def _pct(row: dict[str, Any]) -> tuple[str, str]:
    low, high = row["ci"]
    interval = "–" if low is None or high is None else f"{low:.1f} – {high:.1f}"
    return f"{row['percent']:.1f}", interval


def _kappa(entry: dict[str, Any] | None) -> str:
    value = None if entry is None else entry.get("kappa")
    return "–" if value is None else f"{value:.3f}"


class MsaStudiesView(QWidget):
    """Study type, data source and columns above; the figure and a results table below."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self._lang = lang
        self.table: Table | None = None
        self.result: dict[str, Any] | None = None
        self.source = ""
        self.study_combo = QComboBox()
        self.open_button = QPushButton()
        self.paste_button = QPushButton()
        self.source_label = QLabel()
        self.attach_button = QPushButton()
        self.combos = {
            name: QComboBox()
            for name in ("part", "appraiser", "trial", "rating", "standard", "reference", "value")
        }
        for combo in self.combos.values():
            combo.setMinimumWidth(150)
        self.variation_edit = QLineEdit()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.figure = Figure(figsize=(8.0, 3.6), dpi=100)
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumHeight(240)
        self.rows = RowsModel(self)
        self.table_view = QTableView()
        self.table_view.setModel(self.rows)
        self.table_view.verticalHeader().hide()
        self.table_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.table_view.horizontalHeader().setStretchLastSection(True)
        self.table_view.verticalHeader().setDefaultSectionSize(22)

        top = QHBoxLayout()
        self.study_label = QLabel()
        self.study_label.setBuddy(self.study_combo)
        for widget in (self.study_label, self.study_combo, self.open_button, self.paste_button):
            top.addWidget(widget)
        top.addWidget(self.source_label, 1)
        top.addWidget(self.attach_button)
        self.form = QFormLayout()
        self.labels = {name: QLabel() for name in [*self.combos, "variation"]}
        for name, combo in self.combos.items():
            self.labels[name].setBuddy(combo)
            self.form.addRow(self.labels[name], combo)
        self.labels["variation"].setBuddy(self.variation_edit)
        self.form.addRow(self.labels["variation"], self.variation_edit)
        form_holder = QWidget()
        form_holder.setLayout(self.form)
        form_holder.setMaximumWidth(380)
        splitter = QSplitter()
        splitter.addWidget(form_holder)
        results = QSplitter(Qt.Orientation.Vertical)
        results.addWidget(self.canvas)
        results.addWidget(self.table_view)
        splitter.addWidget(results)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)

        self.study_combo.currentIndexChanged.connect(self.on_study_changed)
        self.open_button.clicked.connect(self.on_open_clicked)
        self.paste_button.clicked.connect(self.on_paste_clicked)
        for combo in self.combos.values():
            combo.currentIndexChanged.connect(self.analyse)
        self.variation_edit.editingFinished.connect(self.analyse)
        self.retranslate()
        self.on_study_changed()

    def retranslate(self) -> None:
        self.study_label.setText(self.tr("&Study:"))
        current = self.study_combo.currentData() or STUDIES[0]
        self.study_combo.blockSignals(True)
        self.study_combo.clear()
        self.study_combo.addItem(self.tr("Attribute agreement (kappa)"), "attribute")
        self.study_combo.addItem(self.tr("Gage linearity and bias"), "linearity")
        self.study_combo.setCurrentIndex(max(self.study_combo.findData(current), 0))
        self.study_combo.blockSignals(False)
        self.open_button.setText(self.tr("&Open file…"))
        self.paste_button.setText(self.tr("&Paste from Excel"))
        self.attach_button.setText(self.tr("Attach as &evidence…"))
        texts = {
            "part": self.tr("&Part column:"),
            "appraiser": self.tr("&Appraiser column:"),
            "trial": self.tr("T&rial column:"),
            "rating": self.tr("Ra&ting column:"),
            "standard": self.tr("&Standard column:"),
            "reference": self.tr("&Reference column:"),
            "value": self.tr("&Measurement column:"),
            "variation": self.tr("Process &variation (6σ):"),
        }
        for name, text in texts.items():
            self.labels[name].setText(text)
        self.variation_edit.setPlaceholderText(self.tr("optional"))
        if self.table is None:
            self.status.setText(
                self.tr(
                    "Open a file or paste a table: for attribute agreement one rating per row "
                    "(part, appraiser, trial, rating, optional standard); for linearity a "
                    "reference and a measurement column."
                )
            )

    def study(self) -> str:
        return str(self.study_combo.currentData() or STUDIES[0])

    def on_study_changed(self) -> None:
        attribute = self.study() == "attribute"
        for name in ("part", "appraiser", "trial", "rating", "standard"):
            self.form.setRowVisible(self.combos[name], attribute)
        for name in ("reference", "value"):
            self.form.setRowVisible(self.combos[name], not attribute)
        self.form.setRowVisible(self.variation_edit, not attribute)
        self.analyse()

    # --- data -------------------------------------------------------------------------------
    def on_open_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open MSA study"),
            "",
            self.tr("Tables (*.csv *.txt *.xlsx *.xlsm);;All files (*)"),
        )
        if path:
            self.load(lambda decimal: read_table(path, decimal=decimal))

    def on_paste_clicked(self) -> None:
        text = QGuiApplication.clipboard().text()
        self.load(lambda decimal: parse_text(text, self.tr("pasted data"), decimal))

    def load(self, read: Any) -> None:
        """Read a table (a decimal point where a comma is ambiguous: labels rarely have one)."""
        try:
            try:
                table = read(None)
            except AmbiguousDecimalComma:
                table = read("point")
        except UserError as error:
            self.table = None
            self.show_error(user_message(error))
            return
        self.set_table(table)

    def set_table(self, table: Table) -> None:
        """Show *table*: guess each column from its header, then analyse."""
        self.table = table
        self.source = table.source
        self.source_label.setText(
            self.tr("%1: %2 columns, %3 rows")
            .replace("%1", table.source)
            .replace("%2", str(len(table.header)))
            .replace("%3", str(len(table.rows)))
        )
        lowered = [h.lower() for h in table.header]
        guesses = {
            "part": ("part", "sample", "零件", "样本"),
            "appraiser": ("appraiser", "operator", "inspector", "评价", "操作"),
            "trial": ("trial", "repeat", "试验", "次"),
            "rating": ("value", "rating", "result", "decision", "结果", "判定"),
            "standard": ("reference", "standard", "expert", "标准", "参考"),
            "reference": ("reference", "standard", "master", "参考", "标准"),
            "value": ("measure", "value", "reading", "测量", "值"),
        }
        optional = ("trial", "standard")
        for name, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            if name in optional:
                combo.addItem(self.tr("(none)"), None)
            for i, header in enumerate(table.header):
                combo.addItem(header, i)
            found = next(
                (i for word in guesses[name] for i, h in enumerate(lowered) if word in h), None
            )
            if found is not None:
                combo.setCurrentIndex(combo.findData(found))
            combo.blockSignals(False)
        self.analyse()

    # --- analysis ---------------------------------------------------------------------------
    def column(self, name: str) -> int | None:
        """The 0-based column chosen for *name* (``None``: none chosen)."""
        data = self.combos[name].currentData()
        return None if data is None else int(data)

    def header(self, name: str) -> str:
        """The header of the column chosen for *name* (what the tabular reader takes)."""
        assert self.table is not None
        return self.table.header[self.column(name) or 0]

    def analyse(self) -> None:
        """Run the chosen study on the table; show the figure and the tables, or the error."""
        if self.table is None:
            return
        try:
            if self.study() == "attribute":
                self.result = self._attribute()
            else:
                self.result = self._linearity()
        except UserError as error:
            self.show_error(user_message(error))

    def show_error(self, text: str) -> None:
        self.result = None
        self.status.setStyleSheet("color: #b71c1c;")
        self.status.setText(text)
        self.figure.clear()
        self.canvas.draw_idle()
        self.rows.set_content([], [])

    def _attribute(self) -> dict[str, Any]:
        from qclinic.core.msa import attribute_agreement

        table = self.table
        assert table is not None
        trial, standard = self.column("trial"), self.column("standard")
        result = attribute_agreement(
            table.labels(self.header("part")),
            table.labels(self.header("appraiser")),
            table.labels(self.header("rating")),
            trials=None if trial is None else table.labels(table.header[trial]),
            reference=None if standard is None else table.labels(table.header[standard]),
            row_numbers=table.row_numbers,
        ).to_dict()
        draw_attribute_agreement(self.figure, result, self._lang)
        self.canvas.draw_idle()
        zh = self._lang.startswith("zh")
        verdict = result["verdict"]
        colour = KAPPA_COLOURS.get(str(verdict["rating"]), "#6d6d6d")
        text = html.escape(
            (verdict["text"] or {}).get("zh" if zh else "en", self.tr("kappa undefined"))
        )  # the verdict says "kappa < 0.75": not markup
        self.status.setStyleSheet("")
        self.status.setText(
            self.tr(
                "<b>Kappa %1: <span style='color:%2'>%3</span></b> · %4 parts × %5 appraisers × %6 trials"
            )
            .replace("%1", _kappa(verdict))
            .replace("%2", colour)
            .replace("%3", text)
            .replace("%4", str(result["parts"]))
            .replace("%5", str(len(result["appraisers"])))
            .replace("%6", str(result["trials"]))
        )
        rows: list[list[str]] = []
        sections = (
            ("within", self.tr("Within appraiser")),
            ("vs_standard", self.tr("Appraiser vs standard")),
        )
        for key, label in sections:
            for row in result[key]:
                rows.append([label, row["appraiser"], f"{row['matched']} / {row['inspected']}",
                             *_pct(row), _kappa(row["kappa"])])  # fmt: skip
        for key, label in (
            ("between", self.tr("Between appraisers")),
            ("all_vs_standard", self.tr("All appraisers vs standard")),
        ):
            row = result[key]
            if row:
                rows.append([label, self.tr("all"), f"{row['matched']} / {row['inspected']}",
                             *_pct(row), _kappa(row["kappa"])])  # fmt: skip
        for pair in result["pairwise"]:
            rows.append([self.tr("Cohen's kappa"), f"{pair['first']} × {pair['second']}",
                         "", "", "", _kappa(pair)])  # fmt: skip
        self.rows.set_content(
            [self.tr("Assessment"), self.tr("Appraiser"), self.tr("Matched / inspected"),
             self.tr("Percent"), self.tr("95% CI"), self.tr("Kappa")],
            rows,
        )  # fmt: skip
        return result

    def _linearity(self) -> dict[str, Any]:
        from qclinic.core.msa import linearity_study

        table = self.table
        assert table is not None
        text = self.variation_edit.text().strip().replace(",", ".")
        try:
            variation = float(text) if text else None
        except ValueError:
            raise UserError(
                self.tr("Process variation: %1 is not a number").replace("%1", repr(text))
            ) from None
        references = table.numbers(self.header("reference"))
        values = table.numbers(self.header("value"))
        result = linearity_study(references, values, process_variation=variation).to_dict()
        draw_linearity(self.figure, references, values, result, self._lang)
        self.canvas.draw_idle()
        self.status.setStyleSheet("")
        self.status.setText(
            self.tr("Bias = %1 + %2 × reference · R² %3 · p(slope) %4 · %Linearity %5")
            .replace("%1", f"{result['intercept']:.4g}")
            .replace("%2", f"{result['slope']:.4g}")
            .replace("%3", f"{result['r_squared']:.3f}")
            .replace("%4", f"{result['slope_p']:.3g}")
            .replace("%5", f"{result['percent_linearity']:.2f}")
        )
        rows = []
        for row in result["bias"]:
            reference = (
                self.tr("average") if row["reference"] == "average" else f"{row['reference']:g}"
            )
            rows.append([
                reference, str(row["n"]), f"{row['bias']:.4g}",
                "–" if row["t"] is None else f"{row['t']:.3f}",
                "–" if row["p"] is None else f"{row['p']:.3g}",
                "–" if row.get("percent_bias") is None else f"{row['percent_bias']:.2f}",
            ])  # fmt: skip
        self.rows.set_content(
            [self.tr("Reference"), self.tr("n"), self.tr("Bias"), self.tr("t"), self.tr("p"),
             self.tr("% Bias")],
            rows,
        )  # fmt: skip
        return result
