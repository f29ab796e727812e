"""The rows the import dialog stores, built from the parsed table (no Qt here).

:func:`build_rows` turns the chosen layout and columns into ``datasets.add_values`` rows;
:func:`phase1_range` reads a phase column (qcc's ``trial``: TRUE for the subgroups that set the
limits) into the 1-based phase I range the workspace uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from qclinic.core.spc.tabular import Table

PHASE1_WORDS = {"true", "1", "yes", "y", "i", "1.0", "phase i", "phase 1", "是", "第一阶段", "一"}
PHASE2_WORDS = {"false", "0", "no", "n", "ii", "0.0", "phase ii", "phase 2", "否", "第二阶段", "二"}


@dataclass
class BuiltRows:
    rows: list[dict[str, Any]] = field(default_factory=list)
    subgroup_size: int = 1
    odd: list[str] = field(default_factory=list)  # long layout: subgroups of another size
    first_row: dict[int, int] = field(default_factory=dict)  # subgroup -> its first table row


def cell_text(table: Table, r: int, c: int) -> str:
    values = table.rows[r]
    cell = values[c] if c < len(values) else None
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return "" if cell is None else str(cell)


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
