"""The one place a table of SPC/MSA data is reshaped on its way to a chart (no Qt, no SQL).

Three paths meet here:

* the import dialog turns a parsed :class:`~qclinic.core.spc.tabular.Table` into value rows to
  store (:func:`read_numbers`, :func:`build_rows`, :func:`phase1_range`);
* a stored dataset's value rows become the engine's arrays (:func:`arrange`, vectorised: a
  million values take well under a second);
* the command line reads a table straight into the same arrays (:func:`table_variables`,
  :func:`table_attributes`).

Each gives a :class:`SpcData`, which :func:`qclinic.core.spc.analysis.analyze` charts.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from qclinic.core.spc.tabular import (
    MissingCell,
    Table,
    attribute_columns,
    long_subgroups,
    number_column,
    wide_subgroups,
)
from qclinic.core.spc.validation import FloatArray
from qclinic.errors import UserError

PHASE1_WORDS = {"true", "1", "yes", "y", "i", "1.0", "phase i", "phase 1", "是", "第一阶段", "一"}
PHASE2_WORDS = {"false", "0", "no", "n", "ii", "0.0", "phase ii", "phase 2", "否", "第二阶段", "二"}
LAYOUTS = ("wide", "long", "attributes", "gage")
KINDS = ("variables", "attributes", "gage-study")


# --- table -> rows to store (the import dialog) ---------------------------------------------
@dataclass
class BuiltRows:
    rows: list[dict[str, Any]] = field(default_factory=list)
    subgroup_size: int = 1
    odd: list[str] = field(default_factory=list)  # long layout: subgroups of another size
    first_row: dict[int, int] = field(default_factory=dict)  # subgroup -> its first table row


def layout_kind(layout: str) -> str:
    """The dataset kind an import layout stores."""
    return {"attributes": "attributes", "gage": "gage-study"}.get(layout, "variables")


def cell_text(table: Table, r: int, c: int) -> str:
    values = table.rows[r]
    cell = values[c] if c < len(values) else None
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return "" if cell is None else str(cell)


def read_numbers(
    table: Table, columns: Sequence[int], labels: set[int] | frozenset[int] = frozenset()
) -> tuple[dict[tuple[int, int], float | None], list[UserError]]:
    """The numbers of *columns* (but not of the label columns *labels*), cell by cell.

    Returns:
        ``(numbers, problems)``: ``None`` for a cell that is blank or not a number, and the
        table's message for each such cell, in reading order.
    """
    numbers: dict[tuple[int, int], float | None] = {}
    problems: list[UserError] = []
    for r in range(len(table.rows)):
        for c in columns:
            if c in labels:
                continue
            try:
                numbers[(r, c)] = table.number(r, c)
            except UserError as error:
                numbers[(r, c)] = None
                problems.append(error)
    return numbers, problems


def build_rows(
    table: Table, layout: str, columns: list[int], numbers: dict[tuple[int, int], float | None]
) -> BuiltRows:
    """The value rows of *layout* from *columns* (the numbers already read, ``None`` = bad)."""
    out = BuiltRows()
    count = len(table.rows)
    if layout == "wide":
        out.subgroup_size = len(columns)
        out.rows = [
            {"subgroup": r + 1, "position": j + 1, "value": numbers[(r, c)]}
            for r in range(count)
            for j, c in enumerate(columns)
        ]
        out.first_row = {r + 1: r for r in range(count)}
    elif layout == "long" and len(columns) == 2:
        sub_col, value_col = columns
        order: dict[str, int] = {}
        positions: dict[str, int] = {}
        for r in range(count):
            label = cell_text(table, r, sub_col).strip() or f"row {table.row_numbers[r]}"
            subgroup = order.setdefault(label, len(order) + 1)
            out.first_row.setdefault(subgroup, r)
            positions[label] = positions.get(label, 0) + 1
            out.rows.append(
                {
                    "subgroup": subgroup,
                    "position": positions[label],
                    "value": numbers[(r, value_col)],
                }
            )
        sizes = list(positions.values())
        out.subgroup_size = max(set(sizes), key=sizes.count) if sizes else 1
        out.odd = [label for label, size in positions.items() if size != out.subgroup_size]
    elif layout == "attributes" and columns:
        size_col = columns[1] if len(columns) > 1 else None
        out.rows = [
            {
                "subgroup": r + 1,
                "count": numbers[(r, columns[0])],
                "sample_size": 1.0 if size_col is None else numbers[(r, size_col)],
            }
            for r in range(count)
        ]
        out.first_row = {r + 1: r for r in range(count)}
    elif layout == "gage" and len(columns) == 3:
        part_col, operator_col, value_col = columns
        trials: dict[tuple[str, str], int] = {}
        for r in range(count):
            key = (cell_text(table, r, part_col).strip(), cell_text(table, r, operator_col).strip())
            trials[key] = trials.get(key, 0) + 1
            out.rows.append(
                {
                    "subgroup": r + 1,
                    "part": key[0],
                    "operator": key[1],
                    "trial": trials[key],
                    "value": numbers[(r, value_col)],
                }
            )
    return out


def phase1_range(
    table: Table, phase_col: int, first_row: dict[int, int]
) -> tuple[tuple[int, int] | None, list[str]]:
    """The phase I subgroups ``(first, last)`` marked in *phase_col*, and what is wrong with the
    column: cells that are neither phase I nor II, or phase I subgroups that are not one run
    (the range then spans them)."""
    problems: list[str] = []
    marked: list[int] = []
    for subgroup, r in sorted(first_row.items()):
        text = cell_text(table, r, phase_col).strip().lower()
        if text in PHASE1_WORDS:
            marked.append(subgroup)
        elif text not in PHASE2_WORDS:
            problems.append(f"row {table.row_numbers[r]}: {text!r}")
    if len(marked) < 2:
        return None, problems
    first, last = marked[0], marked[-1]
    if last - first + 1 != len(marked):
        problems.append(f"gap:{first}-{last}")
    return (first, last), problems


# --- rows -> the engine's arrays ------------------------------------------------------------
@dataclass(frozen=True)
class MissingValue:
    """A blank value of a stored dataset, left out of the analysis."""

    subgroup: int
    position: int

    def to_dict(self) -> dict[str, Any]:
        return {"subgroup": self.subgroup, "position": self.position}


@dataclass(frozen=True)
class SpcData:
    """Data arranged for the engine. Index ``i`` of every array is the point (subgroup)
    ``subgroups[i]``; ``excluded`` maps point indices to reasons; ``missing`` lists the values
    left out (stored: :class:`MissingValue`; read from a file: ``MissingCell``)."""

    kind: str
    subgroups: tuple[int, ...] = ()
    matrix: FloatArray | None = None
    counts: FloatArray | None = None
    sizes: FloatArray | None = None
    #: attribute data read with one sample size for every subgroup (``sizes`` is then None)
    constant_size: float | None = None
    parts: tuple[str, ...] = ()
    operators: tuple[str, ...] = ()
    values: FloatArray | None = None
    excluded: Mapping[int, str] = field(default_factory=dict)
    skipped: int = 0
    missing: tuple[MissingValue | MissingCell, ...] = ()

    @property
    def points(self) -> int:
        return len(self.subgroups)

    @property
    def value_count(self) -> int:
        """How many values the arrays hold (the size of the job, for progress and tests)."""
        for array in (self.matrix, self.counts, self.values):
            if array is not None:
                return int(np.count_nonzero(np.isfinite(array)))
        return 0

    def with_excluded(self, index: int, reason: str | None) -> SpcData:
        """A copy with point *index* excluded for *reason* (``None``: included again)."""
        excluded = dict(self.excluded)
        if reason is None:
            excluded.pop(index, None)
        else:
            excluded[index] = reason
        return replace(self, excluded=excluded)


#: the value columns :func:`arrange` reads (as ``datasets.value_columns`` gives them)
Columns = Mapping[str, Sequence[Any]]


def _floats(values: Sequence[Any]) -> FloatArray:
    """A column as floats, ``None`` as NaN."""
    return np.array([math.nan if v is None else v for v in values], dtype=np.float64)


def arrange(kind: str, columns: Columns) -> SpcData:
    """Arrange a stored dataset's value columns (``subgroup``, ``position``, ``value``,
    ``count``, ``sample_size``, ``part``, ``operator``, ``excluded``, ``exclude_reason``, one
    entry per value) by subgroup.

    For variables a blank value is missing: its subgroup keeps the values it has (NaN pads the
    matrix; the X̄ charts give each subgroup its own limits) and is listed in ``missing``; a
    subgroup with no value at all is skipped and counted.
    """
    if kind == "gage-study":
        good = [
            i
            for i, (value, part, operator) in enumerate(
                zip(columns["value"], columns["part"], columns["operator"], strict=True)
            )
            if value is not None and part and operator
        ]
        return SpcData(
            kind=kind,
            parts=tuple(str(columns["part"][i]) for i in good),
            operators=tuple(str(columns["operator"][i]) for i in good),
            values=np.array([columns["value"][i] for i in good], dtype=np.float64),
            skipped=len(columns["value"]) - len(good),
        )
    if kind == "attributes":
        firsts: dict[int, int] = {}
        for i, subgroup in enumerate(columns["subgroup"]):
            firsts.setdefault(int(subgroup), i)
        keep = [(s, i) for s, i in firsts.items() if columns["count"][i] is not None]
        sizes = columns["sample_size"]
        return SpcData(
            kind=kind,
            subgroups=tuple(s for s, _ in keep),
            counts=np.array([columns["count"][i] for _, i in keep], dtype=np.float64),
            sizes=np.array(
                [1.0 if sizes[i] is None else sizes[i] for _, i in keep], dtype=np.float64
            ),
            excluded={
                n: columns["exclude_reason"][i] or "excluded"
                for n, (_, i) in enumerate(keep)
                if columns["excluded"][i]
            },
            skipped=len(firsts) - len(keep),
        )
    return _arrange_variables(kind, columns)


def _arrange_variables(kind: str, columns: Columns) -> SpcData:
    count = len(columns["subgroup"])
    if not count:
        return SpcData(kind=kind, matrix=np.full((0, 1), np.nan))
    subgroup = np.array(columns["subgroup"], dtype=np.int64)
    position = np.array(columns["position"], dtype=np.int64)
    value = _floats(columns["value"])
    excluded = np.array(columns["excluded"], dtype=bool)
    order = np.lexsort((position, subgroup))  # stable: the stored order within a position
    subgroup, position, value, excluded = (
        subgroup[order],
        position[order],
        value[order],
        excluded[order],
    )
    labels, starts, lengths = np.unique(subgroup, return_index=True, return_counts=True)
    group = np.repeat(np.arange(labels.size), lengths)
    valid = ~np.isnan(value)
    filled = np.add.reduceat(valid.astype(np.int64), starts)
    before = np.cumsum(valid) - valid  # valid values before each row
    column = before - before[starts][group]  # the row's place among its group's values
    keep = filled > 0
    width = int(lengths[keep].max()) if keep.any() else 1
    matrix = np.full((labels.size, width), np.nan)
    matrix[group[valid], column[valid]] = value[valid]
    index_of = np.cumsum(keep) - 1  # group -> its point index among the kept groups
    reasons: dict[int, str] = {}
    for i in np.flatnonzero(excluded):
        g = int(group[i])
        if keep[g] and int(index_of[g]) not in reasons:
            reasons[int(index_of[g])] = columns["exclude_reason"][int(order[i])] or "excluded"
    missing = tuple(
        MissingValue(int(subgroup[i]), int(position[i])) for i in np.flatnonzero(~valid)
    )
    return SpcData(
        kind=kind,
        subgroups=tuple(int(s) for s in labels[keep]),
        matrix=matrix[keep],
        excluded=reasons,
        skipped=int(labels.size - np.count_nonzero(keep)),
        missing=missing,
    )


# --- a table read straight to the arrays (the command line) ---------------------------------
def table_variables(
    table: Table,
    *,
    columns: Sequence[str] = (),
    value_col: str | None = None,
    subgroup_col: str | None = None,
    variable: bool = False,
    missing: list[MissingCell] | None = None,
) -> SpcData:
    """Variables data from a table: wide (*columns*), long (*value_col* and *subgroup_col*) or
    individuals (*value_col* alone: a missing value is no point). With a *missing* list, blank
    or non-numeric cells are left out and recorded there instead of stopping."""
    if columns:
        matrix = wide_subgroups(table, list(columns), missing)
    elif value_col and subgroup_col:
        matrix = long_subgroups(table, value_col, subgroup_col, missing, variable=variable)[0]
    elif value_col:
        values = number_column(table, value_col, missing)
        matrix = values[~np.isnan(values)][:, None]
    else:
        raise ValueError("name the value columns")
    return SpcData(
        kind="variables",
        subgroups=tuple(range(1, matrix.shape[0] + 1)),
        matrix=matrix,
        missing=tuple(missing or ()),
    )


def table_attributes(
    table: Table, count_col: str, size_col: str | None = None, size: float | None = None
) -> SpcData:
    """Attribute data (counts, and sample sizes from a column or one constant *size*)."""
    counts, sizes = attribute_columns(table, count_col, size_col)
    return SpcData(
        kind="attributes",
        subgroups=tuple(range(1, counts.size + 1)),
        counts=counts,
        sizes=sizes,
        constant_size=None if sizes is not None else (1.0 if size is None else float(size)),
    )
