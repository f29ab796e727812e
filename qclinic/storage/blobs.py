"""Content-addressed storage for attachment bytes.

A blob is named by the SHA-256 of its content and kept at ``<root>/ab/cdef…`` (the first two hex
digits as a folder), so the same photo attached twice is stored once, and a file's name proves its
content. Blobs are written atomically — temporary file, ``fsync``, rename, ``fsync`` of the folder —
*before* the database row that refers to them commits: a crash can leave an unreferenced blob, never
a row whose bytes are missing.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

_CHUNK = 1 << 20


class BlobMismatch(ValueError):
    """Bytes offered as a blob do not hash to its name."""

    def __init__(self, sha256: str) -> None:
        super().__init__(f"the bytes do not hash to {sha256}")
        self.sha256 = sha256


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of *data* as 64 lowercase hex digits."""
    return hashlib.sha256(data).hexdigest()


class BlobStore:
    """Attachment bytes under one folder, addressed by SHA-256."""

    def __init__(self, root: Path) -> None:
        """Use *root* (created on first write) as the store's folder."""
        self.root = root

    def path_for(self, sha256: str) -> Path:
        """Where the blob *sha256* lives (whether or not it exists)."""
        sha256 = sha256.lower()
        if len(sha256) != 64 or any(ch not in "0123456789abcdef" for ch in sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:]

    def contains(self, sha256: str) -> bool:
        """Whether the blob is stored."""
        return self.path_for(sha256).is_file()

    def put_bytes(self, data: bytes) -> str:
        """Store *data* durably (once per content) and return its SHA-256."""
        sha256 = sha256_hex(data)
        target = self.path_for(sha256)
        if not target.is_file():
            self._write_atomically(target, data)
        return sha256

    def put_file(self, source: Path) -> tuple[str, int]:
        """Store the content of *source*; return its SHA-256 and size in bytes."""
        data = source.read_bytes()
        return self.put_bytes(data), len(data)

    def put_stream(self, sha256: str, chunks: Iterable[bytes]) -> int:
        """Store the bytes *chunks* yield as blob *sha256*, durably, checking the hash as they
        are written (memory stays one chunk); the size in bytes.

        Raises:
            BlobMismatch: The bytes do not hash to *sha256*; nothing is kept.
        """
        target = self.path_for(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=".incoming-", dir=target.parent)
        digest = hashlib.sha256()
        size = 0
        try:
            with os.fdopen(descriptor, "wb") as stream:
                for chunk in chunks:
                    digest.update(chunk)
                    stream.write(chunk)
                    size += len(chunk)
                stream.flush()
                os.fsync(stream.fileno())
            if digest.hexdigest() != sha256.lower():
                raise BlobMismatch(sha256)
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
            raise
        _fsync_directory(target.parent)
        return size

    def read_bytes(self, sha256: str) -> bytes:
        """The content of blob *sha256*.

        Raises:
            FileNotFoundError: The blob is not in this store.
        """
        return self.path_for(sha256).read_bytes()

    def verify(self, sha256: str) -> bool:
        """Whether the stored blob still hashes to its name (bit rot, tampering)."""
        digest = hashlib.sha256()
        with self.path_for(sha256).open("rb") as stream:
            while chunk := stream.read(_CHUNK):
                digest.update(chunk)
        return digest.hexdigest() == sha256.lower()

    @staticmethod
    def _write_atomically(target: Path, data: bytes) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=".incoming-", dir=target.parent)
        try:
            with os.fdopen(descriptor, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
            raise
        _fsync_directory(target.parent)


def _fsync_directory(folder: Path) -> None:
    """Make a rename in *folder* durable (POSIX); a no-op where folders cannot be opened."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
