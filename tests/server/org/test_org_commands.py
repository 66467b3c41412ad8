"""Organisation and people against a real server: units, the directory, administration
by admin and office (office only within its unit tree), deactivation, passwords."""

from __future__ import annotations

import asyncio

import pytest
from websockets.exceptions import ConnectionClosed

from tests.support.live import LiveServer
from tests.support.wsclient import Failed, WsClient


async def units_by_code(c: WsClient) -> dict[str, dict]:
    return {u["code"]: u for u in (await c.call("org.units"))["units"]}


async def user_named(c: WsClient, username: str) -> dict:
    users = (await c.call("org.users"))["users"]
    return next(u for u in users if u["username"] == username)


async def test_login_reports_unit_position_and_roles(live_server: LiveServer, clients) -> None:
    c = clients(await WsClient.open(live_server.url))
    data = await c.call("auth.login", username="lanhdao", password="demo")
    units = await units_by_code(c)
    assert data["user"]["roles"] == ["leader"]
    assert data["user"]["position"] == "Chủ tịch UBND thành phố"
    assert data["user"]["unit_id"] == units["UBND"]["id"]
    assert data["user"]["must_change_password"] is False
    admin = clients(await WsClient.open(live_server.url))
    assert (await admin.call("auth.login", username="admin", password="demo"))["user"][
        "roles"] == ["admin"]
    d001 = clients(await WsClient.open(live_server.url))
    user = (await d001.call("auth.login", username="d001", password="demo"))["user"]
    assert user["roles"] == [] and user["unit_id"] is None


async def test_demo_organisation(live_server: LiveServer, clients) -> None:
    c = clients(await WsClient.signed_in(live_server.url, "cv001"))
    units = await units_by_code(c)
    assert units["UBND"]["name"] == "Ủy ban nhân dân thành phố"
    assert units["HDND"]["name"] == "Hội đồng nhân dân thành phố"
    assert units["VP"]["parent_id"] == units["UBND"]["id"]
    assert {"TCKH", "TP", "TNMT", "KALONG"} <= set(units)
    users = {u["username"]: u for u in (await c.call("org.users"))["users"]}
    assert users["vanphong"]["roles"] == ["office"]
    assert users["vanhanh"]["roles"] == ["operator"]
    assert users["lanhdao"]["roles"] == ["leader"]
    staff = [users[f"cv{i:03d}"] for i in range(1, 11)]
    assert all(u["roles"] == [] and u["active"] for u in staff)
    assert len({u["unit_id"] for u in staff}) >= 5  # spread over the units
    assert all(" " in u["full_name"] for u in staff)
    assert "password" not in users["cv001"] and "password_hash" not in users["cv001"]
    # Meeting 1 and the meeting-room accounts are unchanged.
    assert users["chair"]["roles"] == [] and users["d001"]["unit_id"] is None
    chair = clients(await WsClient.signed_in(live_server.url, "chair"))
    assert [m["id"] for m in (await chair.call("meeting.list"))["meetings"]] == [1]


