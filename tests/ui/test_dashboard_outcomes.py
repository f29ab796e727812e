"""The dashboard's referrals (the services' fourth kind) and outcome totals, with real widgets over
a real SQLite file: ``dashboard_data``'s province plus the referrals delivered and the outcome
figures described below. Every expected number is worked out here from the descriptions."""

from __future__ import annotations

from datetime import date

import pytest
from dashboard_data import CASES, CHAINS, EVALUATIONS, ORGS, VISITS, build, this_year
from PySide6.QtCore import Qt

from qclinic.charts.portfolio_figures import bars
from qclinic.ui.pages.dashboard import DashboardPage

WAIT_MS = 30_000

#: referrals: (org, NQI field, delivered this January?) — None: requested, not delivered
REFERRALS = [
    ("S1", "metrology", True),
    ("S1", "inspection-testing", True),
    ("S4", "standards", True),
]
REFERRALS += [("S2", "metrology", None)]
#: outcome figures: (org, kind, level, "first" | "latest" day of the period, value)
OUTCOMES = [
    ("S1", "pass-rate", None, "first", 95.5),
    ("S1", "pass-rate", None, "latest", 98.0),
    ("S2", "pass-rate", None, "latest", 91.0),  # one figure: no change to tell
    ("S4", "pass-rate", None, "first", 80.0),
    ("S4", "pass-rate", None, "latest", 85.0),
    ("S1", "standards", "national", "first", 1.0),
    ("S2", "standards", "association", "latest", 2.0),
    ("L2", "patents", None, "latest", 3.0),
]


def _day(which: str) -> date:
    return this_year().date() if which == "first" else date.today()


@pytest.fixture
def province(database, services) -> dict[str, str]:
    from qclinic.core.vocabulary import OutcomeKind, ProviderKind, ReferralStatus, StandardLevel
    from qclinic.storage.models import Outcome, Provider, Referral

    ids = build(database)
    with database.session() as session:
        provider = Provider(name="江西省计量测试研究院", kind=ProviderKind.METROLOGY)
        session.add(provider)
        session.flush()
        for org, field, delivered in REFERRALS:
            session.add(
                Referral(
                    organization_id=ids[org],
                    provider_id=provider.id,
                    nqi_category=field,
                    request="校准",
                    status=ReferralStatus.DELIVERED if delivered else ReferralStatus.REQUESTED,
                    requested_on=this_year().date(),
                    delivered_on=this_year().date() if delivered else None,
                )
            )
        for org, kind, level, which, value in OUTCOMES:
            session.add(
                Outcome(
                    organization_id=ids[org],
                    kind=OutcomeKind(kind),
                    level=StandardLevel(level) if level else None,
                    period=_day(which),
                    value=value,
                )
            )
    return ids


@pytest.fixture
def page(qtbot, services, signals, province) -> DashboardPage:
    page = DashboardPage(services, signals, "en")
    qtbot.addWidget(page)
    page.resize(1190, 640)
    page.show()
    page.load()
    qtbot.waitUntil(lambda: page.portfolio is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.outcomes is not None, timeout=WAIT_MS)  # on a worker of its own
    return page


def _members(chain: str | None) -> set[str]:
    return {o for key in ([chain] if chain else CHAINS) for o in CHAINS[key][2]}


def _listed(qtbot, page: DashboardPage) -> tuple[str, list[tuple[str, str]]]:
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=WAIT_MS)
    model, heading = page.dialog.model, page.dialog.ui.heading.text()
    page.dialog.close()
    page.dialog = None
    return heading, [
        (model.row_at(i).name, model.row_at(i).detail) for i in range(model.rowCount())
    ]


@pytest.mark.parametrize("chain", [None, "K1", "K2"])
def test_the_services_tile_counts_and_names_the_referrals_delivered(
    qtbot, page: DashboardPage, province, chain
) -> None:
    page.filters.select(chain_id=province[chain] if chain else None)
    members = _members(chain)
    visits = sum(n for o, n in VISITS if o in members)
    assessed = sum(o in members and when is this_year for o, _g, _s, when in EVALUATIONS)
    cases = sum(o in members for o, _f, _s in CASES)
    referrals = sum(o in members and bool(d) for o, _f, d in REFERRALS)
    tile = page.tiles["services"]
    assert tile.value_label.text() == str(visits + assessed + cases + referrals)
    assert tile.value_label.text() == str(page.figures().services.total)
    assert tile.detail.text() == (
        f"visits {visits} · assessments {assessed} · cases {cases} · referrals {referrals}"
    )
    january = f"{date.today().year}-01"
    heights = {
        gid: bar.get_height()
        for gid, bar in bars(page.charts["services"].figure).items()
        if gid.endswith(":referrals")
    }
    assert heights[f"services:{january}:referrals"] == referrals
    assert sum(heights.values()) == referrals


