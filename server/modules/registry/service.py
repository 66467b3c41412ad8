"""The registry's rules, inside a unit of work: numbering, visibility, routing, history.

Numbers are consecutive per direction and calendar year of registration (Asia/Ho_Chi_Minh)
and never reused: the next number is read and taken inside the same unit, and the
committer runs units one at a time; the unique constraint ``(direction, year, number)``
makes a second writer on PostgreSQL fail rather than share a number.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import delete, func, insert, select
from sqlalchemy.engine import Connection

from server.errors import BadRequest, Conflict, NotFound
from server.modules.accounts.tables import users
from server.modules.directives.tables import directives
from server.modules.registry import fold
from server.modules.registry.search import Viewer, backend_for, visible
from server.modules.registry.tables import (
    registry_entries as E,
)
from server.modules.registry.tables import (
    registry_history,
    registry_links,
    registry_readers,
)

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
NOT_FOUND = ("Không tìm thấy văn bản trong sổ.", "No such registry entry.")


def local_today(now: datetime) -> date:
    return now.astimezone(TZ).date()


def nfc(text: str | None) -> str | None:
    return None if text is None else unicodedata.normalize("NFC", text).strip()


def iso(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


def next_number(conn: Connection, direction: str, year: int) -> int:
    current = conn.execute(select(func.max(E.c.number)).where(
        E.c.direction == direction, E.c.year == year)).scalar_one_or_none()
    return int(current or 0) + 1


def number_taken(conn: Connection, direction: str, year: int, number: int) -> bool:
    return conn.execute(select(E.c.id).where(E.c.direction == direction, E.c.year == year,
                                             E.c.number == number)).first() is not None


def likely_duplicates(conn: Connection, viewer: Viewer, symbol: str, issuer: str,
                      exclude: int | None = None) -> list[dict[str, Any]]:
    """Entries with the same number and symbol from the same issuer (case, spaces and
    diacritics aside)."""
    key = fold.symbol_key(symbol)
    issuer_key = " ".join(fold.words(issuer))
    q = select(E).where(E.c.symbol_key == key)
    v = visible(viewer)
    if v is not None:
        q = q.where(v)
    return [item(r) for r in conn.execute(q.limit(50))
            if " ".join(fold.words(r.issuer)) == issuer_key and r.id != exclude]


def check_users(conn: Connection, ids: set[int]) -> None:
    if not ids:
        return
    found = set(conn.execute(select(users.c.id).where(users.c.id.in_(ids))).scalars())
    missing = sorted(ids - found)
    if missing:
        raise NotFound(f"Không tìm thấy người dùng {missing[0]}.",
                       en=f"No user {missing[0]}.")


def item(r: Any) -> dict[str, Any]:
    """An entry as lists show it (the Phụ lục IV columns)."""
    return {"registry_id": r.id, "direction": r.direction, "number": r.number,
            "year": r.year, "registered_on": r.registered_on, "symbol": r.symbol,
            "issued_on": r.issued_on, "issuer": r.issuer, "doc_type": r.doc_type,
            "summary": r.summary, "urgency": r.urgency, "confidential": bool(r.confidential),
            "status": r.status, "received_on": r.received_on, "recipients": r.recipients,
            "signer": r.signer, "archive_holder": r.archive_holder, "copies": r.copies,
            "forwarded_on": r.forwarded_on, "note": r.note, "handler_id": r.handler_id,
            "handler_unit_id": r.handler_unit_id, "deadline": r.deadline,
            "has_file": r.file_sha256 is not None}


def load(conn: Connection, viewer: Viewer, entry_id: int) -> Any:
    """The entry if the viewer may see it; ``not_found`` exactly like a missing one."""
    q = select(E).where(E.c.id == entry_id)
    v = visible(viewer)
    if v is not None:
        q = q.where(v)
    row = conn.execute(q).first()
    if row is None:
        raise NotFound(NOT_FOUND[0], en=NOT_FOUND[1])
    return row


def readers_of(conn: Connection, entry_id: int) -> list[int]:
    return list(conn.execute(select(registry_readers.c.user_id).where(
        registry_readers.c.entry_id == entry_id).order_by(registry_readers.c.user_id)
    ).scalars())


def set_readers(conn: Connection, entry_id: int, ids: set[int]) -> None:
    conn.execute(delete(registry_readers).where(registry_readers.c.entry_id == entry_id))
    if ids:
        conn.execute(insert(registry_readers),
                     [{"entry_id": entry_id, "user_id": u} for u in sorted(ids)])


def history(conn: Connection, entry_id: int) -> list[dict[str, Any]]:
    h = registry_history.c
    return [{"action": r.action, "at": r.at, "by_id": r.by_id, "handler_id": r.handler_id,
             "unit_id": r.unit_id, "instruction": r.instruction, "deadline": r.deadline,
             "note": r.note}
            for r in conn.execute(select(registry_history).where(h.entry_id == entry_id)
                                  .order_by(h.id))]


def links(conn: Connection, entry_id: int) -> list[dict[str, Any]]:
    """The entry's links: those recorded here (meetings, agenda items), and the directives
    that name it as their source (``directive.create`` with ``source: {"registry_id"}``;
    the directives module comes first and cannot write here, so the other way is read)."""
    c = registry_links.c
    out = [{"kind": r.kind, "meeting_id": r.meeting_id, "item_id": r.item_id,
            "directive_id": r.directive_id, "at": r.at}
           for r in conn.execute(select(registry_links).where(c.entry_id == entry_id)
                                 .order_by(c.id))]
    named = {link["directive_id"] for link in out if link["directive_id"] is not None}
    d = directives.c
    for directive_id, issued_at in conn.execute(
            select(d.id, d.issued_at).where(d.source_registry_id == entry_id).order_by(d.id)):
        if directive_id not in named:
            out.append({"kind": "directive", "meeting_id": None, "item_id": None,
                        "directive_id": directive_id, "at": issued_at})
    return out


def record(conn: Connection, entry_id: int, action: str, at: str, by_id: int | None,
           **fields: Any) -> None:
    conn.execute(insert(registry_history).values(entry_id=entry_id, action=action, at=at,
                                                 by_id=by_id, **fields))


@dataclass(slots=True)
class NewEntry:
    """A checked registration (from a command or an import row)."""

    direction: str
    symbol: str
    issued_on: str
    issuer: str
    doc_type: str
    summary: str
    registered_on: str
    number: int | None = None
    received_on: str | None = None
    urgency: str = "normal"
    confidential: bool = False
    handler_id: int | None = None
    recipients: str | None = None
    signer: str | None = None
    archive_holder: str | None = None
    copies: int | None = None
    forwarded_on: str | None = None
    note: str | None = None

    def row(self, number: int, by_id: int | None, now: str) -> dict[str, Any]:
        return {"direction": self.direction, "year": int(self.registered_on[:4]),
                "number": number, "registered_on": self.registered_on,
                "symbol": self.symbol, "symbol_key": fold.symbol_key(self.symbol),
                "issued_on": self.issued_on, "issuer": self.issuer,
                "doc_type": self.doc_type, "summary": self.summary,
                "received_on": self.received_on, "urgency": self.urgency,
                "confidential": self.confidential,
                "status": "routed" if self.handler_id else "registered",
                "handler_id": self.handler_id, "recipients": self.recipients,
                "signer": self.signer, "archive_holder": self.archive_holder,
                "copies": self.copies, "forwarded_on": self.forwarded_on, "note": self.note,
                "created_by": by_id, "created_at": now, "updated_at": now}


def create(conn: Connection, entry: NewEntry, reader_ids: set[int], by_id: int | None,
           now: str) -> tuple[int, int]:
    """Register one document; returns ``(registry_id, number)``."""
    year = int(entry.registered_on[:4])
    if entry.number is None:
        number = next_number(conn, entry.direction, year)
    else:
        number = entry.number
        if number_taken(conn, entry.direction, year, number):
            raise Conflict(f"Số {number} của sổ năm {year} đã được dùng.",
                           en=f"Number {number} of the {year} register is taken.")
    check_users(conn, reader_ids | ({entry.handler_id} if entry.handler_id else set()))
    entry_id = int(conn.execute(insert(E).values(**entry.row(number, by_id, now))
                                ).inserted_primary_key[0])
    readers = set(reader_ids)
    if entry.handler_id:
        readers.add(entry.handler_id)
    set_readers(conn, entry_id, readers)
    backend_for(conn).put(conn, conn.execute(select(E).where(E.c.id == entry_id)).one(), None,
                          new=True)
    record(conn, entry_id, "created", now, by_id)
    if entry.handler_id:
        record(conn, entry_id, "routed", now, by_id, handler_id=entry.handler_id)
    return entry_id, number


def reindex(conn: Connection, entry_id: int) -> None:
    """Index the entry as it now stands (after a change of its text, file or flags)."""
    row = conn.execute(select(E).where(E.c.id == entry_id)).one()
    backend_for(conn).put(conn, row, row.file_text, new=False)


def require_date(value: str | None) -> None:
    if value is not None:
        try:
            date.fromisoformat(value)
        except ValueError as exc:
            raise BadRequest("Ngày không hợp lệ.", en="Invalid date.") from exc
