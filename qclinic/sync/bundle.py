"""Bundle files (``.qcbundle``): changes and attachments carried by USB stick or e-mail where a
site allows no network (the format, versioned, is docs/BUNDLE.md).

A bundle is a zip file holding

``changes.jsonl``
    one change per line, the push's shape: ``{change_id, entity, row_id, organization_id,
    base_revision, fields, deleted}``;
``blobs/<sha256>``
    each attachment's bytes, named by their SHA-256;
``manifest.json``
    the format and its version, the device id and its public key, when it was made, the
    organizations, the counts, and the SHA-256 and size of every other member;
``signature``
    an Ed25519 signature of ``manifest.json``'s exact bytes by the device's key (base64).

:func:`write_bundle` writes one atomically (a temporary file in the same folder, renamed when
complete) and streams: attachments are copied in chunks, so memory stays flat however many and
however large they are. :func:`read_bundle` checks everything before it hands anything out — the
zip's structure, every member name, the manifest's version and signature, every member's size
and hash, every change's shape — and refuses a bundle with a located bilingual message
(:class:`~qclinic.errors.UserError`), so nothing of a tampered or truncated bundle is applied.
Signing keys: :func:`device_key` keeps this device's in the data folder.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import os
import re
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from qclinic.core.catalogue import text
from qclinic.errors import UserError

if TYPE_CHECKING:
    from qclinic.storage.blobs import BlobStore

FORMAT = "qclinic-bundle"
FORMAT_VERSION = 1  #: the newest version this code writes and reads
MANIFEST = "manifest.json"
SIGNATURE = "signature"
CHANGES = "changes.jsonl"
BLOBS = "blobs/"
KEY_FILE = "device-key.pem"
KEY_PREFIX = "ed25519:"

MAX_NAME = 255  #: a longer member name is refused (ours are at most 70 characters)
MAX_MANIFEST = 16 << 20
MAX_SIGNATURE = 1 << 10
MAX_CHANGES = 4 << 30
MAX_BLOB = 2 << 30
MAX_LINE = 64 << 20  #: one change's line
CHUNK = 1 << 20

CHANGE_KEYS = (
    "change_id",
    "entity",
    "row_id",
    "organization_id",
    "base_revision",
    "fields",
    "deleted",
)
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Member:
    """A member's SHA-256 (hex) and size in bytes, as the manifest records them."""

    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    """What a bundle's ``manifest.json`` says (see the module docstring)."""

    version: int
    device_id: str
    public_key: str
    created: str
    organization_ids: tuple[str, ...]
    changes: int
    blobs: int
    members: dict[str, Member] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        """The manifest as written (JSON-ready)."""
        return {
            "format": FORMAT,
            "version": self.version,
            "device_id": self.device_id,
            "public_key": self.public_key,
            "created": self.created,
            "organization_ids": list(self.organization_ids),
            "counts": {"changes": self.changes, "blobs": self.blobs},
            "members": {
                name: {"sha256": m.sha256, "size": m.size}
                for name, m in sorted(self.members.items())
            },
        }


