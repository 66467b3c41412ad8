"""The dashboard exported: XLSX (a sheet of directives, a sheet of the per-unit summary)
and the PDF report "Báo cáo tình hình thực hiện nhiệm vụ" in the Decree 30 layout.

The PDF is laid out by :mod:`server.paperwork.decree30`, the page machinery of the
minutes, the invitation and the calendar's week: agency heading with "Số: …/BC-…", national
title and motto, place and date, title, body, "Nơi nhận" and the signature block.
Both renderers are pure CPU work, run off the loop and off the database thread.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from server.paperwork import fonts
from server.paperwork.decree30 import (
    FRAME_WIDTH,
    Signer,
    build_pdf,
    header_table,
    markup,
    para,
    recipients_flowables,
    signer_cell,
    styles,
    title_flowables,
    two_column_block,
)
from server.paperwork.wording import agency_abbrev, agency_lines, nfc, place_name, vn_date

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
    signer: str = ""
    """The agency head's name under the signature (blank: signed by hand)."""
    signer_title: str = "CHỦ TỊCH"


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


def _cell_styles() -> tuple[ParagraphStyle, ParagraphStyle]:
    """The table's cells: smaller than the body so seven columns fit the frame."""
    fonts.register_fonts()
    cell = ParagraphStyle("dir_cell", fontName=fonts.REGULAR, fontSize=11, leading=13,
                          alignment=TA_CENTER)
    head = ParagraphStyle("dir_head", parent=cell, fontName=fonts.BOLD)
    return cell, head


def report_story(report: Report) -> list[Flowable]:
    """Heading, title, the figures in words, the per-unit table, "Nơi nhận" and signer."""
    st = styles()
    cell, head_style = _cell_styles()
    today = date.fromisoformat(report.today)
    agency = report.agency or "VĂN PHÒNG"
    place = place_name(agency)
    t = report.figures["totals"]
    body = (f"Tính đến ngày {_vn(report.today)}, tổng số nhiệm vụ được giao là {t['total']}, "
            f"trong đó: hoàn thành đúng hạn {t['completed_on_time']}; hoàn thành quá hạn "
            f"{t['completed_late']}; chưa hoàn thành trong hạn {t['not_due']}; quá hạn "
            f"{t['overdue']} (quá hạn trên 30 ngày {t['overdue_30']}); không có hạn xử lý "
            f"{t['no_deadline']}. Tỷ lệ hoàn thành đúng hạn: "
            f"{_rate(t['on_time_rate']) or 'chưa có'}.")
    head = ["Đơn vị", "Đúng hạn", "Quá hạn (đã HT)", "Trong hạn", "Quá hạn", "Tổng",
            "Tỷ lệ"]
    rows = [[Paragraph(markup(h), head_style) for h in head]]
    for u in [*report.figures["units"], {**t, "name": "Tổng cộng"}]:
        rows.append([Paragraph(markup(u["name"] or "(Chưa giao đơn vị)"), cell),
                     *(Paragraph(str(u[k]), cell) for k in (
                         "completed_on_time", "completed_late", "not_due", "overdue",
                         "total")),
                     Paragraph(_rate(u["on_time_rate"]), cell)])
    table = Table(rows, colWidths=[FRAME_WIDTH * 0.34] + [FRAME_WIDTH * 0.11] * 6,
                  repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    signer = Signer(f"TM. {agency_lines(agency)[0]}\n{report.signer_title}", report.signer,
                    note="")
    return [
        header_table(agency=agency, parent_agency=None,
                     number_label=nfc(f"Số:{chr(0xa0) * 6}/BC-{agency_abbrev(agency)}"),
                     place_date=nfc(f"{place + ', ' if place else ''}{vn_date(today)}")),
        *title_flowables("BÁO CÁO", "Tình hình thực hiện nhiệm vụ"),
        para(body, st.body), Spacer(1, 6), table, Spacer(1, 12),
        KeepTogether(two_column_block(
            recipients_flowables(["- Các đơn vị chủ trì;", "- Lưu: VT."]),
            signer_cell(signer))),
    ]


def render_pdf(report: Report) -> bytes:
    """"Báo cáo tình hình thực hiện nhiệm vụ" on the Decree-30 page of the minutes."""
    return build_pdf(report_story(report), title="Báo cáo tình hình thực hiện nhiệm vụ",
                     author=report.agency or "Họp thông minh", subject="Báo cáo")
