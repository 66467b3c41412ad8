"""Vietnamese words for protocol values (options, outcomes, roles, events).

Protocol values stay English on the wire; people read these. The source strings
are Vietnamese and go through Qt's translation system, so ``--lang en`` works.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from meeting_protocol.envelope import Event


def option_label(option: str) -> str:
    """The default options are shown in words; custom options as typed."""
    if option == "yes":
        return QCoreApplication.translate("Labels", "Đồng ý")
    if option == "no":
        return QCoreApplication.translate("Labels", "Không đồng ý")
    if option == "abstain":
        return QCoreApplication.translate("Labels", "Không biểu quyết")
    return option


def outcome_label(outcome: str | None) -> str:
    if outcome == "passed":
        return QCoreApplication.translate("Labels", "Thông qua")
    if outcome == "rejected":
        return QCoreApplication.translate("Labels", "Không thông qua")
    return ""


def majority_label(majority: str) -> str:
    if majority == "simple":
        return QCoreApplication.translate("Labels", "Đa số phiếu (Đồng ý nhiều hơn Không đồng ý)")
    if majority == "absolute":
        return QCoreApplication.translate("Labels", "Quá nửa tổng số đại biểu")
    if majority == "two_thirds":
        return QCoreApplication.translate("Labels", "Hai phần ba tổng số đại biểu")
    return majority


def role_label(role: str) -> str:
    return {
        "chair": QCoreApplication.translate("Labels", "Chủ tọa"),
        "clerk": QCoreApplication.translate("Labels", "Thư ký"),
        "delegate": QCoreApplication.translate("Labels", "Đại biểu"),
        "observer": QCoreApplication.translate("Labels", "Khách mời"),
        "hall": QCoreApplication.translate("Labels", "Màn hình hội trường"),
        "admin": QCoreApplication.translate("Labels", "Quản trị"),
    }.get(role, role)


def meeting_status_label(status: str) -> str:
    return {
        "scheduled": QCoreApplication.translate("Labels", "Sắp diễn ra"),
        "in_progress": QCoreApplication.translate("Labels", "Đang họp"),
        "ended": QCoreApplication.translate("Labels", "Đã kết thúc"),
    }.get(status, status)


def poll_status_label(status: str) -> str:
    return {
        "draft": QCoreApplication.translate("Labels", "Chưa mở"),
        "open": QCoreApplication.translate("Labels", "Đang biểu quyết"),
        "closed": QCoreApplication.translate("Labels", "Đã kết thúc"),
    }.get(status, status)


def attendance_text(present: int, expected: int, quorum_met: bool) -> str:
    """ "Có mặt 16/30 — Đủ số lượng", as the clerk reports it."""
    head = (
        QCoreApplication.translate("Labels", "Có mặt %1/%2")
        .replace("%1", str(present))
        .replace("%2", str(expected))
    )
    tail = (
        QCoreApplication.translate("Labels", "Đủ số lượng")
        if quorum_met
        else QCoreApplication.translate("Labels", "Chưa đủ số lượng")
    )
    return f"{head} — {tail}"


def parse_time(text: str | None) -> datetime | None:
    """Protocol timestamps are ISO 8601 with a trailing Z; None when absent or bad."""
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def clock_text(text: str | None) -> str:
    """Local wall-clock time (HH:MM:SS) of a protocol timestamp."""
    moment = parse_time(text)
    return moment.astimezone().strftime("%H:%M:%S") if moment else ""


def date_time_text(text: str | None) -> str:
    moment = parse_time(text)
    return moment.astimezone().strftime("%d/%m/%Y %H:%M") if moment else (text or "")


def duration_text(seconds: float) -> str:
    """mm:ss, never negative."""
    total = max(0, round(seconds))
    return f"{total // 60:02d}:{total % 60:02d}"


@dataclass(slots=True)
class EventContext:
    """What an event refers to by id, so the timeline can say it in words."""

    names: dict[int, str] = field(default_factory=dict)
    """Full names by user id."""
    items: dict[int, str] = field(default_factory=dict)
    """Agenda item titles by id."""
    polls: dict[int, str] = field(default_factory=dict)
    """Poll titles by id."""
    requesters: dict[int, int] = field(default_factory=dict)
    """User id by floor request id."""


OPTION_ORDER = {"yes": 0, "no": 1, "abstain": 2}


def event_text(event: Event, ctx: EventContext) -> str:
    """One line of the clerk's timeline for an event."""
    d = event.data
    user_id = d.get("user_id")
    if not isinstance(user_id, int) and isinstance(d.get("request_id"), int):
        user_id = ctx.requesters.get(d["request_id"])
    who = ctx.names.get(user_id, "") if isinstance(user_id, int) else ""
    items = ctx.items
    name = event.event
    if name == "meeting.status":
        return {
            "in_progress": QCoreApplication.translate("Labels", "Khai mạc kỳ họp"),
            "ended": QCoreApplication.translate("Labels", "Bế mạc kỳ họp"),
        }.get(
            d.get("status", ""), QCoreApplication.translate("Labels", "Trạng thái kỳ họp thay đổi")
        )
    if name == "attendance.changed":
        summary = (
            QCoreApplication.translate("Labels", "Có mặt %1/%2")
            .replace("%1", str(d.get("present", 0)))
            .replace("%2", str(d.get("expected", 0)))
        )
        if not who:
            return summary
        if d.get("checked_in") is True:
            return (
                QCoreApplication.translate("Labels", "%1 điểm danh — %2")
                .replace("%1", who)
                .replace("%2", summary)
            )
        if d.get("absence_reason"):
            return (
                QCoreApplication.translate("Labels", "%1 vắng mặt có lý do: %2")
                .replace("%1", who)
                .replace("%2", str(d["absence_reason"]))
            )
        if d.get("checked_in") is False:
            return (
                QCoreApplication.translate("Labels", "%1 rời phòng họp — %2")
                .replace("%1", who)
                .replace("%2", summary)
            )
        return summary
    if name == "agenda.activated":
        return QCoreApplication.translate("Labels", "Chuyển sang nội dung: %1").replace(
            "%1", items.get(d.get("item_id", 0), str(d.get("item_id")))
        )
    if name == "speaker.requested":
        return QCoreApplication.translate("Labels", "%1 đăng ký phát biểu").replace("%1", who)
    if name == "speaker.withdrawn":
        return QCoreApplication.translate("Labels", "%1 rút đăng ký phát biểu").replace(
            "%1", who or "?"
        )
    if name == "speaker.granted":
        return QCoreApplication.translate("Labels", "%1 được mời phát biểu").replace(
            "%1", who or str(d.get("request_id"))
        )
    if name == "speaker.finished":
        return (
            QCoreApplication.translate("Labels", "%1 kết thúc phát biểu (%2)")
            .replace("%1", who or "?")
            .replace("%2", duration_text(float(d.get("duration_s", 0) or 0)))
        )
    if name == "poll.created":
        return QCoreApplication.translate("Labels", "Tạo biểu quyết: %1").replace(
            "%1", str(d.get("title", ""))
        )
    if name == "poll.opened":
        return QCoreApplication.translate("Labels", "Mở biểu quyết «%1»").replace(
            "%1", ctx.polls.get(d.get("poll_id", 0), str(d.get("poll_id")))
        )
    if name == "poll.progress":
        return (
            QCoreApplication.translate("Labels", "Đã biểu quyết %1/%2")
            .replace("%1", str(d.get("cast", 0)))
            .replace("%2", str(d.get("eligible", 0)))
        )
    if name == "poll.closed":
        tally = d.get("tally") or {}
        ordered = sorted(tally.items(), key=lambda kv: OPTION_ORDER.get(kv[0], 3))
        counts = ", ".join(f"{option_label(k)} {v}" for k, v in ordered)
        outcome = outcome_label(d.get("outcome"))
        title = ctx.polls.get(d.get("poll_id", 0), str(d.get("poll_id")))
        text = (
            QCoreApplication.translate("Labels", "Kết thúc biểu quyết «%1»: %2")
            .replace("%1", title)
            .replace("%2", counts)
        )
        return f"{text} — {outcome}" if outcome else text
    if name == "presentation.page":
        return QCoreApplication.translate("Labels", "Trình chiếu tài liệu, trang %1").replace(
            "%1", str(d.get("page"))
        )
    return _other_event_text(name, d, who)


