"""The Word (.docx) building blocks shared by the editable report and plan (python-docx, no Qt).

The .docx is the copy consultants finish in Word or WPS; the signed PDF stays the record, so the
docx carries no data hash, only "可编辑副本——以签署的PDF为准" / "Editable copy — the signed PDF
is the record" in its footer and, until the assessment is signed, "草稿" / "DRAFT" in its header.

Word and WPS pick fonts by name: every style names a Latin font (Calibri) and an East Asian one
(``w:eastAsia``: SimSun for text, SimHei for headings) and says the East Asian language is
zh-CN, so Chinese renders as Chinese type on a Chinese or an English system. Page: A4 with the
PDF's margins. Tables follow the PDF's look: a tinted header row repeated on every page, thin
rules between rows, rows allowed to split across pages.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# re-exported (as X as X): the Word modules use them as w.Mm, w.Pt, w.RGBColor
from docx.shared import Mm as Mm
from docx.shared import Pt as Pt
from docx.shared import RGBColor as RGBColor

from qclinic.errors import UserError
from qclinic.reports.i18n import t
from qclinic.reports.images import Picture

LATIN = "Calibri"
BODY_EAST_ASIAN = "SimSun"  # 宋体
HEADING_EAST_ASIAN = "SimHei"  # 黑体
PAGE_W_MM, PAGE_H_MM = 210.0, 297.0
MARGIN_X_MM, MARGIN_TOP_MM, MARGIN_BOTTOM_MM = 18.0, 22.0, 22.0  # as reports/styles.py
FRAME_MM = PAGE_W_MM - 2 * MARGIN_X_MM

INK = "1F2933"
MUTED = "616E7C"
ACCENT = "1D4E89"
RULE = "CBD2D9"
HEAD_FILL = "E4EBF3"
STRIPE = "F5F7FA"
RED = "C53030"

CELL, CELL_HEAD, MUTED_STYLE, SUBTITLE, TITLE = (
    "QC Cell",
    "QC Cell Head",
    "QC Muted",
    "QC Subtitle",
    "QC Title",
)
#: the schema order of table, cell and row properties (Word refuses a file that breaks it)
_TBL_PR = [
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
]
_TC_PR = [
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
]
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


#: style name → style id, read once from the template (python-docx looks a name up by scanning
#: every style each time: a third of a report's build time before this cache)
_STYLE_IDS: dict[str, str] = {}


def styled(paragraph_: Any, name: str | None) -> Any:
    """Give *paragraph_* the paragraph style *name* (a style of :func:`new_document`)."""
    if name is not None:
        paragraph_._p.get_or_add_pPr().style = _STYLE_IDS[name]
    return paragraph_


def clean(text: str) -> str:
    """*text* without the control characters XML cannot hold (a pasted note may carry them)."""
    return _NOT_XML.sub("", text)


def _fonts(rpr: Any, east_asian: str, lang: str | None = None) -> None:
    """Name the Latin and East Asian fonts on *rpr* (dropping theme fonts, which win otherwise)."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(theme), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        rfonts.set(qn(attr), LATIN)
    rfonts.set(qn("w:eastAsia"), east_asian)
    if lang is not None:
        language = rpr.find(qn("w:lang"))
        if language is None:
            language = OxmlElement("w:lang")
            rpr.append(language)
        language.set(qn("w:val"), "zh-CN" if lang == "zh" else "en-US")
        language.set(qn("w:eastAsia"), "zh-CN")


def _style(document: Any, name: str, size: float, **options: Any) -> Any:
    styles = document.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
    font = style.font
    font.size = Pt(size)
    font.bold = options.get("bold", False)
    font.italic = False
    font.color.rgb = RGBColor.from_string(options.get("color", INK))
    _fonts(style.element.get_or_add_rPr(), options.get("east_asian", BODY_EAST_ASIAN))
    layout = style.paragraph_format
    layout.space_before = Pt(options.get("before", 0))
    layout.space_after = Pt(options.get("after", 0))
    layout.line_spacing = options.get("line", 1.15)
    if "align" in options:
        layout.alignment = options["align"]
    if options.get("keep"):
        layout.keep_with_next = True
    return style


