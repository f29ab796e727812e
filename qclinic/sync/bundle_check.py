"""Checking a bundle before anything in it is used (:func:`qclinic.sync.bundle.read_bundle`).

In order: every member name is safe (not too long, relative, inside the bundle) and appears once;
the manifest is there, not too large, valid JSON of a version this code reads; the signature
verifies over the manifest's exact bytes with a trusted key; the members are exactly those the
manifest lists; each has the size and SHA-256 the manifest records (read in chunks, never more
than its recorded size); each change line has the push's shape and the counts add up. The first
problem refuses the bundle with a located message.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import zipfile
from collections.abc import Collection
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from qclinic.core.catalogue import text
from qclinic.errors import UserError
from qclinic.sync.bundle import (
    _SHA256,
    BLOBS,
    CHANGE_KEYS,
    CHANGES,
    CHUNK,
    DAMAGE,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    MAX_BLOB,
    MAX_CHANGES,
    MAX_LINE,
    MAX_MANIFEST,
    MAX_NAME,
    MAX_SIGNATURE,
    SIGNATURE,
    Manifest,
    Member,
    load_public_key,
    public_key_text,
)

_COMPRESSIONS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)


def check_bundle(
    path: Path,
    archive: zipfile.ZipFile,
    trusted_public_keys: Collection[str | Ed25519PublicKey] | None,
) -> Manifest:
    """The manifest of the bundle *archive* (at *path*) once all of it is checked.

    Raises:
        UserError: The first problem found (the module docstring lists the checks).
    """
    infos = _names(path, archive)
    for required in (MANIFEST, SIGNATURE):
        if required not in infos:
            raise UserError(text("bundle.member_missing", path=path, name=required))
    manifest_bytes = _read_small(path, archive, infos[MANIFEST], MAX_MANIFEST)
    data = _manifest_json(path, manifest_bytes)
    _check_signature(path, archive, infos[SIGNATURE], manifest_bytes, data, trusted_public_keys)
    manifest = _manifest(path, data)
    listed = set(manifest.members)
    present = set(infos) - {MANIFEST, SIGNATURE}
    for name in sorted(listed - present):
        raise UserError(text("bundle.member_missing", path=path, name=name))
    for name in sorted(present - listed):
        raise UserError(text("bundle.member_extra", path=path, name=name))
    for name in sorted(listed):
        _check_member(path, archive, infos[name], manifest.members[name])
    _check_changes(path, archive, manifest)
    return manifest


def _names(path: Path, archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    infos: dict[str, zipfile.ZipInfo] = {}
    length = path.stat().st_size
    for info in archive.infolist():
        name = info.filename
        if not _safe(name):
            raise UserError(text("bundle.unsafe_name", path=path, name=_shown(name)))
        if name in infos:
            raise UserError(text("bundle.duplicate_member", path=path, name=name))
        if info.flag_bits & 0x1 or info.compress_type not in _COMPRESSIONS:
            raise UserError(text("bundle.damaged", path=path, name=name))  # encrypted, or not ours
        if not 0 <= info.header_offset <= length - 30 - info.compress_size:
            raise UserError(text("bundle.damaged", path=path, name=name))  # points outside the file
        infos[name] = info
    return infos


def _safe(name: str) -> bool:
    """A relative POSIX name inside the bundle: no ``..``, ``.`` or empty part (so no root), no
    drive, backslash or NUL, and not too long."""
    if not name or len(name) > MAX_NAME or any(ch in name for ch in "\\:\x00"):
        return False
    return all(part not in ("", ".", "..") for part in name.split("/"))


def _shown(name: str) -> str:
    shown = repr(name)
    return shown if len(shown) <= 80 else shown[:77] + "…"


def _read_small(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    if info.file_size > limit:
        raise UserError(
            text("bundle.member_too_large", path=path, name=info.filename, limit=_size(limit))
        )
    try:
        with archive.open(info) as stream:
            data = stream.read(limit + 1)
    except DAMAGE:
        raise UserError(text("bundle.damaged", path=path, name=info.filename)) from None
    if len(data) > limit:
        raise UserError(
            text("bundle.member_too_large", path=path, name=info.filename, limit=_size(limit))
        )
    return data


def _manifest_json(path: Path, raw: bytes) -> dict[str, Any]:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UserError(text("bundle.manifest_invalid", path=path, reason=error)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise UserError(
            text("bundle.manifest_invalid", path=path, reason=f"format is not {FORMAT}")
        )
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise UserError(text("bundle.manifest_invalid", path=path, reason=f"version {version!r}"))
    if version > FORMAT_VERSION:
        raise UserError(
            text("bundle.newer_version", path=path, version=version, supported=FORMAT_VERSION)
        )
    return data


def _check_signature(
    path: Path,
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    manifest_bytes: bytes,
    data: dict[str, Any],
    trusted: Collection[str | Ed25519PublicKey] | None,
) -> None:
    named = data.get("public_key")
    if not isinstance(named, str):
        raise UserError(text("bundle.manifest_invalid", path=path, reason="no public_key"))
    try:
        key = load_public_key(named)
    except UserError:
        raise UserError(text("bundle.manifest_invalid", path=path, reason="public_key")) from None
    if trusted is not None:
        allowed = {
            public_key_text(load_public_key(k) if isinstance(k, str) else k) for k in trusted
        }
        if public_key_text(key) not in allowed:
            device = str(data.get("device_id", "?"))[:80]
            raise UserError(text("bundle.untrusted_key", path=path, device=device, key=named[:60]))
    raw = _read_small(path, archive, info, MAX_SIGNATURE)
    try:
        key.verify(base64.b64decode(raw.strip(), validate=True), manifest_bytes)
    except (InvalidSignature, binascii.Error, ValueError):
        raise UserError(text("bundle.bad_signature", path=path)) from None


def _manifest(path: Path, data: dict[str, Any]) -> Manifest:
    """The manifest's fields, each of the right type (the signature is already checked)."""

    def bad(reason: str) -> UserError:
        return UserError(text("bundle.manifest_invalid", path=path, reason=reason))

    counts = data.get("counts")
    members = data.get("members")
    organizations = data.get("organization_ids")
    if not isinstance(counts, dict) or not all(_count(counts.get(k)) for k in ("changes", "blobs")):
        raise bad("counts")
    if not isinstance(members, dict) or not isinstance(organizations, list):
        raise bad("members / organization_ids")
    if not all(isinstance(o, str) for o in organizations):
        raise bad("organization_ids")
    for key in ("device_id", "created"):
        if not isinstance(data.get(key), str):
            raise bad(key)
    parsed: dict[str, Member] = {}
    for name, entry in members.items():
        if not (name == CHANGES or _blob_name(name)):
            raise UserError(text("bundle.unsafe_name", path=path, name=_shown(name)))
        if not isinstance(entry, dict):
            raise bad(name)
        sha256, size = entry.get("sha256"), entry.get("size")
        if not (isinstance(sha256, str) and _SHA256.fullmatch(sha256)):
            raise bad(name)
        if not isinstance(size, int) or not _count(size):
            raise bad(name)
        if name != CHANGES and name.removeprefix(BLOBS) != sha256:
            raise bad(name)
        parsed[name] = Member(sha256, size)
    if CHANGES not in parsed:
        raise UserError(text("bundle.member_missing", path=path, name=CHANGES))
    blobs = len(parsed) - 1
    if blobs != counts["blobs"]:
        what = text("bundle.what.blobs")
        raise UserError(
            text(
                "bundle.count_mismatch", path=path, expected=counts["blobs"], found=blobs, what=what
            )
        )
    return Manifest(
        version=data["version"],
        device_id=data["device_id"],
        public_key=data["public_key"],
        created=data["created"],
        organization_ids=tuple(organizations),
        changes=counts["changes"],
        blobs=counts["blobs"],
        members=parsed,
    )


