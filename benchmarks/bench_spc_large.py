"""A million measured values through the whole SPC path: import, analysis, chart.

What a user does with a big file, timed step by step on a real database file (offscreen Qt
for the chart):

1. **import** — the CSV text parsed and reshaped (:mod:`qclinic.core.spc.reshape`) and stored
   in one transaction through ``services.datasets.create``;
2. **analysis** — ``services.analyses.run``: the values read back and arranged, the X̄-R chart
   with all Nelson tests and capability, the JSON-ready result;
3. **chart** — the workspace's interactive canvas drawing it (what the UI thread does; the
   first two run on a worker thread in the app).

Prints figures, asserts nothing. Usage::

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_spc_large.py [--values 1000000] [--size 5]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--values", type=int, default=1_000_000)
    parser.add_argument("--size", type=int, default=5, help="subgroup size (wide layout)")
    args = parser.parse_args()
    subgroups = args.values // args.size

    from qclinic import paths
    from qclinic.core.spc.analysis import ChartSettings
    from qclinic.core.spc.reshape import build_rows, read_numbers
    from qclinic.core.spc.tabular import parse_text
    from qclinic.services import Services
    from qclinic.storage.repositories.organizations import create_organization
    from qclinic.storage.startup import open_database

    rng = np.random.default_rng(11)
    matrix = rng.normal(74.0, 0.01, (subgroups, args.size)).round(4)
    header = ",".join(f"x{j + 1}" for j in range(args.size))
    csv_text = header + "\n" + "\n".join(",".join(map(str, row)) for row in matrix.tolist())

    with tempfile.TemporaryDirectory() as folder:
        paths.set_data_dir(folder)
        database = open_database(Path(folder) / "bench.sqlite")
        services = Services(database)
        with database.session() as session:
            organization = create_organization(session, "基准测试有限公司").id

        t0 = time.perf_counter()
        table = parse_text(csv_text, "bench.csv")
        columns = list(range(args.size))
        numbers, problems = read_numbers(table, columns)
        built = build_rows(table, "wide", columns, numbers)
        t1 = time.perf_counter()
        dataset = services.datasets.create(
            organization, "1 M", subgroup_size=built.subgroup_size, rows=built.rows
        )
        t2 = time.perf_counter()
        settings = ChartSettings(chart="xbar-r", lsl=73.95, usl=74.05)
        loaded, result = services.analyses.run(dataset.id, settings)
        t3 = time.perf_counter()
        shown = result.to_dict()
        t4 = time.perf_counter()

        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication([])
        from qclinic.ui.spc.chart_canvas import ChartCanvas

        canvas = ChartCanvas("zh")
        canvas.resize(1200, 700)
        t5 = time.perf_counter()
        canvas.show_result(shown)
        app.processEvents()
        t6 = time.perf_counter()
        database.dispose()
        paths.set_data_dir(None)

    signals = sum(len(chart["violations"]) for chart in shown["charts"])
    print(f"{args.values:,} values = {subgroups:,} subgroups of {args.size}; {signals} signals")
    print(f"  import    {t2 - t0:6.2f} s  (parse + reshape {t1 - t0:.2f} s, store {t2 - t1:.2f} s)")
    print(f"  analysis  {t4 - t2:6.2f} s  (read + arrange + chart + capability {t3 - t2:.2f} s,")
    print(f"                       JSON-ready result {t4 - t3:.2f} s)")
    print(f"  chart     {t6 - t5:6.2f} s  (the canvas draws {loaded.data.points:,} points)")
    print(f"  problems in the file: {len(problems)}")


if __name__ == "__main__":
    main()
