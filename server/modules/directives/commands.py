"""directive.* commands (PROTOCOL.md "Directives", extended in docs/protocol.md).

Every change appends a step to the directive's history and emits ``directive.changed``
(ids only) on the ``user:<id>`` topic of everyone involved — the issuer, the assignee,
the members of the lead and coordinating units, leaders and office — so that their open
screens re-read it. Who may see a directive is decided in :mod:`.service`; a directive the
caller may not see is ``not_found`` for every command.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, update

from meeting_protocol import directives as dp
from meeting_protocol.events import user_topic
from server.dispatch import AUTHENTICATED, CHAIR, CLERK, CommandSet, Context, global_roles
from server.errors import BadRequest, Conflict, Forbidden, NotFound
from server.modules.accounts.tables import users
from server.modules.attachments.claim import claim
from server.modules.directives import dashboard as board
from server.modules.directives import service as sv
from server.modules.directives.tables import (
    directive_extensions,
    directive_units,
    directives,
)
from server.modules.meetings.tables import agenda_items, meetings
from server.modules.org import service as org
from server.storage.committer import Tx

commands = CommandSet()
ISSUERS = ("leader", "office")
REPORTERS_ONLY = ("Chỉ người được giao hoặc cán bộ của đơn vị được giao mới báo cáo được.",
                  "Only the assignee or a member of the assigned unit may report.")
DECIDERS_ONLY = ("Chỉ người giao, lãnh đạo hoặc văn phòng mới thực hiện được thao tác này.",
                 "Only the issuer, a leader or the office may do this.")
DONE_ALREADY = ("Chỉ đạo đã hoàn thành.", "The directive is already completed.")


def _cmd(name: str, access: Any = AUTHENTICATED, **kw: Any) -> Any:
    return commands.command(name, access=access, payload=dp.DIRECTIVE_PAYLOADS[name], **kw)


def _involved(tx: Tx, row: dict[str, Any]) -> set[int]:
    conn = tx.conn
    who = {row["issued_by"]}
    if row["assignee_id"] is not None:
        who.add(row["assignee_id"])
    units = set(conn.execute(select(directive_units.c.unit_id).where(
        directive_units.c.directive_id == row["id"])).scalars())
    if row["assignee_unit_id"] is not None:
        units.add(row["assignee_unit_id"])
    for unit in units:
        who.update(org.users_of_unit(conn, unit))
    for role in ISSUERS:
        who.update(org.users_with_role(conn, role))
    return who


def _notify(tx: Tx, row: dict[str, Any], change: str) -> None:
    event = dp.DirectiveChanged(directive_id=row["id"], status=row["status"], change=change)
    for uid in sorted(_involved(tx, row)):
        tx.emit(user_topic(uid), event)


def _reload(tx: Tx, directive_id: int) -> dict[str, Any]:
    return dict(tx.conn.execute(select(directives).where(directives.c.id == directive_id))
                .mappings().one())


def _may_decide(ctx: Context, row: dict[str, Any]) -> bool:
    """The issuer, leaders, office and admins decide on a directive."""
    return row["issued_by"] == ctx.user_id or sv.sees_all(ctx)


def _in_lead(ctx: Context, tx: Tx, row: dict[str, Any]) -> bool:
    """The assignee, or a member of the lead unit."""
    if row["assignee_id"] == ctx.user_id:
        return True
    unit = org.unit_of(tx.conn, ctx.user_id)
    return unit is not None and unit == row["assignee_unit_id"]


def _check_source(ctx: Context, tx: Tx, source: dp.DirectiveSource | None) -> None:
    """A source must exist; only leaders, office, admins — or the source meeting's chair —
    may issue."""
    conn = tx.conn
    chair_of_source = False
    if source is not None:
        if source.registry_id is not None and (source.meeting_id or source.item_id):
            raise BadRequest("Nguồn chỉ đạo là một cuộc họp hoặc một văn bản, không phải cả hai.",
                             en="A source is a meeting or a registry document, not both.")
        if source.item_id is not None and source.meeting_id is None:
            raise BadRequest("Nội dung họp cần kèm cuộc họp.",
                             en="An agenda item needs its meeting.")
        if source.meeting_id is not None:
            role = ctx.services.membership.role_in_meeting(conn, source.meeting_id,
                                                           ctx.user_id)
            chair_of_source = role == CHAIR
            visible = role is not None or sv.sees_all(ctx)
            if not visible or conn.execute(select(meetings.c.id).where(
                    meetings.c.id == source.meeting_id)).first() is None:
                raise NotFound("Không tìm thấy cuộc họp.", en="Meeting not found.")
            if source.item_id is not None and conn.execute(select(agenda_items.c.id).where(
                    agenda_items.c.id == source.item_id,
                    agenda_items.c.meeting_id == source.meeting_id)).first() is None:
                raise NotFound("Không tìm thấy nội dung họp.", en="Agenda item not found.")
    if not (sv.sees_all(ctx) or chair_of_source):
        raise Forbidden("Chỉ lãnh đạo, văn phòng hoặc chủ tọa cuộc họp mới giao được chỉ đạo.",
                        en="Only leaders, the office or the meeting's chair issue directives.")


@_cmd("directive.create")
def create(ctx: Context, tx: Tx, p: dp.DirectiveCreate) -> dict[str, Any]:
    _check_source(ctx, tx, p.source)
    conn = tx.conn
    content = p.content.strip()
    if not content:
        raise BadRequest("Nội dung chỉ đạo không được để trống.",
                         en="A directive needs its content.")
    if p.deadline is not None:
        sv.parse_date(p.deadline)
    if p.assignee_id is None and p.assignee_unit_id is None:
        raise BadRequest("Cần chọn người hoặc đơn vị được giao.",
                         en="Name an assignee or an assigned unit.")
    unit_id = p.assignee_unit_id
    if p.assignee_id is not None:
        if not conn.execute(select(func.count()).select_from(users).where(
                users.c.id == p.assignee_id)).scalar():
            raise NotFound("Không tìm thấy người được giao.", en="Assignee not found.")
        if unit_id is None:
            unit_id = org.unit_of(conn, p.assignee_id)
    parts = {c.unit_id: c.part for c in p.coordinating}
    for uid in p.coordinating_unit_ids:
        parts.setdefault(uid, "")
    for uid in ({unit_id} if unit_id is not None else set()) | set(parts):
        if not org.unit_exists(conn, uid):
            raise NotFound("Không tìm thấy đơn vị.", en="Unit not found.")
    parts.pop(unit_id, None)  # the lead unit is not also coordinating
    src = p.source or dp.DirectiveSource()
    did = conn.execute(directives.insert().values(
        content=content, issued_by=ctx.user_id, issued_at=tx.now_iso,
        source_meeting_id=src.meeting_id, source_item_id=src.item_id,
        source_registry_id=src.registry_id, source_notice=src.notice,
        assignee_id=p.assignee_id, assignee_unit_id=unit_id, priority=p.priority,
        deadline=p.deadline, status="assigned", percent=0, updated_at=tx.now_iso,
    )).inserted_primary_key[0]
    for uid, part in sorted(parts.items()):
        conn.execute(directive_units.insert().values(directive_id=did, unit_id=uid,
                                                     part=part, percent=0, note=""))
    sv.record(conn, did, tx.now_iso, ctx.user_id, "created", status="assigned",
              deadline_to=p.deadline)
    _notify(tx, _reload(tx, did), "created")
    return {"directive_id": did}


@_cmd("directive.get", read_only=True)
def get(ctx: Context, tx: Tx, p: dp.DirectiveGet) -> dict[str, Any]:
    row = sv.load(tx.conn, ctx, p.directive_id)
    return sv.detail(tx.conn, row, sv.today(tx.now))


@_cmd("directive.list", read_only=True)
def list_(ctx: Context, tx: Tx, p: dp.DirectiveList) -> dict[str, Any]:
    today = sv.today(tx.now)
    query = select(directives).where(sv.visible(ctx))
    if p.scope == "mine":
        query = query.where(sv.assigned_to_me(ctx))
    elif p.scope == "issued":
        query = query.where(directives.c.issued_by == ctx.user_id)
    if p.status is not None:
        query = query.where(directives.c.status == p.status)
    if p.unit_id is not None:
        query = query.where(directives.c.assignee_unit_id == p.unit_id)
    if p.meeting_id is not None:
        query = query.where(directives.c.source_meeting_id == p.meeting_id)
    if p.overdue is True:
        query = query.where(sv.overdue_condition(today))
    elif p.overdue is False:
        query = query.where(~sv.overdue_condition(today))
    query = query.order_by(directives.c.id.desc()).limit(p.limit).offset(p.offset)
    rows = tx.conn.execute(query).mappings().all()
    return {"directives": [sv.summary(r, today) for r in rows]}


def _claim_files(ctx: Context, tx: Tx, p: dp.DirectiveReport, step: int) -> None:
    """The report's attachments belong to its history step."""
    if p.attachment_ids:
        claim(tx.conn, ctx.user_id, p.attachment_ids, "directive_report", step, tx.now_iso)


