"""The dashboard exported: XLSX (a sheet of directives, a sheet of the per-unit summary)
and the PDF report "Báo cáo tình hình thực hiện nhiệm vụ" in the Decree 30 layout.

The minutes module's page machinery comes after this module in the module order (minutes
reads directives for its conclusion notice), so the report draws its own Decree 30
heading with the shared fonts of :mod:`server.paperwork.fonts`: A4, margins 20/20/30/15 mm,
Times-metric Liberation Serif, agency left and national title and motto right.
Both renderers are pure CPU work, run off the loop and off the database thread.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from server.paperwork import fonts

STATUS_VI = {"assigned": "Đã giao", "in_progress": "Đang thực hiện",
             "reported": "Đã báo cáo", "returned": "Trả lại", "completed": "Hoàn thành"}
SUMMARY_HEAD = ("Đơn vị chủ trì", "Hoàn thành đúng hạn", "Hoàn thành quá hạn",
                "Chưa hoàn thành trong hạn", "Quá hạn", "Không có hạn", "Quá hạn trên 30 ngày",
                "Tổng số", "Tỷ lệ đúng hạn")
KEYS = ("completed_on_time", "completed_late", "not_due", "overdue", "no_deadline",
        "overdue_30", "total")


@dataclass(frozen=True)
class Report:
    """Everything both renderers need, read in one unit of work."""

    agency: str
    today: str
    figures: dict[str, Any]
    directives: list[dict[str, Any]]
    """``[{directive_id, content, unit, assignee, deadline, status, overdue, on_time,
    completed_at, issued_at}]``."""


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _rate(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.1f}%"


def _vn(iso: str | None) -> str:
    if not iso:
        return ""
    d = date.fromisoformat(iso[:10])
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def render_xlsx(report: Report) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Nhiệm vụ"
    ws.append(["Số TT", "Nội dung", "Đơn vị chủ trì", "Người được giao", "Hạn xử lý",
               "Trạng thái", "Quá hạn", "Hoàn thành", "Đúng hạn", "Ngày giao"])
    for n, d in enumerate(report.directives, start=1):
        ws.append([n, d["content"], d["unit"], d["assignee"], d["deadline"] or "",
                   STATUS_VI.get(d["status"], d["status"]), "Có" if d["overdue"] else "",
                   (d["completed_at"] or "")[:10],
                   "" if d["on_time"] is None else ("Có" if d["on_time"] else "Không"),
                   d["issued_at"][:10]])
    summary = wb.create_sheet("Tổng hợp theo đơn vị")
    summary.append(list(SUMMARY_HEAD))
    for unit in report.figures["units"]:
        summary.append([unit["name"] or "(Chưa giao đơn vị)", *(unit[k] for k in KEYS),
                        unit["on_time_rate"]])
    totals = report.figures["totals"]
    summary.append(["Tổng cộng", *(totals[k] for k in KEYS), totals["on_time_rate"]])
    for sheet in (ws, summary):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.freeze_panes = "A2"
    ws.column_dimensions["B"].width = 60
    summary.column_dimensions["A"].width = 40
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _styles() -> dict[str, ParagraphStyle]:
    fonts.register_fonts()

    def style(name: str, size: float, *, bold: bool = False, italic: bool = False,
              align: int = TA_CENTER, leading: float | None = None) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=fonts.face(bold=bold, italic=italic),
                              fontSize=size, leading=leading or size * 1.2, alignment=align)

    return {"agency": style("agency", 12, bold=True), "national": style("national", 12,
            bold=True), "motto": style("motto", 13, bold=True),
            "date": style("date", 14, italic=True), "kind": style("kind", 14, bold=True),
            "title": style("title", 14, bold=True),
            "body": style("body", 14, align=TA_JUSTIFY, leading=18),
            "cell": style("cell", 11, leading=13), "head": style("head", 11, bold=True,
                                                                leading=13)}


def render_pdf(report: Report) -> bytes:
    """"Báo cáo tình hình thực hiện nhiệm vụ": heading, figures, per-unit table."""
    st = _styles()
    today = date.fromisoformat(report.today)
    width = A4[0] - 45 * mm
    heading = Table([[Paragraph(nfc(report.agency.upper()), st["agency"]),
                      [Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", st["national"]),
                       Paragraph("Độc lập - Tự do - Hạnh phúc", st["motto"])]],
                     ["", Paragraph(f"ngày {today.day:02d} tháng {today.month:02d} năm "
                                    f"{today.year}", st["date"])]],
                    colWidths=[width * 0.42, width * 0.58])
    heading.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                 ("TOPPADDING", (0, 1), (-1, 1), 8)]))
    t = report.figures["totals"]
    body = (f"Tính đến ngày {_vn(report.today)}, tổng số nhiệm vụ được giao là {t['total']}, "
            f"trong đó: hoàn thành đúng hạn {t['completed_on_time']}; hoàn thành quá hạn "
            f"{t['completed_late']}; chưa hoàn thành trong hạn {t['not_due']}; quá hạn "
            f"{t['overdue']} (quá hạn trên 30 ngày {t['overdue_30']}); không có hạn xử lý "
            f"{t['no_deadline']}. Tỷ lệ hoàn thành đúng hạn: "
            f"{_rate(t['on_time_rate']) or 'chưa có'}.")
    head = ["Đơn vị", "Đúng hạn", "Quá hạn (đã HT)", "Trong hạn", "Quá hạn", "Tổng",
            "Tỷ lệ"]
    rows = [[Paragraph(h, st["head"]) for h in head]]
    for u in [*report.figures["units"], {**t, "name": "Tổng cộng"}]:
        rows.append([Paragraph(nfc(u["name"] or "(Chưa giao đơn vị)"), st["cell"]),
                     *(Paragraph(str(u[k]), st["cell"]) for k in (
                         "completed_on_time", "completed_late", "not_due", "overdue",
                         "total")),
                     Paragraph(_rate(u["on_time_rate"]), st["cell"])])
    table = Table(rows, colWidths=[width * 0.34] + [width * 0.11] * 6, repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    story = [heading, Spacer(1, 14), Paragraph("BÁO CÁO", st["kind"]),
             Paragraph("Tình hình thực hiện nhiệm vụ", st["title"]), Spacer(1, 14),
             Paragraph(nfc(body), st["body"]), Spacer(1, 10), table]
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=30 * mm, rightMargin=15 * mm,
                            topMargin=20 * mm, bottomMargin=20 * mm,
                            title="Báo cáo tình hình thực hiện nhiệm vụ",
                            author=nfc(report.agency), creator="Họp thông minh")
    doc.build(story)
    return out.getvalue()
