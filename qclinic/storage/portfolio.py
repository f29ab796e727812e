"""The portfolio's SQL: the chain view's figures as set-based aggregates over indexed columns.

The definitions are in :mod:`qclinic.core.portfolio`; this module holds them as SQL. One common
table expression, ``facts``, has one row per live member of a selected chain with everything the
member-level figures need (its latest grade now and at the end of the previous period, its
4 × 100% flags, its chief quality officer, its open and overdue actions). Each figure is then a
named predicate over ``facts`` (:data:`FIGURES`), and the same predicate gives both the count
(``GROUP BY``) and the companies behind it (the drill-down), so the two cannot drift apart.
The services, visits, cases and problems are counted per event (``events``), grouped by chain,
field and month in the database. No loop in Python walks rows: Python only reshapes the grouped
results into :class:`~qclinic.core.portfolio.ChainFigures`.

Dates compare as ISO text: a timestamp column (``YYYY-MM-DD HH:MM:SS…``, UTC) is before the end
of a day ``D`` when it is ``< D+1`` as text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from qclinic.core.overdue import OPEN_STATUSES
from qclinic.core.portfolio import (
    COVERAGE_KEYS,
    SUPPLIER_CHECKLIST,
    CoverageQuestion,
    PortfolioFilter,
)
from qclinic.core.vocabulary import AssessmentStatus, CaseStatus, ChainRole

_SIGNED = AssessmentStatus.SIGNED.value
_DONE = (AssessmentStatus.COMPLETED.value, AssessmentStatus.SIGNED.value)
_SUPPLIER = ChainRole.SUPPLIER.value
_BEGINNING = "0001-01-01"


def _day_after(day: date) -> str:
    return (day + timedelta(days=1)).isoformat()


def _quoted(values: Sequence[str]) -> str:
    """SQL literals of fixed vocabulary values (never user input)."""
    return ", ".join("'" + value.replace("'", "''") + "'" for value in values)


@dataclass(frozen=True, slots=True)
class Query:
    """The common table expressions of one filter (``members`` … ``facts``) and their parameters.

    Once :func:`materialize` has made them temporary tables, ``parts`` is empty and the
    statements read the tables.
    """

    parts: tuple[tuple[str, str], ...]
    params: dict[str, Any]
    #: where the deciding answers are read (a part's name, or the summary's table as a subquery)
    deciding: str = "deciding"
    #: whether the period's events are read from the summary's ``portfolio_event`` (up to date)
    events_summary: bool = False

    @property
    def ctes(self) -> str:
        """``WITH …`` naming every part (empty once materialized)."""
        return self.with_()

    def with_(self, *extra: str) -> str:
        """``WITH`` the parts and *extra* CTEs (``"name AS (…)"``), or nothing at all."""
        named = [
            f"{name} AS {'' if name.startswith('tagged') else 'MATERIALIZED '}({body})"
            for name, body in self.parts
        ]
        named.extend(extra)
        return "WITH " + ",\n".join(named) if named else ""


def materialize(session: Session, query: Query) -> Query:
    """Compute every part once, as a temporary table of this session's connection, so the
    several statements of one call share them; returns the query that reads the tables."""
    for name, body in query.parts:
        table = name.partition("(")[0]
        session.execute(sql(f"DROP TABLE IF EXISTS temp.{table}"))
        if table == "tagged":
            columns = name[len(table) :]
            session.execute(sql(f"CREATE TEMP TABLE {table}{columns}"))
            session.execute(sql(f"INSERT INTO temp.{table} {body}"), query.params)
        else:
            session.execute(sql(f"CREATE TEMP TABLE {table} AS {body}"), query.params)
        if table in _TEMP_INDEXES:
            session.execute(
                sql(f"CREATE INDEX temp.ix_{table}_portfolio ON {table} ({_TEMP_INDEXES[table]})")
            )
    return Query((), query.params, query.deciding, query.events_summary)


#: the temporary tables' indexes (the company is what the statements join them on)
_TEMP_INDEXES = {"members": "org_id, chain_id", "orgs": "org_id"}


def _bucket(column: str) -> str:
    return f"CASE WHEN {column} IN ('A', 'B', 'C', 'D') THEN {column} ELSE 'ungraded' END"


#: figure → (the key it groups by, the predicate a company must meet), both over ``facts``
FIGURES: dict[str, tuple[str, str]] = {
    "companies": ("''", "1"),
    "role": ("role", "1"),
    "tier": ("CAST(tier AS TEXT)", "1"),
    "grade": (_bucket("grade_now"), f"role = '{_SUPPLIER}'"),
    "previous_grade": (_bucket("grade_prev"), f"role = '{_SUPPLIER}'"),
    "movement": (
        _bucket("grade_prev") + " || '>' || " + _bucket("grade_now"),
        f"role = '{_SUPPLIER}'",
    ),
    **{f"coverage:{key}": ("''", f"cov_{key} = 1") for key in COVERAGE_KEYS},
    **{f"not_covered:{key}": ("''", f"cov_{key} = 0") for key in COVERAGE_KEYS},
    "cqo": ("''", "cqo = 1"),
    "no_cqo": ("''", "cqo = 0"),
    "actions_open": ("''", "actions_open > 0"),
    "actions_overdue": ("''", "actions_overdue > 0"),
}


def _latest_grade(cut: str) -> str:
    """A CTE: each company's latest signed 4-level grade signed before *cut* (a parameter).

    The newest row of each company is picked with SQLite's bare-column ``MAX()`` over a unique
    key (signing time, then id), read from a covering partial index; amended assessments are
    left out by one uncorrelated set of the amendments signed by then.
    """
    return f"""
  SELECT a.organization_id AS org_id, a.grade AS grade, a.score_percent AS score,
         MAX(a.signed_at || a.id) AS latest
  FROM assessment a INDEXED BY ix_assessment_portfolio_signed
  WHERE a.status = '{_SIGNED}' AND a.deleted_at IS NULL
    AND a.checklist_id = :supplier_checklist AND a.signed_at < :{cut}
    AND a.organization_id IN (SELECT org_id FROM orgs)
    AND a.id NOT IN (
      SELECT b.amends_id FROM assessment b INDEXED BY ix_assessment_portfolio_amends
      WHERE b.amends_id IS NOT NULL AND b.status = '{_SIGNED}' AND b.deleted_at IS NULL
        AND b.signed_at < :{cut})
  GROUP BY a.organization_id"""


def _coverage_sql(questions: Sequence[CoverageQuestion]) -> tuple[str, str, dict[str, Any]]:
    """The tagged questions as a VALUES list, the "in place" test of a deciding answer as a
    CASE expression over ``d.checklist_id``, ``d.question_id`` and ``an.value``, and their
    parameters."""
    params: dict[str, Any] = {}
    tagged: list[str] = []
    cases: list[str] = []
    for i, question in enumerate(questions):
        params[f"cq{i}c"], params[f"cq{i}q"], params[f"cq{i}k"] = (
            question.checklist_id,
            question.question_id,
            question.key,
        )
        tagged.append(f"(:cq{i}c, :cq{i}q, :cq{i}k)")
        names = []
        for j, value in enumerate(question.in_place_values):
            params[f"cq{i}v{j}"] = value
            names.append(f":cq{i}v{j}")
        accepted = f"an.value IN ({', '.join(names)})" if names else "0"
        cases.append(f"WHEN d.checklist_id = :cq{i}c AND d.question_id = :cq{i}q THEN {accepted}")
    if not tagged:  # a library without tags: a VALUES list may not be empty
        tagged.append("(NULL, NULL, NULL)")
    in_place = f"COALESCE(CASE {' '.join(cases)} ELSE 0 END, 0)" if cases else "0"
    return ", ".join(tagged), in_place, params


def history_parts(
    questions: Sequence[CoverageQuestion],
) -> tuple[list[tuple[str, str]], dict[str, Any]]:
    """The parts that derive each company's latest grade (``grade_now``, before ``:cut``) and
    its 4 × 100% flags (``deciding``, ``coverage_flags``) from the assessments and answers, for
    the companies of a part named ``orgs``; and their parameters (but ``cut``)."""
    tagged, in_place, params = _coverage_sql(questions)
    params["supplier_checklist"] = SUPPLIER_CHECKLIST
    flags = ",\n    ".join(
        f"COALESCE(MAX(CASE WHEN key = '{key}' THEN in_place END), 0) AS cov_{key}"
        for key in COVERAGE_KEYS
    )
    parts: list[tuple[str, str]] = [
        ("grade_now", _latest_grade("cut")),
        ("tagged(checklist_id, question_id, key)", f"VALUES {tagged}"),
        (
            "latest_for_key",
            f"""
  SELECT a.organization_id AS org_id, t.key AS key, t.checklist_id AS checklist_id,
         t.question_id AS question_id, a.id AS assessment_id, a.completed_at AS completed_at,
         MAX(a.completed_at || a.id) AS latest
  FROM orgs o
  JOIN assessment a INDEXED BY ix_assessment_portfolio_done ON a.organization_id = o.org_id
  JOIN tagged t ON t.checklist_id = a.checklist_id
  WHERE a.status IN ({_quoted(_DONE)}) AND a.deleted_at IS NULL AND a.completed_at < :cut
    AND a.id NOT IN (
      SELECT b.amends_id FROM assessment b INDEXED BY ix_assessment_portfolio_amends
      WHERE b.amends_id IS NOT NULL AND b.status IN ({_quoted(_DONE)})
        AND b.deleted_at IS NULL AND b.completed_at < :cut)
  GROUP BY a.organization_id, t.key
