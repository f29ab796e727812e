"""One sync run: push every pending change (the blobs they name uploaded first) and the conflict
resolutions made here, then pull every visible organization, paged, the conflicts and the
resolutions recorded on the server, then download the blobs pulled records name (transfer.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from qclinic.core.catalogue import text
from qclinic.core.text import Text
from qclinic.errors import UserError
from qclinic.services.sync import (
    KEY_CONFLICT_CURSOR,
    KEY_LAST_SYNC,
    KEY_PUSHED,
    SetAside,
    SyncService,
)
from qclinic.sync import transfer
from qclinic.sync.client import SyncClient, TooLarge
from qclinic.sync.transfer import BlobSummary

Progress = Callable[[str], None]
#: asked between push batches and pull pages (each already committed): stop there when true
Cancelled = Callable[[], bool]
PUSH_BATCH = 1000
PULL_PAGE = 1000
#: scope keys per ``POST /v1/pull/many`` (the server takes at most 5,000)
PULL_KEYS = 5000


class SyncCancelled(Exception):
    """The run stopped between two committed steps because it was asked to; the next run
    resumes there (the protocol is resumable: pushed batches are acknowledged, cursors kept)."""


def _never() -> bool:
    return False


@dataclass
class SyncSummary:
    pushed: int = 0
    conflicts: int = 0
    rejected: int = 0
    waiting: int = 0
    skipped: int = 0
    pulled: int = 0
    #: organizations not pulled this time (a credit-code clash, kept as a conflict)
    set_aside: int = 0
    #: resolutions made here told to the server; of those, ones another resolved first
    resolutions_sent: int = 0
    resolved_first_elsewhere: int = 0
    #: conflicts kept here that a resolution made elsewhere closed
    closed_elsewhere: int = 0
    blobs: BlobSummary = field(default_factory=BlobSummary)


def run(
    sync: SyncService,
    client: SyncClient,
    progress: Progress,
    lang: str,
    *,
    source: object = None,
    cancelled: Cancelled = _never,
    summary: SyncSummary | None = None,
) -> SyncSummary:
    """Push, then pull; each push batch and each pull page is committed locally on its own, so
    an interrupted run resumes where it stopped. Raises :class:`~qclinic.sync.client.Unreachable`,
    or :class:`SyncCancelled` when *cancelled* turns true (checked between batches and pages;
    *summary*, if given, then holds what was done before).
    """
    summary = summary if summary is not None else SyncSummary()
    push(sync, client, progress, lang, summary, source=source, cancelled=cancelled)
    push_resolutions(sync, client, summary, source=source)
    pull(sync, client, progress, lang, summary, source=source, cancelled=cancelled)
    pull_conflicts(sync, client, source=source)
    pull_resolutions(sync, client, summary, source=source)
    transfer.download(sync, client, progress, lang, summary.blobs)
    sync.set_state({KEY_LAST_SYNC: datetime.now(UTC).isoformat()}, source=source)
    return summary


def push(
    sync: SyncService,
    client: SyncClient,
    progress: Progress,
    lang: str,
    summary: SyncSummary,
    *,
    source: object = None,
    cancelled: Cancelled = _never,
) -> None:
    """Send every pending change, a batch at a time, each answer recorded before the next.

    A batch is kept under the server's body cap (``max_body`` of ``/v1/hello``): one that would
    not fit, or that the server refuses as too large, is halved and sent again.
    """
    total = sync.pending_count()
    cap = client.hello().get("max_body")
    limit = PUSH_BATCH
    while True:
        if cancelled():
            raise SyncCancelled
        pushed_before = int(sync.state().get(KEY_PUSHED, "0"))
        batch = sync.pending_changes(limit)
        if batch.up_to_seq == pushed_before:
            break
        several = len(batch.changes) > 1
        if several and isinstance(cap, int) and _size(batch.changes) > cap * 0.9:
            limit = max(1, len(batch.changes) // 2)
            continue
        # the bytes first: a record never reaches the server before the blob it names can
        transfer.upload(client, sync.blobs_to_send(batch), progress, lang, summary.blobs)
        try:
            results = client.push(batch.changes) if batch.changes else []
        except TooLarge as error:
            if several:
                limit = max(1, len(batch.changes) // 2)
                continue
            change = batch.changes[0]
            raise UserError(
                text(
                    "sync.fault_too_large",
                    entity=change["entity"],
                    row=change["row_id"],
                    limit=error.limit or cap or "?",
                )
            ) from None
        counts = sync.acknowledge(batch, results, source=source)
        summary.pushed += len(batch.changes)
        summary.conflicts += counts.get("conflict", 0)
        summary.rejected += counts.get("rejected", 0)
        summary.waiting += counts.get("waiting", 0)
        summary.skipped += batch.skipped
        progress(text("sync.pushing", done=summary.pushed, total=total).get(lang))
        for change, result in zip(batch.changes, results, strict=False):
            if result.get("reason") == "duplicate_credit_code":
                progress(_refused_duplicate(change, result).get(lang))


def _size(changes: list[dict[str, Any]]) -> int:
    """The bytes of a push body (at most what httpx sends: it may pack tighter)."""
    return len(json.dumps({"changes": changes}).encode())


def _refused_duplicate(change: dict[str, Any], result: dict[str, Any]) -> Any:
    existing = result.get("existing") or {}
    fields = change.get("fields") or {}
    return text(
        "sync.conflict_duplicate_refused",
        name=fields.get("name") or change["row_id"],
        code=existing.get("credit_code") or fields.get("uscc"),
        existing=existing.get("name") or existing.get("id"),
    )


def pull(
    sync: SyncService,
    client: SyncClient,
    progress: Progress,
    lang: str,
    summary: SyncSummary,
    *,
    source: object = None,
    cancelled: Cancelled = _never,
) -> None:
    """Fetch every visible scope's rows (each chain's, each organization's) after its cursor, a
    page per local transaction; a scope new to this laptop starts at 0, so it arrives whole.

    Many keys go in few requests (``POST /v1/pull/many``: an unchanged key costs nothing but its
    cursor in the body); from a server without that endpoint, one key at a time.
    """
    keys = client.scopes()
    cursors = sync.cursors()  # read once (a read a key was 10,000 reads of 10,000 cursors)
    pending = [(key, cursors.get(key, 0)) for key in keys]
    left = _pull_many(sync, client, pending, progress, lang, summary, source, cancelled)
    for organization, cursor in left:
        _pull_one(sync, client, organization, cursor, progress, lang, summary, source, cancelled)


def _pull_many(
    sync: SyncService,
    client: SyncClient,
    pending: list[tuple[str, int]],
    progress: Progress,
    lang: str,
    summary: SyncSummary,
    source: object,
    cancelled: Cancelled,
) -> list[tuple[str, int]]:
    """Pull the *pending* keys (with their cursors) in as few requests as the server allows;
    those left to pull one by one (every one, from a server older than ``POST /v1/pull/many``).

    Each answer (several keys' pages) is applied in one local transaction with every key's
    cursor, so an interrupted pull resumes at the last whole answer. A key whose page says
    ``more`` is asked again first, from its new cursor.
    """
    total = len(pending)
    while pending:
        if cancelled():
            raise SyncCancelled
        answer = client.pull_many(pending[:PULL_KEYS], PULL_PAGE)
        if answer is None:
            return pending
        reached = int(answer["reached"])
        if reached < 1:  # a server answering nothing would keep this loop asking forever
            raise UserError(text("sync.server_error", status=200, detail=answer))
        pages = [(page["key"], page["rows"], page["cursor"]) for page in answer["pages"]]
        set_aside = sync.apply_pages(pages, source=source) if pages else {}
        for clashes in set_aside.values():
            summary.set_aside += 1
            for clash in clashes:
                progress(_clash_line(clash).get(lang))
        again = []
        for page in answer["pages"]:
            if page["key"] in set_aside:
                continue
            summary.pulled += len(page["rows"])
            if page["more"]:
                again.append((page["key"], int(page["cursor"])))
        pending = again + pending[reached:]
        done = total - len(pending)
        line = text("sync.pulling_many", done=done, total=total, count=summary.pulled)
        progress(line.get(lang))
    return []


def _pull_one(
    sync: SyncService,
    client: SyncClient,
    organization: str,
    cursor: int,
    progress: Progress,
    lang: str,
    summary: SyncSummary,
    source: object,
    cancelled: Cancelled,
) -> None:
    """Pull one scope key from *cursor*, page by page (``GET /v1/pull``)."""
    count = 0
    while True:
        if cancelled():
            raise SyncCancelled
        page = client.pull(organization, cursor, PULL_PAGE)
        if page["rows"] or page["cursor"] != cursor:
            try:
                sync.apply_page(organization, page["rows"], page["cursor"], source=source)
            except SetAside as set_aside:
                summary.set_aside += 1
                for clash in set_aside.clashes:
                    progress(_clash_line(clash).get(lang))
                break
        count += len(page["rows"])
        summary.pulled += len(page["rows"])
        cursor = page["cursor"]
        if not page["more"]:
            break
    if count:
        progress(text("sync.pulling", organization=organization, count=count).get(lang))


def _clash_line(clash: dict[str, Any]) -> Text:
    return text(
        "sync.conflict_duplicate_pulled",
        theirs=clash["theirs"]["name"] or clash["row_id"],
        mine=clash["mine"]["name"],
        code=clash["mine"]["uscc"],
    )


def pull_conflicts(sync: SyncService, client: SyncClient, *, source: object = None) -> None:
    """Keep the conflicts recorded on the server, in every organization the user may see,
    after this computer's conflict cursor (another device's lost edits among them)."""
    cursor = int(sync.state().get(KEY_CONFLICT_CURSOR, "0"))
    while True:
        page = client.conflicts(cursor, PULL_PAGE)
        if page["conflicts"] or page["cursor"] != cursor:
            sync.apply_conflicts(page["conflicts"], page["cursor"], source=source)
        cursor = page["cursor"]
        if not page["more"]:
            break


def push_resolutions(
    sync: SyncService, client: SyncClient, summary: SyncSummary, *, source: object = None
) -> None:
    """Tell the server the conflicts resolved here since the last time (after the push: the
    resolution's edit is there first), a batch at a time, each answer recorded before the next.
    """
    resolutions = sync.resolutions()
    sent: set[str] = set()
    while batch := resolutions.pending(PUSH_BATCH):
        if {item["key"] for item in batch} <= sent:
            break  # answered, yet still pending: never loop on it
        results = client.record_resolutions(batch)
        if results is None:
            return  # an older server: they stay pending until it is upgraded
        sent.update(item["key"] for item in batch)
        summary.resolved_first_elsewhere += resolutions.acknowledge(results, source=source)
        summary.resolutions_sent += len(batch)


def pull_resolutions(
    sync: SyncService, client: SyncClient, summary: SyncSummary, *, source: object = None
) -> None:
    """Hear of the resolutions recorded on the server after this computer's resolution cursor
    (of old conflicts too, whatever their id), and close the copies kept here."""
    resolutions = sync.resolutions()
    cursor = resolutions.cursor()
    while True:
        page = client.resolutions(cursor, PULL_PAGE)
        if page is None:
            return
        if page["resolutions"] or page["cursor"] != cursor:
            summary.closed_elsewhere += resolutions.apply(
                page["resolutions"], page["cursor"], source=source
            )
        cursor = page["cursor"]
        if not page["more"]:
            break
