"""The chain report (issue 14, part 4) from a small hand-built database, read back by real readers.

The chain is described once as plain data below; the rows are written from it and every figure
the report must show is worked out again from the description here (not by the code under test),
then looked for in the PDF's text (pypdf), its fonts (``pdffonts``) and the workbook (openpyxl).
``report verify`` must say MATCH for the printed copy and catch each tampering.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.reports.conftest import pdf_text

#: org key → (name, cqo name)
ORGS = {
    "L": ("江西铜业集团有限公司", "王总"),
    "S1": ("鹰潭华鑫铜材有限公司", "李工"),
    "S2": ("Acme Copper Wire Ltd.", None),
    "S3": ("贵溪精密线缆有限公司", None),
    "X": ("无关电子有限公司", "赵工"),  # in no chain of this report
}
#: org → (role, tier, customer)
MEMBERS = {
    "L": ("chain-leader", 0, None),
    "S1": ("supplier", 1, "L"),
    "S2": ("supplier", 1, "L"),
    "S3": ("supplier", 2, "S1"),
}
#: (org, checklist, status, grade, score, day, answers)
ASSESSMENTS = [
    ("S1", "supplier-4level", "signed", "C", 74.0, "2025-06-01", {}),
    ("S1", "supplier-4level", "signed", "B", 84.5, "2026-03-01", {}),
    ("S2", "supplier-4level", "signed", "A", 93.0, "2026-02-01", {}),
    ("S3", "supplier-4level", "draft", "D", 50.0, None, {}),  # a draft grades nobody
    ("X", "supplier-4level", "signed", "D", 40.0, "2026-02-01", {}),
    # maturity 3 or better is "in place" (60 % of full marks)
    ("S1", "nqi-clinic", "completed", "B", 80.0, "2026-04-01", {"QMS.1": 4, "APQP.1": 3}),
    (
        "L",
        "nqi-clinic",
        "completed",
        "A",
        92.0,
        "2026-05-01",
        {"QMS.1": 5, "APQP.1": 4, "MSA.2": 3, "SPC.2": 1},
    ),
]
#: (org, NQI field, title, prescription, resolved day or None)
CASES = [
    ("S1", "metrology", "拉丝机测径仪未检定", "送检并建立周期检定台账", "2026-05-12"),
    ("S2", "special-equipment", "Crane not registered", "Register it and book inspection", None),
    ("X", "standards", "无关企业的问题", "", "2026-05-01"),
]
#: (org, owner, status, due day)
ACTIONS = [
    ("S1", "张工", "open", "2026-05-01"),  # overdue at the period's end
    ("S1", "张工", "in-progress", "2026-12-01"),
    ("S2", "Smith", "done", "2026-01-01"),
]
START, END = date(2026, 1, 1), date(2026, 6, 30)

# --- the expected figures, worked out from the description ------------------------------------
EXPECTED_GRADES = {"A": 1, "B": 1, "C": 0, "D": 0, "ungraded": 1}  # S2 A, S1 B, S3 none
EXPECTED_PREVIOUS = {"A": 0, "B": 0, "C": 1, "D": 0, "ungraded": 2}  # S1 C before 2026
EXPECTED_COVERAGE = {"iso9001": (2, 4), "apqp": (2, 4), "msa": (1, 4), "spc": (0, 4)}


def _at(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(hour=9, tzinfo=UTC)


def _build(database: Any) -> dict[str, str]:
    from qclinic.storage.models import (
        Action,
        Answer,
        Assessment,
        Chain,
        ChainMember,
        ClinicCase,
        Organization,
    )

    ids: dict[str, str] = {}
    with database.session() as session:
        for key, (name, cqo) in ORGS.items():
            org = Organization(name=name, cqo_name=cqo)
            session.add(org)
            session.flush()
            ids[key] = org.id
        chain = Chain(name="铜产业链", region="江西省鹰潭市", sector="non-ferrous-metals")
        session.add(chain)
        session.flush()
        ids["chain"] = chain.id
        for org, (role, tier, customer) in MEMBERS.items():
            session.add(
                ChainMember(
                    chain_id=chain.id,
                    organization_id=ids[org],
                    role=role,
                    tier=tier,
                    customer_id=ids[customer] if customer else None,
                )
            )
        for n, (org, checklist, status, grade, score, day, answers) in enumerate(ASSESSMENTS):
            row = Assessment(
                organization_id=ids[org],
                checklist_id=checklist,
                checklist_version="1",
                checklist_json={},
                title=f"a{n}",
                status=status,
                grade=grade,
                score_percent=score,
                completed_at=_at(day) if day else None,
                signed_at=_at(day) if day and status == "signed" else None,
            )
            session.add(row)
            session.flush()
            for question, value in answers.items():
                session.add(
                    Answer(
                        assessment_id=row.id,
                        question_id=question,
                        value=value,
                        is_na=False,
                        answered_at=_at(day or "2026-01-01"),
                    )
                )
        for n, (org, field, title, prescription, resolved) in enumerate(CASES):
            case = ClinicCase(
                organization_id=ids[org],
                nqi_category=field,
                title=title,
                prescription=prescription,
                status="resolved" if resolved else "registered",
                resolved_on=date.fromisoformat(resolved) if resolved else None,
            )
            session.add(case)
            session.flush()
            ids[f"case{n}"] = case.id
        for org, owner, status, due in ACTIONS:
            session.add(
                Action(
                    organization_id=ids[org],
                    title=f"{owner} {due}",
                    owner=owner,
                    status=status,
                    due_date=date.fromisoformat(due),
                )
            )
    return ids


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The described chain written once into a database file (closed); tests open copies."""
    from qclinic.storage.startup import open_database

    folder = tmp_path_factory.mktemp("chain-template")
    database = open_database(folder / "qclinic.sqlite", attachments_dir=folder / "attachments")
    ids = _build(database)
    database.dispose()
    return folder / "qclinic.sqlite", ids


