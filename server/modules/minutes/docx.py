"""Minutes as an editable Word document, laid out like the PDF (Decree 30/2020/NĐ-CP).

Clerks often need to touch up the minutes before signing, so the same content
(:func:`server.modules.minutes.model.minutes_body`) is also written as DOCX: A4, the decree's
margins,
Times New Roman (Liberation Serif has the same metrics, so widths measured with it hold),
the two-column heading as a borderless table, page numbers in the header from page 2 on.

The annex tables (up to 500 rows per open vote) are written as raw WordprocessingML: going
through python-docx's cell API is quadratic in the number of rows.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Emu, Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from server.modules.minutes.model import (
    ANNEX_SUBTITLE,
    ANNEX_TITLE,
    TABLE_HEADER,
    AnnexTable,
    Block,
    MinutesDraft,
    Run,
    agency_lines,
    annex_caption,
    annex_tables,
    audit_lines,
    meeting_heading,
    minutes_body,
    minutes_number_label,
    nfc,
    place_date_line,
    recipients_lines,
)
from server.modules.minutes.pdf import (
    AGENCY_SIZE,
    AUDIT_SIZE,
    BODY_SIZE,
    DATE_SIZE,
    FIRST_LINE_INDENT,
    FRAME_WIDTH,
    HEADER_LEFT_WIDTH,
    HEADER_RIGHT_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MOTTO,
    MOTTO_SIZE,
    NATIONAL_SIZE,
    NATIONAL_TITLE,
    NUMBER_SIZE,
    PAGE_NUMBER_SIZE,
    PARAGRAPH_GAP,
    RECIPIENTS_LABEL_SIZE,
    RECIPIENTS_SIZE,
    TABLE_SIZE,
    TITLE_SIZE,
    Signer,
)
from server.paperwork import fonts
from server.textclean import clean_tree

FONT_NAME = "Times New Roman"
TABLE_STYLE_ID = "MinutesTable"
PT_PER_EMU = 12700
ANNEX_ROW_TWIPS = (TABLE_SIZE + 7) * 20  # same row height as the PDF annex


# Schema order (ECMA-376) of the children we add: Word rejects out-of-order properties.
_PPR_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
    "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)
_TBLPR_AFTER_BORDERS = (
    "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption",
    "w:tblDescription", "w:tblPrChange",
)
_TBLPR_AFTER_CELLMAR = ("w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def _emu(points: float) -> Emu:
    return Emu(round(points * PT_PER_EMU))


def _twips(points: float) -> int:
    return round(points * 20)


# ------------------------------------------------------------------------ document


def _set_run_fonts(rpr: object) -> None:
    """Times New Roman for every script slot, so Word never falls back for Vietnamese."""
    rfonts = rpr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)  # type: ignore[attr-defined]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), FONT_NAME)
    lang = rpr.find(qn("w:lang"))  # type: ignore[attr-defined]
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)  # type: ignore[attr-defined]
    lang.set(qn("w:val"), "vi-VN")


def new_document(*, title: str, author: str, subject: str = "") -> DocxDocument:
    """Blank A4 document with the decree's margins and Times New Roman 14 pt body."""
    doc = Document()
    # python-docx's template carries a thumbnail of an unrelated page; drop it.
    package_rels = doc.part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[rel_id]
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(210)
    section.page_height = Mm(297)
    section.top_margin = _emu(MARGIN_TOP)
    section.bottom_margin = _emu(MARGIN_BOTTOM)
    section.left_margin = _emu(MARGIN_LEFT)
    section.right_margin = _emu(MARGIN_RIGHT)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)

    normal = doc.styles["Normal"]
    normal.font.name = FONT_NAME
    normal.font.size = Pt(BODY_SIZE)
    _set_run_fonts(normal.element.get_or_add_rPr())
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0

    table_style = doc.styles.add_style(TABLE_STYLE_ID, WD_STYLE_TYPE.PARAGRAPH)
    table_style.base_style = normal
    table_style.font.size = Pt(TABLE_SIZE)

    props = doc.core_properties
    props.title = nfc(title)
    props.author = nfc(author)
    props.subject = nfc(subject)
    props.language = "vi-VN"
    _page_numbers(doc)
    return doc


