"""What differs between SQLite and PostgreSQL must not show: text the columns bound, NUL
characters, JSON values, booleans, timestamps and the change log's order answer alike on both."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from qclinic.server import db
from qclinic.server.audit import verify
from qclinic.server.models import Change, Record
from tests.server.conftest import ORG, OTHER_ORG, Push, change, organization

SITE = "01a00000-0000-7000-8000-0000000000f1"


BAD = {
    "entity": {"entity": "x" * 65},  # server_change.entity is VARCHAR(64)
    "field name": {"fields": {"f" * 65: 1}},  # server_conflict.field is VARCHAR(64)
    "NUL": {"change_id": "c\x00"},  # PostgreSQL keeps no NUL in text
    "row id": {"row_id": "0" * 37},
    "organization id": {"organization_id": ORG + "x"},
}


def test_text_longer_than_its_column_or_with_a_nul_is_refused_whole(
    client: TestClient, alice: dict[str, str], engine: Engine
) -> None:
    answers = {
        name: client.post(
            "/v1/push",
            json={"changes": [organization(), organization("org-bad") | bad]},
            headers=alice,
        ).status_code
        for name, bad in BAD.items()
    }

    assert answers == dict.fromkeys(BAD, 422)
    with db.sessions(engine)() as session:
        assert session.scalars(select(Change)).all() == []


def test_a_nul_in_a_pull_or_a_token_is_refused_not_a_server_error(
    client: TestClient, alice: dict[str, str]
) -> None:
    pulled = client.get("/v1/pull", params={"organization": "a\x00b"}, headers=alice)
    forged = client.get("/v1/organizations", headers={"Authorization": "Bearer a\x00b"})

    assert pulled.status_code == 422
    assert forged.status_code == 401


def test_json_values_booleans_and_times_come_back_as_they_went(
    push: Push, client: TestClient, alice: dict[str, str], engine: Engine
) -> None:
    values = {
        "organization_id": ORG,
        "name": "车间 \x00 一",  # a NUL inside a JSON value is kept (escaped as \u0000)
        "address": "",
        "nested": {"list": [1, 2.5, None, True, "二"], "empty": {}},
        "big": 2**53,
    }
    push(organization(), change("site-1", "site", SITE, values))
    push(change("site-del", "site", SITE, {}, base=1, deleted=True))

    rows = client.get("/v1/pull", params={"organization": ORG}, headers=alice).json()["rows"]

    site = next(row for row in rows if row["row_id"] == SITE)
    assert site["fields"] == values
    assert site["deleted"] is True and site["revision"] == 2
    with db.sessions(engine)() as session:
        record = session.get(Record, SITE)
        logged = session.scalars(select(Change.change_id).order_by(Change.position)).all()
        problems = verify(session)
    assert record is not None and isinstance(record.changed_at, datetime)
    assert record.changed_at.tzinfo is None  # UTC, naive, on both
    assert logged == ["org-1", "site-1", "site-del"]
    assert problems == []


def test_a_pull_page_carries_a_late_parent_and_its_own_late_parent_first(
    push: Push, client: TestClient, alice: dict[str, str]
) -> None:
    """An answer whose assessment changed later, and whose organization changed later still,
    comes after both (read in a few queries, not one per row), and they come again in place."""
    assessment = "01a00000-0000-7000-8000-0000000000c1"
    answer = "01a00000-0000-7000-8000-0000000000d1"
    push(
        organization(),
        change("asm-1", "assessment", assessment, {"organization_id": ORG, "title": "Visit"}),
        change("ans-1", "answer", answer, {"assessment_id": assessment, "value": "3"}),
    )
    push(change("asm-2", "assessment", assessment, {"title": "Revisit"}, base=1))
    push(organization("org-2", region="Hefei") | {"base_revision": 1})

    def pull(after: int, limit: int) -> dict[str, Any]:
        answer = client.get(
            "/v1/pull", params={"organization": ORG, "after": after, "limit": limit}, headers=alice
        )
        assert answer.status_code == 200
        return dict(answer.json())

    first = pull(0, 1)
    rest = pull(first["cursor"], 10)

    assert [(r["entity"], r["seq"]) for r in first["rows"]] == [
        ("organization", 5),
        ("assessment", 4),
        ("answer", 3),
    ]
    assert first["rows"][1]["fields"]["title"] == "Revisit"
    assert first["cursor"] == 3 and first["more"]
    # in its place the assessment again carries the organization, changed after it
    assert [(r["entity"], r["seq"]) for r in rest["rows"]] == [
        ("organization", 5),
        ("assessment", 4),
    ]


def test_a_late_parent_carries_its_consultant_from_another_organization_first(
    push: Push, client: TestClient, alice: dict[str, str]
) -> None:
    """A clinic case whose visit changed later comes after the visit, and the visit after its
    lead consultant, filed under another organization: a parent two levels up, in another
    scope, is found by the page's few queries like one in its own."""
    consultant = "01a00000-0000-7000-8000-0000000000e1"
    visit = "01a00000-0000-7000-8000-0000000000e2"
    case = "01a00000-0000-7000-8000-0000000000e3"
    first_visit = "01a00000-0000-7000-8000-0000000000e4"
    push(
        organization("org-b", OTHER_ORG),
        change(
            "p-1",
            "person",
            consultant,
            {"name": "Wang", "organization_id": None},
            organization=OTHER_ORG,
        ),
        change(
            "v-b",
            "visit",
            first_visit,
            {"organization_id": OTHER_ORG, "lead_consultant_id": consultant},
            organization=OTHER_ORG,
        ),
        organization(),
        change("v-1", "visit", visit, {"organization_id": ORG, "lead_consultant_id": consultant}),
        change(
            "c-1",
            "clinic_case",
            case,
            {"organization_id": ORG, "visit_id": visit, "symptom": "Burrs"},
        ),
    )
    push(change("v-2", "visit", visit, {"notes": "Second day"}, base=1))

    answer = client.get(
        "/v1/pull", params={"organization": ORG, "after": 4, "limit": 1}, headers=alice
    )

    assert answer.status_code == 200
    rows = answer.json()["rows"]
    assert [(r["entity"], r["organization_id"], r["seq"]) for r in rows] == [
        ("person", OTHER_ORG, 2),
        ("visit", ORG, 7),
        ("clinic_case", ORG, 6),
    ]
    assert rows[1]["fields"]["notes"] == "Second day"
    assert answer.json()["cursor"] == 6
