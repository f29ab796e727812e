"""The sync log: what each sync, sign-in and bundle sent and received, and every error.

One JSON object per line in ``DATA_DIR/sync-log.jsonl`` (next to the database), each
``{"at", "direction", "counts", "message": {"zh", "en"}}``: the message is kept in both
languages, so the log reads in whatever language the interface has when it is shown. When the
file passes :data:`MAX_BYTES` it is renamed ``sync-log.1.jsonl`` (the older one to ``.2``, the
oldest dropped), so the log never grows without bound. Written by :mod:`qclinic.sync.account`
(the one writer, from whichever thread runs the sync); no Qt here.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from qclinic.core.text import Text

LOG_NAME = "sync-log.jsonl"
MAX_BYTES = 512 * 1024
KEEP = 2  # rotated files kept besides the current one

#: what an entry is about (the log dialog names each in the interface language)
DIRECTIONS = ("sent", "received", "sync", "error", "sign_in", "sign_out", "export", "import")


@dataclass(frozen=True)
class LogEntry:
    at: datetime
    direction: str
    message: Text
    counts: dict[str, int] = field(default_factory=dict)


class SyncLog:
    """Append to and read the sync log of one data folder."""

    _lock = threading.Lock()  # one lock for every instance: a worker and the UI may both write

    def __init__(self, folder: Path, max_bytes: int = MAX_BYTES) -> None:
        self.path = folder / LOG_NAME
        self._max_bytes = max_bytes

    def _rotated(self, number: int) -> Path:
        return self.path.with_name(f"{self.path.stem}.{number}{self.path.suffix}")

    def append(
        self,
        direction: str,
        message: Text,
        counts: dict[str, int] | None = None,
        *,
        at: datetime | None = None,
    ) -> LogEntry:
        """Add one entry (now, unless *at*); rotate first when the file is full."""
        entry = LogEntry(at or datetime.now(UTC), direction, message, dict(counts or {}))
        line = json.dumps(
            {
                "at": entry.at.isoformat(),
                "direction": direction,
                "counts": entry.counts,
                "message": message.as_dict(),
            },
            ensure_ascii=False,
        )
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self.path.exists() and self.path.stat().st_size >= self._max_bytes:
                self._rotate()
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(line + "\n")
        return entry

    def _rotate(self) -> None:
        self._rotated(KEEP).unlink(missing_ok=True)
        for number in range(KEEP - 1, 0, -1):
            if self._rotated(number).exists():
                self._rotated(number).replace(self._rotated(number + 1))
        self.path.replace(self._rotated(1))

    def entries(self, limit: int = 1000) -> list[LogEntry]:
        """The newest *limit* entries, newest first (a damaged line is skipped)."""
        found: list[LogEntry] = []
        with self._lock:
            files = [self.path, *(self._rotated(n) for n in range(1, KEEP + 1))]
            for path in files:
                try:
                    lines = path.read_text(encoding="utf-8").splitlines()
                except FileNotFoundError:
                    continue
                for line in reversed(lines):
                    entry = _parse(line)
                    if entry is not None:
                        found.append(entry)
                    if len(found) >= limit:
                        return found
        return found


def _parse(line: str) -> LogEntry | None:
    try:
        raw: dict[str, Any] = json.loads(line)
        message = raw["message"]
        return LogEntry(
            datetime.fromisoformat(raw["at"]),
            str(raw["direction"]),
            Text(str(message["zh"]), str(message["en"])),
            {str(k): int(v) for k, v in (raw.get("counts") or {}).items()},
        )
    except (ValueError, KeyError, TypeError):
        return None
