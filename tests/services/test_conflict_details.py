"""What the conflict inbox shows around a conflict: the record by name, its organization, and the
kind of value its field holds (the merged-value editor's kind)."""

from __future__ import annotations

import json

from qclinic.core.vocabulary import Priority
from qclinic.services import Services
from qclinic.services.conflict_details import CHOICE, DATE, NUMBER, TEXT, field_kind
from qclinic.services.demo import seed


def _conflict(entity: str, row_id: str, organization: str | None, field: str, n: int) -> dict:
    return {
        "change_id": f"change-{n}",
        "entity": entity,
        "row_id": row_id,
        "organization_id": organization,
        "field": field,
        "mine": "mine",
        "theirs": "theirs",
        "at": f"2026-11-20T09:0{n}:00+00:00",
    }


def test_each_record_is_named_as_a_person_knows_it(services: Services) -> None:
    ids = seed(services.database, "en")
    organization = ids["organization"]
    (organization_name,) = services.database.query(
        "SELECT name FROM organization WHERE id = ?", (organization,)
    )[0]
    answer, question_id, title, checklist = services.database.query(
        "SELECT a.id, a.question_id, s.title, s.checklist_json FROM answer a"
        " JOIN assessment s ON s.id = a.assessment_id ORDER BY a.id LIMIT 1"
    )[0]
    question = next(
        q
        for section in json.loads(checklist)["sections"]
        for q in section["questions"]
        if q["id"] == question_id
    )
    (action_title,) = services.database.query(
        "SELECT title FROM action WHERE id = ?", (ids["actions"][0],)
    )[0]
    services.sync.apply_conflicts(
        [
            _conflict("organization", organization, organization, "region", 1),
            _conflict("answer", answer, organization, "note", 2),
            _conflict("action", ids["actions"][0], organization, "due_date", 3),
            _conflict("site", "0190aaaa-bbbb-7ccc-8ddd-eeeeeeeeeeee", organization, "name", 4),
        ],
        cursor=4,
    )

    details = {d.conflict.entity: d for d in services.conflicts.details(lang="en")}

    assert {d.organization for d in details.values()} == {organization_name}
    assert details["organization"].record == organization_name
    assert details["answer"].record == f"{title} · {question_id} {question['text']['en']}"
    assert details["action"].record == action_title
    assert details["site"].record == "site 0190aaaa"  # not held here: its entity and id
    assert details["action"].kind.kind == DATE
    assert details["answer"].kind.kind == TEXT  # a note
    zh = {d.conflict.entity: d for d in services.conflicts.details(lang="zh")}
    assert zh["answer"].record.endswith(question["text"]["zh"])


def test_a_fields_kind_comes_from_its_column() -> None:
    priority = field_kind("action", "priority")
    assert priority.kind == CHOICE
    assert priority.choices == tuple(p.value for p in Priority)
    assert field_kind("answer", "is_na").choices == ("true", "false")
    assert field_kind("chain_member", "tier").kind == NUMBER
    assert field_kind("chain_member", "tier").integer
    assert field_kind("assessment", "score_percent").kind == NUMBER
    assert not field_kind("assessment", "score_percent").integer
    assert field_kind("organization", "notes").long
    assert not field_kind("organization", "name").long
    assert field_kind("organization", "no_such_field").kind == TEXT


def test_an_answers_value_is_edited_as_the_kind_both_values_are(services: Services) -> None:
    ids = seed(services.database, "en")
    (answer,) = services.database.query("SELECT id FROM answer ORDER BY id LIMIT 1")[0]
    found = [
        {**_conflict("answer", answer, ids["organization"], "value", n), "mine": m, "theirs": t}
        for n, (m, t) in enumerate([(3, 4), (2.5, 3), (True, False), ("yes", 4)])
    ]
    services.sync.apply_conflicts(found, cursor=4)

    kinds = [d.kind for d in services.conflicts.details()]

    assert [(k.kind, k.integer) for k in kinds] == [
        (NUMBER, True),
        (NUMBER, False),
        (CHOICE, False),
        (TEXT, False),
    ]
