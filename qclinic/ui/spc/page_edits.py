"""The SPC workspace's edits: exclude or include a point, specification limits, values, new,
imported and deleted datasets. A mixin of :class:`qclinic.ui.pages.spc.SpcPage` (kept apart so
each module stays small); its strings keep the page's translation context.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog

from qclinic.errors import UserError
from qclinic.storage.models import DatasetKind
from qclinic.storage.repositories import datasets
from qclinic.ui.errors import show_error
from qclinic.ui.spc.analysis import dataset_data


class DatasetEdits:
    """Edit handlers of the SPC page (``self`` is the page)."""

    _database: Any
    _signals: Any
    dataset: Any
    data: Any
    values_model: Any
    grid: Any
    tabs: Any
    grid_page: Any
    chart_view: Any

    # --- edits ------------------------------------------------------------------------------
    def on_point_clicked(self, index: int) -> None:
        """A click on point *index*: include it if excluded, else ask why and exclude it."""
        if self.data is None:
            return
        if index in self.data.excluded:
            self.set_point_excluded(index, None)
            return
        reason, ok = QInputDialog.getText(
            self,
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
        try:
            with self._database.session() as session:
                if reason is None:
                    datasets.include_subgroup(session, self.dataset.id, subgroup)
                else:
                    datasets.exclude_subgroup(session, self.dataset.id, subgroup, reason)
        except UserError as error:
            show_error(error, self)
            return
        self._signals.saved.emit()
        self._signals.data_changed.emit("dataset_value")
        if reason is None:
            self.data.excluded.pop(index, None)
        else:
            self.data.excluded[index] = reason
        with self._database.read_session() as session:
            self.values_model.set_rows(
                str(self.dataset.kind), datasets.list_values(session, self.dataset.id)
            )
        self.recompute()

    def on_specs_edited(self) -> None:
        if self.dataset is None:
            return
        lsl, usl, target = self.chart_view.specs()
        if (lsl, usl, target) == (self.dataset.lsl, self.dataset.usl, self.dataset.target):
            return
        try:
            with self._database.session() as session:
                self.dataset = datasets.update_dataset(
                    session, self.dataset.id, lsl=lsl, usl=usl, target=target
                )
        except UserError as error:
            show_error(error, self)
            return
        self._signals.saved.emit()
        self.recompute()

    def on_value_edited(self, value_id: str, field: str, value: Any) -> None:
        with self._database.session() as session:
            datasets.update_value(session, value_id, **{field: value})
        self._signals.saved.emit()
        if self.dataset is not None:
            with self._database.read_session() as session:
                rows = datasets.list_values(session, self.dataset.id)
            self.data = dataset_data(str(self.dataset.kind), rows)
            if self.data.kind == DatasetKind.GAGE_STUDY:
                self.show_gage()
            else:
                self.recompute()

    def on_add_subgroup_clicked(self) -> None:
        if self.dataset is None:
            return
        with self._database.read_session() as session:
            rows = datasets.list_values(session, self.dataset.id)
        last = max((r.subgroup for r in rows), default=0)
        size = self.dataset.subgroup_size if self.dataset.kind == DatasetKind.VARIABLES else 1
        new = [{"subgroup": last + 1, "position": p + 1} for p in range(size)]
        with self._database.session() as session:
            datasets.add_values(session, self.dataset.id, new)
        self._signals.saved.emit()
        self._signals.data_changed.emit("dataset")
        self.show_dataset(self.dataset.id)
        self.grid.scrollToBottom()

    def on_import_clicked(self) -> None:
        organization_id = self.organization_id()
        if organization_id is None:
            return
        from qclinic.ui.spc.import_dialog import DatasetImportDialog

        dialog = DatasetImportDialog(self._database, self._signals, organization_id, self)
        if dialog.exec() and dialog.dataset_id:
            self.refresh_list()
            self.select_dataset(dialog.dataset_id)

    def on_new_clicked(self) -> None:
        organization_id = self.organization_id()
        if organization_id is None:
            return
        name, ok = QInputDialog.getText(
            self,
            QCoreApplication.translate("SpcPage", "New dataset"),
            QCoreApplication.translate("SpcPage", "Name:"),
        )
        if not ok or not name.strip():
            return
        size, ok = QInputDialog.getInt(
            self,
            QCoreApplication.translate("SpcPage", "New dataset"),
            QCoreApplication.translate("SpcPage", "Subgroup size:"),
            5,
            1,
            100,
        )
        if not ok:
            return
        with self._database.session() as session:
            dataset = datasets.create_dataset(session, organization_id, name, subgroup_size=size)
        self._signals.saved.emit()
        self.dataset = dataset
        self.refresh_list()
        self.on_add_subgroup_clicked()
        self.tabs.setCurrentWidget(self.grid_page)

    def on_delete_clicked(self) -> None:
        if self.dataset is None:
            return
        with self._database.session() as session:
            datasets.delete_dataset(session, self.dataset.id)
        self.dataset = None
        self._signals.saved.emit()
        self._signals.data_changed.emit("dataset")
