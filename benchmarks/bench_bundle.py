"""Bundle files: write and read (verify every hash, copy every attachment out) 200 photos of 2 MB
each plus 10,000 changes, and show that memory stays flat (docs/BUNDLE.md).

    python benchmarks/bench_bundle.py [--photos 200] [--size-mb 2] [--changes 10000]

Each step runs in a fresh subprocess so its peak RSS (VmHWM) is its own; the tracemalloc peak is
the Python heap's.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _peak_rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _step(step: str, folder: Path, changes: int) -> dict[str, float]:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    from qclinic.sync.bundle import read_bundle, write_bundle

    out = folder / "bench.qcbundle"
    before = _peak_rss_mb()
    tracemalloc.start()
    started = time.perf_counter()
    if step == "write":
        key_file = folder / "key.pem"
        if not key_file.exists():
            from cryptography.hazmat.primitives import serialization

            key_file.write_bytes(
                Ed25519PrivateKey.generate().private_bytes(
                    serialization.Encoding.PEM,
                    serialization.PrivateFormat.PKCS8,
                    serialization.NoEncryption(),
                )
            )
        key = load_pem_private_key(key_file.read_bytes(), password=None)
        assert isinstance(key, Ed25519PrivateKey)
        blobs = [(p.name, p) for p in sorted((folder / "photos").iterdir())]
        rows = (
            {
                "change_id": f"c{n}",
                "entity": "answer",
                "row_id": f"r{n}",
                "organization_id": "org",
                "base_revision": 1,
                "fields": {"value": n % 11, "note": "现场记录 " * 5},
                "deleted": False,
            }
            for n in range(changes)
        )
        write_bundle(out, rows, blobs, key, device_id="bench")
    else:
        target = folder / "copy"
        with read_bundle(out) as bundle:
            count = sum(1 for _ in bundle.changes())
            assert count == changes
            for sha in bundle.blob_names():
                bundle.copy_blob(sha, target)
    seconds = time.perf_counter() - started
    _, heap_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "seconds": seconds,
        "heap_peak_mb": heap_peak / 1e6,
        "rss_before_mb": before,
        "rss_peak_mb": _peak_rss_mb(),
        "file_mb": out.stat().st_size / 1e6,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=200)
    parser.add_argument("--size-mb", type=float, default=2)
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--step", choices=["write", "read"])
    parser.add_argument("--folder", type=Path)
    args = parser.parse_args()
    if args.step:
        print(json.dumps(_step(args.step, args.folder, args.changes)))
        return
    with tempfile.TemporaryDirectory(prefix="qclinic-bench-bundle-") as temporary:
        folder = Path(temporary)
        photos = folder / "photos"
        photos.mkdir()
        size = int(args.size_mb * (1 << 20))
        for _ in range(args.photos):
            data = os.urandom(size)
            (photos / hashlib.sha256(data).hexdigest()).write_bytes(data)
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        print(f"{args.photos} photos of {args.size_mb} MB, {args.changes} changes")
        for step in ("write", "read"):
            options = ["--step", step, "--folder", str(folder), "--changes", str(args.changes)]
            run = subprocess.run(
                [sys.executable, __file__, *options],
                capture_output=True,
                text=True,
                env=env,
                check=True,
            )
            figures = json.loads(run.stdout)
            print(
                f"{step:5}: {figures['seconds']:.2f} s, bundle {figures['file_mb']:.0f} MB, "
                f"Python heap peak {figures['heap_peak_mb']:.1f} MB, "
                f"RSS {figures['rss_before_mb']:.0f} → {figures['rss_peak_mb']:.0f} MB"
            )


if __name__ == "__main__":
    main()
