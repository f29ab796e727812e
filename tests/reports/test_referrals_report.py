"""The referrals (供需对接) in the assessment report (issue 17): the demo clinic's CMM case
prints its delivered referral under its prescription, with each step's date and the certificate,
and the conductivity finding its referral to the test laboratory — checked against the stored
referrals, in the PDF in both languages and in the Word copy; part of the data hash only when
there are referrals, so earlier reports of cases without referrals keep their hash."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from qclinic.reports.data import canonical_json, data_hash, load_report_data
from qclinic.services.demo.referrals import CERTIFICATE_NAME
from tests.reports.conftest import pdf_text


def _stored(database: Any, referral_id: str) -> Any:
    from qclinic.storage.models import Provider, Referral

    with database.read_session() as session:
        referral = session.get(Referral, referral_id)
        provider = session.get(Provider, referral.provider_id)
        return referral, provider.name


def test_the_report_carries_the_referrals_of_its_cases_and_findings(
    demo: tuple[Any, dict[str, Any], Path],
) -> None:
    database, ids, _folder = demo
    data = load_report_data(database, ids["completed_assessment"])
    by_id = {line.id: line for line in data.referrals}
    assert set(by_id) == set(ids["referrals"])  # the case's and the finding's, nothing else
    for referral_id in ids["referrals"]:
        referral, provider = _stored(database, referral_id)
        line = by_id[referral_id]
        assert (line.provider, line.request, line.status) == (
            provider,
            referral.request,
            str(referral.status),
        )
        assert (line.case_id, line.finding_id) == (
            referral.case_id or "",
            referral.finding_id or "",
        )
        assert line.requested_on == referral.requested_on.isoformat()
        assert line.delivered_on == referral.delivered_on.isoformat()
    case_line = by_id[ids["referrals"][0]]
    assert case_line.case_id == ids["cases"][0] and case_line.evidence == (CERTIFICATE_NAME,)
    assert by_id[ids["referrals"][1]].finding_id == ids["findings"][2]


def test_the_referrals_print_under_the_prescription_in_both_languages(
    demo: tuple[Any, dict[str, Any], Path], tmp_path: Path
) -> None:
    from qclinic.reports.build import render_report

    database, ids, _folder = demo
    data = load_report_data(database, ids["completed_assessment"])
    referral, provider = _stored(database, ids["referrals"][0])
    steps = {
        "zh": [
            f"{referral.requested_on.isoformat()} 转介",
            f"{referral.delivered_on.isoformat()} 交付",
            f"{referral.closed_on.isoformat()} 办结",
            "已办结：",
            "交付证据：",
        ],
        "en": [
            f"requested {referral.requested_on.isoformat()}",
            f"delivered {referral.delivered_on.isoformat()}",
            f"closed {referral.closed_on.isoformat()}",
            "Closed: ",
            "evidence: ",
        ],
    }
    for lang, heading in (("zh", "转介（供需对接）"), ("en", "Referrals")):
        out = tmp_path / f"report-{lang}.pdf"
        render_report(data, out, lang, database.blobs.read_bytes)
        printed = "".join(pdf_text(out).split())  # lines wrap anywhere in Chinese
        assert heading.replace(" ", "") in printed
        assert provider.replace(" ", "") in printed
        for step in steps[lang]:
            assert step.replace(" ", "") in printed, step
        # the prescription comes before its referral, in the clinic cases' section
        cases_at = printed.index("处方" if lang == "zh" else "Prescription")
        assert printed.index(provider.replace(" ", ""), cases_at) > cases_at


def test_the_word_copy_prints_the_case_and_finding_referrals(
    demo: tuple[Any, dict[str, Any], Path], tmp_path: Path
) -> None:
    from docx import Document

    from qclinic.reports.docx_report import render_docx_report

    database, ids, _folder = demo
    data = load_report_data(database, ids["completed_assessment"])
    referral, provider = _stored(database, ids["referrals"][0])
    out = tmp_path / "report.docx"
    render_docx_report(data, out, "en", database.blobs.read_bytes)
    cells = [
        cell.text for table in Document(str(out)).tables for row in table.rows for cell in row.cells
    ]
    (printed,) = [c for c in cells if c.startswith(provider)]
    assert referral.request in printed and CERTIFICATE_NAME in printed
    assert f"delivered {referral.delivered_on.isoformat()}" in printed
    tested, laboratory = _stored(database, ids["referrals"][1])
    (finding,) = [c for c in cells if f"Referrals: {laboratory}" in c]
    assert tested.request in finding and f"delivered {tested.delivered_on.isoformat()}" in finding


def test_the_hash_covers_the_referrals_only_when_there_are_some(
    demo: tuple[Any, dict[str, Any], Path],
) -> None:
    database, ids, _folder = demo
    data = load_report_data(database, ids["completed_assessment"])
    assert data.referrals
    without = replace(data, referrals=())
    assert data_hash(without) != data_hash(data)
    assert '"referrals"' not in canonical_json(without)
