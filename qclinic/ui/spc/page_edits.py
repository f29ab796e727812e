"""The SPC workspace's edits: exclude or include a point, specification limits, values, new,
imported and deleted datasets; export and attach as evidence. A mixin of
:class:`qclinic.ui.pages.spc.SpcPage` (kept apart so each module stays small); its strings keep
the page's translation context.

Every change goes through :class:`~qclinic.services.datasets.DatasetService` with the page as
``source``: the page updates what it shows itself and skips the change event it caused; errors
are shown with :func:`qclinic.ui.errors.show_error`.
"""

from __future__ import annotations

import io
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog

from qclinic.errors import UserError
from qclinic.ui.errors import show_error

# what DatasetEdits._change returns when the service refused (the message was shown)
REFUSED = object()


class DatasetEdits:
    """Edit handlers of the SPC page (``self`` is the page)."""

    _services: Any
    _signals: Any
    _lang: str
    dataset: Any
    data: Any
    result: Any
    values_model: Any
    grid: Any
    tabs: Any
    grid_page: Any
    chart_view: Any
    capability_view: Any
    gage_view: Any
    msa_view: Any

    def _change(self, call: Any, *args: Any, **kwargs: Any) -> Any:
        """Run a change of the dataset service with the page as source; a refusal is shown
        and :data:`REFUSED` returned."""
        try:
            return call(*args, source=self, **kwargs)
        except UserError as error:
            show_error(error, self)
            return REFUSED

    # --- edits ------------------------------------------------------------------------------
    def on_point_clicked(self, index: int) -> None:
        """A click on point *index*: include it if excluded, else ask why and exclude it."""
        if self.data is None:
            return
        if index in self.data.excluded:
            self.set_point_excluded(index, None)
            return
        reason, ok = QInputDialog.getText(
            self,  # type: ignore[arg-type]
            QCoreApplication.translate("SpcPage", "Exclude point %1").replace("%1", str(index + 1)),
            QCoreApplication.translate(
                "SpcPage", "Why is this point left out of the control limits?"
            ),
        )
        if ok and reason.strip():
            self.set_point_excluded(index, reason.strip())

    def set_point_excluded(self, index: int, reason: str | None) -> None:
        """Exclude point *index* with *reason* (``None``: include it again), store, recompute."""
        if self.data is None or self.dataset is None:
            return
        subgroup = self.data.subgroups[index]
        datasets = self._services.datasets
        if reason is None:
            done = self._change(datasets.include_point, self.dataset.id, subgroup)
        else:
            done = self._change(datasets.exclude_point, self.dataset.id, subgroup, reason)
        if done is REFUSED:
            return
        self.data = self.data.with_excluded(index, reason)
        self.values_model.mark_subgroup(subgroup, reason)
        self.recompute()

    def on_specs_edited(self) -> None:
        if self.dataset is None:
            return
        lsl, usl, target = self.chart_view.specs()
        if (lsl, usl, target) == (self.dataset.lsl, self.dataset.usl, self.dataset.target):
            return
        changed = self._change(self._services.datasets.set_specs, self.dataset.id, lsl, usl, target)
        if changed is not REFUSED:
            self.dataset = changed
            self.recompute()

    def on_value_edited(self, value_id: str, field: str, value: Any) -> bool:
        """A cell of the data grid was edited (the grid shows it already): store it, then
        analyse again; ``False`` when refused (the grid puts the old value back)."""
        try:
            self._services.datasets.edit_value(value_id, field, value, source=self)
        except UserError as error:
            show_error(error, self)
            return False
        if self.dataset is not None:
            self.rearrange()  # type: ignore[attr-defined]  # from the grid: nothing re-read
        return True

    def on_add_subgroup_clicked(self) -> None:
        if self.dataset is None:
            return
        if self._change(self._services.datasets.add_subgroup, self.dataset.id) is REFUSED:
            return
        self.refresh_list()  # type: ignore[attr-defined]
        self.grid.scrollToBottom()

    def on_import_clicked(self) -> None:
        organization_id = self.organization_id()  # type: ignore[attr-defined]
        if organization_id is None:
            return
        from qclinic.ui.spc.import_dialog import DatasetImportDialog

        dialog = DatasetImportDialog(self._services, self._signals, organization_id, self)
        if dialog.exec() and dialog.dataset_id:
            self.refresh_list()  # type: ignore[attr-defined]
            self.select_dataset(dialog.dataset_id)  # type: ignore[attr-defined]

    def on_new_clicked(self) -> None:
        organization_id = self.organization_id()  # type: ignore[attr-defined]
        if organization_id is None:
            return
        name, ok = QInputDialog.getText(
            self,  # type: ignore[arg-type]
            QCoreApplication.translate("SpcPage", "New dataset"),
            QCoreApplication.translate("SpcPage", "Name:"),
        )
        if not ok or not name.strip():
            return
        size, ok = QInputDialog.getInt(
            self,  # type: ignore[arg-type]
            QCoreApplication.translate("SpcPage", "New dataset"),
            QCoreApplication.translate("SpcPage", "Subgroup size:"),
            5,
            1,
            100,
        )
        if not ok:
            return
        dataset = self._change(
            self._services.datasets.create,
            organization_id,
            name,
            subgroup_size=size,
            first_subgroup=True,
        )
        if dataset is REFUSED:
            return
        self.dataset = dataset
        self.refresh_list()  # type: ignore[attr-defined]
        self.tabs.setCurrentWidget(self.grid_page)

    def on_delete_clicked(self) -> None:
        if self.dataset is None:
            return
        dataset_id, self.dataset = self.dataset.id, None
        self._change(self._services.datasets.delete, dataset_id)
        self.refresh_list()  # type: ignore[attr-defined]

    # --- export and evidence ----------------------------------------------------------------
    def msa_study_shown(self) -> bool:
        return self.msa_view is not None and self.tabs.currentWidget() is self.msa_view

    def current_figure(self) -> Any:
        if self.msa_study_shown():
            return self.msa_view.figure
        if self.data is not None and self.data.kind == "gage-study":
            return self.gage_view.figure
        if self.tabs.currentWidget() is self.capability_view and self.capability_view.result:
            return self.capability_view.figure
        return self.chart_view.canvas.figure

    def figure_bytes(self, fmt: str = "png") -> bytes:
        buffer = io.BytesIO()
        self.current_figure().savefig(buffer, format=fmt, dpi=150 if fmt == "png" else None)
        return buffer.getvalue()

    def current_result(self) -> dict[str, Any] | None:
        """The analysis shown: the MSA study on its tab, else the dataset's."""
        if self.msa_study_shown():
            result: dict[str, Any] | None = self.msa_view.result
            return result
        shown: dict[str, Any] | None = self.result
        return shown

    def on_export_clicked(self) -> None:
        if self.current_result() is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,  # type: ignore[arg-type]
            QCoreApplication.translate("SpcPage", "Export chart"),
            f"{self.dataset.name if self.dataset else 'chart'}.png",
            QCoreApplication.translate("SpcPage", "PNG image (*.png);;SVG drawing (*.svg)"),
        )
        if path:
            self.export(path)

    def export(self, path: str) -> None:
        fmt = "svg" if path.lower().endswith(".svg") else "png"
        try:
            with open(path, "wb") as handle:
                handle.write(self.figure_bytes(fmt))
        except OSError as error:
            from qclinic.errors import medium_error

            show_error(medium_error(error) or error, self)

    def attach_dialog(self) -> Any:
        """The attach-as-evidence dialog for the current analysis (not shown)."""
        from qclinic.ui.spc.attach_dialog import AttachEvidenceDialog

        result = self.current_result()
        assert result is not None
        if self.msa_study_shown():
            organization_id, name = self.organization_id(), self.msa_view.source  # type: ignore[attr-defined]
        else:
            assert self.dataset is not None
            organization_id, name = self.dataset.organization_id, self.dataset.name
        assert organization_id is not None
        return AttachEvidenceDialog(
            self._services,
            self._signals,
            self._lang,
            organization_id,
            self.figure_bytes("png"),
            result,
            name,
            self,
        )

    def on_attach_clicked(self) -> None:
        if self.current_result() is None or (self.dataset is None and not self.msa_study_shown()):
            return
        if self.organization_id() is None:  # type: ignore[attr-defined]
            return
        self.attach_dialog().exec()
