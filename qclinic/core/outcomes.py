"""Outcome figures: their units, what a valid figure is, and how they add up.

Pure functions over plain values, used by the outcomes service (to refuse a bad figure), the
organization page, the assessment report and the chain totals.

Two sorts of kind:

* **levels** — the state at the period's end: the pass rate (per cent), customer complaints and
  PPM of the period, certificates held. Compared between periods ("96 % → 98 %"); a total over
  companies takes the latest figure of each.
* **flows** — what happened in the period: standards drafted or revised, patents granted, awards
  won. Added up over the periods; a company's latest two figures still show its change.

A standards figure names the standards' level; one company, period, kind and level has one
figure, so a period's standards value is the sum over levels.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from qclinic.core.catalogue import text
from qclinic.core.text import Text
from qclinic.core.vocabulary import OutcomeKind, StandardLevel
from qclinic.errors import UserError

#: kinds whose figures are counts (whole numbers ≥ 0)
COUNTS = frozenset(
    {
        OutcomeKind.COMPLAINTS,
        OutcomeKind.CERTIFICATES,
        OutcomeKind.STANDARDS,
        OutcomeKind.PATENTS,
        OutcomeKind.AWARDS,
    }
)
#: kinds added up over periods (the others are levels: the latest figure counts)
FLOWS = frozenset({OutcomeKind.STANDARDS, OutcomeKind.PATENTS, OutcomeKind.AWARDS})
#: kinds that are a rate per company: totalled as a mean, never a sum
RATES = frozenset({OutcomeKind.PASS_RATE, OutcomeKind.PPM})
#: kinds where a smaller figure is better
LOWER_IS_BETTER = frozenset({OutcomeKind.COMPLAINTS, OutcomeKind.PPM})
#: the unit each kind's value is in ("" for a count)
UNITS: dict[OutcomeKind, str] = {
    OutcomeKind.PASS_RATE: "%",
    OutcomeKind.PPM: "PPM",
}


def check(kind: OutcomeKind, value: float, level: StandardLevel | None) -> None:
    """Refuse a figure that cannot be right.

    Raises:
        UserError: A value that is not a number, a percentage outside 0–100, a negative or
            fractional count, a negative PPM, a standards figure without its level, or a level
            on another kind.
    """
    label = kind_label(kind)
    if not math.isfinite(value):
        raise UserError(text("outcomes.not_a_number", kind=label))
    if kind is OutcomeKind.PASS_RATE and not 0 <= value <= 100:
        raise UserError(text("outcomes.percent_range", kind=label, value=_plain(value)))
    if kind in COUNTS and (value < 0 or value != int(value)):
        raise UserError(text("outcomes.count_whole", kind=label, value=_plain(value)))
    if kind is OutcomeKind.PPM and value < 0:
        raise UserError(text("outcomes.ppm_negative", value=_plain(value)))
    if kind is OutcomeKind.STANDARDS and level is None:
        raise UserError(text("outcomes.level_required"))
    if kind is not OutcomeKind.STANDARDS and level is not None:
        raise UserError(text("outcomes.level_only_standards", kind=label))


def kind_label(kind: OutcomeKind) -> Text:
    """The kind's bilingual label (a :class:`~qclinic.core.text.Text`)."""
    return text(f"outcomes.kind.{kind.value}")


def level_label(level: StandardLevel) -> Text:
    """The standard level's bilingual label."""
    return text(f"outcomes.level.{level.value}")


def formatted(kind: OutcomeKind, value: float) -> str:
    """*value* as shown: ``98 %``, ``96.5 %``, ``120 PPM``, ``3``."""
    unit = UNITS.get(kind, "")
    number = _plain(value)
    return f"{number} {unit}" if unit else number


def total_shown(total: Total) -> str:
    """``96 % → 97.5 %`` (one decimal at most), or the *after* figure alone."""
    after = formatted(total.kind, round(total.after, 1))
    if total.before is None:
        return after
    return f"{formatted(total.kind, round(total.before, 1))} → {after}"


