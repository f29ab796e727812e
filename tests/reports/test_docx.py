"""The editable Word copy of the report and plan, read back with python-docx (issue 10).

No LibreOffice here: the files are checked as zip and XML, then for their content — every
section heading, the section table, every question with its answer and note, findings, plan rows
with the overdue marks, signatures, the pictures, the fonts Word and WPS need for Chinese.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.reports.conftest import late_actions, open_seeded, png_chart

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
AS_OF = date(2026, 5, 20)  # some of the demo's open actions are overdue then


def _late(data: Any) -> dict[str, int]:
    """Open or started actions past due on AS_OF, and by how many days (counted here by hand)."""
    return late_actions(data.actions, AS_OF)


PHOTOS = 4  # evidence photos added to the demo's completed assessment


def _photo(width: int, height: int, orientation: int = 1) -> bytes:
    from PIL import Image

    image = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    exif = Image.Exif()
    exif[0x0112] = orientation
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


@pytest.fixture(scope="module")
def evidence(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, str, Path, Any]]:
    """The demo with photos (one turned by its EXIF) and SPC/MSA evidence; its ReportData."""
    from qclinic.core.msa import gage_rr
    from qclinic.core.spc import capability, imr_chart
    from qclinic.core.vocabulary import AssessmentStatus
    from qclinic.reports.data import ANALYSIS_MIME, load_report_data
    from qclinic.storage.repositories import assessments, attachments

    folder = tmp_path_factory.mktemp("docx")
    database, ids = open_seeded(folder)
    assessment_id = ids["completed_assessment"]
    values = [49.6, 47.6, 49.9, 51.3, 47.8, 51.2, 50.4, 48.9, 50.1, 49.3]
    chart = imr_chart(values).to_dict()
    chart["capability"] = capability(values, lsl=44.0, usl=56.0).to_dict()
    parts = [p for p in range(5) for _ in range(3) for _ in range(2)]
    operators = [o for _ in range(5) for o in range(3) for _ in range(2)]
    readings = [
        10 + p * 0.8 + o * 0.05 + (i % 2) * 0.07
        for i, (p, o) in enumerate(zip(parts, operators, strict=True))
    ]
    grr = gage_rr(parts, operators, readings, tolerance=8.0).to_dict()
    with database.session() as s:
        assessments.set_assessment_status(s, assessment_id, AssessmentStatus.DRAFT)
        photos = [_photo(300, 200, 6), _photo(300, 200), _photo(200, 300), _photo(320, 240)]
        for index, data in enumerate(photos):
            attachments.add_attachment(
                s,
                database.blobs,
                data,
                f"site-{index}.jpg",
                caption=f"现场照片 {index + 1}",
                assessment_id=assessment_id,
                question_id="QMS.1" if index < 3 else "MET.1",
            )
        for name, result, question in (("imr", chart, "SPC.2"), ("grr", grr, "MSA.2")):
            for file_name, data, mime in (
                (f"{name}.png", png_chart(), "image/png"),
                (f"{name}.json", json.dumps(result).encode(), ANALYSIS_MIME),
            ):
                attachments.add_attachment(
                    s,
                    database.blobs,
                    data,
                    file_name,
                    mime_type=mime,
                    assessment_id=assessment_id,
                    question_id=question,
                )
    data = load_report_data(database, assessment_id)
    yield database, assessment_id, folder, data
    database.dispose()


@pytest.fixture(scope="module")
def docs(evidence: tuple[Any, str, Path, Any]) -> dict[str, Path]:
    from qclinic.reports.docx_plan import render_docx_plan
    from qclinic.reports.docx_report import render_docx_report

    database, _assessment_id, folder, data = evidence
    out = {}
    for lang in ("zh", "en"):
        out[lang] = render_docx_report(
            data, folder / f"r-{lang}.docx", lang, database.blobs.read_bytes, today=AS_OF
        ).path
    out["plan"] = render_docx_plan(data, folder / "p.docx", "zh", "due", today=AS_OF).path
    out["plan-en"] = render_docx_plan(data, folder / "p-en.docx", "en", "owner", today=AS_OF).path
    return out


def _open(path: Path) -> Any:
    import docx

    return docx.Document(str(path))


def _text(element: Any) -> str:
    return "".join(node.text or "" for node in element.iter(f"{W}t"))


def _rows(document: Any) -> list[list[str]]:
    """Every row of every top-level table, as the texts of its cells."""
    return [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]


def _styled(document: Any, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == style]


@pytest.mark.parametrize("name", ["zh", "en", "plan", "plan-en"])
def test_the_file_is_a_valid_zip_of_well_formed_xml(docs: dict[str, Path], name: str) -> None:
    from lxml import etree

    with zipfile.ZipFile(docs[name]) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        assert "word/document.xml" in names and "[Content_Types].xml" in names
        for part in names:
            if part.endswith((".xml", ".rels")):
                etree.fromstring(archive.read(part))  # raises on malformed XML


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_section_heading_in_the_pdfs_order(
    docs: dict[str, Path], evidence: tuple[Any, str, Path, Any], lang: str
) -> None:
    from qclinic.reports.i18n import t

    data = evidence[3]
    document = _open(docs[lang])
    from qclinic.core.catalogue import say

    keys = ("summary", "sections", "questions", "findings", "plan", "cases")
    # the company's outcome figures (the demo has some) come before the sign-off, as in the PDF
    outcomes = [say("outcomes.section", lang)] if data.outcomes else []
    expected_h1 = [t(k, lang) for k in keys] + outcomes + [t("signoff", lang)]
    assert _styled(document, "Heading 1") == expected_h1
    for line in data.outcomes:
        change = f"{line.previous} → {line.latest}" if line.previous else line.latest
        assert [line.label.get(lang), change] in [r[:2] for r in _rows(document)]
    shown = {q.section_id.split(".")[0] for q in data.questions}
    expected = [
        f"{sec.id}  {sec.title.get(lang)}"
        for sec in data.sections
        if sec.level == 1 and sec.id in shown
    ]
    assert _styled(document, "Heading 2") == expected
    body = _text(document.element.body)
    assert t("report_title", lang) in body and data.organization in body
    assert [c.title for c in data.cases] == _styled(document, "Heading 3")[-len(data.cases) :]
    contents = [p.text for p in document.paragraphs if p.style.name in ("TOC 1", "TOC 2")]
    assert contents[0] == t("summary", lang) and contents[-1] == t("signoff", lang)
    assert b'w:anchor="qc_findings"' in zipfile.ZipFile(docs[lang]).read("word/document.xml")


def test_section_table_and_every_question_with_answer_and_note(
    docs: dict[str, Path], evidence: tuple[Any, str, Path, Any]
) -> None:
    from qclinic.reports.i18n import percent, t

    data = evidence[3]
    rows = _rows(_open(docs["zh"]))
    start = rows.index(next(r for r in rows if r[0] == t("section", "zh")))
    section_rows = rows[start + 1 : start + 1 + len(data.sections)]
    for sec, row in zip(data.sections, section_rows, strict=True):
        assert row[0].strip() == f"{sec.id}  {sec.title.zh}"
        assert row[1] == percent(sec.percent) and row[2] == percent(sec.previous_percent)
    by_id = {row[0]: row for row in rows if len(row) == 5}
    assert len(data.questions) > 50
    for q in data.questions:
        row = by_id[q.id]
        assert row[1].startswith(q.text.zh)
        assert row[2] == (q.answer.zh if q.answered else t("not_answered", "zh"))
        assert row[3] == ("—" if q.score is None else f"{q.score:.0f}")
        assert row[4] == q.note
        if q.clause:
            assert q.clause in row[1]


def test_findings_plan_with_overdue_marks_and_unsigned_signoff(
    docs: dict[str, Path], evidence: tuple[Any, str, Path, Any]
) -> None:
    from qclinic.reports.i18n import label

    data = evidence[3]
    document = _open(docs["zh"])
    rows = _rows(document)
    for finding in data.findings:
        row = next(r for r in rows if len(r) == 4 and r[2].startswith(finding.title))
        assert row[0] == label(finding.severity, "zh") and row[3] == finding.question_id
    plan = {
        r[0].split("\n")[0]: r
        for r in rows
        if len(r) == 5 and r[1] in {a.owner for a in data.actions}
    }
    assert set(plan) == {a.title for a in data.actions}
    LATE = _late(data)
    assert LATE, "the demo has overdue actions on AS_OF"
    for action in data.actions:
        due = plan[action.title][2]
        if action.title in LATE:
            assert due == f"{action.due_date}\n逾期 {LATE[action.title]} 天"
        else:
            assert "逾期" not in due
    red_runs = [
        run.text
        for table in document.tables
        for row in table.rows
        for cell in row.cells
        for p in cell.paragraphs
        for run in p.runs
        if run.font.color.rgb is not None and str(run.font.color.rgb) == "C53030"
    ]
    assert sum("逾期" in text for text in red_runs) == len(LATE)
    signoff = [r for r in rows if r[0] in ("诊断专家", "企业代表") and len(r) == 4]
    assert [r[0] for r in signoff] == ["诊断专家", "企业代表"] and all(not r[1] for r in signoff)
    header = document.sections[0].header
    assert "草稿" in _text(header._element)
    assert "可编辑副本——以签署的PDF为准" in _text(document.sections[0].footer._element)


def test_pictures_radar_and_spc_evidence(
    docs: dict[str, Path], evidence: tuple[Any, str, Path, Any]
) -> None:
    from qclinic.reports.detail import key_figures

    data = evidence[3]
    document = _open(docs["en"])
    inline = list(
        document.element.body.iter(
            "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}inline"
        )
    )
    analyses = [a for q in data.questions for a in q.analyses]
    assert sum(len(q.photos) for q in data.questions) == PHOTOS and len(analyses) == 2
    assert len(inline) == PHOTOS + len(analyses) + 1  # photos, charts, the radar
    extents = [(int(e.get("cx")), int(e.get("cy"))) for e in inline_extents(inline)]
    assert extents[1][0] < extents[1][1], "the EXIF-rotated photo prints upright (portrait)"
    assert extents[2][0] > extents[2][1]
    body = _text(document.element.body)
    for analysis in analyses:
        for name, value in key_figures(analysis.result, "en"):
            assert name in body and value in body
    assert "现场照片 1" in body


def inline_extents(inline: list[Any]) -> list[Any]:
    return [
        node.find("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent")
        for node in inline
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_styles_name_east_asian_fonts_on_a4_with_the_pdfs_margins(
    docs: dict[str, Path], lang: str
) -> None:
    document = _open(docs[lang])
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.left_margin.mm) == round(section.right_margin.mm) == 18
    assert round(section.top_margin.mm) == round(section.bottom_margin.mm) == 22
    for style, east_asian in (("Normal", "SimSun"), ("Heading 1", "SimHei"), ("QC Cell", "SimSun")):
        fonts = document.styles[style].element.rPr.find(f"{W}rFonts")
        assert fonts.get(f"{W}eastAsia") == east_asian
        assert fonts.get(f"{W}ascii") == "Calibri"
        assert fonts.get(f"{W}asciiTheme") is None and fonts.get(f"{W}eastAsiaTheme") is None
    language = document.styles["Normal"].element.rPr.find(f"{W}lang")
    assert language.get(f"{W}eastAsia") == "zh-CN"


def test_the_docx_carries_no_data_hash(
    docs: dict[str, Path], evidence: tuple[Any, str, Path, Any]
) -> None:
    from qclinic.reports.data import data_hash

    digest = data_hash(evidence[3]).encode()
    for name in ("zh", "en", "plan"):
        with zipfile.ZipFile(docs[name]) as archive:
            assert all(digest not in archive.read(part) for part in archive.namelist())


def test_plan_docx_groups_and_marks_overdue(
    docs: dict[str, Path], evidence: tuple[Any, str, Path, Any]
) -> None:
    data = evidence[3]
    zh = _open(docs["plan"])
    assert _styled(zh, "Heading 1") == ["质量改进计划"]
    months = sorted({a.due_date[:7] for a in data.actions})
    assert [h.split("（")[0] for h in _styled(zh, "Heading 2")] == months
    body = _text(zh.element.body)
    LATE = _late(data)
    assert LATE
    for title, days in LATE.items():
        assert title in body and f"逾期 {days} 天" in body
    assert body.count("逾期") == len(LATE) + 1  # and the count under the title
    en = _open(docs["plan-en"])
    assert {h.rsplit(" (", 1)[0] for h in _styled(en, "Heading 2")} == {
        a.owner for a in data.actions
    }
    rows = [r for r in _rows(en) if len(r) == 4 and r[0] != "Action"]
    assert len(rows) == len(data.actions)  # grouped by owner: no owner column
    assert sum("overdue by" in r[1] for r in rows) == len(LATE)


def test_signed_report_has_signatures_and_no_draft_mark(
    evidence: tuple[Any, str, Path, Any], tmp_path: Path
) -> None:
    from dataclasses import replace

    from qclinic.reports.data import Photo, SignatureRow
    from qclinic.reports.docx_report import render_docx_report

    database, _id, _folder, data = evidence
    drawn = database.blobs.put_bytes(png_chart())
    signed = replace(
        data,
        status="signed",
        signatures=(
            SignatureRow("consultant", "李强", "2026-03-12T08:30:00+00:00", Photo(drawn, "s", "")),
            SignatureRow("company-representative", "王丽", "2026-03-12T08:31:00+00:00", None),
        ),
    )
    out = render_docx_report(signed, tmp_path / "s.docx", "zh", database.blobs.read_bytes).path
    document = _open(out)
    assert "草稿" not in _text(document.sections[0].header._element)
    rows = {r[1]: r for r in _rows(document) if len(r) == 4 and r[1] in ("李强", "王丽")}
    assert rows["李强"][3] == "2026-03-12 08:30:00 UTC" and rows["王丽"][2] == "王丽"
    inline = document.element.body.iter(
        "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}inline"
    )
    assert len(list(inline)) == PHOTOS + 2 + 1 + 1  # and the drawn signature


def test_cli_writes_docx_by_suffix_or_format_and_refuses_mismatches(
    demo: tuple[Any, dict[str, Any], Path], tmp_path: Path, capsys: Any
) -> None:
    from qclinic.cli import run

    _database, ids, folder = demo
    args = ["--data-dir", str(folder), "report", ids["completed_assessment"]]
    by_suffix = tmp_path / "report.docx"
    assert run([*args, "--out", str(by_suffix), "--lang", "en"]) == 0
    assert "Quality Diagnostic Report" in _text(_open(by_suffix).element.body)
    by_format = tmp_path / "plan"
    assert run([*args, "--out", str(by_format), "--format", "docx", "--plan-only"]) == 0
    assert zipfile.is_zipfile(by_format) and _styled(_open(by_format), "Heading 1") == [
        "质量改进计划"
    ]
    pdf = tmp_path / "still.pdf"
    assert run([*args, "--out", str(pdf)]) == 0 and pdf.read_bytes().startswith(b"%PDF")
    capsys.readouterr()

    bad = [
        ([*args, "--out", str(tmp_path / "x.docx"), "--format", "pdf"], "--out"),
        ([*args, "--out", str(tmp_path / "x.pdf"), "--format", "docx"], "--format docx"),
        (["--data-dir", str(folder), "report", "verify", str(by_suffix)], "signed PDF"),
        ([*args, "--out", str(tmp_path) + "/", "--format", "docx"], str(tmp_path)),
        ([*args, "--out", str(by_suffix / "inside.docx")], "inside.docx"),
        (["--data-dir", str(folder), "report", "nope", "--out", str(tmp_path / "n.docx")], "nope"),
    ]
    for argv, located in bad:
        assert run(argv) == 2, argv
        error = capsys.readouterr().err
        assert error.startswith("error: ") and located in error, error
        assert "Traceback" not in error
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan", "report.docx", "still.pdf"]


def test_the_radar_png_draws_the_current_and_the_previous_outline(
    evidence: tuple[Any, str, Path, Any],
) -> None:
    from dataclasses import replace

    from PIL import Image

    from qclinic.reports.docx_report import radar_png
    from qclinic.reports.styles import FRAME_WIDTH

    data = evidence[3]
    assert data.previous_percent is not None  # the demo has an earlier, signed assessment

    accent, orange = (0x1D, 0x4E, 0x89), (0xC0, 0x56, 0x21)  # current, previous (as the PDF)

    def colours(png: bytes) -> tuple[tuple[int, int], dict[str, int]]:
        """The image size, and how many pixels are (within smoothing) each outline's colour."""
        image = Image.open(io.BytesIO(png)).convert("RGB")
        counts = {"accent": 0, "orange": 0}
        for count, rgb in image.getcolors(1 << 22) or []:
            for name, target in (("accent", accent), ("orange", orange)):
                if max(abs(a - b) for a, b in zip(rgb, target, strict=True)) <= 30:
                    counts[name] += count
        return image.size, counts

    size, both = colours(radar_png(data, "zh") or b"")
    assert size[0] == round(FRAME_WIDTH / 72 * 200)  # the frame's width at 200 dpi
    assert both["accent"] > 1000 and both["orange"] > 300, both
    _size, alone = colours(radar_png(replace(data, previous_percent=None), "en") or b"")
    assert alone["accent"] > 1000 and alone["orange"] == 0
    assert radar_png(replace(data, sections=data.sections[:2]), "en") is None


def test_control_characters_pasted_into_a_note_do_not_break_the_file(
    evidence: tuple[Any, str, Path, Any], tmp_path: Path
) -> None:
    from dataclasses import replace

    from qclinic.reports.docx_report import render_docx_report

    database, _id, _folder, data = evidence
    first, *rest = data.questions
    pasted = replace(first, note="记录\x07不全\x0b（见附件）\x1f\nsecond line")
    out = render_docx_report(
        replace(data, questions=(pasted, *rest)),
        tmp_path / "pasted.docx",
        "zh",
        database.blobs.read_bytes,
    ).path
    row = next(r for r in _rows(_open(out)) if r[0] == first.id)
    assert row[4] == "记录不全（见附件）\nsecond line"
