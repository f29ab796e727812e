"""Attachments in sync: their records travel, their bytes as blobs (docs/SYNC.md, "Blobs").

In process (the API through FastAPI's test client, the desktop through its services): an upload
interrupted half way sends only the rest next time. Through the real server process: a photo
taken on one laptop arrives whole on another, and a record whose bytes have not arrived is
listed as incomplete, and said so by ``qclinic sync``, until they do.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from qclinic.core.vocabulary import VisitKind
from qclinic.server import accounts, db
from qclinic.server.app import create_app
from qclinic.server.blobs import ServerBlobs
from qclinic.services import Services
from qclinic.storage.startup import open_database
from qclinic.sync import engine, transfer
from qclinic.sync.client import SyncClient, Unreachable
from tests.sync.conftest import PASSWORD, Server, login, qclinic, sync


def _open(data_dir: Path) -> Services:
    database = open_database(data_dir / "qclinic.sqlite", attachments_dir=data_dir / "attachments")
    return Services(database)


@contextmanager
def _local(data_dir: Path) -> Iterator[Services]:
    services = _open(data_dir)
    try:
        yield services
    finally:
        services.database.dispose()


def _assessment(services: Services, name: str) -> tuple[str, str]:
    from qclinic.storage.library import install_builtin_library

    install_builtin_library(services.database)
    organization = services.organizations.create(name, region="Tongling").id
    nqi = next(
        c
        for c in services.assessments.start_choices(organization).checklists
        if c.id == "nqi-clinic"
    )
    assessment = services.assessments.start(
        organization,
        checklist_id=nqi.id,
        checklist_version=nqi.version,
        title="Clinic visit",
        visit_kind=VisitKind.ONSITE_CLINIC,
        visit_date=date(2026, 11, 20),
    )
    return organization, assessment


def _photo(size: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(size)


# -- in process ----------------------------------------------------------------------------------


@pytest.fixture
def api(tmp_path: Path) -> Iterator[tuple[TestClient, ServerBlobs, str]]:
    """The API over a fresh server folder; a test client signed in as a consultant."""
    server_engine = db.make_engine(db.database_url(tmp_path))
    db.upgrade(server_engine)
    with db.sessions(server_engine)() as session, session.begin():
        accounts.add_user(session, "alice", "consultant", PASSWORD, [])
    app = create_app(db.sessions(server_engine), blobs_dir=tmp_path / "blobs")
    with TestClient(app) as client:
        login = client.post("/v1/login", json={"user": "alice", "password": PASSWORD})
        yield client, app.state.blobs, login.json()["token"]
    server_engine.dispose()


def _client(test_client: TestClient, token: str, kind: type[SyncClient] = SyncClient) -> Any:
    client = kind("http://testserver", token)
    client._http.close()
    test_client.headers["Authorization"] = f"Bearer {token}"
    client._http = test_client
    return client


class _Dies(SyncClient):
    """A client whose connection drops after *chunks* uploads (as if the laptop was shut)."""

    chunks = 0

    def upload_chunk(self, *args: Any) -> tuple[int, bool]:
        if self.chunks == 0:
            raise Unreachable("the network went away")
        self.chunks -= 1
        return super().upload_chunk(*args)


def test_an_interrupted_upload_resumes_and_sends_every_byte_once(
    api: tuple[TestClient, ServerBlobs, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(transfer, "CHUNK", 64 * 1024)
    test_client, store, token = api
    services = _open(tmp_path / "laptop")
    _organization, assessment = _assessment(services, "Tongling Copper Works")
    photos = [(_photo(200_000 + n, n), f"p{n}.jpg") for n in range(3)]
    services.answers.add_photos(assessment, "QMS.1", photos)
    total = sum(len(data) for data, _name in photos)
    assert services.sync.pending_blob_count() == 3

    dying = _client(test_client, token, _Dies)
    dying.chunks = 5  # the first photo's four chunks, the second's first, then the line drops
    with pytest.raises(Unreachable):
        engine.run(services.sync, dying, lambda _line: None, "en")
    first = store.received
    assert first == len(photos[0][0]) + 64 * 1024
    assert services.sync.pending_count() > 0  # nothing of the records was pushed
    assert services.sync.pending_blob_count() == 3

    summary = engine.run(services.sync, _client(test_client, token), lambda _line: None, "en")

    assert store.received == total  # the rest only: nothing sent twice
    assert summary.blobs.uploaded == 2  # the first was whole on the server already
    assert summary.blobs.bytes_sent == total - first
    for data, _name in photos:
        assert store.store.read_bytes(hashlib.sha256(data).hexdigest()) == data
    assert services.sync.pending_count() == 0
    assert services.sync.pending_blob_count() == 0
    assert list(store.partials.iterdir()) == []
    services.database.dispose()


def test_a_pulled_attachment_without_its_bytes_is_incomplete_until_they_arrive(
    api: tuple[TestClient, ServerBlobs, str], tmp_path: Path
) -> None:
    test_client, _store, token = api
    a, b = _open(tmp_path / "a"), _open(tmp_path / "b")
    _organization, assessment = _assessment(a, "Anhui Cable")
    data = _photo(100_000, 7)
    sha = hashlib.sha256(data).hexdigest()
    (photo_id,) = a.answers.add_photos(assessment, "QMS.1", [(data, "gauge.jpg")]).attachment_ids
    engine.run(a.sync, _client(test_client, token), lambda _line: None, "en")
    engine.run(b.sync, _client(test_client, token), lambda _line: None, "en")
    assert b.database.blobs.read_bytes(sha) == data
    assert b.sync.incomplete_attachments() == []

    b.database.blobs.path_for(sha).unlink()  # as if the download had not happened yet
    (incomplete,) = b.sync.incomplete_attachments()
    assert (incomplete.entity, incomplete.row_id, incomplete.sha256) == (
        "attachment",
        photo_id,
        sha,
    )
    assert (incomplete.file_name, incomplete.assessment_id) == ("gauge.jpg", assessment)

    lines: list[str] = []
    summary = engine.run(b.sync, _client(test_client, token), lines.append, "en")

    assert summary.blobs.downloaded == 1
    assert b.database.blobs.read_bytes(sha) == data
    assert b.sync.incomplete_attachments() == []
    assert any("downloading attachments: 1/1" in line for line in lines)
    a.database.dispose()
    b.database.dispose()


def test_a_local_file_whose_bytes_changed_is_refused_by_the_server_and_reported(
    api: tuple[TestClient, ServerBlobs, str], tmp_path: Path
) -> None:
    test_client, store, token = api
    services = _open(tmp_path / "laptop")
    _organization, assessment = _assessment(services, "Huainan Mining")
    data = _photo(30_000, 31)
    sha = hashlib.sha256(data).hexdigest()
    services.answers.add_photos(assessment, "QMS.1", [(data, "rot.jpg")])
    services.database.blobs.path_for(sha).write_bytes(data[:-1] + b"?")  # bit rot on the laptop
    lines: list[str] = []

    summary = engine.run(services.sync, _client(test_client, token), lines.append, "en")

    assert (summary.blobs.damaged, summary.blobs.uploaded) == (1, 0)
    assert f"the bytes of attachment {sha} do not match its hash" in "\n".join(lines)
    assert not store.store.contains(sha)
    assert services.sync.pending_count() == 0  # the record went: the server knows it lacks it
    services.database.dispose()


# -- through the real server process -------------------------------------------------------------


def _status(data_dir: Path) -> dict[str, Any]:
    done = qclinic(data_dir, "sync", "status", "--json")
    assert done.returncode == 0, done.stderr
    status: dict[str, Any] = json.loads(done.stdout)
    return status


def test_a_photo_taken_on_one_laptop_arrives_whole_on_another_and_a_lost_one_shows(
    server: Server, tmp_path_factory: pytest.TempPathFactory
) -> None:
    server.add_user("dora", "consultant")
    a, b = tmp_path_factory.mktemp("photo-a"), tmp_path_factory.mktemp("photo-b")
    login(server, a, "dora")
    login(server, b, "dora")
    photo, lost = _photo(1_500_000, 11), _photo(50_000, 12)
    sha, lost_sha = hashlib.sha256(photo).hexdigest(), hashlib.sha256(lost).hexdigest()
    with _local(a) as services:
        _organization, assessment = _assessment(services, "Wuhu Alloys")
        services.answers.add_photos(assessment, "QMS.1", [(photo, "furnace.jpg")])
        services.answers.add_photos(assessment, "QMS.2", [(lost, "lost.jpg")])
        assert services.sync.pending_blob_count() == 2
    (a / "attachments" / lost_sha[:2] / lost_sha[2:]).unlink()  # the file was lost on A

    pushed = sync(a)

    assert "uploading attachments: 1/1" in pushed.stderr
    assert "does not have the file of attachment" in pushed.stderr
    assert "1 uploaded (1.4 MB)" in pushed.stdout
    assert (server.data_dir / "blobs" / sha[:2] / sha[2:]).read_bytes() == photo

    pulled = sync(b)

    assert "downloading attachments: " in pulled.stderr
    assert "1 downloaded; 1 still missing" in pulled.stdout
    assert (b / "attachments" / sha[:2] / sha[2:]).read_bytes() == photo
    status = _status(b)
    assert (status["pending_blobs"], status["missing_blobs"]) == (0, 1)
    with _local(b) as services:
        (evidence,) = services.answers.evidence(assessment, instance_key="", question_ids=["QMS.1"])
        assert (evidence.file_name, evidence.data) == ("furnace.jpg", photo)
        # the record came; its bytes never reached the server: incomplete, not silently empty
        (incomplete,) = services.sync.incomplete_attachments()
        assert (incomplete.sha256, incomplete.file_name) == (lost_sha, "lost.jpg")
    head = httpx.head(
        f"{server.url}/v1/blobs/{lost_sha}",
        headers={"Authorization": f"Bearer {server.token('dora')}"},
    )
    assert head.status_code == 403  # never uploaded: granted to no organization


# -- bundles carry the bytes too -----------------------------------------------------------------


def test_a_bundle_carries_a_photo_to_a_desktop_and_to_the_server(tmp_path: Path) -> None:
    from qclinic import cli
    from qclinic.server import cli as server_cli
    from qclinic.sync.bundle import read_bundle

    a, b, srv = tmp_path / "a", tmp_path / "b", tmp_path / "srv"
    photo = _photo(300_000, 21)
    sha = hashlib.sha256(photo).hexdigest()
    with _local(a) as services:
        organization, assessment = _assessment(services, "Bengbu Glass")
        services.answers.add_photos(assessment, "QMS.1", [(photo, "kiln.jpg")])
    out = tmp_path / "visit.qcbundle"

    assert cli.run(["--data-dir", str(a), "bundle", "export", "--out", str(out)]) == 0
    with read_bundle(out, None) as bundle:
        assert bundle.blob_names() == [sha]
        assert bundle.manifest.blobs == 1

    assert cli.run(["--data-dir", str(b), "bundle", "import", str(out)]) == 0
    with _local(b) as services:
        assert services.database.blobs.read_bytes(sha) == photo
        assert services.sync.incomplete_attachments() == []

    password = tmp_path / "pw"
    password.write_text(PASSWORD, encoding="utf-8")
    init = ["init", "--data-dir", str(srv), "--admin", "root", "--password-file", str(password)]
    assert server_cli.main(init) == 0
    assert server_cli.main(["import-bundle", str(out), "--data-dir", str(srv)]) == 0
    assert (srv / "blobs" / sha[:2] / sha[2:]).read_bytes() == photo
    # granted to the bundle's organization: the server's users who see it may download it
    server_engine = db.make_engine(db.database_url(srv))
    with db.sessions(server_engine)() as session:
        from sqlalchemy import select

        from qclinic.server.models import BlobGrant

        grants = session.execute(select(BlobGrant.sha256, BlobGrant.organization_id)).all()
        assert grants == [(sha, organization)]
    server_engine.dispose()
