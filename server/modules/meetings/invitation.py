"""The invitation (giấy mời) of a meeting as a Decree-30 PDF.

Same typography as the minutes (``server.paperwork.decree30``): the agency heading with
"Số: …/GM-…" and the place and date, the title "GIẤY MỜI", whom it invites, time, place,
the agenda with presenters and planned durations, a request to confirm attendance, the
chair's signature block and "Nơi nhận"; the participants follow as an annex list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from server.paperwork.decree30 import (
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
from server.paperwork.wording import (
    agency_abbrev,
    agency_lines,
    nfc,
    place_name,
    two_digits,
    vn_date,
)

LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")
WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
ROLE_LABELS = {"chair": "Chủ tọa", "vice_chair": "Phó Chủ tọa", "clerk": "Thư ký",
               "delegate": "Đại biểu", "guest": "Khách mời", "observer": "Dự thính"}


@dataclass(frozen=True)
class InvitedItem:
    title: str
    presenter: str | None = None
    duration_min: int | None = None


@dataclass(frozen=True)
class Invitee:
    full_name: str
    role: str
    title: str | None = None
    seat: str | None = None


@dataclass(frozen=True)
class Invitation:
    """Everything the invitation says, read from the meeting in one unit of work."""

    meeting_id: int
    title: str
    body: str
    location: str
    starts_at: datetime
    ends_at: datetime | None
    chair: str
    issued_on: date
    agenda: list[InvitedItem] = field(default_factory=list)
    invitees: list[Invitee] = field(default_factory=list)
    addressee: Invitee | None = None
    """The participant it is addressed to; None: "thành phần theo danh sách kèm theo"."""


def agency_in_text(body: str) -> str:
    """"Ủy ban nhân dân thành phố Móng Cái": sentence case, the place capitalised."""
    if not body:
        return "Văn phòng"
    place = place_name(body)
    text = nfc(body).lower()
    if place and text.endswith(place.lower()):
        text = text[: -len(place)] + place
    return text[:1].upper() + text[1:]


def local_time_words(t: datetime) -> str:
    """"08 giờ 00 phút, thứ Hai, ngày 07 tháng 12 năm 2026" in Vietnam's time."""
    t = t.astimezone(LOCAL)
    return (f"{two_digits(t.hour)} giờ {two_digits(t.minute)} phút, {WEEKDAYS[t.weekday()]}, "
            f"{vn_date(t.date())}")


def invitation_story(inv: Invitation) -> list[Flowable]:
    st = styles()
    abbrev = agency_abbrev(inv.body)
    place = place_name(inv.body)
    agency_short = agency_in_text(inv.body)
    story: list[Flowable] = [
        header_table(agency=inv.body or "VĂN PHÒNG", parent_agency=None,
                     number_label=nfc(f"Số:{chr(0xa0) * 6}/GM-{abbrev}"),
                     place_date=nfc(f"{place + ', ' if place else ''}{vn_date(inv.issued_on)}")),
        *title_flowables("GIẤY MỜI", inv.title),
    ]
    if inv.addressee is not None:
        who = inv.addressee.full_name
        if inv.addressee.title:
            who += f", {inv.addressee.title}"
        story.append(para(f"{agency_short} trân trọng kính mời: Ông (Bà) {who}.", st.body))
    else:
        story.append(para(f"{agency_short} trân trọng kính mời: các thành phần theo danh sách "
                          "kèm theo.", st.body))
    story.append(para(f"Tới dự: {inv.title}.", st.body))
    when = local_time_words(inv.starts_at)
    if inv.ends_at is not None:
        end = inv.ends_at.astimezone(LOCAL)
        when += f" (dự kiến kết thúc lúc {two_digits(end.hour)} giờ {two_digits(end.minute)})"
    story.append(para(f"Thời gian: {when}.", st.body))
    if inv.location:
        story.append(para(f"Địa điểm: {inv.location}.", st.body))
    if inv.agenda:
        story.append(para("Nội dung:", st.body))
        for n, item in enumerate(inv.agenda, start=1):
            extra = []
            if item.presenter:
                extra.append(f"trình bày: {item.presenter}")
            if item.duration_min:
                extra.append(f"{item.duration_min} phút")
            tail = f" ({'; '.join(extra)})" if extra else ""
            story.append(para(f"{n}. {item.title}{tail}.", st.bullet))
    story.append(para("Tài liệu cuộc họp được gửi trên hệ thống Họp thông minh. Đề nghị đại biểu "
                      "xác nhận tham dự hoặc báo lý do vắng mặt trên hệ thống trước giờ họp.",
                      st.body))
    story.append(para(f"Rất mong {'Ông (Bà)' if inv.addressee else 'các đại biểu'} "
                      "tham dự đúng thời gian./.", st.body))
    story.append(Spacer(1, 6))
    story.append(KeepTogether(two_column_block(
        recipients_flowables(["- Như thành phần mời;", "- Lưu: VT."]),
        signer_cell(Signer(f"TM. {agency_lines(inv.body or 'VĂN PHÒNG')[0]}\nCHỦ TỌA", inv.chair,
                           note="")),
    )))
    if inv.invitees:
        story.append(Spacer(1, 18))
        story.append(para("DANH SÁCH THÀNH PHẦN MỜI", st.doc_title))
        story.append(Spacer(1, 6))
        for n, person in enumerate(inv.invitees, start=1):
            seat = f" — ghế {person.seat}" if person.seat else ""
            label = ROLE_LABELS.get(person.role, person.role)
            story.append(Paragraph(markup(f"{n}. {person.full_name} ({label}){seat}"), st.bullet))
    return story


def render_invitation_pdf(inv: Invitation) -> bytes:
    return build_pdf(invitation_story(inv), title=f"Giấy mời - {inv.title}",
                     author=inv.body or "Họp thông minh", subject="Giấy mời")


def invitation_filename(inv: Invitation) -> str:
    return f"giay-moi-cuoc-hop-{inv.meeting_id}.pdf"
