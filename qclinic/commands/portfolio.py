"""``qclinic portfolio``: the chain view's figures per chain and in total, read-only.

``--json`` prints :func:`qclinic.core.portfolio.portfolio_json` (``chains`` and ``total``); the
table has one row per chain and a total row, under a Chinese and an English header line.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from qclinic.core.portfolio import ChainFigures, Portfolio

#: the table's columns (catalogue keys ``portfolio.col_<name>``)
COLUMNS = (
    "chain",
    "companies",
    "grades",
    "iso9001",
    "apqp",
    "msa",
    "spc",
    "cqo",
    "services",
    "problems",
    "actions",
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "portfolio",
        help="the chain view's figures per chain and in total: grades, 4 x 100%%, chief quality "
        "officers, services, problems, actions (read-only)",
    )
    parser.add_argument("--chain", action="append", metavar="ID", help="only chain ID (repeatable)")
    parser.add_argument("--region", metavar="R", help="only the chains of region R")
    parser.add_argument("--from", dest="start", metavar="DATE", help="period start, YYYY-MM-DD")
    parser.add_argument("--to", dest="end", metavar="DATE", help="period end (default today)")
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    parser.add_argument(
        "--rebuild-summary",
        action="store_true",
        help="recompute every company's summary from its assessments first (never needed for "
        "correct figures; a repair)",
    )
    parser.add_argument("--lang", choices=("zh", "en"), default=None, help="message language")
    parser.set_defaults(func=cmd_portfolio)


def _day(value: str | None) -> date | None:
    from qclinic.core.catalogue import text
    from qclinic.errors import UserError

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UserError(text("portfolio.bad_date", value=value)) from None


def cmd_portfolio(args: argparse.Namespace) -> int:
    from qclinic.cli import message_language
    from qclinic.core.catalogue import text
    from qclinic.core.portfolio import PortfolioFilter, portfolio_json
    from qclinic.errors import UserError
    from qclinic.services import Services
    from qclinic.storage.startup import open_database

    start, end = _day(args.start), _day(args.end)
    if start is not None and end is not None and start > end:
        raise UserError(text("portfolio.from_after_to", start=start, end=end))
    flt = PortfolioFilter(tuple(args.chain or ()), args.region, start, end)
    services = Services(open_database())
    service = services.portfolio
    if args.rebuild_summary:
        service.rebuild_summary()
    portfolio = service.figures(flt)
    if args.json:
        document = portfolio_json(portfolio)
        _add_outcomes(document, services, portfolio)
        json.dump(document, sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        _print_table(portfolio, message_language(args.lang))
    return 0


def _add_outcomes(document: dict[str, Any], services: Any, portfolio: Portfolio) -> None:
    """Each chain's and the total's ``outcomes``: the companies' figures dated in the period,
    totalled (:func:`qclinic.core.outcomes.totals`) — the dashboard's grouped query
    (``services.outcomes.portfolio_totals``), the total with each company once."""
    from qclinic.core.outcomes import totals_json

    flt = portfolio.filter
    chain_ids = tuple(str(chain.id) for chain in portfolio.chains)
    found = services.outcomes.portfolio_totals(None, chain_ids, flt.start, flt.as_of)
    if not chain_ids:  # no chain matched the filter (an empty tuple would ask for every chain)
        found = {}
    for chain, shown in zip(portfolio.chains, document["chains"], strict=True):
        held = found.get(str(chain.id))
        shown["outcomes"] = totals_json(held.totals if held is not None else [])
    total = found.get(None)
    document["total"]["outcomes"] = totals_json(total.totals if total is not None else [])


def _width(value: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in value)


def _pad(value: str, width: int, right: bool) -> str:
    gap = " " * (width - _width(value))
    return gap + value if right else value + gap


def _cells(figures: ChainFigures, name: str) -> list[str]:
    grades = "/".join(str(figures.grades[g]) for g in ("A", "B", "C", "D", "ungraded"))
    coverage = [f"{figures.coverage[k].covered}/{figures.coverage[k].of}" for k in COLUMNS[3:7]]
    services = figures.services
    return [
        name,
        str(figures.companies),
        grades,
        *coverage,
        str(figures.cqo_appointed),
        f"{services.visits}/{services.assessments}/{services.cases}",
        f"{figures.problems.received}/{figures.problems.solved}",
        f"{figures.actions_open}/{figures.actions_overdue}",
    ]


def _print_table(portfolio: Portfolio, lang: str) -> None:
    from qclinic.core.catalogue import say

    flt = portfolio.filter
    if flt.start is not None:
        print(say("portfolio.period", lang, start=flt.start, end=flt.as_of, today=flt.today))
    else:
        print(say("portfolio.period_open", lang, end=flt.as_of, today=flt.today))
    if not portfolio.chains:
        print(say("portfolio.no_chains", lang))
        return
    headers = [[say(f"portfolio.col_{c}", language) for c in COLUMNS] for language in ("zh", "en")]
    rows = [_cells(chain, chain.name) for chain in portfolio.chains]
    rows.append(_cells(portfolio.total, say("portfolio.total", lang)))
    widths = [max(_width(line[i]) for line in (*headers, *rows)) for i in range(len(COLUMNS))]
    for line in (*headers, *rows):
        cells = [_pad(v, w, i > 0) for i, (v, w) in enumerate(zip(line, widths, strict=True))]
        print("  ".join(cells).rstrip())
