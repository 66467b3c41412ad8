"""bench/registry.py runs end to end at a small N (figures are not checked here)."""

from __future__ import annotations

import pytest

from bench.registry import run


@pytest.mark.timeout(300)
def test_the_registry_bench_runs_at_a_small_n() -> None:
    rows = run(quick=True, n=400)
    metrics = {r.metric: r for r in rows}
    assert metrics["import (CLI, whole run)"].value > 0
    search = metrics["search over the protocol, median"]
    assert search.value > 0 and search.baseline > 0
    assert metrics["register view scroll, longest stall"].value >= 0
    assert "… of it GUI-thread CPU (longest)" in metrics
