"""``qclinic bundle verify`` and ``qclinic bundle key``: exit codes, output in both languages."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from qclinic import cli
from qclinic.core.catalogue import say, text
from qclinic.sync.bundle import device_key, public_key_text, write_bundle

ORG = "0190d9a0-0000-7000-8000-000000000001"
DEVICE = "0190d9a0-0000-7000-8000-0000000000d1"


def _bundle(folder: Path, key: Ed25519PrivateKey) -> Path:
    photo = folder / "photo.jpg"
    photo.write_bytes(b"\xff\xd8 a photo")
    change = {
        "change_id": "c1",
        "entity": "organization",
        "row_id": ORG,
        "organization_id": ORG,
        "base_revision": 0,
        "fields": {"name": "芜湖铜业"},
        "deleted": False,
    }
    out = folder / "visit.qcbundle"
    sha = hashlib.sha256(photo.read_bytes()).hexdigest()
    write_bundle(out, [change], [(sha, photo)], key, device_id=DEVICE)
    return out


def _tamper(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    members["changes.jsonl"] = members["changes.jsonl"].replace("芜湖".encode(), "合肥".encode())
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_an_intact_bundle_shows_its_manifest_and_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = Ed25519PrivateKey.generate()
    path = _bundle(tmp_path, key)
    assert cli.run(["--lang", "en", "bundle", "verify", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(say("bundle.verified", "en", path=path))
    assert f"device: {DEVICE}" in out and "changes: 1" in out and "attachments: 1" in out
    assert f"organizations: {ORG}" in out and public_key_text(key) in out
    assert cli.run(["bundle", "verify", str(path), "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(say("bundle.verified", "zh", path=path))
    assert f"设备: {DEVICE}" in out and "更改: 1" in out and "附件: 1" in out


def test_json_prints_the_manifest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = Ed25519PrivateKey.generate()
    path = _bundle(tmp_path, key)
    assert cli.run(["bundle", "verify", str(path), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["ok"] is True
    manifest = shown["manifest"]
    assert manifest["format"] == "qclinic-bundle" and manifest["version"] == 1
    assert manifest["counts"] == {"changes": 1, "blobs": 1}
    assert manifest["organization_ids"] == [ORG]
    assert set(manifest["members"]) == {
        "changes.jsonl",
        "blobs/" + hashlib.sha256(b"\xff\xd8 a photo").hexdigest(),
    }


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_tampered_bundle_is_refused_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    path = _bundle(tmp_path, Ed25519PrivateKey.generate())
    _tamper(path)
    assert cli.run(["--lang", lang, "bundle", "verify", str(path)]) == 2
    captured = capsys.readouterr()
    message = say("bundle.member_changed", lang, path=path, name="changes.jsonl")
    assert captured.err.strip() == say("common.error", lang, message=message)
    assert captured.out == ""


def test_a_refusal_in_json_names_it_in_both_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cut.qcbundle"
    whole = _bundle(tmp_path, Ed25519PrivateKey.generate()).read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    assert cli.run(["bundle", "verify", str(path), "--json"]) == 2
    captured = capsys.readouterr()
    shown = json.loads(captured.out)
    assert shown == {
        "ok": False,
        "file": str(path),
        "error": text("bundle.truncated", path=path).as_dict(),
    }
    assert "incomplete" in captured.err


def test_trusted_keys_are_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    assert cli.run(["bundle", "key"]) == 0
    mine = capsys.readouterr().out.strip()
    assert mine.startswith("ed25519:")
    assert cli.run(["bundle", "key"]) == 0
    assert capsys.readouterr().out.strip() == mine  # made once, kept
    path = _bundle(tmp_path, device_key(data_dir))
    assert cli.run(["bundle", "verify", str(path), "--trust", mine]) == 0
    capsys.readouterr()
    stranger = public_key_text(Ed25519PrivateKey.generate())
    assert cli.run(["--lang", "zh", "bundle", "verify", str(path), "--trust", stranger]) == 2
    assert "不在受信任的密钥中" in capsys.readouterr().err
    assert cli.run(["bundle", "verify", str(path), "--trust", "nonsense"]) == 2
    assert "is not a public key" in capsys.readouterr().err


def test_the_command_runs_as_a_program(tmp_path: Path) -> None:
    path = _bundle(tmp_path, Ed25519PrivateKey.generate())
    command = ["bundle", "verify", str(path), "--json"]
    run = subprocess.run(
        [sys.executable, "-m", "qclinic", "--data-dir", str(tmp_path / "d"), *command],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["manifest"]["device_id"] == DEVICE
    _tamper(path)
    run = subprocess.run(
        [sys.executable, "-m", "qclinic", "bundle", "verify", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "LANG": "C.UTF-8"},
        timeout=120,
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "does not match its SHA-256" in run.stderr
