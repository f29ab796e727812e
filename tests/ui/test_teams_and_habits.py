"""Issue 10 in the app: the expert team (start dialog, runner, sign-off), contact fields checked
as typed, Chinese-first error boxes, revisions told apart, and stored times shown in local time."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from qclinic.core.vocabulary import AssessmentStatus, SignerRole, TeamRole
from qclinic.storage.repositories import answers, assessments, organizations
from qclinic.storage.repositories.team import TeamMember, team_of


@pytest.fixture
def restore_language(qapp):
    from PySide6.QtCore import QLocale

    locale = QLocale()
    yield
    from qclinic.ui import i18n

    i18n.install_translators(qapp, "en")
    QLocale.setDefault(locale)


@pytest.fixture
def shanghai(monkeypatch):
    """The machine's zone is Beijing time (UTC+8), as on a consultant's laptop in China."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _ready_draft(database, team: list[TeamMember] | None = None) -> str:
    """A draft nqi-clinic assessment without blocking gaps, with *team*."""
    from qclinic.storage.library import checklist_content

    with database.session() as s:
        org = organizations.create_organization(s, "测试精密机械有限公司")
        content = checklist_content(s, "nqi-clinic")
        draft = assessments.start_assessment(
            s, org.id, "nqi-clinic", content["version"], content, "2026 门诊诊断", team=team or []
        )
        answers.save_answer(s, draft.id, "QMS.2", 4)
        return draft.id


# --- the team -----------------------------------------------------------------------------------
def test_the_start_dialog_makes_the_settings_consultant_lead_and_stores_the_team(
    qtbot, database, services, signals, demo_ids
) -> None:
    from qclinic import settings
    from qclinic.ui.start_assessment_dialog import StartAssessmentDialog

    settings.save(settings.Settings(consultant_name="李强"))
    dialog = StartAssessmentDialog(services, signals, "zh", demo_ids["organization"])
    qtbot.addWidget(dialog)
    assert dialog.team.members() == [TeamMember("李强", TeamRole.LEAD)]
    dialog.team.add_member(TeamMember("陈志远", TeamRole.MEMBER, "省计量院", "计量工程师"))
    dialog.team.table.item(1, 4).setText("12345")  # a bad phone number: marked, OK disabled
    assert not dialog.team.message.isHidden() and "12345" in dialog.team.message.text()
    assert not dialog.ok_button.isEnabled()
    dialog.team.table.item(1, 4).setText("0791-86112345")
    assert dialog.team.message.isHidden() and dialog.ok_button.isEnabled()
    with qtbot.waitSignal(signals.open_assessment) as opened:
        dialog.accept()
    with database.read_session() as s:
        team = team_of(s, opened.args[0])
    assert [(m.name, m.role, m.phone) for m in team] == [
        ("李强", TeamRole.LEAD, ""),
        ("陈志远", TeamRole.MEMBER, "0791-86112345"),
    ]


def test_the_runner_team_dialog_saves_the_team(qtbot, database, services, signals) -> None:
    from qclinic.ui.team_editor import TeamDialog

    draft_id = _ready_draft(database)
    dialog = TeamDialog(services, signals, draft_id)
    qtbot.addWidget(dialog)
    dialog.editor.add_member(TeamMember("王丽", TeamRole.LEAD))
    dialog.editor.add_member(TeamMember("周敏", TeamRole.MEMBER, "省标准化院"))
    with qtbot.waitSignal(signals.saved):
        dialog.accept()
    with database.read_session() as s:
        assert [m.name for m in team_of(s, draft_id)] == ["王丽", "周敏"]


