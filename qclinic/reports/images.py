"""Pictures for the PDF: photos and charts downsampled to their printed size at 300 dpi.

A phone photo is often 4000 px wide; printed as a 60 mm thumbnail it needs ~700 px. Embedding the
original would make the PDF huge and slow, upscaling would blur: each image is rotated as its EXIF
says (``ImageOps.exif_transpose``), shrunk with Lanczos to at most 300 dpi at the size it is
printed, and stored as JPEG (photos) or PNG (charts, drawings, anything with transparency).
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image

DPI = 300
_ORIENTATION = 0x0112
POINTS_PER_INCH = 72


@dataclass(frozen=True)
class Picture:
    """An image ready to draw: its (downsampled) bytes and its printed size in points."""

    data: bytes
    width: float
    height: float

    def flowable(self) -> Image:
        """A Platypus image of this picture at its printed size."""
        return Image(io.BytesIO(self.data), self.width, self.height)

    @property
    def reader(self) -> ImageReader:
        """For drawing straight on a canvas."""
        return ImageReader(io.BytesIO(self.data))


def fit(pixel_w: int, pixel_h: int, max_w: float, max_h: float) -> tuple[float, float]:
    """The printed size (points) of a *pixel_w*×*pixel_h* image fitted into max_w×max_h."""
    scale = min(max_w / pixel_w, max_h / pixel_h)
    return pixel_w * scale, pixel_h * scale


@functools.lru_cache(maxsize=256)
def _prepare(data: bytes, max_w: float, max_h: float) -> tuple[bytes, float, float] | None:
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as opened:
            orientation = opened.getexif().get(_ORIENTATION, 1)
            quarter_turn = orientation in (5, 6, 7, 8)
            shown_w, shown_h = (opened.height, opened.width) if quarter_turn else opened.size
            width, height = fit(shown_w, shown_h, max_w, max_h)
            target = (
                max(1, round(width / POINTS_PER_INCH * DPI)),
                max(1, round(height / POINTS_PER_INCH * DPI)),
            )
            # JPEG: decode at 1/2, 1/4 or 1/8 scale straight away (much faster than decoding a
            # 12-megapixel photo and shrinking it), never below the size it is printed at.
            raw_target = (target[1], target[0]) if quarter_turn else target
            opened.draft("RGB", raw_target)
            image = ImageOps.exif_transpose(opened)
            image.load()
    except (UnidentifiedImageError, OSError, ValueError):
        return None
    if target[0] < image.width:
        image = image.resize(target, Image.Resampling.LANCZOS, reducing_gap=2.0)
    out = io.BytesIO()
    if image.mode in ("RGBA", "LA", "P") or "transparency" in image.info:
        # Charts and drawings: flatten onto white (nothing shows through on paper) and keep PNG.
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        flat.save(out, "PNG", compress_level=1)
    elif image.mode in ("1", "L") and image.format == "PNG":
        image.save(out, "PNG", compress_level=1)
    else:
        image.convert("RGB").save(out, "JPEG", quality=88)
    return out.getvalue(), width, height


def picture(data: bytes, max_w: float, max_h: float) -> Picture | None:
    """*data* (any Pillow-readable image) prepared to print within max_w×max_h points.

    Returns ``None`` when the bytes are not a readable image.
    """
    prepared = _prepare(data, round(max_w, 2), round(max_h, 2))
    if prepared is None:
        return None
    raw, width, height = prepared
    return Picture(raw, width, height)


def loader(read_blob: Callable[[str], bytes]) -> Callable[[str, float, float], Picture | None]:
    """A function (sha256, max_w, max_h) → :class:`Picture` reading blobs with *read_blob*."""

    def load(sha256: str, max_w: float, max_h: float) -> Picture | None:
        try:
            data = read_blob(sha256)
        except (OSError, ValueError):
            return None
        return picture(data, max_w, max_h)

    return load