def _other_event_text(name: str, d: dict[str, object], who: str) -> str:
    """Documents, minutes and hall events: one plain sentence each."""
    doc = d.get("document")
    title = str(doc.get("title", "")) if isinstance(doc, dict) else ""
    texts = {
        "document.added": QCoreApplication.translate("Labels", "Thêm tài liệu: %1"),
        "document.replaced": QCoreApplication.translate("Labels", "Cập nhật tài liệu: %1"),
        "document.removed": QCoreApplication.translate("Labels", "Gỡ tài liệu"),
        "presentation.stopped": QCoreApplication.translate("Labels", "Kết thúc trình chiếu"),
        "presentation.presenter": QCoreApplication.translate(
            "Labels", "Chỉ định người trình bày: %1"),
        "minutes.saved": QCoreApplication.translate("Labels", "Thư ký cập nhật biên bản"),
        "minutes.issued": QCoreApplication.translate("Labels", "Cấp số biên bản: %1"),
        "minutes.notice_issued": QCoreApplication.translate(
            "Labels", "Ban hành thông báo kết luận: %1"),
        "hall.view": QCoreApplication.translate("Labels", "Đổi nội dung màn hình hội trường"),
    }
    text = texts.get(name)
    if text is None:
        return name
    label = str(d.get("label", "")) if name.startswith("minutes.") else (title or who)
    return text.replace("%1", label or "—")
