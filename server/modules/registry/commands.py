"""registry.*: register, find, route and print official documents.

Office (văn thư) and admins register, correct, cancel, attach and print; leaders and the
office route; every signed-in user searches and reads what they may see (a confidential
entry only its readers, its handler, office and admins — to anyone else it does not exist);
a handler marks done what was routed to them.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
from datetime import date
from typing import Any

from sqlalchemy import select, update

from meeting_protocol import registry as rp
from server.dispatch import AUTHENTICATED, CommandSet, Context, global_roles
from server.errors import BadRequest, Conflict, Forbidden, NotFound, TooLarge
from server.modules.meetings.tables import agenda_items, meetings
from server.modules.registry import fold, org, service
from server.modules.registry.search import Filters, Viewer, highlights, search
from server.modules.registry.service import iso, nfc
from server.modules.registry.tables import registry_entries as E
from server.modules.registry.tables import registry_links
from server.storage.committer import Tx

commands = CommandSet()
OFFICE = global_roles("office")
ROUTERS = global_roles("office", "leader")
TOPIC = "registry"


def viewer(ctx: Context) -> Viewer:
    session = ctx.session
    assert session is not None
    return Viewer(session.user_id, session.has_role("office"))


def _require_office(ctx: Context) -> None:
    """The dispatcher's role check, for the asynchronous handlers (it skips them)."""
    if ctx.session is None or not ctx.session.has_role("office"):
        raise Forbidden()


def _today(tx: Tx) -> date:
    return service.local_today(tx.now)


# --- register ------------------------------------------------------------------------


@commands.command("registry.create", access=OFFICE, payload=rp.RegistryCreate)
def create(ctx: Context, tx: Tx, p: rp.RegistryCreate) -> dict[str, Any]:
    """Register a document; the number is the next of its register's year unless given."""
    registered = p.registered_on or p.received_on or _today(tx)
    entry = service.NewEntry(
        direction=p.direction, symbol=nfc(p.symbol) or "", issued_on=p.issued_on.isoformat(),
        issuer=nfc(p.issuer) or "", doc_type=nfc(p.doc_type) or "",
        summary=nfc(p.summary) or "", registered_on=registered.isoformat(), number=p.number,
        received_on=iso(p.received_on), urgency=p.urgency, confidential=p.confidential,
        handler_id=p.handler_id, recipients=nfc(p.recipients), signer=nfc(p.signer),
        archive_holder=nfc(p.archive_holder), copies=p.copies,
        forwarded_on=iso(p.forwarded_on), note=nfc(p.note))
    if not (entry.symbol and entry.issuer and entry.doc_type and entry.summary):
        raise BadRequest("Số ký hiệu, cơ quan ban hành, tên loại và trích yếu không được để "
                         "trống.", en="Symbol, issuer, type and summary are required.")
    entry_id, number = service.create(tx.conn, entry, set(p.reader_ids), ctx.user_id,
                                      tx.now_iso)
    tx.emit(TOPIC, rp.RegistryChanged(registry_id=entry_id, action="created"))
    if p.handler_id:
        tx.emit(f"user:{p.handler_id}", rp.RegistryRouted(registry_id=entry_id))
    return {"registry_id": entry_id, "number": number, "year": registered.year}


@commands.command("registry.check", access=OFFICE, payload=rp.RegistryCheck, read_only=True)
def check(ctx: Context, tx: Tx, p: rp.RegistryCheck) -> dict[str, Any]:
    """What the registration form shows before saving: the next number, whether a chosen
    number is free, and entries that look like the same document."""
    year = (p.registered_on or _today(tx)).year
    out: dict[str, Any] = {"year": year,
                           "next_number": service.next_number(tx.conn, p.direction, year)}
    if p.number is not None:
        out["number_taken"] = service.number_taken(tx.conn, p.direction, year, p.number)
    out["duplicates"] = (service.likely_duplicates(tx.conn, viewer(ctx), p.symbol, p.issuer)
                         if p.symbol and p.issuer else [])
    return out


@commands.command("registry.search", access=AUTHENTICATED, payload=rp.RegistrySearch,
                  read_only=True)