def test_each_team_member_signs_in_the_sign_off_dialog(qtbot, database, services, signals) -> None:
    from qclinic.ui.signoff_dialog import prepare_sign_off

    draft_id = _ready_draft(
        database,
        [
            TeamMember("李强", TeamRole.LEAD),
            TeamMember("陈志远", TeamRole.MEMBER),
            TeamMember("周敏", TeamRole.MEMBER),
        ],
    )
    dialog = prepare_sign_off(None, services, signals, draft_id)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert [b.signer_name() for b in dialog.blocks] == ["李强", "陈志远", "周敏", ""]
    assert [b.role for b in dialog.blocks] == [
        SignerRole.LEAD,
        SignerRole.CONSULTANT,
        SignerRole.CONSULTANT,
        SignerRole.COMPANY_REPRESENTATIVE,
    ]
    dialog.ui.companyName.setText("王丽")
    for block in dialog.blocks[:-1]:
        block.typed.setChecked(True)
    assert not dialog.ok_button().isEnabled()  # the company has not signed yet
    dialog.blocks[-1].pad.add_stroke([(30, 90), (60, 40), (90, 95)])
    dialog.blocks[2].draw.setChecked(True)  # 周敏 draws
    dialog.blocks[2].pad.add_stroke([(20, 60), (80, 30), (120, 70)])
    assert dialog.ok_button().isEnabled()
    dialog.accept()
    with database.read_session() as s:
        signed = assessments.list_signatures(s, draft_id)
        status = assessments.get_assessment(s, draft_id).status
    assert [(g.signer_role, g.signer_name, g.image_sha256 is not None) for g in signed] == [
        (SignerRole.LEAD, "李强", False),
        (SignerRole.CONSULTANT, "陈志远", False),
        (SignerRole.CONSULTANT, "周敏", True),
        (SignerRole.COMPANY_REPRESENTATIVE, "王丽", True),
    ]
    assert status is AssessmentStatus.SIGNED


def test_the_settings_dialog_keeps_the_consultant_name(qtbot, services, signals) -> None:
    from qclinic import settings
    from qclinic.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(services, signals, "en")
    qtbot.addWidget(dialog)
    dialog.ui.consultantName.setText("  李强 ")
    dialog.accept()
    assert settings.load().consultant_name == "李强"


# --- contact fields -------------------------------------------------------------------------------
def test_the_organization_dialog_checks_phone_and_email_as_typed(
    qtbot, services, signals, monkeypatch
) -> None:
    from qclinic.ui import organization_dialog
    from qclinic.ui.organization_dialog import INVALID_FIELD_STYLE, OrganizationDialog

    shown: list[BaseException] = []
    monkeypatch.setattr(
        organization_dialog, "show_error", lambda exc, parent=None: shown.append(exc)
    )
    dialog = OrganizationDialog(services, signals, "zh")
    qtbot.addWidget(dialog)
    dialog.ui.nameEdit.setText("联系方式测试有限公司")
    assert dialog.ok_button.isEnabled()
    dialog.ui.cqoPhoneEdit.setText("1381234")
    dialog.ui.cqoEmailEdit.setText("wangli@")
    assert dialog.ui.cqoPhoneEdit.styleSheet() == INVALID_FIELD_STYLE
    assert dialog.ui.cqoEmailEdit.styleSheet() == INVALID_FIELD_STYLE
    message = dialog.ui.contactMessage.text()
    assert "电话号码" in message and "电子邮箱" in message  # in the dialog's language
    assert not dialog.ok_button.isEnabled()
    dialog.accept()  # Enter with the button disabled: refused, with a bilingual message
    assert dialog.saved_id is None and "\n" in str(shown[0]) and "phone" in str(shown[0])
    dialog.ui.cqoPhoneEdit.setText("+86 791 8800 1234")
    dialog.ui.cqoEmailEdit.setText("wangli@example.cn")
    assert dialog.ui.contactMessage.isHidden() and dialog.ok_button.isEnabled()
    dialog.accept()
    assert dialog.saved_id is not None


def test_storage_refuses_a_bad_contact_even_without_the_dialog(database) -> None:
    from qclinic.storage.errors import InvalidValue

    with pytest.raises(InvalidValue, match="电子邮箱"), database.session() as s:
        organizations.create_organization(s, "X Co.", cqo_email="not-an-address")
    with database.session() as s:
        org = organizations.create_organization(s, "Y Co.", cqo_phone="0551-62345678")
    with pytest.raises(InvalidValue, match="phone number"), database.session() as s:
        organizations.update_organization(s, org.id, cqo_phone="55")


