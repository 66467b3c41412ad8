"""Our own iCalendar writing (escaping, folding) read back by icalendar."""

from __future__ import annotations

from datetime import datetime

from icalendar import Calendar

from server.modules.calendar.ics import TZID, _vevent, fold, vtimezone
from server.modules.calendar.recurrence import LOCAL_TZ


def test_text_with_commas_semicolons_newlines_and_long_lines_survives() -> None:
    title = ("Họp giao ban, Thường trực; UBND\nthành phố Móng Cái — kiểm tra công tác phòng "
             "cháy chữa cháy chợ trung tâm và các khu dân cư ven biên giới \\ cuối năm")
    start = datetime(2026, 12, 7, 8, 0, tzinfo=LOCAL_TZ)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:x", *vtimezone().strip().split("\n")]
    _vevent(lines, "event-1@x", "20261201T000000Z", start, start.replace(hour=10), title,
            "Phòng họp số 1, tầng 2", "")
    lines.append("END:VCALENDAR")
    text = "\r\n".join(lines) + "\r\n"
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    (event,) = Calendar.from_ical(text.encode()).walk("VEVENT")
    assert str(event["SUMMARY"]) == title
    assert str(event["LOCATION"]) == "Phòng họp số 1, tầng 2"
    assert event.decoded("DTSTART") == start
    assert event["DTSTART"].params["TZID"] == TZID


def test_fold_never_splits_a_character() -> None:
    line = "SUMMARY:" + "Đ" * 100
    parts = fold(line).split("\r\n ")
    assert "".join(parts) == line
    assert all(len(p.encode()) <= 75 for p in parts)
