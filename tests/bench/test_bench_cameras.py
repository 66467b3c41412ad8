"""The cameras benchmark runs end to end at a small N (figures other than the single pull
not checked here)."""

from __future__ import annotations

import pytest

from bench import cameras


@pytest.mark.timeout(240)
def test_cameras_bench_runs_at_n3() -> None:
    rows = cameras.run(quick=True, n=3)
    assert [r.unit for r in rows] == ["% core", "% core", "processes", "KiB/s"]
    assert rows[2].value == 1 and rows[2].ok
    assert rows[3].value is not None and rows[3].value > 0
