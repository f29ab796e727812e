"""The bundle file (qclinic.sync.bundle): a round trip, every refusal with its message in both
languages, atomic and streaming writes, and the device key."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import stat
import tracemalloc
import warnings
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from qclinic.core.catalogue import text
from qclinic.errors import UserError
from qclinic.sync import bundle_check
from qclinic.sync.bundle import (
    FORMAT_VERSION,
    device_key,
    load_public_key,
    public_key_text,
    read_bundle,
    write_bundle,
)

ORG = "0190d9a0-0000-7000-8000-000000000001"
DEVICE = "0190d9a0-0000-7000-8000-0000000000d1"


def _change(n: int, organization: str | None = ORG) -> dict[str, Any]:
    return {
        "change_id": f"0190d9a0-0000-7000-8000-{n:012d}",
        "entity": "answer",
        "row_id": f"0190d9a0-0000-7000-9000-{n:012d}",
        "organization_id": organization,
        "base_revision": n % 3,
        "fields": {"value": n, "note": f"备注 {n}"},
        "deleted": False,
    }


def _blob(folder: Path, content: bytes) -> tuple[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    sha = hashlib.sha256(content).hexdigest()
    path = folder / sha
    path.write_bytes(content)
    return sha, path


@pytest.fixture
def key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture
def made(tmp_path: Path, key: Ed25519PrivateKey) -> Path:
    """A bundle of three changes and two attachments."""
    blobs = [_blob(tmp_path / "src", b"photo one"), _blob(tmp_path / "src", b"\x00" * 5000)]
    out = tmp_path / "out.qcbundle"
    write_bundle(out, [_change(n) for n in range(3)], blobs, key, device_id=DEVICE)
    return out


def _refused(path: Path, entry: str, trusted: Any = None, **fields: Any) -> UserError:
    """Reading *path* is refused with ``bundle.<entry>``, said in both languages."""
    with pytest.raises(UserError) as raised:
        read_bundle(path, trusted)
    expected = text(f"bundle.{entry}", path=path, **fields)
    assert raised.value.text == expected
    assert raised.value.message("zh") == expected.zh and str(path) in expected.zh
    assert raised.value.message("en") == expected.en and str(path) in expected.en
    assert expected.zh != expected.en
    return raised.value


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _rewrite(path: Path, members: dict[str, bytes]) -> None:
    """Write *members* as a well-formed zip (valid CRCs): tampering a checksum cannot catch."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a duplicate name, on purpose
        with zipfile.ZipFile(path, "w") as archive:
            for name, data in members.items():
                archive.writestr(name, data)


def _resign(path: Path, key: Ed25519PrivateKey, change: Callable[[dict[str, Any]], None]) -> None:
    """Edit the manifest with *change* and sign it again with *key* (a well-made bundle)."""
    members = _members(path)
    manifest = json.loads(members["manifest.json"])
    change(manifest)
    raw = json.dumps(manifest).encode()
    members["manifest.json"] = raw
    members["signature"] = base64.b64encode(key.sign(raw))
    _rewrite(path, members)


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]


# ---- a round trip ---------------------------------------------------------------------------


def test_a_bundle_reads_back_what_was_written(made: Path, tmp_path: Path, key: Any) -> None:
    with read_bundle(made, [public_key_text(key)]) as bundle:
        manifest = bundle.manifest
        assert manifest.version == FORMAT_VERSION
        assert manifest.device_id == DEVICE
        assert manifest.public_key == public_key_text(key)
        assert manifest.organization_ids == (ORG,)
        assert (manifest.changes, manifest.blobs) == (3, 2)
        assert list(bundle.changes()) == [_change(n) for n in range(3)]
        names = bundle.blob_names()
        assert names == sorted(hashlib.sha256(c).hexdigest() for c in (b"photo one", b"\0" * 5000))
        for sha in names:
            bundle.copy_blob(sha, tmp_path / "copy")
            assert hashlib.sha256((tmp_path / "copy").read_bytes()).hexdigest() == sha
    assert set(_members(made)) == {
        "manifest.json",
        "signature",
        "changes.jsonl",
        *(f"blobs/{n}" for n in names),
    }
    listed = json.loads(_members(made)["manifest.json"])["members"]
    assert set(listed) == set(_members(made)) - {"manifest.json", "signature"}


def test_without_trusted_keys_the_manifest_key_proves_the_bundle_whole(made: Path) -> None:
    with read_bundle(made) as bundle:
        assert bundle.manifest.changes == 3


