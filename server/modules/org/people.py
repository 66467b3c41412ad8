"""Writing people and units: the rules every path (commands, import, demo) shares.

Each function checks what it needs and raises a typed error with a Vietnamese
message; it runs inside the caller's unit of work, so a refusal changes nothing.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection

from meeting_protocol.org import GLOBAL_ROLES, MIN_PASSWORD
from server.errors import BadRequest, Conflict, NotFound
from server.modules.accounts.service import create_user
from server.modules.accounts.tables import sessions, users
from server.modules.org import service
from server.modules.org.tables import org_people, org_units, org_user_roles

TEMP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
"""No 0/o, 1/l/i: a temporary password is read aloud or copied from paper."""


def temporary_password(length: int = 10) -> str:
    return "".join(secrets.choice(TEMP_ALPHABET) for _ in range(length))


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise BadRequest(f"Mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự.",
                         en=f"A password needs at least {MIN_PASSWORD} characters.")


def user_exists(conn: Connection, user_id: int) -> bool:
    return conn.execute(select(users.c.id).where(users.c.id == user_id)).first() is not None


def need_user(conn: Connection, user_id: int) -> None:
    if not user_exists(conn, user_id):
        raise NotFound("Không tìm thấy người dùng.", en="User not found.")


def need_unit(conn: Connection, unit_id: int) -> None:
    if not service.unit_exists(conn, unit_id):
        raise NotFound("Không tìm thấy đơn vị.", en="Unit not found.")


def _person_row(conn: Connection, user_id: int) -> None:
    if conn.execute(select(org_people.c.user_id)
                    .where(org_people.c.user_id == user_id)).first() is None:
        conn.execute(insert(org_people).values(user_id=user_id, unit_id=None, active=True,
                                               must_change_password=False))


def set_person(conn: Connection, user_id: int, **values: object) -> None:
    """Set ``unit_id``, ``active`` or ``must_change_password`` (the row is made if missing)."""
    _person_row(conn, user_id)
    conn.execute(update(org_people).where(org_people.c.user_id == user_id).values(**values))


def set_roles(conn: Connection, user_id: int, roles: Iterable[str]) -> None:
    wanted = set(roles)
    unknown = wanted - set(GLOBAL_ROLES)
    if unknown:
        raise BadRequest("Vai trò không hợp lệ: " + ", ".join(sorted(unknown)) + ".",
                         en="Unknown role: " + ", ".join(sorted(unknown)) + ".")
    conn.execute(update(users).where(users.c.id == user_id)
                 .values(is_admin="admin" in wanted))
    conn.execute(delete(org_user_roles).where(org_user_roles.c.user_id == user_id))
    rest = [{"user_id": user_id, "role": r} for r in sorted(wanted - {"admin"})]
    if rest:
        conn.execute(insert(org_user_roles), rest)


def create_person(conn: Connection, *, username: str, full_name: str, password_hash: str,
                  unit_id: int | None = None, position: str | None = None,
                  roles: Iterable[str] = (), must_change_password: bool = False,
                  is_demo: bool = False) -> int:
    if conn.execute(select(users.c.id).where(users.c.username == username)).first():
        raise Conflict(f"Tên đăng nhập “{username}” đã có người dùng.",
                       en=f"The user name {username!r} is taken.")
    if unit_id is not None:
        need_unit(conn, unit_id)
    uid = create_user(conn, username=username, full_name=full_name.strip(),
                      password_hash=password_hash, is_demo=is_demo,
                      title=(position or "").strip() or None)
    conn.execute(insert(org_people).values(user_id=uid, unit_id=unit_id, active=True,
                                           must_change_password=must_change_password))
    set_roles(conn, uid, roles)
    return uid


def set_password(conn: Connection, user_id: int, password_hash: str, *,
                 must_change: bool, keep_session: str | None = None) -> None:
    """Store a new hash and end the user's other sessions (their tokens stop working)."""
    conn.execute(update(users).where(users.c.id == user_id).values(password_hash=password_hash))
    set_person(conn, user_id, must_change_password=must_change)
    query = delete(sessions).where(sessions.c.user_id == user_id)
    if keep_session is not None:
        query = query.where(sessions.c.token_hash != keep_session)
    conn.execute(query)


def end_sessions(conn: Connection, user_id: int) -> None:
    conn.execute(delete(sessions).where(sessions.c.user_id == user_id))


def active_admins(conn: Connection) -> set[int]:
    return set(service.users_with_role(conn, "admin"))


def _code_free(conn: Connection, code: str | None, unit_id: int | None = None) -> None:
    if code is None:
        return
    query = select(org_units.c.id).where(org_units.c.code == code)
    if unit_id is not None:
        query = query.where(org_units.c.id != unit_id)
    if conn.execute(query).first() is not None:
        raise Conflict(f"Mã đơn vị “{code}” đã được dùng.",
                       en=f"The unit code {code!r} is taken.")


def create_unit(conn: Connection, *, name: str, code: str | None = None,
                parent_id: int | None = None) -> int:
    name = name.strip()
    if not name:
        raise BadRequest("Tên đơn vị không được để trống.", en="A unit needs a name.")
    code = (code or "").strip() or None
    _code_free(conn, code)
    if parent_id is not None:
        need_unit(conn, parent_id)
    r = conn.execute(insert(org_units).values(name=name, code=code, parent_id=parent_id))
    return int(r.inserted_primary_key[0])  # type: ignore[index]


def update_unit(conn: Connection, unit_id: int, values: dict[str, object]) -> None:
    need_unit(conn, unit_id)
    if "name" in values:
        name = str(values["name"]).strip()
        if not name:
            raise BadRequest("Tên đơn vị không được để trống.", en="A unit needs a name.")
        values["name"] = name
    if "code" in values:
        code = str(values["code"] or "").strip() or None
        _code_free(conn, code, unit_id)
        values["code"] = code
    parent = values.get("parent_id")
    if parent is not None:
        need_unit(conn, int(parent))  # type: ignore[call-overload]
        if int(parent) in service.subtree(conn, unit_id):  # type: ignore[call-overload]
            raise Conflict("Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.",
                           en="A unit cannot move under itself or one of its own units.")
    head = values.get("head_id")
    if head is not None:
        need_user(conn, int(head))  # type: ignore[call-overload]
    if values:
        conn.execute(update(org_units).where(org_units.c.id == unit_id).values(**values))
