"""The portfolio's summary (schema 0014), kept up to date from the change log.

Each company's latest signed 4-level grade and score and its four 4 × 100% flags with the
answers behind them are derived from 50,000 assessments and a million answers; the figures read
them from ``portfolio_summary`` and ``portfolio_coverage`` instead, one row per company.

The rows cannot drift from the history: they are computed by the very statements the figures
run when they derive the same values themselves (:func:`qclinic.storage.portfolio.history_parts`,
with no end date), and they are brought up to date before the figures are read
(:func:`refresh`): every write — the services, a pulled page of the sync, a bundle — appends
``change_log`` lines in its own transaction, so the lines after the summary's watermark name
every assessment and answer changed since; the companies they belong to are computed again and
the watermark moves on, in one transaction. The watermark (``local_state``) also records which
questions decide the 4 × 100% (the library's ``coverage:`` tags): when they change, or the
watermark is missing (a new or migrated database, the synthetic province, :func:`invalidate`),
or the log no longer holds the lines after it, everything is rebuilt.

The services and problems (visits, completed assessments, cases received and solved, referrals
delivered) are counted per day, company, kind and NQI field in ``portfolio_event`` (schema
0017), from the same selection the figures make (:func:`qclinic.storage.portfolio.happened_cte`,
with no period), and per chain and month in ``portfolio_chain_event`` (the chain's live members'
sums): the change log's lines of those tables and of the companies name the companies to count
again; the chains to sum again are those of these companies and the memberships and chains the
lines name. Events are dated, so these rows answer any period: its whole months are read per
chain, its edge days per company (:func:`qclinic.storage.portfolio_period.events`).

A line names a row, not what it was: a row that moved to another company (or a membership to
another chain) would leave its old company's rows as they were. QClinic never moves them (a
record belongs to its company for good, and the sync scopes rows by company);
``qclinic portfolio --rebuild-summary`` would repair it.

Memberships, companies and actions are not summarised per company: the figures join them live.

The grades and flags are the values as of *now*; a period that ends before a company's newest signing
or completion time (``stamp``) is answered from the history instead (:func:`covers`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from qclinic.core.portfolio import COVERAGE_KEYS, CoverageQuestion
from qclinic.core.vocabulary import AssessmentStatus
from qclinic.storage.portfolio import Query, happened_cte, history_parts, materialize

#: the ``local_state`` key of the watermark
STATE_KEY = "portfolio.summary"
#: an end after every stored time: the summary is the history's "latest" without an end
_FOREVER = "9999-12-31"
#: a start before every stored time
_BEGINNING = "0001-01-01"
#: the change log's tables whose lines change a company's summary, and how to find the company
_AFFECTED = {
    "assessment": "SELECT a.organization_id FROM assessment a WHERE a.id = c.row_id",
    "answer": (
        "SELECT a.organization_id FROM answer an JOIN assessment a ON a.id = an.assessment_id"
        " WHERE an.id = c.row_id"
    ),
}
#: the change log's tables whose lines change a company's events (``portfolio_event``)
_EVENTS_AFFECTED = {
    "visit": "SELECT x.organization_id FROM visit x WHERE x.id = c.row_id",
    "assessment": "SELECT x.organization_id FROM assessment x WHERE x.id = c.row_id",
    "clinic_case": "SELECT x.organization_id FROM clinic_case x WHERE x.id = c.row_id",
    "referral": "SELECT x.organization_id FROM referral x WHERE x.id = c.row_id",
    "organization": "SELECT x.id FROM organization x WHERE x.id = c.row_id",
}
#: the chains whose months (``portfolio_chain_event``) change with the lines after the
#: watermark: those of the companies whose events change, of the memberships and the chains
_CHAINS_AFFECTED = """
SELECT chain_id FROM chain_member WHERE organization_id IN (SELECT org_id FROM temp.events_affected)
UNION
SELECT (SELECT x.chain_id FROM chain_member x WHERE x.id = c.row_id) FROM change_log c
WHERE c.seq > :mark AND c.seq <= :top AND c.table_name = 'chain_member'
UNION
SELECT c.row_id FROM change_log c
WHERE c.seq > :mark AND c.seq <= :top AND c.table_name = 'chain'"""
#: the summary's tables
_TABLES = ("portfolio_coverage", "portfolio_summary", "portfolio_event", "portfolio_chain_event")
#: what the summary holds, kept with the watermark: a summary of another content is rebuilt
#: (1: grades and coverage, schema 0014; 2: and the events, schema 0017)
CONTENT = 2
_SIGNED = AssessmentStatus.SIGNED.value
_DONE = (AssessmentStatus.COMPLETED.value, AssessmentStatus.SIGNED.value)

#: the summary as :func:`qclinic.storage.portfolio.facts_query` reads it: its table of grades,
#: scores and flags (one row per company) and the deciding answers
PARTS: dict[str, str] = {
    "table": "portfolio_summary",
    "deciding": """
  SELECT organization_id AS org_id, key, assessment_id, checklist_id, question_id, value,
         completed_at, in_place
  FROM portfolio_coverage""",
}


def signature(questions: Sequence[CoverageQuestion]) -> str:
    """What the 4 × 100% questions are, as a short hash (a change rebuilds the summary)."""
    described = sorted(
        (q.checklist_id, q.question_id, q.key, sorted(q.in_place_values)) for q in questions
    )
    return hashlib.sha256(json.dumps(described).encode()).hexdigest()[:16]


def _state(session: Session) -> tuple[int, str, str] | None:
    """The watermark: the last change-log line read, the tags' and the library's hashes."""
    row = session.execute(
        sql("SELECT value FROM local_state WHERE key = :key"), {"key": STATE_KEY}
    ).first()
    if row is None:
        return None
    state = json.loads(row[0])
    if state.get("content") != CONTENT:
        return None  # computed before the summary held all it holds now: rebuild it
    return int(state["seq"]), str(state["tags"]), str(state.get("library", ""))


def known_tags(session: Session, library: str) -> str | None:
    """The tags' hash the summary was computed with, if the checklist library (*library*, a
    fingerprint of its versions) is still the one it was computed with; else None (the tags
    must be read from the checklists again)."""
    state = _state(session)
    return state[1] if state is not None and library and state[2] == library else None


def pending(session: Session, tags: str) -> tuple[int, int | None] | None:
    """None when the summary is up to date; else the change log's last line and the watermark
    to go on from (None: rebuild everything)."""
    top = int(session.execute(sql("SELECT COALESCE(MAX(seq), 0) FROM change_log")).scalar_one())
    state = _state(session)
    if state is None or state[1] != tags or state[0] > top:
        return top, None
    if state[0] == top:
        return None
    first = session.execute(
        sql("SELECT MIN(seq) FROM change_log WHERE seq > :mark"), {"mark": state[0]}
    ).scalar_one()
    oldest = session.execute(sql("SELECT MIN(seq) FROM change_log")).scalar_one()
    if first is None or (oldest is not None and oldest > state[0] + 1):
        return top, None  # lines after the watermark were pruned: they cannot be read
    return top, state[0]


def refresh(
    session: Session, questions: Sequence[CoverageQuestion], library: str = ""
) -> int | None:
    """Bring the summary up to date in *session* (a write session; the caller commits); the
    *library*'s fingerprint is kept with the watermark (:func:`known_tags`).

    Returns how many companies were computed again (None: every company, a full rebuild).
    """
    tags = signature(questions)
    todo = pending(session, tags)
    if todo is None:
        _write_state(session, *(_state(session) or (0, tags, ""))[:2], library)
        return 0
    top, mark = todo
    for table in ("affected", "events_affected", "chains_affected"):
        session.execute(sql(f"DROP TABLE IF EXISTS temp.{table}"))
    if mark is None:
        everyone = "SELECT id AS org_id FROM organization"
        session.execute(sql(f"CREATE TEMP TABLE affected AS {everyone}"))
        session.execute(sql(f"CREATE TEMP TABLE events_affected AS {everyone}"))
        session.execute(
            sql("CREATE TEMP TABLE chains_affected AS SELECT id AS chain_id FROM chain")
        )
        for table in _TABLES:
            session.execute(sql(f"DELETE FROM {table}"))
        count: int | None = None
    else:
        for table, lookups in (("affected", _AFFECTED), ("events_affected", _EVENTS_AFFECTED)):
            found = " UNION ".join(
                f"SELECT ({lookup}) AS org_id FROM change_log c"
                f" WHERE c.seq > :mark AND c.seq <= :top AND c.table_name = '{name}'"
                for name, lookup in lookups.items()
            )
            session.execute(
                sql(f"CREATE TEMP TABLE {table} AS {found}"), {"mark": mark, "top": top}
            )
            if session.execute(sql(f"SELECT 1 FROM temp.{table} WHERE org_id IS NULL")).first():
                # a row the log names is gone (a hard delete): its company is unknown
                invalidate(session)
                return refresh(session, questions, library)
        session.execute(
            sql(f"CREATE TEMP TABLE chains_affected AS {_CHAINS_AFFECTED}"),
            {"mark": mark, "top": top},
        )
        if session.execute(
            sql("SELECT 1 FROM temp.chains_affected WHERE chain_id IS NULL")
        ).first():
            invalidate(session)  # a membership the log names is gone: its chain is unknown
            return refresh(session, questions, library)
        count = int(session.execute(sql("SELECT COUNT(*) FROM temp.affected")).scalar_one())
        for table in ("portfolio_coverage", "portfolio_summary"):
            session.execute(
                sql(f"DELETE FROM {table} WHERE organization_id IN (SELECT org_id FROM affected)")
            )
        session.execute(
            sql(
                "DELETE FROM portfolio_event"
                " WHERE organization_id IN (SELECT org_id FROM events_affected)"
            )
        )
        session.execute(
            sql(
                "DELETE FROM portfolio_chain_event"
                " WHERE chain_id IN (SELECT chain_id FROM chains_affected)"
            )
        )
    if count != 0:
        _compute(session, questions)
    _count_events(session)
    _write_state(session, top, tags, library)
    return count


def _count_events(session: Session) -> None:
    """Insert the ``portfolio_event`` rows of the companies in ``temp.events_affected``
    (deleted beforehand): every event they have, of any day, by day, kind and field.

    A time's first ten characters (its day) compare with a period's bounds (days) exactly as
    the whole time does, so a period's events here are exactly those the figures select."""
    session.execute(
        sql(f"""WITH {happened_cte("temp.events_affected")}
INSERT INTO portfolio_event (day, organization_id, kind, field, n)
SELECT SUBSTR(day, 1, 10), org_id, kind, field, COUNT(*) FROM happened
GROUP BY SUBSTR(day, 1, 10), org_id, kind, field"""),
        {"start": _BEGINNING, "cut": _FOREVER},
    )
    # the chains' months: their live members' (the figures' ``members``: the membership, the
    # chain and the company live), summed
    session.execute(
        sql("""
INSERT INTO portfolio_chain_event (chain_id, month, kind, field, n)
SELECT m.chain_id, SUBSTR(e.day, 1, 7), e.kind, e.field, SUM(e.n)
FROM chain_member m
JOIN chain c ON c.id = m.chain_id AND c.deleted_at IS NULL
JOIN organization o ON o.id = m.organization_id AND o.deleted_at IS NULL
JOIN portfolio_event e INDEXED BY ix_portfolio_event_organization
  ON e.organization_id = m.organization_id
WHERE m.deleted_at IS NULL AND m.chain_id IN (SELECT chain_id FROM temp.chains_affected)
GROUP BY m.chain_id, SUBSTR(e.day, 1, 7), e.kind, e.field""")
    )


