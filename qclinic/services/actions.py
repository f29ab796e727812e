"""Improvement actions — the plan: create (from a finding, a case or neither), edit, move along
the workflow open ⇄ in progress ⇄ done → verified, delete; and the plan's reads.

The plan list reads raw tuples (:data:`RawPlanRow`, built for 100,000 actions); everything else
gets detached rows or :class:`PlanRow`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from qclinic.core.catalogue import text
from qclinic.core.text import Text
from qclinic.core.vocabulary import ACTION_TRANSITIONS, ActionStatus, Priority
from qclinic.errors import UserError
from qclinic.services.base import Service
from qclinic.services.records import RecordRow, read_records
from qclinic.storage.models import Action, ClinicCase, Finding
from qclinic.storage.repositories import improvement
from qclinic.storage.repositories._common import get_live
from qclinic.storage.repositories.improvement import PlanRow, RawPlanRow
from qclinic.storage.repositories.organizations import get_organization

__all__ = ["ActionDetail", "ActionService", "PlanRow", "RawPlanRow", "move_refused"]


@dataclass(frozen=True, slots=True)
class ActionDetail:
    """One action as its dialog shows it: the row, its organization, what it was raised from."""

    action: Action
    organization_name: str
    #: the title of the finding it was raised from, if any
    finding_title: str | None
    #: the title of the clinic case it was raised from, if any
    case_title: str | None


def move_refused(kind: str, before: str, after: str) -> Text:
    """The refusal of a status move of *kind* ("action" or "case"): the statuses (stored values)
    named by their labels, in each language."""
    template = text(f"plan.{kind}_move_refused")
    old, new = text(f"vocabulary.{before}"), text(f"vocabulary.{after}")
    return Text(
        template.zh.format(before=old.zh, after=new.zh),
        template.en.format(before=old.en, after=new.en),
    )


def _check_move(current: ActionStatus, target: ActionStatus, verification_note: str) -> None:
    if target not in ACTION_TRANSITIONS[current]:
        raise UserError(move_refused("action", current.value, target.value))
    if target is ActionStatus.VERIFIED and not verification_note.strip():
        raise UserError(text("plan.verification_note_required"))


class ActionService(Service):
    """The improvement actions of every organization."""

    def create(
        self,
        organization_id: str | None,
        title: str,
        *,
        finding_id: str | None = None,
        case_id: str | None = None,
        description: str = "",
        owner: str = "",
        due_date: date | None = None,
        priority: Priority = Priority.MEDIUM,
        source: object | None = None,
    ) -> Action:
        """Add an open action for *organization_id*, raised from *finding_id* or *case_id*.

        Raises:
            UserError: No title or no organization; the finding or case is another company's.
        """
        title = title.strip()
        if not title:
            raise UserError(text("plan.action_title_required"))
        if not organization_id:
            raise UserError(text("plan.action_organization_required"))
        with self._writing(source) as session:
            return improvement.create_action(
                session,
                organization_id,
                title,
                finding_id=finding_id,
                case_id=case_id,
                description=description.strip(),
                owner=owner.strip(),
                due_date=due_date,
                priority=Priority(priority),
            )

    def edit(
        self,
        action_id: str,
        *,
        status: ActionStatus | None = None,
        verification_note: str = "",
        source: object | None = None,
        **changes: object,
    ) -> Action:
        """Change the action's fields (title, description, owner, due_date, priority,
        effectiveness_note) and, if *status* differs from the stored one, move it — in one commit.

        Raises:
            UserError: An empty title; a move the workflow refuses; verifying without a note.
        """
        if "title" in changes:
            title = str(changes["title"]).strip()
            if not title:
                raise UserError(text("plan.action_title_required"))
            changes["title"] = title
        with self._writing(source) as session:
            action = improvement.update_action(session, action_id, **changes)
            if status is not None and ActionStatus(status) is not action.status:
                _check_move(action.status, ActionStatus(status), verification_note)
                action = improvement.set_action_status(
                    session, action_id, ActionStatus(status), verification_note=verification_note
                )
            return action

    def move(
        self,
        action_id: str,
        status: ActionStatus,
        *,
        verification_note: str = "",
        source: object | None = None,
    ) -> Action:
        """Move the action to *status* (verifying needs *verification_note*; verified is final).

        Raises:
            UserError: The workflow does not allow the move, or the note is missing.
        """
        status = ActionStatus(status)
        with self._writing(source) as session:
            current = get_live(session, Action, action_id).status
            _check_move(current, status, verification_note)
            return improvement.set_action_status(
                session, action_id, status, verification_note=verification_note.strip()
            )

    def delete(self, action_id: str, *, source: object | None = None) -> None:
        with self._writing(source) as session:
            improvement.delete_action(session, action_id)

    # --- reads -------------------------------------------------------------------------------
    def plan_table(
        self, *, action_id: str | None = None, case_id: str | None = None
    ) -> list[RawPlanRow]:
        """The plan as raw tuples (``improvement.PLAN_*`` columns); or one action, or one case's."""
        with self._reading() as session:
            return improvement.plan_table(session, action_id=action_id, case_id=case_id)

    def detail(self, action_id: str) -> ActionDetail:
        """The action *action_id* with its organization's name and what it was raised from."""
        with self._reading() as session:
            action = get_live(session, Action, action_id)
            organization = get_organization(session, action.organization_id, include_deleted=True)
            finding = session.get(Finding, action.finding_id) if action.finding_id else None
            case = session.get(ClinicCase, action.case_id) if action.case_id else None
            return ActionDetail(
                action,
                organization.name,
                finding.title if finding is not None else None,
                case.title if case is not None else None,
            )

    def records(
        self, *, organization_id: str | None = None, include_deleted: bool = False
    ) -> list[RecordRow]:
        """Every (live, unless *include_deleted*) action, of *organization_id* when given, as a
        plain row, by id."""
        with self._reading() as session:
            return read_records(
                session,
                Action,
                name="title",
                organization_id=organization_id,
                include_deleted=include_deleted,
            )
