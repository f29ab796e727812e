"""What the workspace remembers per dataset between sessions: chart, rules, phase I, the gage
R&R method and tolerance, whether to go on without missing cells.

Kept in the settings file's ``extra`` under :data:`KEY` as ``{dataset id: {name: value}}``
(plain JSON); unknown or broken entries read as nothing remembered.
"""

from __future__ import annotations

from typing import Any

from qclinic import settings as app_settings

KEY = "spc_datasets"
THRESHOLDS_KEY = "capability_thresholds"  # settings.extra: [new process, capable, conditional]
CONSTANTS_KEY = "spc_constants"  # settings.extra: "tabled" or "exact", the last choice
MAX_REMEMBERED = 200  # keep the settings file small: the most recently saved datasets


def load(dataset_id: str) -> dict[str, Any]:
    """The remembered settings of *dataset_id* (empty when none)."""
    stored = app_settings.load().extra.get(KEY)
    entry = stored.get(dataset_id) if isinstance(stored, dict) else None
    return dict(entry) if isinstance(entry, dict) else {}


def update(dataset_id: str, **values: Any) -> None:
    """Remember *values* for *dataset_id* (merged with what is already remembered)."""
    config = app_settings.load()
    stored = config.extra.get(KEY)
    stored = dict(stored) if isinstance(stored, dict) else {}
    entry = stored.pop(dataset_id, None)
    entry = dict(entry) if isinstance(entry, dict) else {}
    entry.update(values)
    stored[dataset_id] = entry  # re-inserted last: the most recent
    while len(stored) > MAX_REMEMBERED:
        stored.pop(next(iter(stored)))
    config.extra[KEY] = stored
    app_settings.save(config)


def saved_thresholds(extra: dict[str, Any]) -> tuple[float, float, float]:
    """The Cpk thresholds from the settings' ``extra`` (the defaults when unset or invalid)."""
    from qclinic.core.spc.capability import DEFAULT_THRESHOLDS, check_thresholds
    from qclinic.errors import UserError

    try:
        return check_thresholds(extra.get(THRESHOLDS_KEY) or DEFAULT_THRESHOLDS)
    except UserError:
        return DEFAULT_THRESHOLDS