def _compute(session: Session, questions: Sequence[CoverageQuestion]) -> None:
    """Insert the summary rows of the companies in ``temp.affected`` (deleted beforehand)."""
    parts, params = history_parts(questions)
    params["cut"] = _FOREVER
    stamps = f"""
  SELECT org_id, MAX(stamp) AS stamp FROM (
    SELECT organization_id AS org_id, completed_at AS stamp
    FROM assessment INDEXED BY ix_assessment_portfolio_done
    WHERE status IN ('{_DONE[0]}', '{_DONE[1]}') AND deleted_at IS NULL
      AND organization_id IN (SELECT org_id FROM orgs)
    UNION ALL
    SELECT organization_id, signed_at
    FROM assessment INDEXED BY ix_assessment_portfolio_signed
    WHERE status = '{_SIGNED}' AND deleted_at IS NULL
      AND organization_id IN (SELECT org_id FROM orgs))
  GROUP BY org_id"""
    query = materialize(
        session,
        Query(
            (("orgs", "SELECT DISTINCT org_id FROM temp.affected"), *parts, ("stamps", stamps)),
            params,
        ),
    )
    session.execute(
        sql("""
INSERT INTO portfolio_coverage (organization_id, key, assessment_id, checklist_id, question_id,
                                value, completed_at, in_place)
SELECT org_id, key, assessment_id, checklist_id, question_id, value, completed_at, in_place
FROM deciding"""),
        query.params,
    )
    flags = ", ".join(f"cov_{key}" for key in COVERAGE_KEYS)
    values = ", ".join(f"COALESCE(cf.cov_{key}, 0)" for key in COVERAGE_KEYS)
    session.execute(
        sql(f"""
INSERT INTO portfolio_summary (organization_id, stamp, grade, score, {flags})
SELECT o.org_id, st.stamp, gn.grade, gn.score, {values}
FROM orgs o
LEFT JOIN grade_now gn ON gn.org_id = o.org_id
LEFT JOIN coverage_flags cf ON cf.org_id = o.org_id
LEFT JOIN stamps st ON st.org_id = o.org_id"""),
        query.params,
    )


def _write_state(session: Session, seq: int, tags: str, library: str) -> None:
    value = {"seq": seq, "tags": tags, "library": library, "content": CONTENT}
    session.execute(
        sql("INSERT OR REPLACE INTO local_state (key, value) VALUES (:key, :value)"),
        {"key": STATE_KEY, "value": json.dumps(value)},
    )


def invalidate(session: Session) -> None:
    """Forget the watermark: the next figures rebuild the whole summary (after writes that
    leave no change-log lines, such as the synthetic province)."""
    session.execute(sql("DELETE FROM local_state WHERE key = :key"), {"key": STATE_KEY})


def covers(session: Session, cut: str) -> bool:
    """Whether the summary answers a period ending before *cut*: no company's newest signing or
    completion time is at or after it."""
    newest = session.execute(sql("SELECT MAX(stamp) FROM portfolio_summary")).scalar_one()
    return newest is None or str(newest) < cut
