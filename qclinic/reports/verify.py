"""Checking a printed report against the database: ``qclinic report verify FILE.pdf``.

Every report and plan carries, in its PDF metadata, the document id, the assessment id, the kind
(``report`` or ``plan``) and the SHA-256 of the data it shows; the same id and hash are printed on
every page. :func:`verify` reads them back with pypdf and recomputes the hash from the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qclinic.errors import UserError
from qclinic.reports.data import data_hash, load_report_data
from qclinic.reports.document import META_ASSESSMENT, META_DOCUMENT_ID, META_HASH, META_KIND


@dataclass(frozen=True)
class Stamp:
    """What a QClinic PDF says about itself."""

    document_id: str
    assessment_id: str
    kind: str
    data_hash: str


@dataclass(frozen=True)
class Verdict:
    """The stamp, the hash recomputed now (``None`` when the assessment is gone) and the outcome."""

    stamp: Stamp
    current_hash: str | None

    @property
    def matches(self) -> bool:
        """Whether the database still holds exactly the data the PDF shows."""
        return self.current_hash == self.stamp.data_hash


def read_stamp(path: Path) -> Stamp:
    """The QClinic metadata of the PDF *path*.

    Raises:
        UserError: Not readable, not a PDF, or not a QClinic report.
    """
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # our message says it better

    try:
        metadata = PdfReader(str(path)).metadata or {}
    except (OSError, PyPdfError, ValueError) as exc:
        raise UserError(f"{path}: not a readable PDF ({exc})") from None
    values = {
        key: metadata.get(key) for key in (META_DOCUMENT_ID, META_ASSESSMENT, META_KIND, META_HASH)
    }
    if not all(isinstance(v, str) and v for v in values.values()):
        raise UserError(
            f"{path}: not a QClinic report (no document id and data hash in its metadata)"
        )
    return Stamp(
        str(values[META_DOCUMENT_ID]),
        str(values[META_ASSESSMENT]),
        str(values[META_KIND]),
        str(values[META_HASH]),
    )


def current_hash(database: Any, assessment_id: str, kind: str) -> str | None:
    """The hash a report of *kind* would carry if printed now; ``None`` if the assessment is gone."""
    from qclinic.reports.plan import plan_data
    from qclinic.storage.errors import NotFound

    try:
        data = load_report_data(database, assessment_id)
    except NotFound:
        return None
    return data_hash(plan_data(data) if kind == "plan" else data)


def verify(database: Any, path: Path) -> Verdict:
    """Compare the PDF *path* with the database.

    Raises:
        UserError: The file is not a QClinic report.
    """
    stamp = read_stamp(path)
    if stamp.kind not in ("report", "plan"):
        raise UserError(f"{path}: unknown QClinic document kind {stamp.kind!r}")
    return Verdict(stamp, current_hash(database, stamp.assessment_id, stamp.kind))
