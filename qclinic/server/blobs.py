"""Blobs on the server: attachment bytes, content-addressed, uploaded in chunks that resume.

A blob is kept at ``DATA_DIR/blobs/ab/cdef…`` (the desktop's layout, :class:`BlobStore`). An
upload is appended to a partial file of its own per user and blob (``blobs/.partial/``) whose
size *is* the offset the server has received; the last chunk (the total size is given with
every chunk) checks the SHA-256 of the whole file before it is renamed into the store, and a
mismatch deletes the partial. So a killed client resumes from the partial's size, and a file
the server keeps always hashes to its name.

**Who may fetch a blob.** A completed upload grants the blob to the organization the uploader
named (``server_blob_grant``; the uploader must be allowed to write to it). Proof of possession
is the point: a record that merely *names* a hash grants nothing, or anyone who learnt the hash
of organization B's photo could push a record of their own organization naming it and download
the photo. A user may download a blob granted to an organization they may see; a blob uploaded
(again) for another organization is simply granted to that one too.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import threading
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from qclinic.server.accounts import Caller
from qclinic.server.models import BlobGrant, Record
from qclinic.server.scope import creating, scope_of
from qclinic.storage.blobs import BlobStore

#: the largest chunk one request may carry (a client sends 1 MiB)
MAX_CHUNK = 8 << 20
#: the largest blob (as a bundle's)
MAX_BLOB = 2 << 30
#: hashes per ``POST /v1/blobs/missing``
MAX_HASHES = 5000
SHA256 = re.compile(r"[0-9a-f]{64}")
_READ = 1 << 20
#: the records that name blobs, and the field that does
BLOB_FIELDS = {"attachment": "sha256", "signature": "image_sha256"}


class BlobError(Exception):
    """An upload refused: ``code`` and HTTP ``status`` for the answer."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


class WrongOffset(BlobError):
    """A chunk sent for another offset than the server has: resume from :attr:`offset`."""

    def __init__(self, offset: int) -> None:
        super().__init__(409, "wrong_offset", f"the server has {offset} bytes of this blob")
        self.offset = offset


class ServerBlobs:
    """The blob folder of a server's data directory."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.store = BlobStore(root)
        self.partials = root / ".partial"
        #: request body bytes read by uploads since start (for tests and benchmarks)
        self.received = 0
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def _lock(self, name: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(name, threading.Lock())

    def partial(self, user_id: int, sha256: str) -> Path:
        return self.partials / f"{user_id}-{sha256}"

    def offset(self, user_id: int, sha256: str) -> int:
        """How many bytes of *sha256* the server has from this user (0: none yet)."""
        try:
            return self.partial(user_id, sha256).stat().st_size
        except FileNotFoundError:
            return 0

    def append(
        self, user_id: int, sha256: str, offset: int, total: int, chunk: bytes
    ) -> tuple[int, bool]:
        """Append *chunk* at *offset*; the new offset, and whether the blob is now kept.

        Raises:
            WrongOffset: The server has another number of bytes (it answers how many).
            BlobError: Past the total size, or (on the last chunk) the bytes do not hash to
                *sha256*: the partial is deleted and nothing is kept.
        """
        path = self.partial(user_id, sha256)
        with self._lock(path.name):
            current = self.offset(user_id, sha256)
            if offset != current:
                raise WrongOffset(current)
            end = offset + len(chunk)
            if total > MAX_BLOB or end > total:
                raise BlobError(400, "bad_size", f"{end} bytes is past the total of {total}")
            self.partials.mkdir(parents=True, exist_ok=True)
            with path.open("ab") as stream:
                stream.write(chunk)
                stream.flush()
                os.fsync(stream.fileno())
            if end < total:
                return end, False
            if _file_hash(path) != sha256:
                path.unlink()
                raise BlobError(
                    422, "hash_mismatch", f"the bytes received do not hash to {sha256}: not kept"
                )
            target = self.store.path_for(sha256)
            if target.is_file():
                path.unlink()  # kept already (another upload): this one proved possession
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(path, target)
                _fsync_directory(target.parent)
            return end, True

    def discard(self, user_id: int, sha256: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.partial(user_id, sha256).unlink()

    def verify_all(self) -> list[str]:
        """The stored blobs whose bytes no longer hash to their name."""
        damaged = []
        for folder in sorted(self.root.glob("[0-9a-f][0-9a-f]")):
            for path in sorted(folder.iterdir()):
                name = folder.name + path.name
                if SHA256.fullmatch(name) and _file_hash(path) != name:
                    damaged.append(name)
        return damaged


def may_upload(session: Session, caller: Caller, organization_id: str) -> bool:
    """An upload names the organization whose record will reference the blob: one the caller
    may write to (or create, as a push of a new organization may)."""
    return scope_of(session, caller).may_write(organization_id) or creating(
        session, caller, organization_id, "organization"
    )


def grant(session: Session, caller: Caller, sha256: str, organization_id: str) -> None:
    """Record that *caller* uploaded *sha256* whole for *organization_id* (once)."""
    if session.get(BlobGrant, (sha256, organization_id, caller.user_id)) is None:
        session.add(
            BlobGrant(sha256=sha256, organization_id=organization_id, user_id=caller.user_id)
        )


def may_download(session: Session, caller: Caller, sha256: str) -> bool:
    """Whether *sha256* was granted to an organization *caller* may see (admin: any blob)."""
    if caller.role == "admin":
        return True
    granted = set(
        session.scalars(select(BlobGrant.organization_id).where(BlobGrant.sha256 == sha256))
    )
    scope = scope_of(session, caller)
    return any(scope.may_see(organization_id) for organization_id in granted)


def missing(
    session: Session, caller: Caller, blobs: ServerBlobs, hashes: list[str]
) -> list[dict[str, object]]:
    """The hashes among *hashes* the caller must upload, with the offset to resume from.

    A blob counts as present only if it is stored *and* the caller may download it, or
    uploaded it themselves (for an organization their push has not created yet): a blob kept
    for another organization must be uploaded again (proving possession) to be granted.
    """
    out: list[dict[str, object]] = []
    for sha256 in dict.fromkeys(hashes):
        if blobs.store.contains(sha256) and (
            may_download(session, caller, sha256) or _uploaded_by(session, caller, sha256)
        ):
            continue
        out.append({"sha256": sha256, "offset": blobs.offset(caller.user_id, sha256)})
    return out


def _uploaded_by(session: Session, caller: Caller, sha256: str) -> bool:
    query = select(BlobGrant.sha256).where(
        BlobGrant.sha256 == sha256, BlobGrant.user_id == caller.user_id
    )
    return session.scalars(query.limit(1)).first() is not None


def lacking(session: Session, blobs: ServerBlobs) -> list[tuple[str, str, str]]:
    """``(entity, row id, sha256)`` of live records naming a blob the server does not keep."""
    out: list[tuple[str, str, str]] = []
    query = select(Record).where(Record.entity.in_(BLOB_FIELDS), Record.deleted.is_(False))
    for record in session.scalars(query):
        sha256 = str(record.fields.get(BLOB_FIELDS[record.entity]) or "")
        if SHA256.fullmatch(sha256) and not blobs.store.contains(sha256):
            out.append((record.entity, record.row_id, sha256))
    return out


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_READ):
            digest.update(chunk)
    return digest.hexdigest()


def _fsync_directory(folder: Path) -> None:
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
