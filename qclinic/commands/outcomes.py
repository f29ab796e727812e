"""``qclinic outcomes list --org ID [--json]``: a company's outcome figures, read-only.

``--json`` prints ``{"organization_id", "outcomes": [...], "changes": [...]}``: every live figure
(:meth:`~qclinic.services.outcomes.OutcomeRow.as_dict`) by kind and period, and per kind the
latest figure and the one before it. The table prints one line per figure in the chosen language.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "outcomes",
        help="a company's outcome figures: pass rate, complaints, standards… (read-only)",
    )
    commands = parser.add_subparsers(dest="outcomes_command", metavar="ACTION", required=True)
    listing = commands.add_parser("list", help="list a company's outcome figures")
    listing.add_argument("--org", required=True, metavar="ID", help="the company's id")
    listing.add_argument("--json", action="store_true", help="print JSON for scripts")
    listing.add_argument("--lang", choices=("zh", "en"), default=None, help="message language")
    listing.set_defaults(func=cmd_list)


def cmd_list(args: argparse.Namespace) -> int:
    from qclinic.cli import message_language
    from qclinic.core import outcomes as rules
    from qclinic.core.catalogue import say, text
    from qclinic.errors import UserError
    from qclinic.services import Services
    from qclinic.storage.startup import open_database

    services = Services(open_database())
    company = services.organizations.find(args.org)
    if company is None:
        raise UserError(text("outcomes.unknown_organization", id=args.org))
    rows = services.outcomes.rows(company.id)
    changes = services.outcomes.changes(company.id)
    if args.json:
        document = {
            "organization_id": company.id,
            "outcomes": [row.as_dict() for row in rows],
            "changes": [
                {
                    "kind": c.kind.value,
                    "latest": {"period": c.latest.period.isoformat(), "value": c.latest.value},
                    "previous": None
                    if c.previous is None
                    else {"period": c.previous.period.isoformat(), "value": c.previous.value},
                    "delta": c.delta,
                }
                for c in changes
            ],
        }
        json.dump(document, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0
    lang = message_language(args.lang)
    print(say("outcomes.cli_header", lang, company=company.name))
    if not rows:
        print(say("outcomes.cli_empty", lang))
        return 0
    for row in rows:
        f = row.fields
        label = rules.kind_label(f.kind).get(lang)
        if f.level is not None:
            label += f" · {rules.level_label(f.level).get(lang)}"
        value = rules.formatted(f.kind, f.value)
        print("  ".join(x for x in (f.period.isoformat(), label, value, f.source) if x))
    return 0
