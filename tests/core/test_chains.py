"""The chain tree's rules (qclinic.core.chains): tiers, and what is refused with whose names."""

from __future__ import annotations

import pytest

from qclinic.core.chains import Link, descendants, direct_suppliers, tiers
from qclinic.errors import UserError


def leader(org: str) -> Link:
    return Link(org, None, f"{org} Co", leader=True)


def supplier(org: str, customer: str) -> Link:
    return Link(org, customer, f"{org} Co")


def test_tiers_are_the_depth_below_a_leader() -> None:
    links = [
        supplier("c", "b"),  # listed before its customer: order does not matter
        leader("a"),
        supplier("b", "a"),
        supplier("d", "a"),
        leader("x"),
        supplier("y", "x"),
        supplier("z", "c"),
    ]
    assert tiers(links) == {"a": 0, "b": 1, "c": 2, "d": 1, "x": 0, "y": 1, "z": 3}


def test_an_empty_chain_has_no_tiers() -> None:
    assert tiers([]) == {}


def test_a_company_listed_twice_is_refused_by_name() -> None:
    with pytest.raises(UserError) as refused:
        tiers([leader("a"), supplier("b", "a"), Link("b", "a", "b Co")])
    assert "b Co" in refused.value.message("en") and "only once" in refused.value.message("en")
    assert "b Co" in refused.value.message("zh") and "只能出现一次" in refused.value.message("zh")


@pytest.mark.parametrize(
    ("links", "company", "english"),
    [
        ([Link("a", "b", "a Co", leader=True), leader("b")], "a Co", "supplies no customer"),
        ([leader("a"), Link("b", None, "b Co")], "b Co", "Choose the customer"),
        ([leader("a"), supplier("b", "ghost")], "b Co", "not in this chain"),
    ],
)
def test_leaders_customers_and_membership(links: list[Link], company: str, english: str) -> None:
    with pytest.raises(UserError) as refused:
        tiers(links)
    assert company in refused.value.message("en") and english in refused.value.message("en")
    assert company in refused.value.message("zh")


def test_a_loop_is_refused_naming_every_company_on_it() -> None:
    links = [leader("a"), supplier("b", "a"), supplier("p", "r"), supplier("q", "p")]
    links.append(supplier("r", "q"))
    with pytest.raises(UserError) as refused:
        tiers(links)
    english, chinese = refused.value.message("en"), refused.value.message("zh")
    loop = english.split(": ", 1)[1].split(" (", 1)[0].split(" → ")
    assert loop[0] == loop[-1] and sorted(set(loop)) == ["p Co", "q Co", "r Co"]
    assert "a Co" not in english and "b Co" not in english  # only the loop is named
    assert "循环" in chinese and "p Co" in chinese


def test_a_company_supplying_itself_is_a_loop() -> None:
    with pytest.raises(UserError) as refused:
        tiers([leader("a"), supplier("b", "b")])
    assert "b Co → b Co" in refused.value.message("en")


def test_suppliers_below_a_member() -> None:
    links = [leader("a"), supplier("b", "a"), supplier("c", "b"), supplier("d", "c")]
    links += [supplier("e", "a"), supplier("f", "b")]
    assert [link.organization_id for link in direct_suppliers(links, "b")] == ["c", "f"]
    assert descendants(links, "b") == ["c", "f", "d"]
    assert descendants(links, "d") == []
    assert sorted(descendants(links, "a")) == ["b", "c", "d", "e", "f"]
    looped = [supplier("p", "q"), supplier("q", "p")]
    assert descendants(looped, "p") == ["q"]  # ends even on a loop
