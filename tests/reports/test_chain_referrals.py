"""The chain report's referrals (供需对接, issue 17): counted in the services with the visits,
assessments and cases (as the portfolio's total), listed by NQI field, by provider and one by one
with their evidence, in the PDF (read back with pypdf) and the workbook (openpyxl); covered by the
data hash and ``report verify``, while a copy printed for a period without referrals keeps the
hash it had before the section existed.

The chain is test_chain_report.py's, plus the providers and referrals described below; the
expected lines and counts are worked out here from that description.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.reports.conftest import pdf_text
from tests.reports.test_chain_report import END, MEMBERS, ORGS, START, _build, _verify

#: provider key → name
PROVIDERS = {"P1": "江西省计量测试研究院", "P2": "SGS Nanchang Test Lab"}
#: (org, provider, service, NQI field, status, requested, delivered, evidence [(name, deleted)], deleted)
REFERRALS = [
    ("S1", "P1", "三坐标测量机校准", "metrology", "delivered", "2026-01-10", "2026-02-03",
     [("CNAS-校准证书-2026-0211.pdf", False), ("draft.pdf", True)], False),
    ("S1", "P2", "Salt spray test of plated parts", "inspection-testing", "closed", "2026-03-01",
     "2026-03-20", [("SGS report <NC-88>.pdf", False), ("photos & notes.zip", False)], False),
    ("S2", "P1", "卡尺检定", "metrology", "delivered", "2026-04-01", "2026-06-30", [], False),
    ("S2", "P1", "after the period", "metrology", "delivered", "2026-06-01", "2026-07-01", [], False),
    ("L", "P2", "before the period", "standards", "closed", "2025-11-01", "2025-12-31", [], False),
    ("S3", "P2", "not delivered yet", "certification-accreditation", "accepted", "2026-05-01", None,
     [], False),
    ("S3", "P1", "deleted", "metrology", "delivered", "2026-02-01", "2026-02-02", [], True),
    ("X", "P1", "a company in no chain", "metrology", "delivered", "2026-02-01", "2026-02-05", [],
     False),
]  # fmt: skip


def _at(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(hour=9, tzinfo=UTC)


def _write_referrals(database: Any, ids: dict[str, str], rows: list[Any]) -> None:
    from qclinic.core.vocabulary import ProviderKind
    from qclinic.storage.models import Attachment, Provider, Referral

    with database.session() as session:
        for key, name in PROVIDERS.items():
            if key in ids:
                continue
            provider = Provider(name=name, kind=ProviderKind.TEST_LABORATORY)
            session.add(provider)
            session.flush()
            ids[key] = provider.id
        for org, provider, service, field, status, requested, delivered, files, deleted in rows:
            referral = Referral(
                organization_id=ids[org],
                provider_id=ids[provider],
                nqi_category=field,
                request=service,
                status=status,
                requested_on=date.fromisoformat(requested),
                delivered_on=date.fromisoformat(delivered) if delivered else None,
                deleted_at=_at("2026-07-01") if deleted else None,
            )
            session.add(referral)
            session.flush()
            for name, gone in files:
                session.add(
                    Attachment(
                        referral_id=referral.id,
                        sha256="0" * 64,
                        file_name=name,
                        mime_type="application/pdf",
                        size=1,
                        deleted_at=_at("2026-07-01") if gone else None,
                    )
                )


def _expected() -> list[tuple[str, str, str, str, str, str, str, tuple[str, ...]]]:
    """The referrals the report lists: chain members', live, delivered in the period; by day."""
    lo, hi = START.isoformat(), END.isoformat()
    found = [
        (
            ORGS[org][0],
            PROVIDERS[provider],
            service,
            field,
            status,
            requested,
            delivered,
            tuple(sorted(name for name, gone in files if not gone)),
        )
        for org, provider, service, field, status, requested, delivered, files, deleted in REFERRALS
        if org in MEMBERS and not deleted and delivered and lo <= delivered <= hi
    ]
    return sorted(found, key=lambda r: (r[6], r[0]))


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    from qclinic.storage.startup import open_database

    folder = tmp_path_factory.mktemp("chain-referrals")
    database = open_database(folder / "qclinic.sqlite", attachments_dir=folder / "attachments")
    ids = _build(database)
    _write_referrals(database, ids, REFERRALS)
    database.dispose()
    return folder / "qclinic.sqlite", ids


