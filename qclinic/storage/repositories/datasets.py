"""SPC / MSA datasets and their values.

Values are written in bulk: :func:`add_values` inserts every row with one ``executemany`` and
appends one ``change_log`` line per row (also one ``executemany``), in the session's transaction,
instead of flushing thousands of ORM objects. The sync sees each value like any other record.
Single-value edits and exclusions go through the ORM, so the usual flush bookkeeping applies.

Usage::

    with db.session() as session:
        ds = datasets.create_dataset(session, org_id, "Piston ring diameter", subgroup_size=5)
        datasets.add_values(session, ds.id, datasets.subgroup_rows(matrix))
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from sqlalchemy import Row, func, or_, select
from sqlalchemy.orm import Session

from qclinic.storage.changelog import DEVICE_ID_INFO_KEY, note_written
from qclinic.storage.errors import InvalidValue
from qclinic.storage.models import (
    ChangeLog,
    ChangeOperation,
    Dataset,
    DatasetKind,
    DatasetValue,
    Organization,
    Site,
)
from qclinic.storage.repositories._common import apply_changes, get_live, soft_delete
from qclinic.storage.search import contains_pattern
from qclinic.storage.types import utc_now
from qclinic.storage.uuid7 import new_id

DATASET_FIELDS = (
    "site_id",
    "name",
    "characteristic",
    "unit",
    "lsl",
    "usl",
    "target",
    "subgroup_size",
    "kind",
    "notes",
)
#: a bulk write of more values announces "some values" instead of every id (see add_values)
ANNOUNCED_IDS = 10_000
VALUE_FIELDS = ("value", "count", "sample_size", "measured_at", "part", "operator", "trial")
#: The columns :func:`list_values` returns, in order (attribute access on each row).
VALUE_COLUMNS = (
    "id",
    "subgroup",
    "position",
    "value",
    "count",
    "sample_size",
    "measured_at",
    "part",
    "operator",
    "trial",
    "excluded",
    "exclude_reason",
)


@dataclass(frozen=True)
class DatasetSummary:
    """A dataset with how many subgroups (points) and values it holds."""

    dataset: Dataset
    subgroups: int
    values: int


def _check_limits(lsl: float | None, usl: float | None) -> None:
    if lsl is not None and usl is not None and lsl >= usl:
        raise InvalidValue(
            f"The lower specification limit {lsl:g} must be below the upper {usl:g}."
        )


def create_dataset(
    session: Session,
    organization_id: str,
    name: str,
    *,
    kind: DatasetKind = DatasetKind.VARIABLES,
    subgroup_size: int = 1,
    characteristic: str = "",
    unit: str = "",
    lsl: float | None = None,
    usl: float | None = None,
    target: float | None = None,
    site_id: str | None = None,
    notes: str = "",
) -> Dataset:
    """A new, empty dataset of a live organization (and optionally one of its sites).

    Raises:
        InvalidValue: a blank name, a subgroup size below 1 or LSL not below USL.
    """
    get_live(session, Organization, organization_id)
    if site_id is not None:
        get_live(session, Site, site_id)
    if not name.strip():
        raise InvalidValue("A dataset needs a name.")
    if subgroup_size < 1:
        raise InvalidValue(f"The subgroup size must be at least 1, not {subgroup_size}.")
    _check_limits(lsl, usl)
    dataset = Dataset(
        organization_id=organization_id,
        site_id=site_id,
        name=name.strip(),
        characteristic=characteristic,
        unit=unit,
        lsl=lsl,
        usl=usl,
        target=target,
        subgroup_size=subgroup_size,
        kind=kind,
        notes=notes,
    )
    session.add(dataset)
    session.flush()
    return dataset


def get_dataset(session: Session, dataset_id: str) -> Dataset:
    """The live dataset *dataset_id* (raises ``NotFound``)."""
    return get_live(session, Dataset, dataset_id)


def update_dataset(session: Session, dataset_id: str, **changes: object) -> Dataset:
    """Change some of :data:`DATASET_FIELDS` of a dataset."""
    dataset = get_dataset(session, dataset_id)
    apply_changes(dataset, changes, DATASET_FIELDS)
    _check_limits(dataset.lsl, dataset.usl)
    session.flush()
    return dataset


def delete_dataset(session: Session, dataset_id: str) -> None:
    """Soft-delete a dataset; its values stay (they are only reachable through it)."""
    soft_delete(get_dataset(session, dataset_id))
    session.flush()


def list_datasets(
    session: Session, *, organization_id: str | None = None, search: str | None = None
) -> list[DatasetSummary]:
    """Live datasets (of one organization), newest first, optionally matching *search*.

    The search matches the name, characteristic or unit (case-insensitive substring).
    """
    counts = (
        select(
            DatasetValue.dataset_id,
            func.count(func.distinct(DatasetValue.subgroup)).label("subgroups"),
            func.count().label("values"),
        )
        .where(DatasetValue.deleted_at.is_(None))
        .group_by(DatasetValue.dataset_id)
        .subquery()
    )
    query = (
        select(Dataset, counts.c.subgroups, counts.c["values"])
        .outerjoin(counts, counts.c.dataset_id == Dataset.id)
        .where(Dataset.deleted_at.is_(None))
    )
    if organization_id is not None:
        query = query.where(Dataset.organization_id == organization_id)
    if search and search.strip():
        pattern = contains_pattern(search.strip())
        query = query.where(
            or_(
                Dataset.name.ilike(pattern, escape="\\"),
                Dataset.characteristic.ilike(pattern, escape="\\"),
                Dataset.unit.ilike(pattern, escape="\\"),
            )
        )
    rows = session.execute(query.order_by(Dataset.id.desc())).all()
    return [DatasetSummary(row[0], int(row[1] or 0), int(row[2] or 0)) for row in rows]


def subgroup_rows(
    matrix: Sequence[Sequence[float]], first_subgroup: int = 1
) -> list[dict[str, Any]]:
    """Value rows for :func:`add_values` from one row of values per subgroup."""
    return [
        {"subgroup": first_subgroup + i, "position": j + 1, "value": float(value)}
        for i, row in enumerate(matrix)
        for j, value in enumerate(row)
    ]


def add_values(session: Session, dataset_id: str, rows: Iterable[Mapping[str, Any]]) -> int:
    """Append value rows (dicts of ``subgroup``, ``position`` and :data:`VALUE_FIELDS`) in bulk.

    One ``executemany`` for the values and one for their ``change_log`` lines (one per row).
    Up to :data:`ANNOUNCED_IDS` rows count as flushed, so the commit's change event names them;
    a bigger write is announced by its caller as "some values".

    Returns:
        How many rows were written.

    Raises:
        InvalidValue: a row without a subgroup number, or with an unknown field.
    """
    get_dataset(session, dataset_id)
    session.flush()  # the dataset row must exist before its values reference it
    now = utc_now()
    allowed = {"subgroup", "position", "excluded", "exclude_reason", *VALUE_FIELDS}
    values: list[dict[str, Any]] = []
    for row in rows:
        unknown = set(row) - allowed
        if unknown:
            raise InvalidValue(f"Unknown value fields: {', '.join(sorted(unknown))}.")
        if row.get("subgroup") is None:
            raise InvalidValue("Every value needs a subgroup number.")
        record = dict.fromkeys(VALUE_FIELDS)
        record.update(position=1, excluded=False, exclude_reason="")
        record.update(row)
        record["id"] = new_id()
        values.append(record)
    if not values:
        return 0
    device_id = session.info.get(DEVICE_ID_INFO_KEY)
    if not device_id:
        raise RuntimeError("session has no device id: create sessions through Database.session()")
    _insert_many(
        session,
        DatasetValue.__table__,
        values,
        {"dataset_id": dataset_id, "created_at": now, "updated_at": now, "revision": 1},
    )
    _insert_many(
        session,
        ChangeLog.__table__,
        [{"row_id": record["id"]} for record in values],
        {
            "table_name": DatasetValue.__tablename__,
            "operation": ChangeOperation.INSERT.value,
            "revision": 1,
            "changed_at": now,
            "device_id": device_id,
        },
    )
    if len(values) <= ANNOUNCED_IDS:
        note_written(session, DatasetValue.__tablename__, (record["id"] for record in values))
    return len(values)


def _insert_many(
    session: Session, table: Any, rows: list[dict[str, Any]], same: dict[str, Any]
) -> None:
    """``INSERT`` *rows* (plus the columns *same* has, one value for every row) with one
    driver-level ``executemany``. Each column's bind conversion (UTC times to text…) is
    applied here — once for the shared values — so a million rows skip the ORM's per-row work."""
    connection = session.connection()
    dialect = connection.dialect

    def converter(name: str) -> Any:
        return table.c[name].type.bind_processor(dialect)

    names = list(rows[0])
    shared = []
    for name, value in same.items():
        convert = converter(name)
        shared.append(value if convert is None or value is None else convert(value))
    per_row = [(i, f) for i, f in ((i, converter(n)) for i, n in enumerate(names)) if f]
    get = itemgetter(*names)
    tail = tuple(shared)

    def values(row: dict[str, Any]) -> tuple[Any, ...]:
        found = get(row) if len(names) > 1 else (get(row),)
        if per_row:
            found = list(found)
            for i, convert in per_row:
                if found[i] is not None:
                    found[i] = convert(found[i])
            found = tuple(found)
        return (*found, *tail)

    columns = [*names, *same]
    sql = (
        f"INSERT INTO {table.name} ({', '.join(columns)}) "
        f"VALUES ({', '.join('?' for _ in columns)})"
    )
    connection.exec_driver_sql(sql, [values(row) for row in rows])


