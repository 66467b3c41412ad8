"""Times and RFC 5545 recurrence for the work calendar.

Two expanders, tested against each other (``tests/server/calendar/test_recurrence.py``):

- :func:`expand_simple` — our own arithmetic for the rules a council office actually writes
  (``DAILY`` and ``WEEKLY`` with ``INTERVAL``, ``BYDAY`` without ordinals, ``COUNT`` or
  ``UNTIL``). It jumps straight to the queried window instead of walking from ``DTSTART``,
  so a week of a five-year calendar costs the same as its first week.
- :func:`expand_library` — ``icalendar`` + ``recurring-ical-events`` for everything else
  (monthly "second Tuesday", yearly…).

Occurrences are computed in local wall time (Asia/Ho_Chi_Minh) and compared in UTC. An
``UNTIL`` is always stored in UTC: a date or a floating time from a client is read as local
time and converted (RFC 5545 forbids a floating UNTIL with a zoned DTSTART).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from server.errors import BadRequest

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
FREQS = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
ALLOWED_PARTS = {"FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH",
                 "BYSETPOS", "WKST"}
END_OF_TIME = datetime(2200, 1, 1, tzinfo=UTC)
"""No occurrence is computed past this (far beyond any council's plans)."""
MAX_COUNT = 5000
"""More occurrences than a council calendar ever needs; bounds expansion."""


def bad_time(field: str) -> BadRequest:
    return BadRequest(f"Thời gian không hợp lệ ({field}): cần dạng 2026-12-07T08:00:00+07:00.",
                      en=f"Invalid time ({field}): expected 2026-12-07T08:00:00+07:00.")


def parse_time(value: str, field: str) -> datetime:
    """An ISO 8601 time that carries its offset (a time without one is ambiguous)."""
    try:
        dt = datetime.fromisoformat(value)
    except ValueError:
        raise bad_time(field) from None
    if dt.tzinfo is None or dt.year < 1970 or dt.year >= 2199:
        raise bad_time(field)
    return dt


def parse_date(value: str, field: str) -> date:
    try:
        day = date.fromisoformat(value)
        if 1970 <= day.year < 2199:
            return day
        raise ValueError(value)
    except ValueError:
        raise BadRequest(f"Ngày không hợp lệ ({field}): cần dạng 2026-12-07.",
                         en=f"Invalid date ({field}): expected 2026-12-07.") from None


def utc_key(dt: datetime) -> str:
    """Sortable UTC text, the form every ``*_utc`` column holds."""
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def from_utc_key(key: str) -> datetime:
    """The aware UTC time of a key (``fromisoformat``: ~30× cheaper than ``strptime``,
    and a week's listing reads hundreds of keys)."""
    return datetime.fromisoformat(key).astimezone(UTC)


_ICT = timedelta(hours=7)


def local_iso(dt: datetime) -> str:
    """The wire form: local time with its offset, seconds precision."""
    if dt.utcoffset() == _ICT and not dt.microsecond:  # already local (the common case)
        return dt.isoformat()
    return dt.astimezone(LOCAL_TZ).replace(microsecond=0).isoformat()


def day_start(day: date) -> datetime:
    """Local midnight of ``day`` as an aware time."""
    return datetime.combine(day, time(0), LOCAL_TZ)


def week_monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True, slots=True)
class Rule:
    """A parsed RRULE. ``text`` is its canonical form (UNTIL in UTC)."""

    freq: str
    interval: int
    count: int | None
    until: datetime | None
    byday: tuple[tuple[int | None, int], ...]
    """(ordinal or None, weekday 0=Monday)."""
    other: tuple[tuple[str, str], ...]
    """BYMONTHDAY, BYMONTH, BYSETPOS, WKST as written."""
    text: str
    simple: bool = False
    """Handled by :func:`expand_simple` (set by :func:`parse_rrule`)."""
    monthly_day: tuple[str, int, int] | None = None
    """One occurrence in every month: ``("nth", n, weekday)`` (n in 1–4 or -1) or
    ``("day", d, 0)`` (d ≤ 28); None for any other rule."""

    def _is_simple(self) -> bool:
        """Handled by :func:`expand_simple`."""
        if self.freq == "MONTHLY":
            return self._monthly_day() is not None
        if self.other and dict(self.other).keys() - {"WKST"}:
            return False
        if dict(self.other).get("WKST", "MO") != "MO":
            return False
        if self.freq == "DAILY":
            return not self.byday
        return self.freq == "WEEKLY" and all(o is None for o, _ in self.byday)

    def _monthly_day(self) -> tuple[str, int, int] | None:
        other = {k: v for k, v in self.other if k != "WKST"}
        if self.freq != "MONTHLY":
            return None
        if len(self.byday) == 1 and not other:
            n, weekday = self.byday[0]
            if n in (1, 2, 3, 4, -1):
                return ("nth", n, weekday)
        if not self.byday and set(other) == {"BYMONTHDAY"}:
            try:
                day = int(other["BYMONTHDAY"])
            except ValueError:
                return None
            if 1 <= day <= 28:
                return ("day", day, 0)
        return None


