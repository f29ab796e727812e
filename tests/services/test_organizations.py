"""OrganizationService: what each change commits and announces; refusals commit and announce nothing."""

from __future__ import annotations

import subprocess
import sys

import pytest

from qclinic.core import uscc
from qclinic.core.catalogue import keys, text
from qclinic.core.vocabulary import ActionStatus, ChainRole, IndustryChain
from qclinic.errors import UserError
from qclinic.services import ChangeEvent, Origin, Services
from qclinic.storage.models import Action, Organization, Site

CODE = "91360600MA35QC7K1" + uscc.check_character("91360600MA35QC7K1")
OTHER_CODE = "91110000100000001" + uscc.check_character("91110000100000001")


def _by_entity(events: list[ChangeEvent]) -> dict[str, ChangeEvent]:
    return {event.entity: event for event in events}


def _stored(services: Services, organization_id: str) -> Organization | None:
    with services.database.read_session() as session:
        return session.get(Organization, organization_id)


def _assert_bilingual(refusal: UserError, key: str) -> None:
    assert key in keys()
    assert refusal.text == text(key)
    assert refusal.message("zh") and refusal.message("en")
    assert refusal.message("zh") != refusal.message("en")


def test_create_commits_the_organization_and_announces_it(services: Services, events) -> None:
    dialog = object()
    created = services.organizations.create(
        "  鹰潭精密铜材有限公司 ",
        uscc=CODE.lower(),
        industry_chain=IndustryChain.NON_FERROUS_METALS,
        chain_role=ChainRole.SUPPLIER,
        cqo_phone="0701-6200 5678",
        source=dialog,
    )

    stored = _stored(services, created.id)
    assert stored is not None and stored.name == "鹰潭精密铜材有限公司" and stored.uscc == CODE
    assert [(e.entity, e.ids) for e in events] == [("organization", (created.id,))]
    assert events[0].made_by(dialog) and events[0].origin is Origin.LOCAL
    assert [s.id for s in services.organizations.summaries()] == [created.id]


@pytest.mark.parametrize(
    ("fields", "key"),
    [
        ({"name": "   "}, "organizations.name_required"),
        ({"name": "甲", "uscc": "91360600MA35QC7K10"}, None),  # malformed: core's message
        ({"name": "甲", "cqo_email": "not an address"}, None),
    ],
)
def test_create_refuses_bad_input_and_commits_nothing(
    services: Services, events, fields: dict[str, str], key: str | None
) -> None:
    name = fields.pop("name")
    with pytest.raises(UserError) as refused:
        services.organizations.create(name, **fields)  # type: ignore[arg-type]
    assert events == []
    assert services.organizations.summaries() == []
    if key is not None:
        assert refused.value.text == text(key)
    assert refused.value.message("zh") != refused.value.message("en")
    assert refused.value.message("zh") and refused.value.message("en")


def test_a_credit_code_another_organization_holds_is_refused(services: Services, events) -> None:
    services.organizations.create("甲公司", uscc=CODE)
    events.clear()
    with pytest.raises(UserError) as refused:
        services.organizations.create("乙公司", uscc=CODE)
    assert events == []
    assert refused.value.text == text("organizations.uscc_taken", code=CODE, holder="甲公司")
    assert "甲公司" in refused.value.message("zh") and CODE in refused.value.message("en")
    assert len(services.organizations.summaries()) == 1


def test_update_writes_only_what_changed(services: Services, events) -> None:
    created = services.organizations.create("甲公司", uscc=CODE, region="南昌")
    events.clear()
    dialog = object()

    # the same code typed in lower case with spaces, and the same region: nothing to write
    same = services.organizations.update(
        created.id, uscc=" " + CODE.lower() + " ", region="南昌", source=dialog
    )
    assert same.id == created.id and events == []

    services.organizations.update(created.id, name="甲公司（新）", region="南昌", source=dialog)
    stored = _stored(services, created.id)
    assert stored is not None and stored.name == "甲公司（新）" and stored.uscc == CODE
    assert [(e.entity, e.ids) for e in events] == [("organization", (created.id,))]
    assert events[0].made_by(dialog)


def test_update_refuses_an_empty_name_and_a_taken_code(services: Services, events) -> None:
    first = services.organizations.create("甲公司", uscc=CODE)
    second = services.organizations.create("乙公司", uscc=OTHER_CODE)
    events.clear()
    with pytest.raises(UserError) as refused:
        services.organizations.update(second.id, name="  ")
    _assert_bilingual(refused.value, "organizations.name_required")
    with pytest.raises(UserError):
        services.organizations.update(second.id, uscc=CODE)
    assert events == []
    stored = _stored(services, second.id)
    assert stored is not None and stored.name == "乙公司" and stored.uscc == OTHER_CODE
    assert first.id != second.id


