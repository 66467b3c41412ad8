"""No password or token in the server's log, even at debug level; none in ``ps`` either.

Issue 12, finding 7: ``meeting-server -v`` logged passwords and tokens (websockets'
frame debug), and ``create-user --password`` showed the password to every local user.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from tests.support.live import LiveServer, copy_db
from tests.support.wsclient import WsClient

PASSWORD = "Mat-khau-that-bi-mat-2026"


def create_user(db: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server.cli", "create-user", "--db", f"sqlite:///{db}",
         "--username", "thu-ky-moi", "--full-name", "Thư ký mới", *args],
        input=stdin, text=True, capture_output=True, timeout=60)


def test_create_user_takes_the_password_from_stdin_only(tmp_path: Path,
                                                        demo_db_template: Any) -> None:
    db = tmp_path / "users.sqlite3"
    copy_db(demo_db_template(30), db)
    refused = create_user(db, "--password", PASSWORD)
    assert refused.returncode == 2 and "process list" in refused.stderr
    assert create_user(db, stdin=PASSWORD + "\n").returncode == 0


def test_debug_log_holds_no_password_and_no_token(tmp_path: Path,
                                                  demo_db_template: Any) -> None:
    db = tmp_path / "verbose.sqlite3"
    copy_db(demo_db_template(30), db)
    assert create_user(db, stdin=PASSWORD + "\n").returncode == 0
    server = LiveServer(db, extra_args=["-v"])
    server.start()

    async def run() -> str:
        first = await WsClient.open(server.url)
        login = await first.call("auth.login", username="thu-ky-moi", password=PASSWORD)
        wrong = await first.raw("auth.login", username="thu-ky-moi", password=PASSWORD + "x")
        assert wrong["code"] == "unauthenticated"
        second = await WsClient.open(server.url)
        await second.call("auth.resume", token=login["token"])
        request = urllib.request.Request(f"{server.http}/documents/{'0' * 64}", headers={
            "Authorization": f"Bearer {login['token']}"})
        try:
            await asyncio.to_thread(urllib.request.urlopen, request, timeout=10)
        except urllib.error.HTTPError as exc:
            assert exc.code == 404
        await first.call("auth.logout")
        await asyncio.gather(first.close(), second.close())
        return str(login["token"])

    try:
        token = asyncio.run(run())
    finally:
        server.stop()
    log = server.log()
    assert "TEXT" in log and "DEBUG" in log  # frame debug was on
    assert PASSWORD not in log
    assert PASSWORD[:12] not in log  # not even the start of a shortened frame
    assert token not in log and token[:16] not in log
