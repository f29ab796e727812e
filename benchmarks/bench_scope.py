"""Benchmark the server's access scope: what a lead's request costs with a large province.

Fills a server database (SQLite in a temporary folder) with N organizations in C chains (every
organization a member of one chain, each supplying the one before it) and a lead assigned one
chain and one region, then times, best of 5, in process:

- ``scope_of`` for the lead (their chains' live members and their region's organizations);
- ``visible_keys`` (the ``GET /v1/organizations`` answer) for the lead and for an admin;
- a pull page of one member organization, with its chain and its customer carried along.

Usage::

    python benchmarks/bench_scope.py [--organizations 10000] [--chains 20]
"""

from __future__ import annotations

import argparse
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from qclinic.server import accounts, db
from qclinic.server.accounts import Caller
from qclinic.server.models import Record
from qclinic.server.pull import page
from qclinic.server.scope import ScopeCache, scope_of, visible_keys


def _best(work: Callable[[], Any], runs: int = 5) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best, result


def _record(
    seq: int, entity: str, row_id: str, scope: str, fields: dict[str, Any]
) -> dict[str, Any]:
    return {
        "row_id": row_id,
        "entity": entity,
        "organization_id": scope,
        "revision": 1,
        "fields": fields,
        "field_revisions": dict.fromkeys(fields, 1),
        "deleted": False,
        "seq": seq,
        "changed_by": "bench",
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--organizations", type=int, default=10_000)
    parser.add_argument("--chains", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        engine = db.make_engine(db.database_url(Path(folder)))
        db.upgrade(engine)
        chains = [str(uuid.uuid4()) for _ in range(args.chains)]
        organizations = [str(uuid.uuid4()) for _ in range(args.organizations)]
        rows = [_record(n + 1, "chain", c, c, {"name": f"C{n}"}) for n, c in enumerate(chains)]
        seq = len(rows)
        for n, organization in enumerate(organizations):
            chain = chains[n % args.chains]
            customer = organizations[n - args.chains] if n >= args.chains else None
            region = f"R{n % 50}"
            seq += 2
            rows.append(
                _record(
                    seq - 1,
                    "organization",
                    organization,
                    organization,
                    {"name": f"O{n}", "region": region},
                )
            )
            fields = {
                "chain_id": chain,
                "organization_id": organization,
                "customer_id": customer,
                "tier": n // args.chains,
            }
            rows.append(_record(seq, "chain_member", str(uuid.uuid4()), organization, fields))
        with db.sessions(engine)() as session, session.begin():
            session.execute(insert(Record), rows)
            lead = accounts.add_user(
                session, "lead", "lead", "bench password", [], chains=[chains[0]], regions=["R7"]
            )
            admin = accounts.add_user(session, "root", "admin", "bench password", [])
            lead_caller = Caller(lead.id, "lead", "lead", "bench")
            admin_caller = Caller(admin.id, "root", "admin", "bench")
        factory = db.sessions(engine)
        with factory() as session:
            scope_s, scope = _best(lambda: scope_of(session, lead_caller))
            lead_s, (lead_orgs, lead_chains) = _best(lambda: visible_keys(session, lead_caller))
            admin_s, (all_orgs, _all) = _best(lambda: visible_keys(session, admin_caller))
            member = organizations[args.chains * 3]  # tier 3 of chain 0: customer in sight
            page_s, pulled = _best(lambda: page(session, member, 0, 1000, scope))
            cache = ScopeCache()
            cache.scope(session, lead_caller)
            cached_s, _scope = _best(lambda: cache.scope(session, lead_caller))
            # a lead's whole pull: a scope check and a first page for each of their organizations
            start = time.perf_counter()
            for key in lead_orgs:
                page(session, key, 0, 1000, cache.scope(session, lead_caller))
            sync_s = time.perf_counter() - start
        engine.dispose()
    print(
        f"{args.organizations:,} organizations, {args.chains} chains; the lead sees "
        f"{len(lead_orgs):,} organizations and {len(lead_chains)} chains"
    )
    print(f"scope_of (lead)                     {scope_s * 1000:7.1f} ms")
    print(f"GET /v1/organizations (lead)        {lead_s * 1000:7.1f} ms")
    print(f"GET /v1/organizations (admin, {len(all_orgs):,}) {admin_s * 1000:7.1f} ms")
    print(f"pull page of a member ({len(pulled['rows'])} rows)      {page_s * 1000:7.1f} ms")
    print(f"the scope again, nothing changed      {cached_s * 1000:7.1f} ms")
    print(f"the lead's {len(lead_orgs)} first pages, one by one   {sync_s:7.2f} s")


if __name__ == "__main__":
    main()
