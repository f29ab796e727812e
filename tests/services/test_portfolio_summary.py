"""The portfolio's summary (schema 0014) follows every kind of edit through the change log.

After each edit — signing, an answer changed, amending, a member moved, a pulled change and a
pulled deletion through ``services.sync`` — the figures read from the summary equal the same
figures derived from the history (assessments and answers), only the edited company is computed
again, and a full rebuild gives exactly the rows the incremental updates left.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from qclinic.core.portfolio import ChainFigures, PortfolioFilter
from qclinic.core.vocabulary import SignerRole, VisitKind
from qclinic.services import Services
from qclinic.services.assessments import Signer
from qclinic.storage import portfolio as queries
from qclinic.storage import portfolio_summary

TODAY = date.today()
#: a period ending after every stamp written today (whatever the time zone): the summary answers
NOW = PortfolioFilter(start=date(TODAY.year, 1, 1), end=TODAY + timedelta(days=1))


def _version(services: Services, checklist_id: str) -> str:
    """The built-in checklist's version, installed in the library if the test's is without it."""
    from qclinic.core.checklists.library import builtin
    from qclinic.storage.library import list_versions

    checklist = next(c for c in builtin().all() if c.id == checklist_id)
    if checklist.version not in {e.version for e in list_versions(services.database, checklist_id)}:
        services.library.install(checklist)
    return checklist.version


def _history(services: Services, flt: PortfolioFilter) -> Any:
    """The figures derived from assessments and answers, the summary left aside."""
    service = services.portfolio
    with service._reading() as session:
        query = queries.materialize(session, service._query(flt))
        return service._portfolio(session, query, flt), queries.members(
            session, query, flt.chain_ids[0]
        )


def _rows(services: Services) -> tuple[list[Any], list[Any]]:
    with services.database.read_session() as session:
        return (
            [tuple(r) for r in session.execute(text("SELECT * FROM portfolio_summary ORDER BY 1"))],
            [
                tuple(r)
                for r in session.execute(text("SELECT * FROM portfolio_coverage ORDER BY 1, 2"))
            ],
        )


def _checked(services: Services, chain: str, recomputed: int) -> ChainFigures:
    """The chain's figures from the summary, after checking them against the history, that
    *recomputed* companies were computed again, and that a full rebuild changes nothing."""
    service = services.portfolio
    assert service.refresh_summary() == recomputed
    flt = PortfolioFilter((chain,), None, NOW.start, NOW.end, NOW.today)
    fresh = service._compute(flt)
    with service._reading() as session:
        assert portfolio_summary.covers(session, queries.facts_query(flt, ()).params["cut"])
    view = service.chain_view(chain, flt)
    history, members = _history(services, flt)
    assert fresh == history and view.figures == history.chains[0]
    assert [s.company.id for s in view.suppliers] == [m["org_id"] for m in members]
    assert [(s.grade, s.coverage["iso9001"]) for s in view.suppliers] == [
        (m["grade_now"] or "ungraded", bool(m["cov_iso9001"])) for m in members
    ]
    incremental = _rows(services)
    service.rebuild_summary()
    assert _rows(services) == incremental
    assert service.refresh_summary() == 0
    return fresh.chains[0]


def _sign(services: Services, assessment: str, grade: str | None = None) -> None:
    services.assessments.complete(assessment)
    if grade is not None:  # a few answers do not grade: the runner's cached score does
        services.assessments.record_score(assessment, 95.0 if grade == "A" else 50.0, grade)
    services.assessments.sign(assessment, [Signer(SignerRole.CONSULTANT, "李强")])


def _evaluate(services: Services, org: str, level: int) -> str:
    """A signed 4-level evaluation answering a few maturity questions at *level*."""
    assessment = services.assessments.start(
        org,
        checklist_id="supplier-4level",
        checklist_version=_version(services, "supplier-4level"),
        title="4-level",
        visit_kind=VisitKind.ONSITE_CLINIC,
        visit_date=TODAY,
    )
    for question in ("QSC.3", "QSC.4", "IMC.1", "PC.1"):
        services.answers.save_answer(assessment, question, level)
    _sign(services, assessment, "A" if level == 5 else "D")
    return assessment


@pytest.fixture
def chain(services: Services) -> dict[str, str]:
    ids = {key: services.organizations.create(f"{key} 公司").id for key in ("L", "S1", "S2")}
    ids["chain"] = services.chains.create("铜产业链").id
    services.chains.add(ids["chain"], ids["L"])
    services.chains.add(ids["chain"], ids["S1"], ids["L"])
    services.chains.add(ids["chain"], ids["S2"], ids["L"])
    return ids


def test_the_summary_follows_signing_answers_amending_moving_and_pulled_changes(
    services: Services, chain: dict[str, str]
) -> None:
    assert services.portfolio.refresh_summary() is None  # never built: a full rebuild
    first = _checked(services, chain["chain"], 0)
    assert first.grades["ungraded"] == 2 and first.coverage["iso9001"].covered == 0

    signed = _evaluate(services, chain["S1"], 5)
    figures = _checked(services, chain["chain"], 1)
    assert figures.grades["A"] == 1 and figures.grades["ungraded"] == 1, figures.grades

    clinic = services.assessments.start(
        chain["S2"],
        checklist_id="nqi-clinic",
        checklist_version=_version(services, "nqi-clinic"),
        title="门诊",
        visit_kind=VisitKind.ONSITE_CLINIC,
        visit_date=TODAY,
    )
    services.answers.save_answer(clinic, "QMS.1", 5)
    services.answers.save_answer(clinic, "QMS.2", 4)
    services.assessments.complete(clinic)
    assert _checked(services, chain["chain"], 1).coverage["iso9001"].covered == 1

    services.answers.save_answer(clinic, "QMS.1", 1)  # the assessment is a draft again
    assert _checked(services, chain["chain"], 1).coverage["iso9001"].covered == 0
    services.answers.save_note(clinic, "QMS.1", "体系文件未发布")  # a low maturity needs one
    services.assessments.complete(clinic)
    assert _checked(services, chain["chain"], 1).coverage["iso9001"].covered == 0

    amendment = services.assessments.amend(signed)
    for question in ("QSC.3", "QSC.4", "IMC.1", "PC.1"):
        services.answers.save_answer(amendment, question, 1)
        services.answers.save_note(amendment, question, "未建立")
    _sign(services, amendment, "D")
    figures = _checked(services, chain["chain"], 1)
    assert figures.grades["A"] == 0 and figures.grades["D"] == 1

    services.chains.move(chain["chain"], chain["S2"], chain["S1"])
    assert _checked(services, chain["chain"], 0).by_tier == {0: 1, 1: 1, 2: 1}

    pushed = services.sync.pending_changes(limit=5000).changes
    answer = next(
        c
        for c in pushed
        if c["entity"] == "answer"
        and c["fields"]["assessment_id"] == clinic
        and c["fields"]["question_id"] == "QMS.1"
    )
    pulled = {
        "entity": "answer",
        "row_id": answer["row_id"],
        "organization_id": chain["S2"],
        "revision": 1,
        "fields": {**answer["fields"], "value": 4},
        "deleted": False,
        "seq": 1,
    }
    services.sync.apply_page(chain["S2"], [pulled], 1)
    assert _checked(services, chain["chain"], 1).coverage["iso9001"].covered == 1

    record = next(c for c in pushed if c["entity"] == "assessment" and c["row_id"] == amendment)
    deleted = {
        "entity": "assessment",
        "row_id": amendment,
        "organization_id": chain["S1"],
        "revision": 1,
        "fields": record["fields"],
        "deleted": True,
        "seq": 2,
    }
    services.sync.apply_page(chain["S1"], [deleted], 2)
    figures = _checked(services, chain["chain"], 1)
    assert figures.grades["A"] == 1 and figures.grades["D"] == 0  # the original counts again


def test_a_period_ending_before_the_newest_data_is_read_from_the_history(
    services: Services, chain: dict[str, str]
) -> None:
    _evaluate(services, chain["S1"], 5)
    services.portfolio.refresh_summary()
    past = PortfolioFilter((chain["chain"],), None, None, TODAY - timedelta(days=1), TODAY)
    with services.database.read_session() as session:
        assert not portfolio_summary.covers(session, queries.facts_query(past, ()).params["cut"])
    figures = services.portfolio.figures(past).chains[0]
    assert figures.grades["A"] == 0 and figures.grades["ungraded"] == 2


def test_changed_coverage_tags_or_a_lost_watermark_rebuild_everything(
    services: Services, chain: dict[str, str]
) -> None:
    questions = services.portfolio.coverage_questions()
    tags = portfolio_summary.signature(questions)
    assert services.portfolio.refresh_summary() is None
    with services.database.read_session() as session:
        assert portfolio_summary.pending(session, tags) is None
        assert portfolio_summary.pending(session, portfolio_summary.signature(questions[1:]))
    with services.database.session() as session:
        session.execute(text("DELETE FROM change_log"))  # pruned lines cannot be read
    _evaluate(services, chain["S1"], 5)
    with services.database.session() as session:
        session.execute(
            text("DELETE FROM change_log WHERE seq = (SELECT MIN(seq) FROM change_log)")
        )
    with services.database.read_session() as session:
        _top, mark = portfolio_summary.pending(session, tags) or (0, 0)
    assert mark is None


def test_an_up_to_date_summary_is_read_without_reading_the_checklists(
    services: Services, chain: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading the tags parses every checklist (half a second in a fresh process): a summary
    computed from the same library versions and files needs them only to compute again."""
    assert services.portfolio.refresh_summary() is None
    monkeypatch.setattr(
        type(services.portfolio), "coverage_questions", lambda _self: pytest.fail("tags read")
    )
    assert services.portfolio.refresh_summary() == 0
    assert services.portfolio.figures(NOW).total.companies == 3