@_cmd("directive.report")
def report(ctx: Context, tx: Tx, p: dp.DirectiveReport) -> dict[str, Any]:
    conn = tx.conn
    row = sv.load(conn, ctx, p.directive_id)
    if row["status"] == "completed":
        raise Conflict(*DONE_ALREADY[:1], en=DONE_ALREADY[1])
    if p.unit_id is not None and p.unit_id != row["assignee_unit_id"]:
        # A coordinating unit reports its own part; the directive's state is the lead's.
        if org.unit_of(conn, ctx.user_id) != p.unit_id:
            raise Forbidden(*REPORTERS_ONLY[:1], en=REPORTERS_ONLY[1])
        found = conn.execute(update(directive_units).where(
            directive_units.c.directive_id == row["id"],
            directive_units.c.unit_id == p.unit_id).values(
            note=p.note, **({"percent": p.percent} if p.percent is not None else {})))
        if not found.rowcount:
            raise NotFound("Đơn vị này không phối hợp thực hiện chỉ đạo.",
                           en="This unit does not coordinate on the directive.")
        step = sv.record(conn, row["id"], tx.now_iso, ctx.user_id, "part_report",
                         status=p.status, percent=p.percent, unit_id=p.unit_id, note=p.note)
        _claim_files(ctx, tx, p, step)
        _notify(tx, row, "part_report")
        return {"directive_id": row["id"], "status": row["status"]}
    if not _in_lead(ctx, tx, row):
        raise Forbidden(*REPORTERS_ONLY[:1], en=REPORTERS_ONLY[1])
    percent = p.percent if p.percent is not None else row["percent"]
    if p.status == "reported" and p.percent is None:
        percent = 100
    conn.execute(update(directives).where(directives.c.id == row["id"]).values(
        status=p.status, percent=percent, updated_at=tx.now_iso))
    step = sv.record(conn, row["id"], tx.now_iso, ctx.user_id, "report", status=p.status,
                     percent=percent, note=p.note)
    _claim_files(ctx, tx, p, step)
    _notify(tx, _reload(tx, row["id"]), "report")
    return {"directive_id": row["id"], "status": p.status}