def test_organizations_are_given_or_taken_from_the_changes(tmp_path: Path, key: Any) -> None:
    out = tmp_path / "b.qcbundle"
    changes = [_change(1, "org-b"), _change(2, "org-a"), _change(3, None)]
    assert write_bundle(out, changes, [], key, device_id=DEVICE).organization_ids == (
        "org-a",
        "org-b",
    )
    explicit = write_bundle(out, [], [], key, device_id=DEVICE, organization_ids=["org-c", "org-a"])
    assert explicit.organization_ids == ("org-a", "org-c") and explicit.changes == 0
    with read_bundle(out) as bundle:
        assert (
            list(bundle.changes()) == []
            and bundle.manifest.organization_ids == explicit.organization_ids
        )


def test_the_same_attachment_twice_is_stored_once(tmp_path: Path, key: Any) -> None:
    blob = _blob(tmp_path / "src", b"same")
    manifest = write_bundle(tmp_path / "b.qcbundle", [], [blob, blob], key, device_id=DEVICE)
    assert manifest.blobs == 1


# ---- refusals -------------------------------------------------------------------------------


def test_a_byte_changed_in_the_signature_is_refused(made: Path) -> None:
    members = _members(made)
    signature = base64.b64decode(members["signature"])
    members["signature"] = base64.b64encode(_flip(signature, 10))
    _rewrite(made, members)
    _refused(made, "bad_signature")


def test_a_byte_changed_in_the_manifest_is_refused(made: Path) -> None:
    members = _members(made)
    manifest = members["manifest.json"]
    members["manifest.json"] = manifest.replace(b'"created": "', b'"created": "1')
    assert members["manifest.json"] != manifest
    _rewrite(made, members)
    _refused(made, "bad_signature")


@pytest.mark.parametrize("member", ["changes.jsonl", "blob"])
def test_a_byte_changed_in_a_member_is_refused(made: Path, member: str) -> None:
    members = _members(made)
    name = member if member != "blob" else next(n for n in members if n.startswith("blobs/"))
    members[name] = _flip(members[name], 5)
    _rewrite(made, members)
    _refused(made, "member_changed", name=name)


def test_a_byte_flipped_in_the_file_itself_is_refused_or_harmless(made: Path) -> None:
    """A raw flip anywhere: the zip's own checks, or ours, refuse it (never a crash) — unless
    the byte is one no content depends on (a timestamp or attribute of a zip header), and then
    the bundle reads back exactly as written."""
    with read_bundle(made) as bundle:
        original = (
            list(bundle.changes()),
            {s: bundle.open_blob(s).read() for s in bundle.blob_names()},
        )
    raw = made.read_bytes()
    refused = 0
    for at in range(0, len(raw), 2):  # every other byte: the whole file, in half the time
        made.write_bytes(_flip(raw, at))
        try:
            with read_bundle(made) as bundle:
                blobs = {s: bundle.open_blob(s).read() for s in bundle.blob_names()}
                assert (list(bundle.changes()), blobs) == original, at
        except UserError as error:
            assert error.text is not None and str(made) in error.text.en
            refused += 1
    assert refused > len(raw) / 2 * 0.8, (refused, len(raw))


