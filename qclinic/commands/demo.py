"""``qclinic demo``: seed the demo company (:mod:`qclinic.services.demo`) into the data folder."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="seed demo data (a company, visits, assessments, findings, cases, actions, "
        "SPC and MSA datasets)",
    )
    parser.add_argument("--json", action="store_true", help="print the ids as JSON")
    parser.add_argument(
        "--lang", choices=("zh", "en"), default="zh", help="language of the texts (default zh)"
    )
    province = parser.add_argument_group(
        "synthetic province", "build a made-up province of chains instead (demos, benchmarks)"
    )
    province.add_argument("--chains", type=int, metavar="N", help="how many chains")
    province.add_argument("--organizations", type=int, metavar="M", help="how many companies")
    province.add_argument("--seed", type=int, default=1, metavar="S", help="(default 1)")
    parser.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from qclinic.storage.startup import open_database

    if args.chains is not None or args.organizations is not None:
        return _province(args)
    database = open_database()
    from qclinic.services.demo import seed

    ids = seed(database, lang=args.lang, spc=True)
    if args.json:
        json.dump(ids, sys.stdout, indent=2)
        print()
    else:
        for key, value in ids.items():
            if isinstance(value, dict):
                value = ", ".join(f"{name} {id_}" for name, id_ in value.items())
            print(f"{key:<22} {', '.join(value) if isinstance(value, list) else value}")
    return 0


def _province(args: argparse.Namespace) -> int:
    from qclinic.cli import message_language
    from qclinic.core.catalogue import say
    from qclinic.services.demo.province import ProvinceService
    from qclinic.services.events import EventBus
    from qclinic.storage.startup import open_database

    chains = args.chains if args.chains is not None else 12
    organizations = args.organizations if args.organizations is not None else 100 * chains
    service = ProvinceService(open_database(), EventBus())
    counts = service.build(chains, organizations, seed=args.seed, source="qclinic demo")
    if args.json:
        json.dump(counts, sys.stdout, indent=2)
        print()
    else:
        names = {"clinic_case": "cases", "action": "actions", "chain": "chains"}
        fields = {names.get(t, t + "s"): n for t, n in counts.items()}
        fields["organizations"] = counts["organization"]
        print(say("portfolio.province_written", message_language(args.lang), **fields))
    return 0
