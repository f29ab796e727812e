"""User settings kept as a small JSON file in the data directory (not synced).

Plain Python so the CLI, the reports and the app read the same values. Writes are atomic
(temp file + rename), so a crash never leaves a half-written settings file.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from qclinic import paths

FILE_NAME = "settings.json"


@dataclass
class Settings:
    language: str = ""  # "zh", "en", or "" to follow the system locale
    report_language: str = "zh"
    issuing_body: str = ""
    consultant_name: str = ""  # the user's own name: the lead of the teams they start
    logo_path: str = ""
    last_page: str = "dashboard"  # the home page
    last_assessment: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def settings_path() -> Path:
    return paths.data_dir() / FILE_NAME


def load() -> Settings:
    try:
        raw = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    known = {f.name for f in fields(Settings)}
    return (
        Settings(**{k: v for k, v in raw.items() if k in known})
        if isinstance(raw, dict)
        else Settings()
    )


def save(settings: Settings) -> None:
    path = settings_path()
    temp = path.with_suffix(".tmp")
    with temp.open("w", encoding="utf-8") as stream:
        json.dump(asdict(settings), stream, ensure_ascii=False, indent=2)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temp, path)