@_cmd("directive.return")
def return_(ctx: Context, tx: Tx, p: dp.DirectiveReturn) -> dict[str, Any]:
    conn = tx.conn
    row = sv.load(conn, ctx, p.directive_id)
    if not _may_decide(ctx, row):
        raise Forbidden(*DECIDERS_ONLY[:1], en=DECIDERS_ONLY[1])
    if row["status"] != "reported":
        raise Conflict("Chỉ trả lại được một báo cáo đã gửi.",
                       en="Only a submitted report can be returned.")
    conn.execute(update(directives).where(directives.c.id == row["id"]).values(
        status="returned", updated_at=tx.now_iso))
    sv.record(conn, row["id"], tx.now_iso, ctx.user_id, "returned", status="returned",
              note=p.note)
    _notify(tx, _reload(tx, row["id"]), "returned")
    return {"directive_id": row["id"], "status": "returned"}


@_cmd("directive.complete")
def complete(ctx: Context, tx: Tx, p: dp.DirectiveComplete) -> dict[str, Any]:
    conn = tx.conn
    row = sv.load(conn, ctx, p.directive_id)
    if not _may_decide(ctx, row):
        raise Forbidden(*DECIDERS_ONLY[:1], en=DECIDERS_ONLY[1])
    if row["status"] == "completed":
        raise Conflict(*DONE_ALREADY[:1], en=DONE_ALREADY[1])
    on_time = row["deadline"] is None or sv.local_date(tx.now_iso) <= row["deadline"]
    conn.execute(update(directives).where(directives.c.id == row["id"]).values(
        status="completed", completed_at=tx.now_iso, on_time=on_time, percent=100,
        updated_at=tx.now_iso))
    board.count_done(conn, row["assignee_unit_id"], on_time)
    sv.record(conn, row["id"], tx.now_iso, ctx.user_id, "completed", status="completed",
              percent=100, note=p.note)
    _notify(tx, _reload(tx, row["id"]), "completed")
    return {"directive_id": row["id"], "status": "completed", "completed_at": tx.now_iso,
            "on_time": on_time}


