"""Printing through its service: an issued PDF is registered and announced; a Word copy is
neither; a broken seal, a cancelled print or a missing folder write, register and publish
nothing, and say why in both languages."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from qclinic.errors import UserError
from qclinic.services import ChangeEvent, Services
from qclinic.services.printing import PrintStopped
from qclinic.storage.models import IssuedDocument


@pytest.fixture
def demo(services: Services) -> dict[str, Any]:
    from qclinic.services.demo import seed

    return seed(services.database)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Where the tests print (the data folder is in tmp_path too)."""
    out = tmp_path / "out"
    out.mkdir()
    return out


def _issued(services: Services) -> list[IssuedDocument]:
    with services.database.read_session() as session:
        return list(session.query(IssuedDocument).order_by(IssuedDocument.id))


class _Progress:
    def __init__(self, cancel_after: int | None = None) -> None:
        self.stages: list[str] = []
        self._cancel_after = cancel_after

    @property
    def cancelled(self) -> bool:
        return self._cancel_after is not None and len(self.stages) >= self._cancel_after

    def report(self, fraction: float, text: str = "") -> None:
        self.stages.append(text)


def test_an_issued_pdf_is_registered_and_announced(
    services: Services, demo: dict[str, Any], events: list[ChangeEvent], folder: Path
) -> None:
    from qclinic.reports.verify import verify

    out = folder / "报告.pdf"
    progress = _Progress()
    built = services.printing.print_document(
        demo["assessments"][0], out, "zh", progress=progress, source="window"
    )
    assert built.path == out and out.read_bytes().startswith(b"%PDF")
    assert progress.stages[:2] == ["reading", "writing"]
    (row,) = _issued(services)
    assert (row.document_id, row.kind, row.lang) == (built.document_id, "report", "zh")
    (event,) = events
    assert (event.entity, event.ids, event.source) == ("issued_document", (row.id,), "window")
    assert verify(services.database, out).matches
    assert [p.name for p in folder.iterdir()] == ["报告.pdf"]  # no temporary file left


def test_the_plan_prints_and_a_second_copy_gets_the_next_number(
    services: Services, demo: dict[str, Any], folder: Path
) -> None:
    signed = demo["assessments"][0]
    first = services.printing.print_document(signed, folder / "a.pdf", "en", plan_only=True)
    second = services.printing.print_document(
        signed, folder / "b.pdf", "en", plan_only=True, group_by="due"
    )
    assert first.document_id.endswith("-001") and second.document_id.endswith("-002")
    assert [row.kind for row in _issued(services)] == ["plan", "plan"]


def test_a_word_copy_is_neither_registered_nor_announced(
    services: Services, demo: dict[str, Any], events: list[ChangeEvent], folder: Path
) -> None:
    out = folder / "plan.docx"
    services.printing.print_document(demo["completed_assessment"], out, "en", fmt="docx")
    assert out.read_bytes()[:2] == b"PK"
    assert _issued(services) == [] and events == []


def test_a_broken_seal_prints_nothing(
    services: Services, demo: dict[str, Any], events: list[ChangeEvent], folder: Path
) -> None:
    from qclinic.storage.seal import SealBroken

    signed = demo["assessments"][0]
    with closing(sqlite3.connect(services.database.path)) as connection, connection:
        connection.execute(
            "UPDATE answer SET note = 'fixed later' WHERE id = "
            "(SELECT id FROM answer WHERE assessment_id = ? ORDER BY id LIMIT 1)",
            (signed,),
        )
    with pytest.raises(SealBroken):
        services.printing.print_document(signed, folder / "r.pdf", "en")
    assert list(folder.iterdir()) == [] and _issued(services) == [] and events == []


def test_a_cancelled_print_writes_and_registers_nothing(
    services: Services, demo: dict[str, Any], events: list[ChangeEvent], folder: Path
) -> None:
    for cancel_after in (0, 1, 2):  # before reading, after reading, after laying out
        with pytest.raises(PrintStopped):
            services.printing.print_document(
                demo["completed_assessment"],
                folder / "r.pdf",
                "en",
                progress=_Progress(cancel_after),
            )
    assert list(folder.iterdir()) == [] and _issued(services) == [] and events == []


def test_a_file_in_the_way_of_the_folder_is_refused_naming_the_file(
    services: Services, demo: dict[str, Any], events: list[ChangeEvent], folder: Path
) -> None:
    blocker = folder / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(UserError) as refused:
        services.printing.print_document(demo["completed_assessment"], blocker / "r.pdf", "en")
    english, chinese = refused.value.message("en"), refused.value.message("zh")
    assert "r.pdf" in english and "cannot be made" in english
    assert "r.pdf" in chinese and "无法创建文件夹" in chinese
    assert _issued(services) == [] and events == []
    made = folder / "new" / "r.pdf"  # a folder that does not exist yet is made, as before
    services.printing.print_document(demo["completed_assessment"], made, "en")
    assert made.read_bytes().startswith(b"%PDF") and len(_issued(services)) == 1


def test_the_subject_names_the_organization_and_the_visit_day(
    services: Services, demo: dict[str, Any]
) -> None:
    subject = services.printing.subject(demo["completed_assessment"])
    assert subject.organization == "鹰潭精密铜材有限公司"
    assert len(subject.visit_date) == 10 and subject.visit_date.startswith("20")


def test_the_command_line_prints_through_the_service(
    services: Services, demo: dict[str, Any], folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from qclinic.cli import run

    out = folder / "cli.pdf"
    code = run(["report", demo["completed_assessment"], "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    assert "registered as issued" in capsys.readouterr().out
    assert [row.kind for row in _issued(services)] == ["report"]
