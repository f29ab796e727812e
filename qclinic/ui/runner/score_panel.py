"""The live score on the right: overall %, grade, sections and steps, maturity, trace, what-if."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from qclinic.core.checklists import Checklist
from qclinic.core.scoring import ScoreResult, WhatIf


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} %"


def _value(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


class ScorePanel(QScrollArea):
    def __init__(self, lang: str) -> None:
        super().__init__()
        self._lang = lang
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 4, 8, 4)
        self.percent_label = QLabel("—")
        self.percent_label.setObjectName("scorePercent")
        self.grade_label = QLabel()
        self.grade_label.setObjectName("scoreGrade")
        self.grade_label.setWordWrap(True)
        self.maturity_label = QLabel()
        self.sections_label = self._text()
        self.trace_label = self._text()
        self.what_if_label = self._text()
        layout.addWidget(self.percent_label)
        layout.addWidget(self.grade_label)
        layout.addWidget(self.maturity_label)
        self.boxes: list[QGroupBox] = []
        for label in (self.sections_label, self.trace_label, self.what_if_label):
            box = QGroupBox()
            QVBoxLayout(box).addWidget(label)
            layout.addWidget(box)
            self.boxes.append(box)
        layout.addStretch(1)
        self.setWidget(body)
        self.retranslate()

    def retranslate(self) -> None:
        """The fixed titles; the result itself is shown again by the runner (``show_result``)."""
        titles = (self.tr("Sections"), self.tr("Why this grade"), self.tr("What would lift it"))
        for box, title in zip(self.boxes, titles, strict=True):
            box.setTitle(title)
        self.what_if_label.setText(self.tr("Working out what would lift the grade…"))

    def set_language(self, lang: str) -> None:
        self._lang = lang

    @staticmethod
    def _text() -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        return label

    def show_result(self, checklist: Checklist, result: ScoreResult) -> None:
        lang = self._lang
        self.percent_label.setText(_pct(result.percent))
        if result.grade is not None:
            label = result.grade_label.get(lang) if result.grade_label else ""
            self.grade_label.setText(
                self.tr("Grade %1 · %2").replace("%1", result.grade).replace("%2", label)
            )
        else:
            self.grade_label.setText(self.tr("No grade yet"))
        self.maturity_label.setVisible(result.maturity is not None)
        if result.maturity is not None:
            self.maturity_label.setText(
                self.tr("Maturity %1 of 5").replace("%1", f"{result.maturity:.1f}")
            )
        rows = []
        steps_by_section: dict[str, list[str]] = {}
        for step in result.steps:
            steps_by_section.setdefault(step.section, []).append(
                f"<tr><td style='padding-left:24px'>{escape(step.instance)}</td>"
                f"<td align='right'>{_pct(step.percent)}</td></tr>"
            )
        for section in result.sections:
            if section.level > 2:
                continue
            indent = "padding-left:12px;" if section.level == 2 else "font-weight:600;"
            rows.append(
                f"<tr><td style='{indent}'>{escape(section.title.get(lang))}</td>"
                f"<td align='right' style='padding-left:8px'>{_pct(section.percent)}</td></tr>"
            )
            rows.extend(steps_by_section.get(section.id, []))
        self.sections_label.setText(f"<table width='100%'>{''.join(rows)}</table>")
        lines = []
        for entry in result.trace:
            text = escape(entry.message.get(lang))
            lines.append(f"<li><b>{text}</b></li>" if entry.applied else f"<li>{text}</li>")
        self.trace_label.setText(f"<ul style='margin-left:-24px'>{''.join(lines)}</ul>")
        if result.what_if is not None:
            self.show_what_if(checklist, result.what_if)
        elif result.grade is None:
            self.what_if_label.setText(self.tr("There is no grade to lift yet."))

    def show_what_if(self, checklist: Checklist, what_if: WhatIf | None) -> None:
        lang = self._lang
        if what_if is None:
            self.what_if_label.setText(self.tr("This is already the best grade."))
            return
        if not what_if.achievable or not what_if.changes:
            self.what_if_label.setText(
                self.tr("Grade %1 cannot be reached by raising answered questions alone.").replace(
                    "%1", escape(what_if.target)
                )
            )
            return
        head = (
            self.tr("Raising these answers would lift the grade to %1 (%2):")
            .replace("%1", escape(what_if.grade_after or what_if.target))
            .replace("%2", _pct(what_if.percent_after))
        )
        items = []
        for change in what_if.changes:
            where = change.question + (f" @ {change.instance}" if change.instance else "")
            text = ""
            if checklist.has_question(change.question):
                text = checklist.question(change.question).text.get(lang)
                text = text if len(text) <= 60 else text[:58] + "…"
            items.append(
                f"<li><b>{escape(where)}</b>&nbsp; {escape(_value(change.current))} → "
                f"<b>{escape(_value(change.proposed))}</b><br/>"
                f"<span style='color:#666'>{escape(text)}</span></li>"
            )
        self.what_if_label.setText(f"{head}<ul style='margin-left:-24px'>{''.join(items)}</ul>")
