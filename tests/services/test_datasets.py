"""The dataset and analysis services: what each change commits, what it announces, and that a
refusal commits and announces nothing, in both languages."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest

from qclinic.core.spc import xbar_chart
from qclinic.core.spc.analysis import ANALYSIS_MIME, ChartSettings
from qclinic.errors import UserError
from qclinic.services import ChangeEvent, Services
from qclinic.storage.models import Dataset, DatasetValue
from qclinic.storage.repositories import datasets as repo
from qclinic.storage.repositories.organizations import create_organization

RINGS = Path(__file__).resolve().parents[1] / "core" / "spc" / "data" / "pistonrings.csv"


def _rings() -> list[list[float]]:
    with open(RINGS, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[:25]  # Montgomery's phase I subgroups
    return [[float(r[f"obs{j}"]) for j in range(1, 6)] for r in rows]


@pytest.fixture
def organization(services: Services) -> str:
    with services.database.session() as session:
        return create_organization(session, "江西活塞环有限公司").id


def _by_entity(events: list[ChangeEvent]) -> dict[str, ChangeEvent]:
    return {event.entity: event for event in events}


def _counts(services: Services) -> tuple[int, int]:
    with services.database.read_session() as session:
        return session.query(Dataset).count(), session.query(DatasetValue).count()


def _refused_in_both_languages(error: UserError) -> None:
    assert error.text is not None
    assert error.message("zh") != error.message("en")
    assert error.message("zh") and error.message("en")


def test_an_import_commits_the_dataset_and_its_values_and_announces_them(
    services: Services, events: list[ChangeEvent], organization: str
) -> None:
    page = object()
    rows = repo.subgroup_rows(_rings())
    dataset = services.datasets.create(
        organization, " 活塞环内径 ", subgroup_size=5, unit="mm", lsl=73.95, usl=74.05,
        rows=rows, source=page,
    )  # fmt: skip
    assert dataset.name == "活塞环内径"
    stored = services.datasets.values(dataset.id)
    assert len(stored) == 125 and stored[0].value == rows[0]["value"]
    by_entity = _by_entity(events)
    assert set(by_entity) == {"dataset", "dataset_value"}
    assert by_entity["dataset"].ids == (dataset.id,)
    assert set(by_entity["dataset_value"].ids) == {row.id for row in stored}
    assert all(event.made_by(page) for event in events)


def test_a_blank_name_or_crossed_limits_are_refused_and_nothing_is_written(
    services: Services, events: list[ChangeEvent], organization: str
) -> None:
    with pytest.raises(UserError) as blank:
        services.datasets.create(organization, "  ", rows=repo.subgroup_rows(_rings()))
    assert blank.value.message("en") == "A dataset needs a name."
    assert blank.value.message("zh") == "请为数据集命名。"
    with pytest.raises(UserError) as crossed:
        services.datasets.create(organization, "环", lsl=74.05, usl=73.95)
    _refused_in_both_languages(crossed.value)
    assert "74.05" in crossed.value.message("zh")
    assert events == [] and _counts(services) == (0, 0)


def test_excluding_a_point_marks_its_subgroup_and_a_missing_reason_is_refused(
    services: Services, events: list[ChangeEvent], organization: str
) -> None:
    dataset = services.datasets.create(
        organization, "环", subgroup_size=5, rows=repo.subgroup_rows(_rings())
    )
    events.clear()
    with pytest.raises(UserError) as refused:
        services.datasets.exclude_point(dataset.id, 14, "  ")
    _refused_in_both_languages(refused.value)
    assert events == []
    page = object()
    services.datasets.exclude_point(dataset.id, 14, "量规跌落", source=page)
    marked = [v for v in services.datasets.values(dataset.id) if v.excluded]
    assert {v.subgroup for v in marked} == {14} and marked[0].exclude_reason == "量规跌落"
    (event,) = events
    assert event.entity == "dataset_value" and set(event.ids) == {v.id for v in marked}
    assert event.made_by(page)
    events.clear()
    services.datasets.include_point(dataset.id, 14)
    assert not any(v.excluded for v in services.datasets.values(dataset.id))
    assert [e.entity for e in events] == ["dataset_value"]


def test_specs_rename_value_edit_new_subgroup_and_delete_each_announce_their_rows(
    services: Services, events: list[ChangeEvent], organization: str
) -> None:
    dataset = services.datasets.create(organization, "新数据", subgroup_size=3, first_subgroup=True)
    assert [(v.subgroup, v.position, v.value) for v in services.datasets.values(dataset.id)] == [
        (1, 1, None), (1, 2, None), (1, 3, None),
    ]  # fmt: skip
    events.clear()
    assert services.datasets.set_specs(dataset.id, 9.9, 10.1, 10.0).usl == 10.1
    assert services.datasets.rename(dataset.id, "外径").name == "外径"
    assert [e.entity for e in events] == ["dataset", "dataset"]
    assert all(e.ids == (dataset.id,) for e in events)
    events.clear()
    first = services.datasets.values(dataset.id)[0]
    services.datasets.edit_value(first.id, "value", 10.02)
    assert services.datasets.values(dataset.id)[0].value == 10.02
    assert events == [ChangeEvent("dataset_value", (first.id,))]
    events.clear()
    assert services.datasets.add_subgroup(dataset.id) == 2
    added = [v for v in services.datasets.values(dataset.id) if v.subgroup == 2]
    assert len(added) == 3 and set(events[0].ids) == {v.id for v in added}
    events.clear()
    with pytest.raises(UserError) as crossed:
        services.datasets.set_specs(dataset.id, 10.1, 9.9, None)
    _refused_in_both_languages(crossed.value)
    assert events == [] and services.datasets.get(dataset.id).lsl == 9.9
    services.datasets.delete(dataset.id)
    assert events == [ChangeEvent("dataset", (dataset.id,))]
    assert services.datasets.summaries(organization) == []


def test_a_big_import_announces_some_values_without_naming_each(
    services: Services, events: list[ChangeEvent], organization: str
) -> None:
    matrix = np.random.default_rng(3).normal(10.0, 0.1, (3_000, 5)).tolist()
    dataset = services.datasets.create(
        organization, "大数据", subgroup_size=5, rows=repo.subgroup_rows(matrix)
    )
    assert _by_entity(events)["dataset_value"].ids == ()  # "some rows": refresh what shows them
    assert services.datasets.summaries(organization)[0].values == 15_000
    assert dataset.id in _by_entity(events)["dataset"].ids


def test_the_analysis_of_a_stored_dataset_is_the_engine_s(
    services: Services, organization: str
) -> None:
    dataset = services.datasets.create(
        organization, "环", subgroup_size=5, unit="mm", rows=repo.subgroup_rows(_rings())
    )
    services.datasets.exclude_point(dataset.id, 3, "换刀")
    settings = ChartSettings(chart="xbar-r", lsl=73.95, usl=74.05)
    loaded, result = services.analyses.run(dataset.id, settings)
    expected = xbar_chart(_rings(), exclude={2: "换刀"}).to_dict()
    shown = result.to_dict()
    assert shown["charts"][0]["center"] == pytest.approx(expected["charts"][0]["center"])
    assert shown["charts"][0]["ucl"] == pytest.approx(expected["charts"][0]["ucl"])
    assert shown["excluded"] == expected["excluded"]
    assert shown["dataset"] == {"id": dataset.id, "name": "环", "characteristic": "", "unit": "mm"}
    assert shown["capability"]["n"] == 120  # the excluded subgroup's 5 values are left out
    assert loaded.data.points == 25 and services.analyses.runs == 1
    with pytest.raises(UserError) as refused:
        services.analyses.analyze(loaded.data, ChartSettings(chart="p"))
    _refused_in_both_languages(refused.value)


def test_attaching_an_analysis_stores_the_chart_and_the_result_on_the_question(
    services: Services, events: list[ChangeEvent], organization: str
) -> None:
    from qclinic.core.vocabulary import AssessmentStatus
    from qclinic.storage.library import checklist_content, install_builtin_library
    from qclinic.storage.models import Assessment
    from qclinic.storage.repositories import assessments, attachments

    install_builtin_library(services.database)
    with services.database.session() as session:
        content = checklist_content(session, "spc")
        assessment_id = assessments.start_assessment(
            session, organization, "spc", content["version"], content, "SPC 现场"
        ).id
    (target,) = services.datasets.evidence_targets(organization)
    assert target.assessment.id == assessment_id and target.checklist["id"] == "spc"
    question = target.checklist["sections"][0]["questions"][0]["id"]
    events.clear()
    result = {"analysis": "control_chart", "chart": "xbar-r", "charts": []}
    ids = services.datasets.attach(
        assessment_id, question, b"\x89PNG\r\n\x1a\n", result, "活塞环 11月", " 图 "
    )
    with services.database.read_session() as session:
        stored = attachments.list_attachments(
            session, assessment_id=assessment_id, question_id=question
        )
    assert sorted(a.id for a in stored) == sorted(ids)
    document = next(a for a in stored if a.mime_type == ANALYSIS_MIME)
    assert json.loads(services.database.blobs.read_bytes(document.sha256)) == result
    assert document.caption == "图"
    assert set(_by_entity(events)["attachment"].ids) == set(ids)
    events.clear()
    with services.database.session() as session:
        session.get(Assessment, assessment_id).status = AssessmentStatus.SIGNED
    events.clear()
    with pytest.raises(UserError) as refused:
        services.datasets.attach(assessment_id, question, b"png", result, "again")
    _refused_in_both_languages(refused.value)
    assert events == []
    assert services.datasets.evidence_targets(organization) == []