""",
        ),
        (
            "deciding",
            f"""
  SELECT d.org_id, d.key, d.assessment_id, d.checklist_id, d.question_id, an.value AS value,
         d.completed_at, {in_place} AS in_place
  FROM latest_for_key d
  LEFT JOIN answer an INDEXED BY ix_answer_portfolio ON an.assessment_id = d.assessment_id AND an.question_id = d.question_id
       AND an.instance_key = '' AND an.deleted_at IS NULL AND an.is_na = 0
""",
        ),
        (
            "coverage_flags",
            f"""
  SELECT org_id,
    {flags}
  FROM deciding GROUP BY org_id
""",
        ),
    ]
    return parts, params


def facts_query(
    flt: PortfolioFilter,
    questions: Sequence[CoverageQuestion],
    summary: Mapping[str, str] | None = None,
    events_summary: bool = False,
) -> Query:
    """The ``members``, ``orgs``, grade, coverage, action and ``facts`` CTEs for *flt*.

    With *summary* (``table``: the maintained summary's table of grades, scores and flags, one
    row per company, valid for this period; ``deciding``: the deciding answers read from it),
    the facts read those instead of deriving them from the history. With *events_summary*,
    the period's events are read from the summary's (``portfolio_period.events``).
    """
    params: dict[str, Any] = {
        "cut": _day_after(flt.as_of),
        "prev_cut": flt.start.isoformat() if flt.start is not None else _BEGINNING,
        "start": flt.start.isoformat() if flt.start is not None else _BEGINNING,
        "today": flt.today.isoformat(),
    }
    where = ["m.deleted_at IS NULL"]
    if flt.chain_ids:
        names = []
        for i, chain_id in enumerate(flt.chain_ids):
            params[f"chain{i}"] = chain_id
            names.append(f":chain{i}")
        where.append(f"m.chain_id IN ({', '.join(names)})")
    if flt.region:
        params["region"] = flt.region
        where.append("c.region = :region")
    # every chain: the open actions are read in one pass rather than per company (+: no index)
    every = not flt.chain_ids and not flt.region
    history, history_params = history_parts(questions)
    params.update(history_params)
    deciding = "deciding"
    grades = "LEFT JOIN grade_now gn ON gn.org_id = m.org_id"
    flags = "LEFT JOIN coverage_flags cf ON cf.org_id = m.org_id"
    if summary is not None:  # one row per company, read by its key
        history = []
        deciding = f"({summary['deciding']})"
        grades = f"LEFT JOIN {summary['table']} gn ON gn.organization_id = m.org_id"
        flags = ""
    facts_flags = ", ".join(
        f"COALESCE({'gn' if summary is not None else 'cf'}.cov_{key}, 0) AS cov_{key}"
        for key in COVERAGE_KEYS
    )
    previous = _latest_grade("prev_cut")
    if flt.start is None:  # no previous period: nothing is signed before the beginning
        previous = "SELECT NULL AS org_id, NULL AS grade, NULL AS score, NULL AS latest WHERE 0"
    parts: list[tuple[str, str]] = [
        (
            "members",
            f"""
  SELECT m.chain_id AS chain_id, c.name AS chain_name, m.organization_id AS org_id,
         o.name AS name, m.role AS role, m.tier AS tier, m.customer_id AS customer_id,
         CASE WHEN TRIM(COALESCE(o.cqo_name, '')) <> '' THEN 1 ELSE 0 END AS cqo
  FROM chain_member m
  JOIN chain c ON c.id = m.chain_id AND c.deleted_at IS NULL
  JOIN organization o ON o.id = m.organization_id AND o.deleted_at IS NULL
  WHERE {" AND ".join(where)}
