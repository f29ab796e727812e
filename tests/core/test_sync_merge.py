"""Field-level merge of concurrent edits (qclinic.core.sync.merge): every rule, deletes, and
properties over many random base/server/incoming triples."""

from __future__ import annotations

import random
from typing import Any

import pytest

from qclinic.core.sync.merge import (
    FieldConflict,
    LostEdit,
    MergeResult,
    merge_delete,
    merge_fields,
    same,
)

BASE = {"name": "Acme", "region": "Wuhu", "chain": "copper", "tier": 1}


def test_a_field_the_server_did_not_change_takes_the_incoming_value() -> None:
    result = merge_fields(BASE, BASE, {"region": "Hefei"})
    assert result == MergeResult(
        {**BASE, "region": "Hefei"}, (), "applied", changed={"region": "Hefei"}
    )


def test_edits_of_different_fields_merge() -> None:
    server = {**BASE, "name": "Acme Copper"}
    result = merge_fields(BASE, server, {"region": "Hefei"})
    assert result.fields == {**BASE, "name": "Acme Copper", "region": "Hefei"}
    assert result.changed == {"region": "Hefei"}
    assert result.conflicts == ()
    assert result.outcome == "merged"


def test_both_changing_a_field_to_the_same_value_is_no_conflict() -> None:
    server = {**BASE, "region": "Hefei"}
    result = merge_fields(BASE, server, {"region": "Hefei"})
    assert result.fields == server
    assert result.conflicts == () and result.changed == {}
    assert result.outcome == "unchanged"


def test_both_changing_a_field_differently_keeps_the_server_value_and_is_a_conflict() -> None:
    server = {**BASE, "region": "Hefei"}
    result = merge_fields(BASE, server, {"region": "Bengbu", "tier": 2})
    assert result.fields == {**server, "tier": 2}  # the other field still applies
    assert result.changed == {"tier": 2}
    assert result.conflicts == (FieldConflict("region", "Wuhu", "Hefei", "Bengbu"),)
    assert result.outcome == "conflict"


def test_a_client_sending_the_base_value_back_leaves_the_server_value() -> None:
    server = {**BASE, "region": "Hefei"}
    result = merge_fields(BASE, server, {"region": "Wuhu"})
    assert result.fields == server
    assert result.conflicts == () and result.outcome == "unchanged"


def test_fields_the_client_did_not_send_keep_the_server_value() -> None:
    server = {**BASE, "name": "Acme Copper", "tier": 3}
    result = merge_fields(BASE, server, {})
    assert result.fields == server and result.outcome == "unchanged"


def test_a_new_record_applies_all_its_fields_and_a_replay_changes_nothing() -> None:
    first = merge_fields({}, {}, BASE)
    assert first.fields == BASE and first.outcome == "applied"
    again = merge_fields({}, first.fields, BASE)
    assert again.fields == BASE and again.outcome == "unchanged" and again.conflicts == ()


def test_nothing_is_decided_by_time() -> None:
    """Timestamps are fields like any other: a later updated_at does not win a conflict."""
    base = {"note": "a", "updated_at": "2026-01-01T00:00:00Z"}
    server = {"note": "b", "updated_at": "2026-01-01T00:00:01Z"}
    incoming = {"note": "c", "updated_at": "2030-01-01T00:00:00Z"}
    result = merge_fields(base, server, incoming)
    assert result.fields == server
    assert [c.field for c in result.conflicts] == ["note", "updated_at"]


def test_conflicts_come_out_in_field_order_whatever_the_mapping_order() -> None:
    base = {"a": 0, "b": 0, "c": 0}
    server = {"c": 1, "b": 1, "a": 1}
    first = merge_fields(base, server, {"c": 2, "a": 2, "b": 2})
    second = merge_fields(base, server, {"b": 2, "a": 2, "c": 2})
    assert [c.field for c in first.conflicts] == ["a", "b", "c"]
    assert first == second


@pytest.mark.parametrize(
    ("left", "right", "equal"),
    [
        (1, 1.0, True),
        (0, -0.0, True),
        (2**60, float(2**60), True),
        (2**60 + 1, float(2**60), False),
        (True, 1, False),
        (False, 0, False),
        (None, 0, False),
        ("1", 1, False),
        ([1, 2], (1, 2.0), True),
        ([1, 2], [2, 1], False),
        ({"a": 1, "b": [None]}, {"b": [None], "a": 1.0}, True),
        ({"a": 1}, {"a": 1, "b": None}, False),
        (float("nan"), float("nan"), True),
        (float("inf"), float("inf"), True),
        (0.1 + 0.2, 0.3, False),
    ],
)
def test_values_compare_as_json_values(left: Any, right: Any, equal: bool) -> None:
    assert same(left, right) is equal
    assert same(right, left) is equal


