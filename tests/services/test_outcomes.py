"""OutcomeService: a company's quality figures — what a record, an edit and a delete commit and
announce, what is refused (in both languages, nothing committed), the series per kind, the change
since the previous visit and the totals over companies (checked against sums done here)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from qclinic.core.catalogue import text
from qclinic.core.vocabulary import OutcomeKind, StandardLevel
from qclinic.errors import UserError
from qclinic.services import ChangeEvent, Services
from qclinic.services.outcomes import OutcomeFields
from qclinic.storage.models import Outcome
from qclinic.storage.models.base import ChangeLog

Q1, Q2, Q3 = date(2025, 3, 31), date(2025, 6, 30), date(2025, 9, 30)


def _log_size(services: Services) -> int:
    with services.database.read_session() as session:
        return int(session.execute(select(func.count()).select_from(ChangeLog)).scalar_one())


@pytest.fixture
def org(services: Services) -> str:
    return services.organizations.create("Copper Co", region="Tongling").id


def test_record_commits_one_row_and_announces_it(
    services: Services, events: list[ChangeEvent], org: str
) -> None:
    events.clear()
    row = services.outcomes.record(
        org, OutcomeFields(OutcomeKind.PASS_RATE, 96.5, Q1, source=" MES report ")
    )
    assert [(e.entity, e.ids) for e in events] == [("outcome", (row.id,))]
    with services.database.read_session() as session:
        stored = session.get(Outcome, row.id)
        assert stored is not None
        assert (stored.kind, stored.value, stored.period, stored.source) == (
            OutcomeKind.PASS_RATE,
            96.5,
            Q1,
            "MES report",
        )
    assert services.outcomes.rows(org)[0].as_dict()["unit"] == "%"


@pytest.mark.parametrize(
    ("fields", "key"),
    [
        (OutcomeFields(OutcomeKind.PASS_RATE, 101, Q1), "outcomes.percent_range"),
        (OutcomeFields(OutcomeKind.PASS_RATE, -1, Q1), "outcomes.percent_range"),
        (OutcomeFields(OutcomeKind.COMPLAINTS, -2, Q1), "outcomes.count_whole"),
        (OutcomeFields(OutcomeKind.PATENTS, 1.5, Q1), "outcomes.count_whole"),
        (OutcomeFields(OutcomeKind.PPM, -3, Q1), "outcomes.ppm_negative"),
        (OutcomeFields(OutcomeKind.PPM, float("nan"), Q1), "outcomes.not_a_number"),
        (OutcomeFields(OutcomeKind.STANDARDS, 2, Q1), "outcomes.level_required"),
        (
            OutcomeFields(OutcomeKind.AWARDS, 1, Q1, level=StandardLevel.LOCAL),
            "outcomes.level_only_standards",
        ),
    ],
)
def test_bad_figures_are_refused_in_both_languages(
    services: Services, events: list[ChangeEvent], org: str, fields: OutcomeFields, key: str
) -> None:
    events.clear()
    before = _log_size(services)
    with pytest.raises(UserError) as refused:
        services.outcomes.record(org, fields)
    assert refused.value.text is not None
    assert refused.value.text.zh == refused.value.message("zh")
    assert text(key).zh.split("“")[0].split("{")[0] in refused.value.message("zh")
    assert refused.value.message("en") != refused.value.message("zh")
    assert _log_size(services) == before and events == []


def test_duplicates_other_companies_visits_and_deleted_companies_are_refused(
    services: Services, events: list[ChangeEvent], org: str
) -> None:
    services.outcomes.record(org, OutcomeFields(OutcomeKind.COMPLAINTS, 4, Q1))
    services.outcomes.record(
        org, OutcomeFields(OutcomeKind.STANDARDS, 1, Q1, level=StandardLevel.NATIONAL)
    )
    # another level of standards in the same period is another figure
    services.outcomes.record(
        org, OutcomeFields(OutcomeKind.STANDARDS, 2, Q1, level=StandardLevel.ASSOCIATION)
    )
    other = services.organizations.create("Other Co").id
    elsewhere = OutcomeFields(OutcomeKind.PPM, 10, Q2, visit_id=_visit_of(services, other))
    seen, before = len(events), _log_size(services)
    with pytest.raises(UserError) as twin:
        services.outcomes.record(org, OutcomeFields(OutcomeKind.COMPLAINTS, 5, Q1))
    assert "2025-03-31" in twin.value.message("en")
    assert "客户投诉" in twin.value.message("zh")
    with pytest.raises(UserError) as visit:
        services.outcomes.record(org, elsewhere)
    assert visit.value.text == text("outcomes.visit_elsewhere")
    assert _log_size(services) == before and len(events) == seen
    services.outcomes.record(other, elsewhere)  # its own visit is fine
    services.organizations.delete(other)
    seen, before = len(events), _log_size(services)
    with pytest.raises(UserError, match="does not exist"):
        services.outcomes.record(other, OutcomeFields(OutcomeKind.PPM, 10, Q2))
    assert _log_size(services) == before and len(events) == seen


def _visit_of(services: Services, organization_id: str) -> str:
    """A visit to the company, made as the assessments service makes one."""
    from qclinic.core.vocabulary import VisitKind
    from qclinic.storage.repositories import visits

    with services.database.session() as session:
        visit = visits.create_visit(session, organization_id, VisitKind.ONSITE_CLINIC, Q2)
        session.flush()
        return visit.id


def test_edit_writes_only_a_change_and_delete_leaves_the_series(
    services: Services, events: list[ChangeEvent], org: str
) -> None:
    row = services.outcomes.record(org, OutcomeFields(OutcomeKind.PASS_RATE, 96, Q1))
    events.clear()
    same = services.outcomes.edit(row.id, row.fields)
    assert same == row and events == []
    edited = services.outcomes.edit(
        row.id, OutcomeFields(OutcomeKind.PASS_RATE, 97, Q1, note="recounted")
    )
    assert edited.fields.value == 97 and edited.fields.note == "recounted"
    assert [e.entity for e in events] == ["outcome"]
    with pytest.raises(UserError):
        services.outcomes.edit(row.id, OutcomeFields(OutcomeKind.PASS_RATE, 170, Q1))
    services.outcomes.delete(row.id)
    assert services.outcomes.rows(org) == []
    with pytest.raises(UserError) as gone:
        services.outcomes.delete(row.id)
    assert gone.value.text == text("outcomes.not_found")


def test_series_changes_and_totals(services: Services, org: str) -> None:
    other = services.organizations.create("Tin Co").id
    record = services.outcomes.record
    for period, rate, complaints in ((Q1, 96, 12), (Q2, 97, 9), (Q3, 98, 5)):
        record(org, OutcomeFields(OutcomeKind.PASS_RATE, rate, period))
        record(org, OutcomeFields(OutcomeKind.COMPLAINTS, complaints, period))
    record(org, OutcomeFields(OutcomeKind.STANDARDS, 1, Q2, level=StandardLevel.NATIONAL))
    record(org, OutcomeFields(OutcomeKind.STANDARDS, 2, Q2, level=StandardLevel.ASSOCIATION))
    record(org, OutcomeFields(OutcomeKind.STANDARDS, 1, Q3, level=StandardLevel.LOCAL))
    record(other, OutcomeFields(OutcomeKind.PASS_RATE, 90, Q1))
    record(other, OutcomeFields(OutcomeKind.PASS_RATE, 94, Q3))
    record(other, OutcomeFields(OutcomeKind.STANDARDS, 4, Q3, level=StandardLevel.SECTOR))

    series = services.outcomes.series(org)
    assert list(series) == [OutcomeKind.PASS_RATE, OutcomeKind.COMPLAINTS, OutcomeKind.STANDARDS]
    assert [(p.period, p.value) for p in series[OutcomeKind.STANDARDS]] == [(Q2, 3.0), (Q3, 1.0)]

    changes = {c.kind: c for c in services.outcomes.changes(org)}
    rate = changes[OutcomeKind.PASS_RATE]
    assert rate.previous is not None and (rate.previous.value, rate.latest.value) == (97, 98)
    assert rate.shown() == "97 % → 98 %" and rate.improved is True
    complaints = changes[OutcomeKind.COMPLAINTS]
    assert complaints.delta == 5 - 9 and complaints.improved is True  # fewer is better

    totals = {t.kind: t for t in services.outcomes.totals([org, other])}
    assert totals[OutcomeKind.PASS_RATE].before == pytest.approx((96 + 90) / 2)
    assert totals[OutcomeKind.PASS_RATE].after == pytest.approx((98 + 94) / 2)
    assert totals[OutcomeKind.STANDARDS].after == 1 + 2 + 1 + 4
    assert totals[OutcomeKind.STANDARDS].before is None
    assert totals[OutcomeKind.COMPLAINTS].companies == 1
    assert (totals[OutcomeKind.COMPLAINTS].before, totals[OutcomeKind.COMPLAINTS].after) == (12, 5)


def test_an_outcome_syncs_under_its_company(services: Services, org: str) -> None:
    """Pushed under the company's scope with its fields as JSON; a pulled one is written back."""
    row = services.outcomes.record(
        org,
        OutcomeFields(
            OutcomeKind.STANDARDS, 2, Q2, level=StandardLevel.ENTERPRISE_LEADER, source="SAC"
        ),
    )
    pushed = next(c for c in services.sync.pending_changes().changes if c["entity"] == "outcome")
    assert pushed["row_id"] == row.id and pushed["organization_id"] == org
    assert pushed["fields"]["period"] == "2025-06-30"
    assert pushed["fields"]["level"] == "enterprise-leader" and pushed["fields"]["value"] == 2

    pulled_id = "0190d9a0-0000-7000-8000-00000000e001"
    fields = {**pushed["fields"], "kind": "pass-rate", "level": None, "value": 97.5}
    page = [
        {
            "entity": "outcome",
            "row_id": pulled_id,
            "organization_id": org,
            "revision": 1,
            "fields": fields,
            "deleted": False,
            "seq": 1,
        }
    ]
    services.sync.apply_page(org, page, 1)
    pulled = next(r for r in services.outcomes.rows(org) if r.id == pulled_id)
    assert (pulled.fields.kind, pulled.fields.value, pulled.fields.period) == (
        OutcomeKind.PASS_RATE,
        97.5,
        Q2,
    )


