"""Decree 30/2020/NĐ-CP page machinery shared by every printed document (minutes,
conclusion notices, invitations): styles, the two-column heading, title, signer blocks,
"Nơi nhận", page numbering and the A4 document build.

Layout rules followed (Phụ lục I of the decree): A4; margins top/bottom 20 mm, left 30 mm,
right 15 mm; agency name upper-case bold with a short centred rule; national title 12 pt
bold and motto 13 pt bold with a rule as long as the motto; "Số:" under the agency and the
place/date in italics on the same row under the motto; body 14 pt, justified, 1 cm first-line
indent, 6 pt between paragraphs; page numbers centred in the top margin, none on page 1.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from server.paperwork import fonts
from server.paperwork.wording import agency_lines, nfc

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

HEADER_LEFT_WIDTH = 65 * mm
HEADER_RIGHT_WIDTH = FRAME_WIDTH - HEADER_LEFT_WIDTH

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"

AGENCY_SIZE = 12
NATIONAL_SIZE = 12
MOTTO_SIZE = 13
NUMBER_SIZE = 13
DATE_SIZE = 14
TITLE_SIZE = 14
BODY_SIZE = 14
BODY_LEADING = 17
PARAGRAPH_GAP = 6
FIRST_LINE_INDENT = 10 * mm
PAGE_NUMBER_SIZE = 13
RECIPIENTS_LABEL_SIZE = 12
RECIPIENTS_SIZE = 11
AUDIT_SIZE = 8
TABLE_SIZE = 12
SIGN_SPACE = 28 * mm

RULE_THICKNESS = 0.6

# Binary (deflate-only) content streams: ASCII85 makes every page ~17% bigger and, without
# reportlab's optional C accelerator, costs ~10% of the render time of a 400-page minutes.
# Nothing in this process needs 7-bit-clean PDFs, so the process-wide switch is turned off.
rl_config.useA85 = 0


@dataclass(frozen=True)
class Styles:
    """Paragraph styles of an administrative document (built once per process)."""

    parent: ParagraphStyle
    agency: ParagraphStyle
    national: ParagraphStyle
    motto: ParagraphStyle
    number: ParagraphStyle
    place_date: ParagraphStyle
    doc_kind: ParagraphStyle
    doc_title: ParagraphStyle
    body: ParagraphStyle
    section: ParagraphStyle
    item: ParagraphStyle
    subhead: ParagraphStyle
    bullet: ParagraphStyle
    end: ParagraphStyle
    sign_heading: ParagraphStyle
    sign_note: ParagraphStyle
    sign_name: ParagraphStyle
    recipients_label: ParagraphStyle
    recipients: ParagraphStyle
    annex_heading: ParagraphStyle
    annex_caption: ParagraphStyle


@cache
def styles() -> Styles:
    """The shared style sheet; fonts are registered on first call."""
    fonts.register_fonts()
    regular, bold, italic = fonts.REGULAR, fonts.BOLD, fonts.ITALIC

    def centred(name: str, font: str, size: float, **kw: float) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=size * 1.2, alignment=TA_CENTER, **kw
        )

    body = ParagraphStyle(
        "body",
        fontName=regular,
        fontSize=BODY_SIZE,
        leading=BODY_LEADING,
        alignment=TA_JUSTIFY,
        firstLineIndent=FIRST_LINE_INDENT,
        spaceAfter=PARAGRAPH_GAP,
    )
    return Styles(
        parent=centred("parent", regular, AGENCY_SIZE),
        agency=centred("agency", bold, AGENCY_SIZE),
        national=centred("national", bold, NATIONAL_SIZE),
        motto=centred("motto", bold, MOTTO_SIZE),
        number=centred("number", regular, NUMBER_SIZE),
        place_date=centred("place_date", italic, DATE_SIZE),
        doc_kind=centred("doc_kind", bold, TITLE_SIZE, spaceBefore=18),
        doc_title=centred("doc_title", bold, TITLE_SIZE),
        body=body,
        section=ParagraphStyle("section", parent=body, spaceBefore=2, keepWithNext=1),
        item=ParagraphStyle("item", parent=body, spaceBefore=4, keepWithNext=1),
        subhead=ParagraphStyle("subhead", parent=body, keepWithNext=1),
        bullet=ParagraphStyle("bullet", parent=body),
        end=ParagraphStyle("end", parent=body, spaceBefore=4),
        sign_heading=centred("sign_heading", bold, BODY_SIZE),
        sign_note=centred("sign_note", italic, 13),
        sign_name=centred("sign_name", bold, BODY_SIZE),
        recipients_label=ParagraphStyle(
            "recipients_label",
            fontName=fonts.BOLD_ITALIC,
            fontSize=RECIPIENTS_LABEL_SIZE,
            leading=RECIPIENTS_LABEL_SIZE * 1.2,
            alignment=TA_LEFT,
        ),
        recipients=ParagraphStyle(
            "recipients",
            fontName=regular,
            fontSize=RECIPIENTS_SIZE,
            leading=RECIPIENTS_SIZE * 1.15,
            alignment=TA_LEFT,
        ),
        annex_heading=ParagraphStyle(
            "annex_heading",
            fontName=bold,
            fontSize=13,
            leading=16,
            alignment=TA_LEFT,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
        annex_caption=centred("annex_caption", italic, 13, spaceAfter=8),
    )


# ------------------------------------------------------------------------- helpers


def markup(text: str) -> str:
    """Plain text → Paragraph markup: NFC, XML-escaped, newlines kept as line breaks."""
    return escape(nfc(text)).replace("\n", "<br/>")


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A Paragraph from plain (unescaped) text."""
    return Paragraph(markup(text), style)


