"""How long the chain report (产业链质量诊断报告) takes for a chain of 500 suppliers.

Builds a synthetic chain into a fresh data folder — one leader, 500 suppliers in three tiers,
each with two signed 4-level evaluations (last year and this year), a clinic assessment answering
the four 4 × 100% questions, a few clinic cases and actions, plus 1,500 companies in other chains
that the report must leave out — then prints the report the way ``qclinic report --chain`` does,
in a fresh process each time (cold: SQLAlchemy imported, fonts registered), and the XLSX of its
tables. Prints the wall time of each and the pages.

    python benchmarks/bench_chain_report.py                  # 500 suppliers, zh and en
    python benchmarks/bench_chain_report.py --suppliers 2000

Target: a chain report for 500 suppliers in ≤ 5 s.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIELDS = ("metrology", "standards", "certification-accreditation", "inspection-testing")
PLACES = ("鹰潭", "贵溪", "上饶", "抚州", "南昌", "赣州")
TRADES = ("铜材", "线缆", "铜箔", "精密电子", "冶金", "机械")


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 9, tzinfo=UTC)


def build(folder: Path, suppliers: int, others: int, seed: int = 14) -> str:
    """Write the synthetic chain (and *others* companies in another chain); its chain id."""
    sys.path.insert(0, str(ROOT))
    from qclinic.storage.models import (
        Action,
        Answer,
        Assessment,
        Chain,
        ChainMember,
        ClinicCase,
        Organization,
    )
    from qclinic.storage.startup import open_database

    rnd = random.Random(seed)
    database = open_database(folder / "qclinic.sqlite", attachments_dir=folder / "attachments")
    with database.session() as session:
        chain, other = Chain(name="铜产业链", region="江西省"), Chain(name="电子信息产业链")
        session.add_all([chain, other])
        session.flush()
        tiers: dict[int, list[str]] = {0: [], 1: [], 2: [], 3: []}
        for n in range(1 + suppliers + others):
            name = f"{rnd.choice(PLACES)}{rnd.choice(TRADES)}第{n}有限公司"
            org = Organization(name=name, cqo_name="王工" if rnd.random() < 0.6 else None)
            session.add(org)
            session.flush()
            ours = n <= suppliers
            tier = 0 if n == 0 else (1 if n <= suppliers // 5 else 2 if n <= suppliers // 2 else 3)
            if not ours:
                tier = 1
            customer = None
            if tier:
                customer = rnd.choice(tiers[tier - 1]) if ours else tiers[0][0]
            session.add(
                ChainMember(
                    chain_id=chain.id if ours else other.id,
                    organization_id=org.id,
                    role="chain-leader" if tier == 0 else "supplier",
                    tier=tier,
                    customer_id=customer,
                )
            )
            if ours:
                tiers[tier].append(org.id)
            for year, day in ((2025, date(2025, 5, 1)), (2026, date(2026, 4, 1))):
                score = rnd.uniform(55, 98)
                grade = "A" if score >= 90 else "B" if score >= 80 else "C" if score >= 70 else "D"
                session.add(
                    Assessment(
                        organization_id=org.id,
                        checklist_id="supplier-4level",
                        checklist_version="1",
                        checklist_json={},
                        title=f"{year}",
                        status="signed",
                        grade=grade,
                        score_percent=score,
                        completed_at=_at(day),
                        signed_at=_at(day),
                    )
                )
            clinic = Assessment(
                organization_id=org.id,
                checklist_id="nqi-clinic",
                checklist_version="1",
                checklist_json={},
                title="clinic",
                status="completed",
                score_percent=rnd.uniform(50, 95),
                completed_at=_at(date(2026, 3, 1)),
            )
            session.add(clinic)
            session.flush()
            for question in ("QMS.1", "APQP.1", "MSA.2", "SPC.2"):
                session.add(
                    Answer(
                        assessment_id=clinic.id,
                        question_id=question,
                        value=rnd.randint(0, 5),
                        is_na=False,
                        answered_at=_at(date(2026, 3, 1)),
                    )
                )
            for _ in range(rnd.randint(0, 2)):
                solved = rnd.random() < 0.6
                session.add(
                    ClinicCase(
                        organization_id=org.id,
                        nqi_category=rnd.choice(FIELDS),
                        title=f"{rnd.choice(FIELDS)} 问题 {n}",
                        prescription="按处方整改并复查",
                        status="resolved" if solved else "registered",
                        resolved_on=date(2026, 1, 1) + timedelta(days=rnd.randint(0, 300))
                        if solved
                        else None,
                    )
                )
            for _ in range(rnd.randint(0, 3)):
                session.add(
                    Action(
                        organization_id=org.id,
                        title="整改",
                        owner=rnd.choice(("张工", "李工", "赵工")),
                        status=rnd.choice(("open", "in-progress", "done")),
                        due_date=date(2026, 1, 1) + timedelta(days=rnd.randint(0, 360)),
                    )
                )
        chain_id = chain.id
    database.dispose()
    return chain_id


def _timed(argv: list[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=300, check=True)
    return time.perf_counter() - started, done.stdout.strip()


def breakdown(folder: Path, chain_id: str, out: Path) -> None:
    """In one process: reading the figures (services.portfolio and the solved cases), laying out
    and writing the PDF, writing the workbook."""
    from qclinic.reports import fonts
    from qclinic.reports.chain_report import render_chain_report
    from qclinic.reports.chain_xlsx import write_chain_xlsx
    from qclinic.services import Services
    from qclinic.storage.startup import open_database

    database = open_database(folder / "qclinic.sqlite", attachments_dir=folder / "attachments")
    service = Services(database).chain_reports
    fonts.register()
    started = time.perf_counter()
    service.data(chain_id, date(2026, 1, 1), date(2026, 11, 26))
    first = time.perf_counter() - started
    started = time.perf_counter()
    data = service.data(chain_id, date(2026, 1, 1), date(2026, 11, 26))
    read = time.perf_counter() - started
    print(
        f"in process: first figures read {first:.2f} s (the portfolio summary built from "
        f"nothing: the chain was written without it), then {read:.2f} s"
    )
    for lang in ("zh", "en"):
        started = time.perf_counter()
        built = render_chain_report(data, out / f"warm-{lang}.pdf", lang)
        layout = time.perf_counter() - started
        print(
            f"in process: figures read {read:.2f} s; {lang} PDF laid out and written "
            f"{layout:.2f} s ({built.pages} pages, {len(data.members)} companies)"
        )
    started = time.perf_counter()
    write_chain_xlsx(data, out / "warm.xlsx", "zh")
    print(f"in process: XLSX written {time.perf_counter() - started:.2f} s")
    database.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suppliers", type=int, default=500)
    parser.add_argument("--others", type=int, default=1500)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "data"
        started = time.perf_counter()
        chain_id = build(folder, options.suppliers, options.others)
        print(
            f"built {1 + options.suppliers} + {options.others} companies in "
            f"{time.perf_counter() - started:.1f} s"
        )
        breakdown(folder, chain_id, Path(temp))
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        base = [sys.executable, "-m", "qclinic", "--data-dir", str(folder), "report"]
        base += ["--chain", chain_id, "--from", "2026-01-01", "--to", "2026-11-26"]
        for lang, suffix in (("zh", "pdf"), ("en", "pdf"), ("zh", "xlsx")):
            times = []
            line = ""
            for copy in range(options.repeat):
                out = Path(temp) / f"chain-{lang}-{copy}.{suffix}"
                seconds, line = _timed([*base, "--out", str(out), "--lang", lang], env)
                times.append(seconds)
            print(
                f"{suffix} {lang}: best {min(times):.2f} s, median "
                f"{sorted(times)[len(times) // 2]:.2f} s (cold, whole command) — {line[:90]}"
            )


if __name__ == "__main__":
    main()