def _copy(template: tuple[Path, dict[str, str]], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template[0], folder / "qclinic.sqlite")
    return folder


@pytest.fixture(scope="module")
def chain_db(
    template: tuple[Path, dict[str, str]], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Any, dict[str, str]]]:
    """A copy of the described chain shared by the module's read-only tests."""
    from qclinic.storage.startup import open_database

    folder = _copy(template, tmp_path_factory.mktemp("chain"))
    database = open_database(folder / "qclinic.sqlite", attachments_dir=folder / "attachments")
    yield database, template[1]
    database.dispose()


@pytest.fixture(scope="module")
def data(chain_db: tuple[Any, dict[str, str]]) -> Any:
    from qclinic.services import Services

    database, ids = chain_db
    return Services(database).chain_reports.data(ids["chain"], START, END)


@pytest.fixture(scope="module")
def pdfs(chain_db: tuple[Any, dict[str, str]], data: Any, tmp_path_factory: Any) -> dict[str, Any]:
    """The report printed (issued and registered) in both languages."""
    from qclinic.services import Services

    database, _ids = chain_db
    folder = tmp_path_factory.mktemp("chain-pdf")
    service = Services(database).chain_reports
    return {lang: service.issue(data, folder / f"chain-{lang}.pdf", lang) for lang in ("zh", "en")}


def test_the_data_holds_the_described_figures(data: Any) -> None:
    assert dict(data.grades) == EXPECTED_GRADES
    assert dict(data.previous_grades) == EXPECTED_PREVIOUS
    assert {f.key: (f.covered, f.of) for f in data.coverage} == EXPECTED_COVERAGE
    assert data.companies == len(MEMBERS)
    assert data.leaders == (ORGS["L"][0],)
    assert data.cqo_appointed == sum(1 for org in MEMBERS if ORGS[org][1])
    assert [(m.name, m.tier) for m in data.members] == sorted(
        ((ORGS[o][0], t) for o, (_r, t, _c) in MEMBERS.items()), key=lambda x: (x[1], x[0])
    )
    rows = {m.name: m for m in data.members}
    s1 = rows[ORGS["S1"][0]]
    assert (s1.grade, s1.previous_grade, s1.customer) == ("B", "C", ORGS["L"][0])
    assert (s1.open_actions, s1.overdue_actions) == (2, 1)
    assert (s1.iso9001, s1.apqp, s1.msa, s1.spc) == (True, True, False, False)
    assert rows[ORGS["S3"][0]].customer == ORGS["S1"][0]
    assert (data.open_actions, data.overdue_actions) == (2, 1)
    # problems: received in the period by registration day (today, so none), solved by day
    solved = [(c.organization, c.title) for c in data.solved]
    assert solved == [(ORGS["S1"][0], CASES[0][2])]  # X is in no chain; S2's is not resolved


