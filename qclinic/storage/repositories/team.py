"""The expert team of an assessment: a lead and members (table ``assessment_member``).

The team is set as a whole (:func:`set_team`) from the start dialog or the runner, while the
assessment is not signed; it is then signed content (sealed) and an amendment copies it
(:func:`copy_team`). Phone numbers are checked with :mod:`qclinic.core.contact`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from qclinic.core.contact import check_phone
from qclinic.core.vocabulary import TeamRole
from qclinic.storage.errors import InvalidValue
from qclinic.storage.models import AssessmentMember
from qclinic.storage.repositories._common import soft_delete

MAX_NAME = 100


@dataclass(frozen=True)
class TeamMember:
    """A member as the dialogs edit it (no database identity)."""

    name: str
    role: TeamRole = TeamRole.MEMBER
    affiliation: str = ""
    qualification: str = ""
    phone: str = ""


def validate_team(members: Sequence[TeamMember]) -> list[TeamMember]:
    """The members with blank rows dropped and text trimmed, the lead first.

    Raises:
        InvalidValue: More than one lead, a name too long, a duplicate name or a bad phone
            number; the message says which member (English and Chinese).
    """
    cleaned = [
        TeamMember(
            m.name.strip(),
            TeamRole(m.role),
            m.affiliation.strip(),
            m.qualification.strip(),
            m.phone.strip(),
        )
        for m in members
        if m.name.strip()
    ]
    leads = [m for m in cleaned if m.role is TeamRole.LEAD]
    if len(leads) > 1:
        names = ", ".join(m.name for m in leads)
        raise InvalidValue(
            f"A team has one lead; {names} are all marked as lead.\n"
            f"专家组只能有一位组长，{names} 都被设为组长。"
        )
    seen: set[str] = set()
    for number, member in enumerate(cleaned, start=1):
        if len(member.name) > MAX_NAME:
            raise InvalidValue(
                f"Team member {number}: the name is longer than {MAX_NAME} characters.\n"
                f"专家组第 {number} 位成员：姓名超过 {MAX_NAME} 个字符。"
            )
        if member.name in seen:
            raise InvalidValue(
                f"Team member {number}: {member.name} is listed twice.\n"
                f"专家组第 {number} 位成员：{member.name} 重复列出。"
            )
        seen.add(member.name)
        phone = check_phone(member.phone)
        if not phone.ok:
            raise InvalidValue(
                f"Team member {number} ({member.name}): {phone.message_en}\n"
                f"专家组第 {number} 位成员（{member.name}）：{phone.message_zh}"
            )
    return leads + [m for m in cleaned if m.role is not TeamRole.LEAD]


def list_team(session: Session, assessment_id: str) -> list[AssessmentMember]:
    """The live members of the team, the lead first, then in the order they were listed."""
    query = (
        select(AssessmentMember)
        .where(
            AssessmentMember.assessment_id == assessment_id, AssessmentMember.deleted_at.is_(None)
        )
        .order_by(AssessmentMember.position, AssessmentMember.id)
    )
    return list(session.scalars(query))


def team_of(session: Session, assessment_id: str) -> list[TeamMember]:
    """The team as plain values (what the dialogs edit)."""
    return [
        TeamMember(m.name, TeamRole(m.role), m.affiliation, m.qualification, m.phone)
        for m in list_team(session, assessment_id)
    ]


def set_team(
    session: Session, assessment_id: str, members: Sequence[TeamMember]
) -> list[AssessmentMember]:
    """Replace the team of an unsigned assessment; unchanged members keep their rows.

    Raises:
        RecordLocked: The assessment is signed (its team was signed with it).
        InvalidValue: See :func:`validate_team`.
    """
    from qclinic.storage.repositories.assessments import require_editable

    require_editable(session, assessment_id)
    wanted = validate_team(members)
    current = list_team(session, assessment_id)
    by_name = {m.name: m for m in current}
    kept: list[AssessmentMember] = []
    for position, member in enumerate(wanted):
        row = by_name.pop(member.name, None)
        if row is None:
            row = AssessmentMember(assessment_id=assessment_id, name=member.name)
            session.add(row)
        for name, value in (
            ("role", member.role),
            ("affiliation", member.affiliation),
            ("qualification", member.qualification),
            ("phone", member.phone),
            ("position", position),
        ):
            if getattr(row, name, None) != value:
                setattr(row, name, value)
        kept.append(row)
    for row in by_name.values():
        soft_delete(row)
    session.flush()
    return kept


def copy_team(session: Session, original_id: str, amendment_id: str) -> None:
    """Give the amendment the team of the revision it amends."""
    for member in list_team(session, original_id):
        session.add(
            AssessmentMember(
                assessment_id=amendment_id,
                name=member.name,
                role=member.role,
                affiliation=member.affiliation,
                qualification=member.qualification,
                phone=member.phone,
                position=member.position,
            )
        )
    session.flush()
