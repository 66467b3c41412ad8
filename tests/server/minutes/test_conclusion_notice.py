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
    # Fri 28 (1), [Sat 29, Sun 30], [Mon 31: the Government's swap for Sat 22/8],
    # [Tue 1/9, Wed 2/9: Quốc khánh, two days since 2025], Thu 3 (2), Fri 4 (3), Mon 7 (4),
    # Tue 8 (5). The earlier expectation (4/9) counted 31/8 and 1/9 as working days.
    assert notice.due_on == date(2026, 9, 8)


def test_due_date_skips_tet(draft: MinutesDraft) -> None:
    # Friday 13/2/2026; Tết Bính Ngọ closes offices Mon 16 – Fri 20/2.
    notice = notice_from_draft(on(draft, date(2026, 2, 13)), issued_on=date(2026, 2, 13))
    assert notice.due_on == date(2026, 2, 27)
    assert not is_working_day(date(2026, 2, 17))


def test_configured_holidays_are_skipped_too(draft: MinutesDraft) -> None:
    meeting = on(draft, date(2026, 10, 1))  # a Thursday
    assert notice_from_draft(meeting, date(2026, 10, 1)).due_on == date(2026, 10, 8)
    # A day off decided locally is configured, not computed.
    notice = notice_from_draft(meeting, date(2026, 10, 1), holidays={date(2026, 10, 2)})
    assert notice.due_on == date(2026, 10, 9)


def test_weekend_holiday_gives_a_compensatory_day() -> None:
    assert date(2028, 9, 2).weekday() == 5  # Saturday
    assert date(2028, 9, 4) in fixed_holidays(2028)
    assert not is_working_day(date(2028, 9, 4))
    # Quốc khánh 2028 is Fri 1/9 and Sat 2/9 (two days since 2025): Mon 4/9 is off too.
    assert add_working_days(date(2028, 8, 31), 2) == date(2028, 9, 6)
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
