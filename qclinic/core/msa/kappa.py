"""Agreement statistics for attribute data: Fleiss' and Cohen's kappa, exact binomial intervals.

* **Fleiss' kappa** (Fleiss, 1971, *Psychological Bulletin* 76:378-382) for N subjects each rated
  by the same number n of raters into k categories, from the counts ``n_ij`` (subject i, category
  j): ``P_i = (sum_j n_ij^2 - n) / (n (n - 1))``, ``p_j = sum_i n_ij / (N n)``,
  ``kappa = (mean P_i - sum p_j^2) / (1 - sum p_j^2)``; per category
  ``kappa_j = 1 - sum_i n_ij (n - n_ij) / (N n (n - 1) p_j q_j)``. Standard errors under
  H0: kappa = 0 as Fleiss, Nee and Landis (1979) give them (and Minitab and irr use):
  ``se_j = sqrt(2 / (N n (n - 1)))`` and
  ``se = sqrt(2) / (sum p_j q_j sqrt(N n (n - 1))) * sqrt((sum p_j q_j)^2 - sum p_j q_j (q_j - p_j))``.
* **Cohen's kappa** (Cohen, 1960) of two raters' paired decisions from their k x k table of
  proportions: ``kappa = (p_o - p_e) / (1 - p_e)``, with the asymptotic standard error of Fleiss,
  Cohen and Everitt (1969) for the confidence interval and the one under H0 for the z test (as
  SAS PROC FREQ prints them).
* **Clopper-Pearson** exact binomial interval for a share of matched parts (as Minitab prints
  the 95 % CI of attribute agreement percentages).

Kappa is ``None`` where it is undefined (every rating in one category: ``p_e = 1``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from qclinic.core.catalogue import text
from qclinic.core.spc.results import json_number

KAPPA_VERDICTS = {key: text(f"msa.kappa.{key}").as_dict() for key in ("good", "marginal", "poor")}


def kappa_verdict(kappa: float | None) -> str | None:
    """AIAG MSA 4th ed. III-C reading of kappa: ``good`` (>= 0.75), ``marginal`` (0.40-0.75),
    ``poor`` (< 0.40); ``None`` when kappa is undefined."""
    if kappa is None or not math.isfinite(kappa):
        return None
    if kappa >= 0.75:
        return "good"
    if kappa >= 0.40:
        return "marginal"
    return "poor"


def _normal_sf(z: float) -> float:
    return 0.5 * math.erfc(z / math.sqrt(2.0))


@dataclass
class Kappa:
    """A kappa with its standard error under H0, z, p-value (H0: kappa = 0 vs > 0) and, for
    Cohen's kappa, the asymptotic standard error and 95 % interval."""

    kappa: float | None
    se0: float | None = None
    ase: float | None = None
    per_category: dict[str, dict[str, float | None]] | None = None

    @property
    def z(self) -> float | None:
        if self.kappa is None or not self.se0:
            return None
        return self.kappa / self.se0

    @property
    def p_value(self) -> float | None:
        """One-sided p-value of H0: kappa = 0 against kappa > 0 (as Minitab prints it)."""
        z = self.z
        return None if z is None else _normal_sf(z)

    def interval(self, confidence: float = 0.95) -> tuple[float, float] | None:
        if self.kappa is None or self.ase is None:
            return None
        from scipy.stats import norm  # lazy

        half = float(norm.ppf(0.5 + confidence / 2)) * self.ase
        return self.kappa - half, self.kappa + half

    def to_dict(self) -> dict[str, Any]:
        interval = self.interval()
        out: dict[str, Any] = {
            "kappa": json_number(self.kappa),
            "se": json_number(self.se0),
            "z": json_number(self.z),
            "p": json_number(self.p_value),
            "verdict": kappa_verdict(self.kappa),
        }
        if self.ase is not None:
            out["ase"] = json_number(self.ase)
            out["ci"] = None if interval is None else [json_number(v) for v in interval]
        if self.per_category is not None:
            out["categories"] = {
                name: {key: json_number(value) for key, value in row.items()}
                for name, row in self.per_category.items()
            }
        return out


