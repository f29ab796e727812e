"""The events summary (schema 0017) follows every kind of edit through the change log.

The period's services and problems are read from ``portfolio_event`` (per day and company) and
``portfolio_chain_event`` (per chain and month). After each edit — a visit added, moved to
another month and deleted; a case received and solved; a referral delivered; an assessment
signed and deleted; a membership removed; a pulled change through ``services.sync`` — the
figures of several periods (starting and ending mid-month, one day, whole months, no start)
equal the events counted here in Python from the rows themselves, equal the figures derived
from the tables, and a full rebuild leaves exactly the rows the incremental updates left.
A database with data at 0016 is backed up, migrated, and its first figures rebuild the summary.
"""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from qclinic.core.portfolio import ChainFigures, PortfolioFilter
from qclinic.core.vocabulary import (
    AssessmentStatus,
    CaseStatus,
    NqiCategory,
    ProviderKind,
    ReferralStatus,
    SignerRole,
    VisitKind,
)
from qclinic.services import Services
from qclinic.services.assessments import Signer
from qclinic.storage import portfolio as queries
from qclinic.storage.models import Assessment, ClinicCase, Provider, Referral, Visit

TODAY = date.today()
#: the year the hand-set days fall in (a past one: nothing is refused as in the future)
YEAR = TODAY.year - 1
TOMORROW = TODAY + timedelta(days=1)  # every time stamped today falls before its end


def _periods(chain: str) -> list[PortfolioFilter]:
    """Whole months, edges mid-month on either side, one day, no start; one chain and all."""
    spans = [
        (date(YEAR, 1, 1), TOMORROW),
        (date(YEAR, 3, 10), date(YEAR, 5, 31)),
        (date(YEAR, 2, 1), date(YEAR, 4, 17)),
        (date(YEAR, 3, 15), date(YEAR, 3, 15)),
        (date(YEAR, 4, 2), date(YEAR, 4, 29)),
        (None, TOMORROW),
    ]
    return [
        PortfolioFilter(chains, None, start, end, TODAY)
        for start, end in spans
        for chains in ((chain,), ())
    ]


def _version(services: Services, checklist_id: str) -> str:
    from qclinic.core.checklists.library import builtin
    from qclinic.storage.library import list_versions

    checklist = next(c for c in builtin().all() if c.id == checklist_id)
    if checklist.version not in {e.version for e in list_versions(services.database, checklist_id)}:
        services.library.install(checklist)
    return checklist.version


