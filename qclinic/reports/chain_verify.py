"""``qclinic report verify`` for a chain report: the file, then what it shows.

As for an assessment's documents (:mod:`.verify`): the SHA-256 of the file's bytes must be one
this installation registered when it issued a chain report
(:mod:`qclinic.storage.repositories.chain_documents`) — any edit, appended byte, removed page or
copied stamp changes them. For a registered file the chain's figures for the same period are
computed again and compared part by part (the header, the figures, each company's row, each
problem solved): a chain report has no seal, so like an unsigned assessment's report its content
must still be the database's, and what differs is named. A file carrying a chain report's stamp
that was never registered here is "unknown", or "changed" when its document id was registered
with other bytes. Nothing here writes to the database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from qclinic.reports.times import local_time

if TYPE_CHECKING:
    from qclinic.reports.verify import Verdict


def check_issued(database: Any, issued: Any, sha: str) -> Verdict:
    """The verdict on a file that is, byte for byte, the registered chain report *issued*."""
    from qclinic.reports.chain_report import KIND, parts
    from qclinic.reports.verify import CHANGED, MATCH, Verdict
    from qclinic.storage.errors import NotFound

    verdict = Verdict(MATCH, sha, issued.document_id, "", KIND, chain_id=issued.chain_id)
    verdict.facts.append(
        f"the file is, byte for byte, the chain report issued {local_time(issued.issued_at)} by "
        f"{issued.issued_by} ({issued.lang}, {issued.pages} pages, period {issued.period_from} "
        f"to {issued.period_to})"
    )
    # the figures are the portfolio's, read by the service that prints the report (a lazy import:
    # verify is the one place the reports layer needs a service)
    from qclinic.services import Services

    try:
        data = Services(database).chain_reports.data(
            issued.chain_id, issued.period_from, issued.period_to
        )
    except NotFound:
        verdict.differences.append(f"the database no longer holds chain {issued.chain_id}")
        verdict.outcome = CHANGED
        return verdict
    verdict.facts.append(f"it is the report of the chain “{data.name}”")
    names = {f"member:{m.organization_id}": m.name for m in data.members}
    names |= {f"case:{c.id}": c.title for c in data.solved}
    printed, now = issued.parts or {}, parts(data)
    for key in sorted(set(printed) | set(now)):
        if printed.get(key) == now.get(key):
            continue
        what = _name(key, names)
        if key not in printed:
            verdict.differences.append(f"{what} was added")
        elif key not in now:
            verdict.differences.append(f"{what} was removed")
        else:
            verdict.differences.append(f"{what} differs from the printed one")
    if verdict.differences:
        verdict.outcome = CHANGED
    return verdict


def _name(key: str, names: dict[str, str]) -> str:
    kind, _, ident = key.partition(":")
    if kind == "member":
        return f"the row of company “{names.get(key, ident)}”"
    if kind == "case":
        return f"the solved problem “{names.get(key, ident)}”"
    return {
        "header": "the cover facts (chain, leaders, sector, region, period)",
        "figures": "the chain's figures (grades, 4 × 100% coverage, services, problems, actions)",
    }.get(key, key)


def check_unregistered(session: Any, stamp: Any, sha: str, size: int) -> Verdict:
    """The verdict on a file with a chain report's stamp whose bytes were never registered."""
    from qclinic.reports.verify import CHANGED, UNKNOWN, Verdict
    from qclinic.storage.repositories import chain_documents

    verdict = Verdict(UNKNOWN, sha, stamp.document_id, "", stamp.kind, chain_id=stamp.chain_id)
    issued = chain_documents.by_document_id(session, stamp.document_id)
    if issued is None:
        others = [entry.document_id for entry in chain_documents.by_chain(session, stamp.chain_id)]
        if others:
            verdict.facts.append(
                f"this database issued {len(others)} other report(s) of that chain: "
                + ", ".join(others[-5:])
            )
        verdict.differences.append(
            f"this database never issued a document {stamp.document_id}: it was printed by "
            "another QClinic installation, or it is not genuine"
        )
        return verdict
    verdict.outcome = CHANGED
    verdict.differences.append(
        f"this file is not the document {stamp.document_id} that was issued: its SHA-256 is "
        f"{sha}, the issued file's is {issued.file_sha256} (issued "
        f"{local_time(issued.issued_at)} by {issued.issued_by}). It was altered after printing, "
        "or another file carries that document's stamp"
    )
    if size != issued.file_size:
        delta = size - issued.file_size
        verdict.differences.append(
            f"it is {abs(delta)} bytes {'longer' if delta > 0 else 'shorter'} than the issued "
            f"file ({size} against {issued.file_size})"
        )
    if stamp.pages is not None and stamp.pages != issued.pages:
        verdict.differences.append(
            f"it has {stamp.pages} pages; the issued document had {issued.pages}"
        )
    if stamp.data_hash != issued.data_sha256:
        verdict.differences.append("the data hash in its metadata is not the issued one")
    return verdict