""",
        ),
        ("orgs", "SELECT DISTINCT org_id FROM members"),
        *history[:1],
        ("grade_prev", previous),
        *history[1:],
        (
            "open_actions",
            f"""
  SELECT x.organization_id AS org_id, x.owner AS owner, COUNT(*) AS open,
         SUM(x.due_date IS NOT NULL AND x.due_date < :today) AS overdue
  FROM action x
  WHERE x.deleted_at IS NULL AND x.status IN ({_quoted(OPEN_STATUSES)})
    AND {"+" if every else ""}x.organization_id IN (SELECT org_id FROM orgs)
    AND x.id NOT IN (
      SELECT y.origin_id FROM action y WHERE y.origin_id IS NOT NULL AND y.deleted_at IS NULL)
  GROUP BY x.organization_id, x.owner
""",
        ),
        (
            "actions_per_org",
            """
  SELECT org_id, SUM(open) AS open, SUM(overdue) AS overdue FROM open_actions GROUP BY org_id
""",
        ),
        (
            "facts",
            f"""
  SELECT m.chain_id, m.chain_name, m.org_id, m.name, m.role, m.tier, m.customer_id, m.cqo,
         gn.grade AS grade_now, gn.score AS score_now, gp.grade AS grade_prev,
         {facts_flags},
         COALESCE(ap.open, 0) AS actions_open, COALESCE(ap.overdue, 0) AS actions_overdue
  FROM members m
  {grades}
  LEFT JOIN grade_prev gp ON gp.org_id = m.org_id
  {flags}
  LEFT JOIN actions_per_org ap ON ap.org_id = m.org_id
