"""The organization list's plain-sqlite3 read: filters and the latest finished grade."""

from __future__ import annotations

from pathlib import Path

from qclinic.core.vocabulary import ChainRole, IndustryChain
from qclinic.services.demo import seed
from qclinic.storage.organization_list import list_organization_summaries
from qclinic.storage.repositories import organizations
from qclinic.storage.startup import open_database


def test_rows_filters_and_latest_grade(tmp_path: Path) -> None:
    database = open_database(tmp_path / "o.sqlite", attachments_dir=tmp_path / "att")
    seed(database)
    with database.session() as session:
        organizations.create_organization(
            session, "Zeta Steel Works", industry_chain=IndustryChain.STEEL, region="Jiangxi"
        )
        gone = organizations.create_organization(session, "Deleted Co")
        organizations.delete_organization(session, gone.id)
    rows = list_organization_summaries(database)
    database.dispose()
    by_name = {r.name: r for r in rows}
    assert set(by_name) == {
        "Zeta Steel Works",
        "赣鄱铜业集团有限公司",
        "鹰潭精密铜材有限公司",
        "贵溪恒达冶金辅料有限公司",  # the two other companies of the demo's chain
        "上饶精拓拉拔模具有限公司",
    }
    supplier = by_name["鹰潭精密铜材有限公司"]
    assert supplier.chain_role is ChainRole.SUPPLIER
    assert supplier.latest_grade == "B"  # the 2026 clinic, newer than the signed 2025 C
    assert supplier.latest_percent is not None and round(supplier.latest_percent, 1) == 74.0
    assert by_name["Zeta Steel Works"].latest_grade is None


def test_search_and_filters(tmp_path: Path) -> None:
    database = open_database(tmp_path / "o.sqlite", attachments_dir=tmp_path / "att")
    seed(database)
    names = lambda **kw: [r.name for r in list_organization_summaries(database, **kw)]  # noqa: E731
    assert names(search="精密") == ["鹰潭精密铜材有限公司"]
    assert names(search="91360600") == ["鹰潭精密铜材有限公司"]  # part of the credit code
    assert names(search="100%_") == []  # LIKE wildcards are matched literally
    assert names(chain_role=ChainRole.CHAIN_LEADER) == ["赣鄱铜业集团有限公司"]
    assert names(industry_chain=IndustryChain.STEEL) == []
    assert len(names(region="江西省鹰潭市")) == 1
    database.dispose()
