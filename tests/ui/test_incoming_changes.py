"""Changes pulled by sync while pages are open: lists keep their place, the runner shows them in
place and never writes over the note being typed (issue 13)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.ui.test_runner import open_runner, press, start, stored


@pytest.fixture(autouse=True)
def settings_in_tmp(tmp_path: Path):
    from qclinic import paths

    paths.set_data_dir(tmp_path / "data")
    yield
    paths.set_data_dir(None)


@pytest.fixture
def page(qtbot, services, signals):
    from qclinic.ui.pages.assessments import create

    widget = create(services, signals, "en")
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    widget.load()
    return widget


def pull_answer(services, database, assessment_id: str, key: tuple[str, str], **changes: Any):
    """Apply, through the real pull path (``services.sync.apply_page``, ``Origin.SYNC``), a
    server row of the answer *key* with *changes* made on another computer."""
    from qclinic.storage.models import Answer
    from qclinic.storage.sync_rows import read_fields

    with database.read_session() as session:
        row_id = (
            session.query(Answer.id)
            .filter_by(assessment_id=assessment_id, question_id=key[0], instance_key=key[1])
            .scalar()
        )
        fields = read_fields(session, "answer", [row_id])[row_id]["fields"]
    fields.update(changes)
    row = {"entity": "answer", "row_id": row_id, "revision": 2, "fields": fields, "deleted": False}
    services.sync.apply_page(assessment_id, [row], cursor=1)
    return row_id


def test_a_pulled_answer_shows_in_the_open_runner(
    qtbot, page, services, database, signals, demo_ids
):
    assessment_id = start(database, "nqi-clinic", demo_ids)
    runner = open_runner(qtbot, page, signals, assessment_id)
    with qtbot.waitSignal(signals.saved):
        press(qtbot, runner.card(("QMS.1", "")), "3")
    runner.card(("QMS.2", "")).setFocus()  # the user is elsewhere
    pull_answer(services, database, assessment_id, ("QMS.1", ""), value=5, note="外审已确认")
    card = runner.card(("QMS.1", ""))
    assert card.note_text() == "外审已确认"
    assert runner.state.answers[("QMS.1", "")].value == 5
    # and the next local edit is based on the pulled revision: it is written, not refused
    with qtbot.waitSignal(signals.saved):
        press(qtbot, card, "2")
    assert stored(database, assessment_id)[("QMS.1", "")]["value"] == 2
    assert card.conflict_label.isHidden()


def test_the_note_being_typed_is_not_overwritten_by_a_pull(
    qtbot, page, services, database, signals, demo_ids
):
    assessment_id = start(database, "nqi-clinic", demo_ids)
    runner = open_runner(qtbot, page, signals, assessment_id)
    key = ("QMS.1", "")
    card = runner.card(key)
    with qtbot.waitSignal(signals.saved):
        press(qtbot, card, "3")
    card.note.setFocus()
    card.note.insertPlainText("我的记录")  # typed (as an input method commits), not saved yet
    assert stored(database, assessment_id)[key].get("note", "") == ""

    row_id = pull_answer(services, database, assessment_id, key, value=4, note="他们的记录")

    assert card.note_text() == "我的记录"  # never overwritten
    answer = stored(database, assessment_id)[key]
    assert (answer["value"], answer["note"]) == (4, "我的记录")  # value merged, note kept
    assert card.conflict_label.isVisible() and "他们的记录" in card.conflict_label.text()
    listing = services.sync.conflicts()
    assert [(c["row_id"], c["field"], c["mine"], c["theirs"]) for c in listing.conflicts] == [
        (row_id, "note", "我的记录", "他们的记录")
    ]
    # leaving the box saves nothing twice and refuses nothing
    runner.card(("QMS.2", "")).setFocus()
    qtbot.wait(20)
    assert stored(database, assessment_id)[key]["note"] == "我的记录"


def test_a_pull_of_the_value_alone_merges_with_the_typed_note_without_a_conflict(
    qtbot, page, services, database, signals, demo_ids
):
    assessment_id = start(database, "nqi-clinic", demo_ids)
    runner = open_runner(qtbot, page, signals, assessment_id)
    key = ("QMS.1", "")
    card = runner.card(key)
    with qtbot.waitSignal(signals.saved):
        press(qtbot, card, "3")
    card.note.setFocus()
    card.note.insertPlainText("现场抽查")
    pull_answer(services, database, assessment_id, key, value=1)
    answer = stored(database, assessment_id)[key]
    assert (answer["value"], answer["note"]) == (1, "现场抽查")
    assert card.conflict_label.isHidden()
    assert services.sync.conflicts().conflicts == []


# --- lists keep their place ------------------------------------------------------------------


def pull_rows(services, database, entity: str, ids: list[str], *, deleted: bool = False, **changes):
    """Apply server rows of existing records *ids* (their fields with *changes*) as a pull."""
    from qclinic.storage.sync_rows import read_fields

    with database.read_session() as session:
        found = read_fields(session, entity, ids)
    rows = [
        {
            "entity": entity,
            "row_id": row_id,
            "revision": 2,
            "fields": {**found[row_id]["fields"], **changes},
            "deleted": deleted,
        }
        for row_id in ids
    ]
    services.sync.apply_page("scope", rows, cursor=1)


def place(view):
    """The ids of the selected rows, and of the row at the top of the viewport."""
    from PySide6.QtCore import QPoint

    from qclinic.ui.keep_place import row_id

    selected = sorted(row_id(i) for i in view.selectionModel().selectedRows())
    return selected, row_id(view.indexAt(QPoint(1, 1)))


def select_and_scroll(qtbot, view, row: int) -> None:
    from PySide6.QtWidgets import QAbstractItemView

    index = view.model().index(row, 0)
    view.selectRow(row)
    view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
    qtbot.wait(10)
    assert view.verticalScrollBar().value() > 0  # really scrolled


def test_the_assessment_list_keeps_selection_and_scroll_after_a_sync_refresh(
    qtbot, page, services, database, signals, demo_ids
):
    made = [start(database, "nqi-clinic", demo_ids) for _ in range(60)]
    page.reload()
    select_and_scroll(qtbot, page.view, 15)
    before = place(page.view)
    # another computer deleted five assessments, some above the selection: the model resets
    pull_rows(services, database, "assessment", made[:3] + made[-2:], deleted=True)
    assert page.proxy.rowCount() == len(made) + 2 - 5
    assert place(page.view) == before


def test_the_organization_list_keeps_selection_and_scroll_after_a_sync_refresh(
    qtbot, services, database, signals, demo_ids
):
    from qclinic.storage.repositories.organizations import create_organization
    from qclinic.ui.pages.organizations import create

    with database.session() as session:
        ids = [create_organization(session, f"铜加工企业 {n:03d}").id for n in range(80)]
    widget = create(services, signals, "en")
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    widget.load()
    listed = widget.model.rowCount()
    select_and_scroll(qtbot, widget.view, 40)
    before = place(widget.view)
    # deleted elsewhere, many at once (a reset, not row by row)
    pull_rows(services, database, "organization", ids[:30], deleted=True)
    assert widget.model.rowCount() == listed - 30
    assert place(widget.view) == before


def test_the_plan_keeps_its_selection_after_a_sync_refresh(
    qtbot, services, database, signals, demo_ids
):
    from qclinic.ui import tasks
    from qclinic.ui.pages.plan import create

    widget = create(services, signals, "en")
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    widget.load()
    qtbot.waitUntil(lambda: widget.proxy.rowCount() > 1, timeout=10_000)
    widget.view.selectRow(1)
    selected, _top = place(widget.view)
    others = [i for i in (widget.model.row_at(n)[0] for n in range(widget.model.rowCount()))]
    pull_rows(
        services, database, "action", [i for i in others if i not in selected][:1], title="新的标题"
    )
    tasks.wait_idle()
    qtbot.waitUntil(
        lambda: "新的标题" in [widget.model.row_at(n)[3] for n in range(widget.model.rowCount())],
        timeout=10_000,
    )
    assert place(widget.view)[0] == selected


# --- incomplete attachments ------------------------------------------------------------------


def test_a_photo_whose_bytes_have_not_arrived_is_marked_and_filled_in_when_they_land(
    qtbot, page, services, database, signals, demo_ids
):
    import hashlib

    from PySide6.QtGui import QColor, QImage

    from qclinic.ui.runner.attachments import png_bytes

    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#2a6f97"))
    data = png_bytes(image)
    sha256 = hashlib.sha256(data).hexdigest()
    assessment_id = start(database, "nqi-clinic", demo_ids)
    services.answers.add_photos(assessment_id, "QMS.1", [(data, "车间.png")])
    # as if pulled from another computer before its blob was downloaded
    database.blobs.path_for(sha256).unlink()
    assert [a.sha256 for a in services.sync.incomplete_attachments()] == [sha256]

    runner = open_runner(qtbot, page, signals, assessment_id)
    strip = runner.card(("QMS.1", "")).attachments
    (tile,) = strip.thumbs
    assert tile.property("incomplete") is True
    assert "next sync" in tile.toolTip() and "车间.png" in tile.toolTip()

    heard = []
    signals.changed.connect(heard.append)
    services.sync.store_blob(sha256, [data[:10], data[10:]])  # the download lands
    assert [(e.entity, e.origin.name) for e in heard] == [("attachment", "SYNC")]
    (tile,) = strip.thumbs
    assert tile.property("incomplete") is None
    assert not tile.pixmap().isNull() and tile.pixmap().width() > 16
    assert services.sync.incomplete_attachments() == []


def test_an_organization_with_incomplete_attachments_is_marked_until_they_arrive(
    qtbot, services, database, signals, demo_ids
):
    import hashlib

    from PySide6.QtCore import Qt

    from qclinic.ui.organizations_model import COL_NAME
    from qclinic.ui.pages.organizations import create

    data = b"%PDF-1.4 a record seen on site"
    assessment_id = start(database, "nqi-clinic", demo_ids)
    services.answers.add_photos(assessment_id, "QMS.1", [(data, "记录.pdf")])
    sha256 = hashlib.sha256(data).hexdigest()
    database.blobs.path_for(sha256).unlink()  # pulled before its bytes
    widget = create(services, signals, "en")
    qtbot.addWidget(widget)
    widget.show()
    widget.load()
    name = widget.model.index(widget.model.row_of(demo_ids["organization"]), COL_NAME)
    qtbot.waitUntil(lambda: name.data(Qt.ItemDataRole.DecorationRole) is not None, timeout=10_000)
    assert "1 attachment(s) not on this computer yet" in name.data(Qt.ItemDataRole.ToolTipRole)
    others = [
        widget.model.index(n, COL_NAME).data(Qt.ItemDataRole.DecorationRole)
        for n in range(widget.model.rowCount())
        if n != name.row()
    ]
    assert others and all(mark is None for mark in others)

    services.sync.store_blob(sha256, [data])  # the download lands
    qtbot.waitUntil(lambda: name.data(Qt.ItemDataRole.DecorationRole) is None, timeout=10_000)
    assert name.data(Qt.ItemDataRole.ToolTipRole) == widget.model.summary(name.row()).name
