"""The event bus and the service base: one commit, one event per table it touched, none on refusal."""

from __future__ import annotations

import threading

import pytest

from qclinic.core.catalogue import text
from qclinic.errors import UserError
from qclinic.services import ChangeEvent, EventBus, Origin, Services
from qclinic.services.base import Service
from qclinic.storage.models import Organization, Site
from qclinic.storage.repositories.organizations import create_organization


class _Probe(Service):
    """A service made for the test: creates an organization with a site, or refuses half way."""

    def create(self, name: str, *, refuse: bool = False, source: object = None) -> str:
        with self._writing(source) as session:
            organization = create_organization(session, name)
            session.flush()
            session.add(Site(organization_id=organization.id, name=f"{name} site"))
            if refuse:
                raise UserError(text("common.unknown_file"))
            return organization.id


def test_a_commit_publishes_one_event_per_table_with_the_ids_it_wrote(
    services: Services, events
) -> None:
    widget = object()
    organization_id = _Probe(services.database, services.bus).create("苏州精密", source=widget)

    by_entity = {event.entity: event for event in events}
    assert set(by_entity) == {"organization", "site"}
    assert by_entity["organization"].ids == (organization_id,)
    assert len(by_entity["site"].ids) == 1
    assert all(event.origin is Origin.LOCAL for event in events)
    assert by_entity["organization"].made_by(widget)
    assert not by_entity["organization"].made_by(object())
    with services.database.read_session() as session:
        assert session.get(Organization, organization_id) is not None


def test_a_refusal_commits_nothing_and_publishes_nothing(services: Services, events) -> None:
    with pytest.raises(UserError) as refused:
        _Probe(services.database, services.bus).create("半途", refuse=True)
    assert events == []
    assert refused.value.message("zh") == "（未知文件）"
    assert refused.value.message("en") == "(unknown file)"
    with services.database.read_session() as session:
        assert session.query(Organization).count() == 0


def test_the_next_commit_does_not_repeat_the_previous_ones_rows(services: Services, events) -> None:
    probe = _Probe(services.database, services.bus)
    first = probe.create("一")
    events.clear()
    second = probe.create("二")
    assert [e.ids for e in events if e.entity == "organization"] == [(second,)]
    assert first != second


def test_a_failing_listener_does_not_stop_the_others() -> None:
    bus = EventBus()
    heard: list[ChangeEvent] = []

    def broken(_event: ChangeEvent) -> None:
        raise RuntimeError("a listener's bug")

    bus.subscribe(broken)
    unsubscribe = bus.subscribe(heard.append)
    bus.publish(ChangeEvent("answer", ("a",)))
    unsubscribe()
    bus.publish(ChangeEvent("answer", ("b",)))
    assert [e.ids for e in heard] == [("a",)]


def test_events_from_another_thread_reach_the_listeners() -> None:
    bus = EventBus()
    heard: list[str] = []
    bus.subscribe(lambda event: heard.append(threading.current_thread().name))
    worker = threading.Thread(target=bus.publish, args=(ChangeEvent("dataset"),), name="worker")
    worker.start()
    worker.join()
    assert heard == ["worker"]
