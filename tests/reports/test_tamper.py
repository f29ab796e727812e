"""Tamper evidence (issue 9, items 2, 8, 10, 11): every tampering must be caught by ``verify``.

A signed report is printed through the CLI, then changed the ways a careless editor or a forger
would: a flipped byte, appended bytes, a visible number changed, a page removed, "A 95.0%" stamped
over the summary, a brand-new PDF carrying the copied stamp, and the signed assessment edited
behind the app's back with ``sqlite3`` (caught when printed and verified here, when opened in
``tests/ui/test_seal_in_the_app.py``) — also when the forger recomputes the seal. The plan's progress after signing is reported, not a change.
"""

from __future__ import annotations

import io
import sqlite3
import time
from contextlib import closing
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests.reports.conftest import pdf_text, png_chart

Signed = tuple[Any, str, Path, Path, list[str]]


def _sign(database: Any, assessment_id: str) -> None:
    from qclinic.core.vocabulary import AssessmentStatus, SignerRole
    from qclinic.storage.repositories import assessments

    with database.session() as s:
        assessments.add_signature(s, assessment_id, SignerRole.CONSULTANT, "李强")
        assessments.add_signature(s, assessment_id, SignerRole.COMPANY_REPRESENTATIVE, "王丽")
        assessments.set_assessment_status(s, assessment_id, AssessmentStatus.SIGNED)


