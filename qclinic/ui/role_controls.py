"""What the signed-in role may do, shown as it is: the role the server reported at sign-in
(``services.team.role()``, kept in the local sync state).

A company user (role ``company``) sees only their own company — the pull brings no other — and
may not create or delete organizations nor assign work: those controls are hidden. *Assign…* shows
for a signed-in lead or administrator only. Not signed in, the desktop works as it always has.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QWidget

from qclinic.services import Services


def show_for_role(
    services: Services,
    *,
    managing: Iterable[QWidget] = (),
    assigning: Iterable[QWidget] = (),
) -> None:
    """Hide *managing* controls (creating, deleting organizations) from a company user, and show
    *assigning* controls to a lead or administrator only."""
    team = services.team
    company = team.is_company()
    for widget in managing:
        widget.setVisible(not company)
    may_assign = team.may_assign()
    for widget in assigning:
        widget.setVisible(may_assign)