def fleiss_kappa(counts: Any, categories: Sequence[str] | None = None) -> Kappa:
    """Fleiss' kappa from a subjects x categories table of counts (equal raters per subject).

    Raises:
        ValueError: a table that is not 2-D, rows with different totals, fewer than 2 raters.
    """
    table = np.asarray(counts, dtype=np.float64)
    if table.ndim != 2 or table.shape[0] < 1:
        raise ValueError("Fleiss' kappa needs a subjects x categories table")
    raters = table.sum(axis=1)
    n = float(raters[0])
    if not np.all(raters == n) or n < 2:
        raise ValueError("Fleiss' kappa needs the same number (>= 2) of ratings of every subject")
    subjects = table.shape[0]
    names = list(categories) if categories is not None else [str(j) for j in range(table.shape[1])]
    p = table.sum(axis=0) / (subjects * n)
    q = 1.0 - p
    p_i = (np.sum(table**2, axis=1) - n) / (n * (n - 1))
    p_bar = float(p_i.mean())
    p_e = float(np.sum(p**2))
    base = subjects * n * (n - 1)
    pq = p * q
    per: dict[str, dict[str, float | None]] = {}
    se_j = math.sqrt(2.0 / base)
    for j, name in enumerate(names):
        if pq[j] <= 0:
            per[name] = {"kappa": None, "se": None, "z": None, "p": None}
            continue
        k_j = 1.0 - float(np.sum(table[:, j] * (n - table[:, j]))) / (base * pq[j])
        per[name] = {"kappa": k_j, "se": se_j, "z": k_j / se_j, "p": _normal_sf(k_j / se_j)}
    if p_e >= 1.0 - 1e-12:
        return Kappa(None, None, per_category=per)
    kappa = (p_bar - p_e) / (1.0 - p_e)
    spq = float(pq.sum())
    inner = spq**2 - float(np.sum(pq * (q - p)))
    se = math.sqrt(2.0) / (spq * math.sqrt(base)) * math.sqrt(max(inner, 0.0))
    return Kappa(kappa, se, per_category=per)


def fleiss_from_ratings(ratings: Sequence[Sequence[str]], categories: Sequence[str]) -> Kappa:
    """Fleiss' kappa from one list of ratings per subject (the same number for each)."""
    index = {c: j for j, c in enumerate(categories)}
    table = np.zeros((len(ratings), len(categories)))
    for i, row in enumerate(ratings):
        for value in row:
            table[i, index[value]] += 1
    return fleiss_kappa(table, categories)


def cohen_kappa(table: Any) -> Kappa:
    """Cohen's (unweighted) kappa from a k x k table of counts (rows rater 1, columns rater 2).

    Raises:
        ValueError: not a square table, or empty.
    """
    counts = np.asarray(table, dtype=np.float64)
    if counts.ndim != 2 or counts.shape[0] != counts.shape[1]:
        raise ValueError("Cohen's kappa needs a square table")
    total = float(counts.sum())
    if total <= 0:
        raise ValueError("Cohen's kappa needs at least one paired decision")
    prop = counts / total
    rows, cols = prop.sum(axis=1), prop.sum(axis=0)
    p_o = float(np.trace(prop))
    p_e = float(np.sum(rows * cols))
    if p_e >= 1.0 - 1e-12:
        return Kappa(None)
    kappa = (p_o - p_e) / (1.0 - p_e)
    diag = np.diag(prop)
    term1 = float(np.sum(diag * (1.0 - (rows + cols) * (1.0 - kappa)) ** 2))
    off = prop.copy()
    np.fill_diagonal(off, 0.0)
    weights = (cols[:, None] + rows[None, :]) ** 2  # (p_.i + p_j.)^2 for cell (i, j)
    term2 = (1.0 - kappa) ** 2 * float(np.sum(off * weights))
    term3 = (kappa - p_e * (1.0 - kappa)) ** 2
    var = (term1 + term2 - term3) / (total * (1.0 - p_e) ** 2)
    var0 = (p_e + p_e**2 - float(np.sum(rows * cols * (rows + cols)))) / (total * (1.0 - p_e) ** 2)
    return Kappa(kappa, math.sqrt(max(var0, 0.0)), math.sqrt(max(var, 0.0)))


def cohen_from_pairs(
    first: Sequence[str], second: Sequence[str], categories: Sequence[str]
) -> Kappa:
    """Cohen's kappa of two raters' paired decisions."""
    index = {c: j for j, c in enumerate(categories)}
    table = np.zeros((len(categories), len(categories)))
    for a, b in zip(first, second, strict=True):
        table[index[a], index[b]] += 1
    return cohen_kappa(table)


def clopper_pearson(matched: int, total: int, confidence: float = 0.95) -> tuple[float, float]:
    """Exact (Clopper-Pearson) interval of a binomial proportion, in [0, 1]."""
    from scipy.stats import beta  # lazy

    alpha = 1.0 - confidence
    lower = 0.0 if matched == 0 else float(beta.ppf(alpha / 2, matched, total - matched + 1))
    upper = (
        1.0 if matched == total else float(beta.ppf(1 - alpha / 2, matched + 1, total - matched))
    )
    return lower, upper
