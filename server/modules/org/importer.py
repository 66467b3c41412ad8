"""Reading a whole council's accounts from a spreadsheet, all or nothing.

A file is one header row and one row per person. Headers may be Vietnamese or
English (``Tên đăng nhập``/``username``, ``Họ và tên``/``full_name``,
``Đơn vị``/``unit``, ``Chức vụ``/``position``, ``Vai trò``/``roles``,
``Email``, ``Mật khẩu``/``password``). Every row is checked before anything is
written; any bad row rejects the whole file, and the report says which rows
and why, in Vietnamese. The file itself is only read.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from meeting_protocol.org import GLOBAL_ROLES, MIN_PASSWORD
from server.modules.accounts.tables import users
from server.modules.org.tables import org_units

HEADERS = {
    "username": ("username", "tên đăng nhập", "tài khoản", "ten dang nhap"),
    "full_name": ("full_name", "full name", "họ và tên", "họ tên", "ho va ten"),
    "unit": ("unit", "đơn vị", "don vi", "mã đơn vị"),
    "position": ("position", "chức vụ", "chuc vu"),
    "roles": ("roles", "vai trò", "vai tro"),
    "email": ("email", "e-mail", "thư điện tử"),
    "password": ("password", "mật khẩu", "mat khau"),
}
REQUIRED = ("username", "full_name")
ROLE_WORDS = {
    "admin": "admin", "quản trị": "admin", "office": "office", "văn phòng": "office",
    "leader": "leader", "lãnh đạo": "leader", "operator": "operator", "vận hành": "operator",
    "staff": "", "chuyên viên": "", "": "",
}
USERNAME = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class ImportFileError(Exception):
    """The file as a whole cannot be read (format, header); the message is Vietnamese."""


@dataclass(slots=True)
class Row:
    line: int
    username: str
    full_name: str
    unit_id: int | None
    position: str | None
    roles: list[str]
    email: str | None
    password: str | None


@dataclass(slots=True)
class Checked:
    rows: list[Row] = field(default_factory=list)
    rejected: list[tuple[int, str]] = field(default_factory=list)
    """(row number as the spreadsheet shows it, Vietnamese reason)."""


def _norm(text: object) -> str:
    if text is None:
        return ""
    if isinstance(text, float) and text.is_integer():
        text = int(text)
    return unicodedata.normalize("NFC", str(text)).strip()


def read_table(path: Path) -> list[list[str]]:
    """The file's rows as text (row 1 is the header)."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        try:
            with path.open(encoding="utf-8-sig", newline="") as fh:
                return [[_norm(c) for c in row] for row in csv.reader(fh)]
        except UnicodeDecodeError as exc:
            raise ImportFileError("Tệp CSV phải lưu bằng bảng mã UTF-8.") from exc
    if suffix in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise ImportFileError(f"Không đọc được tệp Excel: {exc}") from exc
        try:
            sheet = book.worksheets[0]
            return [[_norm(c) for c in row] for row in sheet.iter_rows(values_only=True)]
        finally:
            book.close()
    raise ImportFileError("Chỉ nhận tệp .xlsx hoặc .csv.")


def _columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, title in enumerate(header):
        key = title.lower()
        for name, aliases in HEADERS.items():
            if key in aliases and name not in found:
                found[name] = i
    missing = [HEADERS[n][1] for n in REQUIRED if n not in found]
    if missing:
        raise ImportFileError("Dòng tiêu đề thiếu cột: " + ", ".join(missing) + ".")
    return found


def _unit_lookup(conn: Connection) -> tuple[dict[str, int], dict[str, list[int]]]:
    by_code: dict[str, int] = {}
    by_name: dict[str, list[int]] = {}
    for uid, name, code in conn.execute(select(org_units.c.id, org_units.c.name,
                                               org_units.c.code)):
        if code:
            by_code[_norm(code).lower()] = uid
        by_name.setdefault(_norm(name).lower(), []).append(uid)
    return by_code, by_name


def _roles(text: str) -> tuple[list[str], str | None]:
    roles: list[str] = []
    for part in re.split(r"[,;]", text):
        word = part.strip().lower()
        if word not in ROLE_WORDS:
            return [], f"vai trò “{part.strip()}” không có (dùng: {', '.join(GLOBAL_ROLES)})"
        if ROLE_WORDS[word] and ROLE_WORDS[word] not in roles:
            roles.append(ROLE_WORDS[word])
    return roles, None


def check_rows(conn: Connection, table: list[list[str]]) -> Checked:
    """Validate every row against the file and the database; write nothing."""
    if not table:
        raise ImportFileError("Tệp trống.")
    cols = _columns(table[0])
    by_code, by_name = _unit_lookup(conn)
    taken = {u.lower() for u in conn.execute(select(func.lower(users.c.username))).scalars()}
    seen: dict[str, int] = {}
    out = Checked()

    def cell(row: list[str], name: str) -> str:
        i = cols.get(name)
        return row[i] if i is not None and i < len(row) else ""

    for line, row in enumerate(table[1:], start=2):
        if not any(row):
            continue
        reasons: list[str] = []
        username = cell(row, "username")
        full_name = cell(row, "full_name")
        if not username:
            reasons.append("thiếu tên đăng nhập")
        elif not USERNAME.match(username):
            reasons.append(f"tên đăng nhập “{username}” chỉ được có chữ không dấu, số, "
                           "dấu chấm, gạch ngang, gạch dưới")
        elif username.lower() in taken:
            reasons.append(f"tên đăng nhập “{username}” đã có người dùng")
        elif username.lower() in seen:
            reasons.append(f"tên đăng nhập “{username}” trùng với dòng {seen[username.lower()]}")
        if username:
            seen.setdefault(username.lower(), line)
        if not full_name:
            reasons.append("thiếu họ và tên")
        elif len(full_name) > 200:
            reasons.append("họ và tên dài quá 200 ký tự")
        unit_text = cell(row, "unit")
        unit_id: int | None = None
        if unit_text:
            key = unit_text.lower()
            if key in by_code:
                unit_id = by_code[key]
            elif len(by_name.get(key, [])) == 1:
                unit_id = by_name[key][0]
            elif key in by_name:
                reasons.append(f"có nhiều đơn vị tên “{unit_text}”: hãy ghi mã đơn vị")
            else:
                reasons.append(f"không có đơn vị “{unit_text}”")
        roles, bad_role = _roles(cell(row, "roles"))
        if bad_role:
            reasons.append(bad_role)
        email = cell(row, "email") or None
        if email and not EMAIL.match(email):
            reasons.append(f"email “{email}” không hợp lệ")
        password = cell(row, "password") or None
        if password is not None and len(password) < MIN_PASSWORD:
            reasons.append(f"mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự")
        position = cell(row, "position") or None
        if position and len(position) > 200:
            reasons.append("chức vụ dài quá 200 ký tự")
        if reasons:
            out.rejected.append((line, "; ".join(reasons)))
        else:
            out.rows.append(Row(line, username, full_name, unit_id, position, roles, email,
                                password))
    if not out.rows and not out.rejected:
        raise ImportFileError("Tệp không có dòng người dùng nào.")
    return out


def report(rejected: Iterable[tuple[int, str]]) -> str:
    return "\n".join(f"Dòng {line}: {reason}." for line, reason in rejected)
