"""The dashboard's outcome totals over a synthetic province: the one grouped query.

Builds ``qclinic demo --chains N --organizations M --seed 1`` in a temporary data folder (a fresh
process), adds eight quarters of outcome figures for every chain company and a few referrals
(:mod:`qclinic.services.demo.province_outcomes`), then times, in this process (medians of *runs*,
milliseconds; CPU time beside wall time, the machine being shared):

- totals: ``services.outcomes.portfolio_totals`` for every chain of the province over "this
  year", what the dashboard's worker adds to the figures' computation;
- per company: the same totals the chain report's way (``services.outcomes.totals`` over each
  chain's companies, every figure row read into Python), for comparison;
- click-through: ``services.outcomes.portfolio_companies`` for the pass rate of all chains.

Run: python benchmarks/bench_outcome_totals.py [chains] [organizations] [runs]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build(folder: str, chains: int, organizations: int) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    subprocess.run(
        [sys.executable, "-m", "qclinic", "--data-dir", folder, "demo", "--chains", str(chains),
         "--organizations", str(organizations), "--seed", "1"],
        env=env, check=True, capture_output=True,
    )  # fmt: skip


def timed(runs: int, call: Callable[[], object]) -> tuple[float, float]:
    """Median wall and CPU milliseconds of *runs* calls."""
    wall, cpu = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        call()
        wall.append(1000 * (time.perf_counter() - w))
        cpu.append(1000 * (time.process_time() - c))
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    chains = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    organizations = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as folder:
        build(folder, chains, organizations)
        from qclinic.core.vocabulary import OutcomeKind
        from qclinic.services import Services
        from qclinic.services.demo.province_outcomes import ProvinceOutcomesService
        from qclinic.storage.startup import open_database

        database = open_database(Path(folder) / "qclinic.sqlite")
        services = Services(database)
        counts = ProvinceOutcomesService(database, services.bus).build(seed=1)
        today = date.today()
        start = date(today.year, 1, 1)
        print(f"province: {chains} chains, {organizations} companies; added {counts}")
        found = services.outcomes.portfolio_totals(None, (), start, today)
        chain_ids = [c for c in found if c is not None]
        print(f"totals for {len(chain_ids)} chains and all of them together")
        for label, call in (
            ("totals (one grouped query)", lambda: services.outcomes.portfolio_totals(
                None, (), start, today)),
            ("per company (chain report's way)", lambda: services.outcomes.chain_totals(
                chain_ids, start, today)),
            ("click-through (pass rate, all chains)", lambda: services.outcomes.portfolio_companies(
                OutcomeKind.PASS_RATE, start=start, end=today)),
        ):  # fmt: skip
            wall, cpu = timed(runs, call)
            print(f"{label:40s} wall {wall:8.1f} ms   cpu {cpu:8.1f} ms")
        database.dispose()


if __name__ == "__main__":
    main()