@pytest.fixture(scope="module")
def chain_db(
    template: tuple[Path, dict[str, str]], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Any, dict[str, str]]]:
    from qclinic.storage.startup import open_database

    folder = tmp_path_factory.mktemp("chain-referrals-db")
    shutil.copyfile(template[0], folder / "qclinic.sqlite")
    database = open_database(folder / "qclinic.sqlite", attachments_dir=folder / "attachments")
    yield database, template[1]
    database.dispose()


@pytest.fixture(scope="module")
def data(chain_db: tuple[Any, dict[str, str]]) -> Any:
    from qclinic.services import Services

    database, ids = chain_db
    return Services(database).chain_reports.data(ids["chain"], START, END)


def test_the_data_lists_the_referrals_delivered_and_counts_them_in_the_services(
    chain_db: tuple[Any, dict[str, str]], data: Any
) -> None:
    from qclinic.core.portfolio import PortfolioFilter
    from qclinic.services import Services

    expected = _expected()
    got = [
        (
            r.organization,
            r.provider,
            r.request,
            r.field,
            r.status,
            r.requested_on,
            r.delivered_on,
            r.evidence,
        )
        for r in data.referral_lines
    ]
    assert got == expected
    assert data.referrals == len(expected)
    assert data.services == data.visits + data.assessments + data.cases + len(expected)
    database, ids = chain_db
    flt = PortfolioFilter(chain_ids=(ids["chain"],), start=START, end=END, today=END)
    figures = Services(database).portfolio.figures(flt).chains[0]
    assert data.services == figures.services.total  # the key figure is the portfolio's total
    fields = sorted({r[3] for r in expected})
    assert dict(data.referrals_by("field")) == {f: sum(r[3] == f for r in expected) for f in fields}
    providers = {r[1] for r in expected}
    assert dict(data.referrals_by("provider")) == {
        p: sum(r[1] == p for r in expected) for p in providers
    }


@pytest.fixture(scope="module")
def pdfs(chain_db: tuple[Any, dict[str, str]], data: Any, tmp_path_factory: Any) -> dict[str, Any]:
    from qclinic.services import Services

    database, _ids = chain_db
    folder = tmp_path_factory.mktemp("chain-referrals-pdf")
    service = Services(database).chain_reports
    return {lang: service.issue(data, folder / f"chain-{lang}.pdf", lang) for lang in ("zh", "en")}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_pdf_has_the_referrals_section(pdfs: dict[str, Any], data: Any, lang: str) -> None:
    from qclinic.core.catalogue import say

    text = pdf_text(pdfs[lang].path)
    flat = "".join(text.split())
    expected = _expected()
    heading = "供需对接" if lang == "zh" else "Referrals to service providers"
    assert "".join(heading.split()) in flat
    for org, provider, service, field, status, requested, delivered, files in expected:
        for words in (org, provider, service, requested, delivered, *files):
            assert "".join(words.split()) in flat, words
        assert "".join(say(f"referrals.status.{status}", lang).split()) in flat
        assert "".join(say(f"reports.label.{field}", lang).split()) in flat
    intro = say(
        "chain_report.referrals_intro",
        lang,
        period=f"{START.isoformat()}{'至' if lang == 'zh' else 'to'}{END.isoformat()}",
        n=len(expected),
        companies=len({r[0] for r in expected}),
        providers=len({r[1] for r in expected}),
    )
    assert "".join(intro.split()) in flat
    for name in ("a company in no chain", "after the period", "before the period", "deleted"):
        assert "".join(name.split()) not in flat
    # the services table: visits, assessments, cases, referrals and their total in a row
    counts = (data.visits, data.assessments, data.cases, len(expected), data.services)
    assert "".join(str(n) for n in counts) in flat
    if lang == "zh":
        assert "质量服务（次）" in flat
    else:
        assert "Servicesdelivered" in flat


def test_the_xlsx_has_a_referrals_sheet(
    chain_db: tuple[Any, dict[str, str]], data: Any, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from qclinic.services import Services

    database, _ids = chain_db
    out = Services(database).chain_reports.export_xlsx(data, tmp_path / "chain.xlsx", "en")
    book = load_workbook(out)
    assert book.sheetnames[-1] == "Referrals"
    rows = list(book["Referrals"].iter_rows(values_only=True))
    assert rows[0][:3] == ("Company", "Provider", "Service")
    labels = {"metrology": "Metrology", "inspection-testing": "Inspection & testing"}
    assert [(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7] or "") for r in rows[1:]] == [
        (o, p, s, labels.get(f, f), req, dlv, st.capitalize(), "\n".join(files))
        for o, p, s, f, st, req, dlv, files in _expected()
    ]
    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(values_only=True)}
    assert summary["Referrals"] == len(_expected())
    assert summary["Services delivered"] == data.services


