"""The documents benchmarks run end to end at small sizes, so their code cannot rot.

Figures are not checked (a CI box is no benchmark machine): ``python -m bench
documents reader page_sync`` is the real run.
"""

from __future__ import annotations

import pytest

from bench import documents, page_sync, reader


@pytest.mark.timeout(300)
def test_documents_bench_runs_small() -> None:
    rows = documents.measure(4, 2, 1)
    assert [r.metric.split(" ")[0] for r in rows] == ["N=4", "the", "second"]
    assert rows[0].value and rows[0].baseline and rows[1].value
    assert rows[2].value == 0 and rows[2].ok  # the second entry moves nothing


@pytest.mark.timeout(300)
def test_page_sync_bench_runs_small() -> None:
    (row,) = page_sync.run(quick=True, n=20)
    assert row.value and row.baseline


@pytest.mark.timeout(300)
def test_reader_bench_runs_small() -> None:
    rows = reader.measure(2, 3)
    assert all(r.value and r.value > 0 for r in rows)
