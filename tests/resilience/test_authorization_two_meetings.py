"""The authorization matrix across two meetings: a role counts only in its own meeting.

``tests/server/test_authorization.py`` states who may run every registered command
(its ``MATRIX``) for the members of meeting 1, an outsider and an anonymous terminal.
Here the same users also meet in a second meeting with *other* roles — the chair of
meeting 1 is a mere delegate there, a delegate of meeting 1 chairs it, a delegate of
meeting 1 does not belong to it at all — and every meeting-scoped command runs against
both meetings' objects for every user. The rule checked is the matrix's, applied to
the user's role *in the meeting the command touches*: allowed → no access error;
refused → ``forbidden`` (member), ``not_found`` (not a member: the meeting is
invisible), ``unauthenticated`` (not signed in).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from server.app import build_registry
from tests.resilience.support import add_meeting, add_participants, add_users
from tests.server.meetings.matrix import preparation_rows
from tests.server.test_authorization import MATRIX, ORDER
from tests.support.live import LiveServer, copy_db
from tests.support.wsclient import WsClient

USERS = ["chair", "clerk", "d001", "d002", "observer", "admin", "outsider", None]
"""``None`` is a terminal that never signs in."""
IN_MEETING_1 = {"chair": "chair", "clerk": "clerk", "d001": "delegate", "d002": "delegate",
                "observer": "observer"}
IN_MEETING_2 = {"d001": "chair", "observer": "clerk", "chair": "delegate",
                "clerk": "observer", "d003": "delegate"}
OWNER = {1: "d001", 2: "chair"}
"""Who asked for the floor in each meeting: a delegate may withdraw only their own."""
OWN_REQUEST_ONLY = {"speaker.withdraw", "speaker.finish"}
ID_FIELDS = ("meeting_id", "poll_id", "request_id", "item_id", "document_id", "user_id")
"""Fields that name an object of a meeting; new id fields go here (see module doc)."""
MEETING_HIDDEN = "Không tìm thấy cuộc họp."


def label(user: str | None, roles: dict[str, str]) -> str:
    if user is None:
        return "anonymous"
    if user in roles:
        return roles[user]
    return "admin" if user == "admin" else "outsider"


@pytest.fixture
def two_meetings(tmp_path: Path, demo_db_template: Any) -> Any:
    db = tmp_path / "two.sqlite3"
    copy_db(demo_db_template(30), db)
    add_users(db, ["observer", "outsider"])
    add_participants(db, 1, {"observer": "observer"})
    second = add_meeting(db, "Phiên họp chuyên đề", IN_MEETING_2)
    con = sqlite3.connect(db)
    second["absent_id"] = con.execute("SELECT id FROM users WHERE username='d003'").fetchone()[0]
    con.close()
    server = LiveServer(db)
    server.start()
    yield server, second
    server.stop()


PREPARATION = set(preparation_rows())


async def test_roles_hold_only_in_their_own_meeting(two_meetings: Any) -> None:
    server, second = two_meetings
    url = server.url
    scoped = {spec.name for spec in build_registry() if spec.access.name == "meeting"}
    clients: dict[str | None, WsClient] = {}
    for user in USERS:
        clients[user] = (await WsClient.open(url) if user is None
                         else await WsClient.signed_in(url, user))
    owner2 = await WsClient.signed_in(url, "chair")
    m2 = second["meeting_id"]
    # The objects the commands refer to, one set per meeting.
    d001 = clients["d001"]
    await d001.act("attendance.check_in", meeting_id=1)
    request1 = await d001.act("speaker.request", meeting_id=1)
    poll1 = await clients["chair"].act("poll.create", meeting_id=1, title="Phiên thử 1")
    await owner2.act("attendance.check_in", meeting_id=m2)
    request2 = await owner2.act("speaker.request", meeting_id=m2)
    poll2 = await d001.act("poll.create", meeting_id=m2, title="Phiên thử 2")
    objects = {
        1: {"meeting_id": 1, "poll_id": poll1["poll_id"], "request_id": request1["request_id"]},
        m2: {"meeting_id": m2, "poll_id": poll2["poll_id"],
             "request_id": request2["request_id"], "item_id": second["item_id"],
             "document_id": second["document_id"], "user_id": second["absent_id"]},
    }
    await owner2.close()

    failures: list[str] = []
    for user in USERS:
        client = clients[user]
        for meeting, roles in ((1, IN_MEETING_1), (m2, IN_MEETING_2)):
            who = label(user, roles)
            for name in ORDER:
                # Commands about no meeting (org, calendar, registry…) and the preparation
                # commands (drafts, office staff: their own matrix) are the business of
                # tests/server/test_authorization.py; here: the meeting room's roles.
                if name == "auth.logout" or name not in scoped or name in PREPARATION:
                    continue
                allowed, fields = MATRIX[name]
                fields = dict(fields)
                if meeting != 1:
                    for k in ID_FIELDS:
                        if fields.get(k) is not None and k in objects[meeting]:
                            fields[k] = objects[meeting][k]
                may = who in allowed
                if name in OWN_REQUEST_ONLY and who == "delegate":
                    may = user == OWNER[1 if meeting == 1 else 2]
                reply = await client.raw(name, key=f"{user}-{meeting}-{name}", **fields)
                code = reply.get("code") if reply["type"] == "error" else None
                where = f"{user or 'anonymous'} ({who} of meeting {meeting}) {name}"
                if may:
                    hidden = code == "not_found" and reply.get("message") == MEETING_HIDDEN
                    if (code in ("forbidden", "unauthenticated") or hidden) and name not in (
                            "auth.login", "auth.resume"):
                        failures.append(f"{where} refused: {code} {reply.get('message')}")
                else:
                    expected = {"anonymous": "unauthenticated", "outsider": "not_found"}.get(
                        who, "forbidden")
                    if code != expected:
                        failures.append(f"{where}: expected {expected}, got {reply}")
        reply = await client.raw("auth.logout", key=f"{user}-logout")
        if user is None and reply.get("code") != "unauthenticated":
            failures.append(f"anonymous logout: {reply}")
        await client.close()
    assert not failures, "\n".join(failures)
