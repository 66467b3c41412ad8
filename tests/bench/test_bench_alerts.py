"""The alerts benchmark runs end to end at a small N (figures not checked here)."""

from __future__ import annotations

import pytest

from bench import alerts


@pytest.mark.timeout(240)
def test_alerts_bench_runs_at_n20() -> None:
    rows = alerts.run(quick=True, n=20)
    assert [r.unit for r in rows] == ["ms", "alerts/s", "ms"]
    for row in rows:
        assert row.value is not None and row.value > 0, row
        assert row.ok is not None
    assert rows[0].baseline is not None and rows[0].baseline > 0
