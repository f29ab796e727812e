"""The QClinic server: accounts, push/pull sync over HTTP, an append-only log of changes.

No Qt. FastAPI served by uvicorn over SQLAlchemy 2, with its own tables and Alembic migrations
(``qclinic/server/migrations``, version table ``qclinic_server_version``) so one database may hold
both a desktop's schema and the server's without either touching the other's. The protocol is
``docs/SYNC.md``; the command line is ``qclinic-server`` (:mod:`qclinic.server.cli`).
"""
