"""The chain page (issue 14): the demo chain's tree; adding, moving (dialog and drag-and-drop) and
removing companies through real widgets; refusals shown with the tree unchanged; selection and
collapsed branches kept when the data changes; the organization detail's chains line."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from qclinic.core.catalogue import text
from tests.ui.test_runner import answer_next_question

LEADER, COMPANY = "赣鄱铜业集团有限公司", "鹰潭精密铜材有限公司"
AUXILIARIES, DIES = "贵溪恒达冶金辅料有限公司", "上饶精拓拉拔模具有限公司"


@pytest.fixture(autouse=True)
def settings_in_tmp(tmp_path: Path):
    from qclinic import paths

    paths.set_data_dir(tmp_path / "data")
    yield
    paths.set_data_dir(None)


@pytest.fixture
def page(qtbot, services, signals, demo_ids):
    from qclinic.ui.pages.chains import create

    widget = create(services, signals, "en")
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.load()
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown(page) -> dict[str, tuple[str | None, str]]:
    """company → (its parent row's company, the tier column), as the tree shows them."""
    model = page.tree_model
    found: dict[str, tuple[str | None, str]] = {}

    def walk(parent, parent_name) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            found[index.data()] = (parent_name, model.index(row, 2, parent).data())
            walk(index, index.data())

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex(), None)
    return found


def ids_by_name(services, demo_ids) -> dict[str, str]:
    tree = services.chains.tree(demo_ids["chain"])
    return {node.name: node.organization_id for node in tree.nodes}


def drop(page, dragged: str, target: str) -> None:
    """Drop the row of *dragged* onto the row of *target*, as a mouse drag ends."""
    model, view = page.tree_model, page.tree_view
    mime: QMimeData = model.mimeData([model.index_of(dragged)])
    at = view.visualRect(model.index_of(target)).center()
    button, nothing = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    # Qt delivers a drop only to the widget that accepted the drag's entry
    enter = QDragEnterEvent(at, Qt.DropAction.MoveAction, mime, button, nothing)
    QApplication.sendEvent(view.viewport(), enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(at), Qt.DropAction.MoveAction, mime, button, nothing)
    QApplication.sendEvent(view.viewport(), event)


def test_the_demo_chain_shows_as_a_tree(page, demo_ids) -> None:
    assert page.list_model.rowCount() == 1
    assert page.list_model.index(0, 0).data() == "赣鄱铜产业链"
    assert page.list_model.index(0, 3).data() == "4"
    assert shown(page) == {
        LEADER: (None, "0"),
        COMPANY: (LEADER, "1"),
        AUXILIARIES: (LEADER, "1"),
        DIES: (COMPANY, "2"),
    }
    leader = page.tree_model.index_of(demo_ids["chain_leader"])
    assert page.tree_model.index(0, 1).data() == "Chain leader" and leader.row() == 0
    assert page.tree_view.isExpanded(page.tree_model.index_of(demo_ids["organization"]))
    assert "4 companies, 1 leader(s)" in page.chain_facts.text()


def test_add_a_company_as_supplier_of_the_selected_one(qtbot, page, services, demo_ids) -> None:
    newcomer = services.organizations.create("Jiangxi Cable Co", region="Nanchang").id
    page.select_member(demo_ids["organization"])
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.add_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.picker.proxy.rowCount() == 1  # the chain's own four are not offered
    qtbot.keyClicks(dialog.picker.search, "cable")
    assert dialog.supplier_radio.isChecked() and COMPANY in dialog.supplier_radio.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert shown(page)["Jiangxi Cable Co"] == (COMPANY, "2")
    assert page.current_member_id() == newcomer
    node = services.chains.tree(demo_ids["chain"]).node(newcomer)
    assert node is not None and (node.customer_id, node.tier) == (demo_ids["organization"], 2)


