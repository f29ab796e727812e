"""The dashboard page with real widgets over a real SQLite file (``dashboard_data``'s province).

Figures are computed on real worker threads, as in the app; the expected numbers come from the
province's description, not from the service.
"""

from __future__ import annotations

from datetime import date

import pytest
from dashboard_data import (
    CASES,
    CHAINS,
    COMPANIES,
    EVALUATIONS,
    GRADES_BEFORE,
    GRADES_NOW,
    ORGS,
    VISITS,
    build,
    this_year,
)
from PySide6.QtCore import QPoint, Qt

from qclinic.charts.portfolio_figures import bars
from qclinic.ui.dashboard.drill import drill_down, event_drill
from qclinic.ui.dashboard.periods import months_between, period_days
from qclinic.ui.pages.dashboard import DashboardPage

WAIT_MS = 30_000


@pytest.fixture
def province(database) -> dict[str, str]:
    return build(database)


@pytest.fixture
def page(qtbot, services, signals, province) -> DashboardPage:
    page = DashboardPage(services, signals, "en")
    qtbot.addWidget(page)
    page.resize(1190, 640)
    page.show()
    page.load()
    qtbot.waitUntil(lambda: page.portfolio is not None, timeout=WAIT_MS)
    return page


def _heights(page: DashboardPage, chart: str) -> dict[str, float]:
    from qclinic.charts.portfolio_figures import bars

    return {
        gid: (bar.get_height() if chart != "coverage" else bar.get_width())
        for gid, bar in bars(page.charts[chart].figure).items()
    }


def _grades(page: DashboardPage, period: str) -> dict[str, float]:
    prefix = f"grades:{period}:"
    return {
        gid.removeprefix(prefix): height
        for gid, height in _heights(page, "grades").items()
        if gid.startswith(prefix)
    }


def test_the_figures_of_all_chains_then_of_one_without_computing_again(
    qtbot, page: DashboardPage, province
) -> None:
    assert page.tiles["companies"].value_label.text() == str(COMPANIES[None])
    both = {g: GRADES_NOW["K1"][g] + GRADES_NOW["K2"][g] for g in GRADES_NOW["K1"]}
    both["B"] = 1  # 鹰潭精密铜材 is in both chains: counted once in the total
    assert _grades(page, "now") == both
    computed = page._generation
    drawn = {"grades": bars(page.charts["grades"].figure)["grades:now:A"]}
    page.filters.select(chain_id=province["K1"])
    assert page._generation == computed  # the chain's figures were held already
    assert page.tiles["companies"].value_label.text() == str(COMPANIES["K1"])
    assert _grades(page, "now") == GRADES_NOW["K1"]
    assert _grades(page, "previous") == GRADES_BEFORE["K1"]
    # the same categories: the numbers were put on the bars drawn, no chart was rebuilt
    assert page.charts["grades"].updates == 1
    assert bars(page.charts["grades"].figure)["grades:now:A"] is drawn["grades"]
    labels = {t.get_gid(): t.get_text() for t in page.charts["grades"].figure.axes[0].texts}
    assert labels["label:grades:now:A"] == str(GRADES_NOW["K1"]["A"])
    page.grab()  # painted with the new numbers (draw_idle) without a warning
    # 1 of 3 suppliers graded before, 2 of 3 now: 鹰潭精密铜材 rose from C to B
    assert page.tiles["grades"].value_label.text() == "2 of 3"
    assert page.tiles["grades"].detail.text() == "1 rose · 0 fell"
    assert page.tiles["actions"].value_label.text() == "2"
    assert page.tiles["actions"].detail.text() == "1 overdue"
    # the weakest suppliers of the chain, lowest score first
    weakest = [page.weakest_model.row_at(i).name for i in range(page.weakest_model.rowCount())]
    assert weakest[:2] == [ORGS["S1"][0], ORGS["S2"][0]]


def test_the_region_computes_the_figures_again(qtbot, page: DashboardPage, province) -> None:
    computed = page._generation
    page.filters.select(region="南昌")
    assert page._generation == computed + 1
    qtbot.waitUntil(lambda: page.tiles["companies"].value_label.text() == "3", timeout=WAIT_MS)
    # only the chains of the region are offered
    offered = [
        page.filters.chain_combo.itemData(i) for i in range(page.filters.chain_combo.count())
    ]
    assert offered == [None, province["K2"]]


def _click_bar(qtbot, page: DashboardPage, chart: str, gid: str) -> None:
    """A real mouse click in the middle of the bar *gid*."""
    from qclinic.charts.portfolio_figures import bars

    panel = page.charts[chart]
    panel.canvas.draw()
    bar = bars(panel.figure)[gid]
    x, y = bar.axes.transData.transform(
        (bar.get_x() + bar.get_width() / 2, bar.get_y() + bar.get_height() / 2)
    )
    ratio = panel.canvas.device_pixel_ratio
    where = QPoint(int(x / ratio), int(panel.canvas.height() - y / ratio))
    assert panel.bar_at(x, y) == gid
    qtbot.mouseClick(panel.canvas, Qt.MouseButton.LeftButton, pos=where)


