"""SettingsService: an update writes the file atomically, keeps the other fields, and announces
the fields that changed; a refusal writes and announces nothing."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from qclinic import settings as stored
from qclinic.core.catalogue import keys, text
from qclinic.errors import UserError
from qclinic.services import Services


def _on_disk() -> dict[str, object]:
    return json.loads(stored.settings_path().read_text(encoding="utf-8"))


def test_update_writes_the_named_fields_and_keeps_the_others(
    services: Services, events, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    stored.save(stored.Settings(last_page="plan", consultant_name="李强"))
    dialog = object()

    written = services.settings.update(
        language="en", issuing_body="赣州市市场监管局", source=dialog
    )

    assert written.language == "en" and written.last_page == "plan"
    disk = _on_disk()
    assert disk["language"] == "en" and disk["issuing_body"] == "赣州市市场监管局"
    assert disk["last_page"] == "plan" and disk["consultant_name"] == "李强"
    assert [(e.entity, set(e.ids)) for e in events] == [("settings", {"language", "issuing_body"})]
    assert events[0].made_by(dialog)
    assert services.settings.current() == written


def test_an_update_that_changes_nothing_writes_and_announces_nothing(
    services: Services, events, data_dir: Path
) -> None:
    services.settings.update(report_language="en")
    before = stored.settings_path().stat().st_mtime_ns
    events.clear()
    services.settings.update(report_language="en")
    services.settings.remember_page("dashboard")  # the default (the home page): no change
    assert events == []
    assert stored.settings_path().stat().st_mtime_ns == before


def test_remember_page_writes_without_an_announcement(services: Services, events) -> None:
    """The page the user is on is not their work: no event, so no "Saved" in the status bar."""
    services.settings.update(issuing_body="甲")
    events.clear()
    services.settings.remember_page("library")
    assert services.settings.current().last_page == "library"
    assert _on_disk()["issuing_body"] == "甲"
    assert events == []


def test_an_unknown_field_is_refused(services: Services, events) -> None:
    with pytest.raises(UserError) as refused:
        services.settings.update(colour="blue")
    assert refused.value.text == text("settings.unknown_setting", name="colour")
    assert "colour" in refused.value.message("zh") and "colour" in refused.value.message("en")
    assert events == []
    assert not stored.settings_path().exists()


def test_a_file_that_cannot_be_written_is_refused_with_a_message(
    services: Services, events, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.settings.update(issuing_body="甲")
    events.clear()

    def disk_full(_settings: stored.Settings) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(stored, "save", disk_full)
    with pytest.raises(UserError) as refused:
        services.settings.update(issuing_body="乙")
    services.settings.remember_page("plan")  # a convenience: it fails silently
    assert "settings.save_failed" in keys()
    assert refused.value.message("zh").startswith("设置未能保存")
    assert refused.value.message("en").startswith("Could not save the settings")
    assert os.strerror(errno.ENOSPC) in refused.value.message("en")
    assert events == []
    assert _on_disk()["issuing_body"] == "甲"


def test_adopt_logo_copies_into_the_data_folder(
    services: Services, data_dir: Path, tmp_path: Path
) -> None:
    original = tmp_path / "Logo.PNG"
    original.write_bytes(b"\x89PNG not really")
    adopted = services.settings.adopt_logo(original)
    assert adopted == data_dir / "report-logo.png"
    assert adopted.read_bytes() == original.read_bytes()
    assert services.settings.adopt_logo(adopted) == adopted  # already there: kept as it is
    second = tmp_path / "other.jpg"
    second.write_bytes(b"jpeg")
    assert services.settings.adopt_logo(second) == data_dir / "report-logo.jpg"
    assert not adopted.exists()  # the previous copy is removed


def test_a_logo_that_cannot_be_copied_is_refused(services: Services, tmp_path: Path) -> None:
    with pytest.raises(UserError) as refused:
        services.settings.adopt_logo(tmp_path / "missing.png")
    assert refused.value.message("zh").startswith("无法复制徽标文件")
    assert refused.value.message("en").startswith("Could not copy the logo")