def test_the_trend_reads_the_figures_and_the_clinic_and_follow_up_visits(
    services: Services, org: str
) -> None:
    from qclinic.core.vocabulary import VisitKind
    from qclinic.storage.repositories import visits
    from qclinic.storage.types import utc_now

    other = services.organizations.create("Brass Co").id
    made = [
        (org, VisitKind.FOLLOW_UP, date(2026, 9, 20)),
        (org, VisitKind.SELF_ASSESSMENT, date(2025, 11, 6)),  # not a clinic: not marked
        (org, VisitKind.ONSITE_CLINIC, date(2026, 3, 12)),
        (org, VisitKind.ONSITE_CLINIC, date(2026, 5, 2)),  # deleted below
        (other, VisitKind.ONSITE_CLINIC, date(2026, 4, 1)),  # another company's
    ]
    with services.database.session() as session:
        rows = [visits.create_visit(session, o, kind, day) for o, kind, day in made]
        session.flush()
        rows[3].deleted_at = utc_now()
    first = services.outcomes.record(org, OutcomeFields(OutcomeKind.PASS_RATE, 96.0, Q1))
    second = services.outcomes.record(org, OutcomeFields(OutcomeKind.PASS_RATE, 98.0, Q2))
    trend = services.outcomes.trend(org)
    assert trend.visits == [
        (date(2026, 3, 12), VisitKind.ONSITE_CLINIC),
        (date(2026, 9, 20), VisitKind.FOLLOW_UP),
    ]
    assert [r.id for r in trend.rows] == [first.id, second.id]
    assert trend.series() == services.outcomes.series(org)
    services.outcomes.delete(first.id)
    assert [r.id for r in services.outcomes.trend(org).rows] == [second.id]