def search_cmd(ctx: Context, tx: Tx, p: rp.RegistrySearch) -> dict[str, Any]:
    """Words whatever their diacritics, a number and symbol as written, filters; best first."""
    filters = Filters(direction=p.direction, date_from=iso(p.date_from),
                      date_to=iso(p.date_to), doc_type=nfc(p.doc_type),
                      issuer=nfc(p.issuer), urgency=p.urgency, year=p.year)
    found = search(tx.conn, p.query, filters, viewer(ctx), sort=p.sort, limit=p.limit,
                   offset=p.offset)
    items = []
    for row in found.rows:
        it = service.item(row)
        marks = highlights(row, found.words, p.query)
        if marks:
            it["highlight"] = marks
        items.append(it)
    return {"total": found.total, "items": items}


@commands.command("registry.get", access=AUTHENTICATED, payload=rp.RegistryGet,
                  read_only=True)
def get(ctx: Context, tx: Tx, p: rp.RegistryGet) -> dict[str, Any]:
    """One entry with its readers, routing history and links."""
    row = service.load(tx.conn, viewer(ctx), p.registry_id)
    out = service.item(row)
    out.update(readers=service.readers_of(tx.conn, row.id),
               history=service.history(tx.conn, row.id), links=service.links(tx.conn, row.id),
               file={"filename": row.file_name, "size": row.file_size,
                     "sha256": row.file_sha256} if row.file_sha256 else None,
               created_at=row.created_at, updated_at=row.updated_at,
               cancelled_at=row.cancelled_at)
    return out


_EDITABLE = ("recipients", "signer", "archive_holder", "note")


@commands.command("registry.update", access=OFFICE, payload=rp.RegistryUpdate)
def update_cmd(ctx: Context, tx: Tx, p: rp.RegistryUpdate) -> dict[str, Any]:
    """Correct an entry; its number and register never change."""
    row = service.load(tx.conn, viewer(ctx), p.registry_id)
    if row.status == "cancelled":
        raise Conflict("Văn bản đã bị hủy trong sổ.", en="The entry is cancelled.")
    values: dict[str, Any] = {}
    for name in ("symbol", "issuer", "doc_type", "summary", *_EDITABLE):
        v = getattr(p, name)
        if v is not None:
            v = nfc(v)
            if not v and name in ("symbol", "issuer", "doc_type", "summary"):
                raise BadRequest("Trường bắt buộc không được để trống.",
                                 en="A required field is empty.")
            values[name] = v
    for name in ("issued_on", "received_on", "forwarded_on"):
        v = getattr(p, name)
        if v is not None:
            values[name] = v.isoformat()
    for name in ("urgency", "confidential", "copies"):
        v = getattr(p, name)
        if v is not None:
            values[name] = v
    if "symbol" in values:
        values["symbol_key"] = fold.symbol_key(values["symbol"])
    if p.reader_ids is not None:
        service.check_users(tx.conn, set(p.reader_ids))
        keep = {row.handler_id} if row.handler_id else set()
        service.set_readers(tx.conn, row.id, set(p.reader_ids) | keep)
    values["updated_at"] = tx.now_iso
    tx.conn.execute(update(E).where(E.c.id == row.id).values(**values))
    service.reindex(tx.conn, row.id)
    service.record(tx.conn, row.id, "updated", tx.now_iso, ctx.user_id)
    tx.emit(TOPIC, rp.RegistryChanged(registry_id=row.id, action="updated"))
    return {"registry_id": row.id}


@commands.command("registry.cancel", access=OFFICE, payload=rp.RegistryCancel)
def cancel(ctx: Context, tx: Tx, p: rp.RegistryCancel) -> dict[str, Any]:
    """Cancel an entry: it stays in the register with its number, which is never reused."""
    row = service.load(tx.conn, viewer(ctx), p.registry_id)
    if row.status == "cancelled":
        raise Conflict("Văn bản đã bị hủy trong sổ.", en="The entry is already cancelled.")
    tx.conn.execute(update(E).where(E.c.id == row.id).values(
        status="cancelled", cancelled_at=tx.now_iso, updated_at=tx.now_iso))
    service.record(tx.conn, row.id, "cancelled", tx.now_iso, ctx.user_id,
                   note=nfc(p.reason) or None)
    tx.emit(TOPIC, rp.RegistryChanged(registry_id=row.id, action="cancelled"))
    return {"registry_id": row.id, "number": row.number, "status": "cancelled"}


# --- routing -------------------------------------------------------------------------