def _page_numbers(doc: DocxDocument) -> None:
    """PAGE field centred in the header; "different first page" leaves page 1 bare."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph._p.append(
        parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:rPr>'
            f'<w:sz w:val="{PAGE_NUMBER_SIZE * 2}"/></w:rPr><w:t>2</w:t></w:r></w:fldSimple>'
        )
    )
    section.first_page_header.is_linked_to_previous = False


def add_runs(
    paragraph: Paragraph,
    runs: Iterable[Run],
    *,
    size: float | None = None,
    bold: bool = False,
    italic: bool = False,
) -> None:
    """Append styled runs; ``\\n`` inside a run becomes a line break."""
    for run in runs:
        lines = nfc(run.text).split("\n")
        for n, line in enumerate(lines):
            r = paragraph.add_run(line)
            if run.bold or bold:
                r.bold = True
            if run.italic or italic:
                r.italic = True
            if size is not None:
                r.font.size = Pt(size)
            if n < len(lines) - 1:
                r.add_break(WD_BREAK.LINE)


def add_text(
    container: DocxDocument | _Cell,
    text: str,
    *,
    size: float = BODY_SIZE,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
    space_before: float = 0,
    space_after: float = 0,
    reuse_first: bool = False,
) -> Paragraph:
    """One single-style paragraph (header lines, titles, signatures)."""
    if reuse_first and isinstance(container, _Cell) and not container.paragraphs[0].text:
        paragraph = container.paragraphs[0]
    else:
        paragraph = container.add_paragraph()
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(space_before)
    fmt.space_after = Pt(space_after)
    add_runs(paragraph, [Run(text)], size=size, bold=bold, italic=italic)
    return paragraph


def add_rule(
    container: DocxDocument | _Cell,
    length: float,
    available: float,
    *,
    space_after: float = 0,
) -> Paragraph:
    """Centred rule ``length`` points long: an empty paragraph's top border, indented."""
    paragraph = container.add_paragraph()
    side = max(0.0, (available - length) / 2)
    fmt = paragraph.paragraph_format
    fmt.left_indent = _emu(side)
    fmt.right_indent = _emu(side)
    fmt.space_before = Pt(3)
    fmt.space_after = Pt(space_after)
    fmt.line_spacing = Pt(2)
    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert_element_before(
        parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:top w:val="single" w:sz="6" w:space="0" '
            f'w:color="000000"/></w:pBdr>'
        ),
        *_PPR_AFTER_PBDR,
    )
    run = paragraph.add_run()
    run.font.size = Pt(2)
    return paragraph


