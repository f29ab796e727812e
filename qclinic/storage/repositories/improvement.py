"""Findings, clinic cases and improvement actions, with their status workflows."""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from qclinic.core.vocabulary import (
    ACTION_TRANSITIONS,
    ActionStatus,
    CaseStatus,
    FindingSeverity,
    NqiCategory,
    Priority,
)
from qclinic.storage.errors import InvalidValue, TransitionRefused
from qclinic.storage.models import Action, ClinicCase, Finding, Organization, Visit
from qclinic.storage.repositories._common import (
    DEFAULT_PAGE_SIZE,
    apply_changes,
    get_live,
    page,
    soft_delete,
)
from qclinic.storage.repositories.assessments import get_assessment, require_editable
from qclinic.storage.types import utc_now

FINDING_FIELDS = (
    "question_id",
    "instance_key",
    "severity",
    "nqi_category",
    "title",
    "description",
    "evidence",
)
CASE_FIELDS = ("nqi_category", "title", "symptom", "diagnosis", "prescription", "visit_id")
ACTION_FIELDS = ("title", "description", "owner", "due_date", "priority", "effectiveness_note")

#: A case moves one step forward (symptom → diagnosis → prescription → resolved) or one step back
#: (a diagnosis revisited, a resolved case reopened).
CASE_TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    CaseStatus.REGISTERED: frozenset({CaseStatus.DIAGNOSED}),
    CaseStatus.DIAGNOSED: frozenset({CaseStatus.REGISTERED, CaseStatus.PRESCRIBED}),
    CaseStatus.PRESCRIBED: frozenset({CaseStatus.DIAGNOSED, CaseStatus.RESOLVED}),
    CaseStatus.RESOLVED: frozenset({CaseStatus.PRESCRIBED}),
}


def create_finding(
    session: Session,
    assessment_id: str,
    severity: FindingSeverity,
    title: str,
    *,
    nqi_category: NqiCategory | None = None,
    question_id: str | None = None,
    instance_key: str | None = None,
    description: str = "",
    evidence: str = "",
) -> Finding:
    """Record a finding on an unsigned assessment."""
    require_editable(session, assessment_id)
    finding = Finding(
        assessment_id=assessment_id,
        severity=severity,
        title=title,
        nqi_category=nqi_category,
        question_id=question_id,
        instance_key=instance_key,
        description=description,
        evidence=evidence,
    )
    session.add(finding)
    session.flush()
    return finding


def update_finding(session: Session, finding_id: str, **changes: object) -> Finding:
    """Change some of :data:`FINDING_FIELDS` while the assessment is unsigned."""
    finding = get_live(session, Finding, finding_id)
    require_editable(session, finding.assessment_id)
    apply_changes(finding, changes, FINDING_FIELDS)
    session.flush()
    return finding


def delete_finding(session: Session, finding_id: str) -> None:
    """Soft-delete a finding of an unsigned assessment."""
    finding = get_live(session, Finding, finding_id)
    require_editable(session, finding.assessment_id)
    soft_delete(finding)
    session.flush()


def list_findings(session: Session, assessment_id: str) -> list[Finding]:
    """The live findings of an assessment, in the order they were recorded."""
    query = (
        select(Finding)
        .where(Finding.assessment_id == assessment_id, Finding.deleted_at.is_(None))
        .order_by(Finding.id)
    )
    return list(session.scalars(query))


def create_case(
    session: Session,
    organization_id: str,
    nqi_category: NqiCategory,
    title: str,
    *,
    symptom: str = "",
    visit_id: str | None = None,
) -> ClinicCase:
    """Register a problem a company brought to the clinic."""
    get_live(session, Organization, organization_id)
    if visit_id is not None:
        get_live(session, Visit, visit_id)
    case = ClinicCase(
        organization_id=organization_id,
        nqi_category=nqi_category,
        title=title,
        symptom=symptom,
        visit_id=visit_id,
        status=CaseStatus.REGISTERED,
    )
    session.add(case)
    session.flush()
    return case


def update_case(session: Session, case_id: str, **changes: object) -> ClinicCase:
    """Change some of :data:`CASE_FIELDS` of a case."""
    case = get_live(session, ClinicCase, case_id)
    apply_changes(case, changes, CASE_FIELDS)
    session.flush()
    return case


def set_case_status(
    session: Session, case_id: str, status: CaseStatus, *, resolved_on: date | None = None
) -> ClinicCase:
    """Move a case along :data:`CASE_TRANSITIONS`; resolving records the date (today by default).

    Raises:
        TransitionRefused: The move is not allowed.
    """
    case = get_live(session, ClinicCase, case_id)
    if status not in CASE_TRANSITIONS[case.status]:
        raise TransitionRefused(f"A case cannot go from {case.status.value} to {status.value}.")
    case.status = status
    case.resolved_on = (resolved_on or date.today()) if status is CaseStatus.RESOLVED else None
    session.flush()
    return case


