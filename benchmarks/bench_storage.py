"""Benchmark the storage hot path: committing one answer, on a real database file.

Each iteration is what the UI does when a consultant scores a question: open a write session, upsert
one answer (with its change-log line), commit (fsync of the WAL with ``synchronous=FULL``), close.
Also times opening an up-to-date database (the start-up path). Targets: median ≤ 5 ms, p99 ≤ 20 ms.

Usage::

    python benchmarks/bench_storage.py [--commits 2000] [--dir /path/on/the/target/disk]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from qclinic import paths
from qclinic.core.vocabulary import VisitKind
from qclinic.storage.startup import open_database

MEDIAN_TARGET_MS = 5.0
P99_TARGET_MS = 20.0


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def run(folder: Path, commits: int) -> bool:
    """Run the benchmark in *folder*; print figures; return whether the targets are met."""
    from datetime import date

    from qclinic.storage.repositories import answers, assessments, organizations, visits

    paths.set_data_dir(folder)
    database_path = folder / "bench.sqlite"
    database = open_database(database_path)
    with database.session() as session:
        organization = organizations.create_organization(session, "Benchmark Copper Co")
        visit = visits.create_visit(session, organization.id, VisitKind.ONSITE_CLINIC, date.today())
        checklist = {"id": "bench", "questions": [f"Q{i}" for i in range(200)]}
        assessment = assessments.start_assessment(
            session, organization.id, "bench", "1", checklist, "Benchmark", visit_id=visit.id
        )

    timings_ms: list[float] = []
    for index in range(commits):
        # Mix inserts (new questions) and updates (re-scoring), as a real audit does.
        question = f"Q{index % 200}"
        started = time.perf_counter()
        with database.session() as session:
            answers.save_answer(session, assessment.id, question, index % 11, note=f"n{index}")
        timings_ms.append((time.perf_counter() - started) * 1000)
    database.dispose()

    open_ms: list[float] = []
    for _ in range(20):
        started = time.perf_counter()
        reopened = open_database(database_path)
        _ = reopened.device_id
        open_ms.append((time.perf_counter() - started) * 1000)
        reopened.dispose()

    median = statistics.median(timings_ms)
    p99 = _percentile(timings_ms, 0.99)
    print(f"answer commits: {commits} on {database_path}")
    print(f"  median {median:.2f} ms (target ≤ {MEDIAN_TARGET_MS} ms)")
    print(f"  p99    {p99:.2f} ms (target ≤ {P99_TARGET_MS} ms)")
    print(f"  max    {max(timings_ms):.2f} ms, mean {statistics.fmean(timings_ms):.2f} ms")
    print(f"open up-to-date database: median {statistics.median(open_ms):.2f} ms")
    return median <= MEDIAN_TARGET_MS and p99 <= P99_TARGET_MS


def main() -> int:
    """Command-line entry point; exit status 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commits", type=int, default=2000)
    parser.add_argument("--dir", type=Path, default=None, help="folder on the disk to measure")
    arguments = parser.parse_args()
    if arguments.commits < 1000:
        parser.error("use at least 1000 commits for a meaningful p99")
    if arguments.dir is not None:
        arguments.dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=arguments.dir) as folder:
            return 0 if run(Path(folder), arguments.commits) else 1
    with tempfile.TemporaryDirectory() as folder:
        return 0 if run(Path(folder), arguments.commits) else 1


if __name__ == "__main__":
    raise SystemExit(main())