def _bad_rule(why: str, en: str) -> BadRequest:
    return BadRequest(f"Quy tắc lặp (RRULE) không hợp lệ: {why}.",
                      en=f"Invalid recurrence rule (RRULE): {en}.")


def _parse_until(value: str) -> datetime:
    """UNTIL as UTC: ``…Z`` as is; a date is the end of that local day; floating is local."""
    try:
        if len(value) == 8:
            day = datetime.strptime(value, "%Y%m%d").date()
            return datetime.combine(day, time(23, 59, 59), LOCAL_TZ).astimezone(UTC)
        if value.endswith("Z"):
            return datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        return datetime.strptime(value, "%Y%m%dT%H%M%S").replace(
            tzinfo=LOCAL_TZ).astimezone(UTC)
    except ValueError:
        raise _bad_rule("UNTIL sai dạng", "bad UNTIL") from None


@lru_cache(maxsize=8192)
def parse_rrule(text: str) -> Rule:
    """Parse and normalise an RRULE (``RRULE:`` prefix allowed).

    Raises:
        BadRequest: unknown parts, a bad value, or both COUNT and UNTIL.
    """
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    parts: dict[str, str] = {}
    for piece in body.split(";"):
        if not piece:
            continue
        name, sep, value = piece.partition("=")
        name = name.strip().upper()
        if not sep or not value or name not in ALLOWED_PARTS or name in parts:
            raise _bad_rule(f"phần “{piece[:40]}”", f"part {piece[:40]!r}")
        parts[name] = value.strip().upper()
    freq = parts.pop("FREQ", "")
    if freq not in FREQS:
        raise _bad_rule("FREQ phải là DAILY, WEEKLY, MONTHLY hoặc YEARLY",
                        "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY")
    try:
        interval = int(parts.pop("INTERVAL", "1"))
        count = int(parts.pop("COUNT")) if "COUNT" in parts else None
    except ValueError:
        raise _bad_rule("INTERVAL/COUNT phải là số", "INTERVAL/COUNT must be numbers") from None
    if not 1 <= interval <= 1000 or (count is not None and not 1 <= count <= MAX_COUNT):
        raise _bad_rule("INTERVAL hoặc COUNT ngoài giới hạn", "INTERVAL or COUNT out of range")
    until = _parse_until(parts.pop("UNTIL")) if "UNTIL" in parts else None
    if until is not None and count is not None:
        raise _bad_rule("không dùng cùng lúc COUNT và UNTIL", "COUNT and UNTIL together")
    byday: list[tuple[int | None, int]] = []
    if "BYDAY" in parts:
        for day in parts.pop("BYDAY").split(","):
            code, ordinal = day[-2:], day[:-2]
            if code not in WEEKDAYS:
                raise _bad_rule(f"BYDAY “{day[:10]}”", f"BYDAY {day[:10]!r}")
            try:
                n = int(ordinal) if ordinal else None
            except ValueError:
                raise _bad_rule(f"BYDAY “{day[:10]}”", f"BYDAY {day[:10]!r}") from None
            if n is not None and (n == 0 or abs(n) > 53):
                raise _bad_rule(f"BYDAY “{day[:10]}”", f"BYDAY {day[:10]!r}")
            byday.append((n, WEEKDAYS.index(code)))
    for name, value in parts.items():
        if name == "WKST":
            if value not in WEEKDAYS:
                raise _bad_rule("WKST", "WKST")
            continue
        try:
            numbers = [int(v) for v in value.split(",")]
        except ValueError:
            raise _bad_rule(name, name) from None
        limit = {"BYMONTHDAY": 31, "BYMONTH": 12, "BYSETPOS": 366}[name]
        if any(n == 0 or abs(n) > limit for n in numbers) or (
                name == "BYMONTH" and any(n < 0 for n in numbers)):
            raise _bad_rule(name, name)
    canon = [f"FREQ={freq}"]
    if interval != 1:
        canon.append(f"INTERVAL={interval}")
    if count is not None:
        canon.append(f"COUNT={count}")
    if until is not None:
        canon.append(f"UNTIL={until.strftime('%Y%m%dT%H%M%SZ')}")
    if byday:
        canon.append("BYDAY=" + ",".join(f"{'' if n is None else n}{WEEKDAYS[d]}"
                                         for n, d in byday))
    canon.extend(f"{k}={v}" for k, v in sorted(parts.items()))
    rule = Rule(freq=freq, interval=interval, count=count, until=until,
                byday=tuple(byday), other=tuple(sorted(parts.items())), text=";".join(canon))
    return replace(rule, simple=rule._is_simple(), monthly_day=rule._monthly_day())


