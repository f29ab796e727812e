"""The improvement plan, findings → actions and clinic cases, driven like a person (offscreen)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from qclinic.core.vocabulary import ActionStatus, CaseStatus, FindingSeverity


def _action(database, action_id):
    from qclinic.storage.models import Action

    with database.read_session() as session:
        return session.get(Action, action_id)


def _actions(database, **filters):
    from qclinic.storage.repositories import improvement

    with database.read_session() as session:
        return improvement.list_actions(session, limit=None, **filters)


@pytest.fixture
def plan_page(qtbot, database, services, signals, demo_ids):
    from qclinic.ui.pages.plan import create

    page = create(services, signals, "en")
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.load()  # in the background, as in the app: the demo's actions arrive through the loop
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    return page


# --- models ----------------------------------------------------------------------------------
def test_actions_model_and_proxy_pass_the_model_tester(qtmodeltester, database, demo_ids) -> None:
    from qclinic.storage.repositories.improvement import plan_table
    from qclinic.ui.actions_model import ROW_ROLE, ActionFilter, ActionsModel, ActionsProxy

    with database.read_session() as session:
        rows = plan_table(session)
    model = ActionsModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.rowCount() == len(demo_ids["actions"]) == 7
    assert {model.index(r, 0).data(ROW_ROLE).id for r in range(7)} == set(demo_ids["actions"])
    proxy = ActionsProxy()
    proxy.setSourceModel(model)
    proxy.set_filter(ActionFilter(status=ActionStatus.DONE))
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 1


# --- plan page -------------------------------------------------------------------------------
def test_plan_lists_the_demo_actions_with_the_overdue_ones_marked(plan_page, database) -> None:
    from qclinic.ui.actions_model import COL_OVERDUE, COL_TITLE, OVERDUE_ROLE, ROW_ROLE

    today = date.today()
    expected = {
        a.id
        for a in _actions(database)
        if a.due_date < today and a.status in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
    }
    assert expected  # the demo's due dates are in the past of today
    proxy = plan_page.proxy
    assert proxy.rowCount() == 7
    marked = set()
    for row in range(proxy.rowCount()):
        action = proxy.index(row, 0).data(ROW_ROLE)
        days = proxy.index(row, 0).data(OVERDUE_ROLE)
        title = proxy.index(row, COL_TITLE)
        if days:
            marked.add(action.id)
            assert days == (today - action.due_date).days
            assert title.data(Qt.ItemDataRole.FontRole).bold()
            assert title.data(Qt.ItemDataRole.ForegroundRole) is not None
            assert proxy.index(row, COL_OVERDUE).data() == f"{days} days"
        else:
            assert title.data(Qt.ItemDataRole.ForegroundRole) is None
            assert proxy.index(row, COL_OVERDUE).data() == ""
    assert marked == expected
    assert f"· {len(expected)} overdue" in plan_page.summary.text()


def test_plan_filters_by_status_overdue_and_organization(qtbot, plan_page) -> None:
    from qclinic.ui.actions_model import ROW_ROLE

    page = plan_page
    page.status_filter.setCurrentIndex(page.status_filter.findData(ActionStatus.DONE.value))
    assert page.proxy.rowCount() == 1
    assert page.proxy.index(0, 0).data(ROW_ROLE).status is ActionStatus.DONE
    page.status_filter.setCurrentIndex(0)
    qtbot.mouseClick(page.overdue_only, Qt.MouseButton.LeftButton)
    assert page.overdue_only.isChecked()
    assert page.proxy.rowCount() == 5  # the done and the verified ones are not overdue
    page.owner_search.insert("王丽")  # Chinese arrives through the input method, not key codes
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 2, timeout=10_000)
    page.owner_search.clear()
    qtbot.keyClicks(page.organization_search, "no such company")
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 0, timeout=10_000)
    assert page.summary.text().startswith("0 of 7 actions")


def test_moving_an_action_to_verified_from_the_list(qtbot, plan_page, database, demo_ids) -> None:
    page = plan_page
    action_id = demo_ids["actions"][0]  # open, overdue
    assert page.select_action(action_id)
    assert not page.verify_button.isEnabled()

    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert _action(database, action_id).status is ActionStatus.IN_PROGRESS
    qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    assert _action(database, action_id).status is ActionStatus.DONE
    assert page.selected_row().status is ActionStatus.DONE  # the row was updated in place

    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.target_status() is ActionStatus.VERIFIED
    save = dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)  # no note yet
    assert dialog.isVisible()
    assert "verification note" in dialog.ui.errorLabel.text()
    assert _action(database, action_id).status is ActionStatus.DONE

    dialog.ui.verificationEdit.insertPlainText("复查记录齐全，抽查三个月无缺失。")
    dialog.ui.effectivenessEdit.insertPlainText("连续两个月检查无同类问题。")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    stored = _action(database, action_id)
    assert stored.status is ActionStatus.VERIFIED
    assert stored.verification_note == "复查记录齐全，抽查三个月无缺失。"
    assert stored.effectiveness_note == "连续两个月检查无同类问题。"
    assert stored.verified_at is not None
    assert page.selected_row().status is ActionStatus.VERIFIED
    assert not any(b.isEnabled() for b in (page.start_button, page.done_button, page.verify_button))


def test_editing_an_action_commits_and_tells_the_app(
    qtbot, plan_page, database, demo_ids, signals
) -> None:
    page = plan_page
    action_id = demo_ids["actions"][1]
    page.select_action(action_id)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.ui.ownerEdit.clear()
    dialog.ui.ownerEdit.insert("质量部 张敏")
    with qtbot.waitSignals([signals.saved, signals.data_changed]):
        dialog.accept()
    assert _action(database, action_id).owner == "质量部 张敏"
    assert page.selected_row().owner == "质量部 张敏"
    assert page.model.rowCount() == 7


# --- findings → actions ----------------------------------------------------------------------
def test_create_an_action_from_a_finding(qtbot, database, services, signals, demo_ids) -> None:
    from qclinic.storage.models import Finding
    from qclinic.ui.findings_panel import COL_ACTIONS, ROW_ROLE, FindingsPanel

    panel = FindingsPanel(services, signals, "en")
    qtbot.addWidget(panel)
    panel.show()
    panel.set_assessment(demo_ids["completed_assessment"])
    assert panel.model.rowCount() == len(demo_ids["findings"]) == 5
    assert not panel.create_button.isEnabled()
    with database.read_session() as session:
        good = next(
            f
            for f in (session.get(Finding, i) for i in demo_ids["findings"])
            if f.severity is FindingSeverity.GOOD_PRACTICE
        )
    panel.select_finding(good.id)
    assert panel.selected_finding().question.startswith(good.question_id)
    qtbot.mouseClick(panel.create_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert dialog.ui.titleEdit.text() == good.title
    assert dialog.ui.organizationValue.text() == "鹰潭精密铜材有限公司"
    dialog.ui.titleEdit.clear()
    dialog.ui.titleEdit.insert("在链上企业推广该做法")
    dialog.ui.ownerEdit.insert("王丽")
    dialog.accept()
    created = _actions(database, organization_id=demo_ids["organization"])
    raised = [a for a in created if a.finding_id == good.id]
    assert [(a.title, a.owner, a.status) for a in raised] == [
        ("在链上企业推广该做法", "王丽", ActionStatus.OPEN)
    ]
    row = next(r for r in range(5) if panel.model.index(r, 0).data(ROW_ROLE).id == good.id)
    assert panel.model.index(row, COL_ACTIONS).data() == "1"  # the panel refreshed


# --- clinic cases ----------------------------------------------------------------------------
def _case(database, case_id):
    from qclinic.storage.models import ClinicCase

    with database.read_session() as session:
        return session.get(ClinicCase, case_id)


@pytest.fixture
def cases_page(qtbot, database, services, signals, demo_ids):
    from qclinic.ui.pages.cases import create

    page = create(services, signals, "en")
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    page.load()
    return page


def test_cases_model_and_proxy_pass_the_model_tester(qtmodeltester, database, demo_ids) -> None:
    from qclinic.storage.repositories.improvement import list_case_rows
    from qclinic.ui.cases_model import ROW_ROLE, CaseFilter, CasesModel, CasesProxy

    with database.read_session() as session:
        rows = list_case_rows(session)
    model = CasesModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert {model.index(r, 0).data(ROW_ROLE).id for r in range(3)} == set(demo_ids["cases"])
    proxy = CasesProxy()
    proxy.setSourceModel(model)
    proxy.set_filter(CaseFilter(open_only=True))
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 2


def test_cases_list_filters(qtbot, cases_page) -> None:
    page = cases_page
    assert page.proxy.rowCount() == 3
    page.status_filter.setCurrentIndex(page.status_filter.findData(CaseStatus.RESOLVED.value))
    assert page.proxy.rowCount() == 1
    assert page.proxy.index(0, 5).data() == "2026-05-18"
    page.status_filter.setCurrentIndex(0)
    qtbot.mouseClick(page.open_only, Qt.MouseButton.LeftButton)
    assert page.proxy.rowCount() == 2
    qtbot.keyClicks(page.organization_search, "no such company")
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 0, timeout=10_000)
    assert page.summary.text() == "0 of 3 cases · 2 unresolved"


def test_register_diagnose_prescribe_and_resolve_a_case(
    qtbot, cases_page, database, demo_ids
) -> None:
    page = cases_page
    qtbot.mouseClick(page.register_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    ui = dialog.ui
    ui.organizationCombo.setCurrentIndex(ui.organizationCombo.findData(demo_ids["organization"]))
    ui.categoryCombo.setCurrentIndex(ui.categoryCombo.findData("metrology"))
    save = ui.buttonBox.button(ui.buttonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)  # no title yet
    assert dialog.isVisible() and "title" in ui.errorLabel.text()
    ui.titleEdit.insert("卡尺校准过期仍在使用")
    ui.symptomEdit.insertPlainText("抽查发现三把卡尺校准标签已过期。")
    assert ui.visitCombo.count() == 4  # "(no visit)" and the demo company's three visits
    ui.visitCombo.setCurrentIndex(ui.visitCombo.findData(demo_ids["visits"][1]))
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    case_id = dialog.case_id
    stored = _case(database, case_id)
    assert (stored.title, stored.status, stored.visit_id) == (
        "卡尺校准过期仍在使用",
        CaseStatus.REGISTERED,
        demo_ids["visits"][1],
    )
    assert page.model.rowCount() == 4
    assert page.selected_case_id() == case_id
    editor = page.editor
    assert editor.case_id == case_id and editor.isEnabled()

    qtbot.mouseClick(editor.next_button, Qt.MouseButton.LeftButton)  # no diagnosis yet
    assert "diagnosis" in editor.message.text()
    assert _case(database, case_id).status is CaseStatus.REGISTERED

    editor.diagnosis.insertPlainText("量具台账未设到期提醒，计量员兼职。")
    qtbot.mouseClick(editor.next_button, Qt.MouseButton.LeftButton)
    stored = _case(database, case_id)
    assert stored.diagnosis == "量具台账未设到期提醒，计量员兼职。"
    assert stored.status is CaseStatus.DIAGNOSED

    editor.prescription.insertPlainText("建立量具到期提醒台账；过期量具立即隔离送检。")
    qtbot.mouseClick(editor.next_button, Qt.MouseButton.LeftButton)
    assert _case(database, case_id).status is CaseStatus.PRESCRIBED
    assert editor.resolved_on.isVisible()
    assert editor.resolved_on.date().toPython() == date.today()  # resolving asks for the date

    editor.resolved_on.setDate(date(2026, 11, 20))
    qtbot.mouseClick(editor.next_button, Qt.MouseButton.LeftButton)
    stored = _case(database, case_id)
    assert (stored.status, stored.resolved_on) == (CaseStatus.RESOLVED, date(2026, 11, 20))
    row = page.proxy.mapFromSource(page.model.index(page.model.row_of(case_id), 0)).row()
    assert page.proxy.index(row, 3).data() == "Resolved"
    assert page.proxy.index(row, 5).data() == "2026-11-20"
    assert "2026-11-20" in editor.status.text()

    qtbot.mouseClick(editor.back_button, Qt.MouseButton.LeftButton)  # reopened
    stored = _case(database, case_id)
    assert (stored.status, stored.resolved_on) == (CaseStatus.PRESCRIBED, None)


def test_case_text_commits_when_the_user_pauses(
    qtbot, cases_page, database, demo_ids, signals
) -> None:
    page = cases_page
    standards = demo_ids["cases"][2]
    assert page.select_case(standards)
    with qtbot.waitSignal(signals.saved, timeout=3000):
        qtbot.keyClicks(page.editor.diagnosis, "ASTM B16 vs GB/T 4423")
    assert _case(database, standards).diagnosis == "ASTM B16 vs GB/T 4423"


def test_create_an_action_from_a_case(qtbot, cases_page, database, demo_ids) -> None:
    page = cases_page
    crane = demo_ids["cases"][1]
    page.select_case(crane)
    editor = page.editor
    assert editor.actions_model.rowCount() == 1
    qtbot.mouseClick(editor.create_action_button, Qt.MouseButton.LeftButton)
    dialog = editor.dialog
    assert dialog.ui.titleEdit.text().startswith("2026-03-20 前向特种设备检验机构提出定期检验要求")
    dialog.ui.ownerEdit.insert("设备部 吴刚")
    dialog.accept()
    raised = [a for a in _actions(database) if a.case_id == crane]
    assert len(raised) == 2
    assert editor.actions_model.rowCount() == 2  # the case's action list refreshed


def test_the_context_menu_offers_the_allowed_moves(qtbot, plan_page, database, demo_ids) -> None:
    page = plan_page
    in_progress = demo_ids["actions"][1]
    page.select_action(in_progress)
    menu = page.context_menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["Edit…", "Reopen", "Mark done"]
    next(a for a in menu.actions() if a.text() == "Reopen").trigger()
    assert _action(database, in_progress).status is ActionStatus.OPEN


def test_findings_model_passes_the_model_tester(qtmodeltester, services, demo_ids) -> None:
    from qclinic.ui.findings_panel import COL_SEVERITY, FindingsModel

    model = FindingsModel()
    model.set_rows(services.findings.rows(demo_ids["completed_assessment"], "zh"))
    qtmodeltester.check(model)
    assert model.rowCount() == 5
    assert model.index(0, COL_SEVERITY).data(Qt.ItemDataRole.DecorationRole) is not None


# --- changes announced by the services -------------------------------------------------------
def test_the_plan_page_updates_its_own_change_in_place_and_reloads_others(
    qtbot, plan_page, services, signals, demo_ids, monkeypatch
) -> None:
    page = plan_page
    loads: list[int] = []
    monkeypatch.setattr(page, "load", lambda: loads.append(1))
    action_id = demo_ids["actions"][0]  # open
    page.select_action(action_id)
    with qtbot.waitSignals([signals.saved, signals.changed]):  # the service's commit tells the app
        qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert page.selected_row().status is ActionStatus.IN_PROGRESS
    assert loads == []  # its own change: the row was updated in place, the list not reloaded

    page.on_edit()
    page.dialog.ui.ownerEdit.setText("质量部 张敏")
    page.dialog.accept()
    assert page.selected_row().owner == "质量部 张敏" and loads == []

    services.actions.move(action_id, ActionStatus.DONE)  # another window, a command, sync
    assert loads == [1]


def test_the_case_editor_keeps_its_own_edit_and_shows_anothers(
    qtbot, cases_page, services, demo_ids, monkeypatch
) -> None:
    editor = cases_page.editor
    standards = demo_ids["cases"][2]
    assert cases_page.select_case(standards)
    shown: list[str | None] = []
    set_case = editor.set_case
    monkeypatch.setattr(
        editor, "set_case", lambda case_id: (shown.append(case_id), set_case(case_id))
    )
    editor.diagnosis.setPlainText("ASTM B16 与 GB/T 4423 不一致")
    editor.save_texts()
    assert shown == []  # its own change: nothing reloaded, the text stays as typed
    assert editor.case.diagnosis == "ASTM B16 与 GB/T 4423 不一致"

    services.cases.edit(standards, prescription="按 GB/T 4423 重新评审合同")  # made elsewhere
    assert shown == [standards]
    assert editor.prescription.toPlainText() == "按 GB/T 4423 重新评审合同"
    assert editor.diagnosis.toPlainText() == "ASTM B16 与 GB/T 4423 不一致"


def test_the_finding_dialog_raises_through_the_service(
    qtbot, database, services, signals, demo_ids
) -> None:
    from qclinic.core import checklists
    from qclinic.core.vocabulary import NqiCategory
    from qclinic.storage.repositories.assessments import frozen_checklist
    from qclinic.ui.runner.finding_dialog import FindingDialog

    assessment_id = demo_ids["completed_assessment"]
    with database.read_session() as session:
        checklist = checklists.from_frozen(frozen_checklist(session, assessment_id))
    question = next(q for q in checklist.questions() if q.category)
    heard = []
    signals.changed.connect(heard.append)
    dialog = FindingDialog(services, signals, assessment_id, question, "", "en")
    qtbot.addWidget(dialog)
    ok = dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # the title is only the question id so far
    qtbot.keyClicks(dialog.ui.titleEdit, "records incomplete")
    assert ok.isEnabled()
    dialog.accept()
    rows = services.findings.rows(assessment_id, "en")
    (raised,) = [row for row in rows if row.id == dialog.finding_id]
    assert raised.title == f"{question.id}: records incomplete"
    assert raised.nqi_category is NqiCategory(question.category)
    assert [(e.entity, e.ids) for e in heard] == [("finding", (dialog.finding_id,))]
    assert heard[0].made_by(dialog)
