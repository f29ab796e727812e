"""Printed reports: the bilingual diagnostic report, the improvement plan, the Excel export.

reportlab Platypus, no Qt. Usage::

    from qclinic.reports import build_report, build_plan, export_xlsx, verify
    build_report(database, assessment_id, Path("report.pdf"), "zh")

Modules: :mod:`.data` (ReportData from the database, canonical JSON and its SHA-256; the SPC/MSA
evidence format), :mod:`.fonts`, :mod:`.styles`, :mod:`.i18n`, :mod:`.images`,
:mod:`.document` (page machinery, contents, bookmarks, metadata, watermark), :mod:`.sections`
and :mod:`.detail` (the flowables), :mod:`.build` (the report), :mod:`.plan`, :mod:`.xlsx`,
:mod:`.verify`.
"""

from qclinic.reports.build import BuiltReport, build_report, render_report
from qclinic.reports.plan import build_plan, render_plan
from qclinic.reports.verify import verify
from qclinic.reports.xlsx import export_xlsx

__all__ = [
    "BuiltReport",
    "build_plan",
    "build_report",
    "export_xlsx",
    "render_plan",
    "render_report",
    "verify",
]
