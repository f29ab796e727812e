"""Two desktop instances against a real ``qclinic-server serve`` process on 127.0.0.1.

Each instance is the app's services over its own data folder, its change events relayed to the
interface's signals, and the real conflict inbox on them, which the user clicks. They edit one
organization: different fields merge on both; the same field gives one conflict in the losing
instance's inbox, resolved there, and both converge — the other instance's copy of the conflict
closing at its next sync (the resolution travels). A sync cut half way through its pull (by a
TCP proxy that resets the connection after N bytes) resumes at the next sync and converges.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from qclinic.services import Services
from qclinic.services.sync import KEY_SERVER
from qclinic.sync import engine
from qclinic.sync.client import SyncClient, Unreachable
from qclinic.sync.credentials import TokenStore
from qclinic.sync.engine import SyncSummary, run
from qclinic.ui.conflicts_model import COL_FIELD, COL_MINE, COL_RECORD, COL_STATE, COL_THEIRS
from qclinic.ui.signals import AppSignals
from tests.sync.conftest import Server
from tests.sync.hub import fresh_database
from tests.sync.proxy import Proxy
from tests.sync.test_faults import _account

pytestmark = pytest.mark.gui
WAIT_MS = 10_000  # every wait for the interface gives up after this


@dataclass
class Instance:
    """One app instance: its data folder, services, signals, and where it syncs to."""

    folder: Path
    services: Services
    signals: AppSignals
    url: str
    said: list[str] = field(default_factory=list)

    def sync(self) -> SyncSummary:
        """``qclinic sync`` as the app runs it, in this process over real sockets."""
        token = TokenStore(self.folder, self.services.database.device_id).load()
        with SyncClient(self.url, token) as client:
            return run(self.services.sync, client, self.said.append, "en")

    def organization(self, organization_id: str) -> dict[str, Any]:
        row = self.services.organizations.get(organization_id)
        return {"name": row.name, "region": row.region, "notes": row.notes}


@pytest.fixture
def instances(server: Server, tmp_path: Path, qapp: object) -> Iterator[Any]:
    """A factory of signed-in instances; closed at the end of the test."""
    from qclinic.storage.startup import open_database

    opened: list[Instance] = []

    def start(name: str, token: str, url: str | None = None) -> Instance:
        folder = tmp_path / name
        folder.mkdir()
        fresh_database(folder)
        database = open_database(folder / "qclinic.sqlite", attachments_dir=folder / "attachments")
        services = Services(database)
        signals = AppSignals()
        signals.follow(services.bus)
        services.sync.set_state({KEY_SERVER: url or server.url})
        TokenStore(folder, database.device_id).save(token)
        instance = Instance(folder, services, signals, url or server.url)
        opened.append(instance)
        return instance

    yield start
    for instance in opened:
        instance.signals.stop_following()
        instance.services.database.dispose()


@pytest.fixture(scope="module")
def proxy(server: Server) -> Iterator[Proxy]:
    opened = Proxy(int(server.url.rsplit(":", 1)[1]))
    yield opened
    opened.close()


def _pair(server: Server, instances: Any, who: str) -> tuple[Instance, Instance, str]:
    """Instance A creates an organization and syncs; B (another consultant given it) pulls it."""
    a = instances("a", _account(server, f"{who}-a"))
    organization = a.services.organizations.create(
        f"Tongling Copper {who}", region="Tongling", notes="first visit"
    ).id
    a.sync()
    b = instances("b", _account(server, f"{who}-b", org=organization))
    assert b.sync().pulled >= 1
    assert b.organization(organization) == a.organization(organization)
    return a, b, organization


def test_different_fields_edited_on_two_instances_merge_on_both(
    server: Server, instances: Any
) -> None:
    a, b, organization = _pair(server, instances, "merge")
    a.services.organizations.update(organization, region="Tongling, Anhui")
    b.services.organizations.update(organization, notes="second visit: furnace 3")

    a.sync()
    assert b.sync().conflicts == 0
    a.sync()

    expected = {
        "name": "Tongling Copper merge",
        "region": "Tongling, Anhui",
        "notes": "second visit: furnace 3",
    }
    assert a.organization(organization) == b.organization(organization) == expected
    assert a.services.conflicts.open_count() == b.services.conflicts.open_count() == 0
    assert a.services.sync.pending_count() == b.services.sync.pending_count() == 0


def test_the_same_field_gives_one_conflict_resolved_in_the_inbox_and_both_converge(
    server: Server, instances: Any, qtbot: Any
) -> None:
    from qclinic.ui.pages.conflicts import ConflictsPage

    a, b, organization = _pair(server, instances, "clash")
    page = ConflictsPage(b.services, b.signals, "en")
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    page.load()
    assert page.model.rowCount() == 0
    a.services.organizations.update(organization, region="Wuhu")
    b.services.organizations.update(organization, region="Maanshan")

    a.sync()
    assert b.sync().conflicts == 1  # B's push lost the field: the server kept A's
    a.sync()  # A hears of it from /v1/conflicts and keeps its own copy
    assert a.services.conflicts.open_count() == 1

    # the inbox hears of it by the sync's change events, not by a reload
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
    assert page.proxy.index(0, COL_RECORD).data() == "Tongling Copper clash"
    assert page.proxy.index(0, COL_FIELD).data() == "Region"
    assert page.proxy.index(0, COL_MINE).data() == "Maanshan"
    assert page.proxy.index(0, COL_THEIRS).data() == "Wuhu"
    assert b.organization(organization)["region"] == "Wuhu"

    page.select_conflict(page.model.rows[0].conflict.id)
    qtbot.mouseClick(page.keep_mine, Qt.MouseButton.LeftButton)
    assert b.organization(organization)["region"] == "Maanshan"
    assert b.services.conflicts.open_count() == 0

    summary = b.sync()  # the resolution goes as an ordinary edit, against the current base
    assert (summary.pushed, summary.conflicts, summary.resolutions_sent) == (1, 0, 1)
    on_a = ConflictsPage(a.services, a.signals, "en")
    qtbot.addWidget(on_a)
    on_a.show_resolved.setChecked(True)
    on_a.show()
    on_a.load()
    assert on_a.model.rows[0].conflict.resolved is False

    assert a.sync().closed_elsewhere == 1  # and the resolution, told to the server, closes it

    assert a.organization(organization) == b.organization(organization)
    assert a.organization(organization)["region"] == "Maanshan"
    assert a.services.sync.pending_count() == b.services.sync.pending_count() == 0
    assert a.services.conflicts.open_count() == 0  # no open copy left on A
    # A's inbox follows at once, by the sync's change events, and says by whom and how
    qtbot.waitUntil(lambda: on_a.model.rows[0].conflict.resolved, timeout=WAIT_MS)
    assert on_a.proxy.index(0, COL_STATE).data() == "Kept mine · clash-b"
    on_a.select_conflict(on_a.model.rows[0].conflict.id)
    assert on_a.state.text().startswith("Kept mine by clash-b on ")
    assert on_a.state.text().endswith(": Maanshan (resolved elsewhere: closed here at the sync)")
    assert not on_a.keep_mine.isEnabled()


def test_a_sync_cut_half_way_through_its_pull_resumes_and_converges(
    server: Server, proxy: Proxy, instances: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = instances("a", _account(server, "cut-a"))
    organization = a.services.organizations.create("Chizhou Cable", region="Chizhou").id
    sites = [
        a.services.organizations.add_site(organization, f"Workshop {n:02d}", address="A" * 900).id
        for n in range(60)
    ]
    a.sync()
    b = instances("b", _account(server, "cut-b", org=organization), url=proxy.url)
    monkeypatch.setattr(engine, "PULL_PAGE", 20)  # 61 rows: four pages of ~20 kB
    # past the small answers before the pull and into the pull's second page
    proxy.arm("down", after=20 * 1000 + 6000)

    with pytest.raises(Unreachable):
        b.sync()
    proxy.disarm()

    assert proxy.tripped.is_set()
    half = b.services.database.query(
        "SELECT count(*) FROM site WHERE organization_id = ?", (organization,)
    )[0][0]
    assert 0 < half < len(sites)  # some pages applied, not all
    b.sync()
    on_b = b.services.database.query(
        "SELECT id, name, address FROM site WHERE organization_id = ? ORDER BY id", (organization,)
    )
    on_a = a.services.database.query(
        "SELECT id, name, address FROM site WHERE organization_id = ? ORDER BY id", (organization,)
    )
    assert on_b == on_a and len(on_b) == len(sites)
    assert b.organization(organization) == a.organization(organization)
    assert b.services.sync.pending_count() == 0  # nothing pulled is pushed back