def list_cases(
    session: Session,
    *,
    organization_id: str | None = None,
    status: CaseStatus | None = None,
    limit: int | None = DEFAULT_PAGE_SIZE,
    offset: int = 0,
) -> list[ClinicCase]:
    """Live cases, newest first, optionally of one organization and/or status."""
    query = select(ClinicCase).where(ClinicCase.deleted_at.is_(None))
    if organization_id is not None:
        query = query.where(ClinicCase.organization_id == organization_id)
    if status is not None:
        query = query.where(ClinicCase.status == status)
    return list(session.scalars(page(query.order_by(ClinicCase.id.desc()), limit, offset)))


def create_action(
    session: Session,
    organization_id: str,
    title: str,
    *,
    finding_id: str | None = None,
    case_id: str | None = None,
    description: str = "",
    owner: str = "",
    due_date: date | None = None,
    priority: Priority = Priority.MEDIUM,
) -> Action:
    """Add an improvement-plan item, raised from a finding, a case, or neither."""
    get_live(session, Organization, organization_id)
    if finding_id is not None:
        finding = get_live(session, Finding, finding_id)
        if get_assessment(session, finding.assessment_id).organization_id != organization_id:
            raise InvalidValue("The finding belongs to another organization's assessment.")
    if case_id is not None and get_live(session, ClinicCase, case_id).organization_id != (
        organization_id
    ):
        raise InvalidValue("The case belongs to another organization.")
    action = Action(
        organization_id=organization_id,
        title=title,
        finding_id=finding_id,
        case_id=case_id,
        description=description,
        owner=owner,
        due_date=due_date,
        priority=priority,
        status=ActionStatus.OPEN,
    )
    session.add(action)
    session.flush()
    return action


def update_action(session: Session, action_id: str, **changes: object) -> Action:
    """Change some of :data:`ACTION_FIELDS` of an action."""
    action = get_live(session, Action, action_id)
    apply_changes(action, changes, ACTION_FIELDS)
    session.flush()
    return action


def set_action_status(
    session: Session, action_id: str, status: ActionStatus, *, verification_note: str = ""
) -> Action:
    """Move an action along ``ACTION_TRANSITIONS``; verifying needs a note and is final.

    Raises:
        TransitionRefused: The move is not allowed (or verification lacks its note).
    """
    action = get_live(session, Action, action_id)
    if status not in ACTION_TRANSITIONS[action.status]:
        raise TransitionRefused(
            f"An action cannot go from {action.status.value} to {status.value}."
        )
    if status is ActionStatus.VERIFIED:
        if not verification_note.strip():
            raise TransitionRefused("Say how the action was verified before marking it verified.")
        action.verification_note = verification_note
        action.verified_at = utc_now()
    action.status = status
    session.flush()
    return action


def delete_action(session: Session, action_id: str) -> None:
    """Soft-delete an action."""
    soft_delete(get_live(session, Action, action_id))
    session.flush()


def list_actions(
    session: Session,
    *,
    organization_id: str | None = None,
    status: ActionStatus | None = None,
    due_before: date | None = None,
    limit: int | None = DEFAULT_PAGE_SIZE,
    offset: int = 0,
) -> list[Action]:
    """Live actions by due date (undated last), filtered by organization, status, due date.

    Actions superseded by their copy in an amended revision are left out.
    """
    copy = aliased(Action)
    superseded = select(copy.id).where(copy.origin_id == Action.id, copy.deleted_at.is_(None))
    query = select(Action).where(Action.deleted_at.is_(None), ~superseded.exists())
    if organization_id is not None:
        query = query.where(Action.organization_id == organization_id)
    if status is not None:
        query = query.where(Action.status == status)
    if due_before is not None:
        query = query.where(Action.due_date < due_before)
    query = query.order_by(Action.due_date.is_(None), Action.due_date, Action.id)
    return list(session.scalars(page(query, limit, offset)))


#: The columns of a raw plan row (:func:`plan_table`), in order.
(
    PLAN_ID,
    PLAN_ORGANIZATION_ID,
    PLAN_ORGANIZATION_NAME,
    PLAN_TITLE,
    PLAN_FINDING_ID,
    PLAN_CASE_ID,
    PLAN_OWNER,
    PLAN_DUE_DATE,
    PLAN_PRIORITY,
    PLAN_STATUS,
) = range(10)