def list_values(session: Session, dataset_id: str) -> list[Row[Any]]:
    """The live values of a dataset by subgroup and position, as light rows (see
    :data:`VALUE_COLUMNS`) — fast enough for tens of thousands of points."""
    columns = [getattr(DatasetValue, name) for name in VALUE_COLUMNS]
    query = (
        select(*columns)
        .where(DatasetValue.dataset_id == dataset_id, DatasetValue.deleted_at.is_(None))
        .order_by(DatasetValue.subgroup, DatasetValue.position)
    )
    return list(session.execute(query).all())


#: the columns :func:`value_columns` returns
COLUMN_NAMES = tuple(name for name in VALUE_COLUMNS if name != "measured_at")


def value_columns(session: Session, dataset_id: str) -> dict[str, list[Any]]:
    """The live values of a dataset by subgroup and position, column by column (the names of
    :data:`COLUMN_NAMES`): plain lists read straight from the driver — a million values in
    about a second, and no million row objects for the garbage collector to walk while the
    window waits."""
    columns: list[list[Any]] = [[] for _ in COLUMN_NAMES]
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(
            f"SELECT {', '.join(COLUMN_NAMES)} FROM {DatasetValue.__tablename__} "
            "WHERE dataset_id = ? AND deleted_at IS NULL ORDER BY subgroup, position",
            (dataset_id,),
        )
        # In small chunks: the row tuples die young (before a collection sees most of them),
        # so they never pile up into a full collection that stops every thread.
        while chunk := cursor.fetchmany(500):
            for column, values in zip(columns, zip(*chunk, strict=True), strict=True):
                column.extend(values)
    finally:
        cursor.close()
    out = dict(zip(COLUMN_NAMES, columns, strict=True))
    out["excluded"] = [bool(flag) for flag in out["excluded"]]
    return out


