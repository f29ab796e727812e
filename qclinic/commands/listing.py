"""``qclinic list KIND [--json]``: the records in this data folder, read-only, for scripts and
tests (comparing two synced laptops, say).

Each row has the record's id, its organization's id (not for organizations and chains), name
(or title), status, revision, ``updated_at`` and ``deleted_at``; rows are ordered by id (UUIDv7: creation order), so two
laptops that synced list the same rows in the same order. Everything is read through the
services. ``conflicts`` lists the sync conflicts this data folder keeps (``"source": "local"``,
schema 0011; :mod:`qclinic.services.conflicts`), resolved ones too (``"resolved"``).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

#: the kinds listed that belong to one organization (``--org``)
OWNED_KINDS = ("assessments", "actions", "cases")
#: the kinds listed that belong to no organization (no ``organization_id`` column)
UNOWNED_KINDS = ("organizations", "chains")
#: the table's columns, name last (it is the one of varying width)
COLUMNS = ("id", "organization_id", "status", "revision", "updated_at", "deleted_at", "name")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "list",
        help="list organizations, chains, assessments, actions, cases or conflicts (read-only)",
    )
    kinds = parser.add_subparsers(dest="list_kind", metavar="KIND", required=True)
    for kind in (*UNOWNED_KINDS, *OWNED_KINDS):
        sub = kinds.add_parser(kind, help=f"the {kind} in this data folder")
        if kind in OWNED_KINDS:
            sub.add_argument("--org", metavar="ID", help="only those of organization ID")
        sub.add_argument(
            "--include-deleted", action="store_true", help="also deleted ones (tombstones)"
        )
        _common(sub)
    conflicts = kinds.add_parser(
        "conflicts", help="the sync conflicts this computer keeps a record of"
    )
    _common(conflicts)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    # the global --lang fills it (qclinic.cli.run); without either, the locale decides
    parser.add_argument("--lang", choices=("zh", "en"), default=None, help="message language")
    parser.set_defaults(func=cmd_list)


def cmd_list(args: argparse.Namespace) -> int:
    from qclinic.cli import message_language
    from qclinic.services import Services
    from qclinic.storage.startup import open_database

    services = Services(open_database())
    kind: str = args.list_kind
    listing: dict[str, Any] = {"kind": kind}
    if kind == "conflicts":
        known = services.sync.conflicts()
        listing["source"] = known.source
        rows: list[dict[str, Any]] = list(known.conflicts)
        listing["open"] = sum(1 for row in rows if not row["resolved"])
    else:
        rows = [row.as_dict() for row in _records(services, kind, args)]
    listing["count"] = len(rows)
    listing["rows"] = rows
    if args.json:
        json.dump(listing, sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        _print_table(kind, rows, message_language(args.lang))
    return 0


def _records(services: Any, kind: str, args: argparse.Namespace) -> list[Any]:
    include_deleted: bool = args.include_deleted
    if kind == "organizations":
        return list(services.organizations.records(include_deleted=include_deleted))
    if kind == "chains":
        return list(services.chains.records(include_deleted=include_deleted))
    organization: str | None = args.org
    if organization is not None:
        services.organizations.get(organization, include_deleted=True)  # refuses an unknown id
    service = {"assessments": services.assessments, "actions": services.actions}.get(
        kind, services.cases
    )
    return list(service.records(organization_id=organization, include_deleted=include_deleted))


def _print_table(kind: str, rows: list[dict[str, Any]], lang: str) -> None:
    from qclinic.core.catalogue import say

    if kind == "conflicts":
        if not rows:
            print(say("sync.list_no_conflicts", lang))
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    if not rows:
        print(say("sync.list_empty", lang))
        return
    columns = [c for c in COLUMNS if kind not in UNOWNED_KINDS or c != "organization_id"]
    cells = [[_cell(row[c]) for c in columns] for row in rows]
    widths = [max(len(c), *(len(line[i]) for line in cells)) for i, c in enumerate(columns)]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    for line in cells:
        print("  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip())


def _cell(value: object) -> str:
    return "-" if value is None else str(value)
