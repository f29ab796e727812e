"""SPC / MSA datasets: a characteristic's measurements (or counts, or a gage study) and its values.

A :class:`Dataset` belongs to an organization (optionally a site) and says what was measured:
name, characteristic, unit, specification limits and target, subgroup size, and the kind of data.
Its :class:`DatasetValue` rows hold one reading each — a value (variables, gage studies) or a
count with its sample size (attributes) — at a subgroup number and a position in the subgroup,
optionally timestamped, and for gage studies the part, operator and trial. A point left out of
the control limits is *excluded* with a reason: it is kept (and plotted), never deleted.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from qclinic.storage.models.base import ID_LENGTH, Record
from qclinic.storage.types import UTCDateTime, vocabulary


class DatasetKind(StrEnum):
    """What a dataset holds (stored value)."""

    VARIABLES = "variables"  # measurements, in subgroups (size 1 = individuals)
    ATTRIBUTES = "attributes"  # counts of nonconforming units / nonconformities with sample sizes
    GAGE_STUDY = "gage-study"  # a crossed gage R&R study: part x operator x trial


class Dataset(Record):
    """A named series of measurements of one characteristic at an organization."""

    __tablename__ = "dataset"
    __table_args__ = (Index("ix_dataset_organization_id_name", "organization_id", "name"),)

    organization_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("organization.id"))
    site_id: Mapped[str | None] = mapped_column(
        String(ID_LENGTH), ForeignKey("site.id"), default=None
    )
    name: Mapped[str] = mapped_column(String(200))
    characteristic: Mapped[str] = mapped_column(String(200), default="")
    unit: Mapped[str] = mapped_column(String(40), default="")
    lsl: Mapped[float | None] = mapped_column(Float, default=None)
    usl: Mapped[float | None] = mapped_column(Float, default=None)
    target: Mapped[float | None] = mapped_column(Float, default=None)
    subgroup_size: Mapped[int] = mapped_column(Integer, default=1)
    kind: Mapped[DatasetKind] = mapped_column(
        vocabulary(DatasetKind), default=DatasetKind.VARIABLES
    )
    notes: Mapped[str] = mapped_column(Text, default="")


class DatasetValue(Record):
    """One reading of a dataset: a value, or a count and its sample size."""

    __tablename__ = "dataset_value"
    __table_args__ = (
        Index(
            "ix_dataset_value_dataset_id_subgroup_position", "dataset_id", "subgroup", "position"
        ),
    )

    dataset_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("dataset.id"))
    subgroup: Mapped[int] = mapped_column(Integer)  # 1-based subgroup (sample, point) number
    position: Mapped[int] = mapped_column(Integer, default=1)  # 1-based place in the subgroup
    value: Mapped[float | None] = mapped_column(Float, default=None)
    count: Mapped[float | None] = mapped_column(Float, default=None)
    sample_size: Mapped[float | None] = mapped_column(Float, default=None)
    measured_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    part: Mapped[str | None] = mapped_column(String(100), default=None)
    operator: Mapped[str | None] = mapped_column(String(100), default=None)
    trial: Mapped[int | None] = mapped_column(Integer, default=None)
    excluded: Mapped[bool] = mapped_column(Boolean, default=False)
    exclude_reason: Mapped[str] = mapped_column(Text, default="")