def test_a_bar_opens_the_companies_behind_it_and_a_double_click_opens_one(
    qtbot, page: DashboardPage, signals, province
) -> None:
    page.filters.select(chain_id=province["K1"])
    _click_bar(qtbot, page, "grades", "grades:now:B")
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=WAIT_MS)
    dialog = page.dialog
    assert dialog is not None
    rows = [dialog.model.row_at(i) for i in range(dialog.model.rowCount())]
    assert [(r.id, r.name, r.detail) for r in rows] == [(province["S1"], ORGS["S1"][0], "Grade B")]
    assert (
        dialog.ui.heading.text()
        == "Suppliers by grade · Grade B · This period — 有色金属产业链 · This year"
    )
    index = dialog.model.index(0, 0)
    with qtbot.waitSignal(signals.open_organization, timeout=WAIT_MS) as opened:
        dialog.view.doubleClicked.emit(index)
    assert opened.args == [province["S1"]]
    assert not dialog.isVisible()


def test_the_coverage_track_lists_the_companies_without_it(
    qtbot, page: DashboardPage, province
) -> None:
    page.filters.select(chain_id=province["K2"])
    _click_bar(qtbot, page, "coverage", "coverage:spc:missing")
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=WAIT_MS)
    names = {page.dialog.model.row_at(i).name for i in range(page.dialog.model.rowCount())}
    assert names == {ORGS[k][0] for k in ("L2", "S1", "S4")}  # nobody has SPC in place


