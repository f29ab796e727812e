"""Opening the organizations page over 10,000 organizations, to its first paint.

Seeds a temporary database with 10,000 organizations (valid credit codes, all twelve chains, a
completed and scored assessment for every fifth one, so the "latest grade" join has work to do),
then times, in one process: build the page, ``load()``, ``show()``, and process events until the
list's viewport has painted. Prints every run and the median. Target: ≤ 100 ms.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_organizations_list.py [runs] [organizations]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication


def seed(database: object, count: int) -> None:
    from qclinic.core import uscc
    from qclinic.core.vocabulary import AssessmentStatus, ChainRole, IndustryChain, SizeClass
    from qclinic.storage.repositories import assessments, organizations

    chains, roles, sizes = list(IndustryChain), list(ChainRole), list(SizeClass)
    regions = ["江西省南昌市", "江西省鹰潭市", "江西省赣州市", "江西省九江市", "江西省上饶市"]
    with database.session() as session:  # type: ignore[attr-defined]
        for n in range(count):
            body = f"913600{n:011d}"
            organization = organizations.create_organization(
                session,
                f"测试企业{n:05d}有限公司",
                uscc=body + uscc.check_character(body),
                industry_chain=chains[n % len(chains)],
                chain_role=roles[n % len(roles)],
                size_class=sizes[n % len(sizes)],
                region=regions[n % len(regions)],
            )
            if n % 5 == 0:
                assessment = assessments.start_assessment(
                    session, organization.id, "nqi-clinic", "1.0.0", {}, "诊断"
                )
                assessment.status = AssessmentStatus.COMPLETED
                assessment.score_percent = 50 + n % 50
                assessment.grade = "ABCD"[n % 4]


class PaintWatch(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def open_page(app: QApplication, database: object) -> float:
    from qclinic.ui.pages.organizations import create
    from qclinic.ui.signals import AppSignals

    signals = AppSignals()
    watch = PaintWatch()
    start = time.perf_counter()
    from qclinic.services import Services

    services = Services(database)  # type: ignore[arg-type]
    signals.follow(services.bus)
    page = create(services, signals, "zh")
    page.resize(1080, 760)
    page.view.viewport().installEventFilter(watch)  # type: ignore[attr-defined]
    page.load()  # type: ignore[attr-defined]
    page.show()
    while not watch.painted:
        app.processEvents()
    elapsed = (time.perf_counter() - start) * 1000
    assert page.model.rowCount() >= 1  # type: ignore[attr-defined]
    page.close()
    page.deleteLater()
    app.processEvents()
    return elapsed


def keep_none_alive() -> None:
    """Work around a PySide6 6.12 bug on Python 3.11: every call of a ``void`` Qt method drops a
    reference to ``None`` it never took (harmless on 3.12+, where ``None`` is immortal), so a long
    run ends in "Fatal Python error: none_dealloc". Repeated page builds here make enough calls to
    hit it; lend ``None`` references so the measurement can finish."""
    if sys.version_info < (3, 12):
        import ctypes

        for _ in range(1_000_000):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))


def main() -> None:
    keep_none_alive()
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    app = QApplication(sys.argv[:1])
    from qclinic.storage.startup import open_database

    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "bench.sqlite", attachments_dir=Path(folder))
        begin = time.perf_counter()
        seed(database, count)
        print(f"seeded {count:,} organizations in {time.perf_counter() - begin:.1f} s")
        first = open_page(app, database)  # imports the page modules: reported, not counted
        print(f"first open (imports the page modules): {first:.1f} ms")
        times = [open_page(app, database) for _ in range(runs)]
        print("runs (ms): " + ", ".join(f"{t:.1f}" for t in times))
        print(f"median of {runs}: {statistics.median(times):.1f} ms (target ≤ 100 ms)")
        database.dispose()


if __name__ == "__main__":
    main()