def new_document(lang: str, title: str, organization: str, draft: bool) -> Any:
    """An empty A4 document with the report styles, header (draft mark) and footer."""
    document = Document()
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    if rpr_default is not None and rpr_default.find(qn("w:rPr")) is not None:
        _fonts(rpr_default.find(qn("w:rPr")), BODY_EAST_ASIAN, lang)
    _style(document, "Normal", 10, after=4, line=1.3 if lang == "zh" else 1.15)
    _fonts(document.styles["Normal"].element.get_or_add_rPr(), BODY_EAST_ASIAN, lang)
    heads = ((1, 16, ACCENT, 6, 8), (2, 12.5, ACCENT, 10, 5), (3, 10.5, INK, 6, 3))
    for level, size, colour, before, after in heads:
        _style(
            document,
            f"Heading {level}",
            size,
            bold=True,
            color=colour,
            east_asian=HEADING_EAST_ASIAN,
            before=before,
            after=after,
            keep=True,
        )
    _style(document, CELL, 8.5, line=1.1)
    _style(document, CELL_HEAD, 8.5, bold=True, color=ACCENT, east_asian=HEADING_EAST_ASIAN)
    _style(document, MUTED_STYLE, 8, color=MUTED)
    _style(document, SUBTITLE, 13, color=MUTED, align=WD_ALIGN_PARAGRAPH.CENTER, after=6)
    _style(
        document,
        TITLE,
        26,
        bold=True,
        color=ACCENT,
        east_asian=HEADING_EAST_ASIAN,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        after=12,
    )
    _style(
        document,
        "TOC Heading",
        16,
        bold=True,
        color=ACCENT,
        east_asian=HEADING_EAST_ASIAN,
        after=8,
    )
    for level in (1, 2):
        _style(document, f"TOC {level}", 10.5, after=3).paragraph_format.left_indent = Mm(
            6 * (level - 1)
        )
    for name in ("Header", "Footer"):  # the template's tab stops are for Letter paper
        _style(document, name, 8, color=MUTED).paragraph_format.tab_stops.clear_all()

    if not _STYLE_IDS:
        for style in document.styles:
            _STYLE_IDS.setdefault(style.name, style.style_id)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_W_MM), Mm(PAGE_H_MM)
    section.left_margin = section.right_margin = Mm(MARGIN_X_MM)
    section.top_margin, section.bottom_margin = Mm(MARGIN_TOP_MM), Mm(MARGIN_BOTTOM_MM)
    section.header_distance = section.footer_distance = Mm(10)

    header = section.header.paragraphs[0]
    text(header, f"{title} · {organization}")
    if draft:
        mark = section.header.add_paragraph()
        text(mark, t("draft", lang), bold=True, color=RED, size=10)
    footer = section.footer.paragraphs[0]
    footer.paragraph_format.tab_stops.add_tab_stop(Mm(FRAME_MM), alignment=WD_TAB_ALIGNMENT.RIGHT)
    text(footer, t("docx_footer", lang) + "\t")
    ahead, _, rest = t("page", lang).partition("{page}")
    middle, _, behind = rest.partition("{total}")
    text(footer, ahead)
    field(footer, "PAGE")
    text(footer, middle)
    field(footer, "NUMPAGES")
    text(footer, behind)
    return document


def text(
    paragraph: Any,
    value: str,
    *,
    bold: bool = False,
    color: str | None = None,
    size: float | None = None,
) -> Any:
    """Add *value* as a run of *paragraph* (newlines become line breaks)."""
    run = paragraph.add_run(clean(value))
    if bold:
        run.bold = True
    if color:
        run.font.color.rgb = RGBColor.from_string(color)
    if size:
        run.font.size = Pt(size)
    return run


def paragraph(container: Any, value: str = "", style: str | None = None, **run: Any) -> Any:
    """A new paragraph of *value* in *container* (the document or a cell)."""
    result = styled(container.add_paragraph(), style)
    if value:
        text(result, value, **run)
    return result


def field(paragraph_: Any, instruction: str, shown: str = "1") -> None:
    """A Word field (PAGE, NUMPAGES…) showing *shown* until the reader updates it."""
    for kind, value in (("begin", None), ("instr", instruction), ("separate", None)):
        run = paragraph_.add_run()
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {value} "
            run._r.append(instr)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
    paragraph_.add_run(shown)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph_.add_run()._r.append(end)


_bookmark_ids = iter(range(1, 1 << 30))


def anchor(key: str) -> str:
    """The bookmark name of heading *key* (letters, digits, underscores; at most 40 long)."""
    return "qc_" + re.sub(r"\W", "_", key, flags=re.ASCII)[:36]


def heading(container: Any, value: str, level: int, key: str | None = None) -> Any:
    """A Heading 1–3 paragraph; with *key* it is bookmarked for the contents' links."""
    result = styled(container.add_paragraph(), f"Heading {level}")
    if key:
        number = str(next(_bookmark_ids))
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), number)
        start.set(qn("w:name"), anchor(key))
        result._p.append(start)
        text(result, value)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), number)
        result._p.append(end)
    else:
        text(result, value)
    return result


