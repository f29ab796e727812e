"""The conflict inbox: conflicts kept by a sync, shown by name, resolved with the keyboard and the
mouse; each resolution an ordinary edit that the next sync pushes."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt

from qclinic.ui.conflicts_model import COL_FIELD, COL_MINE, COL_RECORD, COL_STATE, COL_THEIRS


def _conflict(organization: str, field: str, mine: object, theirs: object, n: int) -> dict:
    """A conflict as ``GET /v1/conflicts`` reports it (another device's value kept)."""
    return {
        "change_id": f"change-{n}",
        "entity": "organization",
        "row_id": organization,
        "organization_id": organization,
        "field": field,
        "mine": mine,
        "theirs": theirs,
        "mine_by": "alice",
        "theirs_by": "bob",
        "at": datetime(2026, 11, 20, 9, n, tzinfo=UTC).isoformat(),
    }


def _organization(services, organization: str) -> tuple:
    return services.database.query(
        "SELECT region, size_class, notes FROM organization WHERE id = ?", (organization,)
    )[0]


def _page(qtbot, services, signals):
    from qclinic.ui.pages.conflicts import ConflictsPage

    page = ConflictsPage(services, signals, "en")
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    page.load()
    return page


def test_the_inbox_names_the_record_and_field_and_keeps_theirs(
    qtbot, qtmodeltester, services, signals
) -> None:
    organization = services.organizations.create("Tongling Copper Works", region="Tongling").id
    services.sync.apply_conflicts(
        [_conflict(organization, "region", "Tongling", "Hefei", 1)], cursor=1
    )
    page = _page(qtbot, services, signals)

    assert page.model.rowCount() == 1
    qtmodeltester.check(page.model)
    row = [page.proxy.index(0, column).data() for column in range(page.model.columnCount())]
    assert row[COL_RECORD] == "Tongling Copper Works"
    assert row[COL_FIELD] == "Region"
    assert (row[COL_MINE], row[COL_THEIRS], row[COL_STATE]) == ("Tongling", "Hefei", "Open")
    assert page.mine.value.text() == "Tongling" and page.theirs.value.text() == "Hefei"
    assert "bob" in page.theirs.who.text()
    pending = services.sync.pending_count()

    qtbot.mouseClick(page.keep_theirs, Qt.MouseButton.LeftButton)

    assert _organization(services, organization)[0] == "Hefei"
    assert services.conflicts.open_count() == 0
    assert page.model.rowCount() == 0  # open ones only, by default
    assert services.sync.pending_count() == pending  # the record was pending already (created)
    page.show_resolved.setChecked(True)
    assert page.model.rowCount() == 1
    assert page.proxy.index(0, COL_STATE).data() == "Kept theirs"
    assert not page.keep_mine.isEnabled()  # a resolved conflict offers nothing more


def test_a_merged_value_is_edited_with_the_fields_own_editor(qtbot, services, signals) -> None:
    from PySide6.QtWidgets import QComboBox, QPlainTextEdit

    organization = services.organizations.create("Wuhu Cable", size_class="large").id
    services.sync.apply_conflicts(
        [
            _conflict(organization, "size_class", "large", "small", 1),
            _conflict(organization, "notes", "Visit in May", "Visit in June", 2),
        ],
        cursor=2,
    )
    page = _page(qtbot, services, signals)
    by_field = {page.proxy.index(r, COL_FIELD).data(): r for r in range(page.proxy.rowCount())}
    assert set(by_field) == {"Size", "Notes"}
    assert page.proxy.index(by_field["Size"], COL_MINE).data() == "Large"  # the vocabulary's

    page.select_conflict(page.proxy.index(by_field["Size"], 0).data(0x0101).conflict.id)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)  # Enter on the row: to its buttons
    assert page.focusWidget() is page.merge
    qtbot.keyClick(page.merge, Qt.Key.Key_Space)
    dialog = page.merge_dialog
    assert dialog is not None and isinstance(dialog.editor, QComboBox)
    assert dialog.editor.currentData() == "large"  # starts from mine
    dialog.editor.setCurrentIndex(dialog.editor.findData("medium"))
    dialog.accept()
    assert _organization(services, organization)[1] == "medium"

    notes = page.model.row_of(
        next(r.conflict.id for r in page.model.rows if r.conflict.field == "notes")
    )
    assert notes >= 0
    page.select_conflict(page.model.rows[notes].conflict.id)
    page.on_merge()
    dialog = page.merge_dialog
    assert isinstance(dialog.editor, QPlainTextEdit)
    dialog.editor.setPlainText("Visit in May and June")
    dialog.accept()
    assert _organization(services, organization)[2] == "Visit in May and June"
    assert services.conflicts.open_count() == 0
    resolved = {r.field: r for r in services.conflicts.records()}
    assert resolved["notes"].resolution == "merged"
    assert resolved["size_class"].resolved_value == "medium"


def test_the_navigation_shows_the_open_count_and_follows_changes(qtbot, database) -> None:
    from qclinic.ui.main_window import PAGES, MainWindow
    from qclinic.ui.signals import AppSignals

    window = MainWindow(AppSignals(), lang="en", start_page="organizations")
    qtbot.addWidget(window)
    window.attach_database(database)
    assert window.services is not None
    row = [spec.key for spec in PAGES].index("conflicts")
    item = window.navigation.item(row)
    assert item.text() == "Conflicts"
    organization = window.services.organizations.create("Anqing Valve").id
    window.services.sync.apply_conflicts(
        [
            _conflict(organization, "region", "Anqing", "Hefei", 1),
            _conflict(organization, "notes", "a", "b", 2),
        ],
        cursor=2,
    )
    qtbot.waitUntil(lambda: item.text() == "Conflicts (2)", timeout=5000)
    first = window.services.conflicts.records()[0]
    window.services.conflicts.resolve(first.id, "mine")
    qtbot.waitUntil(lambda: item.text() == "Conflicts (1)", timeout=5000)
    window.navigation.setCurrentRow(row)
    page = window.page("conflicts")
    assert page.model.rowCount() == 1  # type: ignore[attr-defined]


def test_a_resolution_that_came_second_shows_the_first_beside_it(qtbot, services, signals) -> None:
    organization = services.organizations.create("Maanshan Steel", region="Maanshan").id
    services.sync.apply_conflicts(
        [_conflict(organization, "region", "Maanshan", "Wuhu", 1)], cursor=1
    )
    page = _page(qtbot, services, signals)
    page.show_resolved.setChecked(True)

    qtbot.mouseClick(page.keep_mine, Qt.MouseButton.LeftButton)
    assert page.state.text().endswith(": Maanshan (the server hears of it at the next sync)")
    # the sync's answer: a lead resolved it on the server first
    first = {
        "resolution": "theirs",
        "resolved_value": "Wuhu",
        "resolved_by": "sun",
        "resolved_at": "2026-11-26T06:30:00",
        "key": None,
    }
    services.sync.resolutions().acknowledge(
        [{"change_id": "change-1", "field": "region", "outcome": "already", **first}]
    )

    qtbot.waitUntil(lambda: page.model.rows[0].conflict.resolution_state == "late", timeout=5000)
    mine, earlier = page.state.text().split("\n")
    assert mine.startswith("Kept mine on ") and mine.endswith(": Maanshan")
    assert earlier.startswith("Resolved first elsewhere, which stands: Kept theirs by sun on ")
    assert earlier.endswith(": Wuhu")
    assert page.proxy.index(0, COL_STATE).data() == "Kept mine"
    assert services.conflicts.open_count() == 0
