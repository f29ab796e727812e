"""``qclinic providers list [--json]`` and ``qclinic referrals list [--org ID] [--json]``: the
provider directory and the referrals (供需对接) in this data folder, read-only, for scripts.

Providers are listed by name with how many referrals went to each and how many were delivered;
referrals oldest request first, each with its company, provider, NQI field, status and the date
of every step. Everything is read through the services (:mod:`qclinic.services.providers`,
:mod:`qclinic.services.referrals`).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(subparsers: Any) -> None:
    providers = subparsers.add_parser("providers", help="the NQI service provider directory")
    sub = providers.add_subparsers(dest="providers_action", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help="list the providers (read-only)")
    listing.add_argument(
        "--search", default="", help="only those whose name, region or accreditation contains TEXT"
    )
    _common(listing, cmd_providers)

    referrals = subparsers.add_parser("referrals", help="referrals of companies to providers")
    sub = referrals.add_subparsers(dest="referrals_action", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help="list the referrals (read-only)")
    listing.add_argument("--org", metavar="ID", help="only those of organization ID")
    _common(listing, cmd_referrals)


def _common(parser: argparse.ArgumentParser, func: Any) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    # the global --lang fills it (qclinic.cli.run); without either, the locale decides
    parser.add_argument("--lang", choices=("zh", "en"), default=None, help="message language")
    parser.set_defaults(func=func)


def _services() -> Any:
    from qclinic.services import Services
    from qclinic.storage.startup import open_database

    return Services(open_database())


def cmd_providers(args: argparse.Namespace) -> int:
    from qclinic.cli import message_language
    from qclinic.core.catalogue import say

    rows = [row.as_dict() for row in _services().providers.rows(args.search)]
    if args.json:
        _dump({"kind": "providers", "count": len(rows), "rows": rows})
        return 0
    lang = message_language(args.lang)
    if not rows:
        print(say("referrals.providers_empty", lang))
        return 0
    headings = ("provider", "kind", "region", "accreditation")
    cells = [
        [
            row["name"],
            say(f"referrals.kind.{row['kind']}", lang),
            row["region"],
            row["accreditation_number"],
        ]
        for row in rows
    ]
    _table([say(f"referrals.heading_{h}", lang) for h in headings], cells)
    return 0


def cmd_referrals(args: argparse.Namespace) -> int:
    from qclinic.cli import message_language
    from qclinic.core.catalogue import say

    services = _services()
    organization: str | None = args.org
    if organization is not None:
        services.organizations.get(organization, include_deleted=True)  # refuses an unknown id
    rows = [row.as_dict() for row in services.referrals.rows(organization_id=organization)]
    if args.json:
        _dump({"kind": "referrals", "count": len(rows), "rows": rows})
        return 0
    lang = message_language(args.lang)
    if not rows:
        print(say("referrals.referrals_empty", lang))
        return 0
    headings = ("company", "provider", "field", "status", "requested", "delivered", "request")
    cells = [
        [
            row["organization"],
            row["provider"],
            say(f"vocabulary.{row['nqi_category']}", lang),
            say(f"referrals.status.{row['status']}", lang),
            row["requested_on"],
            row["delivered_on"] or "-",
            row["request"],
        ]
        for row in rows
    ]
    _table([say(f"referrals.heading_{h}", lang) for h in headings], cells)
    return 0


def _dump(listing: dict[str, Any]) -> None:
    json.dump(listing, sys.stdout, indent=2, ensure_ascii=False)
    print()


def _width(value: str) -> int:
    """Columns *value* takes in a terminal (a CJK character takes two)."""
    from unicodedata import east_asian_width

    return sum(2 if east_asian_width(c) in "WF" else 1 for c in value)


def _table(headings: list[str], cells: list[list[str]]) -> None:
    widths = [max(_width(h), *(_width(line[i]) for line in cells)) for i, h in enumerate(headings)]
    for line in (headings, *cells):
        print(
            "  ".join(v + " " * (w - _width(v)) for v, w in zip(line, widths, strict=True)).rstrip()
        )
