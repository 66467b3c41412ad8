"""The calendar benchmark runs end to end at a small N (figures not judged here)."""

from __future__ import annotations

import pytest

from bench import calendar
from bench.run import discover


@pytest.mark.timeout(300)
def test_the_calendar_bench_runs_at_small_n() -> None:
    assert "calendar" in discover()
    rows = calendar.run(quick=True, n=300)
    assert [r.metric for r in rows] == ["calendar.list, one week (median)",
                                        "week view opens in the client", "a year's .ics"]
    for row in rows:
        assert row.value is not None and row.value > 0, row
        assert row.ok is not None
    assert rows[0].baseline is not None and rows[0].baseline > 0
    assert "VEVENT" in rows[2].note
