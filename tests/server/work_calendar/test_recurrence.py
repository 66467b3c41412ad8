"""Our own RRULE expansion against icalendar + recurring-ical-events, rule by rule."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest

from server.errors import BadRequest
from server.modules.calendar.recurrence import (
    LOCAL_TZ,
    check_synchronized,
    expand_library,
    expand_simple,
    last_end,
    parse_rrule,
)

RULES = [
    "FREQ=WEEKLY",
    "FREQ=WEEKLY;BYDAY=MO,TH",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,FR;COUNT=9",
    "FREQ=WEEKLY;INTERVAL=3;COUNT=20",
    "FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20270215T010000Z",
    "FREQ=DAILY;COUNT=10",
    "FREQ=DAILY;INTERVAL=3;UNTIL=20270301",
    "FREQ=DAILY",
    "FREQ=MONTHLY;BYDAY=2TU;COUNT=6",
    "FREQ=MONTHLY;BYDAY=-1FR",
    "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15;UNTIL=20280101",
]


@pytest.mark.parametrize("text", RULES)
def test_both_expanders_agree_on_random_windows(text: str) -> None:
    rule = parse_rrule(text)
    assert rule.simple
    rng = random.Random(text)
    checked = 0
    while checked < 40:
        start = datetime(rng.choice([2026, 2027]), rng.randint(1, 12), rng.randint(1, 28),
                         rng.choice([7, 8, 13, 14]), rng.choice([0, 30]), tzinfo=LOCAL_TZ)
        try:
            check_synchronized(start, rule)
        except BadRequest:
            continue
        duration = timedelta(minutes=rng.choice([30, 90, 240, 60 * 30]))
        ws = start + timedelta(days=rng.randint(-10, 400), hours=rng.randint(0, 23))
        we = ws + timedelta(days=rng.randint(1, 90))
        assert list(expand_simple(start, duration, rule, ws, we)) == list(
            expand_library(start, duration, rule, ws, we)), (start, duration, ws, we)
        checked += 1


def test_until_is_stored_in_utc_never_floating() -> None:
    # A date UNTIL is the end of that day in Asia/Ho_Chi_Minh; a floating time is local.
    assert parse_rrule("FREQ=WEEKLY;UNTIL=20261231").text == \
        "FREQ=WEEKLY;UNTIL=20261231T165959Z"
    assert parse_rrule("RRULE:FREQ=DAILY;UNTIL=20261231T080000").text == \
        "FREQ=DAILY;UNTIL=20261231T010000Z"


def test_series_end_where_count_says() -> None:
    rule = parse_rrule("FREQ=MONTHLY;BYDAY=2TU;COUNT=3")
    assert rule.simple  # one a month: ours
    assert not parse_rrule("FREQ=MONTHLY;BYDAY=TU").simple  # every Tuesday: the library
    start = datetime(2026, 12, 8, 8, 0, tzinfo=LOCAL_TZ)  # the 2nd Tuesday of December
    hour = timedelta(hours=1)
    assert last_end(start, hour, rule) == datetime(2027, 2, 9, 9, 0, tzinfo=LOCAL_TZ)
    weekly = parse_rrule("FREQ=WEEKLY;COUNT=3")
    assert last_end(start, hour, weekly) == datetime(2026, 12, 22, 9, 0, tzinfo=LOCAL_TZ)
    assert last_end(start, hour, parse_rrule("FREQ=WEEKLY")) is None


@pytest.mark.parametrize("text", ["FREQ=HOURLY", "FREQ=WEEKLY;COUNT=2;UNTIL=20270101",
                                  "FREQ=WEEKLY;BYDAY=XX", "FREQ=WEEKLY;BYHOUR=8",
                                  "FREQ=DAILY;INTERVAL=0", "FREQ=WEEKLY;FREQ=DAILY", "junk"])
def test_bad_rules_are_refused(text: str) -> None:
    with pytest.raises(BadRequest):
        parse_rrule(text)


def test_a_start_off_the_rules_days_is_refused() -> None:
    monday = datetime(2026, 12, 7, 8, 0, tzinfo=LOCAL_TZ)
    check_synchronized(monday, parse_rrule("FREQ=WEEKLY;BYDAY=MO"))
    with pytest.raises(BadRequest):
        check_synchronized(monday, parse_rrule("FREQ=WEEKLY;BYDAY=TU"))
