"""The authorization matrix: every command × every role, member or not.

Generated from the command registry, so a new command without a row here
fails this test until its permissions are stated.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from server.app import build_registry
from tests.server.alerts.matrix import alert_rows
from tests.server.alerts.matrix import prepare as prepare_alerts
from tests.server.attachments.matrix import REFUSALS as ATTACHMENT_REFUSALS
from tests.server.attachments.matrix import attachment_rows, prepare_attachments
from tests.server.cameras.matrix import camera_rows
from tests.server.cameras.matrix import prepare as prepare_cameras
from tests.server.directives.matrix import REFUSALS, directive_rows
from tests.server.directives.matrix import prepare as prepare_directives
from tests.server.documents.matrix import document_rows
from tests.server.meetings.matrix import preparation_rows, seed_preparation
from tests.server.minutes.matrix import minutes_rows
from tests.server.org.matrix import GLOBAL_COMMANDS, org_rows
from tests.server.registry.matrix import (
    REGISTRY_SEEN_BY_ALL,
    prepare_registry,
    registry_rows,
)
from tests.server.work_calendar.matrix import (
    CALENDAR_SEEN_BY_ALL,
    calendar_objects,
    calendar_rows,
)
from tests.support.live import LiveServer, copy_db
from tests.support.wsclient import WsClient

ROLES = ("chair", "clerk", "delegate", "observer", "admin", "outsider", "anonymous")
ACCESS_ERRORS = {"forbidden", "not_found", "unauthenticated"}

# command → (who may run it, fields). Ids refer to objects the fixture creates.
MATRIX: dict[str, tuple[set[str], dict]] = {
    "auth.login": (set(ROLES), {"username": "nobody", "password": "x"}),
    "auth.resume": (set(ROLES), {"token": "not-a-token"}),
    "meeting.list": ({"chair", "clerk", "delegate", "observer", "admin", "outsider"}, {}),
    "meeting.subscribe": ({"chair", "clerk", "delegate", "observer", "admin"},
                          {"meeting_id": 1}),
    "meeting.unsubscribe": ({"chair", "clerk", "delegate", "observer", "admin"},
                            {"meeting_id": 1}),
    "meeting.timeline": ({"chair", "clerk", "admin"}, {"meeting_id": 1}),
    "meeting.start": ({"chair", "admin"}, {"meeting_id": 1}),
    "attendance.check_in": ({"delegate"}, {"meeting_id": 1}),
    "attendance.check_out": ({"delegate"}, {"meeting_id": 1}),
    "attendance.set_absence": ({"chair", "clerk", "admin"},
                               {"meeting_id": 1, "user_id": 10, "reason": "Đi công tác"}),
    "agenda.activate": ({"chair", "admin"}, {"meeting_id": 1, "item_id": 2}),
    "speaker.request": ({"delegate"}, {"meeting_id": 1}),
    "speaker.withdraw": ({"chair", "admin", "delegate"}, {"request_id": 1}),
    "speaker.grant": ({"chair", "admin"}, {"request_id": 1}),
    "speaker.finish": ({"chair", "admin", "delegate"}, {"request_id": 1}),
    "poll.create": ({"chair", "clerk", "admin"}, {"meeting_id": 1, "title": "Thử quyền"}),
    "poll.open": ({"chair", "admin"}, {"poll_id": 1}),
    "poll.cast": ({"delegate"}, {"poll_id": 1, "choice": "yes"}),
    "poll.close": ({"chair", "admin"}, {"poll_id": 1}),
    "poll.voters": ({"chair", "clerk", "admin"}, {"poll_id": 1}),
    # A delegate presents only while holding the floor (tested below); d001 is not.
    "presentation.page": ({"chair", "admin"},
                          {"meeting_id": 1, "document_id": 1, "page": 2}),
    "hall.show": ({"chair", "admin"}, {"meeting_id": 1, "view": "attendance"}),
    "meeting.end": ({"chair", "admin"}, {"meeting_id": 1}),
    "auth.logout": ({"chair", "clerk", "delegate", "observer", "admin", "outsider"}, {}),
}
MATRIX.update(document_rows())
MATRIX.update(minutes_rows())
MATRIX.update(org_rows())
MATRIX.update(alert_rows())
MATRIX.update(preparation_rows())
MATRIX.update(directive_rows())
MATRIX.update(calendar_rows())
MATRIX.update(registry_rows())
MATRIX.update(attachment_rows())
MATRIX.update(camera_rows())
# What an outsider may not run is invisible to them (not_found), except commands for
# global roles and refusals about objects everyone sees (a public calendar event).
OUTSIDER_FORBIDDEN = ({spec.name for spec in build_registry()
                       if spec.access.name in ("global", "admin")}
                      | CALENDAR_SEEN_BY_ALL | REGISTRY_SEEN_BY_ALL)
ORDER = [name for name in MATRIX if name not in ("meeting.end", "auth.logout")] + [
    "meeting.end", "auth.logout"]


def test_every_registered_command_has_a_row() -> None:
    assert set(build_registry().names()) == set(MATRIX)


@pytest.fixture
def matrix_server(tmp_path, demo_db_template) -> LiveServer:
    db = tmp_path / "matrix.sqlite3"
    copy_db(demo_db_template(30), db)
    for name in ("observer", "outsider"):
        subprocess.run([sys.executable, "-m", "server.cli", "create-user", "--db",
                        f"sqlite:///{db}", "--username", name, "--full-name", f"Khách {name}"],
                       input="observer-pass\n", text=True, check=True, capture_output=True)
    con = sqlite3.connect(db)
    observer_id = con.execute("SELECT id FROM users WHERE username='observer'").fetchone()[0]
    con.execute("INSERT INTO participants (meeting_id, user_id, role, present) "
                "VALUES (1, ?, 'observer', 0)", (observer_id,))
    seed_preparation(con)
    con.commit()
    con.close()
    server = LiveServer(db)
    server.start()
    yield server
    server.stop()


async def signed_in_as(url: str, role: str) -> WsClient:
    if role == "anonymous":
        return await WsClient.open(url)
    username, password = {
        "delegate": ("d001", "demo"), "observer": ("observer", "observer-pass"),
        "outsider": ("outsider", "observer-pass"),
    }.get(role, (role, "demo"))
    return await WsClient.signed_in(url, username, password)


async def test_authorization_matrix(matrix_server: LiveServer) -> None:
    url = matrix_server.url
    # Objects the commands refer to: a floor request (1) of d001, a poll (1).
    d001 = await WsClient.signed_in(url, "d001")
    await d001.act("attendance.check_in", meeting_id=1)
    await d001.act("speaker.request", meeting_id=1)
    chair = await WsClient.signed_in(url, "chair")
    await chair.act("poll.create", meeting_id=1, title="Phiên thử")
    await d001.close()
    await chair.close()
    await prepare_directives(url)
    await calendar_objects(url)
    await prepare_alerts(matrix_server)
    await prepare_registry(url, MATRIX)
    await prepare_attachments(url, MATRIX)
    prepare_cameras(matrix_server)

    failures = []
    for role in ROLES:
        client = await signed_in_as(url, role)
        for name in ORDER:
            allowed, fields = MATRIX[name]
            reply = await client.raw(name, key=f"{role}-{name}", **fields)
            code = reply.get("code") if reply["type"] == "error" else None
            if role in allowed and code in ACCESS_ERRORS and name not in (
                    "auth.login", "auth.resume"):
                failures.append(f"{role} refused {name}: {code} {reply.get('message')}")
            if role not in allowed:
                outsider = "forbidden" if name in OUTSIDER_FORBIDDEN else "not_found"
                expected = {"anonymous": "unauthenticated", "outsider": outsider}.get(
                    role, "forbidden")
                if name in GLOBAL_COMMANDS and role == "outsider":
                    expected = "forbidden"  # not a meeting: nothing to hide
                expected = (REFUSALS | ATTACHMENT_REFUSALS).get(name, {}).get(role, expected)
                if code != expected:
                    failures.append(f"{role} ran {name}: expected {expected}, got {reply}")
        await client.close()
    assert not failures, "\n".join(failures)


async def test_a_delegate_cannot_withdraw_or_finish_another_delegates_request(
        live_server, clients) -> None:
    d1 = clients(await WsClient.signed_in(live_server.url, "d001"))
    d2 = clients(await WsClient.signed_in(live_server.url, "d002"))
    chair = clients(await WsClient.signed_in(live_server.url, "chair"))
    await d1.act("attendance.check_in", meeting_id=1)
    req = await d1.act("speaker.request", meeting_id=1)
    reply = await d2.raw("speaker.withdraw", key="w", request_id=req["request_id"])
    assert reply["code"] == "forbidden"
    await chair.act("speaker.grant", request_id=req["request_id"])
    reply = await d2.raw("speaker.finish", key="f", request_id=req["request_id"])
    assert reply["code"] == "forbidden"
    # The speaker may present while holding the floor; another delegate may not.
    assert (await d2.raw("presentation.page", key="p", meeting_id=1, document_id=1,
                         page=3))["code"] == "forbidden"
    assert await d1.act("presentation.page", meeting_id=1, document_id=1, page=3) == {
        "document_id": 1, "page": 3}
    done = await d1.act("speaker.finish", request_id=req["request_id"])
    assert done["duration_s"] >= 0


async def test_global_role_matrix(live_server: LiveServer) -> None:
    """``org.*`` and ``auth.change_password`` × the global roles (office within its unit)."""
    from tests.server.org.matrix import ACCOUNTS, DEMO_IDS, GLOBAL_ROLES, global_rows

    rows = global_rows()
    assert set(rows) == {n for n in build_registry().names()
                         if n.startswith("org.") or n == "auth.change_password"}
    admin = await WsClient.signed_in(live_server.url, "admin")
    units = {u["code"]: u["id"] for u in (await admin.call("org.units"))["units"]}
    users = {u["username"]: u["id"] for u in (await admin.call("org.users"))["users"]}
    await admin.close()
    assert {f"unit:{c}": units[c] for c in ("HDND", "UBND", "VP", "TCKH")} | {
        f"user:{u}": users[u] for u in ("cv008", "cv009", "cv010")} == DEMO_IDS
    failures = []
    for role in GLOBAL_ROLES:
        if role == "anonymous":
            client = await WsClient.open(live_server.url)
        else:
            client = await WsClient.signed_in(live_server.url, ACCOUNTS[role])
        for name, (allowed, fields) in rows.items():
            if name == "org.user.create":
                fields = {**fields, "username": f"g-{role}"}
            reply = await client.raw(name, key=f"g-{role}-{name}", **fields)
            code = reply.get("code") if reply["type"] == "error" else None
            if role in allowed and code in ACCESS_ERRORS:
                failures.append(f"{role} refused {name}: {code} {reply.get('message')}")
            if role not in allowed:
                expected = "unauthenticated" if role == "anonymous" else "forbidden"
                if code != expected:
                    failures.append(f"{role} ran {name}: expected {expected}, got {reply}")
        await client.close()
    assert not failures, "\n".join(failures)
