"""SPC and MSA datasets: import, create, edit values, exclude points, rename, delete, and attach
an analysis to an assessment question as evidence.

Every change is one transaction through :meth:`~qclinic.services.base.Service._writing`, so it
is announced on the bus (``dataset`` and ``dataset_value`` events; ``attachment`` for evidence).
Refusals are :class:`~qclinic.errors.UserError` with catalogue messages (``datasets.*``);
nothing is written then.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from qclinic.core.catalogue import text
from qclinic.core.spc.analysis import ANALYSIS_MIME
from qclinic.core.text import Text
from qclinic.errors import UserError
from qclinic.services.base import Service

if TYPE_CHECKING:
    from qclinic.storage.models import Assessment, Dataset
    from qclinic.storage.repositories.datasets import DatasetSummary

EDITABLE_VALUE_FIELDS = ("value", "count", "sample_size", "part", "operator", "trial")


@dataclass(frozen=True)
class Owner:
    """An organization that can own datasets (the workspace's organization picker)."""

    id: str
    name: str


@dataclass(frozen=True)
class EvidenceTarget:
    """An unsigned assessment whose questions can receive an analysis as evidence."""

    assessment: Assessment
    #: the checklist version frozen into the assessment (as started)
    checklist: dict[str, Any]


def _not_a_number(field: Text) -> UserError:
    message = text("datasets.not_a_number")
    return UserError(Text(message.zh.format(field=field.zh), message.en.format(field=field.en)))


def _check_limits(lsl: float | None, usl: float | None, target: float | None) -> None:
    names = (Text("LSL", "LSL"), Text("USL", "USL"), text("datasets.target"))
    for name, value in zip(names, (lsl, usl, target), strict=True):
        if value is not None and not math.isfinite(value):
            raise _not_a_number(name)
    if lsl is not None and usl is not None and lsl >= usl:
        raise UserError(text("datasets.limits_order", lsl=f"{lsl:g}", usl=f"{usl:g}"))


def _check_name(name: str) -> str:
    if not name.strip():
        raise UserError(text("datasets.name_required"))
    return name.strip()


class DatasetService(Service):
    """See the module docstring."""

    # --- reads --------------------------------------------------------------------------------
    def owners(self) -> list[Owner]:
        """The live organizations, by name, for the workspace's picker."""
        from qclinic.storage.repositories import organizations

        with self._reading() as session:
            found = organizations.list_organizations(session, limit=None)
            return [Owner(o.id, o.name) for o in found]

    def summaries(self, organization_id: str) -> list[DatasetSummary]:
        """The live datasets of an organization, newest first, with their sizes."""
        from qclinic.storage.repositories import datasets

        with self._reading() as session:
            return datasets.list_datasets(session, organization_id=organization_id)

    def get(self, dataset_id: str) -> Dataset:
        from qclinic.storage.repositories import datasets

        with self._reading() as session:
            return datasets.get_dataset(session, dataset_id)

    def values(self, dataset_id: str) -> list[Any]:
        """The dataset's live values as light rows (see ``datasets.VALUE_COLUMNS``)."""
        from qclinic.storage.repositories import datasets

        with self._reading() as session:
            return datasets.list_values(session, dataset_id)

    def evidence_targets(self, organization_id: str) -> list[EvidenceTarget]:
        """The organization's unsigned assessments (newest first) with their frozen checklists."""
        from qclinic.core.vocabulary import AssessmentStatus
        from qclinic.storage.repositories import assessments

        with self._reading() as session:
            return [
                EvidenceTarget(a, assessments.frozen_checklist(session, a.id))
                for a in assessments.list_assessments(
                    session, organization_id=organization_id, limit=None
                )
                if a.status != AssessmentStatus.SIGNED
            ]

    # --- changes ------------------------------------------------------------------------------
    def create(
        self,
        organization_id: str,
        name: str,
        *,
        kind: str = "variables",
        subgroup_size: int = 1,
        characteristic: str = "",
        unit: str = "",
        lsl: float | None = None,
        usl: float | None = None,
        target: float | None = None,
        rows: Sequence[Mapping[str, Any]] = (),
        first_subgroup: bool = False,
        source: object | None = None,
    ) -> Dataset:
        """A new dataset with *rows* (an import), or with one empty subgroup to type into
        (*first_subgroup*), in one transaction.

        Raises:
            UserError: a blank name, a subgroup size below 1, LSL not below USL.
        """
        from qclinic.storage.models import DatasetKind
        from qclinic.storage.repositories import datasets

        name = _check_name(name)
        if subgroup_size < 1:
            raise UserError(text("datasets.subgroup_size", size=subgroup_size))
        _check_limits(lsl, usl, target)
        if first_subgroup:
            rows = self._empty_subgroup(kind, subgroup_size, 1)
        with self._writing(source, also={"dataset_value": []} if rows else None) as session:
            dataset = datasets.create_dataset(
                session,
                organization_id,
                name,
                kind=DatasetKind(kind),
                subgroup_size=subgroup_size,
                characteristic=characteristic.strip(),
                unit=unit.strip(),
                lsl=lsl,
                usl=usl,
                target=target,
            )
            if rows:
                datasets.add_values(session, dataset.id, rows)
            return dataset

    @staticmethod
    def _empty_subgroup(kind: str, size: int, subgroup: int) -> list[dict[str, Any]]:
        width = size if kind == "variables" else 1
        return [{"subgroup": subgroup, "position": p + 1} for p in range(width)]

    def add_subgroup(self, dataset_id: str, *, source: object | None = None) -> int:
        """Append an empty subgroup (as many blank values as the subgroup size); returns its
        number."""
        from sqlalchemy import func, select

        from qclinic.storage.models import DatasetValue
        from qclinic.storage.repositories import datasets

        with self._writing(source, also={"dataset_value": []}) as session:
            dataset = datasets.get_dataset(session, dataset_id)
            last = session.scalar(
                select(func.max(DatasetValue.subgroup)).where(
                    DatasetValue.dataset_id == dataset_id, DatasetValue.deleted_at.is_(None)
                )
            )
            number = int(last or 0) + 1
            rows = self._empty_subgroup(str(dataset.kind), dataset.subgroup_size, number)
            datasets.add_values(session, dataset_id, rows)
            return number

    def rename(self, dataset_id: str, name: str, *, source: object | None = None) -> Dataset:
        from qclinic.storage.repositories import datasets

        name = _check_name(name)
        with self._writing(source) as session:
            return datasets.update_dataset(session, dataset_id, name=name)

    def set_specs(
        self,
        dataset_id: str,
        lsl: float | None,
        usl: float | None,
        target: float | None,
        *,
        source: object | None = None,
    ) -> Dataset:
        """Change the specification limits and target (capability uses them)."""
        from qclinic.storage.repositories import datasets

        _check_limits(lsl, usl, target)
        with self._writing(source) as session:
            return datasets.update_dataset(session, dataset_id, lsl=lsl, usl=usl, target=target)

    def edit_value(
        self, value_id: str, field: str, value: Any, *, source: object | None = None
    ) -> None:
        """Change one cell of the data grid (``None`` blanks it)."""
        from qclinic.storage.repositories import datasets

        if field not in EDITABLE_VALUE_FIELDS:
            raise ValueError(f"not an editable field: {field}")
        if isinstance(value, float) and not math.isfinite(value):
            raise _not_a_number(Text(field, field))
        with self._writing(source) as session:
            datasets.update_value(session, value_id, **{field: value})

    def exclude_point(
        self, dataset_id: str, subgroup: int, reason: str, *, source: object | None = None
    ) -> None:
        """Leave subgroup *subgroup* out of the limits, with a reason (the point stays shown)."""
        from qclinic.storage.repositories import datasets

        if not reason.strip():
            raise UserError(text("datasets.reason_required"))
        with self._writing(source) as session:
            datasets.exclude_subgroup(session, dataset_id, subgroup, reason.strip())

    def include_point(
        self, dataset_id: str, subgroup: int, *, source: object | None = None
    ) -> None:
        """Take an excluded subgroup back into the limits."""
        from qclinic.storage.repositories import datasets

        with self._writing(source) as session:
            datasets.include_subgroup(session, dataset_id, subgroup)

    def delete(self, dataset_id: str, *, source: object | None = None) -> None:
        """Delete a dataset (a tombstone; its values go with it)."""
        from qclinic.storage.repositories import datasets

        with self._writing(source) as session:
            datasets.delete_dataset(session, dataset_id)

    def attach(
        self,
        assessment_id: str,
        question_id: str,
        png: bytes,
        result: Mapping[str, Any],
        name: str,
        caption: str = "",
        *,
        source: object | None = None,
    ) -> list[str]:
        """Attach an analysis to a question as evidence: the chart (PNG) and the result (JSON,
        ``ANALYSIS_MIME``, the ``--json`` shape the report prints). Returns both attachment ids.

        Raises:
            UserError: the assessment is signed (it no longer changes) or does not exist.
        """
        from qclinic.core.vocabulary import AssessmentStatus
        from qclinic.storage.repositories import assessments, attachments

        stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in name)[:60] or "analysis"
        document = json.dumps(result, ensure_ascii=False, allow_nan=False, indent=1).encode()
        blobs = self._database.blobs
        with self._writing(source) as session:
            if assessments.get_assessment(session, assessment_id).status == AssessmentStatus.SIGNED:
                raise UserError(text("datasets.assessment_signed"))
            owner = {"assessment_id": assessment_id, "question_id": question_id}
            picture = attachments.add_attachment(
                session,
                blobs,
                png,
                f"{stem}.png",
                mime_type="image/png",
                caption=caption.strip(),
                **owner,
            )
            data = attachments.add_attachment(
                session,
                blobs,
                document,
                f"{stem}.json",
                mime_type=ANALYSIS_MIME,
                caption=caption.strip(),
                **owner,
            )
            return [picture.id, data.id]
