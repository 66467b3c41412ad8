"""Vietnamese words for protocol values (options, outcomes, roles, events).

Protocol values stay English on the wire; people read these. The source strings
are Vietnamese and go through Qt's translation system, so ``--lang en`` works.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from meeting_protocol.envelope import Event


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def option_label(option: str) -> str:
    """The default options are shown in words; custom options as typed."""
    if option == "yes":
        return _t("Đồng ý")
    if option == "no":
        return _t("Không đồng ý")
    if option == "abstain":
        return _t("Không biểu quyết")
    return option


def outcome_label(outcome: str | None) -> str:
    if outcome == "passed":
        return _t("Thông qua")
    if outcome == "rejected":
        return _t("Không thông qua")
    return ""


def majority_label(majority: str) -> str:
    if majority == "simple":
        return _t("Đa số phiếu (Đồng ý nhiều hơn Không đồng ý)")
    if majority == "absolute":
        return _t("Quá nửa tổng số đại biểu")
    if majority == "two_thirds":
        return _t("Hai phần ba tổng số đại biểu")
    return majority


def role_label(role: str) -> str:
    return {
        "chair": _t("Chủ tọa"),
        "clerk": _t("Thư ký"),
        "delegate": _t("Đại biểu"),
        "observer": _t("Khách mời"),
        "admin": _t("Quản trị"),
    }.get(role, role)


def meeting_status_label(status: str) -> str:
    return {
        "scheduled": _t("Sắp diễn ra"),
        "in_progress": _t("Đang họp"),
        "ended": _t("Đã kết thúc"),
    }.get(status, status)


def poll_status_label(status: str) -> str:
    return {
        "draft": _t("Chưa mở"),
        "open": _t("Đang biểu quyết"),
        "closed": _t("Đã kết thúc"),
    }.get(status, status)


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


def event_text(event: Event, names: dict[int, str], items: dict[int, str]) -> str:
    """One line of the clerk's timeline for an event.

    Args:
        event: the pushed event.
        names: full names by user id (events carry ids only).
        items: agenda item titles by id.
    """
    d = event.data
    user_id = d.get("user_id")
    who = names.get(user_id, "") if isinstance(user_id, int) else ""
    name = event.event
    if name == "meeting.status":
        return {
            "in_progress": _t("Khai mạc kỳ họp"),
            "ended": _t("Bế mạc kỳ họp"),
        }.get(d.get("status", ""), _t("Trạng thái kỳ họp thay đổi"))
    if name == "attendance.changed":
        summary = _t("Có mặt %1/%2").replace("%1", str(d.get("present", 0))).replace(
            "%2", str(d.get("expected", 0)))
        if not who:
            return summary
        if d.get("checked_in") is True:
            return _t("%1 điểm danh — %2").replace("%1", who).replace("%2", summary)
        if d.get("absence_reason"):
            return (_t("%1 vắng mặt có lý do: %2").replace("%1", who)
                    .replace("%2", str(d["absence_reason"])))
        if d.get("checked_in") is False:
            return _t("%1 rời phòng họp — %2").replace("%1", who).replace("%2", summary)
        return summary
    if name == "agenda.activated":
        return _t("Chuyển sang nội dung: %1").replace(
            "%1", items.get(d.get("item_id", 0), str(d.get("item_id"))))
    if name == "speaker.requested":
        return _t("%1 đăng ký phát biểu").replace("%1", who)
    if name == "speaker.withdrawn":
        return _t("Rút đăng ký phát biểu (yêu cầu %1)").replace("%1", str(d.get("request_id")))
    if name == "speaker.granted":
        return _t("%1 được mời phát biểu").replace("%1", who or str(d.get("request_id")))
    if name == "speaker.finished":
        return _t("Kết thúc phát biểu (%1)").replace(
            "%1", duration_text(float(d.get("duration_s", 0) or 0)))
    if name == "poll.created":
        return _t("Tạo biểu quyết: %1").replace("%1", str(d.get("title", "")))
    if name == "poll.opened":
        return _t("Mở biểu quyết (phiếu %1)").replace("%1", str(d.get("poll_id")))
    if name == "poll.progress":
        return _t("Đã biểu quyết %1/%2").replace("%1", str(d.get("cast", 0))).replace(
            "%2", str(d.get("eligible", 0)))
    if name == "poll.closed":
        tally = d.get("tally") or {}
        counts = ", ".join(f"{option_label(k)} {v}" for k, v in tally.items())
        outcome = outcome_label(d.get("outcome"))
        text = _t("Kết thúc biểu quyết: %1").replace("%1", counts)
        return f"{text} — {outcome}" if outcome else text
    if name == "presentation.page":
        return _t("Trình chiếu tài liệu, trang %1").replace("%1", str(d.get("page")))
    return name
