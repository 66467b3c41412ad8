""""Lịch công tác tuần" as PDF, in the administrative layout of Decree 30/2020/NĐ-CP.

A4 landscape (the table needs the width), the decree's margins, the agency header with the
national title and motto, the title with the week, the table Thứ/Ngày · Buổi · Nội dung ·
Chủ trì · Thành phần · Địa điểm · Chuẩn bị (a row per day, Sáng and Chiều), "Nơi nhận" and
the signature block of the Chánh Văn phòng. Fonts, styles, rules and the paragraph helpers
are the minutes' (``server.modules.minutes.pdf``), so both documents look alike.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
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
from sqlalchemy.engine import Connection

from server.modules.calendar import people, service
from server.modules.calendar.publishing import holidays_between, publication
from server.modules.calendar.recurrence import LOCAL_TZ, day_start
from server.modules.minutes.model import nfc
from server.modules.minutes.pdf import (
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MOTTO,
    MOTTO_SIZE,
    NATIONAL_TITLE,
    markup,
    para,
    rule,
    styles,
)
from server.paperwork import fonts

AGENCY_PARENT = "Ủy ban nhân dân thành phố Móng Cái"
AGENCY = "Văn phòng HĐND và UBND"
"""Used when the organisation names no office unit (a headed unit of an ``office`` user)."""
PLACE = "Móng Cái"
SIGNER_HEADING = "CHÁNH VĂN PHÒNG"
RECIPIENTS = ("Thường trực Thành ủy, HĐND, UBND thành phố;",
              "Các phòng, ban, đơn vị thuộc thành phố;", "Lưu: VT.")
DAY_NAMES = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
COLUMNS = ("Thứ/Ngày", "Buổi", "Nội dung", "Chủ trì", "Thành phần", "Địa điểm", "Chuẩn bị")
MAX_NAMES = 6
CELL_SIZE = 11
HEAD_SIZE = 11

PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM


@dataclass(frozen=True)
class Row:
    """One event in one half-day, names already resolved."""

    start: datetime
    end: datetime
    title: str
    host: str
    attendees: str
    place: str
    preparing: str


@dataclass
class WeekSchedule:
    monday: date
    version: int | None
    superseded: bool
    days: dict[date, dict[str, list[Row]]] = field(default_factory=dict)
    holidays: dict[date, str] = field(default_factory=dict)
    agency: str = AGENCY
    parent_agency: str = AGENCY_PARENT
    signer: str = ""


def week_schedule(conn: Connection, session: Any, monday: date) -> WeekSchedule:
    """What the user sees of the week (the office sees all), names resolved."""
    ws, we = day_start(monday), day_start(monday + timedelta(days=7))
    who = service.viewer(conn, session)
    occs = service.visible_occurrences(conn, who, ws, we)
    user_ids = {u for o in occs for u in o.participant_ids} | {
        u for o in occs for u in (o.host_id, o.delegate_id) if u is not None}
    unit_ids = {u for o in occs for u in o.unit_ids} | {
        o.preparing_unit_id for o in occs if o.preparing_unit_id is not None}
    names = people.names(conn, user_ids)
    units = people.unit_names(conn, unit_ids)
    pub = publication(conn, monday)
    out = WeekSchedule(monday=monday, version=pub.version if pub is not None else None,
                       superseded=pub is not None and pub.superseded_at is not None)
    office = people.office(conn)
    out.agency = office.agency or AGENCY
    if office.parent:
        # The demo's units say "thành phố" alone; the header names the place.
        out.parent_agency = office.parent if PLACE in office.parent else \
            f"{office.parent} {PLACE}"
    out.signer = office.head_name or ""
    out.holidays = {date.fromisoformat(h["date"]): h["name"]
                    for h in holidays_between(monday, monday + timedelta(days=6))}
    for o in occs:
        start = o.start.astimezone(LOCAL_TZ)
        host = names.get(o.host_id, "") if o.host_id else ""
        if o.delegate_id:
            host = f"{host} (ủy quyền: {names.get(o.delegate_id, '')})".strip()
        attendees = [units.get(u, f"Đơn vị #{u}") for u in o.unit_ids]
        persons = [names.get(u, f"#{u}") for u in o.participant_ids if u != o.host_id]
        if len(persons) > MAX_NAMES:  # a council session: not thirty names in a cell
            more = f"và {len(persons) - MAX_NAMES + 1} người khác"
            persons = [*persons[:MAX_NAMES - 1], more]
        attendees += persons
        row = Row(start=start, end=o.end.astimezone(LOCAL_TZ), title=o.title, host=host,
                  attendees="; ".join(attendees), place=o.location,
                  preparing=units.get(o.preparing_unit_id, "") if o.preparing_unit_id else "")
        half = "Sáng" if start.hour < 12 else "Chiều"
        out.days.setdefault(start.date(), {}).setdefault(half, []).append(row)
    return out


def _hhmm(t: datetime) -> str:
    return f"{t.hour:02d}h{t.minute:02d}"


def _styles() -> dict[str, ParagraphStyle]:
    st = styles()
    cell = ParagraphStyle("cal_cell", fontName=fonts.REGULAR, fontSize=CELL_SIZE,
                          leading=CELL_SIZE * 1.2)
    return {
        "cell": cell,
        "centre": ParagraphStyle("cal_centre", parent=cell, alignment=1),
        "head": ParagraphStyle("cal_head", parent=cell, fontName=fonts.BOLD, alignment=1,
                               fontSize=HEAD_SIZE),
        "day": ParagraphStyle("cal_day", parent=cell, fontName=fonts.BOLD, alignment=1),
        "note": ParagraphStyle("cal_note", parent=cell, fontName=fonts.ITALIC, alignment=1),
        "agency": st.agency, "parent": st.parent, "national": st.national, "motto": st.motto,
        "number": st.number, "place_date": st.place_date, "doc_kind": st.doc_kind,
        "doc_title": st.doc_title, "sign_heading": st.sign_heading, "sign_name": st.sign_name,
        "recipients_label": st.recipients_label, "recipients": st.recipients,
    }


def _header(s: WeekSchedule, st: dict[str, ParagraphStyle], today: date) -> Table:
    left_w = 100 * mm
    left: list[Flowable] = [
        para(nfc(s.parent_agency).upper(), st["parent"]),
        para(nfc(s.agency).upper(), st["agency"]),
        rule(fonts.text_width(nfc(s.agency).upper(), 12, bold=True) * 0.4),
    ]
    right: list[Flowable] = [
        para(NATIONAL_TITLE, st["national"]), para(MOTTO, st["motto"]),
        rule(fonts.text_width(MOTTO, MOTTO_SIZE, bold=True)),
    ]
    number = f"Số: {s.monday.isocalendar().week:02d}/LCT-VP"
    place_date = f"{PLACE}, ngày {today.day:02d} tháng {today.month:02d} năm {today.year}"
    table = Table([[left, right], [para(number, st["number"]), para(place_date,
                                                                     st["place_date"])]],
                  colWidths=[left_w, FRAME_WIDTH - left_w])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 1), (-1, 1), 6)]))
    return table


def title_text(s: WeekSchedule) -> tuple[str, str]:
    sunday = s.monday + timedelta(days=6)
    kind = "LỊCH CÔNG TÁC TUẦN"
    if (s.version or 0) > 1 or s.superseded:
        kind += " (ĐIỀU CHỈNH)"
    sub = (f"Tuần {s.monday.isocalendar().week}, từ ngày {s.monday:%d/%m/%Y} "
           f"đến ngày {sunday:%d/%m/%Y}")
    return kind, sub


def _table(s: WeekSchedule, st: dict[str, ParagraphStyle]) -> Table:
    widths = [24 * mm, 16 * mm, 70 * mm, 32 * mm, 48 * mm, 34 * mm]
    widths.append(FRAME_WIDTH - sum(widths))
    data: list[list[Any]] = [[Paragraph(markup(c), st["head"]) for c in COLUMNS]]
    style: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.93, 0.93, 0.93)),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for i in range(7):
        day = s.monday + timedelta(days=i)
        halves = s.days.get(day, {})
        if i >= 5 and not halves:
            continue  # the weekend appears only when something is on
        label = f"{DAY_NAMES[i]}\n{day:%d/%m}"
        if day in s.holidays:
            label += f"\n({s.holidays[day]})"
        first = len(data)
        for half in ("Sáng", "Chiều"):
            rows = sorted(halves.get(half, []), key=lambda r: (r.start, r.title))
            top = len(data)
            if not rows:
                filler = s.holidays.get(day, "")
                data.append(["", Paragraph(markup(half), st["centre"]),
                             Paragraph(markup(filler), st["note"]), "", "", "", ""])
            for r in rows:
                content = f"<b>{_hhmm(r.start)}</b>: {markup(r.title)}"
                data.append(["", Paragraph(markup(half), st["centre"]),
                             Paragraph(content, st["cell"]),
                             Paragraph(markup(r.host), st["cell"]),
                             Paragraph(markup(r.attendees), st["cell"]),
                             Paragraph(markup(r.place), st["cell"]),
                             Paragraph(markup(r.preparing), st["cell"])])
            if len(data) - top > 1:
                style.append(("SPAN", (1, top), (1, len(data) - 1)))
        data[first][0] = Paragraph(markup(label), st["day"])
        style.append(("SPAN", (0, first), (0, len(data) - 1)))
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def _signature(s: WeekSchedule, st: dict[str, ParagraphStyle]) -> Table:
    left: list[Flowable] = [Paragraph(markup("Nơi nhận:"), st["recipients_label"])]
    left += [Paragraph(markup(f"- {line}"), st["recipients"]) for line in RECIPIENTS]
    right: list[Flowable] = [Paragraph(markup(SIGNER_HEADING), st["sign_heading"]),
                             Spacer(1, 24 * mm), para(s.signer, st["sign_name"])]
    half = FRAME_WIDTH / 2
    table = Table([[left, right]], colWidths=[half, half])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _page_number(canvas: Canvas, _doc: BaseDocTemplate) -> None:
    """Decree 30: page numbers centred in the top margin, none on the first page."""
    page = canvas.getPageNumber()
    if page < 2:
        return
    canvas.saveState()
    canvas.setFont(fonts.REGULAR, 13)
    canvas.drawCentredString(MARGIN_LEFT + FRAME_WIDTH / 2, PAGE_HEIGHT - MARGIN_TOP / 2 - 4,
                             str(page))
    canvas.restoreState()


def render_week_pdf(s: WeekSchedule, today: date | None = None) -> bytes:
    """The week as a PDF (bytes). CPU work: run it off the loop."""
    fonts.register_fonts()
    st = _styles()
    today = today or datetime.now(LOCAL_TZ).date()
    kind, sub = title_text(s)
    story: list[Flowable] = [
        _header(s, st, today),
        para(kind, st["doc_kind"]),
        para(sub, st["doc_title"]),
        rule(60 * mm, space_before=3, space_after=10),
        _table(s, st),
        Spacer(1, 8 * mm),
        _signature(s, st),
    ]
    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=landscape(A4), leftMargin=MARGIN_LEFT,
                          rightMargin=MARGIN_RIGHT, topMargin=MARGIN_TOP,
                          bottomMargin=MARGIN_BOTTOM, title=nfc(f"{kind} – {sub}"),
                          author=nfc(AGENCY), creator="Họp thông minh", lang="vi")
    frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, FRAME_WIDTH, FRAME_HEIGHT, leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_page_number)])
    doc.build(story)
    return buffer.getvalue()