def update_value(session: Session, value_id: str, **changes: object) -> DatasetValue:
    """Change some of :data:`VALUE_FIELDS` of one value (a cell edited in the data grid)."""
    value = get_live(session, DatasetValue, value_id)
    apply_changes(value, changes, VALUE_FIELDS)
    session.flush()
    return value


def _subgroup_values(session: Session, dataset_id: str, subgroup: int) -> list[DatasetValue]:
    get_dataset(session, dataset_id)
    found = list(
        session.scalars(
            select(DatasetValue).where(
                DatasetValue.dataset_id == dataset_id,
                DatasetValue.subgroup == subgroup,
                DatasetValue.deleted_at.is_(None),
            )
        )
    )
    if not found:
        raise InvalidValue(f"The dataset has no subgroup {subgroup}.")
    return found


def exclude_subgroup(session: Session, dataset_id: str, subgroup: int, reason: str) -> int:
    """Leave a subgroup (a plotted point) out of the limits, with a reason; it is kept.

    Returns:
        How many values were marked.

    Raises:
        InvalidValue: no reason, or no such subgroup.
    """
    if not reason.strip():
        raise InvalidValue("Say why the point is excluded (e.g. 'tool change').")
    values = _subgroup_values(session, dataset_id, subgroup)
    for value in values:
        value.excluded = True
        value.exclude_reason = reason.strip()
    session.flush()
    return len(values)


def include_subgroup(session: Session, dataset_id: str, subgroup: int) -> int:
    """Take a subgroup back into the limits (clears the exclusion and its reason)."""
    values = _subgroup_values(session, dataset_id, subgroup)
    for value in values:
        value.excluded = False
        value.exclude_reason = ""
    session.flush()
    return len(values)


def excluded_subgroups(session: Session, dataset_id: str) -> dict[int, str]:
    """Subgroup number -> reason for every excluded subgroup of a dataset."""
    rows = session.execute(
        select(DatasetValue.subgroup, func.max(DatasetValue.exclude_reason))
        .where(
            DatasetValue.dataset_id == dataset_id,
            DatasetValue.deleted_at.is_(None),
            DatasetValue.excluded.is_(True),
        )
        .group_by(DatasetValue.subgroup)
    ).all()
    return {int(subgroup): str(reason) for subgroup, reason in rows}
