"""Import SPC / MSA data from a CSV or XLSX file or text pasted from Excel, with a preview.

The file is parsed by :mod:`qclinic.core.spc.tabular`; the preview shows the columns chosen for
the layout (wide, long, attributes, gage study), the separator and decimal mark the text was read
with (asking when a comma could be either), the first rows as they will be read, how many
subgroups of which size result, and every cell that is not a number as ``row R, column C: …``
(the engine's own messages). Such cells are imported blank; the workspace asks before analysing
without them. A phase column (qcc's ``trial``: TRUE for the subgroups that set the limits)
gives the dataset its phase I range, remembered with its settings. Accepting stores the dataset
and its values in one transaction.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QListWidgetItem,
    QMessageBox,
    QWidget,
)

from qclinic.core.catalogue import text
from qclinic.core.spc.reshape import (
    LAYOUTS,
    build_rows,
    cell_text,
    layout_kind,
    phase1_range,
    read_numbers,
)
from qclinic.core.spc.tabular import AmbiguousDecimalComma, Table, parse_text, read_table
from qclinic.errors import UserError
from qclinic.services import Services
from qclinic.ui.errors import show_error, user_message
from qclinic.ui.forms.ui_dataset_import_dialog import Ui_DatasetImportDialog
from qclinic.ui.signals import AppSignals
from qclinic.ui.spc import dataset_settings
from qclinic.ui.spc.models import PreviewModel

PREVIEW_ROWS = 30
MAX_PROBLEMS = 12
_LABEL_COLUMN = re.compile(
    r"sample|subgroup|group|batch|lot|time|date|no\.?$|id$|trial|子组|样本|序号|批|日期|时间",
    re.IGNORECASE,
)


def _optional_number(typed: str, what: str) -> float | None:
    typed = typed.strip().replace(",", ".")
    if not typed:
        return None
    try:
        return float(typed)
    except ValueError:
        raise UserError(text("datasets.spec_not_number", field=what, value=typed)) from None


class DatasetImportDialog(QDialog):
    """After accepting, ``dataset_id`` holds the new dataset. The import is one change of
    ``services.datasets`` with the *parent* (the workspace) as its source."""

    def __init__(
        self,
        services: Services,
        signals: AppSignals,
        organization_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_DatasetImportDialog()
        self.ui.setupUi(self)
        self._services = services
        self._signals = signals
        self._organization_id = organization_id
        self.table: Table | None = None
        self.dataset_id: str | None = None
        self.rows: list[dict[str, Any]] = []
        self.subgroup_size = 1
        self.phase1: tuple[int, int] | None = None
        self.problems: list[str] = []
        self.preview = PreviewModel(self)
        self.ui.previewView.setModel(self.preview)
        self.ui.previewView.verticalHeader().setDefaultSectionSize(22)
        self.ui.splitter.setSizes([380, 600])
        self.ui.problemsLabel.setStyleSheet("color: #b71c1c;")
        names = {
            "wide": self.tr("Wide: one row per subgroup"),
            "long": self.tr("Long: a value and a subgroup column"),
            "attributes": self.tr("Attributes: counts and sample sizes"),
            "gage": self.tr("Gage study: part, operator, value"),
        }
        for key in LAYOUTS:
            self.ui.layoutCombo.addItem(names[key], key)
        self.ok_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Import"))
        self.ok_button.setEnabled(False)
        self.ui.openButton.clicked.connect(self.on_open_clicked)
        self.ui.pasteButton.clicked.connect(self.on_paste_clicked)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.layoutCombo.currentIndexChanged.connect(self.on_layout_changed)
        self.ui.columnsList.itemChanged.connect(self.refresh_preview)
        for combo in (
            self.ui.valueCombo,
            self.ui.subgroupCombo,
            self.ui.countCombo,
            self.ui.sizeCombo,
            self.ui.partCombo,
            self.ui.operatorCombo,
            self.ui.phaseCombo,
        ):
            combo.currentIndexChanged.connect(self.refresh_preview)
        self.on_layout_changed()

    # --- sources --------------------------------------------------------------------------
    def on_open_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open SPC data"),
            "",
            self.tr("Tables (*.csv *.txt *.xlsx *.xlsm);;All files (*)"),
        )
        if path:
            self.load_file(path)

    def on_paste_clicked(self) -> None:
        self.load_text(QGuiApplication.clipboard().text(), self.tr("pasted data"))

    def load_file(self, path: str) -> None:
        self._load(lambda decimal: read_table(path, decimal=decimal))

    def load_text(self, text: str, source: str) -> None:
        self._load(lambda decimal: parse_text(text, source, decimal))

    def _load(self, read: Any) -> None:
        """Read with the decimal mark decided from the text; ask when it cannot be."""
        try:
            try:
                table = read(None)
            except AmbiguousDecimalComma:
                decimal = self.ask_decimal()
                if decimal is None:
                    return
                table = read(decimal)
            self.set_table(table)
        except UserError as error:
            show_error(error, self)

    def ask_decimal(self) -> str | None:
        """Ask whether the commas are decimal marks: ``"comma"``, ``"point"`` or ``None``."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Decimal comma or separator?"))
        box.setText(
            self.tr(
                "Every line looks like 74,000 and there is no header row to tell: is the comma "
                "a decimal comma (one column of numbers) or does it separate two columns?"
            )
        )
        comma = box.addButton(self.tr("Decimal comma"), QMessageBox.ButtonRole.AcceptRole)
        point = box.addButton(self.tr("Separates columns"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        return "comma" if clicked is comma else "point" if clicked is point else None

    def set_table(self, table: Table) -> None:
        """Show *table*: fill the column pickers with a guess, then the preview."""
        self.table = table
        self.ui.sourceLabel.setText(
            self.tr("%1: %2 columns, %3 data rows")
            .replace("%1", table.source)
            .replace("%2", str(len(table.header)))
            .replace("%3", str(len(table.rows)))
            + self.reading_text(table)
        )
        if not self.ui.nameEdit.text().strip():
            self.ui.nameEdit.setText(table.source if table.source != "pasted data" else "")
        header = table.header
        numeric = [i for i in range(len(header)) if self._numeric_column(i)]
        lowered = [h.lower() for h in header]
        blockers = [self.ui.columnsList, *self._combos()]
        for widget in blockers:
            widget.blockSignals(True)
        self.ui.columnsList.clear()
        for i, name in enumerate(header):
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            chosen = i in numeric and not _LABEL_COLUMN.search(name)
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
            self.ui.columnsList.addItem(item)
        for combo in self._combos():
            combo.clear()
        self.ui.sizeCombo.addItem(self.tr("(each sample counts 1)"), None)
        self.ui.phaseCombo.addItem(self.tr("(none: phase I is chosen on the chart)"), None)
        for i, name in enumerate(header):
            for combo in self._combos():
                combo.addItem(name, i)

        def pick(combo: Any, *words: str, fallback: int = 0) -> None:
            for word in words:
                for i, name in enumerate(lowered):
                    if word in name:
                        combo.setCurrentIndex(combo.findData(i))
                        return
            combo.setCurrentIndex(min(fallback, combo.count() - 1))

        pick(self.ui.partCombo, "part", "零件")
        pick(self.ui.operatorCombo, "operator", "appraiser", "评价", "操作")
        pick(self.ui.valueCombo, "measure", "value", "测量", "值", fallback=len(header) - 1)
        pick(self.ui.subgroupCombo, "subgroup", "sample", "group", "子组", "样本")
        pick(self.ui.countCombo, "count", "defect", "nonconform", "不合格", "缺陷")
        pick(self.ui.sizeCombo, "size", "inspected", "n", "样本量", fallback=0)
        pick(self.ui.phaseCombo, "trial", "phase", "阶段", fallback=0)
        for widget in blockers:
            widget.blockSignals(False)
        if "part" in lowered and any(w in " ".join(lowered) for w in ("operator", "appraiser")):
            layout = "gage"
        elif len([i for i in numeric if not _LABEL_COLUMN.search(header[i])]) > 1 or (
            len(header) == 1  # one column of individuals: one value per subgroup
        ):
            layout = "wide"
        else:
            layout = "long"
        self.ui.layoutCombo.setCurrentIndex(LAYOUTS.index(layout))
        self.on_layout_changed()

    def reading_text(self, table: Table) -> str:
        """How the text was read: separator and decimal mark (empty for a workbook)."""
        if table.separator is None:
            return ""
        separators = {
            ",": self.tr("comma"),
            ";": self.tr("semicolon"),
            "\t": self.tr("tab"),
            "": self.tr("none (one column)"),
        }
        mark = self.tr("decimal comma") if table.decimal_comma else self.tr("decimal point")
        return " · " + self.tr("separator: %1, %2").replace(
            "%1", separators[table.separator]
        ).replace("%2", mark)

    def _combos(self) -> list[Any]:
        ui = self.ui
        return [
            ui.valueCombo,
            ui.subgroupCombo,
            ui.countCombo,
            ui.sizeCombo,
            ui.partCombo,
            ui.operatorCombo,
            ui.phaseCombo,
        ]

    def _numeric_column(self, col: int) -> bool:
        assert self.table is not None
        sample = range(min(len(self.table.rows), 20))
        good = 0
        for r in sample:
            try:
                self.table.number(r, col)
                good += 1
            except UserError:
                pass
        return good >= max(1, len(sample) // 2)

    # --- layout and preview ----------------------------------------------------------------
    def layout_key(self) -> str:
        return str(self.ui.layoutCombo.currentData())

    def on_layout_changed(self) -> None:
        layout = self.layout_key()
        visible = {
            "columnsList": layout == "wide",
            "valueCombo": layout in ("long", "gage"),
            "subgroupCombo": layout == "long",
            "countCombo": layout == "attributes",
            "sizeCombo": layout == "attributes",
            "partCombo": layout == "gage",
            "operatorCombo": layout == "gage",
            "phaseCombo": layout != "gage",
        }
        for name, shown in visible.items():
            self.ui.optionsForm.setRowVisible(getattr(self.ui, name), shown)
        self.refresh_preview()

    def chosen_columns(self) -> list[int]:
        return [
            i
            for i in range(self.ui.columnsList.count())
            if self.ui.columnsList.item(i).checkState() == Qt.CheckState.Checked
        ]

    def refresh_preview(self) -> None:
        """Read the table as the chosen layout says: rows to import, summary and problems."""
        self.rows, self.problems = [], []
        if self.table is None:
            self.preview.set_content([], [], set())
            self.ui.summaryLabel.setText(self.tr("Open a file or paste data copied from Excel."))
            self.ui.problemsLabel.setText("")
            self.ok_button.setEnabled(False)
            return
        table = self.table
        layout = self.layout_key()
        ui = self.ui
        if layout == "wide":
            columns = self.chosen_columns()
        elif layout == "long":
            columns = [ui.subgroupCombo.currentData(), ui.valueCombo.currentData()]
        elif layout == "attributes":
            columns = [ui.countCombo.currentData()]
            if ui.sizeCombo.currentData() is not None:
                columns.append(ui.sizeCombo.currentData())
        else:
            columns = [
                ui.partCombo.currentData(),
                ui.operatorCombo.currentData(),
                ui.valueCombo.currentData(),
            ]
        columns = [c for c in columns if c is not None]
        label_columns = (
            {ui.subgroupCombo.currentData()} - {ui.valueCombo.currentData()}
            if layout == "long"
            else set()
        )
        if layout == "gage":
            label_columns = {ui.partCombo.currentData(), ui.operatorCombo.currentData()}
        numbers, problems = read_numbers(table, columns, label_columns)
        bad = {cell for cell, number in numbers.items() if number is None}
        self.problems.extend(user_message(problem) for problem in problems)
        self._build_rows(layout, columns, numbers)
        shown_rows = [
            [self._cell_text(r, c) for c in columns]
            for r in range(min(len(table.rows), PREVIEW_ROWS))
        ]
        bad_shown = {(r, columns.index(c)) for r, c in bad if r < PREVIEW_ROWS}
        self.preview.set_content([table.header[c] for c in columns], shown_rows, bad_shown)
        self.ui.previewView.resizeColumnsToContents()
        self._show_summary(layout)

    def _cell_text(self, r: int, c: int) -> str:
        assert self.table is not None
        return cell_text(self.table, r, c)

    def _build_rows(
        self, layout: str, columns: list[int], numbers: dict[tuple[int, int], float | None]
    ) -> None:
        assert self.table is not None
        built = build_rows(self.table, layout, columns, numbers)
        self.rows, self.subgroup_size = built.rows, built.subgroup_size
        if built.odd:
            self.problems.append(
                self.tr(
                    "subgroups %1 do not have %2 values; X̄-R and X̄-S give them their own limits"
                )
                .replace("%1", ", ".join(built.odd[:8]))
                .replace("%2", str(self.subgroup_size))
            )
        self.phase1 = None
        phase_col = self.ui.phaseCombo.currentData()
        if phase_col is None or layout == "gage":
            return
        self.phase1, odd_cells = phase1_range(self.table, int(phase_col), built.first_row)
        for problem in odd_cells:
            if problem.startswith("gap:"):
                self.problems.append(
                    self.tr("phase I subgroups are not one run; phase I is %1").replace(
                        "%1", problem[4:]
                    )
                )
            else:
                self.problems.append(
                    self.tr("phase column, %1 is neither phase I (TRUE, 1, yes) nor II").replace(
                        "%1", problem
                    )
                )

    def _show_summary(self, layout: str) -> None:
        subgroups = len({row["subgroup"] for row in self.rows})
        if layout == "gage":
            parts = len({row["part"] for row in self.rows})
            operators = len({row["operator"] for row in self.rows})
            text = (
                self.tr("%1 measurements: %2 parts × %3 operators")
                .replace("%1", str(len(self.rows)))
                .replace("%2", str(parts))
                .replace("%3", str(operators))
            )
        else:
            text = (
                self.tr("%1 subgroups of size %2 (%3 values)")
                .replace("%1", str(subgroups))
                .replace("%2", str(self.subgroup_size))
                .replace("%3", str(len(self.rows)))
            )
        if self.phase1 is not None and layout != "gage":
            text += " · " + self.tr("phase I: subgroups %1–%2").replace(
                "%1", str(self.phase1[0])
            ).replace("%2", str(self.phase1[1]))
        self.ui.summaryLabel.setText(text)
        shown = self.problems[:MAX_PROBLEMS]
        more = len(self.problems) - len(shown)
        lines = [*shown, *([self.tr("… and %1 more").replace("%1", str(more))] if more else [])]
        if lines:
            lines.append(
                self.tr(
                    "Cells that are not numbers are imported blank: the analysis asks whether to "
                    "go on without them, or fix them in the data grid."
                )
            )
        self.ui.problemsLabel.setText("\n".join(lines))
        self.ok_button.setEnabled(bool(self.rows))

    # --- import ----------------------------------------------------------------------------
    def accept(self) -> None:
        try:
            self.dataset_id = self.save()
        except UserError as error:
            show_error(error, self)
            return
        super().accept()

    def save(self) -> str:
        """Store the dataset and its values; returns the new dataset's id."""
        if not self.rows:
            raise UserError(text("datasets.nothing_to_import"))
        name = self.ui.nameEdit.text().strip() or self.tr("Imported data")
        kind = layout_kind(self.layout_key())
        lsl = _optional_number(self.ui.lslEdit.text(), "LSL")
        usl = _optional_number(self.ui.uslEdit.text(), "USL")
        target = _optional_number(self.ui.targetEdit.text(), self.tr("Target"))
        dataset = self._services.datasets.create(
            self._organization_id,
            name,
            kind=kind,
            subgroup_size=self.subgroup_size,
            characteristic=self.ui.characteristicEdit.text(),
            unit=self.ui.unitEdit.text(),
            lsl=lsl,
            usl=usl,
            target=target,
            rows=self.rows,
            source=self.parent() or self,
        )
        if self.phase1 is not None and kind != "gage-study":
            dataset_settings.update(dataset.id, phase1=list(self.phase1))
        return str(dataset.id)
