"""The organizations page: list, search, the new/edit dialog, the detail and starting an assessment."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

BAD_CODE = "914403001922038217"
GOOD_CODE = "914403001922038216"


@pytest.fixture
def page(qtbot, database, services, signals):
    from qclinic.ui.pages.organizations import create

    widget = create(services, signals, "zh")
    qtbot.addWidget(widget)
    widget.resize(1080, 760)
    widget.load()
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: widget.detail is not None, timeout=10_000)  # imported on a worker
    return widget


def type_text(qtbot, widget, text: str) -> None:
    """Type like a person: keys for ASCII, an input-method commit for Chinese (as a pinyin IME)."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _names(page) -> list[str]:
    from qclinic.ui.organizations_model import COL_NAME

    return [page.proxy.index(row, COL_NAME).data() for row in range(page.proxy.rowCount())]


def test_models_pass_the_model_tester(qtmodeltester, database, demo_ids) -> None:
    from qclinic.storage.organization_list import list_organization_summaries
    from qclinic.ui.organization_detail_model import RecordsModel, site_columns
    from qclinic.ui.organizations_model import ROW_ROLE, OrganizationFilter, OrganizationsModel

    rows = list_organization_summaries(database)
    model = OrganizationsModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    proxy = OrganizationFilter()
    proxy.setSourceModel(model)
    proxy.set_filters("鹰潭")
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 1
    assert proxy.index(0, 0).data(ROW_ROLE).id == demo_ids["organization"]
    sites = RecordsModel(site_columns())
    sites.set_rows([])
    qtmodeltester.check(sites)


def test_new_organization_checks_the_credit_code_as_typed(qtbot, page, database) -> None:
    from qclinic.storage.repositories.organizations import list_organizations

    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    type_text(qtbot, dialog.ui.nameEdit, "深圳市测试精密制造有限公司")
    qtbot.keyClicks(dialog.ui.usccEdit, BAD_CODE)
    assert "校验码" in dialog.ui.usccMessage.text()  # the check character is wrong
    assert "'6'" in dialog.ui.usccMessage.text()
    assert dialog.ui.usccMessage.isVisible()
    assert not dialog.ok_button.isEnabled()

    qtbot.keyClick(dialog.ui.usccEdit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.ui.usccEdit, "6")
    assert dialog.ok_button.isEnabled()
    type_text(qtbot, dialog.ui.regionEdit, "广东省深圳市")
    with qtbot.waitSignal(page._signals.saved):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    with database.read_session() as session:
        (saved,) = list_organizations(session, search=GOOD_CODE)
    assert saved.name == "深圳市测试精密制造有限公司"
    assert saved.region == "广东省深圳市"
    assert "深圳市测试精密制造有限公司" in _names(page)
    assert page.current_id() == saved.id  # selected, and shown in the detail
    assert page.detail.name_label.text() == saved.name


def test_english_message_and_an_empty_code_is_allowed(qtbot, services, signals) -> None:
    from qclinic.ui.organization_dialog import OrganizationDialog

    dialog = OrganizationDialog(services, signals, "en")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.ui.nameEdit, "Acme")
    assert dialog.ok_button.isEnabled()  # no code yet: fine
    qtbot.keyClicks(dialog.ui.usccEdit, BAD_CODE)
    assert "check character" in dialog.ui.usccMessage.text()
    assert not dialog.ok_button.isEnabled()


def test_editing_updates_the_row_in_place(qtbot, demo_ids, page, database) -> None:
    from qclinic.storage.repositories.organizations import get_organization

    page.select_organization(demo_ids["organization"])
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.ui.usccEdit.text().startswith("91360600")
    dialog.ui.regionEdit.clear()
    type_text(qtbot, dialog.ui.regionEdit, "江西省鹰潭市余江区")
    with qtbot.assertNotEmitted(page.model.modelReset), qtbot.waitSignal(page.model.dataChanged):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    with database.read_session() as session:
        assert get_organization(session, demo_ids["organization"]).region == "江西省鹰潭市余江区"
    assert page.current_id() == demo_ids["organization"]
    assert "江西省鹰潭市余江区" in page.detail.facts_label.text()


def test_search_and_filters_narrow_the_list(qtbot, demo_ids, page) -> None:
    from qclinic.core.vocabulary import ChainRole

    assert len(_names(page)) == 4  # the demo chain's companies
    type_text(qtbot, page.search_edit, "鹰潭")
    qtbot.waitUntil(lambda: len(_names(page)) == 1)
    assert _names(page) == ["鹰潭精密铜材有限公司"]
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "91360000158304")  # part of the chain leader's code
    qtbot.waitUntil(lambda: _names(page) == ["赣鄱铜业集团有限公司"])
    page.search_edit.clear()
    qtbot.waitUntil(lambda: len(_names(page)) == 4)
    page.role_combo.setCurrentIndex(page.role_combo.findData(ChainRole.SUPPLIER))
    assert sorted(_names(page)) == sorted(
        ["鹰潭精密铜材有限公司", "贵溪恒达冶金辅料有限公司", "上饶精拓拉拔模具有限公司"]
    )
    assert "3" in page.count_label.text() and "4" in page.count_label.text()


def test_sorting_by_grade_keeps_the_selection(demo_ids, page) -> None:
    from qclinic.ui.organizations_model import COL_GRADE

    page.select_organization(demo_ids["organization"])
    page.view.sortByColumn(COL_GRADE, Qt.SortOrder.DescendingOrder)
    assert _names(page)[0] == "鹰潭精密铜材有限公司"  # graded first, ungraded last
    assert page.proxy.index(0, COL_GRADE).data() == "B · 74.0%"
    assert page.current_id() == demo_ids["organization"]
    page.view.sortByColumn(COL_GRADE, Qt.SortOrder.AscendingOrder)
    assert _names(page)[-1] == "赣鄱铜业集团有限公司"
    assert page.current_id() == demo_ids["organization"]


