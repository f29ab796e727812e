"""The chain view's figures on a synthetic province: build time, then figures and filter switches.

    python benchmarks/bench_portfolio.py [--organizations 10000] [--chains 12] [--data DIR]

Builds the province with ``qclinic demo --chains N --organizations M`` in a subprocess (5
assessments and ~20 answers per company: 10,000 companies make 50,000 assessments and ~1,000,000
answers), unless ``--data DIR`` already holds one; then, in this process, times
``services.portfolio.figures`` for all chains (the dashboard's first figures) and for each chain
alone (switching the chain filter), and prints medians, the worst case and the figures
themselves. Targets (issue 14): all figures ≤ 300 ms, a chain switch ≤ 200 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def build(data: Path, chains: int, organizations: int) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "qclinic", "--data-dir", str(data), "demo",
         "--chains", str(chains), "--organizations", str(organizations), "--seed", "1"],
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=3600,
    )  # fmt: skip
    return time.perf_counter() - started


def timed(call: object, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started, cpu = time.perf_counter(), time.process_time()
        call()  # type: ignore[operator]
        times.append((time.perf_counter() - started) * 1000)
        CPU.append((time.process_time() - cpu) * 1000)
    return times


#: the CPU time of every timed call (on a shared machine the wall time waits for the others)
CPU: list[float] = []


def parts(service: Any, period: Any, repeat: int) -> list[tuple[str, float, float]]:
    """Where the all-chains figures' time goes: (part, CPU median, wall median) in ms, each
    part timed in the same reading session as ``services.portfolio`` runs them."""
    from qclinic.core.portfolio import WEAKEST_COUNT
    from qclinic.storage import portfolio as queries
    from qclinic.storage import portfolio_lists, portfolio_period

    spent: dict[str, list[tuple[float, float]]] = {}

    def part(name: str, call: Any, *args: Any) -> Any:
        started, cpu = time.perf_counter(), time.process_time()
        result = call(*args)
        spent.setdefault(name, []).append(
            ((time.process_time() - cpu) * 1000, (time.perf_counter() - started) * 1000)
        )
        return result

    for _ in range(repeat):
        fresh = part("summary checked", service._fresh)
        with service._reading() as session:
            query = part(
                "facts (members, grades, actions)", service._prepared, session, period, fresh
            )
            part("member figures (figure_counts)", queries.figure_counts, session, query)
            part("services and problems (events)", portfolio_period.events, session, query)
            part(
                "weakest, owners, companies",
                portfolio_lists.member_lists,
                session,
                query,
                WEAKEST_COUNT,
            )
            part(
                "all of them from the facts, reshaped (_portfolio)",
                service._portfolio,
                session,
                query,
                period,
            )
    return [
        (name, statistics.median(c for c, _w in times), statistics.median(w for _c, w in times))
        for name, times in spent.items()
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--organizations", type=int, default=10_000)
    parser.add_argument("--chains", type=int, default=12)
    parser.add_argument("--data", type=Path, help="reuse (or keep) the province in DIR")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = args.data or Path(tmp) / "data"
        if not (data / "qclinic.sqlite").exists():
            seconds = build(data, args.chains, args.organizations)
            print(f"province built in {seconds:.1f} s")
        from qclinic.core.portfolio import PortfolioFilter, portfolio_json
        from qclinic.services import Services
        from qclinic.storage.startup import open_database

        database = open_database(data / "qclinic.sqlite", attachments_dir=data / "attachments")
        rows = {
            table: database.query(f"SELECT COUNT(*) FROM {table}")[0][0]
            for table in ("organization", "chain_member", "assessment", "answer", "visit",
                          "clinic_case", "action")
        }  # fmt: skip
        print("rows:", ", ".join(f"{table} {n:,}" for table, n in rows.items()))
        size = (data / "qclinic.sqlite").stat().st_size / 1e9
        print(f"database file: {size:.2f} GB")
        services = Services(database)
        end = date.today()
        period = PortfolioFilter(start=date(end.year, 1, 1), end=end)
        service = services.portfolio
        service.coverage_questions()  # the library's tags, read once per process
        started = time.perf_counter()
        rebuilt = service.refresh_summary()  # a migrated or never-summarised database: all
        print(
            f"summary brought up to date in {(time.perf_counter() - started) * 1000:.0f} ms"
            f" ({'every company' if rebuilt is None else f'{rebuilt} companies'})"
        )
        service._compute(period)  # warm the page cache once
        CPU.clear()
        all_chains = timed(lambda: service._compute(period), args.repeat)
        all_cpu = list(CPU)
        CPU.clear()
        from sqlalchemy import text as sql

        from qclinic.storage import portfolio as queries

        def history() -> None:  # the same figures derived from the assessments and answers
            with service._reading() as session:
                query = queries.materialize(session, service._query(period))
                service._portfolio(session, query, period)

        for name, cpu_ms, wall_ms in parts(service, period, args.repeat):
            print(f"  part {name}: CPU median {cpu_ms:.1f} ms, wall median {wall_ms:.1f} ms")
        derived = timed(history, 3)
        print(
            f"the same figures without the summary: median {statistics.median(derived):.0f} ms, "
            f"CPU time median {statistics.median(CPU):.0f} ms"
        )
        edits = []
        with service._reading() as session:  # one answer of one company, changed and back
            row = session.execute(
                sql("SELECT id, value FROM answer WHERE deleted_at IS NULL LIMIT 1")
            ).one()
        for value in ("null", row[1], "null", row[1]):
            with database.session() as session:
                session.execute(
                    sql("UPDATE answer SET value = :v WHERE id = :id"),
                    {"v": value, "id": row[0]},
                )
                session.execute(
                    sql(
                        "INSERT INTO change_log (table_name, row_id, operation, revision,"
                        " changed_at, device_id) VALUES ('answer', :id, 'update', 1,"
                        " '2026-01-01 00:00:00.000000', 'bench')"
                    ),
                    {"id": row[0]},
                )
            edits.extend(timed(service.refresh_summary, 1))
        print(
            f"the summary after one answer changed (one company computed again): median "
            f"{statistics.median(edits):.0f} ms"
        )
        portfolio = service.figures(period)  # computed once more, then kept
        switches: list[float] = []
        alone: list[float] = []
        for chain in portfolio.chains:
            one = PortfolioFilter((chain.id,), None, period.start, period.end)
            switches.extend(timed(lambda one=one: service.figures(one), 1))
            alone.extend(timed(lambda one=one: service._compute(one), 1))
        print(
            f"figures, all chains: median {statistics.median(all_chains):.0f} ms, "
            f"worst {max(all_chains):.0f} ms (target ≤ 300 ms); CPU time median "
            f"{statistics.median(all_cpu):.0f} ms, least {min(all_cpu):.0f} ms"
        )
        print(
            f"switching to one chain (from the kept all-chains figures): median "
            f"{statistics.median(switches):.2f} ms, worst {max(switches):.2f} ms (target ≤ 200 ms)"
        )
        print(
            f"one chain computed alone: median {statistics.median(alone):.0f} ms, "
            f"worst {max(alone):.0f} ms over {len(alone)} chains"
        )
        total = portfolio_json(portfolio)["total"]
        shown = {k: total[k] for k in ("companies", "grades", "coverage", "cqo_appointed")}
        print("total:", shown, "services:", total["services"])
        print("actions:", total["actions"]["open"], "open,", total["actions"]["overdue"], "overdue")
        print("problems:", total["problems"]["received"], "received,",
              total["problems"]["solved"], "solved")  # fmt: skip
        database.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
