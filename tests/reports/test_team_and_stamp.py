"""The expert team and the company stamp in the printed report (issue 10), and the data hash of
reports printed before teams existed."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from tests.reports.conftest import pdf_text, png_chart


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("zh", ["专家组", "专家组组长", "江西省计量测试研究院", "企业盖章", "李强（组长）"]),
        ("en", ["Expert team", "Lead expert", "Team member", "Company stamp", "(lead)"]),
    ],
)
def test_the_report_lists_the_team_and_has_the_company_stamp_box(
    demo: tuple[Any, dict[str, Any], Path], lang: str, words: list[str]
) -> None:
    from qclinic.reports import build_report

    database, ids, folder = demo
    path = build_report(
        database,
        ids["completed_assessment"],
        folder / f"team-{lang}.pdf",
        lang,
        issuing_body="江西省市场监督管理局质量发展局",
        logo_path="",
    ).path
    text = pdf_text(path)
    for word in words:
        assert word in text, word
    assert "陈志远" in text and "周敏" in text
    assert "江西省市场监督管理局质量发展局" in text  # the issuing body on the cover
    # the stamp box carries the company's name, on the sign-off page
    signoff_page = text.split("企业盖章" if lang == "zh" else "Company stamp")[1]
    assert "鹰潭精密铜材有限公司" in signoff_page


def test_each_team_member_can_sign_and_the_signatures_print_by_role(
    fresh: tuple[Any, dict[str, Any], Path],
) -> None:
    from qclinic.core.vocabulary import AssessmentStatus, SignerRole
    from qclinic.reports import build_report
    from qclinic.storage.repositories import assessments

    database, ids, folder = fresh
    assessment_id = ids["completed_assessment"]
    with database.session() as s:
        drawn = database.blobs.put_bytes(png_chart())
        assessments.add_signature(s, assessment_id, SignerRole.LEAD, "李强", image_sha256=drawn)
        assessments.add_signature(s, assessment_id, SignerRole.CONSULTANT, "陈志远")
        assessments.add_signature(s, assessment_id, SignerRole.CONSULTANT, "周敏")
        assessments.add_signature(s, assessment_id, SignerRole.COMPANY_REPRESENTATIVE, "王丽")
        assessments.set_assessment_status(s, assessment_id, AssessmentStatus.SIGNED)
    text = pdf_text(build_report(database, assessment_id, folder / "signed.pdf", "en").path)
    signoff = text.split("Signed by")[-1]
    for name in ("李强", "陈志远", "周敏", "王丽"):
        assert name in signoff, name
    assert signoff.count("Lead expert") == 1 and "DRAFT" not in text


def test_an_assessment_without_a_team_keeps_the_data_hash_it_was_printed_with(
    demo: tuple[Any, dict[str, Any], Path],
) -> None:
    from qclinic.reports.data import canonical_json, data_hash, load_report_data

    database, ids, _folder = demo
    data = load_report_data(database, ids["assessments"][0])
    assert data.team == ()  # the self-assessment was made by the company: no expert team
    assert '"team"' not in canonical_json(data)
    with_team = load_report_data(database, ids["completed_assessment"])
    assert '"team"' in canonical_json(with_team)
    assert data_hash(with_team) != data_hash(dataclasses.replace(with_team, team=()))