def _borderless(table: Table, widths: Sequence[float]) -> None:
    """Fixed column widths, no borders, no cell margins: a layout grid, not a table."""
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    tbl_pr.insert_element_before(
        parse_xml(
            f'<w:tblBorders {nsdecls("w")}>'
            + "".join(
                f'<w:{side} w:val="nil"/>'
                for side in ("top", "left", "bottom", "right", "insideH", "insideV")
            )
            + "</w:tblBorders>"
        ),
        *_TBLPR_AFTER_BORDERS,
    )
    tbl_pr.insert_element_before(
        parse_xml(
            f'<w:tblCellMar {nsdecls("w")}><w:left w:w="0" w:type="dxa"/>'
            f'<w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        ),
        *_TBLPR_AFTER_CELLMAR,
    )
    for n, width in enumerate(widths):
        table.columns[n].width = _emu(width)
        for cell in table.columns[n].cells:
            cell.width = _emu(width)


def add_header(
    doc: DocxDocument,
    *,
    agency: str,
    parent_agency: str | None,
    number_label: str,
    place_date: str,
) -> None:
    """Two-column heading: agency + number left, national title + motto + date right."""
    table = doc.add_table(rows=2, cols=2)
    _borderless(table, [HEADER_LEFT_WIDTH, HEADER_RIGHT_WIDTH])
    left, right = table.rows[0].cells
    lines = agency_lines(agency)
    first = True
    if parent_agency:
        add_text(left, nfc(parent_agency).upper(), size=AGENCY_SIZE, reuse_first=True)
        first = False
    add_text(left, "\n".join(lines), size=AGENCY_SIZE, bold=True, reuse_first=first)
    widest = max(fonts.text_width(line, AGENCY_SIZE, bold=True) for line in lines)
    add_rule(left, min(widest, HEADER_LEFT_WIDTH) * 0.4, HEADER_LEFT_WIDTH)

    add_text(right, NATIONAL_TITLE, size=NATIONAL_SIZE, bold=True, reuse_first=True)
    add_text(right, MOTTO, size=MOTTO_SIZE, bold=True)
    add_rule(right, fonts.text_width(MOTTO, MOTTO_SIZE, bold=True), HEADER_RIGHT_WIDTH)

    number_cell, date_cell = table.rows[1].cells
    add_text(number_cell, number_label, size=NUMBER_SIZE, space_before=8, reuse_first=True)
    add_text(date_cell, place_date, size=DATE_SIZE, italic=True, space_before=8,
             reuse_first=True)


def add_title(doc: DocxDocument, kind: str, title: str) -> None:
    """"BIÊN BẢN" / "THÔNG BÁO", the subject, and the short rule under it."""
    add_text(doc, kind, size=TITLE_SIZE, bold=True, space_before=18)
    lines = fonts.balanced_lines(nfc(title), TITLE_SIZE, FRAME_WIDTH, bold=True)
    add_text(doc, "\n".join(lines), size=TITLE_SIZE, bold=True)
    widest = max((fonts.text_width(line, TITLE_SIZE, bold=True) for line in lines), default=0)
    add_rule(doc, min(widest, FRAME_WIDTH) / 3, FRAME_WIDTH, space_after=12)


def add_blocks(doc: DocxDocument, blocks: Iterable[Block]) -> None:
    """Body blocks: justified, 1 cm first-line indent, 6 pt after each paragraph."""
    indent = _emu(FIRST_LINE_INDENT)
    for block in blocks:
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        fmt = paragraph.paragraph_format
        fmt.first_line_indent = indent
        fmt.space_after = Pt(PARAGRAPH_GAP)
        if block.kind in ("section", "item", "subhead"):
            fmt.keep_with_next = True
        if block.kind in ("item", "end"):
            fmt.space_before = Pt(4)
        add_runs(paragraph, block.runs)


def add_signatures(doc: DocxDocument, left: Signer | None, right: Signer) -> Table:
    """Borderless half/half row: signer heading, note, room to sign, name."""
    table = doc.add_table(rows=1, cols=2)
    half = FRAME_WIDTH / 2
    _borderless(table, [half, half])
    for cell, signer in zip(table.rows[0].cells, (left, right), strict=True):
        if signer is None:
            continue
        add_text(cell, nfc(signer.heading).upper(), bold=True, reuse_first=True)
        if signer.note:
            add_text(cell, signer.note, size=13, italic=True)
        for _ in range(4):
            add_text(cell, "")
        add_text(cell, signer.name, bold=True)
    return table


def add_recipients(container: DocxDocument | _Cell, lines: Sequence[str], *,
                   reuse_first: bool = False) -> None:
    """"Nơi nhận:" (bold italic 12 pt) and its "- …;" lines (11 pt)."""
    add_text(container, "Nơi nhận:", size=RECIPIENTS_LABEL_SIZE, bold=True, italic=True,
             align=WD_ALIGN_PARAGRAPH.LEFT, space_before=12, reuse_first=reuse_first)
    for line in lines:
        add_text(container, line, size=RECIPIENTS_SIZE, align=WD_ALIGN_PARAGRAPH.LEFT)


def _cell_xml(text: str, width: int, center: bool, bold: bool) -> str:
    jc = '<w:jc w:val="center"/>' if center else ""
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/>'
        f'</w:tcPr><w:p><w:pPr><w:pStyle w:val="{TABLE_STYLE_ID}"/>{jc}</w:pPr>'
        f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p></w:tc>'
    )


