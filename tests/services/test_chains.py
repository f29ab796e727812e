"""ChainService: what each change to a chain and its tree commits and announces; refusals commit
and announce nothing, and say why in both languages, naming the companies."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from qclinic.core.catalogue import text
from qclinic.core.vocabulary import ChainRole, IndustryChain
from qclinic.errors import UserError
from qclinic.services import ChangeEvent, Services
from qclinic.storage.models import Chain, ChainMember
from qclinic.storage.models.base import ChangeLog


def _log_size(services: Services) -> int:
    with services.database.read_session() as session:
        return int(session.execute(select(func.count()).select_from(ChangeLog)).scalar_one())


def _stored_members(services: Services, chain_id: str) -> dict[str, tuple[str | None, int, str]]:
    """organization id → (customer id, tier, role) of the chain's live rows, as committed."""
    with services.database.read_session() as session:
        rows = session.scalars(
            select(ChainMember).where(
                ChainMember.chain_id == chain_id, ChainMember.deleted_at.is_(None)
            )
        )
        return {m.organization_id: (m.customer_id, m.tier, str(m.role)) for m in rows}


def _entities(events: list[ChangeEvent]) -> list[str]:
    return [event.entity for event in events]


@pytest.fixture
def companies(services: Services) -> dict[str, str]:
    """Six companies: a leader L, its suppliers A and B, A's suppliers A1 and A2, A1's A11."""
    return {
        key: services.organizations.create(f"{key} Co", region=f"{key} town").id
        for key in ("L", "A", "B", "A1", "A2", "A11")
    }


@pytest.fixture
def chain(services: Services, companies: dict[str, str]) -> str:
    chain_id = services.chains.create("Copper chain", sector=IndustryChain.NON_FERROUS_METALS).id
    c = companies
    services.chains.add(chain_id, c["L"])
    for org, customer in (("A", "L"), ("B", "L"), ("A1", "A"), ("A2", "A"), ("A11", "A1")):
        services.chains.add(chain_id, c[org], c[customer])
    return chain_id


def _refused(services: Services, events: list[ChangeEvent], call, key: str, **fields) -> UserError:
    """Run *call*, which must be refused with *key*; nothing committed, nothing announced."""
    before, seen = _log_size(services), len(events)
    with pytest.raises(UserError) as refused:
        call()
    assert refused.value.text == text(key, **fields)
    assert refused.value.message("zh") != refused.value.message("en")
    assert _log_size(services) == before and len(events) == seen
    return refused.value


def test_create_edit_and_rename_commit_and_announce(services: Services, events) -> None:
    page = object()
    created = services.chains.create(
        "  铜产业链 ", sector="non-ferrous-metals", region=" 鹰潭 ", source=page
    )
    assert (created.name, created.sector, created.region, created.companies) == (
        "铜产业链",
        IndustryChain.NON_FERROUS_METALS,
        "鹰潭",
        0,
    )
    assert [(e.entity, e.ids) for e in events] == [("chain", (created.id,))]
    assert events[0].made_by(page)
    services.chains.update(created.id, region="", notes="重点链", source=page)
    services.chains.rename(created.id, "赣鄱铜产业链", source=page)
    with services.database.read_session() as session:
        stored = session.get(Chain, created.id)
        assert stored is not None
        assert (stored.name, stored.region, stored.notes) == ("赣鄱铜产业链", None, "重点链")
        assert stored.revision == 3
    assert _entities(events) == ["chain"] * 3
    services.chains.rename(created.id, "赣鄱铜产业链")  # no change: nothing written
    assert len(events) == 3
    _refused(
        services, events, lambda: services.chains.rename(created.id, " "), "chains.name_required"
    )


def test_tiers_follow_the_tree_and_the_list_counts(
    services: Services, chain: str, companies: dict[str, str]
) -> None:
    c = companies
    stored = _stored_members(services, chain)
    assert {k: stored[v][1] for k, v in c.items()} == {
        "L": 0, "A": 1, "B": 1, "A1": 2, "A2": 2, "A11": 3
    }  # fmt: skip
    assert stored[c["L"]] == (None, 0, ChainRole.CHAIN_LEADER.value)
    assert stored[c["A1"]] == (c["A"], 2, ChainRole.SUPPLIER.value)
    tree = services.chains.tree(chain)
    names = [n.name for n in tree.nodes]
    assert names == ["L Co", "A Co", "A1 Co", "A11 Co", "A2 Co", "B Co"]  # depth first
    assert [n.name for n in tree.suppliers_of(c["A"])] == ["A1 Co", "A2 Co"]
    (summary,) = services.chains.summaries()
    assert (summary.companies, summary.leaders) == (6, 1)


def test_moving_a_member_carries_its_subtree_in_one_transaction(
    services: Services, chain: str, companies: dict[str, str], events
) -> None:
    c = companies
    seen = len(events)
    moved = services.chains.move(chain, c["A1"], c["B"])  # A1 (and A11 under it) go below B
    assert (moved.customer_id, moved.tier) == (c["B"], 2)
    stored = _stored_members(services, chain)
    assert stored[c["A1"]][:2] == (c["B"], 2) and stored[c["A11"]][:2] == (c["A1"], 3)
    (event,) = events[seen:]
    assert event.entity == "chain_member" and len(event.ids) == 1  # A11's tier did not change
    services.chains.move(chain, c["A"], None)  # A becomes a leader: A2 rises to tier 1
    stored = _stored_members(services, chain)
    assert stored[c["A"]] == (None, 0, ChainRole.CHAIN_LEADER.value)
    assert stored[c["A2"]][1] == 1
    (event,) = events[seen + 1 :]
    assert sorted(event.ids) == sorted(
        m.id for m in _member_rows(services, chain) if m.organization_id in (c["A"], c["A2"])
    )