@_cmd("directive.extend_request")
def extend_request(ctx: Context, tx: Tx, p: dp.DirectiveExtendRequest) -> dict[str, Any]:
    conn = tx.conn
    row = sv.load(conn, ctx, p.directive_id)
    if not _in_lead(ctx, tx, row):
        raise Forbidden(*REPORTERS_ONLY[:1], en=REPORTERS_ONLY[1])
    if row["status"] == "completed":
        raise Conflict(*DONE_ALREADY[:1], en=DONE_ALREADY[1])
    sv.parse_date(p.new_deadline)
    if row["deadline"] is not None and p.new_deadline <= row["deadline"]:
        raise BadRequest("Hạn mới phải sau hạn hiện tại.",
                         en="The new deadline must be after the current one.")
    pending = conn.execute(select(directive_extensions.c.id).where(
        directive_extensions.c.directive_id == row["id"],
        directive_extensions.c.decision.is_(None))).first()
    if pending is not None:
        raise Conflict("Đã có một đề nghị gia hạn đang chờ quyết định.",
                       en="An extension request is already waiting for a decision.")
    eid = conn.execute(directive_extensions.insert().values(
        directive_id=row["id"], requested_by=ctx.user_id, requested_at=tx.now_iso,
        old_deadline=row["deadline"], new_deadline=p.new_deadline, reason=p.reason,
        decision_note="")).inserted_primary_key[0]
    sv.record(conn, row["id"], tx.now_iso, ctx.user_id, "extend_request",
              deadline_from=row["deadline"], deadline_to=p.new_deadline, note=p.reason,
              extension_id=eid)
    _notify(tx, row, "extend_request")
    return {"directive_id": row["id"], "extension_id": eid}


@_cmd("directive.extend_decide")
def extend_decide(ctx: Context, tx: Tx, p: dp.DirectiveExtendDecide) -> dict[str, Any]:
    conn = tx.conn
    ext = conn.execute(select(directive_extensions).where(
        directive_extensions.c.id == p.extension_id)).mappings().first()
    if ext is None:
        raise NotFound("Không tìm thấy đề nghị gia hạn.", en="Extension request not found.")
    row = sv.load(conn, ctx, ext["directive_id"])
    if not _may_decide(ctx, row):
        raise Forbidden(*DECIDERS_ONLY[:1], en=DECIDERS_ONLY[1])
    if ext["decision"] is not None:
        raise Conflict("Đề nghị gia hạn này đã được quyết định.",
                       en="This extension request has already been decided.")
    if row["status"] == "completed":
        raise Conflict(*DONE_ALREADY[:1], en=DONE_ALREADY[1])
    conn.execute(update(directive_extensions).where(
        directive_extensions.c.id == ext["id"]).values(
        decision=p.decision, decided_by=ctx.user_id, decided_at=tx.now_iso,
        decision_note=p.note))
    if p.decision == "granted":
        conn.execute(update(directives).where(directives.c.id == row["id"]).values(
            deadline=ext["new_deadline"], updated_at=tx.now_iso, due_alerted=None,
            overdue_alerted=None))  # a new deadline: its reminders are due again
    kind = f"extend_{p.decision}"
    sv.record(conn, row["id"], tx.now_iso, ctx.user_id, kind, deadline_from=row["deadline"],
              deadline_to=ext["new_deadline"] if p.decision == "granted" else row["deadline"],
              note=p.note, extension_id=ext["id"])
    row = _reload(tx, row["id"])
    _notify(tx, row, kind)
    return {"directive_id": row["id"], "extension_id": ext["id"], "decision": p.decision,
            "deadline": row["deadline"]}


