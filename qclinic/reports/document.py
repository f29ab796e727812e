"""The page machinery shared by the report and the plan: one pass, no multiBuild.

* :class:`ReportCanvas` keeps every finished page until ``save()``, then draws what needs the
  page count: the footer (document id, data SHA-256, "x / y") and the table-of-contents page
  numbers, with their links. So the document is laid out once, not two or three times.
* :class:`Heading` is a paragraph that, when drawn, leaves a named destination, an outline
  (bookmark) entry and its page number for the contents.
* :class:`Contents` reserves the contents on its page and records where its numbers go.
* Until the assessment is signed each page starts with a faint DRAFT / 草稿 watermark, under the
  content.
* The PDF metadata carries title, author, subject, creator "QClinic", and custom keys
  ``/QClinicDocumentId``, ``/QClinicDataSHA256``, ``/QClinicAssessmentId``, ``/QClinicKind`` and,
  for a signed assessment, ``/QClinicSealSHA256`` (also printed, shortened, in the footer); a chain
  report has ``/QClinicChainId`` instead of the assessment id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reportlab import rl_config
from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfdoc import PDFDate, PDFDictionary, PDFInfo, PDFName, PDFString
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from qclinic.reports import fonts
from qclinic.reports.i18n import t
from qclinic.reports.styles import (
    ACCENT,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
)

# Streams are Flate-compressed only: ASCII85 on top makes them 25 % larger and, without
# reportlab's C accelerator, encoding a page of photos in pure Python takes seconds.
rl_config.useA85 = 0

META_DOCUMENT_ID = "/QClinicDocumentId"
META_HASH = "/QClinicDataSHA256"
META_ASSESSMENT = "/QClinicAssessmentId"
META_KIND = "/QClinicKind"
META_SEAL = "/QClinicSealSHA256"  # only on a signed assessment's documents
META_CHAIN = "/QClinicChainId"  # a chain report's chain, instead of an assessment


@dataclass
class PageInfo:
    """What the page decorations print; shared by the templates and the canvas."""

    lang: str
    title: str
    organization: str
    document_id: str
    data_hash: str
    assessment_id: str
    kind: str  # "report", "plan" or "chain"
    draft: bool
    subject: str = ""
    seal: str = ""  # the signed assessment's seal (qclinic.storage.seal); "" when not signed
    author: str = "QClinic"
    today: date | None = None  # the printing day, for "overdue" marks (not part of the hash)
    chain_id: str = ""  # a chain report's chain ("" for an assessment's documents)
    headings: dict[str, int] = field(default_factory=dict)  # destination key → page number
    toc_slots: list[tuple[int, float, float, float, str]] = field(default_factory=list)


class _Info(PDFInfo):
    """Document info with QClinic's own keys besides the standard ones."""

    extra: dict[str, str]

    def format(self, document: Any) -> bytes:
        entries: dict[str, Any] = {
            "Title": PDFString(self.title),
            "Author": PDFString(self.author),
            "Subject": PDFString(self.subject),
            "Keywords": PDFString(self.keywords),
            "Creator": PDFString(self.creator),
            "Producer": PDFString(self.producer),
            "Trapped": PDFName(self.trapped),
        }
        entries["CreationDate"] = entries["ModDate"] = PDFDate(ts=document._timeStamp)
        for key, value in self.extra.items():
            entries[key.lstrip("/")] = PDFString(value)
        formatted: bytes = PDFDictionary(entries).format(document)
        return formatted


def canvas_class(info: PageInfo) -> type[Canvas]:
    """A canvas class that decorates pages with *info* when the page count is known."""

    class ReportCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["initialFontName"] = fonts.LATIN  # never the unembedded Helvetica
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            meta = _Info()
            meta.extra = {META_DOCUMENT_ID: info.document_id, META_HASH: info.data_hash}
            if info.chain_id:
                meta.extra[META_CHAIN] = info.chain_id
            else:
                meta.extra[META_ASSESSMENT] = info.assessment_id
            meta.extra[META_KIND] = info.kind
            if info.seal:
                meta.extra[META_SEAL] = info.seal
            self._doc.info = meta
            self.setTitle(f"{info.title} — {info.organization}")
            self.setAuthor(info.author)
            self.setSubject(info.subject)
            self.setCreator("QClinic")
            self.setKeywords(f"{info.document_id} sha256:{info.data_hash}")
            self.qclinic = info

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                _footer(self, info, number, total)
                _toc_numbers(self, info, number)
                Canvas.showPage(self)
            self.showOutline()
            Canvas.save(self)

    return ReportCanvas


