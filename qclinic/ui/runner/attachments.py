"""Evidence on a question card: thumbnails, and the ways to add files (dialog, drop, paste)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QAction, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qclinic.ui.icons import icon_pixmap
from qclinic.ui.runner.evidence_tiles import Evidence, Tile, tiles

__all__ = ["AnalysisTile", "AttachmentStrip", "Evidence", "files_from_mime", "thumbnail"]

THUMB = 72
CHART_THUMB = 150  # an analysis tile's chart: wide enough to read the chart's shape
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff", ".heic"}


def thumbnail(data: bytes, size: int = THUMB) -> QPixmap:
    """A thumbnail of image *data*, turned upright from its EXIF orientation (null if no image)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    original = reader.size()
    if original.isValid() and max(original.width(), original.height()) > size * 4:
        # let the decoder downscale large photos: far cheaper than decoding every pixel
        reader.setScaledSize(
            original.scaled(size * 2, size * 2, Qt.AspectRatioMode.KeepAspectRatio)
        )
    image = reader.read()
    if image.isNull():
        return QPixmap()
    return QPixmap.fromImage(image).scaled(
        QSize(size, size),
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def png_bytes(image: QImage) -> bytes:
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(array.data())


def files_from_paths(paths: list[str]) -> list[tuple[bytes, str]]:
    """The (bytes, file name) of each readable file; the path the file dialog and drops share."""
    out = []
    for name in paths:
        path = Path(name)
        if path.is_file():
            out.append((path.read_bytes(), path.name))
    return out


def files_from_mime(mime: QMimeData) -> list[tuple[bytes, str]]:
    """Files or an image carried by a drop or the clipboard."""
    if mime.hasUrls():
        local = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
        files = files_from_paths(local)
        if files:
            return files
    if mime.hasImage():
        image = QImage(mime.imageData())
        if not image.isNull():
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            return [(png_bytes(image), f"pasted-{stamp}.png")]
    return []


class AttachmentStrip(QWidget):
    """Thumbnails of a card's evidence with an "Add…" button."""

    files_added = Signal(list)  # [(bytes, file name)]
    remove_requested = Signal(str)  # attachment id

    def __init__(self) -> None:
        super().__init__()
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(6)
        self.add_button = QPushButton(self.tr("Add photo or file…"))
        self.add_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.add_button.setToolTip(
            self.tr("Or drop files on the card, or paste an image with Ctrl+V")
        )
        self.add_button.clicked.connect(self.on_add_clicked)
        self.row.addWidget(self.add_button)
        self.row.addStretch(1)
        self.thumbs: list[QLabel | AnalysisTile] = []

    def show_evidence(self, items: list[Evidence]) -> None:
        for label in self.thumbs:
            self.row.removeWidget(label)
            label.deleteLater()
        self.thumbs = []
        for position, tile in enumerate(tiles(items)):
            widget = AnalysisTile(tile) if tile.figures else self._file_tile(tile)
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            remove = QAction(self.tr("Remove"), widget)
            remove.triggered.connect(lambda _=False, ids=tile.ids: self._remove(ids))
            widget.addAction(remove)
            self.row.insertWidget(position, widget)
            self.thumbs.append(widget)

    def _file_tile(self, tile: Tile) -> QLabel:
        label = QLabel()
        label.setObjectName("thumbnail")
        label.setToolTip(tile.name)  # the full name: the tile may show it elided
        if tile.missing:  # pulled before its bytes: marked, filled in when they arrive
            label.setProperty("incomplete", True)
            label.setPixmap(icon_pixmap("incomplete", label))
            label.setFixedSize(THUMB, THUMB)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setToolTip(
                self.tr("%1\nNot on this computer yet: it arrives with the next sync.").replace(
                    "%1", tile.name
                )
            )
            return label
        pixmap = thumbnail(tile.image) if tile.image else QPixmap()
        if pixmap.isNull():
            label.setText(_short(tile.name))
            label.setFixedHeight(THUMB)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        else:
            label.setPixmap(pixmap)
        return label

    def _remove(self, ids: tuple[str, ...]) -> None:
        for attachment_id in ids:  # a chart and its analysis go together
            self.remove_requested.emit(attachment_id)

    def add_paths(self, paths: list[str]) -> None:
        files = files_from_paths(paths)
        if files:
            self.files_added.emit(files)

    def paste(self) -> bool:
        """Attach what the clipboard holds (an image or copied files); whether anything was."""
        files = files_from_mime(QApplication.clipboard().mimeData())
        if files:
            self.files_added.emit(files)
        return bool(files)

    def on_add_clicked(self) -> None:
        images = " ".join(f"*{s}" for s in sorted(IMAGE_SUFFIXES))
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Attach evidence"),
            "",
            self.tr("Images (%1);;All files (*)").replace("%1", images),
        )
        self.add_paths(paths)


def _short(name: str) -> str:
    return name if len(name) <= 14 else name[:6] + "…" + name[-6:]


class AnalysisTile(QFrame):
    """An SPC/MSA analysis on the card: its chart with the key figures under it."""

    def __init__(self, tile: Tile) -> None:
        super().__init__()
        self.setObjectName("analysisTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.tile = tile
        self.image = QLabel()
        self.image.setObjectName("thumbnail")
        pixmap = thumbnail(tile.image, CHART_THUMB) if tile.image else QPixmap()
        if not pixmap.isNull():
            self.image.setPixmap(pixmap)
        self.image.setVisible(not pixmap.isNull())
        self.figures = QLabel(tile.figures)
        self.figures.setObjectName("hint")
        self.figures.setWordWrap(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.image, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.figures)
        self.setToolTip(f"{tile.figures}\n{tile.name}")

    def pixmap(self) -> QPixmap:
        return self.image.pixmap()
