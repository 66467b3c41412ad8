"""Minutes as PDF in the layout of Decree 30/2020/NĐ-CP (Mẫu 1.9, Phụ lục III).

Layout rules followed (Phụ lục I of the decree): A4; margins top/bottom 20 mm, left 30 mm,
right 15 mm; agency name upper-case bold with a short centred rule; national title 12 pt
bold and motto 13 pt bold with a rule as long as the motto; "Số:" under the agency and the
place/date in italics on the same row under the motto; body 14 pt, justified, 1 cm first-line
indent, 6 pt between paragraphs; page numbers centred in the top margin, none on page 1.

The generic page machinery (styles, heading, signers, page numbers, the A4 build) lives in
:mod:`server.paperwork.decree30`, shared with the conclusion notice and the invitations.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
)

from server.modules.minutes.model import (
    ANNEX_SUBTITLE,
    ANNEX_TITLE,
    TABLE_HEADER,
    AnnexTable,
    Block,
    MinutesDraft,
    Run,
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
from server.paperwork.decree30 import (  # noqa: F401  re-exported: docx, notice, tests
    AGENCY_SIZE,
    AUDIT_SIZE,
    BODY_LEADING,
    BODY_SIZE,
    DATE_SIZE,
    FIRST_LINE_INDENT,
    FRAME_HEIGHT,
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
    PAGE_HEIGHT,
    PAGE_NUMBER_SIZE,
    PAGE_WIDTH,
    PARAGRAPH_GAP,
    RECIPIENTS_LABEL_SIZE,
    RECIPIENTS_SIZE,
    RULE_THICKNESS,
    SIGN_SPACE,
    TABLE_SIZE,
    TITLE_SIZE,
    OutlineDocTemplate,
    Rule,
    Signer,
    Styles,
    _page_number,
    build_pdf,
    header_table,
    markup,
    outlined,
    para,
    recipients_flowables,
    rule,
    signer_cell,
    styles,
    title_flowables,
    two_column_block,
)
from server.textclean import clean_tree


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
