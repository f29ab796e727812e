"""Signing off (drawn and typed signatures), amending, and comparing two assessments."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from qclinic.core.vocabulary import AssessmentStatus, SignerRole
from qclinic.storage.errors import RecordLocked
from qclinic.storage.repositories import answers, assessments, attachments, organizations

LOW_MATURITY = 1  # 20 % ≤ the 40 % at which nqi-clinic asks for a note


@pytest.fixture
def draft_id(database) -> str:
    """A draft nqi-clinic assessment with one weak answer and no note: a blocking gap."""
    from qclinic.storage.library import checklist_content

    with database.session() as s:
        org = organizations.create_organization(s, "测试精密机械有限公司")
        content = checklist_content(s, "nqi-clinic")
        draft = assessments.start_assessment(
            s, org.id, "nqi-clinic", content["version"], content, "2026 门诊诊断"
        )
        answers.save_answer(s, draft.id, "QMS.1", LOW_MATURITY)
        answers.save_answer(s, draft.id, "QMS.2", 4)
        return draft.id


def _close_next_modal(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """When the next modal message box shows, note its text and press *button*."""

    def attempt() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, attempt)
            return
        seen.append(f"{box.text()}\n{box.informativeText()}")
        box.button(button).click()

    QTimer.singleShot(0, attempt)


def _status(database, assessment_id: str) -> AssessmentStatus:
    with database.read_session() as s:
        return assessments.get_assessment(s, assessment_id).status


def _close_the_gap(database, assessment_id: str) -> None:
    with database.session() as s:
        answers.save_answer(s, assessment_id, "QMS.1", LOW_MATURITY, note="制度未落实到车间。")


def _draw(qtbot, pad, points: list[tuple[int, int]]) -> None:
    """Press, move and release the left button over *pad*, like a hand signing."""
    first, *rest = (QPoint(x, y) for x, y in points)
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=first)
    for point in rest:
        qtbot.mouseMove(pad, point)
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=rest[-1])


# --- sign-off ---------------------------------------------------------------------------------
def test_sign_off_refuses_while_a_blocking_gap_exists(
    qtbot, database, services, signals, draft_id
) -> None:
    from qclinic.ui.signoff_dialog import run_sign_off

    seen: list[str] = []
    _close_next_modal(QMessageBox.StandardButton.Ok, seen)
    assert run_sign_off(None, services, signals, draft_id) is False
    assert "1 gap(s)" in seen[0]
    assert "QMS.1" in seen[0]  # the gap is listed by question
    assert _status(database, draft_id) is AssessmentStatus.DRAFT


def test_drawn_signatures_sign_the_assessment_and_lock_it(
    qtbot, database, services, signals, draft_id
) -> None:
    from qclinic.storage.repositories.assessments import SIGNATURE_QUESTION_ID as SIGNATURE_QUESTION
    from qclinic.ui.signoff_dialog import prepare_sign_off

    _close_the_gap(database, draft_id)
    with qtbot.waitSignal(signals.saved):
        dialog = prepare_sign_off(None, services, signals, draft_id)
    assert dialog is not None
    assert _status(database, draft_id) is AssessmentStatus.COMPLETED  # marked completed first
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    ui = dialog.ui
    assert not dialog.ok_button().isEnabled()

    qtbot.keyClicks(ui.consultantName, "Li Qiang")  # QTest types Latin keys only
    _draw(qtbot, ui.consultantPad, [(40, 80), (70, 50), (100, 90), (130, 60), (170, 85)])
    assert not ui.consultantPad.is_empty()
    assert "Signed at" in ui.consultantStatus.text()
    assert not dialog.ok_button().isEnabled()  # the company has not signed yet

    ui.companyName.setText("王丽")
    ui.companyPad.add_stroke([(30, 90), (60, 40), (90, 95), (120, 45)])
    assert dialog.ok_button().isEnabled()
    png = ui.consultantPad.to_png()
    assert png.startswith(b"\x89PNG")

    with qtbot.waitSignals([signals.saved, signals.data_changed]):
        qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted

    with database.read_session() as s:
        signed = assessments.list_signatures(s, draft_id)
        images = attachments.list_attachments(
            s, assessment_id=draft_id, question_id=SIGNATURE_QUESTION
        )
    assert [(g.signer_role, g.signer_name) for g in signed] == [
        (SignerRole.CONSULTANT, "Li Qiang"),
        (SignerRole.COMPANY_REPRESENTATIVE, "王丽"),
    ]
    assert {g.image_sha256 for g in signed} == {a.sha256 for a in images}
    assert database.blobs.read_bytes(signed[0].image_sha256) == png
    assert _status(database, draft_id) is AssessmentStatus.SIGNED
    with pytest.raises(RecordLocked), database.session() as s:
        answers.save_answer(s, draft_id, "QMS.2", 5)


def test_typed_names_alone_sign(qtbot, database, services, signals, draft_id) -> None:
    from qclinic.ui.signoff_dialog import prepare_sign_off

    _close_the_gap(database, draft_id)
    dialog = prepare_sign_off(None, services, signals, draft_id)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    ui.consultantTypedRadio.setChecked(True)
    ui.consultantName.setText("李强")
    assert not ui.consultantPad.isEnabled()
    ui.companyName.setText("王丽")
    ui.companyPad.add_stroke([(30, 90), (60, 40)])
    ui.companyPad.clear_button.click()  # changed their mind: clear and type instead
    assert ui.companyPad.is_empty() and not dialog.ok_button().isEnabled()
    ui.companyTypedRadio.setChecked(True)
    assert "typed name" in ui.companyStatus.text()
    dialog.accept()

    with database.read_session() as s:
        signed = assessments.list_signatures(s, draft_id)
        images = attachments.list_attachments(s, assessment_id=draft_id)
    assert [(g.signer_name, g.image_sha256) for g in signed] == [("李强", None), ("王丽", None)]
    assert images == []
    assert _status(database, draft_id) is AssessmentStatus.SIGNED


def test_a_signed_assessment_is_not_signed_again(
    qtbot, database, services, signals, demo_ids
) -> None:
    from qclinic.ui.signoff_dialog import run_sign_off

    seen: list[str] = []
    _close_next_modal(QMessageBox.StandardButton.Ok, seen)
    assert run_sign_off(None, services, signals, demo_ids["assessments"][0]) is False
    assert "amend" in seen[0]


def test_amend_makes_a_linked_draft_with_the_answers(
    qtbot, database, services, signals, demo_ids
) -> None:
    from qclinic.ui.signoff_dialog import amend

    signed_id = demo_ids["assessments"][0]
    seen: list[str] = []
    _close_next_modal(QMessageBox.StandardButton.Yes, seen)
    with qtbot.waitSignal(signals.open_assessment) as opened:
        new_id = amend(None, services, signals, signed_id)
    assert new_id is not None and opened.args == [new_id]
    with database.read_session() as s:
        amended = assessments.get_assessment(s, new_id)
        assert (amended.status, amended.amends_id, amended.revision_no) == (
            AssessmentStatus.DRAFT,
            signed_id,
            2,
        )
        assert answers.answer_values(s, new_id) == answers.answer_values(s, signed_id)
    assert _status(database, signed_id) is AssessmentStatus.SIGNED


def test_amend_can_be_cancelled(qtbot, database, services, signals, demo_ids) -> None:
    from qclinic.ui.signoff_dialog import amend

    _close_next_modal(QMessageBox.StandardButton.No, [])
    assert amend(None, services, signals, demo_ids["assessments"][0]) is None
    with database.read_session() as s:
        assert len(assessments.list_assessments(s, organization_id=demo_ids["organization"])) == 2


# --- compare -------------------------------------------------------------------------------------
def test_format_delta_shows_direction_and_sign() -> None:
    from qclinic.ui.compare_view import format_delta

    assert format_delta(11.43) == "▲ +11.4"
    assert format_delta(-3.0) == "▼ −3.0"
    assert format_delta(0.01) == "＝ 0.0"
    assert format_delta(None) == "—"


def test_compare_model_passes_the_model_tester(qtmodeltester) -> None:
    from qclinic.core.checklists.model import Text
    from qclinic.ui.compare_view import SectionCompareModel, SectionRow

    model = SectionCompareModel("en")
    model.set_rows([SectionRow("QMS", Text("体系", "System"), 60.0, 70.0)])
    model.set_rows([*model.rows(), SectionRow("MET", Text("计量", "Metrology"), None, 50.0)])
    qtmodeltester.check(model)


def test_compare_dialog_shows_deltas_and_the_radar(
    qtbot, database, services, demo_ids, tmp_path
) -> None:
    from qclinic.ui.compare_view import BETTER, COL_DELTA, ROW_ROLE, CompareDialog

    earlier, current = demo_ids["assessments"]
    dialog = CompareDialog(services, "zh", demo_ids["organization"])
    qtbot.addWidget(dialog)
    assert dialog.selected_ids() == (earlier, current)  # same checklist, older first

    model = dialog.model
    assert model.rowCount() == 13
    rows = {model.index(r, 0).data(ROW_ROLE).id: r for r in range(model.rowCount())}
    qms = model.index(rows["QMS"], COL_DELTA)
    assert qms.data() == "▲ +11.4"
    assert qms.data(Qt.ItemDataRole.ForegroundRole) == BETTER
    assert model.index(rows["QMS"], 0).data() == "QMS  质量管理体系"
    # nqi-clinic 1.1.0 added SUP.6 (the chain leader's rating, A in the demo): 64.1 → 64.5 %
    assert "64.5%" in dialog.ui.first_total.text()
    assert "74.0%" in dialog.ui.second_total.text() and "良好" in dialog.ui.second_total.text()
    assert "▲ +9.5" in dialog.ui.change_total.text()

    lines = {line.get_gid() for line in dialog.canvas.figure.axes[0].get_lines()}
    assert {"series-0", "series-1"} <= lines
    dialog.show()
    qtbot.waitExposed(dialog)
    shot = tmp_path / "compare.png"
    assert dialog.grab().save(str(shot))
    assert shot.stat().st_size > 20_000


def test_comparing_an_assessment_with_itself(qtbot, database, services, demo_ids) -> None:
    from qclinic.ui.compare_view import COL_DELTA, CompareDialog

    earlier, _ = demo_ids["assessments"]
    dialog = CompareDialog(services, "en", demo_ids["organization"])
    qtbot.addWidget(dialog)
    first_canvas = dialog.canvas
    dialog.ui.second.setCurrentIndex(dialog.ui.second.findData(earlier))
    assert dialog.canvas is not first_canvas  # redrawn for the new pair
    assert {dialog.model.index(r, COL_DELTA).data() for r in range(13)} == {"＝ 0.0"}
    assert not dialog.ui.notice.isHidden()


def test_open_compare_shows_the_dialog(qtbot, database, services, demo_ids) -> None:
    from qclinic.ui.compare_view import CompareDialog, open_compare

    seen = []

    def close() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, CompareDialog):
            QTimer.singleShot(20, close)
            return
        seen.append(dialog.model.rowCount())
        dialog.reject()

    QTimer.singleShot(0, close)
    open_compare(None, services, "zh", demo_ids["organization"])
    assert seen == [13]


# --- start-up stays free of matplotlib ---------------------------------------------------------
def test_start_up_modules_do_not_import_matplotlib() -> None:
    code = (
        "import sys\n"
        "import qclinic.app, qclinic.ui.main_window, qclinic.ui.compare_view\n"
        "import qclinic.ui.signoff_dialog\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib imported at start-up'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
