"""Persistence: SQLAlchemy models, sessions, migrations and repositories over the local SQLite file."""