def test_detail_shows_history_trend_and_overdue_actions(qtbot, demo_ids, page, signals) -> None:
    from qclinic.ui.organization_detail_model import OVERDUE_COLOR, ROW_ROLE

    page.detail.today = lambda: date(2026, 4, 20)
    page.select_organization(demo_ids["organization"])
    detail = page.detail
    history = detail.assessment_proxy
    grades = [history.index(row, 5).data() for row in range(history.rowCount())]
    assert grades == ["C", "B"]  # oldest first
    assert history.index(1, 6).data().startswith("▲ +")
    assert "C → B" in history.index(1, 6).data()
    assert "C 64.5% → B 74.0%" in detail.trend_label.text()

    actions = detail.action_proxy
    rows = [actions.index(row, 0).data(ROW_ROLE) for row in range(actions.rowCount())]
    assert len(rows) == 5  # the done and the verified ones are not listed
    red = [
        row.title
        for number, row in enumerate(rows)
        if actions.index(number, 0).data(Qt.ItemDataRole.ForegroundRole) == OVERDUE_COLOR
    ]
    assert red == ["2026-03-20 前申报起重机定期检验，任命持证安全管理员"]  # due 2026-03-19
    assert "1" in detail.tabs.tabText(1)
    assert detail.case_proxy.rowCount() == 3

    detail.tabs.setCurrentIndex(0)
    view = detail.assessment_view
    rect = view.visualRect(history.index(0, 1))
    with qtbot.waitSignal(signals.open_assessment) as opened:
        # a double click is press, release, then the double-click event (Qt 6 sends only the last)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [demo_ids["assessments"][0]]  # the earlier one, first row


def test_adding_a_site(qtbot, demo_ids, page, database) -> None:
    from qclinic.storage.repositories.organizations import list_sites

    page.select_organization(demo_ids["organization"])
    detail = page.detail
    detail.tabs.setCurrentIndex(3)
    assert not detail.add_site_button.isEnabled()
    type_text(qtbot, detail.site_name_edit, "二号工厂")
    type_text(qtbot, detail.site_address_edit, "鹰潭市月湖区")
    qtbot.mouseClick(detail.add_site_button, Qt.MouseButton.LeftButton)
    with database.read_session() as session:
        names = [site.name for site in list_sites(session, demo_ids["organization"])]
    assert names == ["一号工厂", "二号工厂"]
    assert detail.site_proxy.rowCount() == 2
    assert detail.site_name_edit.text() == ""


def test_changes_made_through_the_services_elsewhere_reach_the_page(
    qtbot, demo_ids, page, services
) -> None:
    """No widget announces anything: the services' commits alone refresh the list and detail."""
    page.select_organization(demo_ids["organization"])
    created = services.organizations.create("赣江新区测试有限公司")  # as a command or sync would
    assert "赣江新区测试有限公司" in _names(page)
    services.organizations.add_site(demo_ids["organization"], "三号工厂")
    assert page.detail.site_proxy.rowCount() == 2
    services.organizations.update(demo_ids["organization"], region="江西省鹰潭市余江区")
    assert "余江区" in page.detail.facts_label.text()
    services.organizations.delete(created.id)
    assert "赣江新区测试有限公司" not in _names(page)


def test_starting_an_assessment(qtbot, demo_ids, page, database, signals) -> None:
    from qclinic.core.vocabulary import AssessmentStatus, VisitKind
    from qclinic.storage.library import checklist_content
    from qclinic.storage.repositories.assessments import frozen_checklist, get_assessment
    from qclinic.storage.repositories.visits import get_visit

    page.select_organization(demo_ids["organization"])
    qtbot.mouseClick(page.detail.start_button, Qt.MouseButton.LeftButton)
    dialog = page.detail.start_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData(VisitKind.FOLLOW_UP))
    dialog.select_checklist("spc")
    assert "统计过程控制" in dialog.ui.titleEdit.text()  # suggested from the checklist
    dialog.ui.titleEdit.clear()
    type_text(qtbot, dialog.ui.titleEdit, "SPC 整改回访")
    with qtbot.waitSignal(signals.open_assessment) as opened:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    (new_id,) = opened.args
    assert new_id == dialog.assessment_id

    with database.read_session() as session:
        assessment = get_assessment(session, new_id)
        assert assessment.status is AssessmentStatus.DRAFT
        assert assessment.title == "SPC 整改回访"
        assert assessment.checklist_id == "spc"
        assert frozen_checklist(session, new_id) == checklist_content(session, "spc")
        visit = get_visit(session, assessment.visit_id)
        assert visit.kind is VisitKind.FOLLOW_UP
        assert visit.site_id == demo_ids["site"]
        assert visit.visit_date == date.today()
    assert page.detail.assessment_proxy.rowCount() == 3  # refreshed through data_changed


def test_compare_opens_from_the_detail(qtbot, demo_ids, page) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from qclinic.ui.compare_view import CompareDialog

    page.select_organization(demo_ids["organization"])
    button = page.detail.compare_button
    assert button.isEnabled()  # two assessments to compare
    seen: list[str] = []

    def close_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CompareDialog)
        seen.append(dialog.windowTitle())
        dialog.reject()

    QTimer.singleShot(0, close_dialog)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1
