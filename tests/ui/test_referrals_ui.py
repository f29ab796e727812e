"""The case editor's Referrals box and the Providers page, clicked like a person: refer a case to
a provider, move it step by step, attach the certificate; add a provider and see what was
referred to it. Everything goes through the services (checked in the database)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from qclinic.core.vocabulary import NqiCategory, ProviderKind, ReferralStatus


@pytest.fixture
def editor(qtbot, services, signals, demo_ids):
    from qclinic.ui.case_editor import CaseEditor

    widget = CaseEditor(services, signals, "en")
    qtbot.addWidget(widget)
    widget.resize(1100, 620)
    widget.show()
    widget.set_case(demo_ids["cases"][1])  # the demo refers cases[0] already
    return widget


def test_the_models_pass_the_model_tester(qtmodeltester, services, demo_ids) -> None:
    from qclinic.ui.pages.providers import ProvidersModel
    from qclinic.ui.referrals_box import ReferralsModel

    referrals = ReferralsModel()
    referrals.set_rows(services.referrals.rows())
    qtmodeltester.check(referrals)
    providers = ProvidersModel()
    providers.set_rows(services.providers.rows())
    qtmodeltester.check(providers)
    assert providers.rowCount() == len(demo_ids["providers"])


def test_refer_a_case_move_it_and_attach_the_certificate(
    qtbot, editor, services, demo_ids, tmp_path: Path
) -> None:
    box = editor.referrals
    assert box.model.rowCount() == 0 and not box.step_button.isEnabled()
    qtbot.mouseClick(box.refer_button, Qt.MouseButton.LeftButton)
    dialog = box.dialog
    assert dialog is not None and dialog.provider.count() == len(demo_ids["providers"])
    dialog.provider.setCurrentIndex(1)
    chosen = dialog.provider.currentData()
    dialog.field.setCurrentIndex(dialog.field.findData(NqiCategory.INSPECTION_TESTING.value))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()  # nothing asked yet
    assert dialog.isVisible() and "asked" in dialog.message.text()
    dialog.request.insertPlainText("起重机定期检验")  # QTest types ASCII only
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: box.model.rowCount() == 1, timeout=10_000)

    (stored,) = services.referrals.rows(case_id=demo_ids["cases"][1])
    assert (stored.provider_id, stored.nqi_category, stored.request) == (
        chosen,
        NqiCategory.INSPECTION_TESTING,
        "起重机定期检验",
    )
    box.view.selectRow(0)
    assert box.step_button.text() == "Mark accepted" and not box.evidence_button.isEnabled()
    qtbot.mouseClick(box.step_button, Qt.MouseButton.LeftButton)
    assert box.step_dialog is not None and box.step_dialog.chosen_day() == date.today()
    box.step_dialog.buttons.button(box.step_dialog.buttons.StandardButton.Ok).click()
    box.view.selectRow(0)
    assert box.step_button.text() == "Mark delivered"
    qtbot.mouseClick(box.step_button, Qt.MouseButton.LeftButton)
    box.step_dialog.buttons.button(box.step_dialog.buttons.StandardButton.Ok).click()
    box.view.selectRow(0)
    assert box.evidence_button.isEnabled() and box.step_button.text() == "Close"
    certificate = tmp_path / "检验报告.pdf"
    certificate.write_bytes(b"%PDF-1.4 inspection report")
    box.attach_file(stored.id, certificate)

    (row,) = services.referrals.rows(case_id=demo_ids["cases"][1])
    assert (row.status, row.delivered_on, row.evidence) == (
        ReferralStatus.DELIVERED,
        date.today(),
        1,
    )
    assert box.model.index(0, 6).data() == "1"
    (evidence,) = services.referrals.evidence(row.id)
    assert evidence.file_name == "检验报告.pdf"


def test_the_providers_page_adds_a_provider_and_shows_its_referrals(
    qtbot, services, signals, demo_ids
) -> None:
    from qclinic.ui.pages.providers import create

    page = create(services, signals, "en")
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    assert page.model.rowCount() == len(demo_ids["providers"])
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.edits["name"].setText("赣州市特种设备检验中心")
    dialog.kind.setCurrentIndex(dialog.kind.findData(ProviderKind.SPECIAL_EQUIPMENT.value))
    dialog.edits["region"].setText("江西省赣州市")
    dialog.accept()
    qtbot.waitUntil(lambda: page.model.rowCount() == len(demo_ids["providers"]) + 1, timeout=10_000)
    assert page.selected() is not None and page.selected().name == "赣州市特种设备检验中心"
    assert page.referrals_model.rowCount() == 0

    page.search.insert("计量")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    page.view.selectRow(0)
    (referred,) = services.referrals.rows(provider_id=page.selected().id)
    assert page.referrals_model.rowCount() == 1
    assert page.referrals_model.index(0, 1).data() == referred.organization_name
