"""The printed reports, read back with pypdf: text, fonts, hash, watermark, verify, plan, XLSX."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.reports.conftest import pdf_text, png_chart

CHINESE_BY_SECTION = {
    "cover": "鹰潭精密铜材有限公司",
    "summary": "诊断摘要",
    "sections": "质量管理体系",
    "findings": "通止规和目视检验未做计数型一致性分析",
    "plan": "撤下印有过期",
    "cases": "三坐标测量机校准后复测数据偏差大",
}


@pytest.fixture(scope="module")
def reports(demo: tuple[Any, dict[str, Any], Path]) -> dict[str, Path]:
    from qclinic.reports import build_plan, build_report

    database, ids, folder = demo
    out: dict[str, Path] = {}
    for lang in ("zh", "en"):
        out[lang] = build_report(
            database, ids["completed_assessment"], folder / f"r-{lang}.pdf", lang
        ).path
    out["plan"] = build_plan(
        database, ids["completed_assessment"], folder / "plan.pdf", "zh", "due"
    ).path
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_has_pages_and_extractable_chinese(reports: dict[str, Path], lang: str) -> None:
    from pypdf import PdfReader

    reader = PdfReader(str(reports[lang]))
    assert len(reader.pages) > 5
    text = pdf_text(reports[lang])
    for section, words in CHINESE_BY_SECTION.items():
        if lang == "en" and section in ("summary", "sections"):
            continue  # headings are English there; the data stays Chinese
        assert words in text, f"{lang} {section}: {words} not found"
    headings = ("Executive summary", "Findings", "Improvement plan", "Clinic cases", "Sign-off")
    for heading in (
        headings if lang == "en" else ("目录", "发现项", "改进计划", "门诊案例", "签字确认")
    ):
        assert heading in text
    assert ("草稿" if lang == "zh" else "DRAFT") in text  # completed, not signed


def _fonts(reader: Any) -> list[Any]:
    found = []
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        fonts = resources.get_object().get("/Font") if resources else None
        for ref in (fonts.get_object() if fonts else {}).values():
            found.append(ref.get_object())
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_font_is_embedded(reports: dict[str, Path], lang: str) -> None:
    from pypdf import PdfReader

    fonts = _fonts(PdfReader(str(reports[lang])))
    assert fonts
    for font in fonts:
        descriptor = font.get("/FontDescriptor")
        assert descriptor is not None, f"{font.get('/BaseFont')} has no descriptor (not embedded)"
        assert "/FontFile2" in descriptor.get_object(), font.get("/BaseFont")
    names = {str(font.get("/BaseFont")) for font in fonts}
    assert any("DroidSansFallback" in n for n in names)


def test_hash_in_footer_and_metadata_matches_a_recomputation(
    demo: tuple[Any, dict[str, Any], Path], reports: dict[str, Path]
) -> None:
    from pypdf import PdfReader

    from qclinic.reports.data import data_hash, load_report_data

    database, ids, _ = demo
    expected = data_hash(load_report_data(database, ids["completed_assessment"]))
    for lang in ("zh", "en"):
        reader = PdfReader(str(reports[lang]))
        meta = reader.metadata
        assert meta is not None
        assert meta["/QClinicDataSHA256"] == expected
        assert meta["/QClinicAssessmentId"] == ids["completed_assessment"]
        assert meta["/Creator"] == "QClinic"
        assert meta["/QClinicDocumentId"] in (reader.pages[-1].extract_text() or "")
        for page in reader.pages:
            assert expected in (page.extract_text() or "")
        assert reader.outline, "bookmarks missing"


def test_plan_pdf(reports: dict[str, Path]) -> None:
    text = pdf_text(reports["plan"])
    assert "质量改进计划" in text
    assert "2026-04" in text and "撤下印有过期" in text
    assert "申报起重机定期检验" in text


def test_xlsx_export(demo: tuple[Any, dict[str, Any], Path], tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from qclinic.reports import export_xlsx

    database, ids, _ = demo
    out = export_xlsx(database, ids["completed_assessment"], tmp_path / "a.xlsx", "en")
    book = load_workbook(out)
    assert book.sheetnames == ["Answers", "Findings", "Actions"]
    assert book["Answers"].max_row > 50
    assert book["Findings"].max_row == 6
    assert book["Actions"].max_row == 8
    assert book["Actions"].freeze_panes == "B2"
    assert book["Answers"]["A1"].font.bold


def test_signing_removes_the_watermark(fresh: tuple[Any, dict[str, Any], Path]) -> None:
    from qclinic.core.vocabulary import AssessmentStatus, SignerRole
    from qclinic.reports import build_report
    from qclinic.storage.repositories import assessments

    database, ids, folder = fresh
    assessment_id = ids["completed_assessment"]
    with database.session() as s:
        drawn = database.blobs.put_bytes(png_chart())
        assessments.add_signature(
            s, assessment_id, SignerRole.CONSULTANT, "李强", image_sha256=drawn
        )
        assessments.add_signature(s, assessment_id, SignerRole.COMPANY_REPRESENTATIVE, "王丽")
        assessments.set_assessment_status(s, assessment_id, AssessmentStatus.SIGNED)
    for lang, word in (("zh", "草稿"), ("en", "DRAFT")):
        text = pdf_text(build_report(database, assessment_id, folder / f"s-{lang}.pdf", lang).path)
        assert word not in text
        assert "王丽" in text and "UTC" in text


def test_verify_detects_a_change(fresh: tuple[Any, dict[str, Any], Path], capsys: Any) -> None:
    from qclinic.cli import run
    from qclinic.core.vocabulary import AssessmentStatus
    from qclinic.storage.repositories import answers, assessments

    database, ids, folder = fresh
    assessment_id = ids["completed_assessment"]
    pdf = folder / "v.pdf"
    args = ["--data-dir", str(folder)]
    assert run([*args, "report", assessment_id, "--out", str(pdf), "--lang", "en"]) == 0
    assert run([*args, "report", "verify", str(pdf)]) == 0
    assert "MATCH" in capsys.readouterr().out
    with database.session() as s:
        assessments.set_assessment_status(s, assessment_id, AssessmentStatus.DRAFT)
        answers.save_answer(s, assessment_id, "QMS.1", 4, note="补充：记录已更新")
    assert run([*args, "report", "verify", str(pdf)]) == 1
    assert "CHANGED" in capsys.readouterr().out
    bogus = folder / "x.pdf"
    bogus.write_text("not a pdf")
    assert run([*args, "report", "verify", str(bogus)]) == 2
    assert run([*args, "export", "xlsx", assessment_id, "--out", str(folder / "e.xlsx")]) == 0
    assert run([*args, "report", assessment_id, "--out", str(folder / "p.pdf"), "--plan-only"]) == 0


def test_spc_and_msa_evidence_prints_its_key_figures(
    fresh: tuple[Any, dict[str, Any], Path],
) -> None:
    from qclinic.core.msa import gage_rr
    from qclinic.core.spc import capability, imr_chart
    from qclinic.core.vocabulary import AssessmentStatus
    from qclinic.reports import build_report
    from qclinic.reports.data import ANALYSIS_MIME
    from qclinic.storage.repositories import assessments, attachments

    database, ids, folder = fresh
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
        for name, result in (("imr", chart), ("grr", grr)):
            question = "SPC.2" if name == "imr" else "MSA.2"
            attachments.add_attachment(
                s,
                database.blobs,
                png_chart(),
                f"{name}.png",
                mime_type="image/png",
                assessment_id=assessment_id,
                question_id=question,
            )
            payload = json.dumps(result).encode()
            attachments.add_attachment(
                s,
                database.blobs,
                payload,
                f"{name}.json",
                mime_type=ANALYSIS_MIME,
                assessment_id=assessment_id,
                question_id=question,
            )
    text = pdf_text(build_report(database, assessment_id, folder / "spc.pdf", "en").path)
    individuals = chart["charts"][0]
    for figure in (individuals["center"], individuals["ucl"], individuals["lcl"]):
        assert f"{figure:.4g}" in text
    assert f"{chart['capability']['indices']['cpk']:.4g}" in text
    assert "Cpk" in text and "Ppk" in text
    assert f"{grr['percent_study_var']['grr']:.4g}%" in text
    assert grr["verdict"]["study_text"]["en"] in text


def test_long_texts_wrap_and_split(fresh: tuple[Any, dict[str, Any], Path]) -> None:
    from qclinic.core.vocabulary import AssessmentStatus, FindingSeverity
    from qclinic.reports import build_report
    from qclinic.storage.repositories import answers, assessments, improvement

    database, ids, folder = fresh
    assessment_id = ids["completed_assessment"]
    long_note = "现场记录不完整，需补齐并明确责任人；" * 180 + "Supercalifragilistic" * 30
    with database.session() as s:
        assessments.set_assessment_status(s, assessment_id, AssessmentStatus.DRAFT)
        answers.save_answer(s, assessment_id, "QMS.2", 4, note=long_note)
        improvement.create_finding(
            s, assessment_id, FindingSeverity.MAJOR_NC, "很长的标题" * 50, description="说明" * 800
        )
    built = build_report(database, assessment_id, folder / "long.pdf", "zh")
    text = pdf_text(built.path)
    assert "Supercalifragilistic" in text
    assert built.pages > 12