class Bundle:
    """A checked bundle, open for reading (a context manager: close it when done).

    The file stays open from the check to the last read, so a file renamed over it meanwhile is
    not the one read; :meth:`copy_blob` checks each attachment's hash again as it copies.
    """

    def __init__(self, path: Path, archive: zipfile.ZipFile, manifest: Manifest) -> None:
        self.path = path
        self.manifest = manifest
        self._archive = archive

    def __enter__(self) -> Bundle:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._archive.close()

    def changes(self) -> Iterator[dict[str, Any]]:
        """The changes in the order they were written, one at a time.

        Their hash is checked again as they are read: if the file changed since it was checked,
        the last step raises (apply them in one transaction, and it rolls back).
        """
        digest = hashlib.sha256()
        try:
            with self._archive.open(CHANGES) as stream:
                while line := stream.readline(MAX_LINE + 1):
                    digest.update(line)
                    yield json.loads(line)
        except DAMAGE:  # json's errors are ValueErrors too
            raise UserError(text("bundle.damaged", path=self.path, name=CHANGES)) from None
        if digest.hexdigest() != self.manifest.members[CHANGES].sha256:
            raise UserError(text("bundle.member_changed", path=self.path, name=CHANGES))

    def blob_names(self) -> list[str]:
        """The SHA-256 of every attachment in the bundle."""
        return sorted(n.removeprefix(BLOBS) for n in self.manifest.members if n.startswith(BLOBS))

    def open_blob(self, sha256: str) -> IO[bytes]:
        """The bytes of attachment *sha256*, as a stream."""
        return self._archive.open(BLOBS + sha256)

    def copy_blob(self, sha256: str, target: Path) -> None:
        """Copy attachment *sha256* to *target* in chunks, atomically, checking its hash."""
        digest = hashlib.sha256()
        with _atomic_file(target) as out, self.open_blob(sha256) as stream:
            while chunk := stream.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
            if digest.hexdigest() != sha256:
                raise UserError(text("bundle.member_changed", path=self.path, name=BLOBS + sha256))

    def copy_blobs_into(self, store: BlobStore) -> int:
        """Copy every attachment the store lacks into *store* (hash checked); how many."""
        copied = 0
        for sha256 in self.blob_names():
            if not store.contains(sha256):
                target = store.path_for(sha256)
                target.parent.mkdir(parents=True, exist_ok=True)
                self.copy_blob(sha256, target)
                copied += 1
        return copied


# ---- device keys ---------------------------------------------------------------------------


