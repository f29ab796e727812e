"""The rule of :func:`qclinic.core.outcomes.totals`: a before → after change is told over the same
companies, and rates (pass rate, PPM) are averaged, never added up. Worked by hand below."""

from __future__ import annotations

from datetime import date

import pytest

from qclinic.core.outcomes import Point, totals
from qclinic.core.vocabulary import OutcomeKind

Q1, Q4 = date(2026, 3, 31), date(2026, 12, 31)


def _series(*values: float) -> list[Point]:
    return [Point(day, v) for day, v in zip((Q1, Q4), values, strict=False)]


def test_a_change_is_told_over_the_companies_that_reported_twice() -> None:
    # A 96 → 98, B 90 → 91, C (one figure, 80: it only joined in Q4)
    companies = [
        {OutcomeKind.PASS_RATE: _series(96, 98), OutcomeKind.PPM: _series(400, 250)},
        {OutcomeKind.PASS_RATE: _series(90, 91), OutcomeKind.PPM: _series(1200, 900)},
        {OutcomeKind.PASS_RATE: _series(80), OutcomeKind.PPM: _series(5000)},
    ]
    found = {t.kind: t for t in totals(companies)}
    rate = found[OutcomeKind.PASS_RATE]
    # (96 + 90) / 2 = 93 → (98 + 91) / 2 = 94.5; C, which never changed, would drag "after" to
    # (98 + 91 + 80) / 3 = 89.7 and make the clinic look harmful
    assert (rate.companies, rate.compared) == (3, 2)
    assert (rate.before, rate.after) == (pytest.approx(93.0), pytest.approx(94.5))
    ppm = found[OutcomeKind.PPM]
    # a mean, not a sum: (400 + 1200) / 2 = 800 → (250 + 900) / 2 = 575
    assert (ppm.before, ppm.after) == (pytest.approx(800.0), pytest.approx(575.0))


def test_without_a_second_figure_the_total_is_the_latest_of_every_company() -> None:
    companies = [
        {OutcomeKind.PPM: _series(300), OutcomeKind.CERTIFICATES: _series(4)},
        {OutcomeKind.PPM: _series(500), OutcomeKind.CERTIFICATES: _series(3)},
    ]
    found = {t.kind: t for t in totals(companies)}
    assert (found[OutcomeKind.PPM].before, found[OutcomeKind.PPM].after) == (None, 400.0)
    certificates = found[OutcomeKind.CERTIFICATES]
    assert (certificates.before, certificates.after, certificates.compared) == (None, 7.0, 0)


def test_counts_are_added_over_the_same_companies() -> None:
    companies = [
        {OutcomeKind.CERTIFICATES: _series(2, 5), OutcomeKind.PATENTS: _series(1, 2)},
        {OutcomeKind.CERTIFICATES: _series(9), OutcomeKind.PATENTS: _series(4)},
    ]
    found = {t.kind: t for t in totals(companies)}
    assert (found[OutcomeKind.CERTIFICATES].before, found[OutcomeKind.CERTIFICATES].after) == (
        2.0,
        5.0,
    )
    # a flow adds every period of every company: 1 + 2 + 4
    assert (found[OutcomeKind.PATENTS].before, found[OutcomeKind.PATENTS].after) == (None, 7.0)
