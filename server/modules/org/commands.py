"""``org.*`` commands and ``auth.change_password``.

``admin`` administers everyone; ``office`` administers the people of its own
unit and the units below it, and may not grant or touch ``admin``. Changes are
recorded in the audit log on topic ``org`` (ids only, never a password).
Commands that hash a password do it on the CPU pool before their unit of work,
so the database thread never waits for argon2; they check access themselves.
"""

from __future__ import annotations

import asyncio
from typing import Any

import msgspec

from meeting_protocol import org as op
from server.dispatch import (
    AUTHENTICATED,
    Access,
    CommandSet,
    Context,
    Reply,
    check_access,
    global_roles,
)
from server.errors import BadRequest, Conflict, Forbidden
from server.modules.accounts.tables import users
from server.modules.org import people, service
from server.storage.committer import Tx

commands = CommandSet()
ADMIN_ONLY = global_roles("admin")
PEOPLE_ADMINS = global_roles("admin", "office")
TOPIC = op.ORG_TOPIC
OUT_OF_SCOPE = ("Người dùng này không thuộc đơn vị bạn quản lý.",
                "This user is not in a unit you administer.")
UNIT_OUT_OF_SCOPE = ("Bạn chỉ quản lý người dùng trong đơn vị của mình và các đơn vị trực thuộc.",
                     "You administer only your own unit and the units below it.")


def _cmd(name: str, access: Access, **kw: Any) -> Any:
    return commands.command(name, access=access, payload=op.ORG_PAYLOADS[name], **kw)


async def _hash(ctx: Context, password: str) -> str:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(ctx.services.cpu, ctx.services.passwords.hash, password)


def _authorize(ctx: Context, tx: Tx, name: str, payload: Any) -> None:
    """The dispatcher's check, for the asynchronous handlers (it skips them)."""
    spec = next(s for s in commands.specs if s.name == name)
    check_access(spec, ctx, tx.conn, payload)


# --- who may administer whom ------------------------------------------------------------


def _scope(ctx: Context, tx: Tx) -> set[int] | None:
    """Units whose people the caller administers; None: everyone (admin)."""
    if ctx.is_admin:
        return None
    unit = service.unit_of(tx.conn, ctx.user_id)
    return service.subtree(tx.conn, unit) if unit is not None else set()


def _check_target(ctx: Context, tx: Tx, user_id: int) -> None:
    people.need_user(tx.conn, user_id)
    scope = _scope(ctx, tx)
    if scope is None:
        return
    if "admin" in service.roles_of(tx.conn, user_id) or \
            service.unit_of(tx.conn, user_id) not in scope:
        raise Forbidden(*OUT_OF_SCOPE[:1], en=OUT_OF_SCOPE[1])


def _check_unit_choice(ctx: Context, tx: Tx, unit_id: int | None) -> None:
    if unit_id is not None:
        people.need_unit(tx.conn, unit_id)
    scope = _scope(ctx, tx)
    if scope is not None and unit_id not in scope:
        raise Forbidden(UNIT_OUT_OF_SCOPE[0], en=UNIT_OUT_OF_SCOPE[1])


def _check_roles_change(ctx: Context, before: set[str], after: set[str]) -> None:
    if not ctx.is_admin and "admin" in (before ^ after):
        raise Forbidden("Chỉ quản trị hệ thống mới cấp hoặc thu hồi vai trò quản trị.",
                        en="Only an administrator grants or removes the admin role.")


def _keep_an_admin(tx: Tx, user_id: int) -> None:
    if people.active_admins(tx.conn) <= {user_id}:
        raise Conflict("Không thể bỏ người quản trị cuối cùng đang hoạt động.",
                       en="The last active administrator cannot be removed.")


# --- reading ----------------------------------------------------------------------------


@_cmd("org.units", AUTHENTICATED, read_only=True)
def units(_ctx: Context, tx: Tx, _p: op.OrgUnits) -> dict[str, Any]:
    return {"units": service.units(tx.conn)}


@_cmd("org.users", AUTHENTICATED, read_only=True)
def directory(_ctx: Context, tx: Tx, _p: op.OrgUsers) -> dict[str, Any]:
    return {"users": service.directory(tx.conn)}


