"""Printing from the app as an editable Word copy (.docx), built in the background (issue 10)."""

from __future__ import annotations

import zipfile
from pathlib import Path


def _headings(path: Path) -> list[str]:
    import docx

    return [p.text for p in docx.Document(str(path)).paragraphs if p.style.name == "Heading 1"]


def test_print_report_and_plan_as_docx_in_the_background(qtbot, services, demo_ids, tmp_path):
    from qclinic.ui.print_actions import print_report

    assessment = demo_ids["completed_assessment"]
    written: list[Path] = []
    report, plan = tmp_path / "out" / "报告.docx", tmp_path / "out" / "plan.docx"
    for path, plan_only, lang in ((report, False, "zh"), (plan, True, "en")):
        task = print_report(
            None,
            services,
            assessment,
            plan_only=plan_only,
            path=path,
            lang=lang,
            open_when_done=False,
            on_written=written.append,
        )
        assert task is not None
    qtbot.waitUntil(lambda: len(written) == 2, timeout=60_000)  # built on worker threads
    assert sorted(written) == sorted([report, plan])
    assert zipfile.is_zipfile(report) and zipfile.is_zipfile(plan)
    assert _headings(report)[:2] == ["诊断摘要", "分部分得分"]
    assert _headings(plan) == ["Quality Improvement Plan"]
    assert sorted(p.name for p in report.parent.iterdir()) == ["plan.docx", "报告.docx"]


def test_the_save_dialogs_file_type_decides_the_format(
    qtbot, services, demo_ids, tmp_path, monkeypatch
):
    from qclinic import settings
    from qclinic.ui import print_actions

    asked: list[tuple[str, str, str]] = []
    answers = [(str(tmp_path / "typed as.pdf"), "Word documents (*.docx)"), ("", "")]

    def dialog(parent, title, suggested, filters, selected):
        asked.append((suggested, filters, selected))
        return answers.pop(0)

    monkeypatch.setattr(print_actions.QFileDialog, "getSaveFileName", dialog)
    written: list[Path] = []
    assessment = demo_ids["completed_assessment"]
    print_actions.print_report(
        None, services, assessment, lang="zh", open_when_done=False, on_written=written.append
    )
    qtbot.waitUntil(lambda: len(written) == 1, timeout=60_000)
    assert written == [tmp_path / "typed as.docx"]
    assert zipfile.is_zipfile(written[0]) and not (tmp_path / "typed as.pdf").exists()
    suggested, filters, selected = asked[0]
    assert filters == "PDF documents (*.pdf);;Word documents (*.docx)"
    assert suggested.endswith(".pdf") and selected == "PDF documents (*.pdf)"
    assert settings.load().extra[print_actions.FORMAT_KEY] == "docx"

    # the next print offers Word first, with a .docx name; cancelling prints nothing
    assert print_actions.print_report(None, services, assessment, lang="en") is None
    suggested, _filters, selected = asked[1]
    assert suggested.endswith(".docx") and selected == "Word documents (*.docx)"
    assert written == [tmp_path / "typed as.docx"]