def test_verify_matches_then_names_a_referral_delivered_since(
    template: tuple[Path, dict[str, str]], tmp_path: Path, capsys: Any
) -> None:
    from qclinic.cli import run
    from qclinic.storage.startup import open_database

    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(template[0], folder / "qclinic.sqlite")
    ids = dict(template[1])
    pdf = tmp_path / "chain.pdf"
    args = ["--data-dir", str(folder), "report", "--chain", ids["chain"], "--out", str(pdf)]
    assert run([*args, "--from", START.isoformat(), "--to", END.isoformat(), "--lang", "en"]) == 0
    capsys.readouterr()
    code, out = _verify(folder, pdf, capsys)
    assert code == 0 and "MATCH" in out, out
    book = tmp_path / "chain.xlsx"
    xlsx_args = ["--data-dir", str(folder), "report", "--chain", ids["chain"], "--out", str(book)]
    period = ["--from", START.isoformat(), "--to", END.isoformat(), "--lang", "en"]
    assert run([*xlsx_args, *period]) == 0
    tiers = len({tier for _role, tier, _customer in MEMBERS.values()})
    said = capsys.readouterr().out
    assert f"the summary sheet, {tiers} tier sheets and the referrals sheet" in said, said
    database = open_database(folder / "qclinic.sqlite", attachments_dir=folder / "attachments")
    late = (
        "S2",
        "P2",
        "Late entry",
        "metrology",
        "delivered",
        "2026-05-01",
        "2026-05-02",
        [],
        False,
    )
    _write_referrals(database, ids, [late])
    database.dispose()
    code, out = _verify(folder, pdf, capsys)
    assert code == 1 and "CHANGED" in out, out
    assert "Referrals to service providers" in out, out


def test_a_copy_issued_before_the_section_existed_still_verifies(
    template: tuple[Path, dict[str, str]], tmp_path: Path, capsys: Any
) -> None:
    """A copy whose registered parts have no ``referrals`` (as every copy printed before the
    section had) verifies although the period has referrals delivered; verify says why it left
    them unchecked. The other parts are still checked."""
    import json
    import sqlite3

    from qclinic.cli import run

    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(template[0], folder / "qclinic.sqlite")
    ids = template[1]
    pdf = tmp_path / "chain.pdf"
    args = ["--data-dir", str(folder), "report", "--chain", ids["chain"], "--out", str(pdf)]
    assert run([*args, "--from", START.isoformat(), "--to", END.isoformat(), "--lang", "zh"]) == 0
    capsys.readouterr()
    with sqlite3.connect(folder / "qclinic.sqlite") as connection:  # the register as it was
        (stored,) = connection.execute("SELECT parts FROM issued_chain_document").fetchone()
        parts = json.loads(stored)
        assert "referrals" in parts
        del parts["referrals"]
        connection.execute("UPDATE issued_chain_document SET parts = ?", (json.dumps(parts),))
    code, out = _verify(folder, pdf, capsys)
    assert code == 0 and "MATCH" in out, out
    assert "issued before the report had its referrals section" in out, out
    with sqlite3.connect(folder / "qclinic.sqlite") as connection:  # a figure moved since
        connection.execute("UPDATE clinic_case SET resolved_on = '2026-06-01', status = 'resolved'")
    code, out = _verify(folder, pdf, capsys)
    assert code == 1 and "CHANGED" in out, out


def test_a_period_without_referrals_leaves_them_out_of_the_data_hash(
    chain_db: tuple[Any, dict[str, str]],
) -> None:
    import hashlib
    import json
    from dataclasses import asdict

    from qclinic.reports.chain_report import parts
    from qclinic.reports.data import _round, data_hash
    from qclinic.services import Services

    database, ids = chain_db
    data = Services(database).chain_reports.data(ids["chain"], date(2026, 7, 2), date(2026, 9, 30))
    assert (data.referrals, data.referral_lines) == (0, ())
    later = ("outcomes", "referrals", "referral_lines")
    plain = {k: v for k, v in asdict(data).items() if k not in later}
    old = json.dumps(_round(plain), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert data_hash(data) == hashlib.sha256(old.encode("utf-8")).hexdigest()
    assert parts(data)["referrals"]  # in the register's parts all the same (see above)
