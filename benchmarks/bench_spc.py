"""Benchmark of the SPC engine: prints figures, asserts nothing.

Run from the repository root:

    python benchmarks/bench_spc.py

Measures (best of several runs, wall clock):

* I-MR limits + all 8 Nelson tests on 1,000,000 individuals;
* X-bar-R limits + all 8 Nelson tests on 200,000 subgroups of 5;
* peak memory of the I-MR run in a fresh subprocess (tracemalloc peak and max RSS);
* the same two workloads with other SPC packages from PyPI, when installed (pccpy,
  capstat-core), and the speed ratio. They are optional: a missing package is skipped.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from qclinic.core.spc import imr_chart, make_rules, xbar_chart
from qclinic.core.spc.constants import constants

N_POINTS = 1_000_000
N_SUBGROUPS = 200_000


def best_of(func: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


MEMORY_SCRIPT = f"""
import resource, sys, tracemalloc
import numpy as np
sys.path.insert(0, {str(Path(__file__).resolve().parent.parent)!r})
from qclinic.core.spc import imr_chart
from qclinic.core.spc.constants import constants
constants(2)
x = np.random.default_rng(1).normal(size={N_POINTS})
trace = sys.argv[1] == "trace"
if trace:
    tracemalloc.start()
analysis = imr_chart(x)
if trace:
    print(tracemalloc.get_traced_memory()[1] / 1e6)
else:
    # VmHWM is this process's own peak RSS; ru_maxrss can carry the parent's peak across exec.
    try:
        status = open("/proc/self/status").read().split("VmHWM:")[1].split()[0]
        print(int(status) / 1e3)
    except (OSError, IndexError):
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3)
"""


def main() -> None:
    rng = np.random.default_rng(2024)
    x = rng.normal(10.0, 1.0, size=N_POINTS)
    groups = rng.normal(10.0, 1.0, size=(N_SUBGROUPS, 5))
    nelson = make_rules("nelson")
    constants(5)  # warm the constant cache (computed once per process)
    imr_time = best_of(lambda: imr_chart(x, rules=nelson))
    xbar_time = best_of(lambda: xbar_chart(groups, rules=nelson))
    analysis = imr_chart(x, rules=nelson)
    hits = sum(h.indices.size for h in analysis.charts[0].hits)
    print("SPC engine (qclinic)")
    print(f"  I-MR + 8 Nelson tests, {N_POINTS:,} points:      {imr_time * 1e3:8.1f} ms"
          f"  ({hits} rule hits)")  # fmt: skip
    print(f"  X-bar-R + 8 Nelson tests, {N_SUBGROUPS:,} x 5:   {xbar_time * 1e3:8.1f} ms")
    to_dict_time = best_of(lambda: analysis.to_dict(), repeat=2)
    print(f"  (JSON-ready dict of the I-MR result, not part of the target: "
          f"{to_dict_time * 1e3:.0f} ms)")  # fmt: skip
    figures = []
    for mode in ("trace", "rss"):  # separately: tracemalloc's own bookkeeping inflates RSS
        out = subprocess.run(
            [sys.executable, "-c", MEMORY_SCRIPT, mode], capture_output=True, text=True
        )
        if out.returncode != 0:
            print("  memory measurement failed:", out.stderr.strip().splitlines()[-1:])
            return
        figures.append(float(out.stdout))
    print(f"  peak memory, I-MR on {N_POINTS:,} points: tracemalloc peak {figures[0]:.0f} MB; "
          f"max RSS of the whole process (interpreter, numpy, scipy included) "
          f"{figures[1]:.0f} MB")  # fmt: skip

    print("Other packages (same data, same run)")
    try:
        import pccpy

        def pcc_imr() -> object:
            return pccpy.imr_chart(x, tests=(1, 2, 3, 4, 5, 6, 7, 8))

        def pcc_xbar() -> object:
            return pccpy.xbar_r_chart(groups, tests=(1, 2, 3, 4, 5, 6, 7, 8))

        t1, t2 = best_of(pcc_imr, 2), best_of(pcc_xbar, 2)
        print(f"  pccpy {getattr(pccpy, '__version__', '?')}: I-MR {t1 * 1e3:.0f} ms "
              f"(x{t1 / imr_time:.1f} ours), X-bar-R {t2 * 1e3:.0f} ms "
              f"(x{t2 / xbar_time:.1f} ours)")  # fmt: skip
    except ImportError:
        print("  pccpy not installed (pip install pccpy): skipped")
    except Exception as error:  # a foreign package failing is a figure too
        print(f"  pccpy failed: {type(error).__name__}: {error}")
    try:
        import capstat_core

        def cap_imr() -> object:
            pair = capstat_core.i_mr_chart(x)
            return capstat_core.nelson_rules(pair.location)

        def cap_xbar() -> object:
            pair = capstat_core.xbar_r_chart(groups)
            return capstat_core.nelson_rules(pair.location)

        t1, t2 = best_of(cap_imr, 2), best_of(cap_xbar, 2)
        print(f"  capstat-core: I-MR {t1 * 1e3:.0f} ms (x{t1 / imr_time:.1f} ours), "
              f"X-bar-R {t2 * 1e3:.0f} ms (x{t2 / xbar_time:.1f} ours)")  # fmt: skip
    except ImportError:
        print("  capstat-core not installed (pip install capstat-core): skipped")
    except Exception as error:
        print(f"  capstat-core failed: {type(error).__name__}: {error}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    print(
        f"python {sys.version.split()[0]}, numpy {np.__version__}, "
        f"max RSS of this benchmark process {rss:.0f} MB"
    )


if __name__ == "__main__":
    main()
