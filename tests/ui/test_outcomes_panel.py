"""The organization page's Outcomes tab (issue 17): the demo company's latest figure per kind
with its change, the trend of the selected kind, and the "Record outcome…" dialog — a refused
figure is shown and kept in the dialog, an accepted one is stored and listed."""

from __future__ import annotations

from datetime import date

import pytest

from qclinic.core.vocabulary import OutcomeKind
from qclinic.services.demo.outcomes import EVENTS, LEVELS


@pytest.fixture
def detail(qtbot, services, signals, demo_ids):
    from qclinic.ui.organization_detail import OrganizationDetail

    widget = OrganizationDetail(services, signals, "zh", today=lambda: date(2026, 11, 26))
    qtbot.addWidget(widget)
    widget.resize(1000, 620)
    widget.show_organization(demo_ids["organization"])
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_tab_lists_each_kind_with_its_change_and_draws_its_trend(qtbot, detail) -> None:
    panel = detail.outcomes_panel
    kinds = [panel.model.row_at(r).kind for r in range(panel.model.rowCount())]
    assert kinds[: len(LEVELS)] == list(LEVELS)  # levels first, in the vocabulary's order
    expected = len(LEVELS) + len({kind for _i, kind, *_rest in EVENTS})
    assert len(kinds) == expected and f"({expected})" in detail.tabs.tabText(4)
    values, _source = LEVELS[OutcomeKind.PASS_RATE]
    rate = panel.model.row_at(0)
    assert rate.shown() == f"{values[-2]:g} % → {values[-1]:g} %"
    assert panel.canvas is None  # nothing drawn while the tab is hidden
    detail.tabs.setCurrentIndex(4)
    qtbot.waitUntil(lambda: panel.canvas is not None, timeout=10_000)
    (ax,) = panel.canvas.figure.axes
    (line,) = [x for x in ax.lines if x.get_gid() == "outcome:pass-rate"]
    assert list(line.get_ydata()) == list(values)
    panel.view.selectRow(kinds.index(OutcomeKind.STANDARDS))
    (ax,) = panel.canvas.figure.axes
    assert [p.get_gid() for p in ax.patches] == ["outcome:standards:2026-09-30"]


def test_the_dialog_refuses_a_bad_figure_and_records_a_good_one(
    qtbot, detail, services, demo_ids, monkeypatch
) -> None:
    from qclinic.ui import outcome_dialog
    from qclinic.ui.outcome_dialog import OutcomeDialog

    shown: list[str] = []
    monkeypatch.setattr(
        outcome_dialog, "show_error", lambda error, parent: shown.append(str(error))
    )
    dialog = OutcomeDialog(services, demo_ids["organization"], date(2026, 12, 31), detail)
    qtbot.addWidget(dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(OutcomeKind.AWARDS.value))
    assert not dialog.level_combo.isEnabled()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(OutcomeKind.PASS_RATE.value))
    assert dialog.value_spin.suffix() == " %"
    dialog.value_spin.setValue(120)
    dialog.accept()
    assert dialog.saved is None and len(shown) == 1 and "100" in shown[0]
    dialog.value_spin.setValue(98.6)
    dialog.source_edit.setText("MES")
    dialog.accept()
    assert dialog.saved is not None and not shown[1:]
    stored = services.outcomes.rows(demo_ids["organization"], OutcomeKind.PASS_RATE)[-1]
    assert (stored.fields.period, stored.fields.value, stored.fields.source) == (
        date(2026, 12, 31),
        98.6,
        "MES",
    )
    detail.outcomes_panel.load(demo_ids["organization"])  # the page reloads it on the event
    assert detail.outcomes_panel.model.row_at(0).shown().endswith("→ 98.6 %")


def _shown_tab(qtbot, detail):
    panel = detail.outcomes_panel
    detail.tabs.setCurrentIndex(4)
    qtbot.waitUntil(lambda: panel.canvas is not None, timeout=10_000)
    return panel


def _pass_rates(panel) -> list[float]:
    (ax,) = panel.canvas.figure.axes
    (line,) = [x for x in ax.lines if x.get_gid() == "outcome:pass-rate"]
    return list(line.get_ydata())


