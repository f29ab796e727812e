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