""",
        ),
    ]
    return Query(tuple(parts), params, deciding, events_summary)


def figure_counts(session: Session, query: Query) -> list[tuple[str, str | None, str, int]]:
    """Every member-level figure as (figure, chain id or None for the total, key, companies).

    Two passes over ``facts`` grouped by chain: one sums the figures without a key, the other
    groups by the keys of those with one (role, tier, grades, movement; a key is NULL where its
    predicate fails). The total counts each company once: it is the chains' sum less what the
    companies in several chains add to it beyond once, counted over their few rows (``shared``).
    """
    scalar = [name for name, (key, _predicate) in FIGURES.items() if key == "''"]
    keyed = [name for name in FIGURES if name not in scalar]
    sums = ("actions_open", "actions_overdue")
    values = [f"({FIGURES[name][1]})" for name in scalar] + list(sums)
    names = [*scalar, *(f"sum:{column}" for column in sums)]
    keys = [f"CASE WHEN {FIGURES[name][1]} THEN {FIGURES[name][0]} END" for name in keyed]
    shared = """shared AS MATERIALIZED (
  SELECT * FROM facts
  WHERE org_id IN (SELECT org_id FROM members GROUP BY org_id HAVING COUNT(*) > 1)
)"""
    chains = ", ".join(f"SUM({value})" for value in values)
    rows: list[tuple[str, str | None, str, int]] = []
    total: dict[tuple[str, str], int] = dict.fromkeys(((name, "") for name in names), 0)
    statement = f"{query.ctes}\nSELECT chain_id, {chains} FROM facts GROUP BY chain_id"
    for row in session.execute(sql(statement), query.params).all():
        for name, value in zip(names, row[1:], strict=True):
            rows.append((name, row[0], "", int(value or 0)))
            total[(name, "")] += int(value or 0)
    grouped = ", ".join(f"k{i}" for i in range(len(keys)))
    statement = (
        f"{query.ctes}\nSELECT chain_id, {grouped}, COUNT(*) FROM (SELECT chain_id, "
        + ", ".join(f"{key} AS k{i}" for i, key in enumerate(keys))
        + f" FROM facts) GROUP BY chain_id, {grouped}"
    )
    per_chain: dict[tuple[str, str | None, str], int] = {}
    for row in session.execute(sql(statement), query.params).all():
        n = int(row[-1])
        for name, key in zip(keyed, row[1:-1], strict=True):
            if key is not None:
                per_chain[(name, row[0], key)] = per_chain.get((name, row[0], key), 0) + n
                total[(name, key)] = total.get((name, key), 0) + n
    rows.extend((name, chain, key, n) for (name, chain, key), n in per_chain.items())
    # what the companies in several chains add beyond once: rows less companies, per figure
    beyond = [
        "SELECT NULL, "
        + ", ".join(f"SUM(r{i}) - SUM(m{i})" for i in range(len(values)))
        + " FROM (SELECT "
        + ", ".join(f"SUM({v}) AS r{i}, MAX({v}) AS m{i}" for i, v in enumerate(values))
        + " FROM shared GROUP BY org_id)"
    ]
    width = len(values) - 2
    beyond.extend(
        f"SELECT '{name}', {FIGURES[name][0]}, COUNT(*) - COUNT(DISTINCT org_id)"
        + ", NULL" * width
        + f" FROM shared WHERE {FIGURES[name][1]} GROUP BY {FIGURES[name][0]}"
        for name in keyed
    )
    statement = query.with_(shared) + "\n" + "\nUNION ALL\n".join(beyond)
    for row in session.execute(sql(statement), query.params).all():
        if row[0] is None:
            for name, value in zip(names, row[1:], strict=True):
                total[(name, "")] -= int(value or 0)
        else:
            total[(row[0], row[1])] -= int(row[2] or 0)
    rows.extend((name, None, key, n) for (name, key), n in total.items())
    return rows


def chain_names(session: Session, query: Query) -> list[tuple[str, str]]:
    """The selected chains that have members, by name."""
    statement = query.ctes + "\nSELECT DISTINCT chain_id, chain_name FROM facts ORDER BY 2, 1"
    return [(r[0], r[1]) for r in session.execute(sql(statement), query.params).all()]


def drill(
    session: Session, query: Query, figure: str, key: str, chain_id: str | None
) -> list[tuple[str, str]]:
    """The companies (id, name) behind one figure's count (same key and predicate as the count)."""
    key_sql, predicate = FIGURES[figure]
    params = {**query.params, "drill_key": key}
    chain = ""
    if chain_id is not None:
        chain = " AND chain_id = :drill_chain"
        params["drill_chain"] = chain_id
    statement = (
        f"{query.ctes}\nSELECT DISTINCT org_id, name FROM facts WHERE {predicate}"
        f" AND {key_sql} = :drill_key{chain} ORDER BY name, org_id"
    )
    return [(r[0], r[1]) for r in session.execute(sql(statement), params).all()]