def device_key(data_dir: Path) -> Ed25519PrivateKey:
    """This device's signing key, kept in *data_dir* (``device-key.pem``, mode 0600), made on
    first use. Two processes making it at once end with the same key (the first one written)."""
    path = data_dir / KEY_FILE
    if not path.exists():
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        descriptor, temporary = tempfile.mkstemp(prefix=".device-key-", dir=data_dir)
        try:
            os.chmod(temporary, 0o600)
            with os.fdopen(descriptor, "wb") as out:
                out.write(pem)
                out.flush()
                os.fsync(out.fileno())
            try:
                os.link(temporary, path)  # never replaces a key another process wrote first
            except FileExistsError:
                pass
            except OSError:  # no hard links here (a FAT USB stick): rename unless one appeared
                if not path.exists():
                    os.replace(temporary, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
    try:
        loaded = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (ValueError, TypeError) as error:
        raise UserError(text("bundle.device_key_unreadable", path=path, reason=error)) from None
    if not isinstance(loaded, Ed25519PrivateKey):
        raise UserError(text("bundle.device_key_unreadable", path=path, reason="not Ed25519"))
    return loaded


def public_key_text(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    """The public key as text (``ed25519:`` and base64 of its 32 bytes), to export and trust."""
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return KEY_PREFIX + base64.b64encode(raw).decode("ascii")


def load_public_key(key: str) -> Ed25519PublicKey:
    """The public key written as :func:`public_key_text` writes it.

    Raises:
        UserError: *key* is not one.
    """
    try:
        if not key.strip().startswith(KEY_PREFIX):
            raise ValueError(key)
        raw = base64.b64decode(key.strip().removeprefix(KEY_PREFIX), validate=True)
        return Ed25519PublicKey.from_public_bytes(raw)
    except (ValueError, binascii.Error):
        raise UserError(text("bundle.bad_public_key", key=key[:80])) from None


# ---- writing -------------------------------------------------------------------------------


def write_bundle(
    path: Path,
    changes: Iterable[Mapping[str, Any]],
    blobs: Iterable[tuple[str, Path]],
    key: Ed25519PrivateKey,
    *,
    device_id: str,
    organization_ids: Iterable[str] | None = None,
    created: datetime | None = None,
) -> Manifest:
    """Write a bundle of *changes* and *blobs* (``(sha256, file)`` pairs) to *path*, signed by
    *key*, and return its manifest.

    The organizations are *organization_ids*, or else those the changes name. Atomic: a failure
    (a change of the wrong shape, an attachment whose bytes no longer match its hash, a full disk)
    leaves no file behind, and an existing *path* untouched.

    Raises:
        UserError: An attachment's bytes do not match its SHA-256.
        ValueError: A change lacks a key of the push's shape (a bug of the caller).
    """
    when = (created or datetime.now(UTC)).astimezone(UTC)
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    members: dict[str, Member] = {}
    organizations: set[str] = set()
    count = 0
    with _atomic_file(path) as out, zipfile.ZipFile(out, "w", allowZip64=True) as archive:
        digest = hashlib.sha256()
        size = 0
        with archive.open(_info(CHANGES, when, zipfile.ZIP_DEFLATED), "w", force_zip64=True) as m:
            for change in changes:
                line = (_dump(_change_shape(change)) + "\n").encode("utf-8")
                digest.update(line)
                size += len(line)
                m.write(line)
                count += 1
                if change["organization_id"] is not None:
                    organizations.add(str(change["organization_id"]))
        members[CHANGES] = Member(digest.hexdigest(), size)
        for sha256, source in blobs:
            name = BLOBS + sha256.lower()
            if name in members:
                continue
            members[name] = _copy_blob_in(archive, name, source, when)
        organization_list = organizations if organization_ids is None else set(organization_ids)
        manifest = Manifest(
            version=FORMAT_VERSION,
            device_id=device_id,
            public_key=public_key_text(key),
            created=stamp,
            organization_ids=tuple(sorted(organization_list)),
            changes=count,
            blobs=len(members) - 1,
            members=members,
        )
        manifest_bytes = json.dumps(manifest.as_json(), indent=1, sort_keys=True).encode("utf-8")
        archive.writestr(_info(MANIFEST, when, zipfile.ZIP_DEFLATED), manifest_bytes)
        signature = base64.b64encode(key.sign(manifest_bytes)) + b"\n"
        archive.writestr(_info(SIGNATURE, when, zipfile.ZIP_STORED), signature)
    return manifest


def _copy_blob_in(archive: zipfile.ZipFile, name: str, source: Path, when: datetime) -> Member:
    sha256 = name.removeprefix(BLOBS)
    if not _SHA256.fullmatch(sha256):
        raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
    digest = hashlib.sha256()
    size = 0
    info = _info(name, when, zipfile.ZIP_STORED)  # photos are compressed already
    with source.open("rb") as stream, archive.open(info, "w", force_zip64=True) as member:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            member.write(chunk)
    if digest.hexdigest() != sha256:
        raise UserError(text("bundle.blob_mismatch", path=source, sha256=sha256))
    return Member(sha256, size)


def _change_shape(change: Mapping[str, Any]) -> dict[str, Any]:
    missing = [k for k in CHANGE_KEYS if k not in change]
    if missing:
        raise ValueError(f"a change needs {', '.join(missing)}: {dict(change)!r:.200}")
    return {k: change[k] for k in CHANGE_KEYS}


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _info(name: str, when: datetime, compression: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
    info.compress_type = compression
    info.external_attr = 0o644 << 16
    return info


@contextlib.contextmanager
def _atomic_file(path: Path) -> Iterator[IO[bytes]]:
    """A file written beside *path* and renamed onto it only when complete (fsynced); on any
    failure it is removed and *path* is as it was."""
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(descriptor, "w+b") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    if os.name == "posix":
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


# ---- reading -------------------------------------------------------------------------------


def read_bundle(
    path: Path, trusted_public_keys: Collection[str | Ed25519PublicKey] | None = None
) -> Bundle:
    """Open the bundle at *path* after checking all of it (see the module docstring).

    With *trusted_public_keys* the signing key must be one of them; without, the key the
    manifest names is used, which proves the bundle is whole and unchanged since it was signed
    but not who signed it.

    Raises:
        UserError: The bundle is refused; the message says why and where.
    """
    from qclinic.sync.bundle_check import check_bundle

    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError as error:
        raise UserError(text("bundle.cannot_read", path=path, reason=error.strerror)) from None
    except IsADirectoryError as error:
        raise UserError(text("bundle.cannot_read", path=path, reason=error.strerror)) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, struct.error):
        raise UserError(text(_not_zip_reason(path), path=path)) from None
    try:
        manifest = check_bundle(path, archive, trusted_public_keys)
    except BaseException:
        archive.close()
        raise
    return Bundle(path, archive, manifest)


def _not_zip_reason(path: Path) -> str:
    with path.open("rb") as stream:
        head = stream.read(4)
    if head and b"PK\x03\x04".startswith(head):
        return "bundle.truncated"
    return "bundle.not_a_bundle"


#: what reading a damaged member can raise
DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError, ValueError, struct.error, NotImplementedError)