def test_a_truncated_bundle_is_refused_at_any_length(made: Path) -> None:
    raw = made.read_bytes()
    for length in (3, 30, 200, len(raw) // 2, len(raw) - 100, len(raw) - 1):
        made.write_bytes(raw[:length])
        _refused(made, "truncated")
    made.write_bytes(b"")
    _refused(made, "not_a_bundle")


def test_a_file_that_is_not_a_bundle_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.qcbundle"
    path.write_text("hello", encoding="utf-8")
    _refused(path, "not_a_bundle")
    zipped = tmp_path / "other.zip"
    _rewrite(zipped, {"readme.txt": b"hi"})
    _refused(zipped, "member_missing", name="manifest.json")


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.qcbundle"
    _refused(path, "cannot_read", reason="No such file or directory")


def test_an_added_member_is_refused(made: Path) -> None:
    members = _members(made)
    members["blobs/" + "0" * 64] = b"extra"
    _rewrite(made, members)
    _refused(made, "member_extra", name="blobs/" + "0" * 64)


@pytest.mark.parametrize("name", ["changes.jsonl", "blob", "signature", "manifest.json"])
def test_a_removed_member_is_refused(made: Path, name: str) -> None:
    members = _members(made)
    name = name if name != "blob" else next(n for n in members if n.startswith("blobs/"))
    del members[name]
    _rewrite(made, members)
    _refused(made, "member_missing", name=name)


@pytest.mark.parametrize(
    "name",
    ["../evil.sh", "blobs/../../evil", "/etc/cron.d/x", "C:\\evil", "a\\..\\b", "./x", "x" * 300],
)
def test_a_path_traversing_or_oversized_member_name_is_refused(made: Path, name: str) -> None:
    members = _members(made)
    members[name] = b"payload"
    _rewrite(made, members)
    shown = repr(name) if len(repr(name)) <= 80 else repr(name)[:77] + "…"
    _refused(made, "unsafe_name", name=shown)


def test_a_member_named_twice_is_refused(made: Path) -> None:
    members = list(_members(made).items())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(made, "w") as archive:
            for name, data in [*members, ("changes.jsonl", b"{}\n")]:
                archive.writestr(name, data)
    _refused(made, "duplicate_member", name="changes.jsonl")


def test_a_newer_format_version_is_refused(made: Path, key: Any) -> None:
    _resign(made, key, lambda m: m.update(version=FORMAT_VERSION + 1))
    _refused(made, "newer_version", version=FORMAT_VERSION + 1, supported=FORMAT_VERSION)


def test_a_bundle_signed_by_an_untrusted_key_is_refused(made: Path, key: Any) -> None:
    stranger = public_key_text(Ed25519PrivateKey.generate())
    _refused(made, "untrusted_key", [stranger], device=DEVICE, key=public_key_text(key)[:60])
    with read_bundle(made, [stranger, key.public_key()]) as bundle:  # a key object is fine too
        assert bundle.manifest.device_id == DEVICE


def test_a_bundle_resigned_by_another_device_claiming_this_one_is_refused(made: Path) -> None:
    """Re-signing with a forger's key (and naming it) passes only without trusted keys."""
    forger = Ed25519PrivateKey.generate()
    _resign(made, forger, lambda m: m.update(public_key=public_key_text(forger)))
    read_bundle(made).close()
    _refused(
        made,
        "untrusted_key",
        [public_key_text(Ed25519PrivateKey.generate())],
        device=DEVICE,
        key=public_key_text(forger)[:60],
    )


def test_an_oversized_member_is_refused(made: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bundle_check, "MAX_MANIFEST", 100)
    _refused(made, "member_too_large", name="manifest.json", limit="0 MiB")
    monkeypatch.undo()
    monkeypatch.setattr(bundle_check, "MAX_BLOB", 1000)
    name = next(n for n, d in _members(made).items() if n.startswith("blobs/") and len(d) > 1000)
    _refused(made, "member_too_large", name=name, limit="0 MiB")


def test_a_member_longer_than_its_recorded_size_is_refused(made: Path, key: Any) -> None:
    members = _members(made)
    name = next(n for n in members if n.startswith("blobs/"))
    _resign(made, key, lambda m: m["members"][name].update(size=3))
    _refused(made, "member_changed", name=name)


def test_a_change_of_the_wrong_shape_is_refused_with_its_line(made: Path, key: Any) -> None:
    lines = [json.dumps(_change(0)), json.dumps({**_change(1), "base_revision": -1})]
    raw = ("\n".join(lines) + "\n").encode()

    def point_to_the_new_changes(manifest: dict[str, Any]) -> None:
        manifest["members"]["changes.jsonl"] = {
            "sha256": hashlib.sha256(raw).hexdigest(),
            "size": len(raw),
        }
        manifest["counts"]["changes"] = 2

    members = _members(made)
    members["changes.jsonl"] = raw
    _rewrite(made, members)
    _resign(made, key, point_to_the_new_changes)
    _refused(made, "change_invalid", line=2, reason="base_revision is not a whole number")


def test_counts_that_do_not_add_up_are_refused(made: Path, key: Any) -> None:
    _resign(made, key, lambda m: m["counts"].update(changes=4))
    _refused(made, "count_mismatch", expected=4, found=3, what=text("bundle.what.changes"))


# ---- writing: atomic and streaming ---------------------------------------------------------


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_an_attachment_that_changed_leaves_nothing_half_written(
    made: Path, tmp_path: Path, key: Any
) -> None:
    before = made.read_bytes()
    sha, source = _blob(tmp_path / "src", b"original")
    source.write_bytes(b"changed meanwhile")
    with pytest.raises(UserError) as raised:
        write_bundle(made, [_change(1)], [(sha, source)], key, device_id=DEVICE)
    expected = text("bundle.blob_mismatch", path=source, sha256=sha)
    assert raised.value.message("zh") == expected.zh and raised.value.message("en") == expected.en
    assert made.read_bytes() == before  # the old bundle untouched
    assert _leftovers(made.parent) == []


def test_a_failure_while_writing_leaves_no_file(tmp_path: Path, key: Any) -> None:
    def changes() -> Iterator[dict[str, Any]]:
        yield _change(1)
        raise RuntimeError("the database went away")

    out = tmp_path / "new.qcbundle"
    with pytest.raises(RuntimeError):
        write_bundle(out, changes(), [], key, device_id=DEVICE)
    assert not out.exists() and _leftovers(tmp_path) == []
    with pytest.raises(ValueError, match="a change needs deleted"):
        write_bundle(
            out,
            [{k: v for k, v in _change(1).items() if k != "deleted"}],
            [],
            key,
            device_id=DEVICE,
        )
    assert not out.exists() and _leftovers(tmp_path) == []


def test_writing_and_reading_stream_attachments_in_chunks(tmp_path: Path, key: Any) -> None:
    """Memory stays flat: 20 attachments of 2 MB never hold more than a chunk or two at once."""
    source = tmp_path / "src"
    blobs = [_blob(source, os.urandom(2 << 20)) for _ in range(20)]
    out = tmp_path / "big.qcbundle"
    tracemalloc.start()
    try:
        write_bundle(out, [_change(n) for n in range(50)], blobs, key, device_id=DEVICE)
        _, written_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        with read_bundle(out) as bundle:
            for sha in bundle.blob_names()[:5]:
                bundle.copy_blob(sha, tmp_path / "copy")
        _, read_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert out.stat().st_size > 40 << 20
    assert written_peak < 6 << 20, written_peak
    assert read_peak < 6 << 20, read_peak


# ---- the device key ------------------------------------------------------------------------


def test_the_device_key_is_made_once_kept_private_and_exported_as_text(tmp_path: Path) -> None:
    key = device_key(tmp_path)
    path = tmp_path / "device-key.pem"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = device_key(tmp_path)
    assert public_key_text(again) == public_key_text(key)
    exported = public_key_text(key)
    assert exported.startswith("ed25519:")
    assert public_key_text(load_public_key(exported)) == exported
    assert _leftovers(tmp_path) == []


def test_an_unreadable_device_key_and_a_bad_public_key_are_told(tmp_path: Path) -> None:
    (tmp_path / "device-key.pem").write_text("not a key", encoding="utf-8")
    with pytest.raises(UserError) as raised:
        device_key(tmp_path)
    assert raised.value.text is not None
    assert str(tmp_path / "device-key.pem") in raised.value.message("zh")
    assert "签名密钥" in raised.value.message("zh") and "signing key" in raised.value.message("en")
    with pytest.raises(UserError) as bad:
        load_public_key("ed25519:nope")
    assert bad.value.text == text("bundle.bad_public_key", key="ed25519:nope")


def test_a_bundle_changed_on_disk_after_its_check_stops_the_changes(
    tmp_path: Path, key: Any
) -> None:
    made = tmp_path / "many.qcbundle"
    changes = [{**_change(n), "fields": {"note": os.urandom(40).hex()}} for n in range(2000)]
    write_bundle(made, changes, [], key, device_id=DEVICE)  # larger than any read buffer
    with zipfile.ZipFile(made) as archive:
        info = archive.getinfo("changes.jsonl")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    with read_bundle(made) as bundle:
        with made.open("r+b") as raw:  # changed in place, behind the open bundle's back
            raw.seek(start + info.compress_size // 2)
            byte = raw.read(1)
            raw.seek(-1, os.SEEK_CUR)
            raw.write(bytes([byte[0] ^ 0xFF]))
        with pytest.raises(UserError) as raised:
            list(bundle.changes())
    expected = text("bundle.damaged", path=made, name="changes.jsonl")
    assert raised.value.text == expected


def test_the_device_key_is_kept_where_files_cannot_be_linked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A portable data folder on a FAT USB stick has no hard links: the key is renamed in."""

    def no_links(_source: object, _target: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    key = device_key(tmp_path)
    assert public_key_text(device_key(tmp_path)) == public_key_text(key)
    assert stat.S_IMODE((tmp_path / "device-key.pem").stat().st_mode) == 0o600
    assert _leftovers(tmp_path) == []
