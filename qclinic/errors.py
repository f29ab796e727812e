"""Errors a user can act on, kept apart from our own bugs.

A :class:`UserError` (bad input, a broken checklist, a database we must not touch) is shown as a
clear message and exit code 2; anything else is a bug and is reported as one.
"""

from __future__ import annotations


class UserError(Exception):
    """Something the user can fix; the message says what and where."""

    exit_code = 2


class DatabaseRefused(UserError):
    """The database file must not be opened: newer schema, not SQLite, or corrupt. It is untouched."""