def members(session: Session, query: Query, chain_id: str) -> list[Mapping[str, Any]]:
    """The members of one chain with their facts, by tier and name (the report's tables)."""
    statement = f"""{query.ctes}
SELECT f.*, cu.name AS customer_name
FROM facts f LEFT JOIN organization cu ON cu.id = f.customer_id
WHERE f.chain_id = :member_chain ORDER BY f.tier, f.name"""
    params = {**query.params, "member_chain": chain_id}
    return [dict(row._mapping) for row in session.execute(sql(statement), params).all()]


def coverage_trace(session: Session, query: Query, chain_id: str | None) -> list[Mapping[str, Any]]:
    """Per company and key the deciding answer (companies without one have no row)."""
    params = dict(query.params)
    chain = ""
    if chain_id is not None:
        chain = "WHERE chain_id = :trace_chain"
        params["trace_chain"] = chain_id
    statement = f"""{query.ctes}
SELECT d.org_id, f.name, d.key, d.assessment_id, d.checklist_id, d.question_id, d.value,
       d.completed_at, d.in_place
FROM {query.deciding} d JOIN (SELECT DISTINCT org_id, name FROM facts {chain}) f ON f.org_id = d.org_id
ORDER BY f.name, d.org_id, d.key"""
    return [dict(row._mapping) for row in session.execute(sql(statement), params).all()]


