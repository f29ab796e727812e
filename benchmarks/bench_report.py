"""How long the diagnostic report takes, and how much memory, as it grows.

Seeds the demo, then turns its completed assessment into a heavy one: 20 evidence photos
(3000×2000 phone-sized JPEGs, some with an EXIF rotation), 7 SPC/MSA analyses with their chart
PNGs (with the radar that makes 8 charts) and notes long enough to reach about 15, 30 and 60
pages. Each report is built in a fresh subprocess (cold: font registration and the matplotlib
import are paid, as in ``qclinic report``), which prints its wall time and peak RSS.

    python benchmarks/bench_report.py            # 15 / 30 / 60 pages
    python benchmarks/bench_report.py --pages 30

Target: 30 pages with 8 charts and 20 photos in ≤ 2 s and ≤ 300 MB peak; time linear in pages.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

#: Note repetitions per answered question giving about 15 / 30 / 60 pages (zh).
NOTE_REPEATS = {15: 0, 30: 5, 60: 13}
SENTENCE = "现场抽查记录不完整，部分月份缺失，需补齐并明确责任人和完成期限。"


def _photo(seed: int) -> bytes:
    from PIL import Image

    # A phone-sized photo with photo-like detail (smooth shading plus grain): ~1–2 MB as JPEG.
    grain = Image.effect_noise((750, 500), 12 + seed).resize((3000, 2000))
    shade = Image.linear_gradient("L").resize((3000, 2000)).rotate(seed * 17)
    image = Image.merge("RGB", (shade, grain, Image.blend(shade, grain, 0.5)))
    out = io.BytesIO()
    exif = Image.Exif()
    if seed % 4 == 0:
        exif[0x0112] = 6  # rotated 90° in the camera
    image.save(out, "JPEG", quality=85, exif=exif)
    return out.getvalue()


def _chart_png(seed: int) -> bytes:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(6, 3.5), dpi=150)
    axes = figure.add_subplot()
    axes.plot([((i * 37 + seed) % 11) - 5 for i in range(40)], marker="o")
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()


def seed(folder: Path, repeats: int) -> str:
    """A heavy assessment in *folder*; returns its id."""
    from qclinic.core.spc import capability, imr_chart
    from qclinic.core.vocabulary import AssessmentStatus
    from qclinic.reports.data import ANALYSIS_MIME
    from qclinic.services.demo import seed as seed_demo
    from qclinic.storage.repositories import answers, assessments, attachments
    from qclinic.storage.startup import open_database

    database = open_database(folder / "qclinic.sqlite", attachments_dir=folder / "attachments")
    assessment_id = seed_demo(database)["completed_assessment"]
    values = [49.6, 47.6, 49.9, 51.3, 47.8, 51.2, 50.4, 48.9, 50.1, 49.3, 50.8, 49.0]
    result = imr_chart(values).to_dict()
    result["capability"] = capability(values, lsl=44.0, usl=56.0).to_dict()
    photos = [_photo(i) for i in range(20)]
    with database.session() as s:
        assessments.set_assessment_status(s, assessment_id, AssessmentStatus.DRAFT)
        stored = answers.answers_by_key(s, assessment_id)
        questions = sorted(key[0] for key in stored)
        for index, qid in enumerate(questions):
            if repeats:
                row = stored[(qid, "")]
                answers.save_answer(s, assessment_id, qid, row.value, note=SENTENCE * repeats)
            if index < 20:
                attachments.add_attachment(
                    s,
                    database.blobs,
                    photos[index],
                    f"photo-{index}.jpg",
                    caption=f"现场照片 {index + 1}",
                    assessment_id=assessment_id,
                    question_id=qid,
                )
            if 20 <= index < 27:
                for name, data, mime in (
                    (f"spc-{index}.png", _chart_png(index), "image/png"),
                    (f"spc-{index}.json", json.dumps(result).encode(), ANALYSIS_MIME),
                ):
                    attachments.add_attachment(
                        s,
                        database.blobs,
                        data,
                        name,
                        mime_type=mime,
                        assessment_id=assessment_id,
                        question_id=qid,
                    )
    database.dispose()
    return assessment_id


CHILD = textwrap.dedent(
    """
    import json, resource, sys, time
    from pathlib import Path
    start = time.perf_counter()
    from qclinic.reports import build_report
    from qclinic.storage.startup import open_database
    folder = Path(sys.argv[1])
    database = open_database(folder / "qclinic.sqlite", attachments_dir=folder / "attachments")
    built = build_report(database, sys.argv[2], folder / "bench.pdf", "zh")
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"pages": built.pages, "seconds": elapsed, "peak_mb": peak,
                      "bytes": (folder / "bench.pdf").stat().st_size}))
    """
)


def measure(folder: Path, assessment_id: str) -> dict[str, float]:
    """Build the report in a fresh interpreter; its pages, seconds, peak RSS (MB) and size."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), assessment_id],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, choices=sorted(NOTE_REPEATS), action="append")
    parser.add_argument("--runs", type=int, default=3, help="best of N builds")
    args = parser.parse_args()
    rows = []
    for target in args.pages or sorted(NOTE_REPEATS):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            assessment_id = seed(folder, NOTE_REPEATS[target])
            runs = [measure(folder, assessment_id) for _ in range(args.runs)]
            best = min(runs, key=lambda r: r["seconds"])
            rows.append(best)
            print(
                f"~{target:>2} pages: {best['pages']:>3} pages  {best['seconds']:.2f} s  "
                f"peak {best['peak_mb']:.0f} MB  {best['bytes'] / 1e6:.1f} MB PDF  "
                f"({best['seconds'] / best['pages'] * 1000:.0f} ms/page, best of {args.runs})"
            )
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        slope = (last["seconds"] - first["seconds"]) / (last["pages"] - first["pages"])
        print(
            f"marginal cost {slope * 1000:.0f} ms/page; fixed cost {first['seconds'] - slope * first['pages']:.2f} s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
