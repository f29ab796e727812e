"""Missing X11 libraries of Qt's xcb plugin are named with their packages, not Qt's abort."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from qclinic import system_libs
from qclinic.errors import UserError

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")

ABSENT = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}  # what a fresh Debian 12 desktop lacks


def _fake_loader(absent: set[str]):
    def load(name: str) -> object:
        if name.endswith("libqxcb.so") and absent:
            first = sorted(absent)[0]
            raise OSError(f"{first}: cannot open shared object file: No such file or directory")
        if name in absent:
            raise OSError(f"{name}: cannot open shared object file")
        return object()

    return load


def test_every_missing_library_is_named_with_its_package(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setattr(system_libs, "xcb_plugin", lambda: Path("/qt/platforms/libqxcb.so"))
    with pytest.raises(UserError) as refused:
        system_libs.check_qt_platform(_fake_loader(ABSENT))
    message = str(refused.value)
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in message
    assert "libxcb-cursor0" not in message  # what Qt's own message wrongly names
    system_libs.check_qt_platform(_fake_loader(set()))  # all there: no complaint


def test_an_unknown_missing_library_is_still_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setattr(system_libs, "xcb_plugin", lambda: Path("/qt/platforms/libqxcb.so"))
    with pytest.raises(UserError, match=re.escape("libfuture-xcb.so.7")):
        system_libs.check_qt_platform(_fake_loader({"libfuture-xcb.so.7"}))


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"QT_QPA_PLATFORM": "offscreen"}, False),
        ({"QT_QPA_PLATFORM": "xcb"}, True),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, False),
        ({"DISPLAY": ":0"}, True),
        ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, False),
    ],
)
def test_only_an_x11_start_is_checked(environ: dict[str, str], expected: bool) -> None:
    assert system_libs.uses_xcb(environ) is expected


def test_the_app_names_the_packages_on_this_machine(data_dir: Path) -> None:
    plugin = system_libs.xcb_plugin()
    if plugin is None:
        pytest.skip("PySide6 has no xcb plugin here")
    missing = system_libs.missing_libraries(plugin)
    if not missing:
        pytest.skip("every library of the xcb plugin is installed here")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.pop("XDG_SESSION_TYPE", None)
    app = subprocess.run(
        [sys.executable, "-m", "qclinic", "--data-dir", str(data_dir), "--quit-after-start"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert app.returncode == 2, app.stderr  # not Qt's abort (134)
    assert "Traceback" not in app.stderr
    for soname in missing:
        assert system_libs.XCB_PACKAGES[soname] in app.stderr