def _day(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()[:10]


def _expected(services: Services, flt: PortfolioFilter) -> dict[str, Any]:
    """The period's events of the live members of the filter's chains, counted from the rows."""
    lo = flt.start.isoformat() if flt.start else "0001-01-01"
    hi = flt.as_of.isoformat()
    events: list[tuple[str, str, str]] = []  # (kind, field, day), each company once
    with services.database.read_session() as session:
        members = {
            row[0]
            for row in session.execute(
                text(
                    "SELECT m.organization_id FROM chain_member m JOIN chain c ON c.id ="
                    " m.chain_id JOIN organization o ON o.id = m.organization_id WHERE"
                    " m.deleted_at IS NULL AND c.deleted_at IS NULL AND o.deleted_at IS NULL"
                    + (" AND m.chain_id = :chain" if flt.chain_ids else "")
                ),
                {"chain": flt.chain_ids[0] if flt.chain_ids else None},
            )
        }
        for visit in session.scalars(select(Visit)):
            if visit.organization_id in members and visit.deleted_at is None:
                events.append(("visit", "", _day(visit.visit_date) or ""))
        for assessment in session.scalars(select(Assessment)):
            done = assessment.status in (AssessmentStatus.COMPLETED, AssessmentStatus.SIGNED)
            if (
                assessment.organization_id in members
                and assessment.deleted_at is None
                and assessment.amends_id is None
                and done
            ):
                events.append(("assessment", "", _day(assessment.completed_at) or ""))
        for case in session.scalars(select(ClinicCase)):
            if case.organization_id in members and case.deleted_at is None:
                field = NqiCategory(case.nqi_category).value
                events.append(("case", field, _day(case.created_at) or ""))
                if case.status is CaseStatus.RESOLVED and case.resolved_on is not None:
                    events.append(("solved", field, _day(case.resolved_on) or ""))
        for referral in session.scalars(select(Referral)):
            if (
                referral.organization_id in members
                and referral.deleted_at is None
                and referral.delivered_on is not None
            ):
                field = NqiCategory(referral.nqi_category).value
                events.append(("referral", field, _day(referral.delivered_on) or ""))
    inside = [e for e in events if lo <= e[2] <= hi]
    kinds = Counter(kind for kind, _field, _day in inside)
    return {
        "kinds": {kind: n for kind, n in kinds.items()},
        "by_month": Counter((day[:7], kind) for kind, _field, day in inside),
        "received": Counter(field for kind, field, _day in inside if kind == "case"),
        "solved": Counter(field for kind, field, _day in inside if kind == "solved"),
        "referred": Counter(field for kind, field, _day in inside if kind == "referral"),
    }


def _shown(figures: ChainFigures) -> dict[str, Any]:
    """The figures' events in the shape of :func:`_expected`."""
    kinds = {
        "visit": figures.services.visits,
        "assessment": figures.services.assessments,
        "case": figures.services.cases,
        "solved": figures.problems.solved,
        "referral": figures.services.referrals,
    }
    by_month: Counter[tuple[str, str]] = Counter()
    for month in figures.by_month:
        for kind, n in (
            ("visit", month.services.visits),
            ("assessment", month.services.assessments),
            ("case", month.services.cases),
            ("solved", month.problems.solved),
            ("referral", month.services.referrals),
        ):
            if n:
                by_month[(month.month, kind)] = n
    return {
        "kinds": {kind: n for kind, n in kinds.items() if n},
        "by_month": by_month,
        "received": Counter(
            {f: p.received for f, p in figures.problems_by_field.items() if p.received}
        ),
        "solved": Counter({f: p.solved for f, p in figures.problems_by_field.items() if p.solved}),
        "referred": Counter(dict(figures.services.referrals_by_field)),
    }


def _rows(services: Services) -> tuple[list[Any], list[Any]]:
    with services.database.read_session() as session:
        return (
            [
                tuple(r)
                for r in session.execute(text("SELECT * FROM portfolio_event ORDER BY 1, 2, 3, 4"))
            ],
            [
                tuple(r)
                for r in session.execute(
                    text("SELECT * FROM portfolio_chain_event ORDER BY 1, 2, 3, 4")
                )
            ],
        )


def _checked(services: Services, chain: str) -> dict[str, Any]:
    """Every period's figures from the summary against the rows and the tables, and a full
    rebuild against the incremental state; returns the first period's chain figures' events."""
    service = services.portfolio
    service.refresh_summary()
    incremental = _rows(services)
    first: dict[str, Any] = {}
    for flt in _periods(chain):
        portfolio = service._compute(flt)  # not the figures kept: ORM edits announce nothing
        with service._reading() as session:
            assert service._prepared(session, flt, True).events_summary  # read from the summary
        figures = portfolio.chains[0] if flt.chain_ids else portfolio.total
        assert _shown(figures) == _expected(services, flt), flt
        with service._reading() as session:
            query = queries.materialize(session, service._query(flt))
            assert not query.events_summary
            assert service._portfolio(session, query, flt) == portfolio, flt
        first = first or _shown(figures)
    service.rebuild_summary()
    assert _rows(services) == incremental
    return first


def _start(services: Services, org: str, day: date, checklist: str = "nqi-clinic") -> str:
    return services.assessments.start(
        org,
        checklist_id=checklist,
        checklist_version=_version(services, checklist),
        title="门诊",
        visit_kind=VisitKind.ONSITE_CLINIC,
        visit_date=day,
    )


def _visit_of(services: Services, assessment: str) -> str:
    with services.database.read_session() as session:
        found = session.get(Assessment, assessment)
        assert found is not None and found.visit_id is not None
        return found.visit_id


@pytest.fixture
def chains(services: Services) -> dict[str, str]:
    """Two chains; S1 supplies in both (the total counts its events once)."""
    ids = {key: services.organizations.create(f"{key} 公司").id for key in ("L", "S1", "S2", "M")}
    ids["K1"] = services.chains.create("铜产业链").id
    ids["K2"] = services.chains.create("光伏产业链").id
    services.chains.add(ids["K1"], ids["L"])
    services.chains.add(ids["K1"], ids["S1"], ids["L"])
    services.chains.add(ids["K1"], ids["S2"], ids["L"])
    services.chains.add(ids["K2"], ids["M"])
    services.chains.add(ids["K2"], ids["S1"], ids["M"])
    return ids


def test_the_events_summary_follows_every_kind_of_edit(
    services: Services, chains: dict[str, str]
) -> None:
    assert services.portfolio.refresh_summary() is None  # never built: a full rebuild
    assert _checked(services, chains["K1"])["kinds"] == {}

    clinic = _start(services, chains["S1"], date(YEAR, 3, 14))  # a visit, in both chains
    _start(services, chains["M"], date(YEAR, 3, 31))
    assert _checked(services, chains["K1"])["kinds"] == {"visit": 1}

    visit = _visit_of(services, clinic)
    with services.database.session() as session:  # moved to another month
        found = session.get(Visit, visit)
        assert found is not None
        found.visit_date = date(YEAR, 5, 2)
    assert _checked(services, chains["K1"])["by_month"] == {(f"{YEAR}-05", "visit"): 1}

    case = services.cases.register(chains["S2"], NqiCategory.METROLOGY, "计量器具未检定").id
    services.cases.edit(case, diagnosis="未建立周期检定计划", prescription="送检")
    for status in (CaseStatus.DIAGNOSED, CaseStatus.PRESCRIBED):
        services.cases.move(case, status)
    services.cases.move(case, CaseStatus.RESOLVED, resolved_on=date(YEAR, 4, 20))
    figures = _checked(services, chains["K1"])
    assert figures["kinds"] == {"visit": 1, "case": 1, "solved": 1}
    assert figures["solved"] == {"metrology": 1}

    with services.database.session() as session:
        provider = Provider(name="江西省计量测试研究院", kind=ProviderKind.METROLOGY)
        session.add(provider)
        session.flush()
        provider_id = provider.id
    referral = services.referrals.refer(
        provider_id, NqiCategory.METROLOGY, "检定", case_id=case, requested_on=date(YEAR, 2, 1)
    ).id
    services.referrals.move(referral, ReferralStatus.ACCEPTED, on=date(YEAR, 2, 3))
    services.referrals.move(referral, ReferralStatus.DELIVERED, on=date(YEAR, 3, 15))
    assert _checked(services, chains["K1"])["referred"] == {"metrology": 1}

    signed = _start(services, chains["S2"], date(YEAR, 4, 29), "supplier-4level")
    for question in ("QSC.3", "QSC.4", "IMC.1", "PC.1"):
        services.answers.save_answer(signed, question, 5)
    services.assessments.complete(signed)
    services.assessments.record_score(signed, 95.0, "A")
    services.assessments.sign(signed, [Signer(SignerRole.CONSULTANT, "李强")])
    assert _checked(services, chains["K1"])["kinds"]["assessment"] == 1

    pushed = services.sync.pending_changes(limit=5000).changes
    record = next(c for c in pushed if c["entity"] == "assessment" and c["row_id"] == signed)
    deleted = {
        "entity": "assessment",
        "row_id": signed,
        "organization_id": chains["S2"],
        "revision": 1,
        "fields": record["fields"],
        "deleted": True,
        "seq": 1,
    }
    services.sync.apply_page(chains["S2"], [deleted], 1)  # a pulled deletion
    assert "assessment" not in _checked(services, chains["K1"])["kinds"]

    record = next(c for c in pushed if c["entity"] == "visit" and c["row_id"] == visit)
    moved = {
        "entity": "visit",
        "row_id": visit,
        "organization_id": chains["S1"],
        "revision": 3,
        "fields": {**record["fields"], "visit_date": f"{YEAR}-03-10"},
        "deleted": False,
        "seq": 2,
    }
    services.sync.apply_page(chains["S1"], [moved], 2)  # a pulled change of the visit's day
    months = _checked(services, chains["K1"])["by_month"]
    assert months[(f"{YEAR}-03", "visit")] == 1 and (f"{YEAR}-05", "visit") not in months

    with services.database.session() as session:  # deleted
        found = session.get(Visit, visit)
        assert found is not None
        found.deleted_at = datetime.now(UTC)
    months = _checked(services, chains["K1"])["by_month"]
    assert (f"{YEAR}-03", "visit") not in months and months[(f"{YEAR}-04", "visit")] == 1  # S2's

    every = PortfolioFilter((), None, date(YEAR, 1, 1), TOMORROW, TODAY)
    assert services.portfolio._compute(every).total.problems.received == 1
    services.chains.remove(chains["K1"], chains["S2"])  # its case leaves every chain
    assert _checked(services, chains["K1"])["kinds"] == {}
    assert services.portfolio._compute(every).total.problems.received == 0


def test_a_database_with_data_at_0016_is_backed_up_migrated_and_summarised(
    services: Services, chains: dict[str, str], data_dir: Path
) -> None:
    from alembic import command

    from qclinic.storage.database import create_database_engine
    from qclinic.storage.migrate import alembic_config
    from qclinic.storage.startup import open_database

    _start(services, chains["S1"], date(YEAR, 3, 14))
    _start(services, chains["S2"], date(YEAR, 6, 1))
    expected = [_expected(services, flt) for flt in _periods(chains["K1"])]
    path = services.database.path
    services.database.dispose()
    engine = create_database_engine(path, foreign_keys=False)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0016")
    engine.dispose()
    shutil.rmtree(data_dir / "backups", ignore_errors=True)

    database = open_database(path, attachments_dir=data_dir / "attachments")
    try:
        (backup,) = (data_dir / "backups").iterdir()
        assert backup.name.endswith("-rev0016.sqlite")
        migrated = Services(database)
        assert migrated.portfolio.refresh_summary() is None  # the watermark was removed
        for flt, counted in zip(_periods(chains["K1"]), expected, strict=True):
            portfolio = migrated.portfolio.figures(flt)
            assert _shown(portfolio.chains[0] if flt.chain_ids else portfolio.total) == counted
    finally:
        database.dispose()


def test_the_province_is_built_with_its_events_summarised(services: Services) -> None:
    """The synthetic province writes no change-log lines: its build fills the summary, whose
    events then equal the rows' and the tables', for every period, with nothing left to do."""
    from qclinic.services.demo.province import ProvinceService

    ProvinceService(services.database, services.bus).build(3, 30, seed=3)
    assert services.portfolio.refresh_summary() == 0
    with services.database.read_session() as session:
        assert session.execute(text("SELECT COUNT(*) FROM portfolio_chain_event")).scalar_one()
        chain = session.execute(text("SELECT MIN(id) FROM chain")).scalar_one()
    _checked(services, chain)
