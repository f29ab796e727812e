"""Tabular input for SPC and MSA: CSV (comma, semicolon or tab), text pasted from Excel, XLSX.

The first row is the header. Rows are numbered as a spreadsheet shows them (the header is
row 1, the first data row is row 2), columns by their header name; every cell problem is
reported as ``row R, column C``. Entirely blank rows are skipped; a row with more filled cells
than the header has columns is an error (never silently cut).

Separator and decimal mark are decided from the whole text, never guessed cell by cell: tab or
semicolon separators take a decimal comma (``1,25``), as Excel writes them in German, French or
Russian settings. Where a comma could be either the separator or the decimal mark - a single
column of ``74,000`` - the header decides: a header of one name means one column of decimal
commas. When nothing decides (a header that is itself ``74,000``) :class:`AmbiguousDecimalComma`
asks the caller to choose with ``decimal="comma"`` or ``"point"``. Thousands separators are
never guessed: ``1.234,5`` or ``1,234.5`` is not a number.

Layouts:

* wide - one row per subgroup, the chosen columns hold its values (:func:`wide_subgroups`);
* long - one value per row plus a subgroup column (:func:`long_subgroups`), subgroups in order
  of first appearance;
* attributes - a count column and an optional size column (:func:`attribute_columns`).
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from qclinic.core.catalogue import text as say
from qclinic.core.spc.validation import FloatArray
from qclinic.core.text import Text
from qclinic.errors import UserError

_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
DECIMAL_MARKS = ("point", "comma")
SEPARATOR_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "": "none (one column)"}


class AmbiguousDecimalComma(UserError):
    """A comma that could be the separator or the decimal mark: the caller must choose."""


@dataclass
class Table:
    """A header and data rows of raw cells, with each row's spreadsheet number."""

    header: list[str]
    rows: list[list[Any]]
    row_numbers: list[int]
    decimal_comma: bool = False
    source: str = "table"
    separator: str | None = None
    """The separator of text input (``,``, ``;``, tab, or ``""`` for one column); XLSX: None."""

    def column(self, spec: str | int) -> int:
        """0-based index of a column given by header name (case-insensitive) or 1-based number.

        Raises:
            UserError: no such column.
        """
        text = str(spec).strip()
        names = [h.strip().lower() for h in self.header]
        if text.lower() in names:
            return names.index(text.lower())
        if text.isdigit() and 1 <= int(text) <= len(self.header):
            return int(text) - 1
        raise UserError(
            say("spc.no_column", source=self.source, column=text, columns=", ".join(self.header))
        )

    def _cell(self, row: int, col: int) -> Any:
        values = self.rows[row]
        return values[col] if col < len(values) else None

    def _where(self, row: int, col: int) -> Text:
        return say("spc.cell", row=self.row_numbers[row], column=self.header[col])

    def number(self, row: int, col: int) -> float:
        """The cell as a finite float.

        Raises:
            UserError: blank, text, NaN or infinite, naming the row and column.
        """
        cell = self._cell(row, col)
        where = self._where(row, col)
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            raise UserError(say("spc.cell_blank", source=self.source, where=where))
        if isinstance(cell, bool):
            raise UserError(say("spc.cell_not_number", source=self.source, where=where, cell=cell))
        if isinstance(cell, int | float):
            value = float(cell)
        else:
            text = str(cell).strip()
            if self.decimal_comma and _DECIMAL_COMMA.match(text):
                text = text.replace(",", ".")
            try:
                value = float(text)
            except ValueError:
                raise UserError(
                    say("spc.cell_not_number", source=self.source, where=where, cell=text)
                ) from None
        if not math.isfinite(value):
            raise UserError(say("spc.cell_not_finite", source=self.source, where=where, cell=cell))
        return value

    def numbers(self, spec: str | int) -> FloatArray:
        """A whole column as floats (see :meth:`number`)."""
        col = self.column(spec)
        return np.array([self.number(r, col) for r in range(len(self.rows))], dtype=np.float64)

    def labels(self, spec: str | int) -> list[str]:
        """A whole column as non-blank text labels (e.g. part, operator, subgroup)."""
        col = self.column(spec)
        out = []
        for r in range(len(self.rows)):
            cell = self._cell(r, col)
            if isinstance(cell, float) and cell.is_integer():
                cell = int(cell)
            text = "" if cell is None else str(cell).strip()
            if not text:
                raise UserError(
                    say("spc.cell_blank", source=self.source, where=self._where(r, col))
                )
            out.append(text)
        return out


