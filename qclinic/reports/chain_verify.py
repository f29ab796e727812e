"""``qclinic report verify`` for a chain report: the file, then what it shows.

As for an assessment's documents (:mod:`.verify`): the SHA-256 of the file's bytes must be one
this installation registered when it issued a chain report
(:mod:`qclinic.storage.repositories.chain_documents`) — any edit, appended byte, removed page or
copied stamp changes them. For a registered file the chain's figures for the same period are
computed again and compared part by part (the header, the figures, each company's row, each
problem solved): a chain report has no seal, so like an unsigned assessment's report its content
must still be the database's, and what differs is named. The open and overdue actions are the
exception, as in an assessment's report: their progress since printing is listed, not counted;
and a copy issued before the report had its referrals section (供需对接) is not checked on it. A
file carrying a chain report's stamp that was never registered here is "unknown", or "changed"
when its document id was registered with other bytes. Nothing here writes to the database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from qclinic.core.catalogue import say as catalogue_say
from qclinic.reports.times import local_time

if TYPE_CHECKING:
    from qclinic.reports.verify import Verdict


def _en(key: str, **fields: object) -> str:
    """The verdict's sentence *key* (catalogue area ``chain_report``), in English like every line
    ``report verify`` prints (:mod:`.verify`)."""
    return catalogue_say(f"chain_report.verify_{key}", "en", **fields)


def check_issued(database: Any, issued: Any, sha: str) -> Verdict:
    """The verdict on a file that is, byte for byte, the registered chain report *issued*."""
    from qclinic.reports.chain_report import KIND, REFERRALS_PART, parts
    from qclinic.reports.verify import CHANGED, MATCH, Verdict
    from qclinic.storage.errors import NotFound

    verdict = Verdict(MATCH, sha, issued.document_id, "", KIND, chain_id=issued.chain_id)
    verdict.facts.append(
        _en(
            "issued",
            when=local_time(issued.issued_at),
            who=issued.issued_by,
            lang=issued.lang,
            pages=issued.pages,
            start=issued.period_from,
            end=issued.period_to,
        )
    )
    # the figures are the portfolio's, read by the service that prints the report (a lazy import:
    # verify is the one place the reports layer needs a service)
    from qclinic.services import Services

    try:
        data = Services(database).chain_reports.data(
            issued.chain_id, issued.period_from, issued.period_to
        )
    except NotFound:
        verdict.differences.append(_en("no_chain", chain=issued.chain_id))
        verdict.outcome = CHANGED
        return verdict
    verdict.facts.append(_en("chain", name=data.name))
    names = {f"member:{m.organization_id}": m.name for m in data.members}
    names |= {f"case:{c.id}": c.title for c in data.solved}
    printed, now = issued.parts or {}, parts(data)
    for key in sorted(set(printed) | set(now)):
        if printed.get(key) == now.get(key):
            continue
        if key == "actions":  # the plan moves on after printing: reported, not counted
            verdict.progress.append(_en("actions_moved"))
            continue
        if key == REFERRALS_PART and key not in printed:  # issued before the section existed
            verdict.facts.append(_en("before_referrals"))
            continue
        what = _name(key, names)
        change = "added" if key not in printed else "removed" if key not in now else "differs"
        verdict.differences.append(_en(change, what=what))
    if verdict.differences:
        verdict.outcome = CHANGED
    return verdict


def _name(key: str, names: dict[str, str]) -> str:
    kind, _, ident = key.partition(":")
    if kind in ("member", "case"):
        return _en(kind, name=names.get(key, ident))
    if key == "outcomes":
        from qclinic.core.catalogue import text

        return text("outcomes.section").en
    if key == "referrals":
        return catalogue_say("chain_report.referrals_heading", "en")
    return _en(key) if key in ("header", "figures") else key


def check_unregistered(session: Any, stamp: Any, sha: str, size: int) -> Verdict:
    """The verdict on a file with a chain report's stamp whose bytes were never registered."""
    from qclinic.reports.verify import CHANGED, UNKNOWN, Verdict
    from qclinic.storage.repositories import chain_documents

    verdict = Verdict(UNKNOWN, sha, stamp.document_id, "", stamp.kind, chain_id=stamp.chain_id)
    issued = chain_documents.by_document_id(session, stamp.document_id)
    if issued is None:
        others = [entry.document_id for entry in chain_documents.by_chain(session, stamp.chain_id)]
        if others:
            verdict.facts.append(_en("others", n=len(others), ids=", ".join(others[-5:])))
        verdict.differences.append(_en("never_issued", document=stamp.document_id))
        return verdict
    verdict.outcome = CHANGED
    verdict.differences.append(
        _en(
            "not_the_file",
            document=stamp.document_id,
            sha=sha,
            issued=issued.file_sha256,
            when=local_time(issued.issued_at),
            who=issued.issued_by,
        )
    )
    if size != issued.file_size:
        key = "longer" if size > issued.file_size else "shorter"
        verdict.differences.append(
            _en(key, n=abs(size - issued.file_size), size=size, issued=issued.file_size)
        )
    if stamp.pages is not None and stamp.pages != issued.pages:
        verdict.differences.append(_en("pages", pages=stamp.pages, issued=issued.pages))
    if stamp.data_hash != issued.data_sha256:
        verdict.differences.append(_en("hash"))
    return verdict
