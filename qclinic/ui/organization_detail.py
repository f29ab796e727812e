"""The detail of one organization: who it is, its assessment history with the trend, its open
actions (overdue ones in red), its clinic cases and its sites.

Layout (``_build``) is kept apart from behaviour (loading, slots). The tables are the small models
of :mod:`qclinic.ui.organization_detail_model`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qclinic.core.vocabulary import ChainRole
from qclinic.errors import UserError
from qclinic.ui.elided_label import ElidedLabel
from qclinic.ui.errors import show_error
from qclinic.ui.labels import label
from qclinic.ui.list_view import record_list
from qclinic.ui.organization_deletion import Deletions
from qclinic.ui.organization_detail_model import (
    ROW_ROLE,
    SORT_ROLE,
    AssessmentLine,
    RecordsModel,
    action_columns,
    assessment_columns,
    assessment_lines,
    case_columns,
    grade_trend,
    is_overdue,
    site_columns,
)
from qclinic.ui.outcomes_panel import OutcomesPanel
from qclinic.ui.signals import AppSignals
from qclinic.ui.start_assessment_dialog import StartAssessmentDialog

if TYPE_CHECKING:
    from qclinic.services import Services
    from qclinic.storage.models import Organization


def _table(model: RecordsModel, stretch: int) -> tuple[QTableView, QSortFilterProxyModel]:
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = record_list(proxy)
    header = view.horizontalHeader()
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # as loaded (descending reverses)
    view.setSortingEnabled(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view, proxy


class OrganizationDetail(QWidget):
    """Shows one organization; ``edit_requested`` asks the page to open the edit dialog."""

    edit_requested = Signal(str)

    def __init__(
        self,
        services: Services,
        signals: AppSignals,
        lang: str,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._signals = signals
        self._lang = lang
        self.today = today
        self.organization_id: str | None = None
        self.start_dialog: StartAssessmentDialog | None = None
        self.deletions: Deletions | None = None  # set by the page: deleting sites, with undo
        self.assessment_model = RecordsModel(assessment_columns())
        self.action_model = RecordsModel(action_columns(), style=self._action_style)
        self.case_model = RecordsModel(case_columns())
        self.site_model = RecordsModel(site_columns())
        self._build()
        self.assessment_view.doubleClicked.connect(self.on_assessment_double_clicked)
        self.edit_button.clicked.connect(self.on_edit_clicked)
        self.start_button.clicked.connect(self.on_start_clicked)
        self.compare_button.clicked.connect(self.on_compare_clicked)
        self.site_name_edit.textChanged.connect(self.on_site_input_changed)
        self.site_name_edit.returnPressed.connect(self.on_add_site)
        self.site_address_edit.returnPressed.connect(self.on_add_site)
        self.add_site_button.clicked.connect(self.on_add_site)
        self.delete_site_button.clicked.connect(self.on_delete_site)
        self.site_view.selectionModel().selectionChanged.connect(self._update_site_buttons)
        self.site_model.modelReset.connect(self._update_site_buttons)
        self.on_site_input_changed("")
        self._update_site_buttons()
        self.retranslate()
        self.show_organization(None)

    # --- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.placeholder = QLabel()
        self.placeholder.setObjectName("detailPlaceholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: palette(mid); padding: 24px;")

        self.name_label = QLabel()
        self.name_label.setObjectName("organizationName")
        self.name_label.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.name_label.setWordWrap(True)
        self.facts_label = QLabel()
        self.facts_label.setWordWrap(True)
        self.chains_label = ElidedLabel()
        self.chains_label.setObjectName("organizationChains")
        self.contact_label = QLabel()
        self.contact_label.setWordWrap(True)
        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        self.notes_label.setStyleSheet("color: #555;")
        self.edit_button = QPushButton()
        self.start_button = QPushButton()
        self.start_button.setDefault(True)
        self.compare_button = QPushButton()
        self.compare_button.setEnabled(False)
        heading = QHBoxLayout()
        heading.addWidget(self.name_label, 1)
        heading.addWidget(self.edit_button)
        heading.addWidget(self.compare_button)
        heading.addWidget(self.start_button)

        self.assessment_view, self.assessment_proxy = _table(self.assessment_model, 2)
        self.trend_label = QLabel()
        self.trend_label.setObjectName("trendLabel")
        assessments_tab = QWidget()
        box = QVBoxLayout(assessments_tab)
        box.addWidget(self.trend_label)
        box.addWidget(self.assessment_view)

        self.action_view, self.action_proxy = _table(self.action_model, 0)
        self.case_view, self.case_proxy = _table(self.case_model, 0)

        self.site_view, self.site_proxy = _table(self.site_model, 1)
        self.site_name_edit = QLineEdit()
        self.site_address_edit = QLineEdit()
        self.add_site_button = QPushButton()
        self.delete_site_button = QPushButton()
        adder = QHBoxLayout()
        adder.addWidget(self.site_name_edit, 1)
        adder.addWidget(self.site_address_edit, 2)
        adder.addWidget(self.add_site_button)
        adder.addSpacing(16)
        adder.addWidget(self.delete_site_button)
        sites_tab = QWidget()
        box = QVBoxLayout(sites_tab)
        box.addWidget(self.site_view)
        box.addLayout(adder)

        self.tabs = QTabWidget()
        self.tabs.addTab(assessments_tab, "")
        self.tabs.addTab(self.action_view, "")
        self.tabs.addTab(self.case_view, "")
        self.tabs.addTab(sites_tab, "")
        self.outcomes_panel = OutcomesPanel(self._services, self.today)
        self.tabs.addTab(self.outcomes_panel, "")

        content = QWidget()
        box = QVBoxLayout(content)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(heading)
        box.addWidget(self.facts_label)
        box.addWidget(self.chains_label)
        box.addWidget(self.contact_label)
        box.addWidget(self.notes_label)
        box.addWidget(self.tabs, 1)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

    def retranslate(self) -> None:
        self.placeholder.setText(
            self.tr("Select an organization to see its assessments, actions, cases and sites.")
        )
        self.edit_button.setText(self.tr("Edit…"))
        self.start_button.setText(self.tr("Start assessment…"))
        self.compare_button.setText(self.tr("Compare…"))
        self.compare_button.setToolTip(self.tr("Two assessments side by side, with a radar"))
        self.site_name_edit.setPlaceholderText(self.tr("New site name"))
        self.site_address_edit.setPlaceholderText(self.tr("Address"))
        self.add_site_button.setText(self.tr("Add site"))
        self.delete_site_button.setText(self.tr("Delete site…"))
        for model in (self.assessment_model, self.action_model, self.case_model, self.site_model):
            model.retranslate()
        self.outcomes_panel.retranslate()
        if self.organization_id is not None:
            self.reload()

    # --- loading --------------------------------------------------------------------------
    def show_organization(self, organization_id: str | None) -> None:
        self.organization_id = organization_id
        self.reload()

    def reload(self) -> None:
        """Read everything shown for the current organization again (one read session)."""
        if self.organization_id is None:
            self.stack.setCurrentIndex(0)
            return
        overview = self._services.organizations.overview(self.organization_id)
        if overview is None:  # deleted meanwhile (another window, an undo…)
            self.organization_id = None
            self.stack.setCurrentIndex(0)
            return
        titles = self._services.library.titles(self._lang)
        lines = assessment_lines(overview.assessments, overview.visit_dates, titles)
        actions, cases, sites = overview.open_actions, overview.cases, overview.sites
        organization = overview.organization
        self._show_heading(organization)
        self.assessment_model.set_rows(lines)
        self.compare_button.setEnabled(len(lines) >= 2)
        self.action_model.set_rows(actions)
        self.case_model.set_rows(cases)
        self.site_model.set_rows(sites)
        self._show_counts(lines, actions, len(cases), len(sites))
        kinds = self.outcomes_panel.load(organization.id)
        self.tabs.setTabText(4, self.tr("Outcomes (%1)").replace("%1", str(kinds)))
        self.stack.setCurrentIndex(1)

    def _show_heading(self, organization: Organization) -> None:
        self.name_label.setText(organization.name)
        facts = [
            self.tr("Credit code %1").replace("%1", organization.uscc)
            if organization.uscc
            else self.tr("No credit code"),
            label(organization.industry_chain),
            label(organization.chain_role),
            label(organization.size_class),
            organization.region or "",
        ]
        self.facts_label.setText("  ·  ".join(part for part in facts if part))
        contact = [organization.cqo_name, organization.cqo_phone, organization.cqo_email]
        known = [escape(part) for part in contact if part]
        self.contact_label.setText(
            "<b>" + self.tr("Chief quality officer:") + "</b> " + "  ·  ".join(known)
            if known
            else self.tr("No chief quality officer recorded.")
        )
        self.notes_label.setText(organization.notes)
        self.notes_label.setVisible(bool(organization.notes))
        self._show_chains(organization.id)

    def _show_chains(self, organization_id: str) -> None:
        """One line: the chains the company is in, with its place in each."""
        places = []
        for membership in self._services.chains.memberships(organization_id):
            if membership.role == ChainRole.CHAIN_LEADER:
                place = self.tr("%1 (leader)")
            else:
                place = self.tr("%1 (tier %2 supplier)").replace("%2", str(membership.tier))
            places.append(place.replace("%1", membership.chain_name))
        self.chains_label.setText(
            self.tr("Chains: %1").replace("%1", "; ".join(places))
            if places
            else self.tr("Not in any chain yet.")
        )

    def _show_counts(
        self, lines: list[AssessmentLine], actions: list[object], cases: int, sites: int
    ) -> None:
        today = self.today()
        overdue = sum(1 for a in actions if is_overdue(a, today))
        self.tabs.setTabText(0, self.tr("Assessments (%1)").replace("%1", str(len(lines))))
        actions_text = self.tr("Open actions (%1)").replace("%1", str(len(actions)))
        if overdue:
            actions_text += " · " + self.tr("%1 overdue").replace("%1", str(overdue))
        self.tabs.setTabText(1, actions_text)
        self.tabs.setTabText(2, self.tr("Clinic cases (%1)").replace("%1", str(cases)))
        self.tabs.setTabText(3, self.tr("Sites (%1)").replace("%1", str(sites)))
        trend = grade_trend(lines)
        self.trend_label.setText(
            self.tr("Trend (oldest → newest): %1").replace("%1", trend)
            if trend
            else self.tr("No scored assessment yet.")
        )

    def _action_style(self, action: object) -> bool:
        """Whether *action* is shown as overdue (red, bold)."""
        return is_overdue(action, self.today())

    # --- slots ----------------------------------------------------------------------------
    def on_assessment_double_clicked(self, index: QModelIndex) -> None:
        line = index.data(ROW_ROLE)
        if isinstance(line, AssessmentLine):
            self._signals.open_assessment.emit(line.id)

    def on_edit_clicked(self) -> None:
        if self.organization_id is not None:
            self.edit_requested.emit(self.organization_id)

    def on_start_clicked(self) -> None:
        if self.organization_id is None:
            return
        self.start_dialog = StartAssessmentDialog(
            self._services, self._signals, self._lang, self.organization_id, self, self.today()
        )
        self.start_dialog.open()

    def on_compare_clicked(self) -> None:
        if self.organization_id is None:
            return
        from qclinic.ui.compare_view import open_compare  # matplotlib only when comparing

        open_compare(self, self._services, self._lang, self.organization_id)

    def on_site_input_changed(self, text: str) -> None:
        self.add_site_button.setEnabled(bool(text.strip()))

    def selected_site_id(self) -> str | None:
        index = self.site_view.currentIndex()
        if not index.isValid() or not self.site_view.selectionModel().hasSelection():
            return None
        site = index.data(ROW_ROLE)
        return getattr(site, "id", None)

    def _update_site_buttons(self) -> None:
        self.delete_site_button.setEnabled(self.selected_site_id() is not None)

    def on_delete_site(self) -> None:
        site_id = self.selected_site_id()
        if site_id is not None and self.deletions is not None:
            self.deletions.delete_site(site_id)

    def on_add_site(self) -> None:
        name = self.site_name_edit.text().strip()
        if self.organization_id is None or not name:
            return
        try:
            self._services.organizations.add_site(
                self.organization_id, name, self.site_address_edit.text(), source=self
            )
        except UserError as exc:
            show_error(exc, self)
            return
        self.site_name_edit.clear()
        self.site_address_edit.clear()  # the page reloads the detail on the site's change
