"""The demo company's outcome figures: two years of quarters, before and after the clinic.

The story the figures tell (the clinic was on 2026-03-12): the pass rate hovers around 96 % for
six quarters, then climbs to 98 % as the prescriptions take effect; complaints and PPM fall;
a second patent is granted, an association standard the company helped draft is published, and
a green-product certificate is obtained at the last quarter (collected at the follow-up visit).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from qclinic.core.vocabulary import OutcomeKind, StandardLevel
from qclinic.services.demo.content import Pair, text

QUARTERS = (
    date(2024, 12, 31),
    date(2025, 3, 31),
    date(2025, 6, 30),
    date(2025, 9, 30),
    date(2025, 12, 31),
    date(2026, 3, 31),
    date(2026, 6, 30),
    date(2026, 9, 30),
)
#: per level kind its figure for each quarter, and where it comes from
LEVELS: dict[OutcomeKind, tuple[tuple[float, ...], Pair]] = {
    OutcomeKind.PASS_RATE: (
        (95.8, 96.1, 95.9, 96.2, 96.0, 96.4, 97.3, 98.0),
        ("企业 MES 系统质量月报", "company MES quality report"),
    ),
    OutcomeKind.COMPLAINTS: (
        (9, 11, 8, 10, 9, 7, 4, 3),
        ("客户投诉台账", "customer complaint log"),
    ),
    OutcomeKind.PPM: (
        (1850, 1720, 1800, 1650, 1700, 1400, 900, 620),
        ("企业 MES 系统质量月报", "company MES quality report"),
    ),
    OutcomeKind.CERTIFICATES: (
        (3, 3, 3, 3, 3, 3, 3, 4),
        ("认证机构证书（含 CQC 绿色产品认证）", "certificates (incl. the CQC green product one)"),
    ),
}
#: the flows: (quarter index, kind, level, count, source)
EVENTS: tuple[tuple[int, OutcomeKind, StandardLevel | None, int, Pair], ...] = (
    (2, OutcomeKind.PATENTS, None, 1, ("国家知识产权局授权公告", "CNIPA grant notice")),
    (6, OutcomeKind.PATENTS, None, 1, ("国家知识产权局授权公告", "CNIPA grant notice")),
    (
        7,
        OutcomeKind.STANDARDS,
        StandardLevel.ASSOCIATION,
        1,
        (
            "团体标准《高精度铜合金带材》发布公告",
            "publication of the association standard on high-precision copper alloy strip",
        ),
    ),
)


def seed_outcomes(
    session: Any, organization_id: str, follow_up_visit_id: str, lang: str
) -> list[str]:
    """Write the figures; their ids."""
    from qclinic.storage.models import Outcome

    rows: list[Outcome] = []
    last = len(QUARTERS) - 1
    for kind, (values, source) in LEVELS.items():
        for index, (period, value) in enumerate(zip(QUARTERS, values, strict=True)):
            rows.append(
                Outcome(
                    organization_id=organization_id,
                    period=period,
                    visit_id=follow_up_visit_id if index == last else None,
                    kind=kind,
                    value=float(value),
                    source=text(source, lang),
                    note="",
                )
            )
    for index, kind, level, count, source in EVENTS:
        rows.append(
            Outcome(
                organization_id=organization_id,
                period=QUARTERS[index],
                visit_id=follow_up_visit_id if index == last else None,
                kind=kind,
                level=level,
                value=float(count),
                source=text(source, lang),
                note="",
            )
        )
    session.add_all(rows)
    session.flush()
    return [row.id for row in rows]
