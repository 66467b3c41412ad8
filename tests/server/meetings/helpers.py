"""Shared steps of the preparation tests: a whole meeting prepared over the wire."""

from __future__ import annotations

from typing import Any

from tests.support.wsclient import WsClient

START = "2026-12-07T08:00:00+07:00"
END = "2026-12-07T11:30:00+07:00"


async def user_ids(client: WsClient, *usernames: str) -> dict[str, int]:
    """Ids from meeting 1's snapshot (its chair, clerk and delegates)."""
    snap = (await client.call("meeting.subscribe", meeting_id=1))["snapshot"]
    await client.call("meeting.unsubscribe", meeting_id=1)
    by_name = {p["username"]: p["user_id"] for p in snap["participants"]}
    return {u: by_name[u] for u in usernames}


async def prepare(admin: WsClient, *, delegates: int = 3, rule: str = "half",
                  title: str = "Phiên họp thường kỳ tháng 12") -> tuple[int, dict[str, int]]:
    """A draft with the demo chair and clerk, ``delegates`` delegates and two items."""
    names = ["chair", "clerk"] + [f"d{i:03d}" for i in range(1, delegates + 1)]
    ids = await user_ids(admin, *names)
    created = await admin.act("meeting.create", title=title, starts_at=START, ends_at=END,
                              location="Phòng họp số 1", kind="ubnd_session",
                              quorum_rule=rule, body="ỦY BAN NHÂN DÂN THÀNH PHỐ MÓNG CÁI")
    mid = created["meeting_id"]
    await admin.act("participant.add", meeting_id=mid, user_id=ids["chair"], role="chair",
                    seat="CT")
    await admin.act("participant.add", meeting_id=mid, user_id=ids["clerk"], role="clerk",
                    seat="TK")
    for i in range(1, delegates + 1):
        await admin.act("participant.add", meeting_id=mid, user_id=ids[f"d{i:03d}"],
                        role="delegate", seat=f"A{i:02d}")
    await admin.act("agenda.add", meeting_id=mid, title="Báo cáo tình hình kinh tế - xã hội",
                    duration_min=30, presenter_id=ids["chair"])
    await admin.act("agenda.add", meeting_id=mid, title="Thảo luận và kết luận", duration_min=45)
    return mid, ids


async def snapshot(client: WsClient, meeting_id: int) -> dict[str, Any]:
    snap = (await client.call("meeting.subscribe", meeting_id=meeting_id))["snapshot"]
    await client.call("meeting.unsubscribe", meeting_id=meeting_id)
    return snap
