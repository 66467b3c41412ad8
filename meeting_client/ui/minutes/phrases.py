"""Phrases the clerk inserts while writing the minutes, filled from the session.

The phrases are the minutes' own Vietnamese wording, so they are deliberately **not**
translated: a clerk working with an English interface still writes a Vietnamese document
(Decree 30). Their menu labels are the phrases themselves.
"""

from __future__ import annotations

from collections.abc import Iterable

from meeting_protocol.state import Snapshot

ELLIPSIS = "…"


def body_word(snapshot: Snapshot | None) -> str:
    """"Hội đồng nhân dân" or "Ủy ban nhân dân", as the deciding body is called in prose."""
    body = (snapshot.meeting.body if snapshot else "").upper()
    if body.startswith(("ỦY BAN", "UỶ BAN")):
        return "Ủy ban nhân dân"
    return "Hội đồng nhân dân"


def _subject(title: str) -> str:
    """"Nghị quyết về …" from a poll titled "Thông qua Nghị quyết về …"."""
    text = title.strip().rstrip(".")
    for prefix in ("Thông qua ", "thông qua ", "Biểu quyết thông qua ", "Biểu quyết "):
        if text.startswith(prefix):
            text = text[len(prefix):]
            break
    return text


def invite_phrases(names: Iterable[str]) -> list[str]:
    """One "Chủ tọa mời đại biểu X phát biểu." per speaker, or one with a blank."""
    unique = list(dict.fromkeys(n for n in names if n))
    if not unique:
        return [f"Chủ tọa mời đại biểu {ELLIPSIS} phát biểu."]
    return [f"Chủ tọa mời đại biểu {n} phát biểu." for n in unique]


def attendance_phrase(snapshot: Snapshot | None) -> str:
    if snapshot is None:
        return f"Kiểm tra số đại biểu có mặt: {ELLIPSIS}/{ELLIPSIS}."
    a = snapshot.attendance
    return f"Kiểm tra số đại biểu có mặt: {a.present}/{a.expected}."


def vote_phrases(snapshot: Snapshot | None, item_id: int | None) -> list[str]:
    """"Hội đồng nhân dân biểu quyết thông qua …" for every closed vote of the item."""
    body = body_word(snapshot)
    out = []
    for poll in (snapshot.polls if snapshot else []):
        if poll.status != "closed" or item_id is None or poll.agenda_item_id != item_id:
            continue
        yes = (poll.tally or {}).get("yes")
        verb = "không thông qua" if poll.outcome == "rejected" else "thông qua"
        count = f" ({yes}/{poll.eligible} đại biểu tán thành)" if yes is not None else ""
        out.append(f"{body} biểu quyết {verb} {_subject(poll.title)}{count}.")
    return out or [f"{body} biểu quyết thông qua {ELLIPSIS}."]


def phrases_for(snapshot: Snapshot | None, item_id: int | None,
                speakers: Iterable[str]) -> list[str]:
    """Every phrase offered for one agenda item, in the order a session runs.

    ``speakers`` are those who spoke under the item (from ``minutes.get``); whoever holds
    the floor right now (from the replica) is added when the item is the active one.
    """
    names = list(speakers)
    if snapshot is not None and item_id is not None:
        active = next((a.id for a in snapshot.agenda if a.active), None)
        speaking = next((s for s in snapshot.speakers if s.status == "speaking"), None)
        if active == item_id and speaking is not None:
            who = next((p.full_name for p in snapshot.participants
                        if p.user_id == speaking.user_id), "")
            names.append(who)
    return [attendance_phrase(snapshot), *invite_phrases(names),
            *vote_phrases(snapshot, item_id)]
