"""The chain view's figures, read-only: ``services.portfolio``.

The definitions are :mod:`qclinic.core.portfolio`'s; the SQL is :mod:`qclinic.storage.portfolio`'s
(a few set-based statements per call, no row loops). The dashboard, the chain report and
``qclinic portfolio`` all read here, so they agree. Nothing here writes.

Which questions decide the 4 × 100% comes from the ``coverage:`` tags of the checklist library:
the built-in checklists as shipped, and the newest stored version of every other checklist.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import json
from collections import defaultdict
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from qclinic.core.portfolio import (
    COVERAGE_KEYS,
    GRADES,
    UNGRADED,
    WEAKEST_COUNT,
    ChainFigures,
    ChainView,
    CompanyActions,
    CompanyRef,
    Coverage,
    CoverageQuestion,
    CoverageTrace,
    Month,
    OwnerActions,
    Portfolio,
    PortfolioFilter,
    Problems,
    Services,
    SupplierRow,
    WeakSupplier,
    coverage_questions,
    grade_bucket,
)
from qclinic.services.base import Service
from qclinic.services.portfolio_events import EventCompany, grouped
from qclinic.storage import portfolio as queries
from qclinic.storage import portfolio_events as event_queries
from qclinic.storage import portfolio_lists as list_queries
from qclinic.storage import portfolio_period as period_queries
from qclinic.storage import portfolio_summary as summary

if TYPE_CHECKING:
    from qclinic.services.events import EventBus
    from qclinic.storage.database import Database

__all__ = ["PortfolioService"]

#: a figure's counts: (figure, chain id or None, key) → companies
_Counts = Mapping[tuple[str, str | None, str], int]


class PortfolioService(Service):
    """The portfolio figures (see the module docstring).

    The last figures computed for all chains are kept until the next change event on the bus
    (any table: the desktop announces changes made here, by sync and by other programs), and
    one chain's figures are then taken from them: switching the dashboard's chain filter does
    not compute again. One chain's figures are the same whether computed alone or with the
    others (each figure of a chain depends on that chain's companies only).
    """

    _tags: tuple[tuple[tuple[str, str], ...], tuple[CoverageQuestion, ...]] | None = None

    def __init__(self, database: Database, bus: EventBus) -> None:
        super().__init__(database, bus)
        self._cache: dict[PortfolioFilter, Portfolio] = {}
        bus.subscribe(lambda _event: self._cache.clear())

    def coverage_questions(self) -> tuple[CoverageQuestion, ...]:
        """The questions tagged ``coverage:`` in the library, with their "in place" answers."""
        from qclinic.core.checklists.library import builtin
        from qclinic.core.checklists.loader import from_frozen
        from qclinic.storage.library import checklist_content, list_library

        library = builtin()
        entries = tuple((e.id, e.version) for e in list_library(self._database))
        if self._tags is not None and self._tags[0] == entries:
            return self._tags[1]
        checklists = library.all()
        builtin_ids = set(library.ids())
        with self._reading() as session:
            for checklist_id, version in entries:
                if checklist_id not in builtin_ids:
                    content = checklist_content(session, checklist_id, version)
                    checklists.append(from_frozen(content, checklist_id))
        found = coverage_questions(checklists)
        self._tags = (entries, found)
        return found

    def _query(self, flt: PortfolioFilter) -> queries.Query:
        """The figures of *flt* derived from the history (assessments and answers)."""
        return queries.facts_query(flt, self.coverage_questions())

    def refresh_summary(self) -> int | None:
        """Bring the summary (:mod:`qclinic.storage.portfolio_summary`) up to date from the
        change log; returns how many companies were computed again (None: all of them).

        The summary is derived data, not the user's: it is written here, in one transaction of
        its own, logged nowhere and announced to no one.
        """
        library = self._library()
        with self._reading() as session:
            tags = summary.known_tags(session, library)
            if tags is not None and summary.pending(session, tags) is None:
                return 0  # up to date, and the checklists need not be read for their tags
        questions = self.coverage_questions()
        with self._database.session() as session:
            return summary.refresh(session, questions, library)

    def rebuild_summary(self) -> None:
        """Compute every company's summary again from the history (``qclinic portfolio
        --rebuild-summary``); the figures never need it, it is a repair."""
        questions = self.coverage_questions()
        with self._database.session() as session:
            summary.invalidate(session)
            summary.refresh(session, questions, self._library())
        self._cache.clear()

    def _library(self) -> str:
        """A fingerprint of what the 4 × 100% tags are read from: the library's versions and
        the built-in checklist files (their names, sizes and modification times)."""
        import hashlib
        from pathlib import Path

        from qclinic import paths
        from qclinic.storage.library import list_library

        entries = [(e.id, e.version) for e in list_library(self._database)]
        files = []
        for path in sorted(Path(paths.builtin_checklists_dir()).glob("*.yaml")):
            stat = path.stat()
            files.append((path.name, stat.st_mtime_ns, stat.st_size))
        described = json.dumps([entries, files]).encode()
        return hashlib.sha256(described).hexdigest()[:16]

    def _prepared(self, session: Any, flt: PortfolioFilter, fresh: bool) -> queries.Query:
        """The figures of *flt*, from the summary when it is *fresh* and answers the period,
        else from the history; materialized in *session*."""
        if fresh:
            # the summary's parts replace every part the tagged questions are needed for
            query = queries.facts_query(flt, (), summary.PARTS, events_summary=True)
            if summary.covers(session, query.params["cut"]):
                return queries.materialize(session, query)
        # the events are summarised by day: the summary answers any period's
        query = queries.facts_query(flt, self.coverage_questions(), events_summary=fresh)
        return queries.materialize(session, query)

    def _fresh(self) -> bool:
        """Refresh the summary if this database may be written; whether it is up to date."""
        from qclinic.storage.errors import DatabaseUnavailable

        if self._database.read_only:
            return False
        try:
            self.refresh_summary()
        except DatabaseUnavailable:  # busy, full, read-only medium: read the history instead
            return False
        return True

    def figures(self, flt: PortfolioFilter) -> Portfolio:
        """Every figure per selected chain and for all of them together."""
        every = dataclasses.replace(flt, chain_ids=())
        known = self._cache.get(every)
        if known is not None and len(flt.chain_ids) == 1:
            chain = next((c for c in known.chains if c.id == flt.chain_ids[0]), None)
            if chain is not None:
                return Portfolio(flt, (chain,), dataclasses.replace(chain, id=None, name=""))
        if flt in self._cache:
            return self._cache[flt]
        computed = self._compute(flt)
        if len(self._cache) >= 32:  # periods and regions tried one after another
            self._cache.clear()
        self._cache[flt] = computed
        return computed

    def _compute(self, flt: PortfolioFilter) -> Portfolio:
        fresh = self._fresh()
        with _no_collection(), self._reading() as session:
            query = self._prepared(session, flt, fresh)
            return self._portfolio(session, query, flt)

    def _portfolio(self, session: Any, query: queries.Query, flt: PortfolioFilter) -> Portfolio:
        """Every figure of the materialized *query* (see :meth:`figures`)."""
        names = queries.chain_names(session, query)
        counts = {(f, c, k): n for f, c, k, n in queries.figure_counts(session, query)}
        happened = period_queries.events(session, query)
        weak, owners, companies = list_queries.member_lists(session, query, WEAKEST_COUNT)
        # each chain's share of every result, taken once (not filtered again per chain)
        counts_of: dict[str | None, dict[tuple[str, str | None, str], int]] = defaultdict(dict)
        for key, n in counts.items():
            counts_of[key[1]][key] = n
        happened_of = _by_chain(happened, 1)
        weak_of, owners_of = _by_chain(weak), _by_chain(owners)
        # one CompanyActions per company, shared by its chains and the total
        made: dict[str, CompanyActions] = {}
        for _chain_id, org_id, org_name, n_open, n_overdue in companies:
            if org_id not in made:
                made[org_id] = CompanyActions(CompanyRef(org_id, org_name), n_open, n_overdue)
        companies_of: dict[str | None, list[CompanyActions]] = defaultdict(list)
        for row in companies:
            companies_of[row[0]].append(made[row[1]])
        companies_of[None] = [made[org_id] for org_id in dict.fromkeys(r[1] for r in companies)]
        chains = tuple(
            _chain(
                chain_id,
                name,
                flt,
                counts_of[chain_id],
                happened_of[chain_id],
                weak_of[chain_id],
                owners_of[chain_id],
                companies_of[chain_id],
            )
            for chain_id, name in names
        )
        total = _chain(
            None,
            "",
            flt,
            counts_of[None],
            happened_of[None],
            weak_of[None],
            owners_of[None],
            companies_of[None],
        )
        return Portfolio(flt, chains, total)

    def companies(
        self, flt: PortfolioFilter, figure: str, key: str = "", chain_id: str | None = None
    ) -> list[CompanyRef]:
        """The companies behind one figure (the dashboard's click-through).

        *figure* is one of :data:`qclinic.storage.portfolio.FIGURES` (``companies``, ``role``,
        ``tier``, ``grade``, ``previous_grade``, ``movement``, ``coverage:<key>``,
        ``not_covered:<key>``, ``cqo``, ``no_cqo``, ``actions_open``, ``actions_overdue``) and
        *key* its value (a role, a tier as text, a grade, ``"C>B"`` for a movement, else ``""``);
        *chain_id* None means all selected chains.
        """
        if figure not in queries.FIGURES:
            raise KeyError(figure)
        fresh = self._fresh()
        with self._reading() as session:
            query = self._prepared(session, _narrowed(flt, chain_id), fresh)
            rows = queries.drill(session, query, figure, key, chain_id)
        return [CompanyRef(org_id, name) for org_id, name in rows]

    def event_companies(
        self,
        flt: PortfolioFilter,
        kinds: tuple[str, ...],
        field: str | None = None,
        month: str | None = None,
        chain_id: str | None = None,
    ) -> list[EventCompany]:
        """The companies behind a services or problems figure (the dashboard's click-through),
        each with its count of events per kind: *kinds* of ``visit``, ``assessment``, ``case``
        (received), ``solved``; *field* an NQI field, *month* ``YYYY-MM`` (None: any)."""
        with self._reading() as session:
            query = self._query(_narrowed(flt, chain_id))
            rows = event_queries.event_companies(session, query, kinds, field, month, chain_id)
        return grouped(rows)

    def suppliers(self, flt: PortfolioFilter, chain_id: str) -> list[SupplierRow]:
        """Every member of one chain as the chain report's tables show it, by tier and name."""
        fresh = self._fresh()
        with self._reading() as session:
            query = self._prepared(session, _narrowed(flt, chain_id), fresh)
            rows = queries.members(session, query, chain_id)
        return _supplier_rows(rows, flt)

    def chain_view(self, chain_id: str, flt: PortfolioFilter) -> ChainView:
        """One chain's figures, the previous period's filter and its supplier rows, read
        together (the chain report): one set of facts for all three."""
        narrowed = dataclasses.replace(flt, chain_ids=(chain_id,))
        fresh = self._fresh()
        with self._reading() as session:
            query = self._prepared(session, narrowed, fresh)
            portfolio = self._portfolio(session, query, narrowed)
            rows = queries.members(session, query, chain_id)
        figures = next((c for c in portfolio.chains if c.id == chain_id), None)
        if figures is None:  # a chain without live members: the (empty) total, named for it
            figures = dataclasses.replace(portfolio.total, id=chain_id)
        return ChainView(figures, flt.previous, tuple(_supplier_rows(rows, flt)))

    def coverage_trace(
        self, flt: PortfolioFilter, chain_id: str | None = None
    ) -> list[CoverageTrace]:
        """For each company (of one chain, or all) and 4 × 100% key, the answer that decided it;
        a company with no such answer gets a trace without an assessment (not in place)."""
        fresh = self._fresh()
        with self._reading() as session:
            query = self._prepared(session, _narrowed(flt, chain_id), fresh)
            decided = queries.coverage_trace(session, query, chain_id)
            everyone = (
                queries.members(session, query, chain_id)
                if chain_id is not None
                else self._all_companies(session, query)
            )
        found = {(row["org_id"], row["key"]): row for row in decided}
        traces: list[CoverageTrace] = []
        seen: set[str] = set()
        for member in everyone:
            if member["org_id"] in seen:
                continue
            seen.add(member["org_id"])
            company = CompanyRef(member["org_id"], member["name"])
            for key in COVERAGE_KEYS:
                row = found.get((company.id, key))
                if row is None:
                    traces.append(CoverageTrace(company, key, False))
                    continue
                traces.append(
                    CoverageTrace(
                        company,
                        key,
                        bool(row["in_place"]),
                        row["assessment_id"],
                        row["checklist_id"],
                        row["question_id"],
                        json.loads(row["value"]) if row["value"] is not None else None,
                        str(row["completed_at"]),
                    )
                )
        return traces

    @staticmethod
    def _all_companies(session: Any, query: queries.Query) -> list[Mapping[str, Any]]:
        from sqlalchemy import text as sql

        statement = f"{query.ctes}\nSELECT DISTINCT org_id, name FROM facts ORDER BY name, org_id"
        return [dict(r._mapping) for r in session.execute(sql(statement), query.params).all()]


@contextlib.contextmanager
def _no_collection() -> Iterator[None]:
    """Hold the cyclic garbage collector while the figures are computed.

    They make some hundred thousand rows, tuples and frozen objects, none of them in a cycle;
    the collector's full passes over every object of the process (SQLAlchemy's, Qt's) fell
    inside one computation in two and cost it 40 ms of 300 (``bench_portfolio.py``). What the
    computation leaves is collected as usual afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _chain(
    chain_id: str | None,
    name: str,
    flt: PortfolioFilter,
    counts: _Counts,
    happened: list[tuple[str, str | None, str, str, int]],
    weak: list[tuple[str | None, str, str, str | None, float]],
    owners: list[tuple[str | None, str, int, int]],
    companies: list[CompanyActions],
) -> ChainFigures:
    """One chain's figures (or the total's, *chain_id* None) from the grouped query results."""

    def keyed(figure: str) -> dict[str, int]:
        return {k: n for (f, c, k), n in counts.items() if f == figure and c == chain_id}

    def one(figure: str) -> int:
        return counts.get((figure, chain_id, ""), 0)

    has_previous = flt.start is not None
    grades = keyed("grade")
    previous = keyed("previous_grade")
    movement: dict[tuple[str, str], int] = {}
    if has_previous:
        for pair, n in keyed("movement").items():
            was, _, now = pair.partition(">")
            movement[(was, now)] = n
    service_counts: dict[str, int] = defaultdict(int)
    by_field: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    referred: dict[str, int] = defaultdict(int)
    by_month: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for kind, chain, field_name, month, n in happened:
        if chain != chain_id:
            continue
        service_counts[kind] += n
        by_month[month][kind] += n
        if kind == "case":
            by_field[field_name][0] += n
        elif kind == "solved":
            by_field[field_name][1] += n
        elif kind == "referral":
            referred[field_name] += n
    companies_count = one("companies")
    return ChainFigures(
        id=chain_id,
        name=name,
        companies=companies_count,
        by_role=keyed("role"),
        by_tier={int(k): n for k, n in keyed("tier").items()},
        grades={g: grades.get(g, 0) for g in GRADES},
        previous_grades={g: previous.get(g, 0) for g in GRADES} if has_previous else None,
        movement=movement,
        coverage={key: Coverage(one(f"coverage:{key}"), companies_count) for key in COVERAGE_KEYS},
        cqo_appointed=one("cqo"),
        services=Services(
            service_counts["visit"],
            service_counts["assessment"],
            service_counts["case"],
            service_counts["referral"],
            dict(referred),
        ),
        problems=Problems(service_counts["case"], service_counts["solved"]),
        problems_by_field={k: Problems(r, s) for k, (r, s) in by_field.items()},
        by_month=tuple(
            Month(
                month,
                Services(kinds["visit"], kinds["assessment"], kinds["case"], kinds["referral"]),
                Problems(kinds["case"], kinds["solved"]),
            )
            for month, kinds in sorted(by_month.items())
        ),
        actions_open=one("sum:actions_open"),
        actions_overdue=one("sum:actions_overdue"),
        actions_by_company=tuple(companies),
        actions_by_owner=tuple(
            OwnerActions(owner, n_open, n_overdue)
            for chain, owner, n_open, n_overdue in sorted(
                owners, key=lambda o: (-o[3], -o[2], o[1])
            )
            if chain == chain_id
        ),
        weakest=tuple(
            WeakSupplier(CompanyRef(org_id, org_name), grade_bucket(grade), float(score))
            for chain, org_id, org_name, grade, score in weak
            if chain == chain_id
        ),
    )


def _supplier_rows(rows: list[Mapping[str, Any]], flt: PortfolioFilter) -> list[SupplierRow]:
    """The chain report's rows of a chain's facts."""
    has_previous = flt.start is not None
    return [
        SupplierRow(
            company=CompanyRef(row["org_id"], row["name"]),
            role=row["role"],
            tier=int(row["tier"]),
            customer=(
                CompanyRef(row["customer_id"], row["customer_name"] or "")
                if row["customer_id"]
                else None
            ),
            grade=grade_bucket(row["grade_now"]),
            previous_grade=grade_bucket(row["grade_prev"]) if has_previous else None,
            score=row["score_now"],
            coverage={key: bool(row[f"cov_{key}"]) for key in COVERAGE_KEYS},
            cqo_appointed=bool(row["cqo"]),
            actions_open=int(row["actions_open"]),
            actions_overdue=int(row["actions_overdue"]),
        )
        for row in rows
    ]


def _by_chain(rows: list[Any], at: int = 0) -> dict[str | None, list[Any]]:
    """*rows* whose item *at* is a chain id (None: the total), by chain, in their order."""
    grouped: dict[str | None, list[Any]] = defaultdict(list)
    for row in rows:
        grouped[row[at]].append(row)
    return grouped


def _narrowed(flt: PortfolioFilter, chain_id: str | None) -> PortfolioFilter:
    """*flt* on one chain only (its figures do not depend on the other chains)."""
    if chain_id is None or (flt.chain_ids and chain_id not in flt.chain_ids):
        return flt
    return dataclasses.replace(flt, chain_ids=(chain_id,))


__all__ += ["UNGRADED"]
