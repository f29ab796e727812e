"""The server applies the core three-way field merge (qclinic/core/sync/merge.py): its cases as the server meets them."""

from __future__ import annotations

from qclinic.core.sync.merge import FieldConflict, merge_fields

BASE = {"name": "Copper Co", "region": "Tongling", "notes": ""}


def test_an_edit_of_an_unchanged_record_is_applied() -> None:
    result = merge_fields(BASE, BASE, {"region": "Hefei"})
    assert result.outcome == "applied"
    assert result.fields == {**BASE, "region": "Hefei"}
    assert result.conflicts == ()


def test_edits_of_different_fields_merge() -> None:
    server = {**BASE, "notes": "call first"}
    result = merge_fields(BASE, server, {"region": "Hefei"})
    assert result.outcome == "merged"
    assert result.fields == {"name": "Copper Co", "region": "Hefei", "notes": "call first"}


def test_the_same_field_changed_on_both_sides_keeps_the_servers_value() -> None:
    server = {**BASE, "region": "Wuhu"}
    result = merge_fields(BASE, server, {"region": "Maanshan", "notes": "x"})
    assert result.outcome == "conflict"
    assert result.fields == {"name": "Copper Co", "region": "Wuhu", "notes": "x"}
    assert result.conflicts == (FieldConflict("region", "Tongling", "Wuhu", "Maanshan"),)


def test_the_same_value_on_both_sides_is_no_conflict() -> None:
    server = {**BASE, "region": "Wuhu"}
    result = merge_fields(BASE, server, {"region": "Wuhu"})
    assert result.outcome == "unchanged"
    assert result.fields == server
