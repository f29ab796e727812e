"""The synthetic province's outcome figures and referrals (the chain view's pictures and the
outcome totals' benchmark): valid figures for every chain company, believable referrals, the
same rows for the same seed, and no change-log line (made-up data never syncs)."""

from __future__ import annotations

from datetime import date

from qclinic.core import outcomes as rules
from qclinic.core.vocabulary import OutcomeKind, StandardLevel
from qclinic.services import Services
from qclinic.services.demo.province import ProvinceService
from qclinic.services.demo.province_outcomes import QUARTERS, ProvinceOutcomesService

END = date(2026, 5, 20)


def _build(services: Services) -> dict[str, int]:
    ProvinceService(services.database, services.bus).build(2, 30, seed=3, end=END)
    return ProvinceOutcomesService(services.database, services.bus).build(seed=3, end=END)


def test_every_chain_company_reports_valid_figures_each_quarter(services: Services) -> None:
    counts = _build(services)
    db = services.database
    companies = {r[0] for r in db.query("SELECT organization_id FROM chain_member")}
    rows = db.query("SELECT organization_id, kind, level, period, value FROM outcome")
    assert counts["outcome"] == len(rows)
    for _org, kind, level, _period, value in rows:  # what the service would accept
        rules.check(OutcomeKind(kind), value, StandardLevel(level) if level else None)
    periods = sorted({r[3] for r in rows})
    assert len(periods) == QUARTERS and periods[-1] == END.isoformat()
    assert periods[0] == "2024-09-30"  # eight quarters back: Q3 2024 … Q2 2026 (to END)
    rates = {(r[0], r[3]) for r in rows if r[1] == "pass-rate"}
    assert rates == {(org, period) for org in companies for period in periods}
    logged = db.query(
        "SELECT COUNT(*) FROM change_log WHERE table_name IN ('outcome', 'referral', 'provider')"
    )
    assert logged[0][0] == 0


def test_referrals_go_to_the_providers_in_order_of_their_steps(services: Services) -> None:
    counts = _build(services)
    rows = services.database.query(
        "SELECT r.status, r.requested_on, r.accepted_on, r.delivered_on, r.closed_on, p.id "
        "FROM referral r LEFT JOIN provider p ON p.id = r.provider_id"
    )
    assert counts["referral"] == len(rows) > 0
    for status, requested, accepted, delivered, closed, provider in rows:
        assert provider is not None
        assert requested <= accepted <= END.isoformat()
        if status in ("delivered", "closed"):
            assert accepted <= delivered <= END.isoformat()
        else:
            assert (status, delivered) == ("accepted", None)
        assert (closed is not None) == (status == "closed")
        if closed:
            assert delivered <= closed <= END.isoformat()


def test_the_same_seed_writes_the_same_rows(services: Services, tmp_path) -> None:
    from qclinic.storage.startup import open_database

    _build(services)
    other = open_database(tmp_path / "other.sqlite", attachments_dir=tmp_path / "attachments")
    try:
        _build(Services(other))
        query = "SELECT id, organization_id, kind, level, period, value FROM outcome ORDER BY id"
        assert services.database.query(query) == other.query(query)
    finally:
        other.dispose()
