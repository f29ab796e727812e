"""Render resources/icons/qclinic.svg into the PNG, ICO and ICNS files the installers use.

    PYTHONPATH=$PWD python installer/make_icons.py

Qt's SVG renderer draws each size (so small sizes are drawn, not scaled down), Pillow writes the
Windows ICO and the macOS ICNS. The outputs are checked in; run this after changing the SVG.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "qclinic.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(size: int) -> bytes:
    """The icon as a PNG of *size* × *size* pixels."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])  # noqa: F841  (QImage text and fonts need it)
    images = {size: Image.open(io.BytesIO(render(size))).convert("RGBA") for size in PNG_SIZES}
    (ICONS / "qclinic.png").write_bytes(render(256))
    for size in (48, 128):
        (ICONS / f"qclinic-{size}.png").write_bytes(render(size))
    images[256].save(
        ICONS / "qclinic.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != 256],
    )
    images[512].save(
        ICONS / "qclinic.icns", append_images=[images[s] for s in (16, 32, 64, 128, 256)]
    )
    for path in sorted(ICONS.iterdir()):
        print(f"{path.relative_to(ICONS.parent.parent)}  {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
