"""Blobs through the in-process API: which are missing, chunked and resumed uploads, the hash
check, downloads, and who may fetch what (docs/SYNC.md, "Blobs")."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from qclinic.server import accounts, db
from qclinic.server.app import create_app
from qclinic.server.blobs import MAX_CHUNK, ServerBlobs
from tests.server.conftest import ORG, OTHER_ORG, PASSWORD, organization, signed_in

CHUNK = 64 * 1024


@pytest.fixture
def blob_client(engine: Engine, tmp_path: Path) -> Iterator[TestClient]:
    with db.sessions(engine)() as session, session.begin():
        accounts.add_user(session, "bob", "company", PASSWORD, [OTHER_ORG])
    app = create_app(db.sessions(engine), blobs_dir=tmp_path / "blobs")
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def store(blob_client: TestClient) -> ServerBlobs:
    blobs: ServerBlobs = blob_client.app.state.blobs  # type: ignore[attr-defined]
    return blobs


@pytest.fixture
def alice(blob_client: TestClient) -> dict[str, str]:
    headers = signed_in(blob_client)
    blob_client.post(
        "/v1/push", json={"changes": [organization()]}, headers=headers
    ).raise_for_status()
    return headers


@pytest.fixture
def bob(blob_client: TestClient) -> dict[str, str]:
    return signed_in(blob_client, "bob")


def photo(size: int = 5 * CHUNK + 123, seed: int = 1) -> tuple[str, bytes]:
    data = (hashlib.sha256(str(seed).encode()).digest() * (size // 32 + 1))[:size]
    data = bytes(b ^ (i % 251) for i, b in enumerate(data))
    return hashlib.sha256(data).hexdigest(), data


def put(
    client: TestClient,
    headers: dict[str, str],
    sha: str,
    data: bytes,
    offset: int,
    total: int,
    org: str = ORG,
) -> Any:
    return client.put(
        f"/v1/blobs/{sha}",
        params={"offset": offset, "total": total, "organization": org},
        content=data,
        headers=headers,
    )


def upload(
    client: TestClient,
    headers: dict[str, str],
    sha: str,
    data: bytes,
    start: int = 0,
    stop: int | None = None,
    org: str = ORG,
) -> int:
    """Send data[start:stop] in chunks; the server's offset after the last one."""
    stop = len(data) if stop is None else stop
    offset = start
    while offset < stop or (offset == 0 and not data):
        answer = put(
            client, headers, sha, data[offset : min(offset + CHUNK, stop)], offset, len(data), org
        )
        assert answer.status_code == 200, answer.text
        offset = answer.json()["offset"]
        if not data:
            break
    return offset


def missing(client: TestClient, headers: dict[str, str], *hashes: str) -> dict[str, int]:
    answer = client.post("/v1/blobs/missing", json={"hashes": list(hashes)}, headers=headers)
    assert answer.status_code == 200, answer.text
    return {item["sha256"]: item["offset"] for item in answer.json()["missing"]}


def test_a_blob_uploaded_in_chunks_is_no_longer_missing_and_downloads_whole(
    blob_client: TestClient, alice: dict[str, str], store: ServerBlobs
) -> None:
    sha, data = photo()
    other, _ = photo(seed=2)
    assert missing(blob_client, alice, sha, other) == {sha: 0, other: 0}

    assert upload(blob_client, alice, sha, data) == len(data)

    assert missing(blob_client, alice, sha, other) == {other: 0}
    got = blob_client.get(f"/v1/blobs/{sha}", headers=alice)
    assert got.status_code == 200 and got.content == data
    head = blob_client.head(f"/v1/blobs/{sha}", headers=alice)
    assert head.status_code == 200 and int(head.headers["content-length"]) == len(data)
    assert store.store.read_bytes(sha) == data
    assert store.received == len(data)
    assert list(store.partials.iterdir()) == []


def test_an_interrupted_upload_resumes_from_the_servers_offset_sending_only_the_rest(
    blob_client: TestClient, alice: dict[str, str], store: ServerBlobs
) -> None:
    sha, data = photo()
    half = upload(blob_client, alice, sha, data, 0, 2 * CHUNK)
    assert half == 2 * CHUNK

    # the client died; it asks again and learns where to go on from
    assert missing(blob_client, alice, sha) == {sha: half}
    # a client that starts over is told the offset, and nothing of its chunk is read
    wrong = put(blob_client, alice, sha, data[:CHUNK], 0, len(data))
    assert wrong.status_code == 409
    assert wrong.json()["detail"]["offset"] == half
    assert upload(blob_client, alice, sha, data, half) == len(data)

    assert store.received == len(data)  # every byte once
    assert blob_client.get(f"/v1/blobs/{sha}", headers=alice).content == data


