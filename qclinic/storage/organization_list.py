"""The organization list's rows, read with plain ``sqlite3``.

The list is the app's first screen: reading it without SQLAlchemy lets it show before SQLAlchemy
and the models are imported (see :mod:`qclinic.storage.database`). Two lean queries of the listed
columns, so ten thousand organizations load in tens of milliseconds.
"""

from __future__ import annotations

from typing import NamedTuple

from qclinic.core.vocabulary import AssessmentStatus, ChainRole, IndustryChain
from qclinic.storage.database import Database
from qclinic.storage.search import like_pattern

#: the fields of an organization a user edits (here, in the module that imports no SQLAlchemy,
#: so the first screen's service can name them too)
ORGANIZATION_FIELDS = (
    "name",
    "uscc",
    "industry_chain",
    "chain_role",
    "size_class",
    "region",
    "cqo_name",
    "cqo_phone",
    "cqo_email",
    "notes",
)


class OrganizationSummary(NamedTuple):
    """One line of the organization list: a few columns and the latest finished assessment."""

    id: str
    name: str
    uscc: str | None
    industry_chain: IndustryChain | None
    chain_role: ChainRole | None
    region: str | None
    latest_percent: float | None
    latest_grade: str | None


_FINISHED = f"('{AssessmentStatus.COMPLETED.value}', '{AssessmentStatus.SIGNED.value}')"


def list_organization_summaries(
    database: Database,
    *,
    search: str | None = None,
    industry_chain: IndustryChain | None = None,
    chain_role: ChainRole | None = None,
    region: str | None = None,
) -> list[OrganizationSummary]:
    """Every live organization, filtered like the repository's list, ordered by name.

    The latest grade and percentage come from each organization's most recent completed or signed
    assessment (by visit date, else creation time; the newest row breaks ties, so a signed
    amendment wins over the assessment it corrects).
    """
    # The finished assessments are few next to the organizations: the latest of each is picked
    # here rather than in SQL, where SQLite would scan a window subquery per organization.
    newest: dict[str, tuple[str, str]] = {}
    latest: dict[str, tuple[float | None, str | None]] = {}
    finished = database.query(
        "SELECT a.organization_id, COALESCE(v.visit_date, a.created_at), a.id, a.score_percent,"
        " a.grade FROM assessment a LEFT JOIN visit v ON v.id = a.visit_id"
        f" WHERE a.deleted_at IS NULL AND a.status IN {_FINISHED}"
    )
    for organization_id, at, assessment_id, percent, grade in finished:
        order = (str(at or ""), assessment_id)
        if organization_id not in newest or order > newest[organization_id]:
            newest[organization_id] = order
            latest[organization_id] = (percent, grade)
    where = ["deleted_at IS NULL"]
    parameters: list[str] = []
    if search and search.strip():
        where.append("search_key LIKE ? ESCAPE '\\'")
        parameters.append(like_pattern(search))
    for column, value in (
        ("industry_chain", industry_chain),
        ("chain_role", chain_role),
        ("region", region),
    ):
        if value is not None:
            where.append(f"{column} = ?")
            parameters.append(str(value))
    rows = database.query(
        "SELECT id, name, uscc, industry_chain, chain_role, region FROM organization"
        f" WHERE {' AND '.join(where)} ORDER BY name, id",
        tuple(parameters),
    )
    chains: dict[str | None, IndustryChain | None] = {c.value: c for c in IndustryChain}
    roles: dict[str | None, ChainRole | None] = {r.value: r for r in ChainRole}
    nothing = (None, None)
    return [
        OrganizationSummary(
            id_, name, code, chains.get(chain), roles.get(role), area, *latest.get(id_, nothing)
        )
        for id_, name, code, chain, role, area in rows
    ]