def test_grade_trends_and_movement_count_each_supplier_once() -> None:
    from dataclasses import replace

    from qclinic.reports.chain_data import MemberRow, trend

    base = MemberRow("o", "o", 1, "", "B", "C", 80.0, None, None, None, None, False, 0, 0)
    cases = {
        ("B", "C"): "up",
        ("C", "B"): "down",
        ("B", "B"): "same",
        ("A", None): "new",
        (None, "D"): "lost",
        (None, None): "none",
    }
    for (now, before), expected in cases.items():
        assert trend(replace(base, grade=now, previous_grade=before)) == expected


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_pdf_shows_the_figures_and_every_company(pdfs: dict[str, Any], lang: str) -> None:
    text = pdf_text(pdfs[lang].path)
    flat = text.replace("\n", "")
    for org in MEMBERS:
        assert ORGS[org][0] in flat, ORGS[org][0]
    assert ORGS["X"][0] not in flat
    for key, (covered, of) in EXPECTED_COVERAGE.items():
        assert f"{covered}/{of} · {100 * covered / of:.0f}%" in flat, key
    assert CASES[0][2] in flat and CASES[0][3] in flat  # the problem solved, with its cure
    assert pdfs[lang].document_id in flat and pdfs[lang].data_hash in flat
    assert "84.5" in flat  # S1's score in its tier table
    title = "产业链质量诊断报告" if lang == "zh" else "Industrial Chain Quality Diagnostic Report"
    assert title in flat
    if lang == "zh":
        for words in ("链主企业", "一级供应商", "二级供应商", "“4 个 100%”覆盖率", "已解决的问题"):
            assert words in flat, words
    else:
        assert "Tier-1 suppliers" in flat and "Tier-2 suppliers" in flat


def test_both_languages_share_the_data_hash(pdfs: dict[str, Any]) -> None:
    assert pdfs["zh"].data_hash == pdfs["en"].data_hash
    assert pdfs["zh"].document_id != pdfs["en"].document_id  # two copies, two numbers


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_every_font_is_embedded(pdfs: dict[str, Any]) -> None:
    for built in pdfs.values():
        out = subprocess.run(
            ["pdffonts", str(built.path)], capture_output=True, text=True, timeout=30, check=True
        ).stdout
        rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
        assert rows and any("DroidSansFallback" in row[0] for row in rows)
        for row in rows:
            assert row[-5] == "yes", row  # the "emb" column