def test_numbers_of_another_type_are_no_change() -> None:
    result = merge_fields({"tier": 1}, {"tier": 1.0}, {"tier": 1})
    assert result.outcome == "unchanged"
    server_changed = merge_fields({"tier": 1}, {"tier": 2}, {"tier": 1.0})
    assert server_changed.fields == {"tier": 2} and server_changed.conflicts == ()


def test_a_missing_field_reads_as_null() -> None:
    # the server never had the field, the base had it null: the server did not change it
    result = merge_fields({"phone": None}, {}, {"phone": "123"})
    assert result.fields == {"phone": "123"} and result.outcome == "applied"
    # clearing a field the server lacks is no change
    assert merge_fields({}, {}, {"phone": None}).outcome == "unchanged"
    # the server set it since a base that lacked it, the client too, differently: a conflict
    conflict = merge_fields({}, {"phone": "1"}, {"phone": "2"})
    assert conflict.conflicts == (FieldConflict("phone", None, "1", "2"),)


def test_values_that_are_not_json_are_a_bug_of_the_caller() -> None:
    with pytest.raises(TypeError, match="not a JSON value: set"):
        merge_fields({}, {}, {"a": {1}})
    with pytest.raises(TypeError, match="field names must be strings"):
        merge_fields({}, {}, {1: "a"})  # type: ignore[dict-item]


# ---- deletes -------------------------------------------------------------------------------


def test_a_server_delete_beats_an_incoming_edit_which_is_kept() -> None:
    server = {**BASE, "deleted_at": "2026-03-01T00:00:00Z"}
    result = merge_delete(BASE, server, {"region": "Hefei"}, server_deleted=True)
    assert result.deleted is True
    assert result.fields == server  # the tombstone is not edited
    assert result.changed == {}
    assert result.lost == LostEdit("incoming", {"region": "Hefei"})
    assert result.outcome == "conflict"


def test_an_incoming_delete_beats_a_server_edit_which_is_kept() -> None:
    server = {**BASE, "region": "Hefei"}
    delete = {"deleted_at": "2026-03-01T00:00:00Z"}
    result = merge_delete(BASE, server, delete, incoming_deleted=True)
    assert result.deleted is True
    assert result.fields == {**server, **delete}
    assert result.changed == delete
    assert result.lost == LostEdit("server", {"region": "Hefei"})
    assert result.outcome == "conflict"


def test_an_incoming_delete_of_an_unedited_record_applies() -> None:
    delete = {"deleted_at": "2026-03-01T00:00:00Z"}
    result = merge_delete(BASE, BASE, delete, incoming_deleted=True)
    assert result == MergeResult(
        {**BASE, **delete}, (), "applied", changed=delete, deleted=True, lost=None
    )


def test_both_deleting_is_unchanged_and_the_server_tombstone_stays() -> None:
    server = {**BASE, "deleted_at": "2026-03-01T00:00:00Z"}
    result = merge_delete(
        BASE,
        server,
        {"deleted_at": "2026-03-02T00:00:00Z"},
        server_deleted=True,
        incoming_deleted=True,
    )
    assert result == MergeResult(server, (), "unchanged", deleted=True)


def test_a_server_delete_against_an_edit_that_changes_nothing_loses_nothing() -> None:
    server = {**BASE, "deleted_at": "t"}
    result = merge_delete(BASE, server, {"region": "Wuhu"}, server_deleted=True)
    assert result.deleted and result.lost is None and result.outcome == "unchanged"


def test_a_restore_by_a_client_that_saw_the_delete_is_an_edit() -> None:
    base = {**BASE, "deleted_at": "t"}
    result = merge_delete(base, base, {"deleted_at": None}, base_deleted=True, server_deleted=True)
    assert result.deleted is False
    assert result.fields == {**BASE, "deleted_at": None}
    assert result.outcome == "applied" and result.lost is None


def test_a_restore_with_no_field_to_change_is_still_applied() -> None:
    base = {**BASE}
    result = merge_delete(base, base, {}, base_deleted=True, server_deleted=True)
    assert result.deleted is False and result.outcome == "applied"


def test_a_server_restore_beats_a_client_that_only_kept_the_record_deleted() -> None:
    base = {**BASE, "deleted_at": "t"}
    server = {**BASE, "deleted_at": None}
    result = merge_delete(base, server, {"tier": 2}, base_deleted=True, incoming_deleted=True)
    assert result.deleted is False
    assert result.fields == {**server, "tier": 2}


