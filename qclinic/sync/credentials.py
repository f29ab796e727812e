"""Where this device's sync token is kept: the system keyring, or a file only the user reads.

The keyring is used when the ``keyring`` package is installed and has a real backend; otherwise
(a headless Linux box, CI) the token goes to ``DIR/sync-token`` with mode 0600.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

SERVICE = "QClinic sync"
TOKEN_FILE = "sync-token"


def _keyring() -> Any | None:
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) < 1:
        return None
    return keyring


class TokenStore:
    """The token of one data folder (*key*: its device id, so two folders keep two tokens)."""

    def __init__(self, data_dir: Path, key: str) -> None:
        self._file = data_dir / TOKEN_FILE
        self._key = key

    @property
    def where(self) -> str:
        return "keyring" if _keyring() is not None else str(self._file)

    def save(self, token: str) -> None:
        keyring = _keyring()
        if keyring is not None:
            keyring.set_password(SERVICE, self._key, token)
            return
        self._file.unlink(missing_ok=True)
        descriptor = os.open(self._file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(token)

    def load(self) -> str | None:
        keyring = _keyring()
        if keyring is not None:
            token: str | None = keyring.get_password(SERVICE, self._key)
            return token
        try:
            return self._file.read_text(encoding="utf-8").strip() or None
        except FileNotFoundError:
            return None

    def clear(self) -> None:
        keyring = _keyring()
        if keyring is not None:
            # keyring.errors.PasswordDeleteError: nothing was stored
            with contextlib.suppress(Exception):
                keyring.delete_password(SERVICE, self._key)
        self._file.unlink(missing_ok=True)