async def test_admin_creates_units_and_users(live_server: LiveServer, clients) -> None:
    admin = clients(await WsClient.signed_in(live_server.url, "admin"))
    units = await units_by_code(admin)
    unit = await admin.act("org.unit.create", name="Phòng Văn hóa và Thông tin", code="VHTT",
                           parent_id=units["UBND"]["id"])
    created = await admin.act("org.user.create", username="vhtt01", full_name="Lê Văn Tùng",
                              password="mat-khau-1", unit_id=unit["unit_id"],
                              position="Chuyên viên", roles=["operator"])
    row = await user_named(admin, "vhtt01")
    assert row == {"id": created["user_id"], "username": "vhtt01", "full_name": "Lê Văn Tùng",
                   "unit_id": unit["unit_id"], "position": "Chuyên viên",
                   "roles": ["operator"], "active": True, "email": None}
    new = clients(await WsClient.open(live_server.url))
    data = await new.call("auth.login", username="vhtt01", password="mat-khau-1")
    assert data["user"]["roles"] == ["operator"]
    # A taken user name, a taken code, a missing parent, a cycle.
    with pytest.raises(Failed) as err:
        await admin.act("org.user.create", username="vhtt01", full_name="X", password="12345678")
    assert err.value.code == "conflict" and "vhtt01" in err.value.message
    with pytest.raises(Failed) as err:
        await admin.act("org.unit.create", name="Trùng mã", code="VHTT")
    assert err.value.code == "conflict"
    with pytest.raises(Failed) as err:
        await admin.act("org.unit.create", name="Mồ côi", parent_id=9999)
    assert err.value.code == "not_found"
    with pytest.raises(Failed) as err:
        await admin.act("org.unit.update", unit_id=units["UBND"]["id"],
                        parent_id=unit["unit_id"])
    assert err.value.code == "conflict"
    with pytest.raises(Failed) as err:
        await admin.act("org.user.create", username="ngan", full_name="X", password="ngan")
    assert err.value.code == "bad_request" and "8 ký tự" in err.value.message
    # Rename and move.
    moved = await admin.act("org.unit.update", unit_id=unit["unit_id"],
                            name="Phòng Văn hóa, Khoa học và Thông tin",
                            parent_id=units["HDND"]["id"])
    assert moved["unit"]["parent_id"] == units["HDND"]["id"]
    assert (await units_by_code(admin))["VHTT"]["name"] == "Phòng Văn hóa, Khoa học và Thông tin"


async def test_update_changes_roles_of_a_live_session(live_server: LiveServer, clients) -> None:
    admin = clients(await WsClient.signed_in(live_server.url, "admin"))
    cv = clients(await WsClient.signed_in(live_server.url, "cv003"))
    target = await user_named(admin, "cv003")
    refused = await cv.raw("org.unit.create", key="u1", name="Không được")
    assert refused["code"] == "forbidden"
    reply = await admin.act("org.user.update", user_id=target["id"], roles=["admin"],
                            position="Phó Trưởng phòng", full_name="Lê Thị Phương Thảo")
    assert reply["roles"] == ["admin"] and reply["position"] == "Phó Trưởng phòng"
    assert (await cv.act("org.unit.create", name="Được rồi"))["unit_id"] > 0
    await admin.act("org.user.update", user_id=target["id"], roles=[])
    assert (await cv.raw("org.unit.create", key="u2", name="Lại không"))["code"] == "forbidden"


async def test_office_administers_only_its_unit_tree(live_server: LiveServer, clients) -> None:
    office = clients(await WsClient.signed_in(live_server.url, "vanphong"))
    units = await units_by_code(office)
    vp, tckh = units["VP"]["id"], units["TCKH"]["id"]
    made = await office.act("org.user.create", username="vp099", full_name="Trần Thị Mai",
                            password="tam-thoi-1", unit_id=vp, must_change_password=True)
    cv001 = await user_named(office, "cv001")  # in VP
    cv003 = await user_named(office, "cv003")  # in TCKH
    await office.act("org.user.update", user_id=cv001["id"], position="Chuyên viên chính")
    reset = await office.act("org.user.reset_password", user_id=made["user_id"])
    assert len(reset["password"]) >= 8 and reset["must_change_password"] is True
    refusals = [
        await office.raw("org.user.create", key="a", username="tc099", full_name="A",
                         password="12345678", unit_id=tckh),
        await office.raw("org.user.create", key="b", username="none099", full_name="A",
                         password="12345678"),
        await office.raw("org.user.update", key="c", user_id=cv003["id"], position="X"),
        await office.raw("org.user.update", key="d", user_id=cv001["id"], unit_id=tckh),
        await office.raw("org.user.update", key="e", user_id=cv001["id"], roles=["admin"]),
        await office.raw("org.user.deactivate", key="f", user_id=cv003["id"]),
        await office.raw("org.user.reset_password", key="g", user_id=cv003["id"]),
        await office.raw("org.unit.create", key="h", name="Phòng mới", parent_id=vp),
    ]
    assert [r.get("code") for r in refusals] == ["forbidden"] * len(refusals), refusals
    assert "đơn vị" in refusals[0]["message"]
    assert (await user_named(office, "cv003"))["position"] == "Chuyên viên"
    assert (await user_named(office, "cv001"))["unit_id"] == vp
    usernames = {u["username"] for u in (await office.call("org.users"))["users"]}
    assert "vp099" in usernames and "tc099" not in usernames and "none099" not in usernames


