"""Pictures that must not stop a report: decompression bombs and oversized images."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from tests.reports.conftest import pdf_text


def _huge_png(width: int, height: int) -> bytes:
    """A PNG of a few hundred KiB that inflates to width×height pixels (1 bit each, all black)."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("1", (width, height)).save(out, "PNG")
    return out.getvalue()


def test_a_decompression_bomb_becomes_a_note_not_an_error() -> None:
    from PIL import Image

    from qclinic.reports.images import picture

    data = _huge_png(20000, 20000)
    assert len(data) < 1_000_000
    assert 2 * Image.MAX_IMAGE_PIXELS < 20000 * 20000  # Pillow's open() raises on this one
    result = picture(data, 100, 80)
    assert result is not None and result.too_large == 20000 * 20000
    assert result.data == b""


def test_an_oversized_image_below_pillows_limit_is_not_decoded() -> None:
    from qclinic.reports.images import MAX_FULL_DECODE_PIXELS, picture

    result = picture(_huge_png(9000, 8000), 100, 80)
    assert MAX_FULL_DECODE_PIXELS < 9000 * 8000
    assert result is not None and result.too_large == 9000 * 8000


def test_the_report_prints_a_placeholder_for_a_bomb_photo(
    fresh: tuple[Any, dict[str, Any], Path],
) -> None:
    from qclinic.core.vocabulary import AssessmentStatus
    from qclinic.reports import build_report
    from qclinic.storage.repositories import assessments, attachments

    database, ids, folder = fresh
    assessment_id = ids["completed_assessment"]
    with database.session() as s:
        assessments.set_assessment_status(s, assessment_id, AssessmentStatus.DRAFT)
        attachments.add_attachment(
            s,
            database.blobs,
            _huge_png(20000, 20000),
            "bomb.png",
            mime_type="image/png",
            assessment_id=assessment_id,
            question_id="QMS.1",
        )
    for lang, words in (("en", "Picture not printed"), ("zh", "图片未打印")):
        text = pdf_text(build_report(database, assessment_id, folder / f"r-{lang}.pdf", lang).path)
        assert words in text.replace("\n", "")
        assert "400" in text  # the megapixels named
