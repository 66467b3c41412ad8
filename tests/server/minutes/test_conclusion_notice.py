"""Conclusion notice: the five-working-day deadline and the rendered PDF."""

from __future__ import annotations

import dataclasses
import itertools
from datetime import date, datetime

import pytest

from server.modules.minutes.model import MinutesDraft
from server.modules.minutes.notice import notice_from_draft, render_notice_pdf
from server.paperwork.workdays import add_working_days, fixed_holidays, is_working_day
from tests.server.minutes.minutes_samples import MM


def on(draft: MinutesDraft, day: date) -> MinutesDraft:
    start = datetime.combine(day, draft.started_at.time())
    return dataclasses.replace(draft, started_at=start, ended_at=start.replace(hour=11))


def test_due_date_skips_weekend_and_national_day(draft: MinutesDraft) -> None:
    meeting = date(2026, 8, 27)
    assert meeting.weekday() == 3  # a Thursday
    notice = notice_from_draft(on(draft, meeting), issued_on=date(2026, 8, 28))
    # Fri 28 (1), [Sat 29, Sun 30], Mon 31 (2), Tue 1/9 (3), [Wed 2/9], Thu 3 (4), Fri 4 (5)
    assert notice.due_on == date(2026, 9, 4)


def test_configured_holidays_are_skipped_too(draft: MinutesDraft) -> None:
    meeting = on(draft, date(2026, 8, 27))
    # The second Quốc khánh day is set by the Government each year: configured, not computed.
    notice = notice_from_draft(meeting, date(2026, 8, 28), holidays={date(2026, 9, 1)})
    assert notice.due_on == date(2026, 9, 7)


def test_weekend_holiday_gives_a_compensatory_day() -> None:
    assert date(2028, 9, 2).weekday() == 5  # Saturday
    assert date(2028, 9, 4) in fixed_holidays(2028)
    assert not is_working_day(date(2028, 9, 4))
    assert add_working_days(date(2028, 8, 31), 2) == date(2028, 9, 5)
    # 30/4 and 1/5 2028 fall on Sunday and Monday: the substitute moves past 1/5 to 2/5.
    assert date(2028, 5, 2) in fixed_holidays(2028)
    assert add_working_days(date(2028, 4, 28), 1) == date(2028, 5, 3)


def test_working_day_arithmetic_edges() -> None:
    assert add_working_days(date(2026, 11, 24), 0) == date(2026, 11, 24)
    assert add_working_days(date(2026, 12, 31), 1) == date(2027, 1, 4)  # 1/1 Fri, weekend
    with pytest.raises(ValueError):
        add_working_days(date(2026, 1, 1), -1)


def test_notice_content(draft: MinutesDraft) -> None:
    notice = notice_from_draft(draft, issued_on=date(2026, 11, 26), number=5)
    assert notice.due_on == date(2026, 12, 1)  # Tue 24/11 + 5 working days
    assert [title for title, _ in notice.conclusions] == [it.title for it in draft.items]
    assert notice.meeting_date == date(2026, 11, 24)


def test_notice_pdf(draft: MinutesDraft, pdftotext, pdf_words, pdffonts, pdfinfo) -> None:
    notice = notice_from_draft(draft, issued_on=date(2026, 11, 26), number=5)
    pdf = render_notice_pdf(notice)
    text = " ".join(pdftotext(pdf).split())
    for line in (
        "HỘI ĐỒNG NHÂN DÂN",
        "THÀNH PHỐ MÓNG CÁI",
        "Số: 05/TB-HĐND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Móng Cái, ngày 26 tháng 11 năm 2026",
        "THÔNG BÁO",
        "Kết luận của Chủ tọa tại Kỳ họp thứ Ba, Hội đồng nhân dân thành phố Móng Cái",
        "Ngày 24 tháng 11 năm 2026, Hội đồng nhân dân thành phố Móng Cái tổ chức",
        "đồng chí Nguyễn Thị Thu Hương, Chủ tịch HĐND thành phố",
        "2. Tờ trình về dự toán ngân sách thành phố Móng Cái năm 2027",
        "chỉ đạo quyết liệt công tác thu ngân sách ngay từ đầu năm 2027.",
        "4. Kết luận chung",
        "thông báo để các cơ quan, đơn vị, cá nhân liên quan biết, thực hiện./.",
        "Nơi nhận:",
        "- Lưu: VT, HĐND.",
        "CHỦ TỌA",
    ):
        assert line in text, line
    assert "(Ký, ghi rõ họ tên)" not in text
    assert all(row[-5] == "yes" for row in pdffonts(pdf))
    assert "(A4)" in pdfinfo(pdf)["Page size"]
    _, _, words = pdf_words(pdf, 1)
    assert min(w.x_min for w in words) >= 30 * MM - 0.5
    assert max(w.x_max for w in words) <= 195 * MM + 0.5
    assert min(w.y_min for w in words) >= 20 * MM - 0.5
    assert max(w.y_max for w in words) <= 277 * MM + 0.5
    # "Nơi nhận" sits left of the signer, on the same level.
    label = next(w for w in words if w.text == "Nơi")
    signer = next(
        w for w, nxt in itertools.pairwise(words) if (w.text, nxt.text) == ("CHỦ", "TỌA")
    )
    assert label.x_max < signer.x_min and abs(label.y_min - signer.y_min) < 3
