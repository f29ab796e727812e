"""Benchmark the improvement-plan list with 100,000 actions over 1,000 organizations.

Times what a user waits for on the plan page (offscreen, real SQLite file):

* load + first paint: the lean query (``plan_table``), the model reset, the default sort and
  the table painted;
* applying a filter (status, overdue only, organization search, owner search) and repainting;
* sorting by another column; one status move from the list (commit + targeted row update).

The 1,000 organizations go through the repository; the 100,000 actions are bulk-inserted with one
ORM ``insert`` (no change-log lines: this measures reading, not seeding).

Usage::

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_plan_list.py [--actions 100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

LOAD_TARGET_MS = 1000.0
FILTER_TARGET_MS = 300.0


def seed(database: object, organizations: int, actions: int) -> None:
    """*organizations* companies and *actions* actions spread over them."""
    from sqlalchemy import insert

    from qclinic.core.vocabulary import ActionStatus, Priority
    from qclinic.storage.models import Action
    from qclinic.storage.repositories.organizations import create_organization
    from qclinic.storage.types import utc_now
    from qclinic.storage.uuid7 import new_id

    rng = random.Random(7)
    with database.session() as session:  # type: ignore[attr-defined]
        ids = [
            create_organization(session, f"基准测试企业 {index:04d} 有限公司").id
            for index in range(organizations)
        ]
    statuses = list(ActionStatus)
    priorities = list(Priority)
    owners = ["王丽", "质量部 刘洋", "生产部 孙伟", "计量室 周敏", "设备部 吴刚", ""]
    start = date.today() - timedelta(days=400)
    now = utc_now()
    rows = [
        {
            "id": new_id(),
            "created_at": now,
            "updated_at": now,
            "revision": 1,
            "organization_id": ids[index % organizations],
            "title": f"整改项 {index}：补齐记录并建立月度检查机制",
            "owner": rng.choice(owners),
            "due_date": None if index % 20 == 0 else start + timedelta(days=rng.randrange(600)),
            "priority": rng.choice(priorities),
            "status": rng.choice(statuses),
        }
        for index in range(actions)
    ]
    with database.session() as session:  # type: ignore[attr-defined]
        session.execute(insert(Action), rows)


def _quietly(widget: object, change: object) -> None:
    widget.blockSignals(True)  # type: ignore[attr-defined]
    try:
        change()  # type: ignore[operator]
    finally:
        widget.blockSignals(False)  # type: ignore[attr-defined]


def _timed(fn: object) -> float:
    started = time.perf_counter()
    fn()  # type: ignore[operator]
    return (time.perf_counter() - started) * 1000


def run(folder: Path, actions: int, runs: int) -> bool:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from qclinic.core.vocabulary import ACTION_TRANSITIONS, ActionStatus
    from qclinic.services import Services
    from qclinic.storage.repositories.improvement import plan_table
    from qclinic.storage.startup import open_database
    from qclinic.ui import tasks
    from qclinic.ui.actions_model import COL_ORGANIZATION, ROW_ROLE
    from qclinic.ui.pages.plan import PlanPage
    from qclinic.ui.signals import AppSignals

    app = QApplication.instance() or QApplication([])
    tasks.set_synchronous(True)  # load on this thread so the clock sees all of it
    database = open_database(folder / "plan.sqlite", attachments_dir=folder / "attachments")
    started = time.perf_counter()
    seed(database, 1000, actions)
    print(
        f"seeded {actions:,} actions over 1,000 organizations in {time.perf_counter() - started:.1f} s"
    )

    def query() -> list:
        with database.read_session() as session:
            return plan_table(session)

    query_ms = [_timed(query) for _ in range(runs)]

    load_ms = []
    page = None
    for _ in range(runs):
        if page is not None:
            page.deleteLater()
        page = PlanPage(Services(database), AppSignals(), "zh")
        page.resize(1280, 800)
        page.show()
        app.processEvents()

        def load_and_paint(page: PlanPage = page) -> None:
            page.load()
            page.view.viewport().repaint()

        load_ms.append(_timed(load_and_paint))
    assert page is not None and page.model.rowCount() == actions

    # In the app the query runs on a worker thread (run_task); this is what the UI thread does.
    rows = query()
    ui_ms = []
    for _ in range(runs):

        def show_rows(page: PlanPage = page) -> None:
            page._on_loaded(rows)
            page.view.viewport().repaint()

        ui_ms.append(_timed(show_rows))

    def with_filter(change: object) -> float:
        """Time one filter change (exactly one re-filter) and the repaint after it."""

        def step() -> None:
            change()  # type: ignore[operator]
            page.apply_filter()  # what the typing pause timer does for the search boxes
            page.view.viewport().repaint()

        return _timed(step)

    status = page.status_filter
    done = status.findData(ActionStatus.DONE.value)
    filter_ms: dict[str, list[float]] = {}
    steps = (
        # combo boxes and check boxes re-filter by themselves: block their signals and let
        # apply_filter() do the one re-filter, so each figure is one filter change
        ("status = done", lambda: _quietly(status, lambda: status.setCurrentIndex(done))),
        ("status = all", lambda: _quietly(status, lambda: status.setCurrentIndex(0))),
        (
            "overdue only",
            lambda: _quietly(page.overdue_only, lambda: page.overdue_only.setChecked(True)),
        ),
        (
            "overdue off",
            lambda: _quietly(page.overdue_only, lambda: page.overdue_only.setChecked(False)),
        ),
        ("organization search", lambda: page.organization_search.setText("0042")),
        ("organization cleared", page.organization_search.clear),
        ("owner search", lambda: page.owner_search.setText("王丽")),
        ("owner cleared", page.owner_search.clear),
    )
    for _ in range(runs):
        for name, change in steps:
            filter_ms.setdefault(name, []).append(with_filter(change))

    sort_ms = []
    for _ in range(runs):
        for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
            sort_ms.append(
                _timed(
                    lambda o=order: (
                        page.view.sortByColumn(COL_ORGANIZATION, o),
                        page.view.viewport().repaint(),
                    )
                )
            )

    move_ms = []
    for index in range(runs):
        row = page.proxy.index(index, 0).data(ROW_ROLE)
        page.select_action(row.id)
        target = ActionStatus.IN_PROGRESS if row.status is ActionStatus.DONE else ActionStatus.DONE
        if target not in ACTION_TRANSITIONS[row.status]:
            continue
        move_ms.append(_timed(lambda r=row, t=target: page.move_action(r.id, t)))

    print(
        f"query alone (plan_table, {actions:,} rows): median {statistics.median(query_ms):.0f} ms"
    )
    load = statistics.median(load_ms)
    print(f"load + first paint: median {load:.0f} ms (target ≤ {LOAD_TARGET_MS:.0f} ms)")
    print(
        "  of which on the UI thread (model, sort, filter, paint): "
        f"median {statistics.median(ui_ms):.0f} ms"
    )
    worst_filter = 0.0
    for name, samples in filter_ms.items():
        median = statistics.median(samples)
        worst_filter = max(worst_filter, median)
        print(f"filter {name:<21} median {median:.0f} ms (target ≤ {FILTER_TARGET_MS:.0f} ms)")
    print(f"sort by organization: median {statistics.median(sort_ms):.0f} ms")
    if move_ms:
        print(
            f"status move from the list (commit + row update): median {statistics.median(move_ms):.0f} ms"
        )
    page.deleteLater()
    database.dispose()
    return load <= LOAD_TARGET_MS and worst_filter <= FILTER_TARGET_MS


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        return 0 if run(Path(folder), args.actions, args.runs) else 1


if __name__ == "__main__":
    raise SystemExit(main())