def test_delete_and_restore_announce_the_organization_and_its_sites(
    services: Services, events
) -> None:
    created = services.organizations.create("甲公司")
    site = services.organizations.add_site(created.id, " 一号工厂 ", "高新区 8 号")
    assert [(e.entity, e.ids) for e in events][-1] == ("site", (site.id,))
    events.clear()
    page = object()

    services.organizations.delete(created.id, source=page)
    by_entity = _by_entity(events)
    assert by_entity["organization"].ids == (created.id,)
    assert by_entity["site"].ids == (site.id,)
    assert all(e.made_by(page) for e in events)
    assert services.organizations.summaries() == []
    assert services.organizations.find(created.id) is None
    assert services.organizations.find(created.id, include_deleted=True) is not None

    events.clear()
    restored = services.organizations.restore(created.id, source=page)
    assert restored.deleted_at is None
    assert {e.entity for e in events} == {"organization", "site"}
    assert services.organizations.find_site(site.id) is not None


def test_deleting_what_is_gone_is_refused_and_announces_nothing(services: Services, events) -> None:
    created = services.organizations.create("甲公司")
    services.organizations.delete(created.id)
    events.clear()
    with pytest.raises(UserError) as refused:
        services.organizations.delete(created.id)
    _assert_bilingual(refused.value, "organizations.not_found")
    with pytest.raises(UserError) as refused:
        services.organizations.delete_site("no-such-site")
    assert refused.value.text == text("organizations.site_not_found")
    with pytest.raises(UserError) as refused:
        services.organizations.add_site(created.id, "二号工厂")
    assert refused.value.text == text("organizations.not_found")
    assert events == []


def test_sites_add_delete_restore(services: Services, events) -> None:
    created = services.organizations.create("甲公司")
    events.clear()
    with pytest.raises(UserError) as refused:
        services.organizations.add_site(created.id, "  ")
    _assert_bilingual(refused.value, "organizations.site_name_required")
    assert events == []
    site = services.organizations.add_site(created.id, "一号工厂")
    with services.database.read_session() as session:
        stored = session.get(Site, site.id)
        assert stored is not None and stored.name == "一号工厂"
    events.clear()

    services.organizations.delete_site(site.id)
    assert [(e.entity, e.ids) for e in events] == [("site", (site.id,))]
    assert services.organizations.find_site(site.id) is None
    events.clear()
    services.organizations.restore_site(site.id)
    assert [(e.entity, e.ids) for e in events] == [("site", (site.id,))]

    # a site of a deleted organization comes back with the organization, not on its own
    services.organizations.delete(created.id)
    events.clear()
    with pytest.raises(UserError) as refused:
        services.organizations.restore_site(site.id)
    assert refused.value.text == text(
        "organizations.site_of_deleted_organization", site="一号工厂", organization="甲公司"
    )
    assert events == []


def test_overview_and_dependents_read_the_demo(services: Services) -> None:
    organization_id = services.organizations.seed_demo("zh")
    overview = services.organizations.overview(organization_id)
    assert overview is not None
    assert overview.organization.id == organization_id
    assert overview.sites and overview.assessments and overview.cases
    finished = (ActionStatus.DONE, ActionStatus.VERIFIED)
    assert all(a.status not in finished for a in overview.open_actions)
    with services.database.read_session() as session:
        live = session.query(Action).filter(
            Action.organization_id == organization_id, Action.deleted_at.is_(None)
        )
        assert len(overview.open_actions) == sum(1 for a in live if a.status not in finished)
    counts = services.organizations.dependents(organization_id)
    assert counts.sites == len(overview.sites)
    assert counts.assessments == len(overview.assessments)
    assert counts.cases == len(overview.cases)
    services.organizations.delete(organization_id)
    assert services.organizations.overview(organization_id) is None


def test_seed_demo_announces_the_tables_it_fills(services: Services, events) -> None:
    welcome = object()
    organization_id = services.organizations.seed_demo("en", source=welcome)
    entities = {e.entity for e in events}
    assert {"organization", "site", "assessment", "action", "clinic_case", "dataset"} <= entities
    assert all(e.made_by(welcome) and e.ids == () for e in events)
    assert organization_id in {s.id for s in services.organizations.summaries()}
    # a new user who loads the demo from the welcome page finds the SPC workspace filled too
    assert len(services.datasets.summaries(organization_id)) == 3


def test_the_organization_list_reads_without_sqlalchemy(data_dir) -> None:
    """The first screen's read: importing the service and listing must not load SQLAlchemy."""
    from qclinic.storage.startup import open_database

    open_database(data_dir / "list.sqlite").dispose()
    probe = (
        "import sys\n"
        "from qclinic.services import Services\n"
        "from pathlib import Path\nfrom qclinic.storage.database import Database\n"
        f"services = Services(Database(Path({str(data_dir / 'list.sqlite')!r})))\n"
        "assert services.organizations.summaries() == []\n"
        "assert not [m for m in sys.modules if m.startswith('sqlalchemy')], 'sqlalchemy loaded'\n"
    )
    subprocess.run([sys.executable, "-c", probe], check=True)
