"""Team work in the app: "My visits", *Assign…* for a signed-in lead, a company user's desktop."""

from __future__ import annotations

from pathlib import Path

import pytest


def start(services, organization: str) -> str:
    """A draft on a new visit, as the start dialog makes it."""
    from datetime import date

    from qclinic.core.vocabulary import VisitKind

    entry = next(
        e for e in services.assessments.start_choices(organization).checklists if e.id == "apqp"
    )
    return services.assessments.start(
        organization,
        checklist_id=entry.id,
        checklist_version=entry.version,
        title="APQP 2026",
        visit_kind=VisitKind.ONSITE_CLINIC,
        visit_date=date(2026, 3, 12),
    )


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


def shown_ids(page) -> set[str]:
    from qclinic.ui.pages.assessments import ROW_ROLE

    return {page.proxy.index(n, 0).data(ROW_ROLE).id for n in range(page.proxy.rowCount())}


def test_my_visits_follow_assignments_as_they_change(qtbot, page, services, database, demo_ids):
    from qclinic import settings as stored

    stored.save(stored.Settings(consultant_name="赵刚"))
    mine = start(services, demo_ids["organization"])
    page.reload()
    everything = shown_ids(page)
    page.mine.setChecked(True)
    assert shown_ids(page) == set()  # nothing names 赵刚 yet
    services.team.assign_visit(
        services.team.visit_of(mine), "赵刚"
    )  # the change event refreshes the filter
    assert shown_ids(page) == {mine}
    page.mine.setChecked(False)
    assert shown_ids(page) == everything
    # signed in, "me" is the signed-in user
    services.sync.remember_sign_in("http://qc", "lena", "consultant")
    page.mine.setChecked(True)
    assert shown_ids(page) == set()


def test_assign_shows_for_a_signed_in_lead_only(qtbot, page, services, demo_ids):
    page.reload()
    assert page.assign_button.isHidden()
    services.sync.remember_sign_in("http://qc", "lena", "lead")
    page.reload()
    assert not page.assign_button.isHidden()
    assert not page.assign_button.isEnabled()  # nothing selected
    page.view.selectRow(0)
    assert page.assign_button.isEnabled()


def test_a_company_user_cannot_create_organizations_and_self_assesses(
    qtbot, services, signals, demo_ids
):
    from qclinic.core.vocabulary import VisitKind
    from qclinic.ui.pages.organizations import create
    from qclinic.ui.start_assessment_dialog import StartAssessmentDialog

    widget = create(services, signals, "en")
    qtbot.addWidget(widget)
    widget.show()
    widget.load()
    assert not widget.new_button.isHidden() and widget.assign_button.isHidden()
    services.sync.remember_sign_in("http://qc", "cqo", "company")
    widget.load()
    assert widget.new_button.isHidden() and widget.delete_button.isHidden()
    assert widget.assign_button.isHidden()
    dialog = StartAssessmentDialog(services, signals, "en", demo_ids["organization"])
    qtbot.addWidget(dialog)
    assert dialog.ui.kindCombo.currentData() == VisitKind.SELF_ASSESSMENT
    assert not dialog.ui.kindCombo.isEnabled()


def test_the_assign_dialog_names_the_visits_consultant(qtbot, services, demo_ids):
    from qclinic.ui.assign_dialog import AssignDialog

    assessment = start(services, demo_ids["organization"])
    visit = services.team.visit_of(assessment)
    dialog = AssignDialog(services, "APQP 2026", visit_id=visit)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled()  # no name yet
    dialog.ui.consultantCombo.setEditText("孙晓雯")
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.ok_button.click()
    assert services.team.visit_assignee(visit) == "孙晓雯"
    assert services.team.assessments_of("孙晓雯") == {assessment}
