"""Running the SPC and MSA analyses of stored datasets.

:meth:`AnalysisService.load` reads a dataset and its values and arranges them for the engine
(:func:`qclinic.core.spc.reshape.arrange`); :meth:`AnalysisService.analyze` runs the one chart
dispatch of :func:`qclinic.core.spc.analysis.analyze`. Nothing here writes, and every method is
safe on a worker thread (each read is its own session): the workspace runs big datasets in the
background.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from qclinic.core.spc.analysis import AnalysisResult, ChartSettings, DatasetLabel, analyze
from qclinic.core.spc.analysis import gage_analysis as _gage_analysis
from qclinic.core.spc.reshape import SpcData, arrange
from qclinic.services.base import Service

if TYPE_CHECKING:
    from qclinic.storage.models import Dataset

#: called with (fraction done, what is being done) while loading or analysing
Report = Callable[[float, str], None]


@dataclass(frozen=True)
class LoadedDataset:
    """A stored dataset, its values column by column (for the data grid, see
    ``datasets.value_columns``) and its data for the engine."""

    dataset: Dataset
    columns: dict[str, list[Any]]
    data: SpcData

    @property
    def label(self) -> DatasetLabel:
        return label_of(self.dataset)


def label_of(dataset: Dataset) -> DatasetLabel:
    return DatasetLabel(dataset.id, dataset.name, dataset.characteristic, dataset.unit)


def _silent(_fraction: float, _text: str) -> None:
    return None


class AnalysisService(Service):
    """See the module docstring."""

    #: how many analyses this service ran (the workspace's tests count them)
    runs = 0

    def load(self, dataset_id: str, report: Report = _silent) -> LoadedDataset:
        """Read the dataset and its values and arrange them by subgroup."""
        from qclinic.storage.repositories import datasets

        report(0.0, "read")
        with self._reading() as session:
            dataset = datasets.get_dataset(session, dataset_id)
            columns = datasets.value_columns(session, dataset_id)
        report(0.5, "arrange")
        data = arrange(str(dataset.kind), columns)
        report(0.7, "arranged")
        return LoadedDataset(dataset, columns, data)

    def analyze(
        self, data: SpcData, settings: ChartSettings, dataset: DatasetLabel | None = None
    ) -> AnalysisResult:
        """The chart (and capability) of *data* (see :func:`qclinic.core.spc.analysis.analyze`)."""
        self.runs += 1
        return analyze(data, settings, dataset)

    def run(
        self, dataset_id: str, settings: ChartSettings, report: Report = _silent
    ) -> tuple[LoadedDataset, AnalysisResult]:
        """Load and analyse a stored dataset in one call (the command line, evidence, benchmarks)."""
        loaded = self.load(dataset_id, report)
        result = self.analyze(loaded.data, settings, loaded.label)
        report(1.0, "done")
        return loaded, result

    def gage(
        self, data: SpcData, tolerance: float | None = None, method: str = "anova"
    ) -> dict[str, Any]:
        """The crossed gage R&R study of a gage-study dataset, JSON-ready."""
        self.runs += 1
        return _gage_analysis(data, tolerance, method)