def _count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _blob_name(name: str) -> bool:
    return name.startswith(BLOBS) and bool(_SHA256.fullmatch(name.removeprefix(BLOBS)))


def _check_member(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, m: Member) -> None:
    """Size and SHA-256 as recorded, read in chunks and never past the recorded size."""
    limit = MAX_CHANGES if info.filename == CHANGES else MAX_BLOB
    if m.size > limit or info.file_size > limit:
        raise UserError(
            text("bundle.member_too_large", path=path, name=info.filename, limit=_size(limit))
        )
    if info.file_size != m.size:
        raise UserError(text("bundle.member_changed", path=path, name=info.filename))
    digest = hashlib.sha256()
    read = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(min(CHUNK, m.size - read + 1)):
                read += len(chunk)
                if read > m.size:
                    raise UserError(text("bundle.member_changed", path=path, name=info.filename))
                digest.update(chunk)
    except DAMAGE:
        raise UserError(text("bundle.damaged", path=path, name=info.filename)) from None
    if read != m.size or digest.hexdigest() != m.sha256:
        raise UserError(text("bundle.member_changed", path=path, name=info.filename))


def _check_changes(path: Path, archive: zipfile.ZipFile, manifest: Manifest) -> None:
    organizations = set(manifest.organization_ids)
    count = 0
    with archive.open(CHANGES) as stream:
        while raw := stream.readline(MAX_LINE + 1):
            count += 1
            reason = _change_problem(raw, organizations)
            if reason is not None:
                raise UserError(text("bundle.change_invalid", path=path, line=count, reason=reason))
    if count != manifest.changes:
        what = text("bundle.what.changes")
        raise UserError(
            text(
                "bundle.count_mismatch",
                path=path,
                expected=manifest.changes,
                found=count,
                what=what,
            )
        )


def _change_problem(raw: bytes, organizations: set[str]) -> str | None:
    """Why one line of changes.jsonl is not a change of the push's shape, or ``None``."""
    if len(raw) > MAX_LINE:
        return f"longer than {_size(MAX_LINE)}"
    try:
        change = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return f"not JSON ({error})"
    if not isinstance(change, dict):
        return "not a JSON object"
    keys = set(change)
    if keys != set(CHANGE_KEYS):
        missing, extra = set(CHANGE_KEYS) - keys, keys - set(CHANGE_KEYS)
        return f"keys missing {sorted(missing)}, unexpected {sorted(extra)}"
    for key in ("change_id", "entity", "row_id"):
        if not isinstance(change[key], str) or not change[key]:
            return f"{key} is not a text"
    organization = change["organization_id"]
    if organization is not None and organization not in organizations:
        return f"organization {organization!r} is not in the manifest"
    if not _count(change["base_revision"]):
        return "base_revision is not a whole number"
    if not isinstance(change["fields"], dict) or not isinstance(change["deleted"], bool):
        return "fields is not an object, or deleted not true/false"
    return None


def _size(limit: int) -> str:
    return f"{limit >> 20} MiB"
