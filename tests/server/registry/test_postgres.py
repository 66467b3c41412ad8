"""The registry on PostgreSQL: the same numbering and search behaviour through
``unaccent`` (an IMMUTABLE wrapper), a generated ``tsvector`` and a GIN index."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import unicodedata
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.server.registry.helpers import entry, login
from tests.server.registry.test_search import DOCS
from tests.support.live import LiveServer
from tests.support.postgres import PostgresCluster


@pytest.fixture
def pg_server(postgres: PostgresCluster, tmp_path: Path) -> Iterator[LiveServer]:
    url = postgres.create_database("r" + uuid.uuid4().hex[:10])
    subprocess.run([sys.executable, "-m", "server.cli", "init", "--demo", "--delegates", "5",
                    "--db", url], check=True, capture_output=True, timeout=120)
    server = LiveServer(tmp_path / "unused.sqlite3", db_url=url)
    server.start()
    yield server
    server.stop()


async def test_registry_on_postgresql(pg_server: LiveServer, clients) -> None:
    admin, _ = await login(pg_server.url, "admin")
    reader, reader_id = await login(pg_server.url, "d001")
    other, _ = await login(pg_server.url, "d002")
    for c in (admin, reader, other):
        clients(c)
    ids = [(await admin.act("registry.create", **d))["registry_id"] for d in DOCS]

    async def found(client, **q) -> list[int]:
        reply = await client.call("registry.search", **q)
        assert reply["total"] == len(reply["items"])
        return [i["registry_id"] for i in reply["items"]]

    assert await found(admin, query="quyet dinh dau tu") == [ids[0]]
    assert await found(admin, query="dat dai") == [ids[1]]
    assert await found(admin, query=unicodedata.normalize("NFD", "Quyết định đầu tư")) == [
        ids[0]]
    assert await found(admin, query="quyet dinh dau t") == [ids[0]]
    assert await found(admin, query="125/QD-UBND") == [ids[0]]
    assert set(await found(admin, query="125")) == {ids[0], ids[2]}
    assert await found(admin, query="dau tu", doc_type="Công văn") == [ids[2]]
    hit = (await admin.call("registry.search", query="dat dai"))["items"][0]
    assert [hit["summary"][a:b] for a, b in hit["highlight"]["summary"]] == ["đất", "đai"]

    secret = await admin.act("registry.create", **entry(
        summary="Quyết định đầu tư (mật)", confidential=True, reader_ids=[reader_id]))
    assert (await admin.call("registry.search", query="quyet dinh"))["total"] == 2
    assert (await reader.call("registry.search", query="quyet dinh"))["total"] == 2
    assert (await other.call("registry.search", query="quyet dinh"))["total"] == 1
    assert (await other.raw("registry.get", registry_id=secret["registry_id"]))[
        "code"] == "not_found"

    # Concurrent registrations on PostgreSQL: distinct, consecutive numbers.
    offices = [clients((await login(pg_server.url, "admin"))[0]) for _ in range(3)]
    replies = await asyncio.gather(*(
        offices[i % 3].act("registry.create", **entry(received_on="2027-01-01",
                                                      symbol=f"{i}/X"))
        for i in range(30)))
    assert sorted(r["number"] for r in replies) == list(range(1, 31))