def _from_rows(
    raw: list[list[Any]], source: str, decimal_comma: bool, *, ragged_check: bool = False
) -> Table:
    numbered = [
        (i + 1, row)
        for i, row in enumerate(raw)
        if any(c is not None and str(c).strip() for c in row)
    ]
    if not numbered:
        raise UserError(say("spc.table_empty", source=source))
    header_row = numbered[0][1]
    header = [("" if c is None else str(c).strip()) for c in header_row]
    while header and not header[-1]:
        header.pop()
    for i, name in enumerate(header):
        if not name:
            header[i] = f"column {i + 1}"
    if not numbered[1:]:
        raise UserError(say("spc.header_only", source=source))
    if ragged_check:
        for number, row in numbered[1:]:
            extra = [str(c).strip() for c in row[len(header) :] if c is not None and str(c).strip()]
            if extra:
                filled = len(header) + len(extra)
                raise UserError(
                    say(
                        "spc.row_too_long_one" if len(extra) == 1 else "spc.row_too_long_many",
                        source=source,
                        row=number,
                        filled=filled,
                        columns=say(
                            "spc.header_columns_one"
                            if len(header) == 1
                            else "spc.header_columns_many",
                            n=len(header),
                        ),
                        header=", ".join(header),
                        extra=", ".join(map(repr, extra)),
                    )
                )
    return Table(
        header=header,
        rows=[row for _, row in numbered[1:]],
        row_numbers=[n for n, _ in numbered[1:]],
        decimal_comma=decimal_comma,
        source=source,
    )


def _comma_is_decimal(lines: list[str], source: str, decimal: str | None) -> bool:
    """Whether the commas of comma-or-nothing separated *lines* are decimal marks.

    Raises:
        AmbiguousDecimalComma: both readings fit the whole text and *decimal* is not given.
    """
    if decimal is not None:
        return decimal == "comma"
    header, data = lines[0].strip(), [line.strip() for line in lines[1:]]
    if not any("," in line for line in data) or '"' in "".join(lines):
        return False  # nothing to decide, or quoted cells: plain CSV
    if "," not in header:  # one column name: its values' commas are decimal marks
        return all(line.count(",") <= 1 for line in data)
    numbers_only = all(_DECIMAL_COMMA.match(line) or _PLAIN_NUMBER.match(line) for line in data)
    if _DECIMAL_COMMA.match(header) and numbers_only:
        raise AmbiguousDecimalComma(say("spc.ambiguous_comma", source=source, header=header))
    return False  # a header of several names: the comma separates


