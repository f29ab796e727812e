"""The demo's SPC and MSA data: what a consultant brings back from the shop floor of the demo
company, so a new user's SPC / MSA workspace is filled (``qclinic demo``, the screenshots).

Three datasets, stored through :class:`~qclinic.services.datasets.DatasetService` like an
import:

* **piston-ring bore** — 40 subgroups of 5 read to 0.001 mm on a bore gauge, in control for 30
  subgroups, then shifted by a worn tool (the X̄-R chart flags it; Cpk falls);
* **gage R&R of the bore gauge** — 10 parts × 3 appraisers × 3 trials, one appraiser reading
  high (reproducibility) — %GRR in the conditional band;
* **pinholes in enamelled wire** — 25 days of 200 samples each with the nonconforming count
  (a p chart, with one bad day).

The numbers come from a fixed random seed, so every run (and every screenshot) is the same.
"""

from __future__ import annotations

from typing import Any

NAMES = {
    "ring": ("活塞环内径", "Piston ring bore"),
    "gage": ("内径量表 R&R（MC-03）", "Bore gauge R&R (MC-03)"),
    "defects": ("漆包线针孔不良", "Enamelled wire pinholes"),
}
CHARACTERISTICS = {
    "ring": ("内径 Ø74 mm", "Bore Ø74 mm"),
    "gage": ("活塞环内径", "Piston ring bore"),
    "defects": ("针孔检验（每日抽样 200 件）", "Pinhole test (200 samples a day)"),
}
APPRAISERS = {"zh": ("张工", "李工", "王工"), "en": ("Zhang", "Li", "Wang")}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def piston_rings() -> list[list[float]]:
    """40 subgroups of 5 bore readings (mm); a shift of 0.012 mm from subgroup 31."""
    import numpy as np

    rng = np.random.default_rng(7)
    values = rng.normal(74.0, 0.01, (40, 5))
    values[30:] += 0.012
    rounded: list[list[float]] = values.round(3).tolist()  # the gauge reads to 0.001 mm
    return rounded


def gage_rows(lang: str = "zh") -> list[dict[str, Any]]:
    """A crossed study: 10 parts × 3 appraisers × 3 trials (deviation from nominal, µm)."""
    import numpy as np

    rng = np.random.default_rng(7)
    rng.normal(0.0, 1.0, (40, 5))  # the same stream the bore data drew first
    parts = rng.normal(0.0, 1.0, 10)
    bias = (0.0, 0.25, -0.2)
    names = APPRAISERS["en" if lang == "en" else "zh"]
    cells = [(p, o, t) for p in range(10) for o in range(3) for t in range(3)]
    return [
        {
            "subgroup": n + 1,
            "position": 1,
            "part": str(part + 1),
            "operator": names[operator],
            "trial": trial + 1,
            "value": round(float(parts[part] + bias[operator] + rng.normal(0, 0.2)), 2),
        }
        for n, (part, operator, trial) in enumerate(cells)
    ]


def defect_rows() -> list[dict[str, Any]]:
    """25 days of 200 samples each and the number with pinholes (day 17 is a bad batch)."""
    import numpy as np

    counts = np.random.default_rng(11).binomial(200, 0.03, 25)
    counts[16] = 18
    return [
        {"subgroup": day + 1, "count": float(count), "sample_size": 200.0}
        for day, count in enumerate(counts.tolist())
    ]


def seed_spc(database: Any, organization_id: str, lang: str = "zh") -> dict[str, str]:
    """Store the demo datasets for *organization_id* once; returns their ids by key
    (``ring``, ``gage``, ``defects``). A second call finds them by name and adds nothing."""
    from qclinic.services import Services

    datasets = Services(database).datasets
    names = {key: _pick(pair, lang) for key, pair in NAMES.items()}
    found = {s.dataset.name: s.dataset.id for s in datasets.summaries(organization_id)}
    if all(name in found for name in names.values()):
        return {key: found[name] for key, name in names.items()}
    from qclinic.storage.repositories.datasets import subgroup_rows

    ids = {}
    ids["defects"] = datasets.create(
        organization_id,
        names["defects"],
        kind="attributes",
        characteristic=_pick(CHARACTERISTICS["defects"], lang),
        rows=defect_rows(),
    ).id
    ids["gage"] = datasets.create(
        organization_id,
        names["gage"],
        kind="gage-study",
        characteristic=_pick(CHARACTERISTICS["gage"], lang),
        unit="µm",
        lsl=-4.0,
        usl=4.0,
        rows=gage_rows(lang),
    ).id
    ids["ring"] = datasets.create(  # the newest, listed first
        organization_id,
        names["ring"],
        subgroup_size=5,
        characteristic=_pick(CHARACTERISTICS["ring"], lang),
        unit="mm",
        lsl=73.95,
        usl=74.05,
        target=74.0,
        rows=subgroup_rows(piston_rings()),
    ).id
    return ids