def test_the_trend_marks_each_clinic_and_follow_up_visit(qtbot, detail, database, demo_ids):
    from sqlalchemy import select

    from qclinic.core.vocabulary import VisitKind
    from qclinic.storage.models import Visit

    with database.read_session() as session:
        visits = session.execute(
            select(Visit.visit_date, Visit.kind).where(
                Visit.organization_id == demo_ids["organization"]
            )
        ).all()
    marked = sorted(d for d, k in visits if k in (VisitKind.ONSITE_CLINIC, VisitKind.FOLLOW_UP))
    assert len(marked) == 2 and len(visits) == 3  # the self-assessment is not a clinic visit
    panel = _shown_tab(qtbot, detail)
    (ax,) = panel.canvas.figure.axes
    lines = {x.get_gid(): x.get_xdata()[0] for x in ax.lines if x.get_linestyle() == "--"}
    assert lines == {f"visit:{d.isoformat()}": d.toordinal() for d in marked}
    labels = {t.get_gid(): t.get_text().strip() for t in ax.texts}  # in the UI's language
    assert labels == {
        f"visit-label:{marked[0].isoformat()}": f"On-site clinic {marked[0]:%m-%d}",
        f"visit-label:{marked[1].isoformat()}": f"Follow-up {marked[1]:%m-%d}",
    }
    # another kind keeps the markers
    kinds = [panel.model.row_at(r).kind for r in range(panel.model.rowCount())]
    panel.view.selectRow(kinds.index(OutcomeKind.PATENTS))
    (ax,) = panel.canvas.figure.axes
    assert {x.get_gid() for x in ax.lines} == {f"visit:{d.isoformat()}" for d in marked}


def test_edit_a_figure_from_the_tab_and_the_trend_follows(
    qtbot, detail, services, demo_ids
) -> None:
    panel = _shown_tab(qtbot, detail)
    values, _source = LEVELS[OutcomeKind.PASS_RATE]
    panel.view.selectRow(0)  # the pass rate
    assert not panel.edit_button.isEnabled() and not panel.delete_button.isEnabled()
    stored = services.outcomes.rows(demo_ids["organization"], OutcomeKind.PASS_RATE)
    newest_first = sorted(stored, key=lambda r: r.fields.period, reverse=True)
    shown = [panel.figures_model.row_at(r).id for r in range(panel.figures_model.rowCount())]
    assert shown == [r.id for r in newest_first]
    latest = newest_first[0]
    # double-click the newest figure: the dialog opens filled with it
    index = panel.figures_model.index(0, 0)
    panel.figures_view.selectRow(0)
    panel.figures_view.doubleClicked.emit(index)
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.kind_combo.currentData() == OutcomeKind.PASS_RATE.value
    assert dialog.value_spin.value() == values[-1] == latest.fields.value
    assert dialog.source_edit.text() == latest.fields.source
    dialog.value_spin.setValue(98.4)
    dialog.note_edit.setText("复核 MES 数据后更正")
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    (edited,) = [r for r in services.outcomes.rows(demo_ids["organization"]) if r.id == latest.id]
    assert (edited.fields.value, edited.fields.note, edited.fields.period) == (
        98.4,
        "复核 MES 数据后更正",
        latest.fields.period,
    )
    assert len(services.outcomes.rows(demo_ids["organization"], OutcomeKind.PASS_RATE)) == len(
        values
    )
    assert panel.model.row_at(0).shown() == f"{values[-2]:g} % → 98.4 %"
    assert _pass_rates(panel) == [*values[:-1], 98.4]
    assert panel.selected_figure() is not None and panel.selected_figure().id == latest.id


def test_delete_a_figure_asks_first_naming_it(
    qtbot, detail, services, demo_ids, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from qclinic.ui import outcomes_panel

    panel = _shown_tab(qtbot, detail)
    values, _source = LEVELS[OutcomeKind.PASS_RATE]
    panel.view.selectRow(0)
    panel.figures_view.selectRow(0)
    latest = panel.selected_figure()
    asked: list[str] = []
    answer = QMessageBox.StandardButton.No

    def question(_parent, _title, text, *_args):
        asked.append(text)
        return answer

    monkeypatch.setattr(outcomes_panel.QMessageBox, "question", question)
    panel.delete_button.click()
    assert (
        len(asked) == 1 and f"Product pass rate · {latest.fields.period.isoformat()} · " in asked[0]
    )
    assert f"{values[-1]:g} %" in asked[0]
    assert latest.id in [r.id for r in services.outcomes.rows(demo_ids["organization"])]
    answer = QMessageBox.StandardButton.Yes
    panel.delete_button.click()
    assert latest.id not in [r.id for r in services.outcomes.rows(demo_ids["organization"])]
    assert panel.model.row_at(0).shown() == f"{values[-3]:g} % → {values[-2]:g} %"
    assert _pass_rates(panel) == list(values[:-1])
    assert panel.figures_model.rowCount() == len(values) - 1
    assert not panel.delete_button.isEnabled()  # nothing selected any more