def parse_text(text: str, source: str = "pasted data", decimal: str | None = None) -> Table:
    """Parse CSV or pasted text; the separator is tab, semicolon or comma, the decimal mark a
    point or a comma, both decided from the whole text (see the module's docstring).

    Args:
        text: the text, header first.
        source: the name messages give (file name or "pasted data").
        decimal: ``"comma"`` or ``"point"`` to settle the decimal mark; ``None`` decides from
            the text and raises :class:`AmbiguousDecimalComma` when it cannot.

    Raises:
        UserError: empty text, a row longer than the header, an unknown *decimal*.
        AmbiguousDecimalComma: see above.
    """
    if decimal is not None and decimal not in DECIMAL_MARKS:
        raise UserError(say("spc.unknown_decimal", decimal=decimal))
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise UserError(say("spc.no_data", source=source))
    lines = [line for line in text.splitlines() if line.strip()]
    first = lines[0]
    if "\t" in first:
        delimiter = "\t"
    elif first.count(";") > first.count(",") or (";" in first and decimal == "comma"):
        delimiter = ";"
    elif _comma_is_decimal(lines, source, decimal):
        delimiter = ""
    else:
        delimiter = ","
    if delimiter:
        rows = [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
    else:
        rows = [[line.strip()] for line in text.splitlines()]
    table = _from_rows(
        rows, source, decimal_comma=delimiter != "," and decimal != "point", ragged_check=True
    )
    table.separator = delimiter
    return table


def read_table(path: str | Path, sheet: str | None = None, decimal: str | None = None) -> Table:
    """Read a CSV/TXT file or the first (or named) sheet of an XLSX workbook.

    *decimal* (``"comma"``/``"point"``) settles the decimal mark of a text file (see
    :func:`parse_text`); workbooks hold numbers and ignore it.

    Raises:
        UserError: missing file, unreadable workbook, unknown sheet, undecodable text.
    """
    file = Path(path)
    if not file.is_file():
        raise UserError(say("spc.file_not_found", file=file))
    if file.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook  # lazy: only when a workbook is read

        try:
            workbook = load_workbook(file, read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many types for broken files
            raise UserError(say("spc.bad_workbook", file=file.name, error=error)) from None
        try:
            if sheet is not None and sheet not in workbook.sheetnames:
                raise UserError(say("spc.no_sheet", file=file.name, sheet=sheet))
            worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
            raw = [list(row) for row in worksheet.iter_rows(values_only=True)]
        finally:
            workbook.close()
        return _from_rows(raw, file.name, decimal_comma=False)
    data = file.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return parse_text(data.decode(encoding), file.name, decimal)
        except UnicodeDecodeError:
            continue
    raise UserError(say("spc.undecodable", file=file.name))


@dataclass
class MissingCell:
    """A cell left out of an analysis: blank or not a number (spreadsheet row, column header)."""

    row: int
    column: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "text": self.text}


def missing_text(missing: Sequence[MissingCell], limit: int = 5) -> Text:
    """One line in both languages: "3 cells were empty or not numbers: row 7 column x3 'n/a', ..."."""
    count = len(missing)
    named = [
        say("spc.missing_cell", row=m.row, column=m.column, text=m.text)
        if m.text
        else say("spc.missing_cell_empty", row=m.row, column=m.column)
        for m in missing[:limit]
    ]
    cells = Text("，".join(n.zh for n in named), ", ".join(n.en for n in named))
    more = say("spc.missing_more", n=count - limit) if count > limit else Text("", "")
    key = "spc.missing_one" if count == 1 else "spc.missing_many"
    return say(key, count=count, cells=cells, more=more)


def _number_or_missing(
    table: Table, row: int, col: int, missing: list[MissingCell] | None
) -> float:
    if missing is None:
        return table.number(row, col)
    try:
        return table.number(row, col)
    except UserError:
        cell = table._cell(row, col)
        text = "" if cell is None else str(cell).strip()
        missing.append(MissingCell(table.row_numbers[row], table.header[col], text))
        return math.nan


def wide_subgroups(
    table: Table, columns: Sequence[str | int], missing: list[MissingCell] | None = None
) -> FloatArray:
    """One row per subgroup from the chosen columns.

    Every cell must be a number, unless *missing* is a list: then a blank or non-numeric cell
    becomes NaN (the subgroup keeps the values it has) and is appended to *missing*.
    """
    if not columns:
        raise UserError(say("spc.choose_columns"))
    indices = [table.column(c) for c in columns]
    return np.array(
        [
            [_number_or_missing(table, r, c, missing) for c in indices]
            for r in range(len(table.rows))
        ],
        dtype=np.float64,
    )


def number_column(
    table: Table, spec: str | int, missing: list[MissingCell] | None = None
) -> FloatArray:
    """A column as floats; with a *missing* list, blank or non-numeric cells become NaN and are
    recorded (see :func:`wide_subgroups`)."""
    col = table.column(spec)
    return np.array(
        [_number_or_missing(table, r, col, missing) for r in range(len(table.rows))],
        dtype=np.float64,
    )


def long_subgroups(
    table: Table,
    value_col: str | int,
    subgroup_col: str | int,
    missing: list[MissingCell] | None = None,
    *,
    variable: bool = False,
) -> tuple[FloatArray, list[str]]:
    """Subgroups from a value column and a subgroup column.

    All subgroups must be equal-sized unless *variable*: then rows are padded with NaN (the
    charts give each subgroup its own limits). With a *missing* list a blank or non-numeric
    value is left out of its subgroup and recorded.

    Returns:
        ``(matrix, subgroup_labels)`` in order of first appearance.
    """
    values = number_column(table, value_col, missing)
    labels = table.labels(subgroup_col)
    groups: dict[str, list[float]] = {}
    for label, value in zip(labels, values.tolist(), strict=True):
        group = groups.setdefault(label, [])
        if not math.isnan(value):
            group.append(value)
    sizes = {label: len(v) for label, v in groups.items()}
    if variable or missing:
        empty = [label for label, size in sizes.items() if size == 0]
        if empty:
            raise UserError(say("spc.subgroup_no_number", source=table.source, subgroup=empty[0]))
        width = max(sizes.values())
        matrix = [v + [math.nan] * (width - len(v)) for v in groups.values()]
        return np.array(matrix, dtype=np.float64), list(groups)
    common = max(set(sizes.values()), key=list(sizes.values()).count)
    for label, size in sizes.items():
        if size != common:
            raise UserError(
                say(
                    "spc.subgroup_sizes_differ",
                    source=table.source,
                    subgroup=label,
                    size=size,
                    common=common,
                )
            )
    return np.array(list(groups.values()), dtype=np.float64), list(groups)


def attribute_columns(
    table: Table, count_col: str | int, size_col: str | int | None = None
) -> tuple[FloatArray, FloatArray | None]:
    """Counts (and sizes) for p, np, c and u charts; negative counts and sizes <= 0 are errors."""
    counts = table.numbers(count_col)
    col = table.column(count_col)
    for r, value in enumerate(counts.tolist()):
        if value < 0:
            raise UserError(
                say(
                    "spc.negative_count_cell",
                    source=table.source,
                    where=table._where(r, col),
                    value=value,
                )
            )
    if size_col is None:
        return counts, None
    sizes = table.numbers(size_col)
    col = table.column(size_col)
    for r, value in enumerate(sizes.tolist()):
        if value <= 0:
            raise UserError(
                say(
                    "spc.size_not_positive_cell",
                    source=table.source,
                    where=table._where(r, col),
                    value=value,
                )
            )
    return counts, sizes
