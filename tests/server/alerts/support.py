"""Helpers for alert tests: sources made with the real CLI, posts over real HTTP."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import aiohttp

from tests.support.live import LiveServer


def cli(server: LiveServer, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "server.cli", "alerts", *args,
                           "--db", server.db_url], capture_output=True, text=True, timeout=60)


def add_source(server: LiveServer, name: str, rate: int = 1000) -> str:
    """A new source's token: the last line of the CLI's standard output."""
    done = cli(server, "add-source", name, "--rate", str(rate))
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


async def post_alert(server: LiveServer, token: str | None, body: Any = None, *,
                     raw: bytes | None = None, key: str | None = None
                     ) -> tuple[int, dict[str, Any]]:
    """``POST /api/alerts``; ``(status, JSON body)``."""
    headers = {"Content-Type": "application/json"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    if key is not None:
        headers["Idempotency-Key"] = key
    data = raw if raw is not None else json.dumps(body).encode()
    async with aiohttp.ClientSession() as session, session.post(
            f"{server.api}/api/alerts", data=data, headers=headers) as response:
        return response.status, await response.json(content_type=None)


def count_alerts(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute("SELECT count(*) FROM alerts").fetchone()[0])
    finally:
        con.close()


def user_id(db: Path, username: str) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute("SELECT id FROM users WHERE username = ?",
                               (username,)).fetchone()[0])
    finally:
        con.close()
