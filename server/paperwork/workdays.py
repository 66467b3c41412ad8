"""Working-day arithmetic for deadlines such as the conclusion notice (QĐ 45/2018/QĐ-TTg).

Computed here: Saturdays and Sundays, the fixed solar-calendar holidays of the Labour Code
2019 (Điều 112: 1/1, 30/4, 1/5, 2/9) and the compensatory day off when one of them falls on a
weekend (Điều 111 khoản 3: "nghỉ bù vào ngày làm việc kế tiếp").

Not computable here, so callers pass them in ``holidays``: the lunar holidays (Tết Nguyên
đán, Giỗ Tổ Hùng Vương 10/3 âm lịch), the second Quốc khánh day (1/9 or 3/9, fixed each year
by the Government) and any day swaps the Prime Minister announces for civil servants. The
server keeps them in its configuration, year by year.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache

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


def holidays_for(years: Iterable[int], extra: Iterable[date] = ()) -> set[date]:
    """Fixed holidays of several years merged with a configured list."""
    out: set[date] = set(extra)
    for year in years:
        out |= fixed_holidays(year)
    return out


def is_working_day(day: date, holidays: set[date] | None = None) -> bool:
    """Neither a weekend, a fixed holiday (or its substitute) nor a configured holiday."""
    if is_weekend(day):
        return False
    if holidays and day in holidays:
        return False
    return day not in _fixed_holidays(day.year, True)


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
