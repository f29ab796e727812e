"""Pictures for the PDF: photos and charts downsampled to their printed size at 300 dpi.

A phone photo is often 4000 px wide; printed as a 60 mm thumbnail it needs ~700 px. Embedding the
original would make the PDF huge and slow, upscaling would blur: each image is rotated as its EXIF
says (``ImageOps.exif_transpose``), shrunk with Lanczos to at most 300 dpi at the size it is
printed, and stored as JPEG (photos) or PNG (charts, drawings, anything with transparency).

A picture too big to decode safely (a 200-megapixel photo, or a small PNG that inflates to
20000×20000 — Pillow's decompression-bomb guard) is not decoded: it prints as a framed note saying
why, so one photo never stops a report.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image

DPI = 300
_ORIENTATION = 0x0112
POINTS_PER_INCH = 72
#: Images that cannot be decoded at a reduced scale (all but JPEG) and have more pixels than this
#: are not decoded: 64 megapixels is ~200 MB as RGB, more than a report should ever hold at once.
MAX_FULL_DECODE_PIXELS = 64_000_000


@dataclass(frozen=True)
class Picture:
    """An image ready to draw: its (downsampled) bytes and its printed size in points."""

    data: bytes
    width: float
    height: float
    #: Not printable: the image's pixel count (too large to decode; 0 if unknown); no ``data``.
    too_large: int | None = None

    def flowable(self, lang: str = "en") -> Flowable:
        """A Platypus image of this picture at its printed size (a framed note if unprintable)."""
        if self.too_large is None:
            return Image(io.BytesIO(self.data), self.width, self.height)
        from reportlab.platypus import Table, TableStyle

        from qclinic.reports.i18n import t
        from qclinic.reports.sections import para
        from qclinic.reports.styles import RULE, styles

        text = t("picture_too_large", lang, megapixels=round(self.too_large / 1e6))
        note = Table([[para(text, styles(lang).muted)]], colWidths=[self.width])
        note.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.5, RULE)]))
        return note

    @property
    def reader(self) -> ImageReader:
        """For drawing straight on a canvas."""
        return ImageReader(io.BytesIO(self.data))


def fit(pixel_w: int, pixel_h: int, max_w: float, max_h: float) -> tuple[float, float]:
    """The printed size (points) of a *pixel_w*×*pixel_h* image fitted into max_w×max_h."""
    scale = min(max_w / pixel_w, max_h / pixel_h)
    return pixel_w * scale, pixel_h * scale


@functools.lru_cache(maxsize=256)
def _prepare(data: bytes, max_w: float, max_h: float) -> Picture | None:
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as opened:
            pixels = opened.width * opened.height
            if opened.format != "JPEG" and pixels > MAX_FULL_DECODE_PIXELS:
                return _too_large(pixels, max_w, max_h)
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
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        # Raised by Image.open itself (beyond twice Image.MAX_IMAGE_PIXELS; the warning too where
        # warnings are errors), before the size is known to us; the message names the pixels.
        found = re.search(r"\((\d+) pixels\)", str(error))
        return _too_large(int(found.group(1)) if found else 0, max_w, max_h)
    except (UnidentifiedImageError, OSError, ValueError, MemoryError):
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
    return Picture(out.getvalue(), width, height)


def _too_large(pixels: int, max_w: float, max_h: float) -> Picture:
    """The stand-in for an image too large to decode: a note of the space it would have taken."""
    return Picture(b"", max_w, max_h, too_large=pixels)


def picture(data: bytes, max_w: float, max_h: float) -> Picture | None:
    """*data* (any Pillow-readable image) prepared to print within max_w×max_h points.

    Returns ``None`` when the bytes are not a readable image, and a picture whose ``too_large``
    is set (printed as a note) when it is too large to decode safely.
    """
    return _prepare(data, round(max_w, 2), round(max_h, 2))


def loader(read_blob: Callable[[str], bytes]) -> Callable[[str, float, float], Picture | None]:
    """A function (sha256, max_w, max_h) → :class:`Picture` reading blobs with *read_blob*."""

    def load(sha256: str, max_w: float, max_h: float) -> Picture | None:
        try:
            data = read_blob(sha256)
        except (OSError, ValueError):
            return None
        return picture(data, max_w, max_h)

    return load
