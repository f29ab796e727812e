"""The SPC workspace's analyses: loading a dataset, the chart and capability, the gage study,
and the question about missing values. A mixin of :class:`qclinic.ui.pages.spc.SpcPage` (kept
apart so each module stays small); its strings keep the page's translation context.

Statistics come from :meth:`AnalysisService.analyze <qclinic.services.analyses.AnalysisService>`
(the one chart dispatch, in core). A dataset of more than :data:`LARGE` values is read and
analysed on a worker thread (:func:`qclinic.ui.tasks.run_task`) with its progress in the status
line, so a million points never freeze the window; a small one is analysed at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from qclinic.core.spc.analysis import ATTRIBUTE_CHARTS, default_chart
from qclinic.errors import UserError
from qclinic.ui.errors import show_error, user_message
from qclinic.ui.spc import dataset_settings
from qclinic.ui.tasks import Cancelled, Progress, Task, run_task

# above this many values a dataset is read and analysed in the background
LARGE = 50_000
_ERROR_STYLE = "color: #b71c1c;"


class DatasetAnalysis:
    """Analysis handlers of the SPC page (``self`` is the page)."""

    _services: Any
    _lang: str
    dataset: Any
    data: Any
    result: Any
    analysis: Any
    gage_result: Any
    chart_view: Any
    capability_view: Any
    gage_view: Any
    tabs: Any
    grid: Any
    values_model: Any
    list_model: Any
    _applying: bool
    _declined: dict[str, Any]
    _job: Task | None
    _wanted: str | None

    # --- background work ------------------------------------------------------------------
    def busy(self) -> bool:
        """Whether a dataset is being read or analysed in the background."""
        return self._job is not None and not self._job.finished

    def _cancel_job(self) -> None:
        if self._job is not None:
            self._job.progress.cancel()
        self._job = None

    def _run(self, work: Callable[[Progress], Any], done: Callable[[Any], None], big: bool) -> None:
        """Run *work* in the background when *big* (progress in the status line), else now.
        Only the latest job's outcome is shown: an earlier one still running is cancelled."""
        self._cancel_job()
        if not big:
            try:
                done(work(Progress()))
            except UserError as error:
                self.show_refusal(error)
            return
        job: list[Task] = []

        def deliver(value: Any) -> None:
            if self._job is job[0]:
                self._job = None
                done(value)

        def failed(error: BaseException) -> None:
            if self._job is job[0]:
                self.on_job_failed(error)

        def run(progress: Progress) -> Any:
            if progress.cancelled:
                raise Cancelled
            return work(progress)

        job.append(
            run_task(
                run,
                on_done=deliver,
                on_error=failed,
                on_progress=self.on_job_progress,
                owner=self,  # type: ignore[arg-type]
            )
        )
        self._job = job[0]

    def on_job_progress(self, fraction: float, _text: str) -> None:
        if self.chart_view is not None:
            self.chart_view.status.setStyleSheet("")
            self.chart_view.status.setText(
                QCoreApplication.translate("SpcPage", "Analysing %1 values… %2 %")
                .replace("%1", f"{self._size():,}")
                .replace("%2", str(round(fraction * 100)))
            )

    def on_job_failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.show_refusal(error)
        else:
            show_error(error, self)

    def show_refusal(self, error: UserError) -> None:
        """An analysis the data does not allow: the reason in the status line, nothing drawn."""
        self.result = self.analysis = None
        if self.chart_view is not None:
            self.chart_view.status.setText(user_message(error))
            self.chart_view.status.setStyleSheet(_ERROR_STYLE)

    def _size(self) -> int:
        summary = None if self._wanted is None else self.list_model.summary_of(self._wanted)
        return 0 if summary is None else int(summary.values)

    # --- loading ----------------------------------------------------------------------------
    def load_dataset(self, dataset_id: str) -> None:
        """Read a dataset's values (in the background when large) and show them in every tab."""
        self._wanted = dataset_id
        analyses = self._services.analyses

        def work(progress: Progress) -> Any:
            return analyses.load(dataset_id, progress.report)

        self._run(work, self.on_loaded, self._size() > LARGE)

    def on_loaded(self, loaded: Any) -> None:
        if loaded.dataset.id != self._wanted:
            return  # another dataset was chosen meanwhile
        self.dataset, self.data = loaded.dataset, loaded.data
        kind = str(self.dataset.kind)
        self.values_model.set_columns(kind, loaded.columns)
        if self.values_model.rowCount() <= 5_000:
            self.grid.resizeColumnsToContents()
        if self.chart_view is None:
            return
        view = self.chart_view
        remembered = dataset_settings.load(self.dataset.id)
        self._applying = True
        try:
            view.set_points(self.data.points)
            view.set_specs(self.dataset.lsl, self.dataset.usl, self.dataset.target)
            view.set_chart(str(remembered.get("chart") or default_chart(self.data)))
            view.set_rules(remembered.get("rules"))
            view.set_phase1(remembered.get("phase1"))
        finally:
            self._applying = False
        if kind == "gage-study":
            self.show_gage()
            self.tabs.setCurrentWidget(self.gage_view)
            return
        if self.tabs.currentWidget() is self.gage_view:
            self.tabs.setCurrentWidget(view)
        self.recompute()

    def rearrange(self) -> None:
        """Arrange the grid's values again (after an edit there) and analyse them."""
        from qclinic.core.spc.reshape import arrange

        kind, columns = str(self.dataset.kind), self.values_model.columns()

        def work(_progress: Progress) -> Any:
            return arrange(kind, columns)

        self._run(work, self.on_rearranged, self.values_model.rowCount() > LARGE)

    def on_rearranged(self, data: Any) -> None:
        self.data = data
        if data.kind == "gage-study":
            self.show_gage()
        else:
            self.recompute()

    # --- chart settings and missing values --------------------------------------------------
    def on_chart_settings_changed(self) -> None:
        """Remember the chart, rules and phase I of this dataset, then recompute (asking again
        about missing values the user declined)."""
        if self.dataset is not None and not self._applying:
            self._declined.pop(self.dataset.id, None)
            chosen = self.chart_view.settings()
            dataset_settings.update(
                self.dataset.id,
                chart=chosen.chart,
                rules=chosen.rules,
                phase1=list(chosen.phase1) if chosen.phase1 else None,
            )
        self.recompute()

    def ask_missing(self, text: str) -> bool:
        """Ask whether to analyse without the missing values (True) or not (False)."""
        box = QMessageBox(self)  # type: ignore[call-overload]
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("SpcPage", "Missing values"))
        box.setText(text)
        box.setInformativeText(
            QCoreApplication.translate(
                "SpcPage",
                "Each subgroup keeps the values it has and gets its own limits. You can also "
                "cancel and fill the values in the Data tab.",
            )
        )
        proceed = box.addButton(
            QCoreApplication.translate("SpcPage", "&Proceed without them"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(proceed)
        box.exec()
        return box.clickedButton() is proceed

    def missing_text(self, limit: int = 5) -> str:
        """The missing values in a line: 3 values are empty…: subgroup 7 position 2, …"""
        assert self.data is not None
        shown = ", ".join(
            QCoreApplication.translate("SpcPage", "subgroup %1 position %2")
            .replace("%1", str(cell.subgroup))
            .replace("%2", str(cell.position))
            for cell in self.data.missing[:limit]
        )
        more = len(self.data.missing) - limit
        if more > 0:
            shown += ", " + QCoreApplication.translate("SpcPage", "and %1 more").replace(
                "%1", str(more)
            )
        return (
            QCoreApplication.translate("SpcPage", "%1 values are empty or were not numbers: %2")
            .replace("%1", str(len(self.data.missing)))
            .replace("%2", shown)
        )

    def missing_accepted(self) -> bool:
        """Whether the dataset's missing values may be left out: asked once per dataset (again
        when the missing values change); a yes is remembered across sessions, a no until the
        user changes a chart setting."""
        assert self.data is not None and self.dataset is not None
        if not self.data.missing:
            return True
        key = [[cell.subgroup, cell.position] for cell in self.data.missing]
        if dataset_settings.load(self.dataset.id).get("missing_ok") == key:
            return True
        if self._declined.get(self.dataset.id) == key:
            return False
        if not self.ask_missing(self.missing_text()):
            self._declined[self.dataset.id] = key
            return False
        dataset_settings.update(self.dataset.id, missing_ok=key)
        return True

    # --- the chart and capability -----------------------------------------------------------
    def recompute(self) -> None:
        """Run the chosen chart on the current data and redraw the chart and capability."""
        if self.data is None or self.dataset is None or self.chart_view is None:
            return
        if self.data.kind == "gage-study":
            return
        view = self.chart_view
        if not self.missing_accepted():
            self.result = self.analysis = None
            advice = QCoreApplication.translate(
                "SpcPage",
                "Not analysed: fill them in the Data tab, or change a chart setting to be asked again.",
            )
            view.status.setText(f"{self.missing_text()} {advice}")
            view.status.setStyleSheet(_ERROR_STYLE)
            return
        data, settings = self.data, view.settings()
        analyses = self._services.analyses
        from qclinic.services.analyses import label_of

        label = label_of(self.dataset)

        def work(progress: Progress) -> Any:
            progress.report(0.8, "analyse")
            analysis = analyses.analyze(data, settings, label)
            return data, analysis, analysis.to_dict()

        self._run(work, self.show_result, data.value_count > LARGE)

    def show_result(self, outcome: tuple[Any, Any, dict[str, Any]]) -> None:
        data, analysis, result = outcome
        if data is not self.data:
            return  # the data changed meanwhile: a newer analysis follows
        view = self.chart_view
        self.analysis, self.result = analysis, result
        view.canvas.show_result(result)
        view.status.setStyleSheet("")
        status = view.status_text(result, self.data.skipped)
        if self.data.missing:
            status = self.missing_text() + " · " + status
        view.status.setText(status)
        if result["chart"] not in ATTRIBUTE_CHARTS:
            self.capability_view.show_capability(
                analysis.used, result.get("capability"), self.dataset.unit
            )
        else:
            self.capability_view.show_capability(None, None, "")

    # --- the gage study ---------------------------------------------------------------------
    def on_gage_settings_changed(self) -> None:
        if self.dataset is not None and self.data is not None:
            dataset_settings.update(
                self.dataset.id,
                grr_method=self.gage_view.method(),
                tolerance=self.gage_view.tolerance(),
            )
            if self.data.kind == "gage-study":
                self.show_gage(apply_settings=False)

    def show_gage(self, apply_settings: bool = True) -> None:
        """The gage R&R study with the remembered method and tolerance (by default the
        dataset's USL − LSL)."""
        assert self.data is not None and self.dataset is not None
        if apply_settings:
            remembered = dataset_settings.load(self.dataset.id)
            tolerance = remembered.get("tolerance")
            if tolerance is None and self.dataset.lsl is not None and self.dataset.usl is not None:
                tolerance = self.dataset.usl - self.dataset.lsl
            self.gage_view.set_settings(str(remembered.get("grr_method") or "anova"), tolerance)
        try:
            self.gage_result = self._services.analyses.gage(
                self.data, self.gage_view.tolerance(), self.gage_view.method()
            )
        except UserError as error:
            self.gage_view.verdict.setText(user_message(error))
            return
        self.result = self.gage_result
        self.gage_view.show_study(
            list(self.data.parts), list(self.data.operators), self.data.values, self.gage_result
        )
        self.chart_view.status.setText(
            QCoreApplication.translate("SpcPage", "A gage study: see the Gage R&R tab.")
        )
