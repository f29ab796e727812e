"""Attribute agreement analysis (AIAG, *Measurement Systems Analysis*, 4th ed., 2010, III-C).

Every appraiser rates every part the same number of times (trials) into categories (OK/NG,
grades 1-5...); a known standard per part is optional. In the AIAG / Minitab layout:

* **within appraisers** (2 trials or more): the parts an appraiser rated the same in every trial,
  as a count and percent with its exact 95 % interval, and Fleiss' kappa of the trials;
* **each appraiser vs standard**: the parts where every trial agrees with the standard, and the
  kappa of the appraiser against the standard - Fleiss' kappa of each trial with the standard,
  averaged over the trials (Minitab's definition) - plus Cohen's kappa of all the appraiser's
  decisions against the standard;
* **between appraisers**: the parts where every rating of every appraiser agrees, Fleiss' kappa of
  all ratings (all appraisers' trials as raters), and Cohen's kappa of every pair of appraisers
  over their paired decisions (part and trial, the AIAG cross-tabulation);
* **all appraisers vs standard**: the parts where every rating agrees with the standard, and the
  kappa averaged over every appraiser's trials.

Kappa is judged as AIAG reads it: >= 0.75 good, 0.40-0.75 marginal, < 0.40 poor. Formulas and
their sources are in :mod:`qclinic.core.msa.kappa`.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from qclinic.core.catalogue import text
from qclinic.core.msa.kappa import (
    KAPPA_VERDICTS,
    Kappa,
    clopper_pearson,
    cohen_from_pairs,
    fleiss_from_ratings,
    kappa_verdict,
)
from qclinic.core.spc.results import json_number
from qclinic.core.text import Text
from qclinic.errors import UserError


def _label(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _category_order(values: set[str]) -> list[str]:
    """Numbers in numeric order, otherwise text in alphabetical order."""
    try:
        return sorted(values, key=float)
    except ValueError:
        return sorted(values)


@dataclass
class Agreement:
    """Parts inspected, matched, percent and its exact interval, and a kappa."""

    inspected: int
    matched: int
    kappa: Kappa | None = None
    cohen: Kappa | None = None
    confidence: float = 0.95

    def to_dict(self) -> dict[str, Any]:
        lower, upper = clopper_pearson(self.matched, self.inspected, self.confidence)
        out: dict[str, Any] = {
            "inspected": self.inspected,
            "matched": self.matched,
            "percent": 100.0 * self.matched / self.inspected,
            "ci": [json_number(100.0 * lower), json_number(100.0 * upper)],
            "kappa": None if self.kappa is None else self.kappa.to_dict(),
        }
        if self.cohen is not None:
            out["cohen"] = self.cohen.to_dict()
        return out


@dataclass
class AttributeAgreementResult:
    """Result of :func:`attribute_agreement`; ``to_dict`` gives the JSON shape (docs/SPC.md)."""

    parts: list[str]
    appraisers: list[str]
    trials: int
    categories: list[str]
    has_standard: bool
    within: dict[str, Agreement] = field(default_factory=dict)
    vs_standard: dict[str, Agreement] = field(default_factory=dict)
    between: Agreement | None = None
    pairwise: list[tuple[str, str, Kappa]] = field(default_factory=list)
    all_vs_standard: Agreement | None = None
    confidence: float = 0.95

    def verdict(self) -> dict[str, Any]:
        """The AIAG verdict of the kappa that matters most: against the standard when there is
        one, else between appraisers, else within (one appraiser)."""
        if self.all_vs_standard is not None and self.all_vs_standard.kappa is not None:
            basis, kappa = "all_vs_standard", self.all_vs_standard.kappa.kappa
        elif self.between is not None and self.between.kappa is not None:
            basis, kappa = "between", self.between.kappa.kappa
        else:
            values = [a.kappa.kappa for a in self.within.values() if a.kappa is not None]
            finite = [v for v in values if v is not None]
            basis, kappa = "within", (min(finite) if finite else None)
        key = kappa_verdict(kappa)
        return {
            "basis": basis,
            "kappa": json_number(kappa),
            "rating": key,
            "text": None if key is None else KAPPA_VERDICTS[key],
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "analysis": "attribute_agreement",
            "parts": len(self.parts),
            "appraisers": self.appraisers,
            "trials": self.trials,
            "categories": self.categories,
            "standard": self.has_standard,
            "confidence": self.confidence,
            "within": [
                {"appraiser": name, **agreement.to_dict()}
                for name, agreement in self.within.items()
            ],
            "vs_standard": [
                {"appraiser": name, **agreement.to_dict()}
                for name, agreement in self.vs_standard.items()
            ],
            "between": None if self.between is None else self.between.to_dict(),
            "pairwise": [
                {"first": a, "second": b, **kappa.to_dict()} for a, b, kappa in self.pairwise
            ],
            "all_vs_standard": None
            if self.all_vs_standard is None
            else self.all_vs_standard.to_dict(),
            "verdict": self.verdict(),
        }


def _layout(
    parts: Sequence[Any],
    appraisers: Sequence[Any],
    values: Sequence[Any],
    trials: Sequence[Any] | None,
    reference: Sequence[Any] | None,
    row_numbers: Sequence[int] | None = None,
) -> tuple[list[str], list[str], dict[tuple[str, str], list[str]], dict[str, str], int]:
    count = len(values)
    columns = [("part", parts), ("appraiser", appraisers)]
    if trials is not None:
        columns.append(("trial", trials))
    if reference is not None:
        columns.append(("standard", reference))
    for name, column in columns:
        if len(column) != count:
            raise UserError(text("msa.column_lengths", name=text(f"msa.column.{name}")))
    if count == 0:
        raise UserError(text("msa.no_ratings"))
    cells: dict[tuple[str, str], dict[str, str]] = {}
    standard: dict[str, str] = {}

    def where(i: int) -> Text:
        if row_numbers is None:
            return text("msa.at_rating", n=i + 1)
        return text("msa.at_row", n=row_numbers[i])

    for i in range(count):
        part, appraiser, value = _label(parts[i]), _label(appraisers[i]), _label(values[i])
        for what, given in (("part", part), ("appraiser", appraiser), ("rating", value)):
            if not given:
                raise UserError(text("msa.blank", where=where(i), what=text(f"msa.column.{what}")))
        cell = cells.setdefault((appraiser, part), {})
        trial = _label(trials[i]) if trials is not None else str(len(cell) + 1)
        if not trial:
            raise UserError(text("msa.trial_blank", where=where(i)))
        if trial in cell:
            raise UserError(
                text("msa.rated_twice", where=where(i), appraiser=appraiser, part=part, trial=trial)
            )
        cell[trial] = value
        if reference is not None:
            ref = _label(reference[i])
            if not ref:
                raise UserError(text("msa.standard_blank", where=where(i), part=part))
            if standard.setdefault(part, ref) != ref:
                raise UserError(
                    text(
                        "msa.two_standards",
                        where=where(i),
                        part=part,
                        ref=ref,
                        before=standard[part],
                    )
                )
    part_names = list(dict.fromkeys(p for _, p in cells))
    appraiser_names = list(dict.fromkeys(a for a, _ in cells))
    trial_names = list(dict.fromkeys(t for cell in cells.values() for t in cell))
    m = max(len(cell) for cell in cells.values())
    for appraiser in appraiser_names:
        for part in part_names:
            cell = cells.get((appraiser, part), {})
            if len(cell) != m:
                times = "one" if len(cell) == 1 else "many"
                raise UserError(
                    text(
                        f"msa.attribute_unbalanced_{times}",
                        appraiser=appraiser,
                        part=part,
                        count=len(cell),
                        m=m,
                    )
                )
    ordered: dict[tuple[str, str], list[str]] = {}
    for key, cell in cells.items():
        ordered[key] = [cell[t] for t in sorted(cell, key=trial_names.index)]
    return part_names, appraiser_names, ordered, standard, m


def attribute_agreement(
    parts: Sequence[Any],
    appraisers: Sequence[Any],
    values: Sequence[Any],
    *,
    trials: Sequence[Any] | None = None,
    reference: Sequence[Any] | None = None,
    confidence: float = 0.95,
    row_numbers: Sequence[int] | None = None,
) -> AttributeAgreementResult:
    """Attribute agreement study from long-format columns (one rating per row).

    Args:
        parts: part (sample) per rating.
        appraisers: appraiser per rating.
        values: the rating (any label: OK/NG, 1-5...).
        trials: trial per rating; without it the ratings of an appraiser on a part are trials
            1, 2, ... in the order given.
        reference: the known standard of the part, per rating (optional).
        confidence: of the intervals of the percentages (0.95).
        row_numbers: the spreadsheet row of each rating, to locate problems as ``row R`` (default:
            ``rating N``, 1-based).

    Raises:
        UserError: blanks, an unbalanced study, a part with two standards, fewer than 2 parts,
            nothing to compare (one appraiser, one trial and no standard).
    """
    if not 0.5 <= confidence < 1.0:
        raise UserError(text("spc.confidence"))
    part_names, names, cells, standard, m = _layout(
        parts, appraisers, values, trials, reference, row_numbers
    )
    if len(part_names) < 2:
        raise UserError(text("msa.attribute_parts"))
    has_standard = reference is not None
    if m < 2 and len(names) < 2 and not has_standard:
        raise UserError(text("msa.nothing_to_compare"))
    seen = {v for row in cells.values() for v in row} | set(standard.values())
    categories = _category_order(seen)
    result = AttributeAgreementResult(
        parts=part_names,
        appraisers=names,
        trials=m,
        categories=categories,
        has_standard=has_standard,
        confidence=confidence,
    )
    n_parts = len(part_names)
    for name in names:
        rows = [cells[(name, p)] for p in part_names]
        if m >= 2:
            matched = sum(len(set(row)) == 1 for row in rows)
            result.within[name] = Agreement(
                n_parts, matched, fleiss_from_ratings(rows, categories), confidence=confidence
            )
        if has_standard:
            matched = sum(all(v == standard[p] for v in cells[(name, p)]) for p in part_names)
            result.vs_standard[name] = Agreement(
                n_parts,
                matched,
                _mean_kappa(cells, [name], part_names, standard, categories, m),
                _cohen_vs_standard(cells, [name], part_names, standard, categories),
                confidence,
            )
    if len(names) >= 2:
        rows = [[v for name in names for v in cells[(name, p)]] for p in part_names]
        matched = sum(len(set(row)) == 1 for row in rows)
        result.between = Agreement(
            n_parts, matched, fleiss_from_ratings(rows, categories), confidence=confidence
        )
        for a, b in itertools.combinations(names, 2):
            first = [v for p in part_names for v in cells[(a, p)]]
            second = [v for p in part_names for v in cells[(b, p)]]
            result.pairwise.append((a, b, cohen_from_pairs(first, second, categories)))
    if has_standard:
        matched = sum(
            all(v == standard[p] for name in names for v in cells[(name, p)]) for p in part_names
        )
        result.all_vs_standard = Agreement(
            n_parts,
            matched,
            _mean_kappa(cells, names, part_names, standard, categories, m),
            _cohen_vs_standard(cells, names, part_names, standard, categories),
            confidence,
        )
    return result


def _mean_kappa(
    cells: dict[tuple[str, str], list[str]],
    names: Sequence[str],
    part_names: Sequence[str],
    standard: dict[str, str],
    categories: Sequence[str],
    m: int,
) -> Kappa:
    """Fleiss' kappa of each trial of each appraiser in *names* with the standard, averaged;
    the standard error of the average of k independent kappas is sqrt(sum se^2) / k."""
    kappas = [
        fleiss_from_ratings([[cells[(name, p)][t], standard[p]] for p in part_names], categories)
        for name in names
        for t in range(m)
    ]
    values = [k.kappa for k in kappas]
    if any(v is None for v in values):
        return Kappa(None)
    ses = [k.se0 or 0.0 for k in kappas]
    per: dict[str, dict[str, float | None]] = {}
    for category in categories:
        items = [(k.per_category or {}).get(category, {}) for k in kappas]
        found = [i.get("kappa") for i in items]
        if any(v is None for v in found):
            per[category] = {"kappa": None, "se": None, "z": None, "p": None}
            continue
        mean = sum(v for v in found if v is not None) / len(found)
        se = math.sqrt(sum((i.get("se") or 0.0) ** 2 for i in items)) / len(items)
        z = mean / se if se else None
        per[category] = {
            "kappa": mean,
            "se": se,
            "z": z,
            "p": None if z is None else 0.5 * math.erfc(z / math.sqrt(2.0)),
        }
    mean = sum(v for v in values if v is not None) / len(values)
    return Kappa(mean, math.sqrt(sum(s**2 for s in ses)) / len(ses), per_category=per)


def _cohen_vs_standard(
    cells: dict[tuple[str, str], list[str]],
    names: Sequence[str],
    part_names: Sequence[str],
    standard: dict[str, str],
    categories: Sequence[str],
) -> Kappa:
    decisions = [v for name in names for p in part_names for v in cells[(name, p)]]
    truth = [standard[p] for name in names for p in part_names for _ in cells[(name, p)]]
    return cohen_from_pairs(decisions, truth, categories)