@commands.command("registry.route", access=ROUTERS, payload=rp.RegistryRoute)
def route(ctx: Context, tx: Tx, p: rp.RegistryRoute) -> dict[str, Any]:
    """Assign an incoming document to a person or a lead unit, with the leader's
    instruction (ý kiến chỉ đạo) and a deadline; every routing stays in the history."""
    row = service.load(tx.conn, viewer(ctx), p.registry_id)
    if row.direction != "in":
        raise BadRequest("Chỉ văn bản đến mới được chuyển xử lý.",
                         en="Only incoming documents are routed.")
    if row.status == "cancelled":
        raise Conflict("Văn bản đã bị hủy trong sổ.", en="The entry is cancelled.")
    if p.handler_id is None and p.unit_id is None:
        raise BadRequest("Cần chọn người hoặc đơn vị xử lý.",
                         en="Name a handler or a unit.")
    if p.handler_id is not None:
        service.check_users(tx.conn, {p.handler_id})
    if p.unit_id is not None and not org.unit_exists(tx.conn, p.unit_id):
        raise NotFound("Không tìm thấy đơn vị.", en="No such unit.")
    deadline = iso(p.deadline)
    tx.conn.execute(update(E).where(E.c.id == row.id).values(
        handler_id=p.handler_id, handler_unit_id=p.unit_id, deadline=deadline,
        status="routed", updated_at=tx.now_iso))
    if p.handler_id is not None:
        readers = set(service.readers_of(tx.conn, row.id)) | {p.handler_id}
        service.set_readers(tx.conn, row.id, readers)
    service.record(tx.conn, row.id, "routed", tx.now_iso, ctx.user_id,
                   handler_id=p.handler_id, unit_id=p.unit_id,
                   instruction=nfc(p.instruction) or None, deadline=deadline)
    if p.handler_id is not None:
        tx.emit(f"user:{p.handler_id}", rp.RegistryRouted(registry_id=row.id,
                                                          deadline=deadline))
    tx.emit(TOPIC, rp.RegistryChanged(registry_id=row.id, action="routed"))
    return {"registry_id": row.id, "status": "routed"}


def _is_handler(ctx: Context, tx: Tx, row: Any) -> bool:
    return row.handler_id == ctx.user_id or (
        row.handler_unit_id is not None
        and row.handler_unit_id in org.user_unit_ids(tx.conn, ctx.user_id))


@commands.command("registry.handled", access=AUTHENTICATED, payload=rp.RegistryHandled)
def handled(ctx: Context, tx: Tx, p: rp.RegistryHandled) -> dict[str, Any]:
    """The handler (or the office) marks a routed document as dealt with."""
    row = service.load(tx.conn, viewer(ctx), p.registry_id)
    session = ctx.session
    assert session is not None
    if not (_is_handler(ctx, tx, row) or session.has_role("office")):
        raise Forbidden("Chỉ người được giao xử lý mới đánh dấu đã xử lý.",
                        en="Only the handler may mark it handled.")
    if row.status != "routed":
        raise Conflict("Văn bản không ở trạng thái chờ xử lý.",
                       en="The document is not awaiting handling.")
    tx.conn.execute(update(E).where(E.c.id == row.id).values(status="handled",
                                                             updated_at=tx.now_iso))
    service.record(tx.conn, row.id, "handled", tx.now_iso, ctx.user_id,
                   note=nfc(p.note) or None)
    tx.emit(TOPIC, rp.RegistryChanged(registry_id=row.id, action="handled"))
    return {"registry_id": row.id, "status": "handled"}


@commands.command("registry.todo", access=AUTHENTICATED, payload=rp.RegistryTodo,
                  read_only=True)
def todo(ctx: Context, tx: Tx, p: rp.RegistryTodo) -> dict[str, Any]:
    """"Văn bản cần xử lý": what was routed to the user or their unit, soonest due first."""
    mine = E.c.handler_id == ctx.user_id
    units = org.user_unit_ids(tx.conn, ctx.user_id)
    if units:
        mine = mine | E.c.handler_unit_id.in_(units)
    states = ["routed", "handled"] if p.include_handled else ["routed"]
    rows = tx.conn.execute(select(E).where(mine, E.c.status.in_(states)).order_by(
        E.c.deadline.is_(None), E.c.deadline, E.c.id).limit(500)).all()
    today = _today(tx).isoformat()
    items = []
    for r in rows:
        it = service.item(r)
        it["overdue"] = r.status == "routed" and r.deadline is not None and r.deadline < today
        items.append(it)
    return {"items": items}


