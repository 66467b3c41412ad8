"""The register of a period printed as the bound book Nghị định 30/2020 still requires
(Phụ lục IV: sổ đăng ký văn bản đến / đi): landscape A4, the register's columns, Liberation
Serif (Times-compatible, every Vietnamese glyph) from ``server.paperwork.fonts``.

Text is normalised to NFC before drawing (reportlab misplaces accents of decomposed text).
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from server.paperwork.fonts import BOLD, REGULAR, register_fonts

IN_COLUMNS = (("Ngày đến", 20), ("Số đến", 14), ("Tác giả", 36), ("Số, ký hiệu", 28),
              ("Ngày tháng", 20), ("Tên loại và trích yếu nội dung", 70),
              ("Đơn vị hoặc người nhận", 32), ("Ngày chuyển", 20), ("Ghi chú", 22))
OUT_COLUMNS = (("Số, ký hiệu văn bản", 30), ("Ngày tháng văn bản", 20),
               ("Tên loại và trích yếu nội dung", 72), ("Người ký", 28),
               ("Nơi nhận văn bản", 34), ("Đơn vị, người nhận bản lưu", 28),
               ("Số lượng bản", 14), ("Ngày chuyển", 20), ("Ghi chú", 16))
TITLES = {"in": "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN", "out": "SỔ ĐĂNG KÝ VĂN BẢN ĐI"}


def vn(d: str | date | None) -> str:
    """``dd/mm/yyyy`` as Vietnamese registers write dates."""
    if d is None or d == "":
        return ""
    day = d if isinstance(d, date) else date.fromisoformat(str(d))
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def _p(text: str | None, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(unicodedata.normalize("NFC", text or "")), style)


def _note(r: Any) -> str:
    note = r.note or ""
    if r.status == "cancelled":
        return f"Đã hủy. {note}".strip()
    return note


def _row(direction: str, r: Any, cell: ParagraphStyle) -> list[Paragraph]:
    kind_summary = f"{r.doc_type}: {r.summary}"
    if direction == "in":
        values = [vn(r.received_on or r.registered_on), str(r.number), r.issuer, r.symbol,
                  vn(r.issued_on), kind_summary, r.recipients, vn(r.forwarded_on), _note(r)]
    else:
        values = [r.symbol, vn(r.issued_on), kind_summary, r.signer, r.recipients,
                  r.archive_holder, "" if r.copies is None else str(r.copies),
                  vn(r.forwarded_on), _note(r)]
    return [_p(v, cell) for v in values]


def render_book(direction: str, date_from: date, date_to: date, rows: Sequence[Any]) -> bytes:
    """The PDF bytes of the register from ``date_from`` to ``date_to`` (inclusive)."""
    register_fonts()
    title_style = ParagraphStyle("title", fontName=BOLD, fontSize=16, leading=20,
                                 alignment=TA_CENTER, spaceAfter=4)
    period_style = ParagraphStyle("period", fontName=REGULAR, fontSize=13, leading=16,
                                  alignment=TA_CENTER, spaceAfter=8)
    head = ParagraphStyle("head", fontName=BOLD, fontSize=10, leading=12, alignment=TA_CENTER)
    cell = ParagraphStyle("cell", fontName=REGULAR, fontSize=10, leading=12)
    columns = IN_COLUMNS if direction == "in" else OUT_COLUMNS
    data: list[list[Any]] = [[_p(name, head) for name, _ in columns],
                             [_p(f"({i})", head) for i in range(1, len(columns) + 1)]]
    data.extend(_row(direction, r, cell) for r in rows)
    widths = [w * mm for _, w in columns]
    table = Table(data, colWidths=widths, repeatRows=2)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    story: list[Any] = [
        _p(TITLES[direction], title_style),
        _p(f"Từ ngày {vn(date_from)} đến ngày {vn(date_to)}", period_style),
        Spacer(1, 2 * mm), table]
    if not rows:
        story.append(_p("(Không có văn bản nào được đăng ký trong khoảng thời gian này.)",
                        period_style))
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=landscape(A4), leftMargin=20 * mm,
                            rightMargin=15 * mm, topMargin=20 * mm, bottomMargin=15 * mm,
                            title=TITLES[direction], author="Họp thông minh")

    def number_pages(canvas: Canvas, _doc: Any) -> None:
        page = canvas.getPageNumber()
        if page > 1:
            canvas.setFont(REGULAR, 12)
            w, h = landscape(A4)
            canvas.drawCentredString(w / 2, h - 12 * mm, str(page))

    doc.build(story, onFirstPage=number_pages, onLaterPages=number_pages)
    return buf.getvalue()
