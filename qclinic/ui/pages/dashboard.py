"""The campaign dashboard, the app's home page: how the chains stand, by chain, region and period.

Figure tiles (companies, graded suppliers, chief quality officers, services, problems, actions)
over four charts (grades now and before, 4 × 100% coverage, problems by NQI field, services by
month), a tab of lists (weakest suppliers, open actions by company and owner) and one of the
outcome totals (:mod:`qclinic.ui.dashboard.outcomes`); each clicks through to its companies.

Paint first, fill after: the page is built with empty tiles and placeholder panels (this module
imports no matplotlib, numpy or SQLAlchemy), and :meth:`DashboardPage.load` computes the figures
of every chain of the region and period on a worker thread (``services.portfolio``; the outcome
totals on a second one, so the figures never wait for them), which also imports the chart
modules, so the UI thread only draws. Switching the chain shows the figures already held; the
region and the period compute again. Committed changes refresh the figures once they pause
(debounced), or when the page is next shown.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qclinic.services import ChangeEvent, Services
from qclinic.ui import tasks
from qclinic.ui.dashboard.chart_panel import ChartPanel
from qclinic.ui.dashboard.companies import CompaniesDialog, CompanyRow
from qclinic.ui.dashboard.drill import (
    chain_choices,
    detail_text,
    drill_down,
    event_drill,
    event_rows,
    figure_detail,
    outcome_drill,
    outcome_rows,
    portfolio_filter,
)
from qclinic.ui.dashboard.filter_bar import ChainChoice, FilterBar
from qclinic.ui.dashboard.lists import (
    ROW_ROLE,
    CompanyActionsModel,
    ListRow,
    OwnerActionsModel,
    WeakestModel,
)
from qclinic.ui.dashboard.outcomes import OutcomeTotalsPanel
from qclinic.ui.dashboard.periods import months_between, period_days
from qclinic.ui.dashboard.tiles import FigureTile
from qclinic.ui.elided_label import ElidedLabel
from qclinic.ui.errors import show_error, ui_language
from qclinic.ui.list_view import record_list
from qclinic.ui.signals import AppSignals

# committed changes to these tables change a figure
FIGURE_TABLES = frozenset(
    {
        "organization",
        "chain",
        "chain_member",
        "assessment",
        "answer",
        "visit",
        "clinic_case",
        "action",
        "person",
        "referral",
        "outcome",
    }
)
# a burst of changes (sync, the demo) refreshes once, this long after the last one
REFRESH_DELAY_MS = 600
TILES = ("companies", "grades", "cqo", "services", "problems", "actions")
CHARTS = ("grades", "coverage", "problems", "services")


class DashboardPage(QWidget):
    def __init__(self, services: Services, signals: AppSignals, lang: str) -> None:
        super().__init__()
        self._services = services
        self._signals = signals
        self._lang = lang
        self._stale = False
        self._generation = 0  # the latest computation; older results are dropped
        self.portfolio: Any = None  # the last Portfolio computed (qclinic.core.portfolio)
        # chain id (None: all) → its outcome totals; None while they are computed
        self.outcomes: dict[str | None, Any] | None = None
        self.dialog: CompaniesDialog | None = None
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._build()
        self.filters.changed.connect(self.on_filter_changed)
        for tile in self.tiles.values():
            tile.clicked.connect(self.open_figure)
        for panel in self.charts.values():
            panel.clickable = lambda gid: (drill_down(gid) or event_drill(gid)) is not None
            panel.clicked.connect(self.open_figure)
        self.outcomes_panel.clicked.connect(self.open_figure)
        for view in (self.weakest_view, self.company_actions_view):
            view.doubleClicked.connect(self.on_list_activated)
        signals.changed.connect(self.on_changed)
        self.retranslate()

    # --- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.status = ElidedLabel()
        self.status.setStyleSheet("color: palette(mid);")
        self.filters = FilterBar()
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.status, 1)
        top.addWidget(self.filters, 3)

        self.tiles = {key: FigureTile(key) for key in TILES}
        tiles = QHBoxLayout()
        tiles.setSpacing(8)
        for key, tile in self.tiles.items():  # the services tile names four kinds: wider
            tiles.addWidget(tile, 3 if key == "services" else 2)

        self.charts = {key: ChartPanel(f"chart-{key}") for key in CHARTS}
        overview = QWidget()
        grid = QGridLayout(overview)
        grid.setContentsMargins(0, 4, 0, 0)
        for number, key in enumerate(CHARTS):
            grid.addWidget(self.charts[key], number // 2, number % 2)

        self.weakest_model = WeakestModel(self)
        self.company_actions_model = CompanyActionsModel(self)
        self.owner_actions_model = OwnerActionsModel(self)
        self.weakest_view = self._list(self.weakest_model)
        self.company_actions_view = self._list(self.company_actions_model)
        self.owner_actions_view = self._list(self.owner_actions_model)
        self.weakest_title = QLabel()
        self.company_actions_title = QLabel()
        self.owner_actions_title = QLabel()
        lists = QWidget()
        columns = QHBoxLayout(lists)
        columns.setContentsMargins(0, 4, 0, 0)
        for title, view in (
            (self.weakest_title, self.weakest_view),
            (self.company_actions_title, self.company_actions_view),
            (self.owner_actions_title, self.owner_actions_view),
        ):
            column = QVBoxLayout()
            column.addWidget(title)
            column.addWidget(view, 1)
            columns.addLayout(column, 1)

        self.outcomes_panel = OutcomeTotalsPanel()
        self.tabs = QTabWidget()
        self.tabs.addTab(overview, "")
        self.tabs.addTab(lists, "")
        self.tabs.addTab(self.outcomes_panel, "")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(tiles)
        layout.addWidget(self.tabs, 1)

    @staticmethod
    def _list(model: Any) -> QTableView:
        view = record_list(model, row_height=24)
        view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            view.horizontalHeader().resizeSection(column, 64)
        view.setMinimumWidth(150)
        return view

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Dashboard"))
        self.tabs.setTabText(0, self.tr("Charts"))
        self.tabs.setTabText(1, self.tr("Suppliers and actions"))
        self.tabs.setTabText(2, self.tr("Outcomes"))
        self.weakest_title.setText(self.tr("Weakest suppliers"))
        self.company_actions_title.setText(self.tr("Open actions by company"))
        self.owner_actions_title.setText(self.tr("Open actions by owner"))
        captions = {
            "companies": self.tr("Companies"),
            "grades": self.tr("Suppliers graded"),
            "cqo": self.tr("Chief quality officers"),
            "services": self.tr("Clinic services"),
            "problems": self.tr("Problems solved"),
            "actions": self.tr("Open actions"),
        }
        for key, tile in self.tiles.items():
            tile.set_caption(captions[key])
        self.filters.retranslate()
        for model in (self.weakest_model, self.company_actions_model, self.owner_actions_model):
            model.retranslate()
        if self.portfolio is None:
            for panel in self.charts.values():
                panel.set_placeholder(self.tr("Computing the figures…"))
        else:
            self.show_figures()

    def set_language(self, lang: str) -> None:
        self._lang = lang  # the charts' words follow at the next draw (retranslate redraws)

    # --- loading ---------------------------------------------------------------------------
    def load(self) -> None:
        """Compute the figures for the region and period chosen, on a worker thread."""
        self.refresh()

    def refresh(self) -> None:
        self._refresh_timer.stop()
        self._stale = False
        self._generation += 1
        generation = self._generation
        self.status.setText(self.tr("Computing the figures…"))
        services, days = self._services, self.filter_days()

        def compute(_progress: tasks.Progress) -> tuple[Any, list[ChainChoice]]:
            # the chart modules (matplotlib, numpy) are imported here, off the UI thread
            from matplotlib.backends import backend_qtagg  # noqa: F401

            import qclinic.charts.portfolio_figures
            import qclinic.charts.portfolio_update  # noqa: F401

            figures = services.portfolio.figures(portfolio_filter(days))
            return figures, chain_choices(services)

        def totals(_progress: tasks.Progress) -> Any:
            flt = portfolio_filter(days)
            return services.outcomes.portfolio_totals(flt.region, (), flt.start, flt.as_of)

        tasks.run_task(
            compute,
            on_done=lambda result: self._computed(generation, result),
            on_error=self._failed,
            owner=self,
        )
        self.outcomes = None
        self.outcomes_panel.show_pending()
        tasks.run_task(
            totals,
            on_done=lambda result: self._totalled(generation, result),
            on_error=self._failed,
            owner=self,
        )

    def filter_days(self) -> tuple[str | None, date | None, date | None, date]:
        """The region, first and last day of the period, and today, as the bar shows them."""
        today = date.today()
        start, end = period_days(self.filters.period(), today)
        return self.filters.region(), start, end, today

    def _totalled(self, generation: int, outcomes: dict[str | None, Any]) -> None:
        if generation != self._generation:
            return
        self.outcomes = outcomes
        if self.portfolio is not None:
            self.outcomes_panel.show(outcomes, self.figures().id, ui_language())

    def _computed(self, generation: int, result: tuple[Any, list[ChainChoice]]) -> None:
        if generation != self._generation:
            return  # a newer filter is being computed
        self.portfolio, choices = result
        self.filters.set_chains(choices)
        self.show_figures()
        self.status.setText(
            self.tr("Updated %1").replace("%1", datetime.now().strftime("%H:%M"))
            if self.portfolio is not None
            else ""
        )

    def _failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("The figures could not be computed."))
        show_error(error, self)

    # --- showing ---------------------------------------------------------------------------
    def figures(self) -> Any:
        """The figures shown: the chosen chain's, or all chains' together."""
        if self.portfolio is None:
            return None
        chain = self.filters.chain_id()
        for figures in self.portfolio.chains:
            if figures.id == chain:
                return figures
        return self.portfolio.total

    def show_figures(self) -> None:
        figures = self.figures()
        if figures is None:
            return
        self._show_tiles(figures)
        self._draw_charts(figures)
        self._fill_lists(figures)
        self.outcomes_panel.show(self.outcomes, figures.id, ui_language())

    def _show_tiles(self, f: Any) -> None:
        n = _number
        leaders = f.by_role.get("chain-leader", 0)
        suppliers = f.companies - leaders
        tiers = ", ".join(
            self.tr("tier %1: %2").replace("%1", str(tier)).replace("%2", n(count))
            for tier, count in sorted(f.by_tier.items())
            if tier > 0
        )
        self.tiles["companies"].set_value(
            n(f.companies),
            self.tr("leaders %1 · %2").replace("%1", n(leaders)).replace("%2", tiers or "—"),
        )
        graded = sum(count for grade, count in f.grades.items() if grade != "ungraded")
        rose, fell = _moves(f.movement)
        moved = (
            self.tr("%1 rose · %2 fell").replace("%1", n(rose)).replace("%2", n(fell))
            if f.previous_grades is not None
            else ""
        )
        self.tiles["grades"].set_value(
            self.tr("%1 of %2").replace("%1", n(graded)).replace("%2", n(suppliers)), moved
        )
        self.tiles["cqo"].set_value(
            self.tr("%1 of %2").replace("%1", n(f.cqo_appointed)).replace("%2", n(f.companies)),
            self.tr("appointed"),
        )
        s = f.services
        self.tiles["services"].set_value(
            n(s.total),
            self.tr("visits %1 · assessments %2 · cases %3 · referrals %4")
            .replace("%1", n(s.visits))
            .replace("%2", n(s.assessments))
            .replace("%3", n(s.cases))
            .replace("%4", n(s.referrals)),
        )
        self.tiles["problems"].set_value(
            n(f.problems.solved),
            self.tr("of %1 received").replace("%1", n(f.problems.received)),
        )
        self.tiles["actions"].set_value(
            n(f.actions_open),
            self.tr("%1 overdue").replace("%1", n(f.actions_overdue)),
            warning=f.actions_overdue > 0,
        )

    def _draw_charts(self, f: Any) -> None:
        from qclinic.charts import portfolio_figures as charts
        from qclinic.charts import portfolio_update as in_place

        lang = ui_language()
        coverage = {key: (c.covered, c.of) for key, c in f.coverage.items()}
        by_field = {key: (p.received, p.solved) for key, p in f.problems_by_field.items()}
        # every month of the period, the quiet ones too (the figures name busy months only)
        held = {m.month: m.services for m in f.by_month}
        _region, start, end, today = self.filter_days()
        first = start.isoformat()[:7] if start else min(held, default="")
        last = (end or today).isoformat()[:7] if start else max(held, default="")
        months = months_between(first, last) if first else []
        series = {
            kind: [getattr(held[m], kind) if m in held else 0 for m in months]
            for kind in ("visits", "assessments", "cases", "referrals")
        }
        for key, args in (
            ("grades", (f.grades, f.previous_grades)),
            ("coverage", (coverage,)),
            ("problems", (by_field,)),
            ("services", (months, series)),
        ):  # new numbers on the same bars are put in place (a chain switch): no rebuild
            draw, update = getattr(charts, f"draw_{key}"), getattr(in_place, f"update_{key}")
            self.charts[key].draw(
                lambda fig, d=draw, a=args: d(fig, *a, lang),
                lambda fig, u=update, a=args: u(fig, *a, lang),
            )

    def _fill_lists(self, f: Any) -> None:
        n = _number
        self.weakest_model.set_rows(
            ListRow(w.company.id, w.company.name, (_grade(w.grade), f"{w.score:.1f}"))
            for w in f.weakest
        )
        self.company_actions_model.set_rows(
            ListRow(a.company.id, a.company.name, (n(a.open), n(a.overdue)), a.overdue > 0)
            for a in f.actions_by_company
        )
        self.owner_actions_model.set_rows(
            ListRow("", a.owner or "—", (n(a.open), n(a.overdue)), a.overdue > 0)
            for a in f.actions_by_owner
        )

    # --- filters, clicks -------------------------------------------------------------------
    def on_filter_changed(self, which: str) -> None:
        if which == "chain" and self.portfolio is not None:
            self.show_figures()  # every chain of the region is held: no new computation
        else:
            self.refresh()

    def open_figure(self, figure: str) -> None:
        """Show the companies behind *figure* (a tile's key or a bar's gid), read on a worker;
        double-clicking one opens it. Figures without a list of companies do nothing."""
        figures = self.figures()
        tiers = sorted(figures.by_tier) if figures is not None else []
        asked, events, outcome = (
            drill_down(figure, tiers),
            event_drill(figure),
            outcome_drill(figure),
        )
        if asked is None and events is None and outcome is None:
            return
        services, days, chain = self._services, self.filter_days(), self.filters.chain_id()
        heading = self._figure_heading(figure)
        lang = ui_language()

        def read(_progress: tasks.Progress) -> list[CompanyRow]:
            flt = portfolio_filter(days)
            if outcome is not None:  # an outcome total: each company with its figures
                return outcome_rows(services, flt, outcome, chain)
            if events is not None:  # services and problems: each company with its events
                return event_rows(services, flt, events, chain, lang)
            rows: dict[str, CompanyRow] = {}
            for name, key, detail in asked or ():
                for company in services.portfolio.companies(flt, name, key, chain):
                    said = detail_text(detail, lang)
                    rows.setdefault(company.id, CompanyRow(company.id, company.name, said))
            return sorted(rows.values(), key=lambda r: (r.name, r.id))

        tasks.run_task(
            read,
            on_done=lambda rows: self._show_companies(heading, rows),
            on_error=self._failed,
            owner=self,
        )

    def _show_companies(self, heading: str, rows: list[CompanyRow]) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = CompaniesDialog(self._signals, heading, rows, self)
        self.dialog.open()

    def _figure_heading(self, figure: str) -> str:
        """What the list of companies shows: the figure's name and the filter."""
        chain = self.filters.chain_combo.currentText()
        period = self.filters.period_combo.currentText()
        names = {
            "companies": self.tr("Companies"),
            "grades": self.tr("Suppliers by grade"),
            "cqo": self.tr("Chief quality officers appointed"),
            "actions": self.tr("Companies with open actions"),
            "coverage": self.tr("4 × 100% coverage"),
            "services": self.tr("Clinic services"),
            "problems": self.tr("Problems received and solved"),
            "outcome": self.tr("Outcomes"),
        }
        detail = figure_detail(figure, ui_language())
        name = names.get(figure.partition(":")[0], "")
        return f"{name}{' · ' + detail if detail else ''} — {chain} · {period}"

    def on_list_activated(self, index: Any) -> None:
        row: ListRow | None = index.data(ROW_ROLE)
        if row is not None and row.key:
            self._signals.open_organization.emit(row.key)

    # --- app events ------------------------------------------------------------------------
    def on_changed(self, event: ChangeEvent) -> None:
        if event.entity not in FIGURE_TABLES:
            return
        if self.isVisible():
            self._refresh_timer.start()  # restarts: one refresh after the burst
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()


def _number(value: int) -> str:
    return f"{value:,}"


def _grade(grade: str) -> str:
    from qclinic.charts.portfolio_figures import grade_label

    return grade_label(grade, ui_language())


def _moves(movement: Any) -> tuple[int, int]:
    from qclinic.core.portfolio import movement_summary

    rose, fell, _same = movement_summary(movement)
    return rose, fell


def create(services: Services, signals: AppSignals, lang: str) -> QWidget:
    return DashboardPage(services, signals, lang)
