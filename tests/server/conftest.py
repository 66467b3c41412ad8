"""Fixtures for server integration tests."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator

import pytest

from tests.support.postgres import PostgresCluster
from tests.support.wsclient import WsClient


@pytest.fixture(scope="module")
def postgres() -> Iterator[PostgresCluster]:
    """A private PostgreSQL cluster for the tests of one module."""
    cluster = PostgresCluster()
    cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture
async def clients() -> AsyncIterator[Callable[[WsClient], WsClient]]:
    """Track clients so that every one is closed at the end of the test."""
    opened: list[WsClient] = []

    def track(c: WsClient) -> WsClient:
        opened.append(c)
        return c

    yield track
    await asyncio.gather(*(c.close() for c in opened), return_exceptions=True)