def test_move_to_a_new_customer_with_the_dialog(qtbot, page, services, demo_ids) -> None:
    names = ids_by_name(services, demo_ids)
    page.select_member(names[COMPANY])
    page.tree_view.setFocus()
    qtbot.keyClick(page.tree_view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog = page.move_dialog
    assert dialog is not None and dialog.isVisible()
    offered = {dialog.picker.proxy.index(r, 0).data().strip() for r in range(2)}
    assert offered == {LEADER, AUXILIARIES}  # not itself, not its own supplier
    assert dialog.picker.choose(names[AUXILIARIES])
    dialog.accept()
    assert shown(page)[COMPANY] == (AUXILIARIES, "2")
    assert shown(page)[DIES] == (COMPANY, "3")  # its supplier moved with it
    assert page.current_member_id() == names[COMPANY]


def test_dropping_a_company_onto_another_moves_it(page, services, demo_ids) -> None:
    names = ids_by_name(services, demo_ids)
    drop(page, names[DIES], names[AUXILIARIES])
    assert shown(page)[DIES] == (AUXILIARIES, "2")
    node = services.chains.tree(demo_ids["chain"]).node(names[DIES])
    assert node is not None and node.customer_id == names[AUXILIARIES]


def test_a_refused_drop_says_why_and_leaves_the_tree(page, services, demo_ids) -> None:
    names = ids_by_name(services, demo_ids)
    before = shown(page)
    seen = answer_next_question(QMessageBox.StandardButton.Ok)
    drop(page, names[COMPANY], names[DIES])  # under its own supplier: a loop
    loop = f"{COMPANY} → {DIES} → {COMPANY}"  # each arrow points to the customer
    assert seen == [text("chains.cycle", cycle=loop).get("en")]
    assert shown(page) == before
    node = services.chains.tree(demo_ids["chain"]).node(names[COMPANY])
    assert node is not None and node.customer_id == demo_ids["chain_leader"]  # nothing written


def test_remove_lifts_the_suppliers_after_saying_so(qtbot, page, services, demo_ids) -> None:
    names = ids_by_name(services, demo_ids)
    page.select_member(names[COMPANY])
    seen = answer_next_question(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert "1 direct supplier(s)" in seen[0] and f"supply “{LEADER}” directly" in seen[0]
    assert COMPANY not in shown(page) and shown(page)[DIES] == (LEADER, "1")
    assert page.list_model.index(0, 3).data() == "3"


def test_a_leader_with_companies_below_is_not_removed(qtbot, page, services, demo_ids) -> None:
    page.select_member(demo_ids["chain_leader"])
    before = shown(page)
    seen = answer_next_question(QMessageBox.StandardButton.Ok)
    page.tree_view.setFocus()
    qtbot.keyClick(page.tree_view, Qt.Key.Key_Delete)
    assert seen == [text("chains.leader_has_suppliers", company=LEADER, count=3).get("en")]
    assert shown(page) == before


def test_refresh_keeps_the_selection_and_collapsed_branches(page, services, demo_ids) -> None:
    names = ids_by_name(services, demo_ids)
    company = page.tree_model.index_of(names[COMPANY])
    page.tree_view.collapse(company)
    page.select_member(names[AUXILIARIES])
    services.organizations.update(names[DIES], region="江西省上饶市广丰区")  # another window
    assert page.tree_model.index(0, 0).data() == LEADER  # rebuilt, not patched
    assert page.tree_model.index_of(names[DIES]).siblingAtColumn(3).data() == "江西省上饶市广丰区"
    assert not page.tree_view.isExpanded(page.tree_model.index_of(names[COMPANY]))
    assert page.tree_view.isExpanded(page.tree_model.index_of(names[LEADER]))
    assert page.current_member_id() == names[AUXILIARIES]


def test_new_chain_then_delete_and_undo(qtbot, page, services) -> None:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None and not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.name_edit, "Wuhu alloys chain")
    dialog.sector_combo.setCurrentIndex(dialog.sector_combo.findData("non-ferrous-metals"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert page.list_model.rowCount() == 2
    assert page.current_chain() is not None and page.current_chain().name == "Wuhu alloys chain"
    assert page.tree_model.rowCount() == 0 and page.add_button.isEnabled()
    seen = answer_next_question(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert "Wuhu alloys chain" in seen[0]
    assert [s.name for s in services.chains.summaries()] == ["赣鄱铜产业链"]
    assert "Wuhu alloys chain" in page.undo_deletion_text()
    assert page.undo_deletion()
    assert page.current_chain().name == "Wuhu alloys chain"


def test_the_organization_detail_names_its_chains(qtbot, services, signals, demo_ids) -> None:
    from qclinic.ui.organization_detail import OrganizationDetail

    detail = OrganizationDetail(services, signals, "en")
    qtbot.addWidget(detail)
    detail.show_organization(demo_ids["organization"])
    assert detail.chains_label.text() == "Chains: 赣鄱铜产业链 (tier 1 supplier)"
    detail.show_organization(demo_ids["chain_leader"])
    assert detail.chains_label.text() == "Chains: 赣鄱铜产业链 (leader)"