def contents(document: Any, entries: Sequence[tuple[str, int, str]]) -> None:
    """A table-of-contents field whose shown entries link to their headings.

    Word fills in the page numbers on *Update field* (F9); until then, and in LibreOffice, the
    entries are the headings, each a link.
    """
    for index, (key, level, label) in enumerate(entries):
        entry = styled(document.add_paragraph(), f"TOC {level + 1}")
        if index == 0:
            begin = OxmlElement("w:fldChar")
            begin.set(qn("w:fldCharType"), "begin")
            entry.add_run()._r.append(begin)
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = ' TOC \\o "1-2" \\h \\z \\u '
            entry.add_run()._r.append(instr)
            separate = OxmlElement("w:fldChar")
            separate.set(qn("w:fldCharType"), "separate")
            entry.add_run()._r.append(separate)
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), anchor(key))
        run = text(entry, label, color=ACCENT if level == 0 else INK)
        link.append(run._r)
        entry._p.append(link)
        if index == len(entries) - 1:
            end = OxmlElement("w:fldChar")
            end.set(qn("w:fldCharType"), "end")
            entry.add_run()._r.append(end)


def page_break(document: Any) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _put(parent: Any, child: Any, order: Sequence[str]) -> None:
    """Insert *child* into *parent* where the schema's *order* wants it (replacing its kind)."""
    name = child.tag.rsplit("}", 1)[-1]
    for old in parent.findall(qn(f"w:{name}")):
        parent.remove(old)
    later = set(order[order.index(name) + 1 :])
    for index, existing in enumerate(parent):
        if existing.tag.rsplit("}", 1)[-1] in later:
            parent.insert(index, child)
            return
    parent.append(child)


def shade(cell: Any, fill: str) -> None:
    """Fill *cell* with the colour *fill* (hex)."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    _put(cell._tc.get_or_add_tcPr(), shading, _TC_PR)


def _borders(table: Any, rules: bool) -> None:
    """Thin rules under rows (as the PDF), or no borders at all."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        if rules and side in ("bottom", "insideH"):
            edge.set(qn("w:val"), "single")
            edge.set(qn("w:sz"), "4")
            edge.set(qn("w:color"), RULE)
        else:
            edge.set(qn("w:val"), "nil")
        borders.append(edge)
    _put(tbl_pr, borders, _TBL_PR)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    _put(tbl_pr, layout, _TBL_PR)


def table(
    container: Any,
    widths_mm: Sequence[float],
    header: Sequence[str] | None = None,
    *,
    rules: bool = True,
) -> Any:
    """A table with columns of *widths_mm*; *header* makes a tinted first row repeated on every
    page. Rows added later (``add_row``) take the column widths."""
    result = container.add_table(rows=0, cols=len(widths_mm))
    result.autofit = False
    for column, width in zip(result._tbl.tblGrid.gridCol_lst, widths_mm, strict=True):
        column.w = Mm(width)
    _borders(result, rules)
    if header is not None:
        cells = result.add_row().cells
        for cell, label in zip(cells, header, strict=True):
            shade(cell, HEAD_FILL)
            fill(cell, label, CELL_HEAD)
        repeat = OxmlElement("w:tblHeader")
        result.rows[0]._tr.get_or_add_trPr().append(repeat)
    return result


def fill(cell: Any, value: str, style: str = CELL, **run: Any) -> Any:
    """Put *value* in the (empty) first paragraph of *cell*; returns that paragraph."""
    first = cell.paragraphs[0]
    styled(first, style)
    if value:
        text(first, value, **run)
    return first


def row(table_: Any, values: Iterable[str], right: Sequence[int] = ()) -> Any:
    """Append a row of plain texts; columns in *right* are right-aligned. Returns the cells."""
    cells = table_.add_row().cells
    for index, (cell, value) in enumerate(zip(cells, values, strict=False)):
        first = fill(cell, value)
        if index in right:
            first.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return cells


def left_bar(cell: Any, colour: str) -> None:
    """A thick coloured rule on the left of *cell* (severity, overdue)."""
    borders = OxmlElement("w:tcBorders")
    edge = OxmlElement("w:left")
    edge.set(qn("w:val"), "single")
    edge.set(qn("w:sz"), "24")
    edge.set(qn("w:color"), colour)
    borders.append(edge)
    _put(cell._tc.get_or_add_tcPr(), borders, _TC_PR)


def picture(paragraph_: Any, image: Picture) -> Any:
    """Add *image* (prepared by :func:`qclinic.reports.images.picture`) at its printed size."""
    return paragraph_.add_run().add_picture(
        io.BytesIO(image.data), width=Pt(image.width), height=Pt(image.height)
    )


def row_height(row_: Any, height_mm: float) -> None:
    row_.height = Mm(height_mm)


def save(document: Any, out: Path) -> None:
    """Write *document* to *out*, creating its folder.

    Raises:
        UserError: *out* cannot be written (a folder, no permission, a file where a folder is).
    """
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        document.save(str(out))
    except OSError as exc:
        raise UserError(f"{out}: cannot write the Word file ({exc.strerror or exc})") from None
