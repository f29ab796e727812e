"""Start the real app many times and drive scripted sessions with real threads; count the exits.

    python benchmarks/soak_app.py [--starts 100] [--sessions 20] [--quit-after 1.5]

Issue 8's acceptance figures: every start (with the demo data, left alone until its background work
is back) and every scripted session (tests/ui/soak_driver.py) must exit 0. Prints one line per
kind with the exit codes seen and the time per run.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--starts", type=int, default=100)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--quit-after", default="1.5")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        seeded = subprocess.run(
            [sys.executable, "-m", "qclinic", "--data-dir", str(data), "demo", "--json"],
            capture_output=True,
            text=True,
            env=ENV,
            check=True,
        )
        organization = json.loads(seeded.stdout)["organization"]
        codes: collections.Counter[int] = collections.Counter()
        began = time.perf_counter()
        for seed in range(1, args.sessions + 1):
            run = subprocess.run(
                [
                    sys.executable,
                    str(ROOT / "tests/ui/soak_driver.py"),
                    str(data),
                    organization,
                    tmp,
                    str(seed),
                ],
                capture_output=True,
                text=True,
                env=ENV,
                timeout=300,
            )
            codes[run.returncode] += 1
            if run.returncode:
                print(f"session {seed}: exit {run.returncode}\n{run.stderr[-1500:]}")
        spent = time.perf_counter() - began
        print(
            f"sessions: {args.sessions}, exit codes {dict(codes)}, {spent / max(1, args.sessions):.1f} s each"
        )
        codes.clear()
        began = time.perf_counter()
        for _ in range(args.starts):
            run = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "qclinic",
                    "--data-dir",
                    str(data),
                    "--quit-after",
                    args.quit_after,
                ],
                capture_output=True,
                text=True,
                env=ENV,
                timeout=120,
            )
            codes[run.returncode] += 1
        spent = time.perf_counter() - began
        print(
            f"starts: {args.starts}, exit codes {dict(codes)}, {spent / max(1, args.starts):.1f} s each"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
