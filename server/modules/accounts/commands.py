"""auth.login, auth.resume, auth.logout."""

from __future__ import annotations

import asyncio
from typing import Any

from meeting_protocol.commands import AuthLogin, AuthLogout, AuthResume
from server.dispatch import AUTHENTICATED, PUBLIC, CommandSet, Context, Reply, Session
from server.errors import Forbidden, Unauthenticated
from server.modules.accounts import service
from server.storage.committer import Tx

commands = CommandSet()

WRONG_CREDENTIALS = "Tên đăng nhập hoặc mật khẩu không đúng."
EXPIRED = "Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại."


DEACTIVATED = "Tài khoản này đã bị khóa. Hãy liên hệ bộ phận quản trị."


def _user_data(user: dict[str, Any], who: service.Profile) -> dict[str, Any]:
    return {
        "id": user["id"], "username": user["username"], "full_name": user["full_name"],
        "roles": list(who.roles), "unit_id": who.unit_id, "position": who.position,
        "must_change_password": who.must_change_password,
    }


def _bind(ctx: Context, user: dict[str, Any], who: service.Profile, digest: str,
          lang: str | None) -> None:
    session = Session(
        user_id=user["id"], username=user["username"], full_name=user["full_name"],
        is_admin=bool(user["is_admin"]), token_hash=digest, lang=lang or "vi",
        roles=frozenset(who.roles), unit_id=who.unit_id,
        must_change_password=who.must_change_password,
    )
    ctx.conn.session = session
    ctx.session = session
    ctx.services.live.bind(ctx.conn, user["id"])  # type: ignore[arg-type]


@commands.command("auth.login", access=PUBLIC, is_async=True)
async def login(ctx: Context, p: AuthLogin) -> dict[str, Any]:
    """Check the password off the loop; wrong credentials never say which part."""
    services = ctx.services
    peer = ctx.conn.peer
    delay = services.throttle.delay(p.username, peer)
    if delay:
        await asyncio.sleep(delay)
    user = await services.committer.run(lambda tx: service.find_user(tx.conn, p.username))
    ok = await services.passwords.verify_async(
        services.cpu, user["password_hash"] if user else None, p.password
    )
    if not ok or user is None:
        services.throttle.failed(p.username, peer)
        raise Unauthenticated(WRONG_CREDENTIALS, en="Wrong user name or password.")
    services.throttle.succeeded(p.username)
    ttl = services.settings.session_ttl_s

    def start(tx: Tx) -> tuple[service.Profile, str | None]:
        who = services.profile_of(tx.conn, user["id"])
        if not who.active:  # said only to whoever knows the password
            return who, None
        return who, service.new_session(tx.conn, user["id"], tx.now, ttl)

    who, token = await services.committer.run(start)
    if token is None:
        raise Forbidden(DEACTIVATED, en="This account has been deactivated.")
    _bind(ctx, user, who, service.token_hash(token), p.lang)
    return {"token": token, "user": _user_data(user, who)}


@commands.command("auth.resume", access=PUBLIC, is_async=True)
async def resume(ctx: Context, p: AuthResume) -> dict[str, Any]:
    profile_of = ctx.services.profile_of

    def unit(tx: Tx) -> tuple[dict[str, Any], str, service.Profile] | None:
        found = service.session_user(tx.conn, p.token, tx.now)
        if found is None:
            return None
        who = profile_of(tx.conn, found[0]["id"])
        return (found[0], found[1], who) if who.active else None

    found = await ctx.services.committer.run(unit)
    if found is None:
        raise Unauthenticated(EXPIRED, en="Your session has expired; please sign in again.")
    user, digest, who = found
    _bind(ctx, user, who, digest, p.lang)
    return {"token": p.token, "user": _user_data(user, who)}


@commands.command("auth.logout", access=AUTHENTICATED)
def logout(ctx: Context, tx: Tx, _p: AuthLogout) -> Reply:
    assert ctx.session is not None
    service.end_session(tx.conn, ctx.session.token_hash)
    conn = ctx.conn

    live = ctx.services.live

    def forget_session() -> None:  # on the loop, after the reply
        live.unbind(conn)  # type: ignore[arg-type]
        conn.session = None
        for topic in list(getattr(conn, "topics", ())):
            conn.unsubscribe(topic)

    return Reply({}, after=forget_session)
