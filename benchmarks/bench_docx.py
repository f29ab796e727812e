"""How long the editable Word copy (.docx) of the demo report takes to write, cold.

Seeds the demo once, then writes its completed assessment's diagnostic report as .docx in a fresh
interpreter each time (cold: python-docx, matplotlib for the radar PNG and the report data are
imported and read as ``qclinic report … --format docx`` does), and the PDF the same way for
comparison. Prints the best of N (default 5) of each, and the files' sizes.

    python benchmarks/bench_docx.py
    python benchmarks/bench_docx.py --runs 3 --lang en
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

CHILD = textwrap.dedent(
    """
    import json, resource, sys, time
    from pathlib import Path
    start = time.perf_counter()
    from qclinic.storage.startup import open_database
    folder, assessment_id, kind, lang = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    database = open_database(folder / "qclinic.sqlite", attachments_dir=folder / "attachments")
    out = folder / f"bench.{kind}"
    if kind == "docx":
        from qclinic.reports.docx_report import build_docx_report
        build_docx_report(database, assessment_id, out, lang)
    else:
        from qclinic.reports import build_report
        build_report(database, assessment_id, out, lang)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": elapsed, "peak_mb": peak, "bytes": out.stat().st_size}))
    """
)


def seed(folder: Path) -> str:
    """The demo in *folder*; the id of its completed assessment."""
    from qclinic.services.demo import seed as seed_demo
    from qclinic.storage.startup import open_database

    database = open_database(folder / "qclinic.sqlite", attachments_dir=folder / "attachments")
    assessment_id: str = seed_demo(database)["completed_assessment"]
    database.dispose()
    return assessment_id


def measure(folder: Path, assessment_id: str, kind: str, lang: str) -> dict[str, float]:
    """Write the report as *kind* in a fresh interpreter: seconds, peak RSS (MB), bytes."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), assessment_id, kind, lang],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="best of N cold builds")
    parser.add_argument("--lang", choices=["zh", "en"], default="zh")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        assessment_id = seed(folder)
        for kind in ("docx", "pdf"):
            runs = [measure(folder, assessment_id, kind, args.lang) for _ in range(args.runs)]
            best = min(runs, key=lambda r: r["seconds"])
            worst = max(r["seconds"] for r in runs)
            print(
                f"demo report as {kind:<4} ({args.lang}): {best['seconds']:.2f} s cold, best of "
                f"{args.runs} (worst {worst:.2f} s); peak {best['peak_mb']:.0f} MB; "
                f"{best['bytes'] / 1e3:.0f} kB"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
