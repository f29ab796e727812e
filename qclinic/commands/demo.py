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
    parser.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from qclinic.storage.startup import open_database

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
