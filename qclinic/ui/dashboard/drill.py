"""What the dashboard asks the portfolio for: the filter, the chains to offer, and the companies
behind a figure (a tile's key or a bar's gid). Plain Python, called on worker threads."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from qclinic.services import Services
from qclinic.ui.dashboard.companies import CompanyRow
from qclinic.ui.dashboard.filter_bar import ChainChoice


def portfolio_filter(days: tuple[str | None, date | None, date | None, date]) -> Any:
    """Every chain of the region over the period (on the worker: the page holds them all, so
    switching the chain computes nothing)."""
    from qclinic.core.portfolio import PortfolioFilter

    region, start, end, today = days
    return PortfolioFilter(region=region, start=start, end=end, today=today)


def chain_choices(services: Services) -> list[ChainChoice]:
    """Every live chain with its region, for the filter bar (on the worker)."""
    return [ChainChoice(c.id, c.name, c.region) for c in services.chains.summaries()]


#: a figure as the portfolio's drill-down names it: (figure, key, what to say of each company)
Asked = tuple[tuple[str, str, str], ...]


def drill_down(figure: str, tiers: Sequence[int] = ()) -> Asked | None:
    """The portfolio queries behind a tile's key or a bar's gid (None: no list of companies).

    ``grades:now:B`` → the suppliers graded B now; ``coverage:spc:missing`` → the companies
    without SPC in place; the "suppliers graded" tile → those graded A to D, each with its grade;
    the companies tile → the leaders, then the suppliers of each of *tiers*, each with its place.
    """
    parts = figure.split(":")
    match parts:
        case ["companies"] if tiers:
            leaders = (("role", "chain-leader", "role:chain-leader"),)
            return leaders + tuple(("tier", str(t), f"tier:{t}") for t in tiers if t > 0)
        case ["companies"]:
            return (("companies", "", ""),)
        case ["grades"]:
            return tuple(("grade", g, f"grade:{g}") for g in "ABCD")
        case ["grades", "now", grade]:
            return (("grade", grade, f"grade:{grade}"),)
        case ["grades", "previous", grade]:
            return (("previous_grade", grade, f"grade:{grade}"),)
        case ["coverage", key]:
            return ((f"coverage:{key}", "", "in_place"),)
        case ["coverage", key, "missing"]:
            return ((f"not_covered:{key}", "", "not_in_place"),)
        case ["cqo"]:
            return (("cqo", "", ""),)
        case ["actions"]:
            return (("actions_overdue", "", "overdue"), ("actions_open", "", ""))
    return None  # services and problems are counted per event: see event_drill


#: an event figure as ``services.portfolio.event_companies`` asks it: (kinds, field, month)
EventAsk = tuple[tuple[str, ...], str | None, str | None]
#: a services bar's kind (its gid's last part) → the event kind it counts
SERVICE_KINDS = {
    "visits": "visit",
    "assessments": "assessment",
    "cases": "case",
    "referrals": "referral",
}


def event_drill(figure: str) -> EventAsk | None:
    """The events behind a services or problems tile or bar (None: not such a figure).

    ``services`` → visits, assessments, cases and referrals delivered; ``problems`` → problems received and solved;
    ``services:2026-03:visits`` → the visits of March 2026; ``problems:metrology:solved`` → the
    metrology problems solved.
    """
    match figure.split(":"):
        case ["services"]:
            return (("visit", "assessment", "case", "referral"), None, None)
        case ["problems"]:
            return (("case", "solved"), None, None)
        case ["services", month, kind] if kind in SERVICE_KINDS:
            return ((SERVICE_KINDS[kind],), None, month)
        case ["problems", field, "received"]:
            return (("case",), field, None)
        case ["problems", field, "solved"]:
            return (("solved",), field, None)
    return None


def event_rows(
    services: Services, flt: Any, ask: EventAsk, chain_id: str | None, lang: str
) -> list[CompanyRow]:
    """The companies behind an event figure, each with its events counted ("走访 3 次 · 评估 1 次")."""
    kinds, field, month = ask
    found = services.portfolio.event_companies(flt, kinds, field, month, chain_id)
    return [CompanyRow(c.company.id, c.company.name, events_text(c.counts, lang)) for c in found]


def events_text(counts: Mapping[str, int], lang: str) -> str:
    """A company's events in words: "走访 3 次 · 案例 1 个" / "3 visits · 1 case"."""
    from qclinic.core.catalogue import say

    return " · ".join(
        say(f"dashboard.events_{kind}{'_one' if n == 1 else ''}", lang, n=n)
        for kind in ("visit", "assessment", "case", "referral", "solved")
        if (n := counts.get(kind, 0))
    )