def _footer(canvas: Canvas, info: PageInfo, number: int, total: int) -> None:
    canvas.saveState()
    y = MARGIN_BOTTOM - 9 * 2.8346
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, y + 10, PAGE_WIDTH - MARGIN_X, y + 10)
    canvas.setFillColor(MUTED)
    left = f"{t('document_id', info.lang)} {info.document_id}"
    fonts.draw_string(canvas, MARGIN_X, y, left, 7)
    label = f"{t('data_hash', info.lang)} "
    fonts.draw_string(canvas, MARGIN_X, y - 9, label, 6.5)
    canvas.setFont(fonts.MONO, 6.2)
    canvas.drawString(MARGIN_X + fonts.string_width(label, 6.5), y - 9, info.data_hash)
    if info.seal:  # the seal's first 16 digits: enough to compare a copy with the database
        canvas.setFont(fonts.MONO, 6.2)
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, y - 9, info.seal[:16])
        seal_label = f"{t('seal', info.lang)} "
        seal_x = PAGE_WIDTH - MARGIN_X - canvas.stringWidth(info.seal[:16], fonts.MONO, 6.2)
        fonts.draw_string(canvas, seal_x, y - 9, seal_label, 6.5, anchor="right")
    page = t("page", info.lang, page=number, total=total)
    fonts.draw_string(canvas, PAGE_WIDTH - MARGIN_X, y, page, 8, anchor="right")
    canvas.restoreState()


def _toc_numbers(canvas: Canvas, info: PageInfo, number: int) -> None:
    for page, x, y, width, key in info.toc_slots:
        if page != number or key not in info.headings:
            continue
        target = str(info.headings[key])
        canvas.setFont(fonts.LATIN, 10)
        canvas.setFillColor(ACCENT)
        canvas.drawRightString(x + width, y, target)
        canvas.linkRect("", key, (x, y - 4, x + width, y + 12), relative=0, thickness=0)


def _header(canvas: Canvas, info: PageInfo) -> None:
    canvas.saveState()
    y = PAGE_HEIGHT - MARGIN_TOP + 8 * 2.8346
    canvas.setFillColor(MUTED)
    fonts.draw_string(canvas, MARGIN_X, y, f"{info.organization}  ·  {info.title}", 8)
    fonts.draw_string(canvas, PAGE_WIDTH - MARGIN_X, y, info.subject, 8, anchor="right")
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, y - 4, PAGE_WIDTH - MARGIN_X, y - 4)
    canvas.restoreState()


def _watermark(canvas: Canvas, info: PageInfo) -> None:
    if not info.draft:
        return
    canvas.saveState()
    canvas.setFillColor(Color(0.75, 0.1, 0.1, alpha=0.09))
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(40)
    text = f"{t('draft', 'zh')} DRAFT"
    fonts.draw_string(canvas, 0, -30, text, 96, bold=True, anchor="centre")
    canvas.restoreState()


def make_document(path: Any, info: PageInfo) -> BaseDocTemplate:
    """A two-template document (cover without header, then body pages) for *info*."""

    def cover_page(canvas: Canvas, _doc: Any) -> None:
        _watermark(canvas, info)

    def body_page(canvas: Canvas, _doc: Any) -> None:
        _watermark(canvas, info)
        _header(canvas, info)

    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        PAGE_WIDTH - 2 * MARGIN_X,
        PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    document = BaseDocTemplate(
        str(path),
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        title=f"{info.title} — {info.organization}",
        author=info.author,
        subject=info.subject,
        creator="QClinic",
        pageTemplates=[
            PageTemplate("cover", [frame], onPage=cover_page),
            PageTemplate("body", [frame], onPage=body_page),
        ],
    )
    return document


class Heading(Paragraph):
    """A heading that is also a bookmark, an outline entry and a contents target."""

    def __init__(self, text: str, style: Any, key: str, level: int, info: PageInfo) -> None:
        super().__init__(fonts.markup(text), style)
        self.plain = text
        self.key = key
        self.level = level
        self.info = info

    def draw(self) -> None:
        canvas = self.canv
        canvas.bookmarkPage(self.key)
        canvas.addOutlineEntry(self.plain, self.key, self.level, closed=self.level > 0)
        self.info.headings[self.key] = canvas.getPageNumber()
        super().draw()


class Contents(Flowable):
    """The table of contents: titles now, page numbers and links when the document is saved."""

    def __init__(self, entries: list[tuple[str, int, str]], info: PageInfo, style: Any) -> None:
        super().__init__()
        self.entries = entries  # (key, level, text)
        self.info = info
        self.style = style
        self.line = style.leading

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.line * len(self.entries)

    def draw(self) -> None:
        canvas = self.canv
        page = canvas.getPageNumber()
        number_width = 28.0
        y = self.line * len(self.entries) - self.line + 5
        for key, level, text in self.entries:
            x = 14.0 * level
            size = self.style.fontSize - (1 if level else 0)
            canvas.setFillColor(ACCENT if level == 0 else Color(0.2, 0.2, 0.2))
            fonts.draw_string(canvas, x, y, text, size, bold=level == 0)
            end = fonts.string_width(text, size, level == 0) + x + 6
            canvas.setStrokeColor(RULE)
            canvas.setDash(1, 2)
            canvas.line(end, y + 2, self.width - number_width - 4, y + 2)
            canvas.setDash()
            _left, bottom = canvas.absolutePosition(x, y)
            right, _ = canvas.absolutePosition(self.width, y)
            self.info.toc_slots.append((page, right - number_width, bottom, number_width, key))
            canvas.linkRect("", key, (x, y - 4, self.width, y + self.line - 6), thickness=0)
            y -= self.line


FlowableList = list[Flowable]
Builder = Callable[[PageInfo], FlowableList]