class Rule(Flowable):
    """The thin centred rule Decree 30 puts under the agency name, the motto and the title.

    Unlike HRFlowable it reports its own width, so table cells and frames centre it.
    """

    def __init__(self, width: float, space_before: float = 4, space_after: float = 0):
        super().__init__()
        self.width = width
        self.hAlign = "CENTER"
        self.space_before = space_before
        self.space_after = space_after

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = min(self.width, availWidth)
        return self.width, self.space_before + RULE_THICKNESS + self.space_after

    def draw(self) -> None:
        y = self.space_after + RULE_THICKNESS / 2
        self.canv.setLineWidth(RULE_THICKNESS)
        self.canv.setStrokeColor(colors.black)
        self.canv.line(0, y, self.width, y)


def rule(width: float, space_before: float = 4, space_after: float = 0) -> Rule:
    """A rule ``width`` points long."""
    return Rule(width, space_before, space_after)


def header_table(
    *, agency: str, parent_agency: str | None, number_label: str, place_date: str
) -> Table:
    """Two-column heading: agency + number left, national title + motto + date right."""
    st = styles()
    lines = agency_lines(agency)
    left: list[Flowable] = []
    if parent_agency:
        left.append(para(nfc(parent_agency).upper(), st.parent))
    left.append(Paragraph("<br/>".join(markup(line) for line in lines), st.agency))
    widest = max(fonts.text_width(line, AGENCY_SIZE, bold=True) for line in lines)
    left.append(rule(min(widest, HEADER_LEFT_WIDTH) * 0.4))

    right: list[Flowable] = [
        para(NATIONAL_TITLE, st.national),
        para(MOTTO, st.motto),
        rule(fonts.text_width(MOTTO, MOTTO_SIZE, bold=True)),
    ]
    table = Table(
        [
            [left, right],
            [para(number_label, st.number), para(place_date, st.place_date)],
        ],
        colWidths=[HEADER_LEFT_WIDTH, HEADER_RIGHT_WIDTH],
        hAlign="CENTER",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.REGULAR, NUMBER_SIZE),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 1), (-1, 1), 8),
            ]
        )
    )
    return table


