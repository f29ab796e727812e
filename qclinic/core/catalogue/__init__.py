"""The bilingual catalogue: every sentence QClinic says outside Qt, in Chinese and English.

Errors of the core, storage and services, report and chart wording, and the labels of the stored
vocabularies all live here, each as a :class:`~qclinic.core.text.Text` under a dotted key.
Entries sit in one module per area (``spc.py``, ``storage.py``…), each an ``ENTRIES`` mapping
of ``key: (zh, en)``; the area's module name prefixes its keys, so ``ENTRIES["blank_cell"]`` of
``spc.py`` is ``text("spc.blank_cell")``. Placeholders are ``str.format`` fields::

    raise UserError(text("spc.blank_cell", source=path, where="B7"))

The Qt interface keeps its own widgets' words in Qt Linguist; everything a widget shows that
comes from below it (an error, a vocabulary label, a chart title) comes from here, so it follows
the interface language, and the command line follows ``--lang``.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from qclinic.core.text import Text

#: the area modules; each prefixes its keys (tests/core/test_catalogue.py checks every entry)
AREAS = (
    "common",
    "storage",
    "checklists",
    "workbook",
    "spc",
    "msa",
    "analysis",
    "datasets",
    "answers",
    "assessments",
    "organizations",
    "chains",
    "plan",
    "printing",
    "settings",
    "reports",
    "chain_report",
    "charts",
    "vocabulary",
    "sync",
    "bundle",
    "server",
    "dashboard",
    "portfolio",
    "conflicts",
    "team",
    "referrals",
    "outcomes",
    "sync_ui",
)

_areas: dict[str, dict[str, Text]] = {}


def _area(area: str) -> dict[str, Text]:
    """The entries of one area, its module imported on first use (a label needs one area only:
    the first screen does not pay for the others)."""
    entries = _areas.get(area)
    if entries is None:
        try:
            module = import_module(f"{__name__}.{area}")
        except ModuleNotFoundError as error:
            if error.name != f"{__name__}.{area}":
                raise
            entries = {}  # an area with no entries yet
        else:
            table: dict[str, tuple[str, str]] = module.ENTRIES
            entries = {f"{area}.{key}": Text(zh, en) for key, (zh, en) in table.items()}
        _areas[area] = entries
    return entries


def _load() -> dict[str, Text]:
    merged: dict[str, Text] = {}
    for area in AREAS:
        merged.update(_area(area))
    return merged


def _entry(key: str) -> Text | None:
    area = key.partition(".")[0]
    return _area(area).get(key) if area in AREAS else None


def keys() -> frozenset[str]:
    """Every key in the catalogue (for the tests that check coverage and placeholders)."""
    return frozenset(_load())


def find(key: str, /) -> Text | None:
    """The entry *key* as written (placeholders unfilled), or ``None`` when there is none."""
    return _entry(key)


def text(key: str, /, **fields: Any) -> Text:
    """The entry *key* with its placeholders filled.

    Raises:
        KeyError: No such entry (a bug: the tests check every key used in the source exists).
    """
    entry = _entry(key)
    if entry is None:
        raise KeyError(key)
    return entry.format(**fields) if fields else entry


def say(key: str, lang: str, /, **fields: Any) -> str:
    """The entry *key* in *lang*, placeholders filled."""
    return text(key, **fields).get(lang)
