"""Tests for special causes: one vectorised engine, with Nelson and Western Electric presets.

Every rule is one of seven *kinds*, each with its parameters (run length ``K``, count ``M``, zone
in sigmas). A preset numbers the rules the way its source does:

======  ===============================================  ==============  ==================
kind    meaning                                          Nelson (1984)   Western Electric
======  ===============================================  ==============  ==================
limits  1 point beyond the control limits                1               1
side    K in a row on one side of the center line        2 (K=9)         4 (K=8)
trend   K in a row steadily increasing or decreasing     3 (K=6)         -
alter   K in a row alternating up and down               4 (K=14)        -
zone2   M of K beyond 2 sigma, same side                 5 (2 of 3)      2 (2 of 3)
zone1   M of K beyond 1 sigma, same side                 6 (4 of 5)      3 (4 of 5)
strat   K in a row within 1 sigma (either side)          7 (K=15)        -
mixture K in a row beyond 1 sigma, on both sides         8 (K=8)         -
======  ===============================================  ==============  ==================

Edge conventions (documented in docs/SPC.md):

* The flagged point is the **last** point of the run or window; while a run continues, every
  further point is flagged too (each is the end of a qualifying run).
* "Beyond the limits" compares with the actual limits (so a lower limit clamped at 0 counts);
  the zone rules use ``z = (x - center) / sigma_point``, the per-point standard error, so charts
  with varying limits get per-point zones.
* A point exactly on the center line breaks a one-side run; equal neighbours break a trend and an
  alternation.
* For "M of K" rules the flagged point must itself be beyond the zone, and windows at the start of
  the series may be shorter than K (M qualifying points are enough).
* Rule 8 (mixture) needs at least one point on each side of the center within its run.
* Zone "beyond" is strict (``|z| > 1``); "within 1 sigma" is ``|z| < 1``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from qclinic.core.catalogue import text
from qclinic.core.spc.validation import BoolArray, FloatArray, IntArray
from qclinic.errors import UserError


@dataclass(frozen=True)
class Rule:
    """One test for special causes.

    Attributes:
        number: the rule's number in its preset (what the user sees).
        kind: one of ``limits, side, trend, alter, zone2, zone1, strat, mixture``.
        length: run length or window size ``K``.
        count: how many of the window must qualify (``M``; equal to ``length`` for runs).
        zone: zone boundary in sigmas for zone rules.
        preset: ``"nelson"`` or ``"western-electric"``.
    """

    number: int
    kind: str
    length: int = 1
    count: int = 1
    zone: float = 3.0
    preset: str = "nelson"

    def description(self) -> dict[str, str]:
        """What the rule detects, in English and Simplified Chinese."""
        k, m, z = self.length, self.count, f"{self.zone:g}"
        rule = text(f"spc.rule.{self.kind}", k=k, m=m, z=z)
        source = text("spc.rule.nelson" if self.preset == "nelson" else "spc.rule.western_electric")
        return text("spc.rule", number=self.number, source=source, rule=rule).as_dict()


NELSON: tuple[Rule, ...] = (
    Rule(1, "limits"),
    Rule(2, "side", 9, 9),
    Rule(3, "trend", 6, 6),
    Rule(4, "alter", 14, 14),
    Rule(5, "zone2", 3, 2, 2.0),
    Rule(6, "zone1", 5, 4, 1.0),
    Rule(7, "strat", 15, 15, 1.0),
    Rule(8, "mixture", 8, 8, 1.0),
)

WESTERN_ELECTRIC: tuple[Rule, ...] = tuple(
    replace(rule, preset="western-electric")
    for rule in (
        Rule(1, "limits"),
        Rule(2, "zone2", 3, 2, 2.0),
        Rule(3, "zone1", 5, 4, 1.0),
        Rule(4, "side", 8, 8),
    )
)

PRESETS: dict[str, tuple[Rule, ...]] = {
    "nelson": NELSON,
    "western-electric": WESTERN_ELECTRIC,
    "none": (),
}

_MIN_LENGTH = {"side": 2, "trend": 3, "alter": 4, "zone2": 2, "zone1": 2, "strat": 2, "mixture": 2}


def make_rules(
    preset: str = "nelson",
    numbers: Iterable[int] | None = None,
    lengths: Mapping[int, int] | None = None,
) -> tuple[Rule, ...]:
    """Choose rules from a preset, optionally a subset and with custom ``K`` values.

    Args:
        preset: ``"nelson"``, ``"western-electric"`` (``"we"``) or ``"none"``.
        numbers: the rule numbers (in the preset's numbering) to keep; ``None`` keeps them all.
        lengths: rule number -> new ``K`` (run length or window), like Minitab's test
            parameters, e.g. ``{2: 8}`` for "8 in a row on one side". For "M of K" rules ``M``
            is kept unless it would exceed ``K``.

    Raises:
        UserError: unknown preset, rule number or an impossible ``K``.
    """
    key = {"we": "western-electric", "western_electric": "western-electric"}.get(preset, preset)
    if key not in PRESETS:
        raise UserError(text("spc.unknown_rules", preset=preset))
    rules = {rule.number: rule for rule in PRESETS[key]}
    chosen = sorted(rules) if numbers is None else sorted(set(numbers))
    for number in chosen:
        if number not in rules:
            raise UserError(
                text("spc.no_such_test", preset=key, number=number, tests=sorted(rules) or "none")
            )
    out = []
    for number in chosen:
        rule = rules[number]
        if lengths and number in lengths:
            k = int(lengths[number])
            if rule.kind == "limits":
                raise UserError(text("spc.test1_length"))
            if k < _MIN_LENGTH[rule.kind] or k > 100:
                raise UserError(
                    text("spc.run_length", number=number, k=k, low=_MIN_LENGTH[rule.kind])
                )
            count = min(rule.count, k) if rule.kind in ("zone1", "zone2") else k
            rule = replace(rule, length=k, count=count)
        out.append(rule)
    return tuple(out)


@dataclass(frozen=True)
class RuleHits:
    """Points that break one rule (0-based indices, ascending)."""

    rule: Rule
    indices: IntArray


def run_lengths(flags: BoolArray) -> IntArray:
    """Length of the run of ``True`` ending at each position (0 where ``flags`` is False)."""
    positions = np.arange(flags.size, dtype=np.int64)
    last_false = np.maximum.accumulate(np.where(flags, np.int64(-1), positions))
    return positions - last_false


def window_counts(flags: BoolArray, size: int) -> IntArray:
    """How many ``True`` among the last ``size`` positions ending at each position."""
    cumulative = np.cumsum(flags, dtype=np.int64)
    shifted = np.zeros_like(cumulative)
    if size < cumulative.size:
        shifted[size:] = cumulative[:-size]
    return cumulative - shifted


def _as_array(value: float | FloatArray, size: int) -> FloatArray:
    return np.broadcast_to(np.asarray(value, dtype=np.float64), (size,))


class _Series:
    """The plotted series with lazily computed, shared helpers (z-scores, cumulative counts).

    Every "K in a row" and "M of K" test is a window count over a cumulative sum of a boolean
    series (a run of K ending at i is a window of K with K hits), so each cumulative sum is
    computed once and shared by the rules that need it. Counts are int32 for speed (series
    longer than 2**31 points are not supported by design).
    """

    def __init__(
        self,
        x: FloatArray,
        center: float | FloatArray,
        sigma: float | FloatArray,
        ucl: float | FloatArray,
        lcl: float | FloatArray,
    ) -> None:
        self.x = x
        self.n = x.size
        self.center = center
        self.sigma = sigma
        self.ucl = ucl
        self.lcl = lcl
        self._z: FloatArray | None = None
        self._cumulative: dict[str, IntArray] = {}

    @property
    def z(self) -> FloatArray:
        if self._z is None:
            sigma = _as_array(self.sigma, self.n)
            valid = np.isfinite(sigma) & (sigma > 0)
            z = np.full(self.n, np.nan)
            np.divide(self.x - self.center, sigma, out=z, where=valid)
            self._z = z
        return self._z

    def _flags(self, key: str) -> BoolArray:
        kind, _, value = key.partition(":")
        if kind == "above":
            return self.x > self.center
        if kind == "below":
            return self.x < self.center
        if kind == "zup":
            return self.z > float(value)
        if kind == "zdown":
            return self.z < -float(value)
        if kind == "inside":
            return np.abs(self.z) < float(value)
        step = np.diff(self.x)
        flags = np.zeros(self.n, dtype=bool)
        if kind == "rise":
            flags[1:] = step > 0
        elif kind == "fall":
            flags[1:] = step < 0
        elif kind == "alternate" and self.n > 2:
            flags[2:] = step[1:] * step[:-1] < 0
        return flags

    def cumulative(self, key: str) -> IntArray:
        if key not in self._cumulative:
            self._cumulative[key] = np.cumsum(self._flags(key), dtype=np.int32)
        return self._cumulative[key]

    def forget_except(self, keep: set[str]) -> None:
        """Free the cumulative counts not in ``keep`` (peak memory on long series)."""
        for key in [k for k in self._cumulative if k not in keep]:
            del self._cumulative[key]

    def window(self, key: str, size: int) -> IntArray:
        """How many flagged points among the last ``size`` ending at each point."""
        c = self.cumulative(key)
        out = np.empty_like(c)
        head = min(size, self.n)
        out[:head] = c[:head]
        np.subtract(c[size:], c[:-size], out=out[size:])
        return out

    def flags(self, key: str) -> BoolArray:
        c = self.cumulative(key)
        out = np.empty(self.n, dtype=bool)
        if self.n:
            out[0] = c[0] > 0
            np.not_equal(c[1:], c[:-1], out=out[1:])
        return out


def _detect_one(rule: Rule, s: _Series) -> BoolArray:
    flags: BoolArray = _detect_flags(rule, s)
    return flags


def _detect_flags(rule: Rule, s: _Series) -> Any:
    k = rule.length
    if rule.kind == "limits":
        beyond: BoolArray = np.greater(s.x, s.ucl) | np.less(s.x, s.lcl)
        return beyond
    if rule.kind == "side":
        return (s.window("above", k) == k) | (s.window("below", k) == k)
    if rule.kind == "trend":
        # K points steadily rising = K - 1 consecutive rises ending at the point.
        return (s.window("rise", k - 1) == k - 1) | (s.window("fall", k - 1) == k - 1)
    if rule.kind == "alter":
        # K points alternating = K - 2 consecutive sign changes of the steps.
        return s.window("alternate", k - 2) == k - 2
    zone = f"{rule.zone:g}"
    if rule.kind in ("zone1", "zone2"):
        up, down = f"zup:{zone}", f"zdown:{zone}"
        return (s.flags(up) & (s.window(up, k) >= rule.count)) | (
            s.flags(down) & (s.window(down, k) >= rule.count)
        )
    if rule.kind == "strat":
        return s.window(f"inside:{zone}", k) == k
    if rule.kind == "mixture":
        above = s.window(f"zup:{zone}", k)
        below = s.window(f"zdown:{zone}", k)
        mixed: BoolArray = (above + below == k) & (above > 0) & (below > 0)
        return mixed
    raise ValueError(f"unknown rule kind {rule.kind!r}")  # pragma: no cover - programming error


def detect(
    values: FloatArray,
    center: float | FloatArray,
    sigma: float | FloatArray,
    ucl: float | FloatArray,
    lcl: float | FloatArray,
    rules: Sequence[Rule],
) -> list[RuleHits]:
    """Apply ``rules`` to a plotted statistic.

    Args:
        values: the plotted statistic, one per point.
        center: center line (scalar or per point).
        sigma: standard error of the statistic (scalar or per point); zones are multiples of it.
            Non-positive or NaN sigma disables the zone rules at that point.
        ucl: upper control limit (scalar or per point; NaN = none).
        lcl: lower control limit (scalar or per point; NaN = none).
        rules: from :func:`make_rules`.

    Returns:
        One :class:`RuleHits` per rule that fired, in rule order.
    """
    x = np.asarray(values, dtype=np.float64)
    series = _Series(x, center, sigma, ucl, lcl)
    found: list[RuleHits] = []
    for position, rule in enumerate(rules):
        indices = np.flatnonzero(_detect_one(rule, series)).astype(np.int64)
        if indices.size:
            found.append(RuleHits(rule, indices))
        series.forget_except(set().union(*(_keys(r) for r in rules[position + 1 :])))
    return found


def _keys(rule: Rule) -> set[str]:
    """Cumulative counts a rule reads (so they can be freed once no later rule needs them)."""
    zone = f"{rule.zone:g}"
    return {
        "limits": set(),
        "side": {"above", "below"},
        "trend": {"rise", "fall"},
        "alter": {"alternate"},
        "zone1": {f"zup:{zone}", f"zdown:{zone}"},
        "zone2": {f"zup:{zone}", f"zdown:{zone}"},
        "strat": {f"inside:{zone}"},
        "mixture": {f"zup:{zone}", f"zdown:{zone}"},
    }[rule.kind]