def title_flowables(kind: str, title: str) -> list[Flowable]:
    """"BIÊN BẢN" / "THÔNG BÁO" with the document's subject under it."""
    st = styles()
    lines = fonts.balanced_lines(nfc(title), TITLE_SIZE, FRAME_WIDTH, bold=True)
    widest = max((fonts.text_width(line, TITLE_SIZE, bold=True) for line in lines), default=0.0)
    return [
        para(kind, st.doc_kind),
        para("\n".join(lines), st.doc_title),
        rule(min(widest, FRAME_WIDTH) / 3, space_before=3, space_after=12),
    ]




def outlined(flowable: Flowable, title: str, level: int) -> Flowable:
    """Mark a flowable as a bookmark (PDF outline entry) at ``level`` (0 = top)."""
    flowable._outline = (nfc(" ".join(title.split())), level)  # type: ignore[attr-defined]
    return flowable


class OutlineDocTemplate(BaseDocTemplate):
    """Doc template that turns flowables marked by :func:`outlined` into bookmarks."""

    def afterFlowable(self, flowable: Flowable) -> None:
        mark = getattr(flowable, "_outline", None)
        if mark is None:
            return
        title, level = mark
        self._outline_count = getattr(self, "_outline_count", 0) + 1
        key = f"outline-{self._outline_count}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(title, key, level=level, closed=level > 0)


@dataclass(frozen=True)
class Signer:
    """One signature column: "THƯ KÝ" / "(Ký, ghi rõ họ tên)" / space / name."""

    heading: str
    name: str
    note: str = "(Ký, ghi rõ họ tên)"


def signer_cell(signer: Signer) -> list[Flowable]:
    """The flowables of one signature column."""
    st = styles()
    cell: list[Flowable] = [Paragraph(markup(nfc(signer.heading).upper()), st.sign_heading)]
    if signer.note:
        cell.append(para(signer.note, st.sign_note))
    cell.append(Spacer(1, SIGN_SPACE))
    cell.append(para(signer.name, st.sign_name))
    return cell


def two_column_block(left: Sequence[Flowable], right: Sequence[Flowable]) -> Table:
    """Borderless half/half row used for signatures (and "Nơi nhận" beside a signer)."""
    half = FRAME_WIDTH / 2
    table = Table([[list(left), list(right)]], colWidths=[half, half])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.REGULAR, BODY_SIZE),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def recipients_flowables(lines: Sequence[str]) -> list[Flowable]:
    """"Nơi nhận:" (bold italic 12 pt) and its "- …;" lines (11 pt)."""
    st = styles()
    out: list[Flowable] = [para("Nơi nhận:", st.recipients_label)]
    out.extend(para(line, st.recipients) for line in lines)
    return out


def _page_number(canvas: Canvas, doc: BaseDocTemplate) -> None:
    """Decree 30: Arabic page number centred in the top margin, not on the first page."""
    page = canvas.getPageNumber()
    if page < 2:
        return
    canvas.saveState()
    canvas.setFont(fonts.REGULAR, PAGE_NUMBER_SIZE)
    canvas.drawCentredString(
        MARGIN_LEFT + FRAME_WIDTH / 2, PAGE_HEIGHT - MARGIN_TOP / 2 - PAGE_NUMBER_SIZE / 3,
        str(page),
    )
    canvas.restoreState()


def build_pdf(
    story: list[Flowable], *, title: str, author: str, subject: str = "", invariant: bool = False
) -> bytes:
    """Lay the story out on A4 with the decree's margins and page numbering."""
    fonts.register_fonts()
    buffer = io.BytesIO()
    doc = OutlineDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=nfc(title),
        author=nfc(author),
        subject=nfc(subject),
        creator="Họp thông minh",
        invariant=int(invariant),
        lang="vi",
        initialFontName=fonts.REGULAR,
        initialFontSize=BODY_SIZE,
    )
    frame = Frame(
        MARGIN_LEFT,
        MARGIN_BOTTOM,
        FRAME_WIDTH,
        FRAME_HEIGHT,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_page_number)])
    doc.build(story)
    return buffer.getvalue()