@_cmd("directive.dashboard", global_roles("leader", "office"), read_only=True)
def dashboard(_ctx: Context, tx: Tx, p: dp.DirectiveDashboard) -> dict[str, Any]:
    for value in (p.issued_from, p.issued_to):
        if value is not None:
            sv.parse_date(value)
    return board.figures(tx.conn, sv.today(tx.now), p.issued_from, p.issued_to)


def _report(tx: Tx, p: dp.DirectiveExport) -> Any:
    from server.modules.directives.export import Report
    from server.modules.org.tables import org_units

    for value in (p.issued_from, p.issued_to):
        if value is not None:
            sv.parse_date(value)
    conn = tx.conn
    today = sv.today(tx.now)
    figures = board.figures(conn, today, p.issued_from, p.issued_to)
    d = directives.c
    query = (select(directives, users.c.full_name, org_units.c.name.label("unit_name"))
             .outerjoin(users, users.c.id == d.assignee_id)
             .outerjoin(org_units, org_units.c.id == d.assignee_unit_id).order_by(d.id))
    start, end = sv.issued_between(p.issued_from, p.issued_to)
    if start:
        query = query.where(d.issued_at >= start)
    if end:
        query = query.where(d.issued_at < end)
    rows = [{**sv.summary(r, today), "unit": r["unit_name"] or "",
             "assignee": r["full_name"] or ""} for r in conn.execute(query).mappings()]
    roots = conn.execute(select(org_units.c.name, org_units.c.code, users.c.full_name)
                         .outerjoin(users, users.c.id == org_units.c.head_id)
                         .where(org_units.c.parent_id.is_(None)).order_by(org_units.c.id)).all()
    root = next((r for r in roots if r.code == "UBND"), roots[0] if roots else None)
    return Report(agency=root.name if root else "", today=today, figures=figures,
                  directives=rows, signer=(root.full_name or "") if root else "")


@_cmd("directive.export", global_roles("leader", "office"), is_async=True, read_only=True)
async def export(ctx: Context, p: dp.DirectiveExport) -> dict[str, Any]:
    """The dashboard as XLSX or PDF, base64 in the reply like ``minutes.render``."""
    import asyncio
    import base64

    from server.dispatch import check_access
    from server.modules.directives import export as out

    def unit(tx: Tx) -> Any:
        spec = next(s for s in commands.specs if s.name == "directive.export")
        check_access(spec, ctx, tx.conn, p)
        return _report(tx, p)

    report = await ctx.services.committer.run(unit)
    render = out.render_xlsx if p.format == "xlsx" else out.render_pdf
    data = await asyncio.get_running_loop().run_in_executor(None, render, report)
    return {"format": p.format, "filename": f"bao-cao-nhiem-vu-{report.today}.{p.format}",
            "size": len(data), "content_base64": base64.b64encode(data).decode("ascii")}


@_cmd("directive.pending_for_meeting", read_only=True)
def pending_for_meeting(ctx: Context, tx: Tx, p: dp.DirectivePendingForMeeting
                        ) -> dict[str, Any]:
    """Overdue directives of the meeting's participants ("việc chưa hoàn thành"), for its
    chair and clerk (and leaders, office) to put on the agenda."""
    conn = tx.conn
    role = ctx.services.membership.role_in_meeting(conn, p.meeting_id, ctx.user_id)
    exists = conn.execute(select(meetings.c.id).where(meetings.c.id == p.meeting_id)).first()
    if exists is None or (role is None and not sv.sees_all(ctx)):
        raise NotFound("Không tìm thấy cuộc họp.", en="Meeting not found.")
    if role not in (CHAIR, CLERK) and not sv.sees_all(ctx):
        raise Forbidden("Chỉ chủ tọa, thư ký, lãnh đạo hoặc văn phòng xem được danh sách này.",
                        en="Only the chair, the clerk, leaders or the office see this list.")
    return {"directives": board.pending_for(conn, p.meeting_id, sv.today(tx.now))}

