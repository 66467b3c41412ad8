"""Helpers of the resilience suite: run lengths from the environment, extra users and a
second meeting written straight into a demo database, and a terminal that survives
server restarts.

The suite runs a short share in CI. The full run::

    RESILIENCE_ROUNDS=20 FUZZ_FRAMES=100000 CHAOS_SECONDS=60 \\
        .venv/bin/pytest tests/resilience

``RESILIENCE_SEED`` replays one run: every test prints the seed it used.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import sqlite3
from pathlib import Path
from typing import Any

from tests.support.wsclient import WsClient


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def seeded(label: str) -> random.Random:
    """A random source, seeded from ``RESILIENCE_SEED`` or fresh; the seed is printed."""
    seed = env_int("RESILIENCE_SEED", random.SystemRandom().randrange(2**32))
    print(f"{label}: RESILIENCE_SEED={seed}")
    return random.Random(seed)


# --- a demo database with more people and a second meeting ---------------------------------


def add_users(db: Path, names: list[str]) -> dict[str, int]:
    """Users with the demo password ("demo"), written before the server starts."""
    con = sqlite3.connect(db)
    try:
        pw_hash, created = con.execute(
            "SELECT password_hash, created_at FROM users WHERE username='admin'").fetchone()
        for name in names:
            con.execute(
                "INSERT INTO users (username, full_name, title, password_hash, is_admin, "
                "is_demo, created_at) VALUES (?, ?, NULL, ?, 0, 1, ?)",
                (name, f"Khách {name}", pw_hash, created))
        con.commit()
        return user_ids(con, names)
    finally:
        con.close()


def user_ids(con: sqlite3.Connection, names: list[str]) -> dict[str, int]:
    return {n: con.execute("SELECT id FROM users WHERE username=?", (n,)).fetchone()[0]
            for n in names}


def add_participants(db: Path, meeting_id: int, roles: dict[str, str]) -> None:
    con = sqlite3.connect(db)
    try:
        ids = user_ids(con, list(roles))
        for name, role in roles.items():
            con.execute("INSERT INTO participants (meeting_id, user_id, role, present) "
                        "VALUES (?, ?, ?, 0)", (meeting_id, ids[name], role))
        con.commit()
    finally:
        con.close()


def add_meeting(db: Path, title: str, roles: dict[str, str]) -> dict[str, int]:
    """A second meeting like the demo one: two agenda items, a copy of document 1.

    Returns the ids of the meeting, its first agenda item and its document.
    """
    con = sqlite3.connect(db)
    try:
        starts_at = con.execute("SELECT starts_at FROM meetings WHERE id=1").fetchone()[0]
        delegates = sum(1 for r in roles.values() if r == "delegate")
        cur = con.execute(
            "INSERT INTO meetings (title, body, location, starts_at, status, quorum, majority, "
            "speech_limit_s) VALUES (?, '', '', ?, 'scheduled', ?, 'absolute', 300)",
            (title, starts_at, delegates // 2 + 1))
        meeting_id = int(cur.lastrowid or 0)
        items = [int(con.execute(
            "INSERT INTO agenda_items (meeting_id, position, title, active) "
            "VALUES (?, ?, ?, 0)", (meeting_id, pos, f"Nội dung {pos}")).lastrowid or 0)
            for pos in (1, 2)]
        cols = [r[1] for r in con.execute("PRAGMA table_info(documents)") if r[1] != "id"]
        picked = ", ".join(cols)
        values = ", ".join(str(meeting_id) if c == "meeting_id" else c for c in cols)
        row = con.execute(
            f"INSERT INTO documents ({picked}) SELECT {values} "
            "FROM documents WHERE id = (SELECT MIN(id) FROM documents WHERE meeting_id=1)")
        document_id = int(row.lastrowid or 0)
        if "agenda_item_id" in cols:
            con.execute("UPDATE documents SET agenda_item_id=? WHERE id=?",
                        (items[0], document_id))
        con.commit()
    finally:
        con.close()
    add_participants(db, meeting_id, roles)
    return {"meeting_id": meeting_id, "item_id": items[0], "document_id": document_id}


# --- a terminal that comes back after a restart -------------------------------------------


class Terminal:
    """One user's connection; after the server died, :meth:`back` resumes the session."""

    def __init__(self, url: str, username: str) -> None:
        self.url = url
        self.username = username
        self.token = ""
        self.user_id = 0
        self.client: WsClient | None = None

    async def sign_in(self) -> Terminal:
        self.client = await WsClient.open(self.url)
        data = await self.client.call("auth.login", username=self.username, password="demo")
        self.token = data["token"]
        self.user_id = data["user"]["id"]
        return self

    async def back(self) -> None:
        """Reconnect and ``auth.resume`` (sessions outlive the server process)."""
        await self.drop()
        self.client = await WsClient.open(self.url)
        await self.client.call("auth.resume", token=self.token)

    async def send(self, type_: str, *, key: str | None, timeout: float = 15.0,
                   **fields: Any) -> dict[str, Any] | None:
        """The whole reply frame, or None when the connection died first."""
        if self.client is None:
            return None
        try:
            return await self.client.raw(type_, key=key, timeout=timeout, **fields)
        except Exception:
            return None

    async def drop(self) -> None:
        if self.client is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.client.close(), 2)
            self.client = None