# --- people -----------------------------------------------------------------------------


@_cmd("org.user.create", PEOPLE_ADMINS, is_async=True)
async def user_create(ctx: Context, p: op.OrgUserCreate) -> dict[str, Any]:
    people.check_password(p.password)
    digest = await _hash(ctx, p.password)

    def unit(tx: Tx) -> dict[str, Any]:
        _authorize(ctx, tx, "org.user.create", p)
        _check_unit_choice(ctx, tx, p.unit_id)
        _check_roles_change(ctx, set(), set(p.roles))
        uid = people.create_person(
            tx.conn, username=p.username, full_name=p.full_name, password_hash=digest,
            unit_id=p.unit_id, position=p.position, roles=p.roles,
            must_change_password=p.must_change_password)
        if p.email:
            people.set_person(tx.conn, uid, email=p.email)
        tx.emit(TOPIC, op.OrgUserCreated(user_id=uid, by=ctx.user_id))
        return {"user_id": uid}

    return await ctx.services.committer.run(unit)  # type: ignore[no-any-return]


@_cmd("org.user.update", PEOPLE_ADMINS)
def user_update(ctx: Context, tx: Tx, p: op.OrgUserUpdate) -> Reply:
    _check_target(ctx, tx, p.user_id)
    changed: list[str] = []
    if p.full_name is not msgspec.UNSET:
        name = p.full_name.strip()
        if not name:
            raise BadRequest("Họ và tên không được để trống.", en="A full name is required.")
        tx.conn.execute(users.update().where(users.c.id == p.user_id).values(full_name=name))
        changed.append("full_name")
    if p.position is not msgspec.UNSET:
        tx.conn.execute(users.update().where(users.c.id == p.user_id)
                        .values(title=(p.position or "").strip() or None))
        changed.append("position")
    if p.unit_id is not msgspec.UNSET:
        _check_unit_choice(ctx, tx, p.unit_id)
        people.set_person(tx.conn, p.user_id, unit_id=p.unit_id)
        changed.append("unit_id")
    if p.email is not msgspec.UNSET:
        people.set_person(tx.conn, p.user_id, email=p.email)
        changed.append("email")
    if p.roles is not msgspec.UNSET:
        before = set(service.roles_of(tx.conn, p.user_id))
        _check_roles_change(ctx, before, set(p.roles))
        if "admin" in before and "admin" not in p.roles:
            _keep_an_admin(tx, p.user_id)
        people.set_roles(tx.conn, p.user_id, p.roles)
        changed.append("roles")
    who = service.profile(tx.conn, p.user_id)
    tx.emit(TOPIC, op.OrgUserUpdated(user_id=p.user_id, fields=changed, by=ctx.user_id))
    live = ctx.services.live

    def refresh_sessions() -> None:
        def change(session: Any) -> None:
            session.roles = frozenset(who.roles)
            session.is_admin = "admin" in who.roles
            session.unit_id = who.unit_id
        live.update(p.user_id, change)

    return Reply({"user_id": p.user_id, "unit_id": who.unit_id, "position": who.position,
                  "roles": list(who.roles)}, after=refresh_sessions)


def _set_active(ctx: Context, tx: Tx, user_id: int, active: bool) -> Reply:
    _check_target(ctx, tx, user_id)
    if not active:
        if user_id == ctx.user_id:
            raise Conflict("Bạn không thể tự khóa tài khoản của mình.",
                           en="You cannot deactivate your own account.")
        if "admin" in service.roles_of(tx.conn, user_id):
            _keep_an_admin(tx, user_id)
        people.end_sessions(tx.conn, user_id)
    people.set_person(tx.conn, user_id, active=active)
    event = op.OrgUserActivated if active else op.OrgUserDeactivated
    tx.emit(TOPIC, event(user_id=user_id, by=ctx.user_id))
    live = ctx.services.live

    def end_live() -> None:
        live.end(user_id, "account deactivated")

    return Reply({"user_id": user_id, "active": active}, after=None if active else end_live)


@_cmd("org.user.deactivate", PEOPLE_ADMINS)
def user_deactivate(ctx: Context, tx: Tx, p: op.OrgUserDeactivate) -> Reply:
    return _set_active(ctx, tx, p.user_id, False)


