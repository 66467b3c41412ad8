"""Minutes as PDF in the layout of Decree 30/2020/NĐ-CP (Mẫu 1.9, Phụ lục III).

Layout rules followed (Phụ lục I of the decree): A4; margins top/bottom 20 mm, left 30 mm,
right 15 mm; agency name upper-case bold with a short centred rule; national title 12 pt
bold and motto 13 pt bold with a rule as long as the motto; "Số:" under the agency and the
place/date in italics on the same row under the motto; body 14 pt, justified, 1 cm first-line
indent, 6 pt between paragraphs; page numbers centred in the top margin, none on page 1.

The header, styles and page machinery here are shared with the conclusion notice.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

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
from server.paperwork import fonts
from server.textclean import clean_tree

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


def runs_markup(runs: Iterable[Run]) -> str:
    """Styled runs → Paragraph markup (the family mapping picks the bold/italic faces)."""
    out: list[str] = []
    for run in runs:
        text = markup(run.text)
        if run.italic:
            text = f"<i>{text}</i>"
        if run.bold:
            text = f"<b>{text}</b>"
        out.append(text)
    return "".join(out)


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




def block_flowables(blocks: Iterable[Block]) -> list[Flowable]:
    """Renderer-neutral body blocks → Paragraphs; agenda items become outline entries."""
    st = styles()
    out: list[Flowable] = []
    for b in blocks:
        flowable = Paragraph(runs_markup(b.runs), getattr(st, b.kind))  # style per kind
        if b.kind == "item":
            outlined(flowable, "".join(r.text for r in b.runs), 0)
        out.append(flowable)
    return out


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


class BallotTable(Flowable):
    """A ruled STT / Họ và tên / Lựa chọn table that splits by rows and repeats its header.

    A 500-delegate open vote fills a dozen pages and a session may hold thirty of them;
    drawing the rows with one path and one text object per page takes half the time of a
    LongTable of string cells (0.45 s instead of 0.95 s for 24 such votes here).
    """

    def __init__(
        self,
        rows: Sequence[tuple[str, str, str]],
        widths: Sequence[float],
        *,
        header: tuple[str, str, str] = TABLE_HEADER,
        size: float = TABLE_SIZE,
        row_height: float = TABLE_SIZE + 7,
        padding: float = 4,
    ):
        super().__init__()
        self.rows = list(rows)
        self.widths = list(widths)
        self.header = header
        self.size = size
        self.row_height = row_height
        self.padding = padding
        self.hAlign = "CENTER"

    def _copy(self, rows: Sequence[tuple[str, str, str]]) -> BallotTable:
        return BallotTable(
            rows,
            self.widths,
            header=self.header,
            size=self.size,
            row_height=self.row_height,
            padding=self.padding,
        )

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = sum(self.widths)
        self.height = self.row_height * (len(self.rows) + 1)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        fit = int(availHeight // self.row_height) - 1
        if fit < 1:
            return []
        if fit >= len(self.rows):
            return [self]
        return [self._copy(self.rows[:fit]), self._copy(self.rows[fit:])]

    def _layout(self, text: str, font: str, column: int, centre: bool) -> tuple[float, float]:
        """(x offset inside the column, font size) for one cell, shrinking over-long text."""
        width = self.widths[column]
        text_w = _string_width(text, font, self.size)
        size = self.size
        avail = width - 2 * self.padding
        if text_w > avail:  # an over-long custom option: shrink rather than overflow
            size = max(6.0, self.size * avail / text_w)
            text_w *= size / self.size
        return ((width - text_w) / 2 if centre else self.padding), size

    def draw(self) -> None:
        canv = self.canv
        rh = self.row_height
        total = self.height
        xs = [0.0]
        for w in self.widths:
            xs.append(xs[-1] + w)
        path = canv.beginPath()
        for n in range(len(self.rows) + 2):
            y = total - n * rh
            path.moveTo(0, y)
            path.lineTo(self.width, y)
        for x in xs:
            path.moveTo(x, 0)
            path.lineTo(x, total)
        canv.saveState()
        canv.setLineWidth(0.5)
        canv.setStrokeColor(colors.black)
        canv.drawPath(path, stroke=1, fill=0)

        tx = canv.beginText()
        current: tuple[str, float] | None = None
        y = total - rh / 2 - self.size * 0.3
        lines = [(fonts.BOLD, tuple(nfc(h) for h in self.header))]
        lines.extend((fonts.REGULAR, row) for row in self.rows)
        for font, cells in lines:
            # One absolute move per row, then relative moves (Td) between its cells.
            line_x = None
            for column, text in enumerate(cells):
                offset, size = self._layout(text, font, column, centre=column == 0 or
                                            font == fonts.BOLD)
                x = xs[column] + offset
                if line_x is None:
                    tx.setTextOrigin(x, y)
                else:
                    tx.moveCursor(x - line_x, 0)
                line_x = x
                if current != (font, size):
                    tx.setFont(font, size)
                    current = (font, size)
                tx.textOut(text)
            y -= rh
        canv.drawText(tx)
        canv.restoreState()


@lru_cache(maxsize=4096)
def _string_width(text: str, font: str, size: float) -> float:
    """Cached: ballot tables repeat the same names and choices vote after vote."""
    return pdfmetrics.stringWidth(text, font, size)


def annex_flowables(
    title: str, subtitle: str, caption: str, tables: Sequence[AnnexTable]
) -> list[Flowable]:
    """Annex on a new page: one ballot table per open vote, header row repeated per page."""
    st = styles()
    out: list[Flowable] = [
        PageBreak(),
        outlined(
            para(title, st.doc_kind.clone("annex_title", spaceBefore=0)),
            f"{title[:1]}{title[1:].lower()}: {subtitle}",
            0,
        ),
        para(subtitle, st.doc_title),
        para(caption, st.annex_caption),
    ]
    for table in tables:
        out.append(CondPageBreak(60 * mm))
        out.append(outlined(para(table.heading, st.annex_heading), table.heading, 1))
        out.append(BallotTable(table.rows, ballot_widths(table.rows)))
    return out


def ballot_widths(rows: Sequence[tuple[str, str, str]]) -> list[float]:
    """STT 15 mm; the choice column grows for long custom options (up to 95 mm)."""
    padding = 8
    choices = {row[2] for row in rows} | {TABLE_HEADER[2]}
    widest = max(_string_width(c, fonts.REGULAR, TABLE_SIZE) for c in choices) + padding
    choice = min(max(50 * mm, widest), 95 * mm)
    return [15 * mm, FRAME_WIDTH - 15 * mm - choice, choice]


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


# ------------------------------------------------------------------------- minutes


def minutes_story(draft: MinutesDraft) -> list[Flowable]:
    """All flowables of the minutes, annex included."""
    story: list[Flowable] = [
        header_table(
            agency=draft.agency,
            parent_agency=draft.parent_agency,
            number_label=minutes_number_label(draft),
            place_date=place_date_line(draft.place_name, draft.started_at.date()),
        ),
        *title_flowables("BIÊN BẢN", meeting_heading(draft)),
        *block_flowables(minutes_body(draft)),
        Spacer(1, 6),
        KeepTogether(
            [
                two_column_block(
                    signer_cell(Signer("THƯ KÝ", draft.secretary.full_name)),
                    signer_cell(Signer("CHỦ TỌA", draft.chair.full_name)),
                ),
                Spacer(1, 12),
                *recipients_flowables(recipients_lines(draft.recipients, draft.filing)),
            ]
        ),
    ]
    tables = annex_tables(draft)
    if tables:
        story.extend(annex_flowables(ANNEX_TITLE, ANNEX_SUBTITLE, annex_caption(draft), tables))
    story.extend(audit_flowables(audit_lines(draft)))
    return story


def audit_flowables(lines: Sequence[str]) -> list[Flowable]:
    """The audit anchor in small print at the very end (one unbroken line for the code)."""
    if not lines:
        return []
    small = ParagraphStyle("audit", parent=styles().recipients, fontSize=AUDIT_SIZE,
                           leading=AUDIT_SIZE * 1.25)
    return [Spacer(1, 14), KeepTogether([para(line, small) for line in lines])]


def render_pdf(draft: MinutesDraft) -> bytes:
    """The minutes as PDF bytes (fonts embedded, A4)."""
    draft = clean_tree(draft)  # text stored before it was cleaned at the boundary
    return build_pdf(
        minutes_story(draft),
        title=f"Biên bản - {draft.meeting_title}",
        author=draft.agency,
        subject=minutes_number_label(draft),
    )