def _plain(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


@dataclass(frozen=True, slots=True)
class Point:
    """One kind's figure for one period (standards summed over their levels)."""

    period: date
    value: float


@dataclass(frozen=True, slots=True)
class Change:
    """One kind's latest figure and the one before it (``None`` with a single period)."""

    kind: OutcomeKind
    latest: Point
    previous: Point | None

    @property
    def delta(self) -> float | None:
        return None if self.previous is None else self.latest.value - self.previous.value

    @property
    def improved(self) -> bool | None:
        """Whether the change is for the better (``None``: no change or nothing to compare)."""
        delta = self.delta
        if not delta:
            return None
        return delta < 0 if self.kind in LOWER_IS_BETTER else delta > 0

    def shown(self) -> str:
        """``96 % → 98 %``, or the latest figure alone."""
        latest = formatted(self.kind, self.latest.value)
        if self.previous is None:
            return latest
        return f"{formatted(self.kind, self.previous.value)} → {latest}"


def series(figures: Iterable[tuple[OutcomeKind, date, float]]) -> dict[OutcomeKind, list[Point]]:
    """Per kind (vocabulary order) its points by period; one period's figures of a kind added."""
    sums: dict[OutcomeKind, dict[date, float]] = {}
    for kind, period, value in figures:
        per_period = sums.setdefault(kind, {})
        per_period[period] = per_period.get(period, 0.0) + value
    return {
        kind: [Point(p, v) for p, v in sorted(sums[kind].items())]
        for kind in OutcomeKind
        if kind in sums
    }


def changes(by_kind: dict[OutcomeKind, list[Point]]) -> list[Change]:
    """Each kind's latest two points (vocabulary order)."""
    return [
        Change(kind, points[-1], points[-2] if len(points) > 1 else None)
        for kind, points in by_kind.items()
        if points
    ]


@dataclass(frozen=True, slots=True)
class Total:
    """One kind totalled over companies: *before* → *after* (see :func:`totals`)."""

    kind: OutcomeKind
    #: companies with at least one figure of this kind
    companies: int
    before: float | None
    after: float
    #: companies with two or more figures: the ones *before* → *after* compares (0: *before*
    #: is ``None`` and *after* is over every company)
    compared: int = 0


def totals(companies: Sequence[dict[OutcomeKind, list[Point]]]) -> list[Total]:
    """The kinds totalled over companies (vocabulary order).

    A change is only told over the same companies: when some companies have two or more
    figures of a kind, *before* is over their first figures and *after* over their latest (a
    company with a single figure has no change to tell, and counting it in *after* alone would
    move the total by who reported, not by what improved). When none has two, *before* is
    ``None`` and *after* is over every company's figure. Rates (the pass rate, PPM) are the
    mean over those companies — a chain's PPM is not the sum of its suppliers' — complaints and
    certificates the sum. Flows (standards, patents, awards): *after* is the sum over every
    period, *before* is ``None``.
    """
    found: list[Total] = []
    for kind in OutcomeKind:
        held = [c[kind] for c in companies if c.get(kind)]
        if not held:
            continue
        if kind in FLOWS:
            found.append(Total(kind, len(held), None, sum(p.value for s in held for p in s)))
            continue
        mean = kind in RATES
        two = [s for s in held if len(s) > 1]
        if two:
            before, after = sum(s[0].value for s in two), sum(s[-1].value for s in two)
            if mean:
                before, after = before / len(two), after / len(two)
            found.append(Total(kind, len(held), before, after, len(two)))
            continue
        latest = sum(s[-1].value for s in held)
        found.append(Total(kind, len(held), None, latest / len(held) if mean else latest))
    return found


def totals_json(found: Sequence[Total]) -> dict[str, dict[str, float | int | None]]:
    """``{kind: {"companies", "before", "after", "compared"}}`` as ``qclinic portfolio --json``
    prints it (*compared*: the companies the change is told over)."""
    return {
        t.kind.value: {
            "companies": t.companies,
            "before": t.before,
            "after": t.after,
            "compared": t.compared,
        }
        for t in found
    }