def test_bytes_that_do_not_match_their_hash_are_refused_and_not_kept(
    blob_client: TestClient, alice: dict[str, str], store: ServerBlobs
) -> None:
    sha, data = photo()
    forged = bytearray(data)
    forged[-1] ^= 0xFF
    upload(blob_client, alice, sha, bytes(forged), 0, len(forged) - 10)
    last = put(blob_client, alice, sha, bytes(forged[-10:]), len(forged) - 10, len(forged))

    assert last.status_code == 422
    assert last.json()["detail"]["code"] == "hash_mismatch"
    assert not store.store.contains(sha)
    assert list(store.partials.iterdir()) == []
    assert missing(blob_client, alice, sha) == {sha: 0}
    # nothing was granted; and even an admin, who may fetch any blob, finds none
    assert blob_client.get(f"/v1/blobs/{sha}", headers=alice).status_code == 403
    root = signed_in(blob_client, "root")
    assert blob_client.get(f"/v1/blobs/{sha}", headers=root).status_code == 404


def test_an_empty_blob_is_one_empty_chunk(blob_client: TestClient, alice: dict[str, str]) -> None:
    sha = hashlib.sha256(b"").hexdigest()
    answer = put(blob_client, alice, sha, b"", 0, 0)
    assert answer.status_code == 200 and answer.json() == {
        "sha256": sha,
        "offset": 0,
        "complete": True,
    }
    assert blob_client.get(f"/v1/blobs/{sha}", headers=alice).content == b""


def test_chunks_past_the_limit_or_the_total_are_refused(
    blob_client: TestClient, alice: dict[str, str], store: ServerBlobs
) -> None:
    sha, data = photo()
    big = put(blob_client, alice, sha, bytes(MAX_CHUNK + 1), 0, MAX_CHUNK + 1)
    assert big.status_code == 413
    past = put(blob_client, alice, sha, data[:CHUNK], 0, CHUNK - 1)
    assert past.status_code == 400 and past.json()["detail"]["code"] == "bad_size"
    bad = blob_client.post("/v1/blobs/missing", json={"hashes": ["XYZ"]}, headers=alice)
    assert bad.status_code == 422
    assert store.offset(1, sha) == 0


def test_a_blob_of_organization_a_never_leaves_the_server_for_a_user_of_organization_b(
    blob_client: TestClient, alice: dict[str, str], bob: dict[str, str]
) -> None:
    sha, data = photo()
    upload(blob_client, alice, sha, data)
    attachment = {"sha256": sha, "file_name": "a.jpg", "mime_type": "image/jpeg", "size": 1}

    assert blob_client.get(f"/v1/blobs/{sha}", headers=bob).status_code == 403
    assert blob_client.head(f"/v1/blobs/{sha}", headers=bob).status_code == 403
    # to bob the blob is missing: knowing its hash is not having it
    assert missing(blob_client, bob, sha) == {sha: 0}
    # nor may bob upload for alice's organization, nor name it in a record to get the bytes
    assert put(blob_client, bob, sha, data[:CHUNK], 0, len(data)).status_code == 403
    named = {
        "change_id": "bob-1",
        "entity": "attachment",
        "row_id": "01a00000-0000-7000-8000-0000000000f1",
        "organization_id": OTHER_ORG,
        "base_revision": 0,
        "fields": attachment,
        "deleted": False,
    }
    bob_org = {**organization("bob-org", OTHER_ORG)}
    answer = blob_client.post("/v1/push", json={"changes": [bob_org, named]}, headers=bob)
    assert answer.status_code == 200, answer.text
    assert blob_client.get(f"/v1/blobs/{sha}", headers=bob).status_code == 403

    # with the bytes in hand (proved by uploading them) bob's organization has it too
    assert upload(blob_client, bob, sha, data, org=OTHER_ORG) == len(data)
    assert blob_client.get(f"/v1/blobs/{sha}", headers=bob).content == data


def test_partials_are_per_user(
    blob_client: TestClient, alice: dict[str, str], bob: dict[str, str], store: ServerBlobs
) -> None:
    sha, data = photo()
    upload(blob_client, alice, sha, data, 0, CHUNK)
    assert missing(blob_client, bob, sha) == {sha: 0}
    assert missing(blob_client, alice, sha) == {sha: CHUNK}
    assert os.path.getsize(store.partial(1, sha)) == CHUNK


def test_audit_verify_names_a_stored_blob_whose_bytes_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from qclinic.server.cli import main

    password = tmp_path / "pw"
    password.write_text(PASSWORD, encoding="utf-8")
    folder = tmp_path / "srv"
    assert (
        main(
            ["init", "--data-dir", str(folder), "--admin", "root", "--password-file", str(password)]
        )
        == 0
    )
    blobs = ServerBlobs(folder / "blobs")
    sha, data = photo()
    blobs.store.put_bytes(data)
    assert main(["audit", "verify", "--data-dir", str(folder)]) == 0

    blobs.store.path_for(sha).write_bytes(data[:-1] + b"\x00")

    assert main(["audit", "verify", "--data-dir", str(folder)]) == 2
    assert f"blob {sha} no longer matches its hash" in capsys.readouterr().err