@commands.command("registry.link", access=AUTHENTICATED, payload=rp.RegistryLink)
def link(ctx: Context, tx: Tx, p: rp.RegistryLink) -> dict[str, Any]:
    """Tie an entry to a meeting (and one of its agenda items): the handler, office or a
    leader. Directives link through ``queries.link_directive`` (the directives module)."""
    row = service.load(tx.conn, viewer(ctx), p.registry_id)
    session = ctx.session
    assert session is not None
    if not (_is_handler(ctx, tx, row) or session.has_role("office", "leader")):
        raise Forbidden()
    if tx.conn.execute(select(meetings.c.id).where(meetings.c.id == p.meeting_id)
                       ).first() is None:
        raise NotFound("Không tìm thấy cuộc họp.", en="Meeting not found.")
    if p.item_id is not None and tx.conn.execute(select(agenda_items.c.id).where(
            agenda_items.c.id == p.item_id, agenda_items.c.meeting_id == p.meeting_id)
            ).first() is None:
        raise NotFound("Không tìm thấy mục chương trình.", en="Agenda item not found.")
    tx.conn.execute(registry_links.insert().values(
        entry_id=row.id, kind="agenda_item" if p.item_id else "meeting",
        meeting_id=p.meeting_id, item_id=p.item_id, at=tx.now_iso, by_id=ctx.user_id))
    service.record(tx.conn, row.id, "linked", tx.now_iso, ctx.user_id)
    tx.emit(TOPIC, rp.RegistryChanged(registry_id=row.id, action="linked"))
    return {"registry_id": row.id, "links": service.links(tx.conn, row.id)}


# --- files and printing --------------------------------------------------------------


@commands.command("registry.attach", access=OFFICE, payload=rp.RegistryAttach,
                  is_async=True)
async def attach(ctx: Context, p: rp.RegistryAttach) -> dict[str, Any]:
    """Attach the scanned or electronic file (PDF); its text is extracted for search off
    the loop and off the database thread."""
    _require_office(ctx)
    if (p.content_base64 is None) == (p.attachment_id is None):
        raise BadRequest("Cần đúng một trong hai trường content_base64 hoặc attachment_id.",
                         en="Give exactly one of content_base64 and attachment_id.")
    if p.attachment_id is not None:
        from server.modules.registry.files import attach_staged

        return await attach_staged(ctx.services, viewer(ctx), ctx.user_id, p.registry_id,
                                   p.attachment_id)
    try:
        data = base64.b64decode(p.content_base64, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise BadRequest("Nội dung tệp không phải base64.", en="Not base64.") from exc
    if len(data) > rp.MAX_ATTACH_BYTES:
        raise TooLarge("Tệp quá lớn: tối đa 700 KiB qua lệnh này.",
                       en="The file is too large: at most 700 KiB through this command.")
    from server.modules.registry.files import attach_bytes

    return await attach_bytes(ctx.services, viewer(ctx), ctx.user_id, p.registry_id,
                              p.filename, data)


@commands.command("registry.file", access=AUTHENTICATED, payload=rp.RegistryFile,
                  is_async=True, read_only=True)
async def file(ctx: Context, p: rp.RegistryFile) -> dict[str, Any]:
    """The attached file, base64 in the reply (for the reader)."""
    if ctx.session is None:
        raise BadRequest()
    from server.modules.registry.files import read_file

    return await read_file(ctx.services, viewer(ctx), p.registry_id)


@commands.command("registry.print", access=OFFICE, payload=rp.RegistryPrint, is_async=True,
                  read_only=True)
async def print_cmd(ctx: Context, p: rp.RegistryPrint) -> dict[str, Any]:
    """The register of a period as the bound book (PDF, landscape A4), base64."""
    _require_office(ctx)
    if p.date_to < p.date_from:
        raise BadRequest("Khoảng ngày không hợp lệ.", en="Bad date range.")
    from server.modules.registry.book import render_book

    def unit(tx: Tx) -> list[Any]:
        return list(tx.conn.execute(select(E).where(
            E.c.direction == p.direction, E.c.registered_on >= p.date_from.isoformat(),
            E.c.registered_on <= p.date_to.isoformat()).order_by(E.c.year, E.c.number)))

    rows = await ctx.services.committer.run(unit)
    data = await asyncio.get_running_loop().run_in_executor(
        None, render_book, p.direction, p.date_from, p.date_to, rows)
    name = f"so-van-ban-{'den' if p.direction == 'in' else 'di'}-{p.date_from}-{p.date_to}.pdf"
    return {"filename": name, "size": len(data), "entries": len(rows),
            "content_base64": base64.b64encode(data).decode("ascii")}
