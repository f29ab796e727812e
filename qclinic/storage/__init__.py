"""Persistence: models, sessions, migrations and repositories over the local SQLite file.

Start with :func:`qclinic.storage.startup.open_database`.
"""
