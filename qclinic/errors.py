"""Errors a user can act on, kept apart from our own bugs.

A :class:`UserError` (bad input, a broken checklist, a database we must not touch) is shown as a
clear message and exit code 2; anything else is a bug and is reported as one.
"""

from __future__ import annotations

import errno

from qclinic.core.text import Text


class UserError(Exception):
    """Something the user can fix; the message says what and where.

    Raise it with a :class:`~qclinic.core.text.Text` (from :func:`qclinic.core.catalogue.text`) and
    the reader gets it in their language: :meth:`message` picks the part, ``str()`` gives both
    (English, then Chinese) for logs. A plain string is still accepted for messages that are not
    yet in the catalogue; :meth:`message` then orders its English and Chinese lines, if it has both.
    """

    exit_code = 2

    def __init__(self, message: str | Text = "", *args: object) -> None:
        self.text: Text | None = message if isinstance(message, Text) else None
        super().__init__(message.both() if isinstance(message, Text) else message, *args)

    def message(self, lang: str) -> str:
        """The message in *lang* ("zh" or "en")."""
        if self.text is not None:
            return self.text.get(lang)
        from qclinic.core.bilingual import order_for

        return order_for(str(self), lang)


class DatabaseRefused(UserError):
    """The database file must not be opened: newer schema, not SQLite, or corrupt. It is untouched."""


_MEDIUM_PROBLEMS = {
    errno.ENOSPC: "full",
    errno.EDQUOT: "quota",
    errno.EROFS: "read_only",
    errno.EACCES: "access",
    errno.EPERM: "not_permitted",
    errno.EISDIR: "is_folder",
    errno.ENOTDIR: "not_folder",
    errno.EIO: "io",
    errno.ENAMETOOLONG: "name_too_long",
}


def medium_error(error: OSError) -> UserError | None:
    """The user's version of an :class:`OSError` caused by the medium or the path, else ``None``.

    A full or read-only disk, missing permissions, a folder named where a file is needed: the user
    can fix these, so they are not bugs. The message names the file.
    """
    problem = _MEDIUM_PROBLEMS.get(error.errno or 0)
    if problem is None:
        return None
    from qclinic.core.catalogue import text

    where = error.filename if error.filename is not None else text("common.unknown_file")
    return UserError(text("common.medium", where=where, problem=text(f"common.medium.{problem}")))