# --- Chinese-first errors -------------------------------------------------------------------------
def test_error_boxes_lead_with_chinese_in_the_chinese_ui(
    qapp, monkeypatch, restore_language, database
) -> None:
    from qclinic.storage.errors import RecordLocked
    from qclinic.ui import errors, i18n

    demo = _ready_draft(database)
    with database.session() as s:
        assessments.set_assessment_status(s, demo, AssessmentStatus.COMPLETED)
        assessments.set_assessment_status(s, demo, AssessmentStatus.SIGNED)
    with pytest.raises(RecordLocked) as caught, database.session() as s:
        answers.save_answer(s, demo, "QMS.2", 5)  # a real bilingual storage message
    boxes: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text: boxes.append((title, text))
    )
    i18n.install_translators(qapp, "zh")
    errors.show_error(caught.value)
    i18n.install_translators(qapp, "en")
    errors.show_error(caught.value)
    (zh_title, zh_text), (en_title, en_text) = boxes
    assert zh_title == "无法执行此操作" and zh_text.startswith("该评估已签字")
    assert en_title == "Cannot do that" and en_text.startswith("This assessment is signed")
    assert zh_text.splitlines()[-1] == en_text.splitlines()[0]


# --- revisions told apart ---------------------------------------------------------------------------
def test_revision_1_and_2_read_differently_wherever_they_are_chosen(
    qtbot, database, services, signals, demo_ids, inline_tasks
) -> None:
    from qclinic.ui.compare_view import list_choices
    from qclinic.ui.organization_detail_model import assessment_lines
    from qclinic.ui.pages import plan
    from qclinic.ui.pages.assessments import COL_TITLE, ROW_ROLE, AssessmentListModel, load_rows
    from qclinic.ui.revisions import revision_label

    signed_id = demo_ids["assessments"][0]
    with database.session() as s:
        amended_id = assessments.amend_assessment(s, signed_id).id
    assert revision_label(2, AssessmentStatus.DRAFT, None) == "Rev. 2 · Draft"

    page = plan.create(services, signals, "en")
    qtbot.addWidget(page)
    page.load()
    combo = page.assessment_combo
    texts = {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}
    assert texts[signed_id] != texts[amended_id]
    assert "Rev. 1 · Signed · " in texts[signed_id] and "Rev. 2 · Draft · " in texts[amended_id]

    choices = {c.id: c.revision for c in list_choices(services, demo_ids["organization"])}
    assert choices[signed_id].startswith("Rev. 1 · Signed") and choices[amended_id].startswith(
        "Rev. 2 · Draft"
    )
    model = AssessmentListModel(load_rows(services, "en"))
    titles = {
        model.data(model.index(r, 0), ROW_ROLE).id: model.data(model.index(r, COL_TITLE))
        for r in range(model.rowCount())
    }
    assert titles[signed_id] != titles[amended_id] and "Rev. 2" in titles[amended_id]

    with database.read_session() as s:  # the organization detail's history
        found = assessments.list_assessments(s, organization_id=demo_ids["organization"])
    history = {line.id: line.title for line in assessment_lines(found, {}, {})}
    assert history[signed_id] != history[amended_id]
    assert "Rev. 1 · Signed" in history[signed_id] and "Rev. 2 · Draft" in history[amended_id]


# --- local time -------------------------------------------------------------------------------------
def test_stored_utc_times_are_shown_in_local_time(shanghai, database, services) -> None:
    from qclinic.ui.pages.assessments import COL_UPDATED, AssessmentListModel, load_rows
    from qclinic.ui.revisions import revision_label
    from qclinic.ui.times import local_text

    late = datetime(2026, 3, 12, 17, 30, tzinfo=UTC)  # 01:30 the next day in Beijing
    assert local_text(late) == "2026-03-13 01:30"
    assert revision_label(1, AssessmentStatus.SIGNED, late).endswith("2026-03-13")
    draft_id = _ready_draft(database)
    model = AssessmentListModel(load_rows(services, "en"))
    row = next(r for r in range(model.rowCount()) if model._rows[r].id == draft_id)
    with database.read_session() as s:
        updated = assessments.get_assessment(s, draft_id).updated_at
    shown = model.data(model.index(row, COL_UPDATED))
    assert shown == updated.astimezone().strftime("%Y-%m-%d %H:%M")
    assert shown != updated.strftime("%Y-%m-%d %H:%M")  # not the UTC wall clock


def test_ok_button_of_team_dialog_is_disabled_for_two_leads(
    qtbot, database, services, signals
) -> None:
    from qclinic.ui.team_editor import TeamDialog

    dialog = TeamDialog(services, signals, _ready_draft(database))
    qtbot.addWidget(dialog)
    dialog.editor.add_member(TeamMember("甲", TeamRole.LEAD))
    dialog.editor.add_member(TeamMember("乙", TeamRole.LEAD))
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert "one lead" in dialog.editor.message.text()
