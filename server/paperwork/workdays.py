"""Working days for deadlines (the conclusion notice's five, QĐ 45/2018/QĐ-TTg) and the
calendar's holidays.

Vietnam's public holidays come from the ``holidays`` package: the fixed days of the Labour
Code 2019 (Điều 112), the lunar ones it cannot be expected to know by heart — Tết Nguyên
đán, Giỗ Tổ Hùng Vương —, compensatory days when a holiday falls on a weekend (Điều 111
khoản 3) and the day swaps the Government announces for civil servants. Years the package
does not cover yet fall back to the fixed days computed here. Callers may still pass
``holidays`` for days decided locally.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache

import holidays as holiday_data

FIXED_HOLIDAYS: tuple[tuple[int, int], ...] = ((1, 1), (4, 30), (5, 1), (9, 2))
"""(month, day) of the fixed public holidays."""


def is_weekend(day: date) -> bool:
    """Saturday or Sunday."""
    return day.weekday() >= 5


def fixed_holidays(year: int, *, compensatory: bool = True) -> set[date]:
    """The fixed holidays of ``year``, plus the compensatory weekdays they cause."""
    return set(_fixed_holidays(year, compensatory))


@cache
def _fixed_holidays(year: int, compensatory: bool) -> frozenset[date]:
    days = {date(year, m, d) for m, d in FIXED_HOLIDAYS}
    if compensatory:
        for holiday in sorted(days):
            if not is_weekend(holiday):
                continue
            substitute = holiday + timedelta(days=1)
            while is_weekend(substitute) or substitute in days:
                substitute += timedelta(days=1)
            days.add(substitute)
    return frozenset(days)


@cache
def public_holidays(year: int) -> dict[date, str]:
    """Vietnam's days off in ``year`` with their Vietnamese names (Tết and substitutes
    included), the fixed ones at least."""
    named = dict(holiday_data.country_holidays("VN", years=[year], language="vi").items())
    for day in _fixed_holidays(year, True):
        named.setdefault(day, "Nghỉ lễ")
    return dict(sorted(named.items()))


def holidays_between(first: date, last: date) -> list[tuple[date, str]]:
    """Public holidays in ``first``…``last`` (inclusive), in order."""
    out = []
    for year in range(first.year, last.year + 1):
        out.extend((d, n) for d, n in public_holidays(year).items() if first <= d <= last)
    return out


def holidays_for(years: Iterable[int], extra: Iterable[date] = ()) -> set[date]:
    """Public holidays of several years merged with a configured list."""
    out: set[date] = set(extra)
    for year in years:
        out |= set(public_holidays(year))
    return out


def is_working_day(day: date, holidays: set[date] | None = None) -> bool:
    """Neither a weekend, a public holiday (Tết, substitutes…) nor a configured holiday."""
    if is_weekend(day):
        return False
    if holidays and day in holidays:
        return False
    return day not in public_holidays(day.year)


def add_working_days(start: date, count: int, holidays: set[date] | None = None) -> date:
    """The ``count``-th working day after ``start`` (``start`` itself is not counted)."""
    if count < 0:
        raise ValueError("count must be non-negative")
    day = start
    remaining = count
    while remaining:
        day += timedelta(days=1)
        if is_working_day(day, holidays):
            remaining -= 1
    return day


def warm_up(today: date) -> None:
    """Load this year's and next year's holidays now, at start-up: the ``holidays`` package
    imports its country and language files on first use, which a server already short of
    file descriptors (a flood of connections) could not do later."""
    for year in (today.year - 1, today.year, today.year + 1):
        public_holidays(year)
