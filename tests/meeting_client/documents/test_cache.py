"""The terminal's document cache against a real server: prefetch on entry, nothing moved
on the second entry, corruption found and healed, readable with the server gone."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from meeting_client.sync import SyncClient
from meeting_client.sync.documents import (
    DocumentCache,
    MeetingDocuments,
    TransferChannel,
    sha256_of,
)
from tests.support.live import LiveServer

PAPERS = Path(__file__).resolve().parents[2] / "fixtures" / "papers"


@pytest.fixture
async def enter(live_server: LiveServer) -> AsyncIterator[Callable[..., Any]]:
    """``await enter(user, cache_dir)``: sign in and open meeting 1's papers."""
    opened: list[tuple[SyncClient, MeetingDocuments]] = []

    async def go(user: str, cache_dir: Path, **listeners: Any) -> MeetingDocuments:
        client = SyncClient(live_server.url, backoff_initial=0.01, backoff_max=0.05)
        await client.connect()
        await client.login(user, "demo")
        docs = MeetingDocuments(client, 1, DocumentCache(cache_dir), **listeners)
        opened.append((client, docs))
        return docs

    yield go
    for client, docs in opened:
        await docs.close()
        await client.close()


async def test_the_second_entry_transfers_nothing(enter, tmp_path) -> None:
    progress: list[tuple[int, int]] = []
    first = await enter("d001", tmp_path / "cache", on_progress=lambda d, t: progress.append(
        (d, t)))
    report = await first.start()
    total = sum(d.size for d in first.documents)
    assert len(first.documents) == 3 and not report.failed
    assert report.transferred == total and len(report.fetched) == 3
    assert progress[-1] == (total, total)
    assert all(b[0] <= a[0] for b, a in itertools.pairwise(progress))
    for doc in first.documents:
        assert sha256_of(first.cache.path(doc.sha256)) == doc.sha256
    await first.close()

    again = await enter("d001", tmp_path / "cache")
    report = await again.start()
    assert report.transferred == 0
    assert sorted(report.cached) == sorted(d.sha256 for d in again.documents)
    assert (await again.channel()).bytes_received == 0


async def test_a_corrupt_cached_paper_is_detected_and_fetched_again(enter, tmp_path) -> None:
    docs = await enter("d002", tmp_path / "cache")
    await docs.start()
    victim = docs.documents[1]
    path = docs.cache.path(victim.sha256)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte in the middle
    path.write_bytes(bytes(data))
    report = await docs.prefetch()
    assert report.refetched == [victim.sha256]
    assert report.transferred == victim.size
    assert sha256_of(path) == victim.sha256


async def test_papers_stay_readable_with_the_server_gone(enter, live_server,
                                                        tmp_path) -> None:
    docs = await enter("d003", tmp_path / "cache")
    await docs.start()
    live_server.kill()
    for doc in docs.documents:
        path = await docs.path(doc)  # no network needed
        assert path.read_bytes().startswith(b"%PDF-")
        assert docs.cache.verify(doc.sha256)


async def test_a_paper_added_during_the_session_is_prefetched_at_once(enter, live_server,
                                                                     tmp_path) -> None:
    seen: list[list[int]] = []
    changed = asyncio.Event()

    def on_documents(documents: list) -> None:
        seen.append([d.id for d in documents])
        changed.set()

    docs = await enter("d004", tmp_path / "cache", on_documents=on_documents)
    await docs.client.subscribe(1)  # the meeting's events reach the terminal
    await docs.start()
    changed.clear()
    clerk = SyncClient(live_server.url)
    await clerk.connect()
    await clerk.login("clerk", "demo")
    channel = TransferChannel(live_server.url, clerk.token)
    await channel.open()
    try:
        added = await channel.upload(PAPERS / "tai-lieu-60-trang.pdf", meeting_id=1,
                                     title="Tài liệu bổ sung")
    finally:
        await channel.close()
        await clerk.close()

    async def arrived() -> None:
        while docs.cache.cached(added["sha256"]) is None:
            await changed.wait()  # the event started a re-listing…
            await docs.settle()  # …and its prefetch
            changed.clear()

    await asyncio.wait_for(arrived(), 20)
    assert added["document_id"] in seen[-1]
    assert sha256_of(docs.cache.path(added["sha256"])) == added["sha256"]


async def test_annotations_reach_the_same_users_other_terminal(enter, tmp_path) -> None:
    changed: asyncio.Queue[int] = asyncio.Queue()
    desk = await enter("d005", tmp_path / "desk")
    tablet = await enter("d005", tmp_path / "tablet", on_annotations=changed.put_nowait)
    other = await enter("d006", tmp_path / "other")
    await desk.start()
    await tablet.start()
    await other.start()
    saved = await desk.save_annotation(1, page=1, kind="highlight",
                                       rects=[[72, 90, 200, 14]], text="dự toán")
    assert await asyncio.wait_for(changed.get(), 10) == 1
    mine = await tablet.annotations(1)
    assert [(a.annotation_id, a.text) for a in mine] == [(saved.annotation_id, "dự toán")]
    assert await other.annotations(1) == []


async def test_opening_a_paper_while_the_prefetch_fetches_it_shares_one_download(
        enter, tmp_path) -> None:
    """A delegate taps a paper the moment the room opens: the reader's fetch and the
    prefetch ask for the same file at once; both get it, its bytes travel once."""
    docs = await enter("d001", tmp_path / "cache")
    papers = await docs.refresh()
    channel = await docs.channel()
    doc = papers[0]
    before = channel.bytes_received
    results = await asyncio.gather(*(docs.cache.ensure(channel, doc.sha256, doc.size)
                                     for _ in range(3)))
    assert {path for path, _moved in results} == {docs.cache.path(doc.sha256)}
    assert sorted(moved for _path, moved in results) == [0, 0, doc.size]
    assert channel.bytes_received - before == doc.size
    assert sha256_of(docs.cache.path(doc.sha256)) == doc.sha256