def _member_rows(services: Services, chain_id: str) -> list[ChainMember]:
    with services.database.read_session() as session:
        return list(session.scalars(select(ChainMember).where(ChainMember.chain_id == chain_id)))


def test_a_loop_or_a_company_twice_is_refused_and_commits_nothing(
    services: Services, chain: str, companies: dict[str, str], events
) -> None:
    c = companies
    before = _stored_members(services, chain)
    refused = _refused(
        services,
        events,
        lambda: services.chains.move(chain, c["A"], c["A11"]),
        "chains.cycle",
        cycle="A Co → A11 Co → A1 Co → A Co",
    )
    assert "A11 Co" in refused.message("zh") and "循环" in refused.message("zh")
    _refused(
        services,
        events,
        lambda: services.chains.add(chain, c["A2"], c["B"]),
        "chains.listed_twice",
        company="A2 Co",
    )
    outsider = services.organizations.create("Outsider Co").id
    stranger = services.organizations.create("Stranger Co").id
    _refused(
        services,
        events,
        lambda: services.chains.add(chain, outsider, stranger),
        "chains.customer_not_member",
        company="Outsider Co",
    )
    assert _stored_members(services, chain) == before


def test_removing_a_supplier_lifts_its_suppliers_to_its_customer(
    services: Services, chain: str, companies: dict[str, str], events
) -> None:
    c = companies
    removal = services.chains.removal(chain, c["A"])
    assert (removal.company, removal.customer, removal.direct, removal.below) == (
        "A Co",
        "L Co",
        2,
        3,
    )
    assert not removal.refused
    services.chains.remove(chain, c["A"])
    stored = _stored_members(services, chain)
    assert c["A"] not in stored
    assert stored[c["A1"]][:2] == (c["L"], 1) and stored[c["A2"]][:2] == (c["L"], 1)
    assert stored[c["A11"]][:2] == (c["A1"], 2)
    assert services.chains.summaries()[0].companies == 5
    assert services.chains.memberships(c["A"]) == []
    services.chains.add(chain, c["A"], c["B"])  # back in, elsewhere: the tombstone is no twin
    assert _stored_members(services, chain)[c["A"]][:2] == (c["B"], 2)


def test_a_leader_with_companies_below_is_not_removed(
    services: Services, chain: str, companies: dict[str, str], events
) -> None:
    refused = _refused(
        services,
        events,
        lambda: services.chains.remove(chain, companies["L"]),
        "chains.leader_has_suppliers",
        company="L Co",
        count=5,
    )
    assert "5" in refused.message("zh") and "5 companies" in refused.message("en")


def test_delete_and_restore_a_chain_with_its_members(
    services: Services, chain: str, companies: dict[str, str], events
) -> None:
    services.chains.remove(chain, companies["B"])  # removed before: stays removed
    services.chains.delete(chain)
    assert services.chains.summaries() == []
    assert services.chains.memberships(companies["A"]) == []
    _refused(services, events, lambda: services.chains.tree(chain), "chains.not_found")
    restored = services.chains.restore(chain)
    assert restored.companies == 5
    assert set(_stored_members(services, chain)) == set(companies.values()) - {companies["B"]}
    (membership,) = services.chains.memberships(companies["A1"])
    assert (membership.chain_name, membership.role, membership.tier) == (
        "Copper chain",
        ChainRole.SUPPLIER,
        2,
    )


def test_deleted_companies_are_refused_and_marked(
    services: Services, chain: str, companies: dict[str, str], events
) -> None:
    gone = services.organizations.create("Gone Co").id
    services.organizations.delete(gone)
    _refused(
        services,
        events,
        lambda: services.chains.add(chain, gone, companies["L"]),
        "chains.organization_gone",
    )
    services.organizations.delete(companies["B"])
    tree = services.chains.tree(chain)
    node = tree.node(companies["B"])
    assert node is not None and node.deleted
    assert services.chains.summaries()[0].companies == 5  # counted: live companies only


def test_the_tree_shows_the_latest_supplier_grade(
    services: Services, chain: str, companies: dict[str, str]
) -> None:
    from qclinic.core.vocabulary import AssessmentStatus
    from qclinic.storage.library import install_builtin_library
    from qclinic.storage.models import Assessment

    install_builtin_library(services.database)
    grades = {}
    for grade, status in (("C", AssessmentStatus.SIGNED), ("B", AssessmentStatus.COMPLETED)):
        with services.database.session() as session:
            assessment = Assessment(
                organization_id=companies["A"],
                checklist_id="supplier-4level",
                checklist_version="1",
                checklist_json={},
                title="4-level evaluation",
                status=status,
                grade=grade,
            )
            session.add(assessment)
        grades[grade] = assessment.id
    with services.database.session() as session:  # a draft or another checklist does not count
        session.add(
            Assessment(
                organization_id=companies["A"],
                checklist_id="supplier-4level",
                checklist_version="1",
                checklist_json={},
                title="draft",
                grade="D",
            )
        )
    node = services.chains.tree(chain).node(companies["A"])
    assert node is not None and node.grade == "B"  # the newer finished one
    other = services.chains.tree(chain).node(companies["B"])
    assert other is not None and other.grade is None


def test_listed_records(services: Services, chain: str) -> None:
    (row,) = services.chains.records()
    assert (row.id, row.name, row.organization_id) == (chain, "Copper chain", None)
    services.chains.delete(chain)
    assert services.chains.records() == []
    assert [r.id for r in services.chains.records(include_deleted=True)] == [chain]