async def test_a_deactivated_user_is_signed_out_and_refused(live_server: LiveServer,
                                                            clients) -> None:
    admin = clients(await WsClient.signed_in(live_server.url, "admin"))
    victim = clients(await WsClient.open(live_server.url))
    token = (await victim.call("auth.login", username="cv005", password="demo"))["token"]
    await victim.call("user.subscribe")
    target = await user_named(admin, "cv005")
    assert await admin.act("org.user.deactivate", user_id=target["id"]) == {
        "user_id": target["id"], "active": False}
    await asyncio.wait_for(victim.ws.wait_closed(), 10)
    assert victim.ws.close_code == 1008
    again = clients(await WsClient.open(live_server.url))
    refused = await again.raw("auth.login", username="cv005", password="demo")
    assert refused["code"] == "forbidden" and "khóa" in refused["message"]
    wrong = await again.raw("auth.login", username="cv005", password="sai-mat-khau")
    assert wrong["code"] == "unauthenticated"  # says nothing about the account
    assert (await again.raw("auth.resume", token=token))["code"] == "unauthenticated"
    assert (await user_named(admin, "cv005"))["active"] is False
    me = await user_named(admin, "admin")
    assert (await admin.raw("org.user.deactivate", key="self", user_id=me["id"]))[
        "code"] == "conflict"
    await admin.act("org.user.reactivate", user_id=target["id"])
    back = clients(await WsClient.open(live_server.url))
    assert (await back.call("auth.login", username="cv005", password="demo"))["user"][
        "username"] == "cv005"


async def test_password_change_and_forced_change(live_server: LiveServer, clients) -> None:
    admin = clients(await WsClient.signed_in(live_server.url, "admin"))
    other = clients(await WsClient.signed_in(live_server.url, "cv007"))
    target = await user_named(admin, "cv007")
    reset = await admin.act("org.user.reset_password", user_id=target["id"])
    with pytest.raises((ConnectionClosed, ConnectionError, asyncio.TimeoutError)):
        await asyncio.wait_for(other.ws.wait_closed(), 10)
        await other.call("org.units")
    assert other.ws.close_code == 1008
    c = clients(await WsClient.open(live_server.url))
    user = (await c.call("auth.login", username="cv007", password=reset["password"]))["user"]
    assert user["must_change_password"] is True
    blocked = await c.raw("org.units")
    assert blocked["code"] == "forbidden" and "đổi mật khẩu" in blocked["message"]
    fetch = await c.raw("document.fetch", sha256="0" * 64)  # asynchronous commands too
    assert fetch["code"] == "forbidden"
    wrong = await c.raw("auth.change_password", key="w", old_password="demo",
                        new_password="mat-khau-moi")
    assert wrong["code"] == "bad_request" and "hiện tại" in wrong["message"]
    short = await c.raw("auth.change_password", key="s", old_password=reset["password"],
                        new_password="ngan")
    assert short["code"] == "bad_request"
    assert await c.act("auth.change_password", old_password=reset["password"],
                       new_password="mat-khau-moi") == {"must_change_password": False}
    assert (await c.call("org.units"))["units"]  # no longer blocked
    again = clients(await WsClient.open(live_server.url))
    user = (await again.call("auth.login", username="cv007",
                             password="mat-khau-moi"))["user"]
    assert user["must_change_password"] is False
    assert (await again.raw("auth.login", username="cv007", password=reset["password"]))[
        "code"] == "unauthenticated"


async def test_org_changes_are_in_the_audit_log(live_server: LiveServer) -> None:
    import sqlite3

    admin = await WsClient.signed_in(live_server.url, "admin")
    await admin.act("org.unit.create", name="Ban Quản lý dự án")
    await admin.close()
    con = sqlite3.connect(live_server.db_path)
    rows = con.execute("SELECT event, data FROM event_log WHERE topic='org'").fetchall()
    con.close()
    assert [r[0] for r in rows] == ["org.unit.created"]