def annex_table_xml(rows: Sequence[tuple[str, str, str]]) -> object:
    """A gridded STT / Họ và tên / Lựa chọn table whose header row repeats on every page."""
    widths = [_twips(15 * 72 / 25.4), _twips(100 * 72 / 25.4)]
    widths.append(_twips(FRAME_WIDTH) - sum(widths))
    border = 'w:val="single" w:sz="4" w:space="0" w:color="000000"'
    parts = [
        f"<w:tbl {nsdecls('w')}><w:tblPr>"
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>'
        + "".join(
            f"<w:{side} {border}/>"
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + '</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr><w:tblGrid>"
        + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        + "</w:tblGrid>"
    ]
    header = "".join(
        _cell_xml(text, w, center=True, bold=True)
        for text, w in zip(TABLE_HEADER, widths, strict=True)
    )
    row_pr = f'<w:trPr><w:cantSplit/><w:trHeight w:val="{ANNEX_ROW_TWIPS}"/>'
    parts.append(f"<w:tr>{row_pr}<w:tblHeader/></w:trPr>{header}</w:tr>")
    for stt, name, choice in rows:
        parts.append(
            f"<w:tr>{row_pr}</w:trPr>"
            + _cell_xml(stt, widths[0], center=True, bold=False)
            + _cell_xml(nfc(name), widths[1], center=False, bold=False)
            + _cell_xml(nfc(choice), widths[2], center=False, bold=False)
            + "</w:tr>"
        )
    parts.append("</w:tbl>")
    return parse_xml("".join(parts))


def add_annex(doc: DocxDocument, title: str, subtitle: str, caption: str,
              tables: Sequence[AnnexTable]) -> None:
    """Annex on a new page: one table per open vote."""
    paragraph = add_text(doc, title, size=TITLE_SIZE, bold=True)
    paragraph.paragraph_format.page_break_before = True
    add_text(doc, subtitle, size=TITLE_SIZE, bold=True)
    add_text(doc, caption, size=13, italic=True, space_after=8)
    for table in tables:
        heading = add_text(doc, table.heading, size=13, bold=True,
                           align=WD_ALIGN_PARAGRAPH.LEFT, space_before=10, space_after=4)
        heading.paragraph_format.keep_with_next = True
        heading._p.addnext(annex_table_xml(table.rows))


def to_bytes(doc: DocxDocument) -> bytes:
    """Serialise to .docx bytes."""
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# ------------------------------------------------------------------------- minutes


def render_docx(draft: MinutesDraft) -> bytes:
    """The minutes as DOCX bytes, same content and layout as :func:`render_pdf`."""
    draft = clean_tree(draft)  # text stored before it was cleaned at the boundary
    number = minutes_number_label(draft)
    doc = new_document(
        title=f"Biên bản - {draft.meeting_title}", author=draft.agency, subject=number
    )
    add_header(
        doc,
        agency=draft.agency,
        parent_agency=draft.parent_agency,
        number_label=number,
        place_date=place_date_line(draft.place_name, draft.started_at.date()),
    )
    add_title(doc, "BIÊN BẢN", meeting_heading(draft))
    add_blocks(doc, minutes_body(draft))
    add_signatures(
        doc,
        Signer("THƯ KÝ", draft.secretary.full_name),
        Signer("CHỦ TỌA", draft.chair.full_name),
    )
    add_recipients(doc, recipients_lines(draft.recipients, draft.filing))
    tables = annex_tables(draft)
    if tables:
        add_annex(doc, ANNEX_TITLE, ANNEX_SUBTITLE, annex_caption(draft), tables)
    for n, line in enumerate(audit_lines(draft)):
        add_text(doc, line, size=AUDIT_SIZE, align=WD_ALIGN_PARAGRAPH.LEFT,
                 space_before=14 if n == 0 else 0)
    # Word needs a paragraph after a table that ends the body.
    doc.add_paragraph()
    return to_bytes(doc)
