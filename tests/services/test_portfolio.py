"""The portfolio figures (``services.portfolio``) against a small hand-built database.

The database is described once as plain data (:data:`ORGS`, :data:`ASSESSMENTS`, ...); the rows
are written from it, and every expected figure is worked out again from the same description by
the small reference functions below (Python over the description, not the SQL), then compared.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import text

from qclinic.core.overdue import is_overdue
from qclinic.core.portfolio import (
    COVERAGE_KEYS,
    GRADES,
    IN_PLACE_PERCENT,
    PortfolioFilter,
    coverage_questions,
    in_place_values,
)
from qclinic.services import Services
from qclinic.storage.models import (
    Action,
    Answer,
    Assessment,
    Chain,
    ChainMember,
    ClinicCase,
    Organization,
    Visit,
)

# --- the database, as data ----------------------------------------------------------------------
#: org key → (name, cqo name, deleted)
ORGS = {
    "L1": ("江铜集团", "王总", False),
    "S1": ("鹰潭精密铜材有限公司", "  ", False),
    "S2": ("贵溪线缆有限公司", "李工", False),
    "S3": ("已注销铜业有限公司", "赵工", True),
    "L2": ("南昌电子股份有限公司", None, False),
    "S4": ("赣州电子元件厂", None, False),
}
#: chain key → (name, region, members: org → (role, tier, customer))
CHAINS = {
    "K1": (
        "有色金属产业链",
        "鹰潭",
        {
            "L1": ("chain-leader", 0, None),
            "S1": ("supplier", 1, "L1"),
            "S2": ("supplier", 2, "S1"),
            "S3": ("supplier", 1, "L1"),
        },
    ),
    "K2": (
        "电子信息产业链",
        "南昌",
        {
            "L2": ("chain-leader", 0, None),
            "S1": ("supplier", 1, "L2"),
            "S4": ("supplier", 1, "L2"),
        },
    ),
}
#: key → (org, checklist, status, grade, score, completed/signed day, amends, answers)
ASSESSMENTS: dict[str, tuple[Any, ...]] = {
    "a1": ("S1", "supplier-4level", "signed", "C", 74.0, "2025-06-01", None, {"QSC.1": "yes"}),
    "a2": ("S1", "supplier-4level", "signed", "B", 84.0, "2026-03-01", None, {"QSC.1": "yes"}),
    "a3": ("S1", "supplier-4level", "draft", "D", 50.0, None, None, {}),
    "a4": ("S2", "supplier-4level", "signed", "A", 93.0, "2026-02-01", None, {}),
    "a5": ("S2", "supplier-4level", "signed", "B", 81.5, "2026-02-10", "a4", {"PC.2": 4}),
    "a6": ("S2", "supplier-4level", "completed", "A", 95.0, "2026-04-01", None, {"PC.2": 1}),
    "a7": (
        "S1",
        "nqi-clinic",
        "completed",
        "B",
        80.0,
        "2026-02-01",
        None,
        {"QMS.1": 4, "SPC.2": 2, "APQP.1": 3},
    ),
    "a8": ("S1", "nqi-clinic", "completed", "C", 71.0, "2026-05-01", None, {"QMS.1": 1}),
    "a9": ("L1", "msa", "completed", None, 90.0, "2026-05-05", None, {"M2.2": "yes"}),
    "a10": ("L1", "apqp", "draft", None, None, None, None, {"A4.5": "yes"}),
    "a11": ("S4", "supplier-4level", "signed", "D", 55.0, "2026-08-01", None, {"QSC.1": "no"}),
    "a12": ("S4", "spc", "completed", None, 70.0, "2026-01-15", None, {"S3.1": "na"}),
    "a13": ("S3", "supplier-4level", "signed", "A", 99.0, "2026-02-01", None, {}),
    "a14": (
        "L2",
        "nqi-clinic",
        "signed",
        "A",
        92.0,
        "2025-12-01",
        None,
        {"QMS.1": 5, "APQP.1": 4, "MSA.2": 3, "SPC.2": 3},
    ),
}
#: (org, day)
VISITS = [("S1", "2026-02-01"), ("S1", "2025-12-31"), ("L1", "2026-06-30"), ("S4", "2026-07-01")]
#: (org, NQI category, registered day, resolved day)
CASES = [
    ("S1", "metrology", "2026-02-01", "2026-03-01"),
    ("S2", "standards", "2025-11-01", "2026-01-10"),
    ("S2", "standards", "2026-05-20", None),
    ("L2", "special-equipment", "2026-06-01", "2026-07-05"),
]
#: key → (org, owner, status, due day, copied from)
ACTIONS: dict[str, tuple[Any, ...]] = {
    "x1": ("S1", "张工", "open", "2026-06-30", None),
    "x2": ("S1", "张工", "in-progress", "2026-07-01", None),
    "x3": ("S1", "李工", "done", "2026-01-01", None),
    "x4": ("L1", "王工", "open", None, None),
    "x5": ("S2", "李工", "open", "2026-03-01", None),
    "x6": ("S2", "李工", "open", "2026-03-01", "x5"),
    "x7": ("S4", "周工", "in-progress", "2026-02-01", None),
}
START, END, TODAY = date(2026, 1, 1), date(2026, 6, 30), date(2026, 7, 1)


def _at(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(hour=9, tzinfo=UTC)


@pytest.fixture
def built(services: Services) -> dict[str, str]:
    """Write the database described above; returns key → row id."""
    ids: dict[str, str] = {}
    with services.database.session() as session:
        for key, (name, cqo, _deleted) in ORGS.items():
            org = Organization(name=name, cqo_name=cqo)
            session.add(org)
            session.flush()
            ids[key] = org.id
        for key, (name, region, members) in CHAINS.items():
            chain = Chain(name=name, region=region)
            session.add(chain)
            session.flush()
            ids[key] = chain.id
            for org, (role, tier, customer) in members.items():
                session.add(
                    ChainMember(
                        chain_id=chain.id,
                        organization_id=ids[org],
                        role=role,
                        tier=tier,
                        customer_id=ids[customer] if customer else None,
                    )
                )
        for key, (
            org,
            checklist,
            status,
            grade,
            score,
            day,
            amends,
            answers,
        ) in ASSESSMENTS.items():
            row = Assessment(
                organization_id=ids[org],
                checklist_id=checklist,
                checklist_version="1",
                checklist_json={},
                title=key,
                status=status,
                grade=grade,
                score_percent=score,
                amends_id=ids[amends] if amends else None,
                completed_at=_at(day) if day else None,
                signed_at=_at(day) if day and status == "signed" else None,
            )
            session.add(row)
            session.flush()
            ids[key] = row.id
            for question, value in answers.items():
                session.add(
                    Answer(
                        assessment_id=row.id,
                        question_id=question,
                        value=None if value == "na" else value,
                        is_na=value == "na",
                        answered_at=_at(day or "2026-01-01"),
                    )
                )
        for org, day in VISITS:
            session.add(
                Visit(
                    organization_id=ids[org],
                    kind="onsite-clinic",
                    visit_date=date.fromisoformat(day),
                )
            )
        for n, (org, category, _day, resolved) in enumerate(CASES):
            case = ClinicCase(
                organization_id=ids[org],
                nqi_category=category,
                title=f"case {n}",
                status="resolved" if resolved else "registered",
                resolved_on=date.fromisoformat(resolved) if resolved else None,
            )
            session.add(case)
            session.flush()
            ids[f"case{n}"] = case.id
        for key, (org, owner, status, due, origin) in ACTIONS.items():
            action = Action(
                organization_id=ids[org],
                title=key,
                owner=owner,
                status=status,
                due_date=date.fromisoformat(due) if due else None,
                origin_id=ids[origin] if origin else None,
            )
            session.add(action)
            session.flush()
            ids[key] = action.id
        for key, (_name, _cqo, deleted) in ORGS.items():
            if deleted:
                session.get(Organization, ids[key]).deleted_at = _at("2026-01-02")  # type: ignore[union-attr]
    with services.database.session() as session:  # registration days are set by the clock
        for n, (_org, _category, day, _resolved) in enumerate(CASES):
            session.execute(
                text("UPDATE clinic_case SET created_at = :at WHERE id = :id"),
                {"at": f"{day} 08:00:00.000000", "id": ids[f"case{n}"]},
            )
    return ids


# --- the reference: the definitions of core/portfolio.py, worked out over the description -------
def _live_members(chain: str | None) -> dict[str, tuple[str, int, str | None]]:
    chains = [chain] if chain else list(CHAINS)
    found: dict[str, tuple[str, int, str | None]] = {}
    for key in chains:
        for org, member in CHAINS[key][2].items():
            if not ORGS[org][2]:
                found.setdefault(org, member)
    return found


def _grade(org: str, as_of: date) -> str:
    cut = as_of.isoformat()
    signed = {
        k: a
        for k, a in ASSESSMENTS.items()
        if a[0] == org and a[1] == "supplier-4level" and a[2] == "signed" and a[5] <= cut
    }
    superseded = {a[6] for a in signed.values() if a[6]}
    live = [(a[5], a[3]) for k, a in signed.items() if k not in superseded]
    return max(live)[1] if live else "ungraded"


def _grades(chain: str | None, as_of: date) -> dict[str, int]:
    counts = dict.fromkeys(GRADES, 0)
    for org, (role, _tier, _customer) in _live_members(chain).items():
        if role == "supplier" or (chain is None and _is_supplier_anywhere(org)):
            counts[_grade(org, as_of)] += 1
    return counts


def _is_supplier_anywhere(org: str) -> bool:
    return any(members.get(org, ("",))[0] == "supplier" for _n, _r, members in CHAINS.values())


def _in_place(org: str, key: str, as_of: date) -> bool:
    """The latest completed or signed assessment on a checklist with a question tagged *key*
    decides, by its answer to that question (amendments supersede what they amend)."""
    tagged = {q.checklist_id: q for q in _tags() if q.key == key}
    cut = as_of.isoformat()
    done = {
        k: a
        for k, a in ASSESSMENTS.items()
        if a[0] == org and a[2] in ("completed", "signed") and a[5] <= cut and a[1] in tagged
    }
    superseded = {a[6] for a in done.values() if a[6]}
    candidates = [(a[5], k) for k, a in done.items() if k not in superseded]
    if not candidates:
        return False
    _day, latest = max(candidates)
    question = tagged[ASSESSMENTS[latest][1]]
    value = ASSESSMENTS[latest][7].get(question.question_id, "na")
    return value != "na" and value in _scores_enough(question)


def _scores_enough(question: Any) -> tuple[Any, ...]:
    import json

    return tuple(json.loads(v) for v in question.in_place_values)


def _tags() -> tuple[Any, ...]:
    from qclinic.core.checklists.library import builtin

    return coverage_questions(builtin().all())


# --- tests ----------------------------------------------------------------------------------------
FILTER = PortfolioFilter(start=START, end=END, today=TODAY)


def test_companies_by_role_and_tier_count_live_members_once_in_the_total(
    services: Services, built: dict[str, str]
) -> None:
    portfolio = services.portfolio.figures(FILTER)
    by_id = {chain.id: chain for chain in portfolio.chains}
    for key in CHAINS:
        members = _live_members(key)
        figures = by_id[built[key]]
        assert figures.name == CHAINS[key][0]
        assert figures.companies == len(members)
        roles: dict[str, int] = {}
        tiers: dict[int, int] = {}
        for role, tier, _customer in members.values():
            roles[role] = roles.get(role, 0) + 1
            tiers[tier] = tiers.get(tier, 0) + 1
        assert dict(figures.by_role) == roles
        assert dict(figures.by_tier) == tiers
    assert portfolio.total.companies == len(_live_members(None))  # S1 sits in both chains


def test_grades_are_the_latest_signed_evaluation_amendments_superseding(
    services: Services, built: dict[str, str]
) -> None:
    portfolio = services.portfolio.figures(FILTER)
    for chain in portfolio.chains:
        key = next(k for k in CHAINS if built[k] == chain.id)
        assert dict(chain.grades) == _grades(key, END)
        assert chain.previous_grades is not None
        assert dict(chain.previous_grades) == _grades(key, date(2025, 12, 31))
    assert dict(portfolio.total.grades) == _grades(None, END)
    k1 = next(c for c in portfolio.chains if c.id == built["K1"])
    # S1 rose from C to B; S2 was ungraded and is B (its A was amended to B)
    assert dict(k1.movement) == {("C", "B"): 1, ("ungraded", "B"): 1}
    grade_b = services.portfolio.companies(FILTER, "grade", "B", built["K1"])
    assert {c.id for c in grade_b} == {built["S1"], built["S2"]}
    assert services.portfolio.companies(FILTER, "movement", "C>B", built["K1"])[0].id == built["S1"]


def test_four_times_100_percent_follows_the_tagged_answers_of_the_latest_assessment(
    services: Services, built: dict[str, str]
) -> None:
    portfolio = services.portfolio.figures(FILTER)
    for chain in portfolio.chains:
        key = next(k for k in CHAINS if built[k] == chain.id)
        members = _live_members(key)
        for cov in COVERAGE_KEYS:
            expected = sum(_in_place(org, cov, END) for org in members)
            assert chain.coverage[cov].covered == expected, (key, cov)
            assert chain.coverage[cov].of == len(members)
    traces = services.portfolio.coverage_trace(FILTER, built["K1"])
    s1_iso = next(t for t in traces if t.company.id == built["S1"] and t.key == "iso9001")
    # the later nqi-clinic assessment (QMS.1 = 1) decides, not the signed 4-level one (QSC.1 yes)
    assert (s1_iso.assessment_id, s1_iso.question_id, s1_iso.answer, s1_iso.in_place) == (
        built["a8"],
        "QMS.1",
        1,
        False,
    )
    l1_msa = next(t for t in traces if t.company.id == built["L1"] and t.key == "msa")
    assert (l1_msa.assessment_id, l1_msa.in_place) == (built["a9"], True)
    covered = services.portfolio.companies(FILTER, "coverage:msa", "", built["K1"])
    assert [c.id for c in covered] == [built["L1"]]


def test_in_place_means_scoring_at_least_the_threshold() -> None:
    from qclinic.core.checklists.library import builtin

    nqi = builtin().load("nqi-clinic")
    assert IN_PLACE_PERCENT == 60.0
    assert set(in_place_values(nqi.question("QMS.1"))) == {3, 4, 5}
    supplier = builtin().load("supplier-4level")
    assert in_place_values(supplier.question("QSC.1")) == ("yes",)
    keys = {q.key for q in _tags()}
    assert keys == set(COVERAGE_KEYS)


def test_cqo_services_problems_and_actions(services: Services, built: dict[str, str]) -> None:
    portfolio = services.portfolio.figures(FILTER)
    lo, hi = START.isoformat(), END.isoformat()
    for chain in [*portfolio.chains, portfolio.total]:
        key = next((k for k in CHAINS if built[k] == chain.id), None)
        members = _live_members(key)
        assert chain.cqo_appointed == sum(bool((ORGS[o][1] or "").strip()) for o in members)
        assert chain.services.visits == sum(o in members and lo <= d <= hi for o, d in VISITS)
        assert chain.services.assessments == sum(
            a[0] in members and a[2] != "draft" and a[6] is None and lo <= a[5] <= hi
            for a in ASSESSMENTS.values()
        )
        received = [c for c in CASES if c[0] in members and lo <= c[2] <= hi]
        solved = [c for c in CASES if c[0] in members and c[3] and lo <= c[3] <= hi]
        assert chain.services.cases == len(received)
        assert (chain.problems.received, chain.problems.solved) == (len(received), len(solved))
        fields = {c[1] for c in received + solved}
        assert {k: (v.received, v.solved) for k, v in chain.problems_by_field.items()} == {
            f: (sum(c[1] == f for c in received), sum(c[1] == f for c in solved)) for f in fields
        }
        copied = {a[4] for a in ACTIONS.values() if a[4]}
        live = [a for k, a in ACTIONS.items() if a[0] in members and k not in copied]
        open_ = [a for a in live if a[2] in ("open", "in-progress")]
        assert chain.actions_open == len(open_)
        assert chain.actions_overdue == sum(is_overdue(a[2], a[3], TODAY) for a in open_)
    k1 = next(c for c in portfolio.chains if c.id == built["K1"])
    assert [(m.month, m.services.visits) for m in k1.by_month if m.services.visits] == [
        ("2026-02", 1),
        ("2026-06", 1),
    ]
    owners = {o.owner: (o.open, o.overdue) for o in k1.actions_by_owner}
    assert owners == {"张工": (2, 1), "王工": (1, 0), "李工": (1, 1)}
    assert [w.company.id for w in k1.weakest] == [built["S2"], built["S1"]]


def test_filters_by_chain_and_region(services: Services, built: dict[str, str]) -> None:
    only = services.portfolio.figures(
        PortfolioFilter(chain_ids=(built["K2"],), start=START, end=END, today=TODAY)
    )
    assert [c.id for c in only.chains] == [built["K2"]]
    assert only.total.companies == len(_live_members("K2"))
    region = services.portfolio.figures(
        PortfolioFilter(region="鹰潭", start=START, end=END, today=TODAY)
    )
    assert [c.id for c in region.chains] == [built["K1"]]


def test_supplier_table_of_a_chain(services: Services, built: dict[str, str]) -> None:
    rows = services.portfolio.suppliers(FILTER, built["K1"])
    assert [(r.company.id, r.tier) for r in rows] == [
        (built["L1"], 0),
        (built["S1"], 1),
        (built["S2"], 2),
    ]
    s2 = rows[2]
    assert s2.customer is not None and s2.customer.id == built["S1"]
    assert (s2.grade, s2.previous_grade) == (_grade("S2", END), _grade("S2", date(2025, 12, 31)))
    assert s2.coverage["spc"] == _in_place("S2", "spc", END)
    assert (s2.actions_open, s2.actions_overdue) == (1, 1)


def test_the_figures_never_read_assessment_or_answer_rows(
    services: Services, built: dict[str, str]
) -> None:
    """An assessment row holds its frozen checklist: every read of it (and of answers) must come
    from a covering index (migration 0010), whatever the planner's statistics."""
    import re

    query = services.portfolio._query(FILTER)
    checked = 0
    aliases = {"a": "assessment", "b": "assessment", "an": "answer", "assessment": "assessment"}
    with services.database.read_session() as session:
        for name, _body in query.parts:
            if name.startswith("tagged"):
                continue
            plan = session.execute(
                text(f"EXPLAIN QUERY PLAN {query.with_()} SELECT * FROM {name.partition('(')[0]}"),
                query.params,
            ).all()
            for row in plan:
                step = str(row[-1])
                found = re.match(r"(SCAN|SEARCH) (\w+)", step)
                if found and found.group(2) in aliases:
                    assert "COVERING INDEX" in step, (name, step)
                    checked += 1
    assert checked >= 6  # the grades (with amendments), the deciding assessments and answers


def test_a_chain_taken_from_all_chains_equals_it_computed_alone(
    services: Services, built: dict[str, str]
) -> None:
    from qclinic.services import ChangeEvent, Origin
    from qclinic.services.portfolio import PortfolioService

    every = services.portfolio.figures(FILTER)
    assert services.portfolio.figures(FILTER) is every  # kept until the next change
    for key in CHAINS:
        one = PortfolioFilter((built[key],), None, START, END, TODAY)
        switched = services.portfolio.figures(one)
        alone = PortfolioService(services.database, type(services.bus)())._compute(one)
        assert switched == alone
    services.bus.publish(ChangeEvent("organization", (built["S1"],), Origin.LOCAL, None))
    assert services.portfolio.figures(FILTER) is not every
    assert services.portfolio.figures(FILTER) == every
