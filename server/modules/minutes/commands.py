"""minutes.get, minutes.save, minutes.render, minutes.issue, minutes.notice.

The clerk's texts are saved with optimistic concurrency (``base_version``): two clerk
terminals may edit the same meeting, and the later save of a stale draft is refused rather
than silently overwriting the other's work. Rendering (reportlab, python-docx) is CPU work of
up to a second for a long session, so ``minutes.render`` and ``minutes.notice`` read the
draft in a database unit and render in an executor thread: neither the database thread nor
the event loop waits for it.

``minutes.render`` and ``minutes.notice`` are asynchronous handlers, which the dispatcher
neither authorises nor de-duplicates; :func:`_authorize` does the first inside their unit,
and ``minutes.notice`` is idempotent by nature (one notice per meeting, its number fixed the
first time), so a retried key cannot issue two notices.
"""

from __future__ import annotations

import asyncio
import base64
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any, TypeVar

import msgspec
from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Connection

from meeting_protocol import events as ev
from meeting_protocol.minutes import (
    MinutesDraftText,
    MinutesGet,
    MinutesIssue,
    MinutesNotice,
    MinutesRender,
    MinutesSave,
)
from server.dispatch import (
    CHAIR,
    CLERK,
    CommandSet,
    CommandSpec,
    Context,
    check_access,
    meeting_roles,
)
from server.errors import Conflict, NotFound
from server.modules.accounts.tables import users
from server.modules.directives import queries as directive_queries
from server.modules.meetings.queries import meeting_row
from server.modules.meetings.tables import agenda_items
from server.modules.minutes.draft import (
    LOCAL_TZ,
    ClerkText,
    agency_abbrev,
    ascii_slug,
    build_draft,
    clerk_texts,
    item_speakers,
    minutes_filename,
    parse_time,
)
from server.modules.minutes.model import MinutesDraft, document_number
from server.modules.minutes.richtext import sanitize, to_minutes_text
from server.modules.minutes.tables import (
    GENERAL_ITEM,
    conclusion_notices,
    minutes_numbers,
    minutes_texts,
)
from server.storage.committer import Tx

T = TypeVar("T")
commands = CommandSet()
EDITORS = meeting_roles(CHAIR, CLERK)

NOT_ENDED = "Chỉ lập số biên bản và thông báo kết luận sau khi cuộc họp kết thúc."
NO_CONCLUSIONS = "Chưa có kết luận của Chủ tọa để thông báo; hãy ghi kết luận trước."


def _spec(name: str) -> CommandSpec:
    return next(s for s in commands.specs if s.name == name)


def _authorize(ctx: Context, name: str, tx: Tx, payload: Any) -> None:
    """The dispatcher's role check, for the asynchronous handlers (it skips them)."""
    check_access(_spec(name), ctx, tx.conn, payload)


