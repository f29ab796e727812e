"""Persistence: models, sessions, migrations and repositories over the local SQLite file.

Start-up (CLI and GUI)::

    from qclinic.storage.startup import open_database
    from qclinic.storage.repositories import answers, organizations

    db = open_database()                     # checks, backs up and migrates if needed
    with db.session() as session:            # one short session per user operation
        org = organizations.create_organization(session, "某某铜业有限公司", region="鹰潭市")
    with db.read_session() as session:       # lists and reports: no write lock
        rows = organizations.list_organizations(session, search="铜业")
    db.dispose()                             # on exit

Layout: :mod:`.startup` (open_database), :mod:`.database` (engine, sessions), :mod:`.models`,
:mod:`.changelog` (revision, timestamps, change log at flush), :mod:`.repositories`,
:mod:`.blobs` (attachment bytes), :mod:`.migrate` and ``migrations/`` (Alembic, imported only
when a file must be created or upgraded), :mod:`.errors` (what the user is told).
This package imports nothing heavy itself.
"""
