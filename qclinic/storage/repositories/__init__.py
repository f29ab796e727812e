"""Narrow functions the UI and the CLI call, each taking a session from ``Database.session()``.

Usage::

    with db.session() as session:
        org = organizations.create_organization(session, "某某铜业有限公司", region="鹰潭")

Modules: :mod:`.organizations` (organizations, sites, persons), :mod:`.visits`,
:mod:`.assessments` (assessments, signatures), :mod:`.answers`, :mod:`.attachments`,
:mod:`.improvement` (findings, clinic cases, actions).
"""