def _verify(folder: Path, pdf: Path, capsys: Any) -> tuple[int, str]:
    from qclinic.cli import run

    code = run(["--data-dir", str(folder), "report", "verify", str(pdf)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture
def printed(
    template: tuple[Path, dict[str, str]], tmp_path: Path, capsys: Any
) -> tuple[Path, Path, dict[str, str]]:
    """The chain printed through the command line into a data folder of the test's own."""
    from qclinic.cli import run

    folder = _copy(template, tmp_path / "data")
    ids = template[1]
    pdf = tmp_path / "chain.pdf"
    args = ["--data-dir", str(folder), "report", "--chain", ids["chain"], "--out", str(pdf)]
    assert run([*args, "--from", "2026-01-01", "--to", "2026-06-30", "--lang", "zh"]) == 0
    assert "QC-C-" in capsys.readouterr().out
    return folder, pdf, ids


def test_a_chain_report_verifies_and_a_tampered_one_fails(
    printed: tuple[Path, Path, dict[str, str]], capsys: Any, tmp_path: Path
) -> None:
    from pypdf import PdfReader, PdfWriter

    folder, pdf, _ids = printed
    code, out = _verify(folder, pdf, capsys)
    assert code == 0 and "MATCH" in out and "chain report" in out, out
    original = pdf.read_bytes()
    flipped = bytearray(original)
    flipped[len(flipped) // 2] ^= 0x01
    for name, content in (("flipped.pdf", bytes(flipped)), ("longer.pdf", original + b"\n%")):
        (tmp_path / name).write_bytes(content)
        code, out = _verify(folder, tmp_path / name, capsys)
        assert code == 1 and "CHANGED" in out, (name, out)
    # a page removed, the stamp (metadata) kept: another file with the issued document's id
    reader = PdfReader(str(pdf))
    writer = PdfWriter()
    for page in reader.pages[:-1]:
        writer.add_page(page)
    writer.add_metadata({k: str(v) for k, v in (reader.metadata or {}).items()})
    short = tmp_path / "short.pdf"
    with short.open("wb") as stream:
        writer.write(stream)
    code, out = _verify(folder, short, capsys)
    assert code == 1 and "pages" in out, out


def test_verify_names_what_changed_in_the_database_since_printing(
    printed: tuple[Path, Path, dict[str, str]], capsys: Any
) -> None:
    from qclinic.storage.models import ClinicCase

    folder, pdf, ids = printed
    from qclinic.storage.startup import open_database

    database = open_database(folder / "qclinic.sqlite", attachments_dir=folder / "attachments")
    with database.session() as session:  # the crane case resolved, dated inside the period
        case = session.get(ClinicCase, ids["case1"])
        assert case is not None
        case.status, case.resolved_on = "resolved", date(2026, 6, 1)
    database.dispose()
    code, out = _verify(folder, pdf, capsys)
    assert code == 1 and "CHANGED" in out, out
    assert "Crane not registered" in out and "chain's figures" in out, out


def test_verify_lists_the_actions_progress_without_counting_it(
    printed: tuple[Path, Path, dict[str, str]], capsys: Any
) -> None:
    from sqlalchemy import update

    from qclinic.storage.models import Action
    from qclinic.storage.startup import open_database

    folder, pdf, _ids = printed
    database = open_database(folder / "qclinic.sqlite", attachments_dir=folder / "attachments")
    with database.session() as session:  # the overdue action is done
        session.execute(update(Action).where(Action.status == "open").values(status="done"))
    database.dispose()
    code, out = _verify(folder, pdf, capsys)
    assert code == 0 and "MATCH" in out and "actions moved on" in out, out


def test_an_unknown_chain_report_is_unknown(
    printed: tuple[Path, Path, dict[str, str]], capsys: Any, tmp_path: Path
) -> None:
    """A chain report this database never issued (another installation's) is exit 3."""
    from qclinic.reports.chain_report import render_chain_report
    from qclinic.services import Services
    from qclinic.storage.startup import open_database

    folder, issued, ids = printed
    database = open_database(folder / "qclinic.sqlite", attachments_dir=folder / "attachments")
    data = Services(database).chain_reports.data(ids["chain"], START, END)
    database.dispose()
    other = tmp_path / "other.pdf"
    render_chain_report(data, other, "en", doc_id="QC-C-0000000000-042")
    code, out = _verify(folder, other, capsys)
    assert code == 3 and "UNKNOWN" in out, out
    # and the issued copy, checked where there is no database at all: unknown, named as a chain's
    code, out = _verify(tmp_path / "nowhere", issued, capsys)
    assert code == 3 and "(chain report) of chain " + ids["chain"] in out, out


def test_the_xlsx_has_a_summary_and_one_sheet_per_tier(
    printed: tuple[Path, Path, dict[str, str]], tmp_path: Path, capsys: Any
) -> None:
    from openpyxl import load_workbook

    from qclinic.cli import run

    folder, _pdf, ids = printed
    out = tmp_path / "chain.xlsx"
    args = ["--data-dir", str(folder), "report", "--chain", ids["chain"], "--out", str(out)]
    assert run([*args, "--from", "2026-01-01", "--to", "2026-06-30", "--lang", "en"]) == 0
    book = load_workbook(out)
    assert book.sheetnames == ["Summary", "Chain leaders", "Tier-1 suppliers", "Tier-2 suppliers"]
    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["Companies"] == len(MEMBERS)
    for grade, count in EXPECTED_GRADES.items():
        name = "Not graded" if grade == "ungraded" else grade
        assert summary[f"{name} · This period"] == count
        assert summary[f"{name} · Previous period"] == EXPECTED_PREVIOUS[grade]
    assert summary["MSA · In place"] == 1 and summary["MSA · Companies in the chain"] == 4
    tier1 = list(book["Tier-1 suppliers"].iter_rows(values_only=True))
    assert tier1[0][:4] == ("No.", "Company", "Supplies", "Grade")
    by_name = {row[1]: row for row in tier1[1:]}
    assert set(by_name) == {ORGS["S1"][0], ORGS["S2"][0]}
    s1 = by_name[ORGS["S1"][0]]
    assert s1[3:7] == ("B", "C", "↑", 84.5)
    assert s1[7:11] == ("Yes", "Yes", "No", "No") and s1[-2:] == (2, 1)
    leaders = list(book["Chain leaders"].iter_rows(values_only=True))
    assert [row[1] for row in leaders[1:]] == [ORGS["L"][0]]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--chain", "no-such-chain", "--out", "x.pdf"], "no-such-chain"),
        (["--chain", "c", "--out", "x.pdf", "--from", "2026-13-01"], "YYYY-MM-DD"),
        (["--chain", "c", "--out", "x.docx"], "x.docx"),
        (["--chain", "c", "--out", "x.pdf", "--plan-only"], "--plan-only"),
        (["--from", "2026-01-01", "--out", "x.pdf", "some-id"], "--chain"),
    ],
)
def test_bad_chain_report_requests_exit_2(
    extra: list[str],
    message: str,
    template: tuple[Path, dict[str, str]],
    tmp_path: Path,
    capsys: Any,
) -> None:
    from qclinic.cli import run

    folder = _copy(template, tmp_path / "d")
    assert run(["--data-dir", str(folder), "--lang", "en", "report", *extra]) == 2
    assert message in capsys.readouterr().err


def test_every_chain_report_word_exists() -> None:
    """The chain report's modules name their words without the area: say("title") is
    chain_report.title, and verify's _en("pages") is chain_report.verify_pages."""
    from qclinic.core.catalogue import keys

    known = keys()
    source = Path(__file__).resolve().parents[2] / "qclinic" / "reports"
    prefixes = {"say": "", "_en": "verify_"}
    missing = []
    for path in source.glob("chain_*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = getattr(node, "func", None) and getattr(node.func, "id", None)
            if (
                isinstance(node, ast.Call)
                and name in prefixes
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and f"chain_report.{prefixes[name]}{node.args[0].value}" not in known
            ):
                missing.append(f"{path.name}:{node.lineno}: {node.args[0].value}")
    assert len(list(source.glob("chain_*.py"))) >= 5 and not missing, missing


def test_a_chain_without_companies_still_prints(tmp_path: Path) -> None:
    """A chain just created (no member, no figure) prints every part without dividing by zero."""
    from qclinic.reports.chain_data import COVERAGE_KEYS, ChainReportData, CoverageFigure
    from qclinic.reports.chain_report import render_chain_report

    zero = tuple((grade, 0) for grade in ("A", "B", "C", "D", "ungraded"))
    empty = ChainReportData(
        "c1", "新建产业链", "", "", (), "2026-01-01", "2026-06-30", "", "", zero, zero,
        tuple(CoverageFigure(key, 0, 0) for key in COVERAGE_KEYS),
        0, 0, 0, 0, (), (), 0, 0, (), (),
    )  # fmt: skip
    built = render_chain_report(empty, tmp_path / "empty.pdf", "en")
    text = pdf_text(built.path).replace("\n", "")
    assert text.count("0/0 · —") == len(COVERAGE_KEYS)
    assert "No problem was solved in this period." in text