# --------------------------------------------------------------------------- expansion


def expand_simple(start: datetime, duration: timedelta, rule: Rule,
                  window_start: datetime, window_end: datetime) -> Iterator[datetime]:
    """Occurrence starts (local, aware) of a simple rule overlapping the window.

    An occurrence overlaps when ``start < window_end`` and ``start + duration >
    window_start``. Jumps to the window arithmetically; ``COUNT`` is honoured by
    counting the occurrences skipped.
    """
    if not rule.simple:
        raise ValueError("not a simple rule")
    local0 = start.astimezone(LOCAL_TZ).replace(tzinfo=None)
    lo = (window_start - duration).astimezone(LOCAL_TZ).replace(tzinfo=None)
    hi = window_end.astimezone(LOCAL_TZ).replace(tzinfo=None)
    until = rule.until
    if rule.freq == "MONTHLY":
        yield from _expand_monthly(local0, duration, rule, lo, hi, window_start)
        return
    if rule.freq == "DAILY":
        step = timedelta(days=rule.interval)
        k = 0
        if lo > local0:
            k = -(-(lo - local0) // step)  # ceil
        index = k
        t = local0 + step * k
        while t < hi:
            if rule.count is not None and index >= rule.count:
                return
            aware = t.replace(tzinfo=LOCAL_TZ)
            if until is not None and aware > until:
                return
            if aware + duration > window_start:
                yield aware
            t += step
            index += 1
        return
    days = sorted({d for _, d in rule.byday} or {local0.weekday()})
    week0 = (local0 - timedelta(days=local0.weekday())).replace(
        hour=0, minute=0, second=0, microsecond=0)
    clock = local0 - local0.replace(hour=0, minute=0, second=0, microsecond=0)
    first_week_count = sum(1 for d in days if d >= local0.weekday())
    # RFC 5545: DTSTART is always the first occurrence, even off the rule's days.
    extra = local0.weekday() not in days
    if extra:
        first = local0.replace(tzinfo=LOCAL_TZ)
        if first < window_end and first + duration > window_start:
            yield first
    k = 0  # weeks after week0, a multiple of the interval
    if lo > week0:
        k = ((lo - week0).days // 7) // rule.interval * rule.interval
    index = int(extra) + (
        0 if k == 0 else first_week_count + (k // rule.interval - 1) * len(days))
    while True:
        monday = week0 + timedelta(weeks=k)
        if monday >= hi:
            return
        for d in days:
            t = monday + timedelta(days=d) + clock
            if t < local0:
                continue
            if rule.count is not None and index >= rule.count:
                return
            index += 1
            aware = t.replace(tzinfo=LOCAL_TZ)
            if until is not None and aware > until:
                return
            if t >= hi:
                return
            if aware + duration > window_start:
                yield aware
        k += rule.interval


def _month_occurrence(year: int, month: int, kind: tuple[str, int, int]) -> date:
    what, n, weekday = kind
    if what == "day":
        return date(year, month, n)
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    nxt = date(year + month // 12, month % 12 + 1, 1)
    last = nxt - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _expand_monthly(local0: datetime, duration: timedelta, rule: Rule, lo: datetime,
                    hi: datetime, window_start: datetime) -> Iterator[datetime]:
    """One occurrence per month (nth weekday or day of month): the index of a month's
    occurrence is the number of periods since DTSTART's month."""
    kind = rule.monthly_day
    assert kind is not None
    clock = local0 - local0.replace(hour=0, minute=0, second=0, microsecond=0)
    base = local0.year * 12 + local0.month - 1
    first = _month_occurrence(local0.year, local0.month, kind)
    if first != local0.date():  # DTSTART off the rule: leave it to the library
        aware0 = local0.replace(tzinfo=LOCAL_TZ)
        yield from expand_library(aware0, duration, rule, window_start,
                                  hi.replace(tzinfo=LOCAL_TZ))
        return
    k = 0
    if lo > local0:
        k = ((lo.year * 12 + lo.month - 1) - base) // rule.interval * rule.interval
    while True:
        index = k // rule.interval
        if rule.count is not None and index >= rule.count:
            return
        month = base + k
        t = datetime.combine(_month_occurrence(month // 12, month % 12 + 1, kind),
                             time(0)) + clock
        if t >= hi:
            return
        aware = t.replace(tzinfo=LOCAL_TZ)
        if rule.until is not None and aware > rule.until:
            return
        if aware + duration > window_start:
            yield aware
        k += rule.interval


def expand_library(start: datetime, duration: timedelta, rule: Rule,
                   window_start: datetime, window_end: datetime) -> Iterator[datetime]:
    """The same, through ``icalendar`` + ``recurring-ical-events`` (any rule)."""
    import recurring_ical_events
    from icalendar import Calendar, Event, vRecur

    cal = Calendar()
    event = Event()
    local = start.astimezone(LOCAL_TZ)
    event.add("uid", "x")
    event.add("dtstart", local)
    event.add("dtend", local + duration)
    event.add("rrule", vRecur.from_ical(rule.text))
    cal.add_component(event)
    found = recurring_ical_events.of(cal).between(window_start, window_end)
    starts = sorted(e.decoded("dtstart").astimezone(LOCAL_TZ) for e in found)
    yield from starts


def expand(start: datetime, duration: timedelta, rule: Rule,
           window_start: datetime, window_end: datetime) -> Iterator[datetime]:
    """Occurrence starts overlapping the window, by the cheapest expander that can."""
    if rule.simple:
        return expand_simple(start, duration, rule, window_start, window_end)
    return expand_library(start, duration, rule, window_start, window_end)


def last_end(start: datetime, duration: timedelta, rule: Rule) -> datetime | None:
    """The end of a series' last occurrence, or None when it never ends."""
    if rule.until is None and rule.count is None:
        return None
    if rule.until is not None:
        horizon = min(rule.until, END_OF_TIME) + duration + timedelta(seconds=1)
    else:
        # COUNT: at most that many periods (a yearly rule with few matches may need more).
        assert rule.count is not None
        span = {"DAILY": 1, "WEEKLY": 7, "MONTHLY": 31, "YEARLY": 366}[rule.freq]
        days = span * rule.interval * (rule.count + 1) + 400
        horizon = start + timedelta(days=min(days, (END_OF_TIME - start).days))
    horizon = min(horizon, END_OF_TIME)
    last = None
    for last in expand(start, duration, rule, start, horizon):  # noqa: B007
        pass
    return (last + duration) if last is not None else start + duration


def check_synchronized(start: datetime, rule: Rule) -> None:
    """Refuse a DTSTART off the rule's weekdays: RFC 5545 leaves that recurrence set
    undefined, and calendar programs do disagree on it (whether DTSTART counts in COUNT)."""
    local = start.astimezone(LOCAL_TZ)
    if rule.freq in ("DAILY", "WEEKLY") and rule.byday and \
            local.weekday() not in {d for _, d in rule.byday}:
        raise BadRequest("Ngày bắt đầu phải là một trong các ngày lặp lại (BYDAY).",
                             en="The start must fall on one of the rule's days (BYDAY).")
    kind = rule.monthly_day
    if kind is not None and _month_occurrence(local.year, local.month, kind) != local.date():
        raise BadRequest("Ngày bắt đầu phải đúng ngày lặp lại của tháng.",
                         en="The start must fall on the rule's day of the month.")
