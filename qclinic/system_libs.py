"""Before Qt opens a window on Linux: are the system libraries of its xcb platform plugin there?

PySide6 wheels bundle Qt but not the X11 client libraries its ``xcb`` plugin links against. When
one is missing, Qt aborts with "Could not load the Qt platform plugin xcb" and names
``libxcb-cursor0`` whatever is really missing. This module loads the plugin the way Qt will
(``dlopen``) and, only if that fails, tries each library the plugin needs, so the message names
every missing library and the Debian/Ubuntu package that provides it. No Qt import; no ``ldd``.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

from qclinic.errors import UserError

#: The libraries Qt 6's xcb plugin (libqxcb.so → libQt6XcbQpa.so.6) links against, and the
#: Debian / Ubuntu packages holding them.
XCB_PACKAGES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
}

Loader = Callable[[str], object]


def _dlopen(name: str) -> object:
    import ctypes  # only for an X11 start: ~1.5 ms of import before the first paint

    return ctypes.CDLL(name)


def xcb_plugin() -> Path | None:
    """PySide6's ``libqxcb.so``, found without importing PySide6."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    plugin = Path(next(iter(spec.submodule_search_locations))) / "Qt/plugins/platforms/libqxcb.so"
    return plugin if plugin.is_file() else None


def uses_xcb(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether Qt will pick its xcb plugin: Linux, and X11 asked for or not a Wayland session."""
    if not sys.platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    return not (environ.get("WAYLAND_DISPLAY") or environ.get("XDG_SESSION_TYPE") == "wayland")


def missing_libraries(plugin: Path, load: Loader = _dlopen) -> list[str]:
    """The sonames the xcb *plugin* needs that cannot be loaded ([] when it loads)."""
    try:
        load(str(plugin))
        return []
    except OSError as error:
        first = re.match(r"([^:\s]+\.so[.\d]*): cannot open", str(error))
    missing = []
    for soname in XCB_PACKAGES:
        try:
            load(soname)
        except OSError:
            missing.append(soname)
    if first and first.group(1) not in missing and first.group(1) != plugin.name:
        missing.append(first.group(1))
    return missing


def check_qt_platform(load: Loader = _dlopen) -> None:
    """Raise a :class:`UserError` naming the packages to install if Qt's xcb plugin cannot load."""
    if not uses_xcb():
        return
    plugin = xcb_plugin()
    if plugin is None:
        return
    missing = missing_libraries(plugin, load)
    if not missing:
        return
    packages = [XCB_PACKAGES[name] for name in missing if name in XCB_PACKAGES]
    unknown = [name for name in missing if name not in XCB_PACKAGES]
    lines = [
        "Qt cannot open windows: system libraries of its X11 (xcb) plugin are missing: "
        f"{', '.join(missing)}."
    ]
    if packages:
        command = f"    sudo apt install {' '.join(packages)}"
        lines += ["On Debian / Ubuntu install them with:", command]
    if unknown:
        lines.append(f"Install {', '.join(unknown)} with your system's package manager.")
    lines.append("缺少 Qt 图形界面所需的系统库，请按上面的提示安装后再启动 QClinic。")
    raise UserError("\n".join(lines))