#: A raw plan row as SQLite returns it: ids and texts, the due date as ISO text (or None),
#: priority and status as their stored vocabulary values.
RawPlanRow = tuple[str, str, str, str, str | None, str | None, str, str | None, str, str]

_PLAN_SQL = """
SELECT action.id, action.organization_id, organization.name, action.title, action.finding_id,
       action.case_id, action.owner, action.due_date, action.priority, action.status
FROM action JOIN organization ON organization.id = action.organization_id
WHERE action.deleted_at IS NULL{where}
"""

#: Leaves out an action superseded by its live copy in an amended revision (see
#: :func:`~qclinic.storage.repositories.assessments.amend_assessment`).
_NOT_SUPERSEDED = (
    " AND NOT EXISTS (SELECT 1 FROM action AS copy"
    " WHERE copy.origin_id = action.id AND copy.deleted_at IS NULL)"
)


class PlanRow(NamedTuple):
    """One line of the improvement plan, typed (see :func:`plan_table` for the raw form)."""

    id: str
    organization_id: str
    organization_name: str
    title: str
    finding_id: str | None
    case_id: str | None
    owner: str
    due_date: date | None
    priority: Priority
    status: ActionStatus

    @classmethod
    def from_raw(cls, raw: RawPlanRow) -> PlanRow:
        (
            action_id,
            organization_id,
            name,
            title,
            finding_id,
            case_id,
            owner,
            due,
            priority,
            status,
        ) = raw
        return cls(
            action_id,
            organization_id,
            name,
            title,
            finding_id,
            case_id,
            owner,
            date.fromisoformat(due) if due else None,
            Priority(priority),
            ActionStatus(status),
        )


def plan_table(
    session: Session,
    *,
    action_id: str | None = None,
    case_id: str | None = None,
    finding_id: str | None = None,
) -> list[RawPlanRow]:
    """Every live action as a raw tuple (``PLAN_*`` columns), organization name joined.

    This is the plan list's hot path (100,000 actions): one statement on the DB-API connection,
    so rows arrive as the plain tuples SQLite makes, with no per-row conversion, and unordered
    (the list sorts them itself, faster than SQLite's temporary B-tree). Optionally one action, or
    the actions of one case or finding. An action superseded by its copy in an amended revision
    is left out, unless asked for by its own id or finding. Use
    :meth:`PlanRow.from_raw` (or :func:`list_plan_rows`) for typed values.
    """
    conditions = []
    params: list[str] = []
    for column, value in (("id", action_id), ("case_id", case_id), ("finding_id", finding_id)):
        if value is not None:
            conditions.append(f" AND action.{column} = ?")
            params.append(value)
    if action_id is None and finding_id is None:
        conditions.append(_NOT_SUPERSEDED)
    sql = _PLAN_SQL.format(where="".join(conditions))
    dbapi = session.connection().connection.driver_connection
    assert dbapi is not None
    rows: list[RawPlanRow] = dbapi.execute(sql, params).fetchall()
    return rows


def list_plan_rows(
    session: Session,
    *,
    action_id: str | None = None,
    case_id: str | None = None,
    finding_id: str | None = None,
) -> list[PlanRow]:
    """:func:`plan_table` with typed values, by due date (undated last)."""
    raw = plan_table(session, action_id=action_id, case_id=case_id, finding_id=finding_id)
    raw.sort(key=lambda row: (row[PLAN_DUE_DATE] is None, row[PLAN_DUE_DATE] or "", row[PLAN_ID]))
    return [PlanRow.from_raw(row) for row in raw]


class CaseRow(NamedTuple):
    """One line of the clinic case list, as plain values."""

    id: str
    organization_id: str
    organization_name: str
    nqi_category: NqiCategory
    title: str
    status: CaseStatus
    registered_at: datetime
    resolved_on: date | None


def list_case_rows(session: Session, *, case_id: str | None = None) -> list[CaseRow]:
    """Every live clinic case as a :class:`CaseRow`, newest first (organization name joined)."""
    query = (
        select(
            ClinicCase.id,
            ClinicCase.organization_id,
            Organization.name,
            ClinicCase.nqi_category,
            ClinicCase.title,
            ClinicCase.status,
            ClinicCase.created_at,
            ClinicCase.resolved_on,
        )
        .join(Organization, Organization.id == ClinicCase.organization_id)
        .where(ClinicCase.deleted_at.is_(None))
        .order_by(ClinicCase.id.desc())
    )
    if case_id is not None:
        query = query.where(ClinicCase.id == case_id)
    return [CaseRow._make(row) for row in session.execute(query)]
