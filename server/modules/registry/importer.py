"""Importing a city's existing registers (CSV or XLSX): all rows or none.

Every row is checked first; any rejected row (its number in the file and the reason in
Vietnamese) means nothing is written. Accepted rows go in with bulk inserts in one
transaction — numbers kept where the file has them, otherwise the next of the entry's
register and year, as ``registry.create`` would give.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.engine import Connection

from server.modules.registry import fold
from server.modules.registry.search import backend_for
from server.modules.registry.service import NewEntry
from server.modules.registry.tables import registry_entries as E

HEADERS = {
    "direction": ("direction", "so", "loai so", "so van ban"),
    "number": ("number", "so den", "so di", "so thu tu"),
    "received_on": ("received_on", "ngay den"),
    "registered_on": ("registered_on", "ngay dang ky", "ngay vao so"),
    "issuer": ("issuer", "tac gia", "co quan ban hanh", "noi gui", "noi ban hanh"),
    "symbol": ("symbol", "so, ky hieu", "so ky hieu", "so, ky hieu van ban", "ky hieu"),
    "issued_on": ("issued_on", "ngay thang", "ngay van ban", "ngay thang van ban",
                  "ngay ban hanh"),
    "doc_type": ("doc_type", "ten loai", "loai van ban"),
    "summary": ("summary", "trich yeu", "trich yeu noi dung"),
    "recipients": ("recipients", "don vi hoac nguoi nhan", "noi nhan", "noi nhan van ban"),
    "signer": ("signer", "nguoi ky"),
    "archive_holder": ("archive_holder", "don vi, nguoi nhan ban luu", "ban luu"),
    "copies": ("copies", "so luong ban"),
    "forwarded_on": ("forwarded_on", "ngay chuyen"),
    "note": ("note", "ghi chu"),
    "urgency": ("urgency", "do khan", "muc do khan"),
    "confidential": ("confidential", "mat", "do mat"),
}
_BY_HEADER = {h: key for key, names in HEADERS.items() for h in names}
URGENCY = {"": "normal", "normal": "normal", "thuong": "normal", "urgent": "urgent",
           "khan": "urgent", "express": "express", "thuong khan": "express",
           "flash": "flash", "hoa toc": "flash"}
DIRECTION = {"in": "in", "den": "in", "van ban den": "in", "out": "out", "di": "out",
             "van ban di": "out"}
YES = {"1", "x", "co", "true", "yes", "mat"}
REQUIRED = (("symbol", "số, ký hiệu"), ("issuer", "tác giả / cơ quan ban hành"),
            ("doc_type", "tên loại"), ("summary", "trích yếu"), ("issued_on", "ngày tháng"))


@dataclass(slots=True)
class Report:
    accepted: list[NewEntry] = field(default_factory=list)
    rejected: list[tuple[int, str]] = field(default_factory=list)
    """``(row number in the file, reason)``; the header is row 1."""


def _key(header: Any) -> str | None:
    name = " ".join(fold.fold(str(header or "")).replace("(", " ").replace(")", " ").split())
    return _BY_HEADER.get(name)


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(row number, {field: value})`` of a CSV (UTF-8, with or without BOM) or XLSX."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = wb.worksheets[0]
            it = sheet.iter_rows(values_only=True)
            keys = [_key(h) for h in next(it, ())]
            for n, values in enumerate(it, start=2):
                if values is None or all(v in (None, "") for v in values):
                    continue
                yield n, {k: v for k, v in zip(keys, values, strict=False) if k}
        finally:
            wb.close()
        return
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        keys = [_key(h) for h in next(reader, [])]
        for n, values in enumerate(reader, start=2):
            if not any(v.strip() for v in values):
                continue
            yield n, {k: v for k, v in zip(keys, values, strict=False) if k}


def _date(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    s = str(value).strip()
    try:
        if len(s) == 10 and s[4] == "-" and s[7] == "-":
            return date.fromisoformat(s).isoformat()
        parts = s.replace("-", "/").replace(".", "/").split("/")
        if len(parts) == 3 and len(parts[2]) == 4:
            return date(int(parts[2]), int(parts[1]), int(parts[0])).isoformat()
    except ValueError:
        pass
    raise ValueError(s)


def _text(value: Any) -> str:
    if isinstance(value, str) and value.isascii():
        return value.strip()
    return unicodedata.normalize("NFC", "" if value is None else str(value)).strip()


def check_row(values: dict[str, Any], default_direction: str | None) -> NewEntry:
    """One row as a registration, or ``ValueError`` with the Vietnamese reason."""
    raw_dir = fold.fold(_text(values.get("direction")))
    direction = DIRECTION.get(raw_dir) if raw_dir else default_direction
    if direction is None:
        raise ValueError("không rõ sổ văn bản đến hay đi (cột Sổ hoặc --direction)")
    t = {k: _text(values.get(k)) for k in ("symbol", "issuer", "doc_type", "summary",
                                           "recipients", "signer", "archive_holder", "note")}
    dates: dict[str, str | None] = {}
    for k, label in (("issued_on", "ngày tháng"), ("received_on", "ngày đến"),
                     ("registered_on", "ngày đăng ký"), ("forwarded_on", "ngày chuyển")):
        try:
            dates[k] = _date(values.get(k))
        except ValueError:
            raise ValueError(f"{label} không hợp lệ: “{values.get(k)}”") from None
    for k, label in REQUIRED:
        if not (dates.get(k) if k == "issued_on" else t[k]):
            raise ValueError(f"thiếu {label}")
    for k, limit in (("symbol", 100), ("issuer", 300), ("doc_type", 300), ("signer", 300)):
        if len(t[k]) > limit:
            raise ValueError(f"trường {k} dài quá {limit} ký tự")
    number = _int(values.get("number"), "số đến/số đi")
    copies = _int(values.get("copies"), "số lượng bản")
    urgency = URGENCY.get(fold.fold(_text(values.get("urgency"))))
    if urgency is None:
        raise ValueError(f"độ khẩn không hợp lệ: “{values.get('urgency')}”")
    registered = dates["registered_on"] or dates["received_on"] or dates["issued_on"]
    assert registered is not None
    return NewEntry(direction=direction, symbol=t["symbol"], issued_on=dates["issued_on"] or "",
                    issuer=t["issuer"], doc_type=t["doc_type"], summary=t["summary"],
                    registered_on=registered, number=number,
                    received_on=dates["received_on"], urgency=urgency,
                    confidential=fold.fold(_text(values.get("confidential"))) in YES,
                    recipients=t["recipients"] or None, signer=t["signer"] or None,
                    archive_holder=t["archive_holder"] or None, copies=copies,
                    forwarded_on=dates["forwarded_on"], note=t["note"] or None)


def _int(value: Any, label: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        n = int(float(value)) if isinstance(value, float) else int(str(value).strip())
    except ValueError:
        raise ValueError(f"{label} không phải số: “{value}”") from None
    if n < 0 or n > 10_000_000:
        raise ValueError(f"{label} ngoài khoảng cho phép: {n}")
    return n


def check_all(rows: Iterable[tuple[int, dict[str, Any]]],
              default_direction: str | None) -> Report:
    report = Report()
    seen: dict[tuple[str, int, int], int] = {}
    for n, values in rows:
        try:
            entry = check_row(values, default_direction)
        except ValueError as exc:
            report.rejected.append((n, str(exc)))
            continue
        if entry.number is not None:
            k = (entry.direction, int(entry.registered_on[:4]), entry.number)
            if k in seen:
                report.rejected.append((n, f"số {entry.number} trùng với dòng {seen[k]}"))
                continue
            seen[k] = n
        report.accepted.append(entry)
    return report


def write_all(conn: Connection, entries: list[NewEntry], now: str,
              by_id: int | None = None, chunk: int = 5000) -> list[tuple[int, str]]:
    """Insert every entry in this transaction; returns numbers already in the database
    as rejections ``(index, reason)`` — the caller then rolls back."""
    taken: list[tuple[int, str]] = []
    next_no: dict[tuple[str, int], int] = {}
    existing: dict[tuple[str, int], set[int]] = {}
    for (d, y) in {(e.direction, int(e.registered_on[:4])) for e in entries}:
        next_no[(d, y)] = int(conn.execute(select(func.max(E.c.number)).where(
            E.c.direction == d, E.c.year == y)).scalar_one_or_none() or 0) + 1
        given = [e.number for e in entries if e.direction == d
                 and int(e.registered_on[:4]) == y and e.number is not None]
        existing[(d, y)] = set(conn.execute(select(E.c.number).where(
            E.c.direction == d, E.c.year == y, E.c.number.in_(given))).scalars()
            ) if given else set()
    first_id = int(conn.execute(select(func.max(E.c.id))).scalar_one_or_none() or 0) + 1
    rows: list[dict[str, Any]] = []
    for i, e in enumerate(entries):
        k = (e.direction, int(e.registered_on[:4]))
        if e.number is not None:
            if e.number in existing[k]:
                taken.append((i, f"số {e.number} của sổ năm {k[1]} đã có trong cơ sở dữ liệu"))
            number = e.number
            next_no[k] = max(next_no[k], number + 1)
        else:
            number = next_no[k]
            next_no[k] += 1
        row = e.row(number, by_id, now)
        row["id"] = first_id + i
        rows.append(row)
    if taken:
        return taken
    backend = backend_for(conn)
    keys = list(rows[0]) if rows else []
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    entry_sql = (f"INSERT INTO registry_entries ({', '.join(keys)}) "
                 f"VALUES ({', '.join([mark] * len(keys))})")
    history_sql = (f"INSERT INTO registry_history (entry_id, action, at, by_id) "
                   f"VALUES ({mark}, {mark}, {mark}, {mark})")
    for start in range(0, len(rows), chunk):
        part = rows[start:start + chunk]
        conn.exec_driver_sql(entry_sql, [tuple(r[k] for k in keys) for r in part])
        conn.exec_driver_sql(history_sql, [(r["id"], "imported", now, by_id) for r in part])
        backend.put_many(conn, part)
    if conn.dialect.name == "postgresql" and rows:
        conn.execute(text("SELECT setval(pg_get_serial_sequence('registry_entries', 'id'), "
                          "(SELECT max(id) FROM registry_entries))"))
    return []
