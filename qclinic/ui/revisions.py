"""How a revision of an assessment is named wherever assessments are listed or chosen.

``第 2 版 · 草稿 · 2026-03-12`` / ``Rev. 2 · Draft · 2026-03-12``: the revision number, the
status, and the day — the signing day of a signed revision, else the day it last changed (local
time) — so revision 1 and its amendment (same title, same visit) never read the same.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from qclinic.ui.labels import label
from qclinic.ui.times import local_date_text


def revision_day(assessment: Any) -> datetime | date | None:
    """The day that tells a revision apart: signed, else last changed, else created."""
    for name in ("signed_at", "updated_at", "created_at"):
        value = getattr(assessment, name, None)
        if value is not None:
            return value  # type: ignore[no-any-return]
    return None


def revision_label(revision_no: int, status: Any, day: datetime | date | None) -> str:
    """``Rev. 2 · Draft · 2026-03-12`` in the UI language (status words from the vocabulary)."""
    parts = [
        QCoreApplication.translate("revisions", "Rev. %1").replace("%1", str(revision_no)),
        label(status),
    ]
    if day is not None:
        parts.append(local_date_text(day))
    return " · ".join(parts)


def revision_of(assessment: Any) -> str:
    """:func:`revision_label` of an assessment row (ORM object or anything with its fields)."""
    return revision_label(assessment.revision_no, assessment.status, revision_day(assessment))


def titled(title: str, assessment: Any) -> str:
    """``title · Rev. 2 · Draft · 2026-03-12``."""
    return f"{title} · {revision_of(assessment)}"