def test_a_tile_opens_its_companies(qtbot, page: DashboardPage, province) -> None:
    qtbot.mouseClick(page.tiles["actions"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=WAIT_MS)
    rows = {page.dialog.model.row_at(i).name: page.dialog.model.row_at(i).detail for i in (0, 1)}
    assert rows == {ORGS["S1"][0]: "Has overdue actions", ORGS["S4"][0]: ""}


def test_the_companies_tile_lists_leaders_then_each_tier(
    qtbot, page: DashboardPage, province
) -> None:
    page.filters.select(chain_id=province["K1"])
    qtbot.mouseClick(page.tiles["companies"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=WAIT_MS)
    rows = {page.dialog.model.row_at(i).name: page.dialog.model.row_at(i).detail for i in range(4)}
    assert page.dialog.model.rowCount() == COMPANIES["K1"]
    assert rows == {
        ORGS["L1"][0]: "Chain leader",
        ORGS["S1"][0]: "Tier 1 supplier",
        ORGS["S2"][0]: "Tier 1 supplier",
        ORGS["S3"][0]: "Tier 2 supplier",
    }


def _listed(qtbot, page: DashboardPage) -> tuple[str, list[tuple[str, str]]]:
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=WAIT_MS)
    model, heading = page.dialog.model, page.dialog.ui.heading.text()
    page.dialog.close()  # the next click opens a new one
    page.dialog = None
    return heading, [
        (model.row_at(i).name, model.row_at(i).detail) for i in range(model.rowCount())
    ]


def test_the_services_tile_and_bars_list_the_companies_with_their_events(
    qtbot, page: DashboardPage, province
) -> None:
    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    page.filters.select(chain_id=province["K1"])
    members = CHAINS["K1"][2]
    expected = []
    for org in sorted(members, key=lambda o: ORGS[o][0]):
        visits = sum(n for o, n in VISITS if o == org)
        assessed = sum(o == org and when is this_year for o, _g, _s, when in EVALUATIONS)
        cases = sum(o == org for o, _field, _solved in CASES)
        said = [plural(visits, "visit")] if visits else []
        said += [plural(assessed, "assessment")] if assessed else []
        said += [plural(cases, "case")] if cases else []
        if said:
            expected.append((ORGS[org][0], " · ".join(said)))
    qtbot.mouseClick(page.tiles["services"], Qt.MouseButton.LeftButton)
    heading, listed = _listed(qtbot, page)
    assert listed == expected
    assert (ORGS["S1"][0], "3 visits · 1 assessment · 1 case") in listed
    assert heading.startswith("Clinic services — 有色金属产业链")

    page.filters.select(chain_id=None)  # all chains: the visits of January
    january = f"{date.today().year}-01"
    _click_bar(qtbot, page, "services", f"services:{january}:visits")
    visited = sorted((ORGS[o][0], plural(n, "visit")) for o, n in VISITS)
    heading, listed = _listed(qtbot, page)
    assert sorted(listed) == visited
    assert heading.startswith(f"Clinic services · {january} · Visits")

    _click_bar(qtbot, page, "problems", "problems:metrology:solved")
    solved = [(ORGS[o][0], "1 solved") for o, f, ok in CASES if ok and f == "metrology"]
    assert _listed(qtbot, page)[1] == solved


def test_what_each_figure_asks_for() -> None:
    assert drill_down("grades:previous:C") == (("previous_grade", "C", "grade:C"),)
    assert drill_down("coverage:msa") == (("coverage:msa", "", "in_place"),)
    assert drill_down("services:2026-03:visits") is None  # counted per event, not per company
    assert drill_down("problems:metrology:solved") is None
    assert event_drill("services:2026-03:visits") == (("visit",), None, "2026-03")
    assert event_drill("problems:metrology:received") == (("case",), "metrology", None)
    assert event_drill("problems") == (("case", "solved"), None, None)
    assert event_drill("grades:now:B") is None


def test_changes_refresh_once_after_a_burst(qtbot, page: DashboardPage, services, province) -> None:
    computed = page._generation
    for name in ("赵一", "钱二", "孙三"):  # three commits in a row
        services.organizations.update(province["S2"], cqo_name=name)
    qtbot.waitUntil(lambda: page.tiles["cqo"].value_label.text() == "4 of 6", timeout=WAIT_MS)
    assert page._generation == computed + 1


def test_the_charts_speak_the_interface_language(qapp, page: DashboardPage) -> None:
    from qclinic.ui import i18n

    def title() -> str:
        return str(page.charts["grades"].figure.axes[0].get_title(loc="left"))

    assert title() == "Supplier grades (4-level evaluation)"
    i18n.install_translators(qapp, "zh")
    try:
        page.retranslate()
        assert title() == "供应商质量等级分布(四级评价)"
        assert page.tiles["companies"].caption.text() == "企业"
    finally:
        i18n.install_translators(qapp, "en")


def test_periods() -> None:
    today = date(2026, 3, 31)
    assert period_days("year", today) == (date(2026, 1, 1), today)
    assert period_days("12-months", today) == (date(2025, 4, 1), today)
    assert period_days("quarter", today) == (date(2026, 1, 1), today)
    assert period_days("last-year", today) == (date(2025, 1, 1), date(2025, 12, 31))
    assert period_days("all", today) == (None, None)
    assert period_days("12-months", date(2024, 2, 29)) == (date(2023, 3, 1), date(2024, 2, 29))
    assert months_between("2025-11", "2026-02") == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert months_between("2026-02", "2026-01") == []


def test_the_dashboard_is_the_home_page_once_there_are_organizations(
    qtbot, database, signals
) -> None:
    from qclinic.ui.main_window import PAGES, MainWindow

    assert PAGES[0].key == "dashboard"
    empty = MainWindow(signals, lang="en")
    qtbot.addWidget(empty)
    empty.attach_database(database)
    assert empty.stack.currentWidget() is empty.page("organizations")  # the welcome
    build(database)
    window = MainWindow(signals, lang="en")
    qtbot.addWidget(window)
    window.attach_database(database)
    assert window.stack.currentWidget() is window.page("dashboard")
    qtbot.waitUntil(lambda: window.page("dashboard").portfolio is not None, timeout=WAIT_MS)


def test_a_chart_redrawn_with_the_same_words_keeps_its_layout(qtbot) -> None:
    """The constrained layout (half of a redraw) runs again only for other words or another size."""
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    from qclinic.charts.portfolio_figures import draw_grades
    from qclinic.ui.dashboard.chart_panel import ChartPanel

    panel = ChartPanel("chart-test")
    qtbot.addWidget(panel)
    panel.resize(580, 270)
    panel.show()
    qtbot.waitExposed(panel)

    def draw(now: dict[str, int]) -> tuple[object, bool]:
        panel.draw(lambda figure: draw_grades(figure, now, {"A": 1, "B": 2}, "en"))
        panel.canvas.draw()
        engine = panel.figure.get_layout_engine()
        return panel.figure.axes[0].get_position().bounds, isinstance(
            engine, ConstrainedLayoutEngine
        )

    first, laid_out = draw({"A": 3, "B": 5})
    assert laid_out
    again, laid_out = draw({"A": 4, "B": 2})  # other counts, the same words and digits
    assert not laid_out and again == first
    wider, laid_out = draw({"A": 4000, "B": 2})  # four digits on the axis: laid out again
    assert laid_out and wider != first
    panel.resize(760, 300)
    qtbot.waitUntil(lambda: panel.figure.get_size_inches()[0] > 7)
    resized, _ = draw({"A": 4000, "B": 2})
    assert resized != wider  # the resize laid it out again
