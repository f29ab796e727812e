"""The portfolio's pure parts: the ``coverage:`` tag of checklists and what "in place" means,
the previous period, the movement summary and the JSON shape."""

from __future__ import annotations

from datetime import date
from typing import Any

import yaml

from qclinic import paths
from qclinic.core.checklists.loader import build, check_data
from qclinic.core.portfolio import (
    COVERAGE_KEYS,
    GRADES,
    ChainFigures,
    Coverage,
    PortfolioFilter,
    Problems,
    Services,
    figures_json,
    in_place_values,
    movement_summary,
)


def _apqp() -> dict[str, Any]:
    path = paths.resources_dir() / "checklists" / "apqp.yaml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def test_the_coverage_tag_is_read_and_checked() -> None:
    data = _apqp()
    assert check_data(data, "apqp") == []
    assert build(data).question("A4.5").coverage == "apqp"
    first = data["sections"][0]["questions"][0]
    first["coverage"] = "msa"  # A4.2 decides msa already
    (problem,) = check_data(data, "apqp")
    assert problem[0][-1] == "coverage" and "A1.1" in problem[1].en
    first["coverage"] = "pqcs"
    assert "pqcs" in check_data(data, "apqp")[0][1].en
    first.update(coverage="iso9001", type="text")
    said = [message.en for _where, message in check_data(data, "apqp")]
    assert any("coverage" in line for line in said)  # a text question cannot decide it


def test_in_place_is_a_score_of_at_least_60_percent() -> None:
    data = _apqp()
    questions = data["sections"][0]["questions"]
    questions[0].update(type="maturity")
    questions[1].update(type="vda")
    questions[2].update(allow_partial=False)
    checklist = build(data)
    # maturity scores 20 % a level, VDA 10 % a point, yes-no yes 100 / partial 50 / no 0
    maturity = in_place_values(checklist.question(questions[0]["id"]))
    assert {v for v in maturity if isinstance(v, int)} == {v for v in range(6) if v * 20 >= 60}
    vda = in_place_values(checklist.question(questions[1]["id"]))
    assert {v for v in vda if isinstance(v, int)} == {v for v in (0, 4, 6, 8, 10) if v >= 6}
    assert in_place_values(checklist.question(questions[2]["id"])) == ("yes",)


def test_the_previous_period_has_the_same_length_and_ends_the_day_before() -> None:
    flt = PortfolioFilter(start=date(2026, 1, 1), end=date(2026, 3, 31), today=date(2026, 5, 1))
    previous = flt.previous
    assert previous is not None
    assert previous.end == date(2025, 12, 31)
    assert (previous.as_of - previous.start).days == (flt.as_of - flt.start).days  # type: ignore[operator]
    assert flt.previous_as_of == date(2025, 12, 31)
    open_ended = PortfolioFilter(today=date(2026, 5, 1))
    assert open_ended.previous is None and open_ended.as_of == date(2026, 5, 1)


def test_movement_counts_rises_and_falls_between_graded_suppliers() -> None:
    movement = {("C", "B"): 3, ("B", "D"): 1, ("A", "A"): 2, ("ungraded", "B"): 5}
    assert movement_summary(movement) == (3, 1, 2)


def test_the_json_shape_has_what_the_issue_asks() -> None:
    figures = ChainFigures(
        id="c1",
        name="链",
        companies=3,
        by_role={"supplier": 2, "chain-leader": 1},
        by_tier={0: 1, 1: 2},
        grades=dict.fromkeys(GRADES, 0),
        previous_grades=None,
        movement={},
        coverage={key: Coverage(1, 3) for key in COVERAGE_KEYS},
        cqo_appointed=1,
        services=Services(1, 2, 3),
        problems=Problems(3, 1),
        problems_by_field={"metrology": Problems(3, 1)},
        by_month=(),
        actions_open=4,
        actions_overdue=2,
        actions_by_company=(),
        actions_by_owner=(),
        weakest=(),
    )
    shaped = figures_json(figures)
    assert set(shaped) >= {
        "id", "name", "companies", "grades", "coverage", "cqo_appointed", "services",
        "problems", "actions",
    }  # fmt: skip
    assert set(shaped["grades"]) == {"A", "B", "C", "D", "ungraded"}
    assert shaped["coverage"]["spc"] == {"covered": 1, "of": 3}
    assert shaped["services"] == {
        "visits": 1,
        "assessments": 2,
        "cases": 3,
        "referrals": 0,
        "referrals_by_field": {},
    }
    assert shaped["problems"]["by_field"] == {"metrology": {"received": 3, "solved": 1}}
    assert (shaped["actions"]["open"], shaped["actions"]["overdue"]) == (4, 2)