def _names(conn: Connection, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    query = select(users.c.id, users.c.full_name).where(users.c.id.in_(ids))
    return dict(conn.execute(query).all())  # type: ignore[arg-type]


def _clock(iso: str | None) -> str:
    t = parse_time(iso)
    return t.strftime("%H:%M") if t else "?"


def _ended(m: dict[str, Any]) -> None:
    if m["status"] != "ended":
        raise Conflict(NOT_ENDED, en="Numbers are issued once the meeting has ended.")


# ------------------------------------------------------------------------------ get


def _text_data(row: Any, item_id: int | None, names: dict[int, str]) -> dict[str, Any]:
    if row is None:
        return {"item_id": item_id, "opinions": "", "conclusions": "", "version": 0,
                "updated_by": None, "updated_by_name": None, "updated_at": None}
    return {"item_id": item_id, "opinions": row.opinions, "conclusions": row.conclusions,
            "version": row.version, "updated_by": row.updated_by,
            "updated_by_name": names.get(row.updated_by), "updated_at": row.updated_at}


def _number_data(row: Any) -> dict[str, Any] | None:
    if row is None:
        return None
    return {"number": row.number, "year": row.year,
            "label": document_number(row.number, "BB", row.agency_abbrev),
            "issued_at": row.issued_at}


def _notice_data(row: Any) -> dict[str, Any] | None:
    if row is None:
        return None
    return {"number": row.number, "year": row.year,
            "label": document_number(row.number, "TB", row.agency_abbrev),
            "issued_on": row.issued_on, "due_on": row.due_on,
            "items": msgspec.json.decode(row.items)}


@commands.command("minutes.get", access=EDITORS, payload=MinutesGet, read_only=True)
def get(ctx: Context, tx: Tx, p: MinutesGet) -> dict[str, Any]:
    """Every agenda item with the clerk's texts (version 0: nothing saved yet)."""
    meeting_row(tx.conn, p.meeting_id)
    texts = clerk_texts(tx.conn, p.meeting_id)
    names = _names(tx.conn, {r.updated_by for r in texts.values() if r.updated_by})
    speakers = item_speakers(tx.conn, p.meeting_id)
    items = []
    for a in tx.conn.execute(select(agenda_items).where(
            agenda_items.c.meeting_id == p.meeting_id).order_by(agenda_items.c.position)):
        data = _text_data(texts.get(a.id), a.id, names)
        items.append({**data, "title": a.title, "position": a.position,
                      "taken_up_at": a.taken_up_at, "speakers": speakers.get(a.id, [])})
    number = tx.conn.execute(select(minutes_numbers).where(
        minutes_numbers.c.meeting_id == p.meeting_id)).first()
    notice = tx.conn.execute(select(conclusion_notices).where(
        conclusion_notices.c.meeting_id == p.meeting_id)).first()
    return {"meeting_id": p.meeting_id, "items": items,
            "general": _text_data(texts.get(GENERAL_ITEM), None, names),
            "number": _number_data(number), "notice": _notice_data(notice)}


# ----------------------------------------------------------------------------- save


def _sanitized(p: MinutesSave) -> MinutesSave:
    """minutes.save's preparation: sanitising runs after the role check, in an executor
    (a clerk's pasted document must not stall the database thread)."""
    return msgspec.structs.replace(p, opinions=sanitize(p.opinions),
                                   conclusions=sanitize(p.conclusions))


@commands.command("minutes.save", access=EDITORS, payload=MinutesSave, prepare=_sanitized)
def save(ctx: Context, tx: Tx, p: MinutesSave) -> dict[str, Any]:
    """Store one item's texts if nobody saved since ``base_version``; sanitised first
    (by ``_sanitized``, before the unit).

    A save that changes nothing answers the current version without a new event, so an
    editor may save as often as it likes.
    """
    meeting_row(tx.conn, p.meeting_id)
    key = GENERAL_ITEM if p.item_id is None else p.item_id
    if p.item_id is not None and tx.conn.execute(select(agenda_items.c.id).where(
            agenda_items.c.id == p.item_id,
            agenda_items.c.meeting_id == p.meeting_id)).first() is None:
        raise NotFound("Không tìm thấy nội dung trong chương trình.", en="No such agenda item.")
    where = (minutes_texts.c.meeting_id == p.meeting_id) & (minutes_texts.c.item_id == key)
    row = tx.conn.execute(select(minutes_texts).where(where)).first()
    current = row.version if row is not None else 0
    if p.base_version != current:
        if row is not None and row.updated_by is not None:
            who = _names(tx.conn, {row.updated_by}).get(row.updated_by, "người khác")
            raise Conflict(
                f"Biên bản đã được {who} sửa lúc {_clock(row.updated_at)}; "
                "hãy tải lại trước khi lưu.",
                en=f"The minutes were changed by {who} at {_clock(row.updated_at)}; "
                   "reload before saving.")
        raise Conflict("Biên bản đã thay đổi trên máy chủ; hãy tải lại trước khi lưu.",
                       en="The minutes changed on the server; reload before saving.")
    opinions, conclusions = p.opinions, p.conclusions
    unchanged = (row is not None and row.opinions == opinions
                 and row.conclusions == conclusions) or (
        row is None and not opinions and not conclusions)
    if unchanged:
        names = _names(tx.conn, {row.updated_by} if row is not None and row.updated_by else set())
        return _text_data(row, p.item_id, names)
    version = current + 1
    values = {"opinions": opinions, "conclusions": conclusions, "version": version,
              "updated_by": ctx.user_id, "updated_at": tx.now_iso}
    if row is None:
        tx.conn.execute(insert(minutes_texts).values(meeting_id=p.meeting_id, item_id=key,
                                                     **values))
    else:
        tx.conn.execute(update(minutes_texts).where(where).values(**values))
    tx.emit(ev.meeting_topic(p.meeting_id), ev.MinutesSaved(
        item_id=p.item_id, version=version, updated_by=ctx.user_id))
    name = ctx.session.full_name if ctx.session else None
    return {"item_id": p.item_id, "opinions": opinions, "conclusions": conclusions,
            "version": version, "updated_by": ctx.user_id, "updated_by_name": name,
            "updated_at": tx.now_iso}


# ---------------------------------------------------------------------------- issue


def _next_number(conn: Connection, table: Any, abbrev: str, year: int) -> int:
    top = conn.execute(select(func.max(table.c.number)).where(
        table.c.agency_abbrev == abbrev, table.c.year == year)).scalar_one()
    return int(top or 0) + 1


@commands.command("minutes.issue", access=EDITORS, payload=MinutesIssue)
def issue(ctx: Context, tx: Tx, p: MinutesIssue) -> dict[str, Any]:
    """Give the minutes the next number of the agency's register for the meeting's year.

    Idempotent per meeting: asking again answers the number already given.
    """
    m = meeting_row(tx.conn, p.meeting_id)
    row = tx.conn.execute(select(minutes_numbers).where(
        minutes_numbers.c.meeting_id == p.meeting_id)).first()
    if row is not None:
        return _number_data(row) or {}
    _ended(m)
    started = parse_time(m["started_at"]) or parse_time(m["starts_at"])
    year = started.year if started else tx.now.astimezone(LOCAL_TZ).year
    abbrev = agency_abbrev(m["body"] or "")
    number = _next_number(tx.conn, minutes_numbers, abbrev, year)
    tx.conn.execute(insert(minutes_numbers).values(
        meeting_id=p.meeting_id, agency_abbrev=abbrev, year=year, number=number,
        issued_by=ctx.user_id, issued_at=tx.now_iso))
    label = document_number(number, "BB", abbrev)
    tx.emit(ev.meeting_topic(p.meeting_id), ev.MinutesIssued(number=number, year=year,
                                                             label=label))
    return {"number": number, "year": year, "label": label, "issued_at": tx.now_iso}


# --------------------------------------------------------------------------- render

_PAGE = re.compile(rb"/Type\s*/Page(?![s\w])")


def pdf_pages(data: bytes) -> int:
    """Pages of a reportlab PDF (its page objects are never compressed into streams)."""
    return len(_PAGE.findall(data))


def _document(name: str, fmt: str, data: bytes) -> dict[str, Any]:
    out: dict[str, Any] = {"format": fmt, "filename": name, "size": len(data),
                           "content_base64": base64.b64encode(data).decode("ascii")}
    if fmt == "pdf":
        out["pages"] = pdf_pages(data)
    return out


def _draft_texts(drafts: list[MinutesDraftText]) -> dict[int, ClerkText]:
    return {GENERAL_ITEM if d.item_id is None else d.item_id:
            ClerkText(sanitize(d.opinions), sanitize(d.conclusions)) for d in drafts}


async def _off_loop(fn: Callable[..., T], *args: Any) -> T:
    """Run a renderer in the loop's default executor: neither the loop nor the database
    thread waits, and logins keep their own (argon2) pool."""
    return await asyncio.get_running_loop().run_in_executor(None, fn, *args)


@commands.command("minutes.render", access=EDITORS, payload=MinutesRender, is_async=True,
                  read_only=True)
async def render(ctx: Context, p: MinutesRender) -> dict[str, Any]:
    """The minutes as they stand, PDF or DOCX, base64 in the reply (a few MB at most).

    The role is checked before anything else (a non-member's frame costs one cheap
    unit). Unsaved ``drafts`` are then sanitised in the executor: a megabyte of pasted
    HTML must not stall the loop or the database thread.
    """
    await ctx.services.committer.run(lambda tx: _authorize(ctx, "minutes.render", tx, p))
    drafts = await _off_loop(_draft_texts, p.drafts) if p.drafts else {}

    def unit(tx: Tx) -> MinutesDraft:
        _authorize(ctx, "minutes.render", tx, p)
        return build_draft(tx.conn, p.meeting_id, drafts=drafts)

    draft = await ctx.services.committer.run(unit)
    if p.format == "pdf":
        from server.modules.minutes.pdf import render_pdf

        data = await _off_loop(render_pdf, draft)
    else:
        from server.modules.minutes.docx import render_docx

        data = await _off_loop(render_docx, draft)
    return _document(minutes_filename(draft, p.meeting_id, p.format), p.format, data)


# --------------------------------------------------------------------------- notice


def _notice_items(conn: Connection, meeting_id: int) -> list[dict[str, Any]]:
    """The chair's conclusions per item, as the directives module will read them."""
    texts = clerk_texts(conn, meeting_id)
    out = []
    for a in conn.execute(select(agenda_items).where(
            agenda_items.c.meeting_id == meeting_id).order_by(agenda_items.c.position)):
        row = texts.get(a.id)
        text = to_minutes_text(row.conclusions) if row is not None else ""
        if text.strip():
            out.append({"item_id": a.id, "title": a.title, "conclusions": text})
    return out


@commands.command("minutes.notice", access=EDITORS, payload=MinutesNotice, is_async=True)
async def notice(ctx: Context, p: MinutesNotice) -> dict[str, Any]:
    """Issue (once) and render the conclusion notice (TB) of an ended meeting.

    The number and issue date are fixed the first time; later calls refresh the stored
    conclusions from the clerk's current text and render again. ``due_on`` is five working
    days after the meeting (QĐ 45/2018/QĐ-TTg).
    """
    from server.modules.minutes.notice import notice_from_draft, render_notice_pdf

    def unit(tx: Tx) -> tuple[Any, dict[str, Any]]:
        _authorize(ctx, "minutes.notice", tx, p)
        m = meeting_row(tx.conn, p.meeting_id)
        _ended(m)
        draft = build_draft(tx.conn, p.meeting_id)
        items = _notice_items(tx.conn, p.meeting_id)
        general = draft.conclusions_general or ""
        if not items and not general.strip():
            raise Conflict(NO_CONCLUSIONS, en="There are no conclusions to announce yet.")
        where = conclusion_notices.c.meeting_id == p.meeting_id
        row = tx.conn.execute(select(conclusion_notices).where(where)).first()
        if row is None:
            issued_on = tx.now.astimezone(LOCAL_TZ).date()
            number = _next_number(tx.conn, conclusion_notices, draft.agency_abbrev,
                                  issued_on.year)
        else:
            issued_on, number = date.fromisoformat(row.issued_on), row.number
        tb = notice_from_draft(draft, issued_on, number=number)
        tb = replace(tb, directives=directive_queries.notice_lines(tx.conn, p.meeting_id))
        values = {"items": msgspec.json.encode(items).decode(), "general": general,
                  "due_on": tb.due_on.isoformat(), "updated_at": tx.now_iso}
        label = document_number(number, "TB", draft.agency_abbrev)
        if row is None:
            tx.conn.execute(insert(conclusion_notices).values(
                meeting_id=p.meeting_id, agency_abbrev=draft.agency_abbrev,
                year=issued_on.year, number=number, issued_on=issued_on.isoformat(),
                issued_by=ctx.user_id, created_at=tx.now_iso, **values))
            tx.emit(ev.meeting_topic(p.meeting_id), ev.NoticeIssued(
                number=number, year=issued_on.year, label=label, due_on=values["due_on"]))
        else:
            tx.conn.execute(update(conclusion_notices).where(where).values(**values))
        return tb, {"number": number, "year": issued_on.year, "label": label,
                    "issued_on": issued_on.isoformat(), "due_on": values["due_on"],
                    "items": items,
                    "directives": [d["directive_id"] for d in
                                   directive_queries.created_from_meeting(tx.conn,
                                                                          p.meeting_id)]}

    tb, data = await ctx.services.committer.run(unit)
    pdf = await _off_loop(render_notice_pdf, tb)
    name = f"{ascii_slug(f'thong-bao-ket-luan-{tb.number:02d}-TB-{tb.agency_abbrev}')}.pdf"
    return {**data, **_document(name, "pdf", pdf)}
