"""Where evidence lands in the printed report: photos beside their question's id, and the radar
sharing its page with the section table. Read back page by page with pypdf."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest


def _photo(seed: int) -> bytes:
    from PIL import Image

    image = Image.linear_gradient("L").resize((600, 400)).rotate(seed * 23).convert("RGB")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def _pages(path: Path) -> list[tuple[str, int]]:
    """(text, number of images) of every page."""
    from pypdf import PdfReader

    pages = PdfReader(str(path)).pages
    # words wrapped in a narrow column come back on two lines: compare without whitespace
    return [("".join((page.extract_text() or "").split()), len(page.images)) for page in pages]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_with_a_photo_names_its_question(
    fresh: tuple[Any, dict[str, Any], Path], lang: str
) -> None:
    from qclinic.core.vocabulary import AssessmentStatus
    from qclinic.reports import build_report
    from qclinic.storage.repositories import assessments, attachments

    database, ids, folder = fresh
    assessment_id = ids["completed_assessment"]
    # eleven photos on one question: six rows of two, more than one page can hold
    with database.session() as s:
        assessments.set_assessment_status(s, assessment_id, AssessmentStatus.DRAFT)
        for index in range(11):
            attachments.add_attachment(
                s,
                database.blobs,
                _photo(index),
                f"photo-{index}.jpg",
                caption=f"photo {index + 1}",
                assessment_id=assessment_id,
                question_id="QMS.3",
            )
    pages = _pages(build_report(database, assessment_id, folder / f"p-{lang}.pdf", lang).path)
    with_photos = [(number, text) for number, (text, images) in enumerate(pages, 1) if images]
    assert sum(images for _text, images in pages) == 11
    assert len(with_photos) >= 2  # the photos had to go over a page break
    continued = "QMS.3（续）" if lang == "zh" else "QMS.3(cont.)"
    for number, text in with_photos:
        assert "QMS.3" in text, f"page {number} shows a photo of QMS.3 without its id"
    # the page where the question is printed also shows its first photo
    first_page = next(n for n, (text, _) in enumerate(pages, 1) if "QMS.3" in text)
    assert first_page == with_photos[0][0]
    # and a page the photos continue on says so beside them
    assert all(continued in text for _number, text in with_photos[1:])
    assert continued not in with_photos[0][1]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_radar_shares_its_page_with_the_section_table(
    demo: tuple[Any, dict[str, Any], Path], lang: str
) -> None:
    from qclinic.reports import build_report
    from qclinic.reports.i18n import t

    database, ids, folder = demo
    path = build_report(database, ids["completed_assessment"], folder / f"radar-{lang}.pdf", lang)
    pages = [text for text, _images in _pages(path.path)]
    radar_pages = [text for text in pages if "".join(t("radar", lang).split()) in text]
    assert len(radar_pages) == 1
    text = radar_pages[0]
    # the table's header and its first and last rows are on the radar's page
    assert "".join(t("evaluated", lang).split()) in text
    assert "QMS" in text and "RES" in text


def test_a_note_longer_than_a_page_starts_at_once_and_keeps_its_photos(
    fresh: tuple[Any, dict[str, Any], Path],
) -> None:
    from qclinic.core.vocabulary import AssessmentStatus
    from qclinic.reports import build_report
    from qclinic.storage.repositories import answers, assessments, attachments

    database, ids, folder = fresh
    assessment_id = ids["completed_assessment"]
    sentence = "现场抽查记录不完整，部分月份缺失，需补齐并明确责任人和完成期限。"
    with database.session() as s:
        assessments.set_assessment_status(s, assessment_id, AssessmentStatus.DRAFT)
        row = answers.answers_by_key(s, assessment_id)[("QMS.3", "")]
        answers.save_answer(s, assessment_id, "QMS.3", row.value, note=sentence * 60)
        for index in range(3):
            attachments.add_attachment(
                s,
                database.blobs,
                _photo(index),
                f"photo-{index}.jpg",
                assessment_id=assessment_id,
                question_id="QMS.3",
            )
    pages = _pages(build_report(database, assessment_id, folder / "long.pdf", "zh").path)
    # QMS.3 starts under QMS.2 on the same page, not after the table restarts with its header
    first = next(text for text, _images in pages if "QMS.1" in text)
    assert "QMS.3" in first
    assert first[first.index("QMS.1") : first.index("QMS.3")].count("ID问题回答得分备注") == 0
    with_photos = [text for text, images in pages if images]
    assert with_photos and all("QMS.3（续）" in text for text in with_photos)