#: the kinds of event the services and problems figures count (:func:`happened_cte`)
EVENT_KINDS = ("visit", "assessment", "case", "solved", "referral")


def happened_cte(within: str) -> str:
    """The CTE ``happened`` (kind, org_id, field, day): the period's visits, completed
    assessments, cases received, problems solved and referrals delivered of the organizations
    in the CTE *within* (a column ``org_id``). One definition for the figures (:func:`events`)
    and the companies behind them (``portfolio_events``), so the two always add up."""
    return f"""happened AS (
  SELECT 'visit' AS kind, organization_id AS org_id, '' AS field, visit_date AS day
  FROM visit WHERE deleted_at IS NULL AND visit_date >= :start AND visit_date < :cut
    AND organization_id IN (SELECT org_id FROM {within})
  UNION ALL
  SELECT 'assessment', organization_id, '', completed_at
  FROM assessment INDEXED BY ix_assessment_portfolio_done
  WHERE deleted_at IS NULL AND amends_id IS NULL AND status IN ({_quoted(_DONE)})
    AND completed_at >= :start AND completed_at < :cut
    AND organization_id IN (SELECT org_id FROM {within})
  UNION ALL
  SELECT 'case', organization_id, nqi_category, created_at FROM clinic_case
  WHERE deleted_at IS NULL AND created_at >= :start AND created_at < :cut
    AND organization_id IN (SELECT org_id FROM {within})
  UNION ALL
  SELECT 'solved', organization_id, nqi_category, resolved_on FROM clinic_case
  WHERE deleted_at IS NULL AND status = '{CaseStatus.RESOLVED.value}'
    AND resolved_on >= :start AND resolved_on < :cut
    AND organization_id IN (SELECT org_id FROM {within})
  UNION ALL
  SELECT 'referral', organization_id, nqi_category, delivered_on
  FROM referral INDEXED BY ix_referral_portfolio
  WHERE deleted_at IS NULL AND delivered_on >= :start AND delivered_on < :cut
    AND organization_id IN (SELECT org_id FROM {within})
)"""