def _verify(args: list[str], pdf: Path, capsys: Any) -> tuple[int, str]:
    from qclinic.cli import run

    code = run([*args, "report", "verify", str(pdf)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture
def signed(fresh: tuple[Any, dict[str, Any], Path], capsys: Any) -> Signed:
    """The demo's completed assessment, signed and printed once (a registered original)."""
    from qclinic.cli import run

    database, ids, folder = fresh
    assessment_id = ids["completed_assessment"]
    _sign(database, assessment_id)
    args = ["--data-dir", str(folder)]
    pdf = folder / "signed.pdf"
    assert run([*args, "report", assessment_id, "--out", str(pdf), "--lang", "en"]) == 0
    code, out = _verify(args, pdf, capsys)
    assert code == 0 and "MATCH" in out, out
    return database, assessment_id, folder, pdf, args


def _copy_metadata(source: Path, writer: Any) -> None:
    from pypdf import PdfReader

    metadata = PdfReader(str(source)).metadata or {}
    writer.add_metadata({key: str(value) for key, value in metadata.items()})


def _overlay(text: str) -> Any:
    from pypdf import PdfReader
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(595.27, 841.89))
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(60, 560, 260, 60, fill=1, stroke=0)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont("Helvetica-Bold", 28)
    canvas.drawString(70, 580, text)
    canvas.save()
    return PdfReader(io.BytesIO(buffer.getvalue())).pages[0]


def _flip_byte(original: Path, out: Path) -> None:
    data = bytearray(original.read_bytes())
    data[len(data) // 2] ^= 0x01
    out.write_bytes(bytes(data))


def _append(original: Path, out: Path) -> None:
    out.write_bytes(original.read_bytes() + b"\n% appended after printing\n")


def _remove_page(original: Path, out: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(str(original))
    writer = PdfWriter()
    for index, page in enumerate(reader.pages):
        if index != 2:
            writer.add_page(page)
    _copy_metadata(original, writer)
    with out.open("wb") as stream:
        writer.write(stream)


def _stamp_grade(original: Path, out: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(str(original)))
    writer.pages[2].merge_page(_overlay("A 95.0%"))
    _copy_metadata(original, writer)
    with out.open("wb") as stream:
        writer.write(stream)


def _new_pdf_with_copied_stamp(original: Path, out: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_page(_overlay("Grade A 95.0% - all requirements met"))
    _copy_metadata(original, writer)
    with out.open("wb") as stream:
        writer.write(stream)


TAMPERINGS = {
    "flipped byte": _flip_byte,
    "appended bytes": _append,
    "removed page": _remove_page,
    "A 95.0% stamped over the summary": _stamp_grade,
    "brand-new PDF with a copied stamp": _new_pdf_with_copied_stamp,
}


@pytest.mark.parametrize("name", list(TAMPERINGS))
def test_every_tampering_of_the_file_is_caught(signed: Signed, capsys: Any, name: str) -> None:
    _database, _assessment_id, folder, pdf, args = signed
    forged = folder / "forged.pdf"
    TAMPERINGS[name](pdf, forged)
    code, out = _verify(args, forged, capsys)
    assert code == 1, f"{name}: exit {code}\n{out}"
    assert "CHANGED" in out and "is not the document" in out, out


def test_a_changed_visible_number_with_the_exact_stamp_is_caught(
    signed: Signed, capsys: Any
) -> None:
    """A forger with the code prints 95.0 % under the original document id, hash and seal."""
    from pypdf import PdfReader

    from qclinic.reports.build import render_report
    from qclinic.reports.data import load_report_data

    database, assessment_id, folder, pdf, args = signed
    meta = PdfReader(str(pdf)).metadata
    assert meta is not None
    data = load_report_data(database, assessment_id)
    forged = folder / "forged.pdf"
    render_report(
        replace(data, percent=95.0, grade="A"),
        forged,
        "en",
        database.blobs.read_bytes,
        doc_id=str(meta["/QClinicDocumentId"]),
        seal=str(meta["/QClinicSealSHA256"]),
    )
    code, out = _verify(args, forged, capsys)
    assert code == 1 and "is not the document" in out, out


def _edit_behind_the_back(folder: Path, assessment_id: str) -> None:
    with closing(sqlite3.connect(folder / "qclinic.sqlite")) as connection, connection:
        changed = connection.execute(
            "UPDATE answer SET note = 'all calibration records complete' "
            "WHERE assessment_id = ? AND question_id = 'QMS.1'",
            (assessment_id,),
        ).rowcount
    assert changed == 1


def test_a_signed_assessment_edited_with_sqlite3_is_caught_at_print_and_verify(
    signed: Signed, capsys: Any
) -> None:
    from qclinic.cli import run

    _database, assessment_id, folder, pdf, args = signed
    _edit_behind_the_back(folder, assessment_id)
    code, out = _verify(args, pdf, capsys)
    assert code == 1 and "the answer to QMS.1 was changed" in out, out
    again = folder / "again.pdf"
    assert run([*args, "report", assessment_id, "--out", str(again)]) == 2
    err = capsys.readouterr().err
    assert "changed after signing" in err and "the answer to QMS.1 was changed" in err, err
    assert not again.exists()  # no copy of the changed content was issued


def test_a_resealed_forgery_is_caught_by_the_seal_printed_on_the_copy(
    signed: Signed, capsys: Any
) -> None:
    """A forger who edits the answer and recomputes the seal still fails the issued copy."""
    from sqlalchemy import create_engine

    from qclinic.storage.seal import seal_assessment

    _database, assessment_id, folder, pdf, args = signed
    _edit_behind_the_back(folder, assessment_id)
    engine = create_engine(f"sqlite:///{folder / 'qclinic.sqlite'}")
    with engine.begin() as connection:
        import json

        from sqlalchemy import text

        digest, items = seal_assessment(connection, assessment_id)
        connection.execute(
            text(
                "UPDATE assessment_seal SET seal_sha256 = :d, items = :i WHERE assessment_id = :a"
            ),
            {"d": digest, "i": json.dumps(items), "a": assessment_id},
        )
    engine.dispose()
    code, out = _verify(args, pdf, capsys)
    assert code == 1 and "the signed record was replaced" in out, out


def test_removing_the_seal_or_unsigning_is_caught(signed: Signed, capsys: Any) -> None:
    _database, assessment_id, folder, pdf, args = signed
    with closing(sqlite3.connect(folder / "qclinic.sqlite")) as connection, connection:
        connection.execute("DELETE FROM assessment_seal WHERE assessment_id = ?", (assessment_id,))
    code, out = _verify(args, pdf, capsys)
    assert code == 1 and "has no seal" in out, out


def test_a_replaced_evidence_file_is_caught(
    fresh: tuple[Any, dict[str, Any], Path], capsys: Any
) -> None:
    from qclinic.reports import build_report
    from qclinic.storage.repositories import attachments

    database, ids, folder = fresh
    assessment_id = ids["completed_assessment"]
    with database.session() as s:
        photo = attachments.add_attachment(
            s,
            database.blobs,
            png_chart(),
            "gauge-label.png",
            mime_type="image/png",
            assessment_id=assessment_id,
            question_id="QMS.1",
        )
        blob = database.blobs.path_for(photo.sha256)
    _sign(database, assessment_id)
    pdf = build_report(database, assessment_id, folder / "e.pdf", "en").path
    blob.write_bytes(blob.read_bytes() + b"edited")
    code, out = _verify(["--data-dir", str(folder)], pdf, capsys)
    assert code == 1 and "the evidence file gauge-label.png are missing or changed" in out, out


def test_the_plans_progress_after_signing_is_reported_not_a_change(
    signed: Signed, capsys: Any
) -> None:
    """Item 10: starting an action of a signed assessment's finding keeps its report verified."""
    from qclinic.core.vocabulary import ActionStatus
    from qclinic.reports.data import load_report_data
    from qclinic.storage.repositories import improvement

    database, assessment_id, _folder, pdf, args = signed
    action = next(
        a for a in load_report_data(database, assessment_id).actions if a.status == "open"
    )
    with database.session() as s:
        improvement.set_action_status(s, action.id, ActionStatus.IN_PROGRESS)
    code, out = _verify(args, pdf, capsys)
    assert code == 0 and "MATCH" in out, out
    assert f"action “{action.title}”: status open → in-progress" in out, out


def test_a_draft_report_is_changed_by_an_edit_and_names_it(
    fresh: tuple[Any, dict[str, Any], Path], capsys: Any
) -> None:
    from qclinic.cli import run
    from qclinic.core.vocabulary import AssessmentStatus
    from qclinic.storage.repositories import answers, assessments

    database, ids, folder = fresh
    assessment_id = ids["completed_assessment"]
    args = ["--data-dir", str(folder)]
    pdf = folder / "draft.pdf"
    assert run([*args, "report", assessment_id, "--out", str(pdf)]) == 0
    with database.session() as s:
        assessments.set_assessment_status(s, assessment_id, AssessmentStatus.DRAFT)
        answers.save_answer(s, assessment_id, "QMS.1", 4, note="补充：记录已更新")
    code, out = _verify(args, pdf, capsys)
    assert code == 1 and "question QMS.1 differs from the printed one" in out, out


def test_every_issued_copy_is_registered_with_its_own_id(
    fresh: tuple[Any, dict[str, Any], Path],
) -> None:
    from qclinic.reports import build_plan, build_report
    from qclinic.reports.issue import file_sha256
    from qclinic.storage.repositories import documents

    database, ids, folder = fresh
    assessment_id = ids["completed_assessment"]
    first = build_report(database, assessment_id, folder / "a.pdf", "zh")
    second = build_report(database, assessment_id, folder / "b.pdf", "en")
    plan = build_plan(database, assessment_id, folder / "p.pdf", "zh")
    assert first.document_id.endswith("-001") and second.document_id.endswith("-002")
    assert plan.document_id.startswith("QC-P-") and plan.document_id.endswith("-001")
    with database.read_session() as s:
        rows = documents.by_assessment(s, assessment_id)
    assert [r.document_id for r in rows] == [
        first.document_id,
        second.document_id,
        plan.document_id,
    ]
    for row, path in zip(rows, ("a.pdf", "b.pdf", "p.pdf"), strict=True):
        assert row.file_sha256 == file_sha256(folder / path)[0]
        assert row.issued_by and row.device_id == database.device_id
        assert row.seal_sha256 is None and row.status == "completed"
    assert rows[0].data_sha256 == rows[1].data_sha256 == first.data_hash  # zh and en share it


def test_verify_without_a_database_creates_nothing_and_says_so(
    signed: Signed, tmp_path: Path, capsys: Any
) -> None:
    """Item 8: a machine that never saw the assessment: no database is made, exit 3."""
    _database, _assessment_id, _folder, pdf, _args = signed
    elsewhere = tmp_path / "other-machine"
    code, out = _verify(["--data-dir", str(elsewhere)], pdf, capsys)
    assert code == 3 and "UNKNOWN" in out and "no QClinic database" in out, out
    assert not elsewhere.exists()


def test_verify_on_another_database_says_it_does_not_know_the_document(
    signed: Signed, tmp_path: Path, capsys: Any
) -> None:
    from qclinic.storage.startup import open_database

    _database, _assessment_id, _folder, pdf, _args = signed
    other = tmp_path / "other"
    other.mkdir()
    open_database(other / "qclinic.sqlite", attachments_dir=other / "attachments").dispose()
    code, out = _verify(["--data-dir", str(other)], pdf, capsys)
    assert code == 3 and "never issued a document" in out, out


def test_signature_times_print_in_local_time_with_the_offset(
    signed: Signed, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Item 11: a reader in Beijing sees 14:58 UTC+08:00, not 06:58 UTC."""
    from datetime import datetime, timedelta

    from qclinic.reports import build_report
    from qclinic.reports.data import load_report_data

    database, assessment_id, folder, _pdf, _args = signed
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        stored = load_report_data(database, assessment_id).signatures[0].signed_at
        beijing = datetime.fromisoformat(stored) + timedelta(hours=8)
        text = pdf_text(build_report(database, assessment_id, folder / "bj.pdf", "zh").path)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    flat = " ".join(text.split())  # a table cell may wrap the stamp before "UTC"
    assert f"{beijing:%Y-%m-%d %H:%M:%S} UTC+08:00" in flat
    utc = datetime.fromisoformat(stored)
    assert f"{utc:%H:%M:%S} UTC" not in flat  # no bare UTC stamp any more


def test_verify_says_whose_report_it_is_and_that_it_was_amended(
    signed: Signed, capsys: Any
) -> None:
    """A genuine copy shown for another company, or after a correction, must say so."""
    from qclinic.storage.repositories import assessments

    database, assessment_id, _folder, pdf, args = signed
    code, out = _verify(args, pdf, capsys)
    assert code == 0 and "for 鹰潭精密铜材有限公司" in out, out
    with database.session() as s:
        amendment = assessments.amend_assessment(s, assessment_id)
    code, out = _verify(args, pdf, capsys)
    assert code == 0, out
    assert f"the assessment was amended since: revision 2 is {amendment.id}" in out, out


def test_a_made_up_document_id_is_not_verified(signed: Signed, capsys: Any) -> None:
    """A forged stamp with an invented copy number: unknown here, and the real copies are named."""
    from pypdf import PdfReader, PdfWriter

    _database, _assessment_id, folder, pdf, args = signed
    reader = PdfReader(str(pdf))
    real = str((reader.metadata or {})["/QClinicDocumentId"])
    writer = PdfWriter(clone_from=reader)
    _copy_metadata(pdf, writer)
    writer.add_metadata({"/QClinicDocumentId": real[:-3] + "099"})
    forged = folder / "made-up.pdf"
    with forged.open("wb") as stream:
        writer.write(stream)
    code, out = _verify(args, forged, capsys)
    assert code == 3 and "UNKNOWN" in out and f"other document(s) of that assessment: {real}" in out


def test_verify_writes_nothing(signed: Signed, capsys: Any) -> None:
    _database, _assessment_id, folder, pdf, args = signed
    forged = folder / "forged.pdf"
    _append(pdf, forged)

    def counts() -> dict[str, int]:
        with closing(sqlite3.connect(folder / "qclinic.sqlite")) as connection:
            tables = [
                r[0]
                for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            ]
            return {
                t: connection.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables
            }

    before = counts()
    assert _verify(args, pdf, capsys)[0] == 0
    assert _verify(args, forged, capsys)[0] == 1
    assert counts() == before
