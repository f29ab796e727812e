"""Moving blobs: upload what the server lacks before a push, download what pulled records name.

Uploads go in chunks of :data:`CHUNK` from the offset the server already has (it answers it in
``POST /v1/blobs/missing``, and again for a chunk sent at the wrong offset), so a sync killed
half way sends only the rest next time: nothing twice but the chunk that was in flight.
Downloads are streamed into the local store, the hash checked as they are written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from qclinic.core.catalogue import text
from qclinic.storage.blobs import BlobMismatch
from qclinic.sync.client import BlobRefused, SyncClient

if TYPE_CHECKING:
    from qclinic.services.sync import SyncService
    from qclinic.services.sync_blobs import BlobToSend

Progress = Callable[[str], None]
#: bytes per upload request (the server takes at most 8 MiB)
CHUNK = 1 << 20
#: hashes per ``missing`` question
ASK = 1000
_MIB = 1 << 20


@dataclass
class BlobSummary:
    uploaded: int = 0
    bytes_sent: int = 0
    downloaded: int = 0
    #: blobs a pending record names that this computer does not have (never stored, or lost)
    not_here: int = 0
    #: refused for not matching their hash (a damaged file here, or on the server)
    damaged: int = 0
    #: blobs pulled records name that the server could not give (not uploaded yet)
    unavailable: int = 0


def upload(
    client: SyncClient,
    blobs: list[BlobToSend],
    progress: Progress,
    lang: str,
    summary: BlobSummary,
) -> None:
    """Upload the blobs among *blobs* the server lacks, resuming each where the server is."""
    if not blobs:
        return
    hashes = sorted({blob.sha256 for blob in blobs})
    wanted: dict[str, int] = {}
    for start in range(0, len(hashes), ASK):
        wanted.update(client.missing_blobs(hashes[start : start + ASK]))
    todo = [blob for blob in blobs if blob.sha256 in wanted]
    for blob in todo:
        if blob.path is None:
            summary.not_here += 1
            progress(text("sync.blob_not_here", sha256=blob.sha256).get(lang))
    todo = [blob for blob in todo if blob.path is not None]
    for number, blob in enumerate(todo, 1):
        # a blob named by two organizations goes to each (the second from the start)
        start = wanted.pop(blob.sha256, 0)
        try:
            summary.bytes_sent += _send(client, blob, start)
        except BlobRefused:
            summary.damaged += 1
            progress(text("sync.blob_damaged", sha256=blob.sha256).get(lang))
            continue
        summary.uploaded += 1
        sent = summary.bytes_sent / _MIB
        line = text("sync.blob_uploading", done=number, total=len(todo), megabytes=f"{sent:.1f}")
        progress(line.get(lang))


def _send(client: SyncClient, blob: BlobToSend, offset: int) -> int:
    """Send *blob* from *offset* to its end; the bytes sent."""
    assert blob.path is not None
    sent = 0
    with blob.path.open("rb") as stream:
        total = stream.seek(0, 2)
        while True:
            stream.seek(offset)
            chunk = stream.read(CHUNK)
            after, complete = client.upload_chunk(
                blob.sha256, blob.organization_id, offset, total, chunk
            )
            if after == offset + len(chunk):
                sent += len(chunk)
            offset = after  # the server's word, also when it had another offset
            if complete:
                return sent


def download(
    sync: SyncService, client: SyncClient, progress: Progress, lang: str, summary: BlobSummary
) -> None:
    """Fetch the blob of every live record here that lacks it (pulled now or earlier)."""
    hashes = sorted({item.sha256 for item in sync.incomplete_attachments()})
    for number, sha256 in enumerate(hashes, 1):

        def keep(chunks: Iterator[bytes], sha256: str = sha256) -> int:
            return sync.store_blob(sha256, chunks)

        try:
            found = client.download_blob(sha256, keep)
        except BlobMismatch:
            summary.damaged += 1
            progress(text("sync.blob_damaged", sha256=sha256).get(lang))
            continue
        if not found:
            summary.unavailable += 1
            continue
        summary.downloaded += 1
        line = text("sync.blob_downloading", done=number, total=len(hashes))
        progress(line.get(lang))
