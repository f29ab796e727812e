"""Referrals from a finding, and the dates of referral steps, clicked like a person: the plan's
findings list refers the selected finding's company (its NQI field proposed), the finding then
shows its referral, the provider page lists it; the step dialog takes a day in the past, offers
no day before the step before nor after today, and shows the service's refusal when the
referral moved meanwhile in another window. Checked in the database through the services."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from qclinic.core.vocabulary import NqiCategory, ProviderKind, ReferralStatus


@pytest.fixture
def panel(qtbot, services, signals, demo_ids):
    from qclinic.ui.findings_panel import FindingsPanel

    widget = FindingsPanel(services, signals, "en")
    qtbot.addWidget(widget)
    widget.resize(1100, 640)
    widget.show()
    widget.set_assessment(demo_ids["completed_assessment"])
    return widget


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def test_refer_a_finding_and_see_it_on_the_finding_and_the_provider(
    qtbot, panel, services, signals, demo_ids
) -> None:
    finding_id = demo_ids["findings"][1]  # MSA.3: the demo refers findings[2] already
    (finding,) = [r for r in services.findings.rows(demo_ids["completed_assessment"], "en")
                  if r.id == finding_id]  # fmt: skip
    box = panel.referrals
    assert not box.refer_button.isEnabled()  # no finding selected yet
    panel.select_finding(finding_id)
    assert box.finding_id == finding_id and box.model.rowCount() == 0
    qtbot.mouseClick(box.refer_button, Qt.MouseButton.LeftButton)
    dialog = box.dialog
    assert dialog is not None
    assert dialog.field.currentData() == str(finding.nqi_category)  # the finding's field
    assert dialog.requested_on.date() == QDate.currentDate()
    assert dialog.requested_on.maximumDate() == QDate.currentDate()
    # the finding is about metrology: the metrology institute is proposed
    (proposed,) = [p for p in services.providers.rows() if p.id == dialog.provider.currentData()]
    assert proposed.kind is ProviderKind.METROLOGY
    dialog.provider.setCurrentIndex(1)  # the test laboratory
    laboratory = dialog.provider.currentData()
    dialog.request.insertPlainText("通止规计数型一致性分析培训与复核")
    dialog.requested_on.setDate(_qdate(date(2026, 3, 20)))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: box.model.rowCount() == 1, timeout=10_000)

    (stored,) = services.referrals.rows(finding_id=finding_id)
    assert (stored.provider_id, stored.nqi_category, stored.requested_on, stored.case_id) == (
        laboratory,
        NqiCategory(str(finding.nqi_category)),
        date(2026, 3, 20),
        None,
    )
    assert stored.organization_id == demo_ids["organization"]
    assert box.model.index(0, 0).data() == stored.provider_name
    assert box.model.index(0, 3).data() == "Requested"
    # another finding shows its own referrals, and coming back shows this one again
    panel.select_finding(demo_ids["findings"][0])
    assert box.model.rowCount() == 0
    panel.select_finding(finding_id)
    assert box.model.rowCount() == 1

    from qclinic.ui.pages.providers import create

    page = create(services, signals, "en")
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    row = next(r for r in range(page.model.rowCount()) if page.model.row_at(r).id == laboratory)
    page.view.selectRow(row)
    shown = {page.referrals_model.row_at(r).id for r in range(page.referrals_model.rowCount())}
    from_findings = {r.id for r in services.referrals.rows(provider_id=laboratory)}
    assert shown == from_findings and stored.id in shown and len(shown) == 2
    from qclinic.ui.referrals_box import COL_SOURCE

    sources = {
        page.referrals_model.row_at(r).id: page.referrals_model.index(r, COL_SOURCE).data()
        for r in range(page.referrals_model.rowCount())
    }
    assert sources[stored.id] == finding.title  # what was sent to it, and from what
    assert not page.referrals_view.isColumnHidden(COL_SOURCE)


def test_the_step_dialog_dates_a_step_in_the_past_and_shows_refusals(
    qtbot, panel, services, demo_ids
) -> None:
    finding_id = demo_ids["findings"][0]
    lab = demo_ids["providers"][0]
    referral = services.referrals.refer(
        lab,
        NqiCategory.CERTIFICATION,
        "再认证",
        finding_id=finding_id,
        requested_on=date(2026, 3, 14),
    )
    panel.select_finding(finding_id)
    box = panel.referrals
    box.view.selectRow(0)
    assert box.step_button.text() == "Mark accepted"
    qtbot.mouseClick(box.step_button, Qt.MouseButton.LeftButton)
    dialog = box.step_dialog
    assert dialog is not None and dialog.isVisible()
    # the calendar offers the request's day to today, today first
    assert dialog.day.minimumDate() == _qdate(date(2026, 3, 14))
    assert dialog.day.maximumDate() == QDate.currentDate() == dialog.day.date()
    dialog.day.setDate(_qdate(date(2026, 3, 1)))  # before the request: held at the minimum
    assert dialog.chosen_day() == date(2026, 3, 14)
    dialog.day.setDate(_qdate(date(2026, 3, 18)))
    dialog.note.setText("认证机构已受理申请")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    (row,) = services.referrals.rows(finding_id=finding_id)
    assert (row.status, row.accepted_on, row.note) == (
        ReferralStatus.ACCEPTED,
        date(2026, 3, 18),
        "2026-03-18 认证机构已受理申请",
    )

    box.view.selectRow(0)
    qtbot.mouseClick(box.step_button, Qt.MouseButton.LeftButton)
    dialog = box.step_dialog
    assert dialog.windowTitle() == "Mark delivered"
    assert dialog.day.minimumDate() == _qdate(date(2026, 3, 18))
    dialog.day.setDate(_qdate(date(2026, 3, 20)))
    # meanwhile, in another window, the acceptance is undone and recorded again later
    services.referrals.move(referral.id, ReferralStatus.REQUESTED)
    services.referrals.move(referral.id, ReferralStatus.ACCEPTED, on=date(2026, 3, 25))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert dialog.message.text() == (
        "The delivery date (2026-03-20) cannot be before the acceptance date (2026-03-25)."
    )
    dialog.day.setDate(_qdate(date(2026, 3, 26)))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    (row,) = services.referrals.rows(finding_id=finding_id)
    assert (row.status, row.delivered_on) == (ReferralStatus.DELIVERED, date(2026, 3, 26))