def test_editing_a_record_both_sides_keep_deleted_merges_its_fields() -> None:
    base = {**BASE, "deleted_at": "t"}
    result = merge_delete(
        base, base, {"tier": 2}, base_deleted=True, server_deleted=True, incoming_deleted=True
    )
    assert result.deleted is True and result.fields == {**base, "tier": 2}


def test_with_no_delete_merge_delete_is_merge_fields() -> None:
    server = {**BASE, "region": "Hefei"}
    incoming = {"region": "Bengbu", "tier": 2}
    assert merge_delete(BASE, server, incoming) == merge_fields(BASE, server, incoming)


# ---- properties over random triples --------------------------------------------------------

FIELDS = ("a", "b", "c", "d", "e", "f")
VALUES: tuple[Any, ...] = (None, 0, 1, 1.0, 2.5, True, False, "", "x", "y", [1], [1.0], {"k": 1})


def _record(rng: random.Random) -> dict[str, Any]:
    return {name: rng.choice(VALUES) for name in FIELDS if rng.random() < 0.8}


def _triple(rng: random.Random) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    base = _record(rng)
    server = {
        name: (rng.choice(VALUES) if rng.random() < 0.4 else base.get(name))
        for name in FIELDS
        if name in base or rng.random() < 0.3
    }
    incoming = {name: rng.choice(VALUES) for name in FIELDS if rng.random() < 0.5}
    return base, server, incoming


@pytest.mark.parametrize("seed", range(8))
def test_merging_is_deterministic_keeps_untouched_fields_and_is_idempotent(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(500):
        base, server, incoming = _triple(rng)
        result = merge_fields(base, server, incoming)

        # deterministic: the same triple, in any key order, gives the same result
        shuffled = dict(rng.sample(list(incoming.items()), len(incoming)))
        assert merge_fields(dict(base), dict(server), shuffled) == result

        for name in set(FIELDS):
            merged = result.fields.get(name)
            server_touched = not same(server.get(name), base.get(name))
            if name not in incoming:
                # never loses or changes a field the client did not send
                assert same(merged, server.get(name)), (name, base, server, incoming)
            elif not server_touched:
                # a field the server did not touch takes the incoming value
                assert same(merged, incoming[name]), (name, base, server, incoming)
            else:
                # a field the server touched keeps the server's value
                assert same(merged, server.get(name)), (name, base, server, incoming)
        # every server field is still there
        assert set(server) <= set(result.fields)
        # conflicts are exactly the fields changed differently on both sides
        expected = [
            n
            for n in sorted(incoming)
            if not same(server.get(n), base.get(n))
            and not same(incoming[n], base.get(n))
            and not same(incoming[n], server.get(n))
        ]
        assert [c.field for c in result.conflicts] == expected
        assert (result.outcome == "conflict") == bool(expected)
        # changed is what differs from the server
        assert {n for n in result.fields if not same(result.fields[n], server.get(n))} == set(
            result.changed
        )

        # idempotent: applying the same incoming again changes nothing more
        again = merge_fields(base, result.fields, incoming)
        assert again.fields == result.fields
        assert again.changed == {}
        assert [c.field for c in again.conflicts] == expected
        assert again.outcome in ("unchanged", "conflict")


@pytest.mark.parametrize("seed", range(4))
def test_merging_with_deletes_is_idempotent_and_a_delete_always_wins(seed: int) -> None:
    rng = random.Random(1000 + seed)
    for _ in range(500):
        base, server, incoming = _triple(rng)
        flags = {
            "base_deleted": rng.random() < 0.3,
            "server_deleted": rng.random() < 0.4,
            "incoming_deleted": rng.random() < 0.4,
        }
        result = merge_delete(base, server, incoming, **flags)
        assert merge_delete(base, server, incoming, **flags) == result
        someone_deleted = not flags["base_deleted"] and (
            flags["server_deleted"] or flags["incoming_deleted"]
        )
        if someone_deleted:
            assert result.deleted, flags
        if result.lost is not None:
            assert result.deleted and result.outcome == "conflict" and result.lost.fields
        # the same change applied again to the result: same fields, same deletion
        again = merge_delete(
            base,
            result.fields,
            incoming,
            base_deleted=flags["base_deleted"],
            server_deleted=result.deleted,
            incoming_deleted=flags["incoming_deleted"],
        )
        assert again.fields == result.fields, (base, server, incoming, flags)
        assert again.deleted == result.deleted
        assert again.changed == {}
