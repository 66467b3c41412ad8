"""Every benchmark runs end to end at N=20, so that the benchmark code cannot rot.

The figures are not checked here (a CI machine is no benchmark machine); the
full run is ``python -m bench`` (see ``bench/run.py``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import minutes
from bench.common import Row, table
from bench.run import _minutes, _parse_fixed_table, discover, main

MINE = ["fanout", "login_storm", "memory", "reconnect_storm"]


def test_the_runner_finds_every_benchmark() -> None:
    assert set(MINE) | {"minutes"} <= set(discover())
    assert not {"common", "run", "__main__"} & set(discover())


@pytest.mark.timeout(240)
def test_each_benchmark_runs_at_n20_and_lands_in_one_table(tmp_path: Path, capsys) -> None:
    out = tmp_path / "latest.json"
    status = main([*MINE, "--quick", "--n", "20", "--json", str(out)])
    printed = capsys.readouterr().out
    assert status in (0, 1), printed  # 1 = a target missed, which a busy CI box may do
    body = json.loads(out.read_text(encoding="utf-8"))
    assert body["skipped"] == []
    benches = {r["bench"] for r in body["rows"]}
    assert benches == set(MINE)
    for row in body["rows"]:
        assert row["value"] is not None and row["value"] > 0, row
        if row["baseline"] is not None:
            assert row["ratio"] > 0, row
    assert "| fanout" in printed and "| reconnect_storm" in printed
    assert main(["--show", str(out)]) == 0
    assert capsys.readouterr().out.count("| memory") == len(
        [r for r in body["rows"] if r["bench"] == "memory"])


def test_minutes_is_adapted_without_its_own_interface(monkeypatch) -> None:
    real = minutes.big_session
    monkeypatch.setattr(minutes, "big_session",
                        lambda: real(items=2, speeches=4, polls=2, delegates=60))
    rows = _minutes(minutes, quick=True)
    assert [r.metric.rsplit(" ", 1)[-1] for r in rows] == ["PDF", "DOCX"]
    assert all(r.value and r.value > 0 and r.ok is not None for r in rows)


def test_a_fixed_column_table_is_read_back() -> None:
    text = (
        "\nclient (chair)\n"
        "metric                     target     measured      ok\n"
        "cold start to room         ≤ 1.5 s    0.92 s        yes\n"
        "  of which inside          "
        "           0.80 s        \n"
        "client peak RSS            ≤ 250 MB   301 MB        NO\n"
        "events received            "
        "           557 of 557    \n"
    )
    rows = _parse_fixed_table(text, "client_start")
    assert [(r.metric, r.value, r.unit, r.ok) for r in rows] == [
        ("cold start to room", 0.92, "s", True),
        ("of which inside", 0.80, "s", None),
        ("client peak RSS", 301.0, "MB", False),
        ("events received", None, "", None),
    ]
    assert rows[-1].note == "557 of 557"
    assert "client peak RSS" in table(rows)


def test_ratio_is_a_cost_ratio_both_ways() -> None:
    assert Row("b", "time", 30.0, "ms", baseline=20.0).ratio == pytest.approx(1.5)
    assert Row("b", "rate", 500.0, "/s", baseline=1000.0, better="higher").ratio == 2.0
    assert Row("b", "nothing", None, "s", baseline=1.0).ratio is None


@pytest.mark.timeout(240)
def test_the_directives_benchmark_runs_at_a_small_size() -> None:
    from bench import directives

    rows = directives.run(quick=True, n=200)
    assert [r.metric for r in rows] == ["dashboard figures (median)",
                                        "one unit's overdue list (median)",
                                        "reminder scan, steady state (median)"]
    assert all(r.value is not None and r.value > 0 and r.ok is not None for r in rows)
    assert rows[0].baseline and rows[1].baseline