def test_a_referrals_bar_and_the_services_tile_list_the_companies_behind_them(
    qtbot, page: DashboardPage, province
) -> None:
    from test_dashboard import _click_bar

    january = f"{date.today().year}-01"
    _click_bar(qtbot, page, "services", f"services:{january}:referrals")
    heading, listed = _listed(qtbot, page)
    delivered: dict[str, int] = {}
    for org, _field, done in REFERRALS:
        if done:
            delivered[org] = delivered.get(org, 0) + 1
    expected = sorted(
        (ORGS[o][0], f"{n} referral{'s' if n > 1 else ''} delivered") for o, n in delivered.items()
    )
    assert sorted(listed) == expected
    assert heading.startswith(f"Clinic services · {january} · Referrals")
    qtbot.mouseClick(page.tiles["services"], Qt.MouseButton.LeftButton)
    _heading, listed = _listed(qtbot, page)

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    for org, n in delivered.items():  # each company's events end with its referrals
        visits = sum(k for o, k in VISITS if o == org)
        assessed = sum(o == org and when is this_year for o, _g, _s, when in EVALUATIONS)
        cases = sum(o == org for o, _f, _s in CASES)
        said = [plural(visits, "visit")] if visits else []
        said += [plural(assessed, "assessment")] if assessed else []
        said += [plural(cases, "case")] if cases else []
        said.append(plural(n, "referral") + " delivered")
        assert dict(listed)[ORGS[org][0]] == " · ".join(said)


def _expected_outcomes(chain: str | None) -> dict[str, str]:
    """kind → the total as shown, worked out from OUTCOMES."""
    members = _members(chain)
    rows = [r for r in OUTCOMES if r[0] in members]
    found: dict[str, str] = {}
    rates = {o: {w: v for o2, k, _l, w, v in rows if o2 == o and k == "pass-rate"} for o in members}
    rates = {o: r for o, r in rates.items() if r}
    if rates:  # a change over the companies with two figures; else the mean of the latest
        two = [r for r in rates.values() if len(r) == 2]
        if two:
            before = sum(r["first"] for r in two) / len(two)
            after = sum(r["latest"] for r in two) / len(two)
            found["pass-rate"] = f"{round(before, 1):g} % → {round(after, 1):g} %"
        else:
            after = sum(r["latest"] for r in rates.values()) / len(rates)
            found["pass-rate"] = f"{round(after, 1):g} %"
    for kind in ("standards", "patents"):
        total = sum(v for _o, k, _l, _w, v in rows if k == kind)
        if total:
            found[kind] = f"{total:g}"
    return found


@pytest.mark.parametrize("chain", [None, "K1", "K2"])
def test_the_outcome_tiles_show_the_chains_totals(
    qtbot, page: DashboardPage, province, chain
) -> None:
    page.filters.select(chain_id=province[chain] if chain else None)
    page.tabs.setCurrentIndex(2)
    panel = page.outcomes_panel
    shown = {
        kind.value: tile.value_label.text()
        for kind, tile in panel.kind_tiles.items()
        if tile.value_label.text() != "—"
    }
    assert shown == _expected_outcomes(chain)
    assert not panel.empty.isVisible()
    # the pass rate's detail says over how many companies the change is told
    from qclinic.core.vocabulary import OutcomeKind

    rates = {o for o, k, *_rest in OUTCOMES if o in _members(chain) and k == "pass-rate"}
    twice = {o for o in rates if sum(r[0] == o and r[1] == "pass-rate" for r in OUTCOMES) > 1}
    detail = panel.kind_tiles[OutcomeKind.PASS_RATE].detail.text()
    if twice and twice != rates:
        assert detail == f"{len(rates)} companies, change over {len(twice)}"
    else:
        assert detail == (f"{len(rates)} companies" if len(rates) > 1 else "1 company")
    levels = {level.value: tile.value_label.text() for level, tile in panel.level_tiles.items()}
    members = _members(chain)
    for level in levels:
        count = sum(v for o, k, lv, _w, v in OUTCOMES if o in members and lv == level)
        assert levels[level] == f"{count:g}", level


def test_an_outcome_tile_lists_the_companies_behind_it(
    qtbot, page: DashboardPage, province
) -> None:
    from qclinic.core.vocabulary import OutcomeKind, StandardLevel

    page.filters.select(chain_id=province["K2"])
    page.tabs.setCurrentIndex(2)
    tile = page.outcomes_panel.kind_tiles[OutcomeKind.PASS_RATE]
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    heading, listed = _listed(qtbot, page)
    # K2 is L2, S1 and S4: S1 95.5 → 98, S4 80 → 85 (L2 reported no pass rate)
    assert listed == sorted([(ORGS["S1"][0], "95.5 % → 98 %"), (ORGS["S4"][0], "80 % → 85 %")])
    assert heading.startswith("Outcomes · Product pass rate — 电子信息产业链")
    page.filters.select(chain_id=None)
    level = page.outcomes_panel.level_tiles[StandardLevel.ASSOCIATION]
    qtbot.mouseClick(level, Qt.MouseButton.LeftButton)
    _heading, listed = _listed(qtbot, page)
    assert listed == [(ORGS["S2"][0], "2")]


def test_a_period_without_figures_says_so(qtbot, page: DashboardPage) -> None:
    computed = page._generation
    combo = page.filters.period_combo
    combo.setCurrentIndex(combo.findData("last-year"))  # as the user picks it
    assert page._generation == computed + 1
    assert page.outcomes is None  # computed again, the old totals gone
    assert page.outcomes_panel.empty.text() == "Computing the outcome totals…"
    qtbot.waitUntil(lambda: page.status.text().startswith("Updated"), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.outcomes is not None, timeout=WAIT_MS)
    page.tabs.setCurrentIndex(2)
    panel = page.outcomes_panel
    assert panel.empty.isVisible()
    assert {t.value_label.text() for t in panel.kind_tiles.values()} == {"—"}
