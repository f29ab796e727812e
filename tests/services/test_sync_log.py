"""The sync log (qclinic/services/sync_log.py): newest first, both languages kept, rotated."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from qclinic.core.text import Text
from qclinic.services.sync_log import KEEP, SyncLog


def test_entries_come_newest_first_in_both_languages(tmp_path: Path) -> None:
    log = SyncLog(tmp_path)
    start = datetime(2026, 11, 26, 14, 2, tzinfo=UTC)
    for number in range(3):
        log.append(
            "sent",
            Text(f"上传 {number}", f"sent {number}"),
            {"changes": number},
            at=start + timedelta(minutes=number),
        )
    entries = log.entries()
    assert [e.counts["changes"] for e in entries] == [2, 1, 0]
    assert entries[0].message == Text("上传 2", "sent 2")
    assert entries[0].at == start + timedelta(minutes=2)
    assert log.entries(limit=2)[-1].counts == {"changes": 1}


def test_a_full_log_is_rotated_and_the_oldest_dropped(tmp_path: Path) -> None:
    log = SyncLog(tmp_path, max_bytes=400)
    written = 60
    for number in range(written):
        log.append("received", Text(f"收到 {number}", f"received {number}"), {"rows": number})
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["sync-log.1.jsonl", "sync-log.2.jsonl", "sync-log.jsonl"][: KEEP + 1]
    assert all(p.stat().st_size < 400 + 200 for p in tmp_path.iterdir())
    rows = [e.counts["rows"] for e in log.entries()]
    # newest first, no gap, the oldest ones gone with the third file
    assert rows[0] == written - 1
    assert rows == list(range(written - 1, written - 1 - len(rows), -1))
    assert len(rows) < written


def test_a_damaged_line_is_skipped(tmp_path: Path) -> None:
    log = SyncLog(tmp_path)
    log.append("error", Text("错误", "error"))
    with log.path.open("a", encoding="utf-8") as handle:
        handle.write("{not json\n")
    log.append("sync", Text("同步", "sync"))
    assert [e.direction for e in log.entries()] == ["sync", "error"]