@_cmd("org.user.reactivate", PEOPLE_ADMINS)
def user_reactivate(ctx: Context, tx: Tx, p: op.OrgUserReactivate) -> Reply:
    return _set_active(ctx, tx, p.user_id, True)


@_cmd("org.user.reset_password", PEOPLE_ADMINS, is_async=True)
async def user_reset_password(ctx: Context, p: op.OrgUserResetPassword) -> dict[str, Any]:
    """Set a temporary password (given, or made here and returned once); force a change."""
    temporary = p.password if p.password is not None else people.temporary_password()
    people.check_password(temporary)
    digest = await _hash(ctx, temporary)

    def unit(tx: Tx) -> None:
        _authorize(ctx, tx, "org.user.reset_password", p)
        _check_target(ctx, tx, p.user_id)
        people.set_password(tx.conn, p.user_id, digest, must_change=True)
        tx.emit(TOPIC, op.OrgUserPasswordReset(user_id=p.user_id, by=ctx.user_id))

    await ctx.services.committer.run(unit)
    ctx.services.live.end(p.user_id, "password reset", keep=ctx.conn)
    data: dict[str, Any] = {"user_id": p.user_id, "must_change_password": True}
    if p.password is None:
        data["password"] = temporary
    return data


# --- units ------------------------------------------------------------------------------


@_cmd("org.unit.create", ADMIN_ONLY)
def unit_create(ctx: Context, tx: Tx, p: op.OrgUnitCreate) -> dict[str, Any]:
    uid = people.create_unit(tx.conn, name=p.name, code=p.code, parent_id=p.parent_id)
    tx.emit(TOPIC, op.OrgUnitCreated(unit_id=uid, by=ctx.user_id))
    return {"unit_id": uid}


@_cmd("org.unit.update", ADMIN_ONLY)
def unit_update(ctx: Context, tx: Tx, p: op.OrgUnitUpdate) -> dict[str, Any]:
    values = {f: getattr(p, f) for f in ("name", "code", "parent_id", "head_id")
              if getattr(p, f) is not msgspec.UNSET}
    people.update_unit(tx.conn, p.unit_id, values)
    tx.emit(TOPIC, op.OrgUnitUpdated(unit_id=p.unit_id, fields=sorted(values),
                                     by=ctx.user_id))
    row = next(u for u in service.units(tx.conn) if u["id"] == p.unit_id)
    return {"unit": row}


# --- one's own password -----------------------------------------------------------------

WRONG_OLD = "Mật khẩu hiện tại không đúng."


@_cmd("auth.change_password", AUTHENTICATED, is_async=True)
async def change_password(ctx: Context, p: op.AuthChangePassword) -> dict[str, Any]:
    """Old and new password; other sessions of the user end, this one goes on."""
    services = ctx.services
    session = ctx.session
    assert session is not None  # the transport refuses anonymous callers
    people.check_password(p.new_password)
    # Keyed by session, not by name or address: guessing here slows only this session,
    # never the user's or the room's sign-ins.
    who = "pw:" + session.token_hash
    delay = services.throttle.delay(who, who)
    if delay:
        await asyncio.sleep(delay)
    stored = await services.committer.run(lambda tx: tx.conn.execute(
        users.select().with_only_columns(users.c.password_hash)
        .where(users.c.id == session.user_id)).scalar())
    if not await services.passwords.verify_async(services.cpu, stored, p.old_password):
        services.throttle.failed(who, who)
        raise BadRequest(WRONG_OLD, en="The current password is wrong.")
    if p.new_password == p.old_password:
        raise BadRequest("Mật khẩu mới phải khác mật khẩu hiện tại.",
                         en="The new password must differ from the current one.")
    digest = await _hash(ctx, p.new_password)

    def unit(tx: Tx) -> None:
        _authorize(ctx, tx, "auth.change_password", p)
        people.set_password(tx.conn, session.user_id, digest, must_change=False,
                            keep_session=session.token_hash)
        tx.emit(TOPIC, op.OrgUserPasswordChanged(user_id=session.user_id))

    await services.committer.run(unit)
    session.must_change_password = False
    services.live.end(session.user_id, "password changed", keep=ctx.conn)
    return {"must_change_password": False}