#: an outcome total as ``services.outcomes.portfolio_companies`` asks it: (kind, level or None)
OutcomeAsk = tuple[str, str | None]


def outcome_drill(figure: str) -> OutcomeAsk | None:
    """The companies behind an outcome tile: ``outcome:pass-rate`` → those with pass-rate
    figures; ``outcome:standards:national`` → those that drafted national standards."""
    match figure.split(":"):
        case ["outcome", kind]:
            return (kind, None)
        case ["outcome", kind, level]:
            return (kind, level)
    return None


def outcome_rows(
    services: Services, flt: Any, ask: OutcomeAsk, chain_id: str | None
) -> list[CompanyRow]:
    """The companies behind an outcome total, each with its figures in the period as the total
    counts them: a level's first → latest ("96 % → 98 %"), a flow's sum ("3")."""
    from qclinic.core.outcomes import FLOWS, Total, formatted, total_shown
    from qclinic.core.vocabulary import OutcomeKind, StandardLevel

    kind = OutcomeKind(ask[0])
    level = StandardLevel(ask[1]) if ask[1] else None
    found = services.outcomes.portfolio_companies(
        kind,
        level,
        region=flt.region,
        chain_ids=(chain_id,) if chain_id else (),
        start=flt.start,
        end=flt.as_of,
    )
    rows = []
    for company in found:
        if kind in FLOWS:
            said = formatted(kind, company.total)
        else:
            before = company.first if company.points > 1 else None
            said = total_shown(Total(kind, 1, before, company.latest))
        rows.append(CompanyRow(company.id, company.name, said))
    return rows


def detail_text(detail: str, lang: str) -> str:
    """What the companies list says of a company for one drill-down query."""
    from qclinic.charts.portfolio_figures import grade_label
    from qclinic.core.catalogue import say

    kind, _, value = detail.partition(":")
    if kind == "grade":
        return grade_label(value, lang)
    if kind == "role":
        return say(f"vocabulary.{value}", lang)
    if kind == "tier":
        return say("dashboard.tier", lang, tier=value)
    return say(f"dashboard.{detail}", lang) if detail else ""


def figure_detail(figure: str, lang: str) -> str:
    """A bar's figure in words: ``grades:now:B`` → "B 级 · 本期", ``coverage:spc:missing`` →
    "SPC · 未落实" ("" for a tile)."""
    from qclinic.charts.portfolio_figures import coverage_label, field_label, grade_label
    from qclinic.core.catalogue import say

    match figure.split(":"):
        case ["grades", period, grade]:
            return f"{grade_label(grade, lang)} · {say(f'dashboard.period_{period}', lang)}"
        case ["coverage", key]:
            return f"{coverage_label(key)} · {say('dashboard.in_place', lang)}"
        case ["coverage", key, "missing"]:
            return f"{coverage_label(key)} · {say('dashboard.not_in_place', lang)}"
        case ["services", month, kind] if kind in SERVICE_KINDS:
            return f"{month} · {say(f'dashboard.{kind}', lang)}"
        case ["problems", field, kind] if kind in ("received", "solved"):
            return f"{field_label(field, lang)} · {say(f'dashboard.{kind}', lang)}"
        case ["outcome", kind]:
            return say(f"outcomes.kind.{kind}", lang)
        case ["outcome", kind, level]:
            return f"{say(f'outcomes.kind.{kind}', lang)} · {say(f'outcomes.level.{level}', lang)}"
    return ""
