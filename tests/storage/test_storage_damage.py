"""A damaged database is refused before anything writes to it; backups are only ever valid files."""

from __future__ import annotations

import random
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import pytest

from qclinic import cli
from qclinic.errors import DatabaseRefused
from qclinic.storage import backups
from qclinic.storage.database import Database
from qclinic.storage.errors import DatabaseFull
from qclinic.storage.startup import open_database, quick_check

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _damage(path: Path, seed: int = 9) -> None:
    """4 KiB of random bytes in the middle of the file (the issue's fault injection)."""
    size = path.stat().st_size
    with path.open("r+b") as stream:
        stream.seek(size // 2)
        stream.write(random.Random(seed).randbytes(4096))


@pytest.fixture
def damaged(db: Database, data_dir: Path) -> Path:
    from qclinic.services.demo import seed

    seed(db)  # enough pages that the middle of the file is table data
    db.dispose()
    _damage(db.path)
    # the fault is really there: SQLite either refuses to read the page or reports it
    with closing(sqlite3.connect(f"file:{db.path}?mode=ro", uri=True)) as connection:
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError as error:
            rows = [(f"raised: {error}",)]
    assert rows != [("ok",)], "the random bytes did not damage the database"
    return db.path


def test_a_damaged_database_at_head_is_refused_untouched(damaged: Path) -> None:
    before = damaged.read_bytes()
    with pytest.raises(DatabaseRefused) as refused:
        open_database(damaged)
    message = str(refused.value)
    assert str(damaged) in message and "damage" in message
    assert "backup" in message  # where to go from here
    assert damaged.read_bytes() == before
    wal = Path(f"{damaged}-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # nothing was written


@pytest.mark.parametrize("command", [["demo"], ["report", "--demo", "--out", "r.pdf"]])
def test_commands_refuse_a_damaged_database_with_exit_2(
    damaged: Path, command: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    before = damaged.read_bytes()
    if command[0] == "report":
        command[-1] = str(tmp_path / "r.pdf")
    assert cli.run(["--data-dir", str(damaged.parent), *command]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "damage" in err and "Traceback" not in err
    assert damaged.read_bytes() == before


def test_the_refusal_names_the_newest_valid_backup_only(damaged: Path, head_template: Path) -> None:
    folder = damaged.parent / "backups"
    folder.mkdir()
    good = folder / "qclinic-20260101T000000Z-rev0001.sqlite"
    good.write_bytes(head_template.read_bytes())
    (folder / "qclinic-20260201T000000Z-rev0001.sqlite").write_bytes(b"")  # a failed copy
    broken = folder / "qclinic-20260301T000000Z-rev0001.sqlite"
    broken.write_bytes(head_template.read_bytes()[:8192])  # cut short
    with pytest.raises(DatabaseRefused) as refused:
        open_database(damaged)
    assert str(good) in str(refused.value)
    assert "20260201" not in str(refused.value) and "20260301" not in str(refused.value)


def test_without_any_valid_backup_the_refusal_says_so(damaged: Path) -> None:
    with pytest.raises(DatabaseRefused, match="no valid automatic backup"):
        open_database(damaged)


def test_the_start_up_check_stops_at_its_budget_and_reports_it(db: Database) -> None:
    db.dispose()
    with closing(sqlite3.connect(db.path)) as connection, connection:
        connection.execute("CREATE TABLE bulk (id INTEGER PRIMARY KEY, text TEXT)")
        connection.executemany(  # ~100 MB: a whole check takes ~100 ms, far beyond 1 ms
            "INSERT INTO bulk (text) VALUES (?)", ((f"{i:08d}" * 100,) for i in range(120_000))
        )
    assert quick_check(db.path) is True
    # The budget is a timer thread interrupting SQLite; on a loaded machine the thread may not run
    # before a ~100 ms check is over, so the budget gets a few chances (a check that finished first is not wrong).
    assert any(quick_check(db.path, budget_ms=1) is False for _ in range(5))  # "not checked yet"

    def opened_unchecked() -> bool:
        opened = open_database(db.path, check_budget_ms=1)
        try:
            return opened.integrity_checked is False
        finally:
            opened.dispose()

    assert any(opened_unchecked() for _ in range(5))
    opened = open_database(db.path)
    try:
        assert opened.integrity_checked is True
    finally:
        opened.dispose()


@pytest.fixture
def rev_0001_copy(db_path: Path) -> Path:
    import shutil

    shutil.copyfile(FIXTURES / "db_rev_0001.sqlite", db_path)
    return db_path


class _FullDisk:
    """A read-only source whose backup step fails the way a full disk does (SQLITE_FULL)."""

    def __init__(self, path: Path) -> None:
        self._connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)

    def backup(self, _target: sqlite3.Connection) -> None:
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorname = "SQLITE_FULL"  # type: ignore[attr-defined]
        raise error

    def close(self) -> None:
        self._connection.close()


def test_disk_full_during_the_backup_is_told_and_leaves_no_partial_copy(
    rev_0001_copy: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = rev_0001_copy.read_bytes()
    monkeypatch.setattr(backups, "_read_only", _FullDisk)
    with pytest.raises(DatabaseFull, match="disk is full"):
        open_database(rev_0001_copy)
    assert list((data_dir / "backups").iterdir()) == []
    assert rev_0001_copy.read_bytes() == before


def test_disk_full_on_a_real_small_filesystem(rev_0001_copy: Path, data_dir: Path) -> None:
    """The same on a 64 KiB tmpfs mounted as the backups folder (needs root; skipped otherwise)."""
    folder = data_dir / "backups"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        before = rev_0001_copy.read_bytes()
        assert len(before) > 64 * 1024
        with pytest.raises(DatabaseFull, match="disk is full"):
            open_database(rev_0001_copy)
        assert list(folder.iterdir()) == []
        assert rev_0001_copy.read_bytes() == before
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_database_in_a_folder_yet_to_be_made_is_created(tmp_path: Path) -> None:
    path = tmp_path / "new" / "deeper" / "qclinic.sqlite"
    opened = open_database(path, attachments_dir=tmp_path / "attachments")
    try:
        assert not opened.read_only and path.exists()
    finally:
        opened.dispose()
