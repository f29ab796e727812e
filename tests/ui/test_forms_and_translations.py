"""Generated forms match their Designer sources; translations are complete and keep placeholders."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from qclinic import devtools

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "qclinic_zh_CN.ts"
PLACEHOLDER = re.compile(r"%\d+|%n|\{[^}]*\}")


@pytest.mark.parametrize("ui_file", sorted((ROOT / "forms").glob("*.ui")), ids=lambda p: p.name)
def test_generated_form_is_up_to_date(ui_file: Path) -> None:
    generated = devtools.generated_path(ui_file)
    assert generated.exists(), f"run: python -m qclinic.devtools forms ({generated} missing)"
    assert generated.read_text(encoding="utf-8") == devtools.compile_form(ui_file), (
        f"{generated.name} differs from {ui_file.name}: run python -m qclinic.devtools forms"
    )


def _messages() -> list[tuple[str, str, str | None]]:
    tree = ET.parse(TS)
    out = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            state = translation.get("type") if translation is not None else "unfinished"
            text = translation.text if translation is not None and state is None else None
            if text is not None and message.get("numerus") == "yes":  # one form per plural
                text = "".join(form.text or "" for form in translation.iter("numerusform"))
            out.append((name, message.findtext("source") or "", text))
    return out


def test_every_string_is_translated() -> None:
    missing = [(c, s) for c, s, t in _messages() if not t]
    assert not missing, f"{len(missing)} untranslated, e.g. {missing[:5]}"


def test_translations_keep_their_placeholders() -> None:
    for context, source, text in _messages():
        if text:
            assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), (
                context,
                source,
                text,
            )


def test_compiled_translation_matches_its_source(tmp_path: Path) -> None:
    import subprocess

    fresh = tmp_path / "fresh.qm"
    subprocess.run(
        [devtools._tool("lrelease"), str(TS), "-qm", str(fresh)], check=True, capture_output=True
    )
    assert fresh.read_bytes() == TS.with_suffix(".qm").read_bytes(), (
        "resources/translations/qclinic_zh_CN.qm is stale: run python -m qclinic.devtools translations"
    )
