"""What the evidence strip shows: SPC/MSA evidence as one tile (the chart with its key figures).

An analysis attached from the SPC workspace is two attachments (README, "SPC/MSA evidence on a
question"): the chart PNG and the result JSON. They are paired as the report pairs them — by
file-name stem, or a question's only image with its only JSON — and shown as one tile whose
caption is the figures the result is judged by, e.g. "X̄-R · UCL 74.0143 · 2 violations",
"Cpk 1.21 · conditionally capable" or "%GRR 12.3 % · ndc 6". The JSON stays stored as it is.

No statistics are imported here (the runner must open fast): the figures are read from the
stored result.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

ANALYSIS_MIME = "application/vnd.qclinic.analysis+json"  # as qclinic.reports.data

CHART_NAMES = {
    "xbar-r": "X̄-R",
    "xbar-s": "X̄-S",
    "imr": "I-MR",
    "ewma": "EWMA",
    "cusum": "CUSUM",
    "p": "p",
    "np": "np",
    "c": "c",
    "u": "u",
}
#: Short verdicts for a tile (the stored result carries the long bilingual sentence).
CAPABILITY_LEVELS = {
    "capable_new": QT_TRANSLATE_NOOP("Evidence", "capable for a new process"),
    "capable": QT_TRANSLATE_NOOP("Evidence", "capable"),
    "conditional": QT_TRANSLATE_NOOP("Evidence", "conditionally capable"),
    "not_capable": QT_TRANSLATE_NOOP("Evidence", "not capable"),
}
# Cpk thresholds for evidence stored before results carried their verdict (the defaults).
DEFAULT_THRESHOLDS = ((1.67, "capable_new"), (1.33, "capable"), (1.00, "conditional"))


@dataclass(frozen=True)
class Evidence:
    """An attachment as the card shows it."""

    id: str
    file_name: str
    data: bytes  # only read for images and analysis results, b"" otherwise
    mime_type: str = ""
    missing: bool = False  # the bytes have not reached this computer yet (sync)


@dataclass(frozen=True)
class Tile:
    """One thumbnail of the strip: a file, or a chart with its analysis (``figures`` set)."""

    items: tuple[Evidence, ...]  # the image first; for an analysis also its JSON
    image: bytes
    name: str  # the full file name(s), for the tooltip
    figures: str = ""  # key figures of an analysis, "" for a plain file

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(item.id for item in self.items)

    @property
    def missing(self) -> bool:
        """Some of its bytes are not on this computer yet: shown as incomplete."""
        return any(item.missing for item in self.items)


def _stem(name: str) -> str:
    return PurePosixPath(name).stem


def tiles(items: list[Evidence]) -> list[Tile]:
    """The tiles of a question's evidence, in attachment order; each analysis JSON joins its
    chart (same stem, or the only image beside the only JSON) or stands as a tile of its own."""
    images = [i for i in items if i.mime_type.startswith("image/")]
    analyses = [i for i in items if i.mime_type == ANALYSIS_MIME]
    partner: dict[str, Evidence] = {}  # image id -> its analysis
    free = list(images)
    for analysis in analyses:
        chart = next((i for i in free if _stem(i.file_name) == _stem(analysis.file_name)), None)
        if chart is None and len(analyses) == 1 and len(free) == 1:
            chart = free[0]
        if chart is not None:
            free.remove(chart)
            partner[chart.id] = analysis
    paired = {a.id for a in partner.values()}
    out = []
    for item in items:
        if item.id in paired:
            continue
        if item.id in partner:
            analysis = partner[item.id]
            names = f"{item.file_name} + {analysis.file_name}"
            out.append(Tile((item, analysis), item.data, names, key_figures(analysis.data)))
        elif item.mime_type == ANALYSIS_MIME:
            out.append(Tile((item,), b"", item.file_name, key_figures(item.data)))
        else:
            out.append(Tile((item,), item.data, item.file_name))
    return out


def _number(value: Any, decimals: Any = None) -> str:
    if isinstance(value, list):  # limits that vary from point to point
        values = [v for v in value if isinstance(v, int | float)]
        if not values:
            return "—"
        low, high = _number(min(values), decimals), _number(max(values), decimals)
        return low if low == high else f"{low}…{high}"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "—"
    if isinstance(decimals, int) and not isinstance(decimals, bool):
        return f"{value:.{decimals}f}"
    return f"{value:.4g}"


def _capability(result: dict[str, Any]) -> str:
    cpk = (result.get("indices") or {}).get("cpk")
    verdict = result.get("verdict") or {}
    level = verdict.get("level") if isinstance(verdict, dict) else None
    if level is None and isinstance(cpk, int | float):
        level = next((lv for limit, lv in DEFAULT_THRESHOLDS if cpk >= limit), "not_capable")
    text = f"Cpk {_number(cpk, 2)}"
    if level in CAPABILITY_LEVELS:
        text += " · " + QCoreApplication.translate("Evidence", str(CAPABILITY_LEVELS[level]))
    return text


def key_figures(document: bytes) -> str:
    """The key figures of a stored analysis result, one line per kind of figure."""
    try:
        result = json.loads(document.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        result = None
    if not isinstance(result, dict):
        return QCoreApplication.translate("Evidence", "Analysis (unreadable)")
    kind = result.get("analysis")
    lines = []
    if kind == "control_chart":
        charts = [c for c in result.get("charts") or [] if isinstance(c, dict)]
        name = CHART_NAMES.get(str(result.get("chart")), str(result.get("chart", "")))
        violations = sum(len(c.get("violations") or []) for c in charts)
        line = name
        if charts:
            line += f" · UCL {_number(charts[0].get('ucl'), result.get('decimals'))}"
        line += " · " + QCoreApplication.translate("Evidence", "%n violation(s)", None, violations)
        lines.append(line)
        if isinstance(result.get("capability"), dict):
            lines.append(_capability(result["capability"]))
    elif kind == "capability":
        lines.append(_capability(result))
    elif kind == "gage_rr":
        grr = (result.get("percent_study_var") or {}).get("grr")
        ndc = result.get("ndc")
        lines.append(f"%GRR {_number(grr, 1)} % · ndc {ndc if ndc is not None else '—'}")
    elif kind == "linearity":
        linearity = QCoreApplication.translate("Evidence", "%Linearity %1 · slope %2")
        lines.append(
            linearity.replace("%1", _number(result.get("percent_linearity"))).replace(
                "%2", _number(result.get("slope"))
            )
        )
    else:
        lines.append(QCoreApplication.translate("Evidence", "Analysis"))
    return "\n".join(lines)
