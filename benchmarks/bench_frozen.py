"""Start-up of the frozen QClinic (build_installer.py's bundle) against the pip-installed one and a
bare PySide6 window, measured in the same run, with the same milestones as bench_startup.py.

    python build_installer.py                        # makes dist/QClinic
    python benchmarks/bench_frozen.py [dist/QClinic] [runs]

Each run is a fresh process timed from spawn, offscreen, against a data directory holding the demo
data. Also prints the bundle's unpacked size and the packages' sizes.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_startup import BARE, run

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    bundle = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist" / "QClinic"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    frozen = str(bundle / "qclinic")
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"bundle {bundle}: {size / 1e6:.0f} MB unpacked")
    for package in sorted(bundle.parent.glob("*.tar.gz")) + sorted(bundle.parent.glob("*.deb")):
        print(f"  {package.name}: {package.stat().st_size / 1e6:.0f} MB")
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env["QCLINIC_TIMING"] = "1"
    with tempfile.TemporaryDirectory() as data:
        env["QCLINIC_DATA_DIR"] = data
        subprocess.run([frozen, "demo"], env=env, check=True, capture_output=True)
        commands = {
            "pip-installed": [sys.executable, "-m", "qclinic", "--quit-after-start"],
            "frozen": [frozen, "--quit-after-start"],
        }
        for command in commands.values():
            run(command, env)  # warm the file cache once
        bare: list[float] = []
        marks: dict[str, dict[str, list[float]]] = {
            name: {"painted": [], "loaded": []} for name in commands
        }
        for _ in range(runs):
            bare.append(run([sys.executable, "-c", BARE], env)["painted"])
            for name, command in commands.items():
                result = run(command, env)
                for key in ("painted", "loaded"):
                    marks[name][key].append(result[key])
    b = statistics.median(bare)
    print(f"medians of {runs} runs, ms from process spawn ({env['QT_QPA_PLATFORM']})")
    print(f"  bare QMainWindow painted              {b:7.0f}")
    for name in commands:
        for key, label in (("painted", "navigation painted"), ("loaded", "first page loaded")):
            value = statistics.median(marks[name][key])
            print(f"  {name:14} {label:22} {value:7.0f}   {value / b:4.2f}× bare")


if __name__ == "__main__":
    main()
