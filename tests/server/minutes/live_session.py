"""A whole council session played over the real protocol, for the minutes tests.

27 of the 30 demo delegates check in, three are absent (two with a reason), the chair takes
up four items, three delegates speak, one open and one secret vote are held, the clerk writes
opinions and conclusions, and the chair closes the meeting. :class:`SessionFacts` says what
the minutes must then contain.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from tests.support.wsclient import WsClient

PRESENT = 27
ABSENCES = {28: "Đi công tác tại Hà Nội", 29: "Ốm, có đơn xin phép", 30: None}

OPEN_POLL = "Thông qua Nghị quyết về dự toán ngân sách thành phố năm 2027"
SECRET_POLL = "Bầu bổ sung Ủy viên Ủy ban nhân dân thành phố nhiệm kỳ 2026 - 2031"
AGENDA_POLL = "Thông qua chương trình kỳ họp"

OPINIONS = ("<p>Các đại biểu cơ bản nhất trí với dự toán; đề nghị <b>tăng cường chống thất "
            "thu</b> đối với thương mại biên giới.</p><ul><li>Ưu tiên vốn cho trường học "
            "xã Hải Sơn</li><li>Làm rõ nguồn cải cách tiền lương</li></ul>"
            "<script>alert('x')</script>")
CONCLUSIONS = ("<p>Giao Ủy ban nhân dân thành phố <i>tiếp thu ý kiến đại biểu</i>, hoàn thiện "
               "dự toán trước ngày 10/12/2026.</p>")
GENERAL = "<p>Kỳ họp đã hoàn thành toàn bộ nội dung chương trình đề ra.</p>"


@dataclass
class SessionFacts:
    """What happened, as the minutes must tell it."""

    speakers: list[str] = field(default_factory=list)
    absent: dict[str, str | None] = field(default_factory=dict)
    polls: dict[str, dict] = field(default_factory=dict)  # title → poll.close reply
    items: dict[str, int] = field(default_factory=dict)  # title → id
    chair: str = ""
    clerk: str = ""
    expected: int = 30
    present: int = PRESENT


def _user(n: int) -> str:
    return f"d{n:03d}"


async def _vote(clients: dict[int, WsClient], poll_id: int, choices: dict[int, str]) -> None:
    await asyncio.gather(*(clients[n].act("poll.cast", poll_id=poll_id, choice=c)
                           for n, c in choices.items()))


async def run_session(url: str, *, speech_s: float = 1.1) -> SessionFacts:
    """Play the session on the server at ``url`` (a fresh demo database)."""
    facts = SessionFacts()
    chair = await WsClient.signed_in(url, "chair")
    clerk = await WsClient.signed_in(url, "clerk")
    delegates = dict(zip(
        range(1, PRESENT + 1),
        await asyncio.gather(*(WsClient.signed_in(url, _user(n))
                               for n in range(1, PRESENT + 1))),
        strict=True))
    try:
        snap = (await clerk.call("meeting.subscribe", meeting_id=1, since=0))["snapshot"]
        people = {p["username"]: p for p in snap["participants"]}
        facts.chair = people["chair"]["full_name"]
        facts.clerk = people["clerk"]["full_name"]
        facts.items = {a["title"]: a["id"] for a in snap["agenda"]}
        agenda = [a["id"] for a in sorted(snap["agenda"], key=lambda a: a["position"])]

        await asyncio.gather(*(c.act("attendance.check_in", meeting_id=1)
                               for c in delegates.values()))
        for n, reason in ABSENCES.items():
            p = people[_user(n)]
            facts.absent[p["full_name"]] = reason
            if reason:
                await clerk.act("attendance.set_absence", meeting_id=1, user_id=p["user_id"],
                                reason=reason)
        await chair.act("meeting.start", meeting_id=1)

        # 1. Opening: the council approves the agenda (open vote).
        await chair.act("agenda.activate", meeting_id=1, item_id=agenda[0])
        poll = await chair.act("poll.create", meeting_id=1, title=AGENDA_POLL,
                               agenda_item_id=agenda[0])
        await chair.act("poll.open", poll_id=poll["poll_id"])
        await _vote(delegates, poll["poll_id"],
                    {n: "yes" if n <= 26 else "abstain" for n in delegates})
        facts.polls[AGENDA_POLL] = await chair.act("poll.close", poll_id=poll["poll_id"])

        # 3. The budget: two delegates speak.
        await chair.act("agenda.activate", meeting_id=1, item_id=agenda[2])
        for n in (1, 2):
            req = await delegates[n].act("speaker.request", meeting_id=1)
            await chair.act("speaker.grant", request_id=req["request_id"])
            await asyncio.sleep(speech_s)
            await chair.act("speaker.finish", request_id=req["request_id"])
            facts.speakers.append(people[_user(n)]["full_name"])
        saved = await clerk.act("minutes.save", meeting_id=1, item_id=agenda[2],
                                opinions=OPINIONS, conclusions=CONCLUSIONS, base_version=0)
        assert saved["version"] == 1

        # 5. Debate in the chamber: a third delegate, who ends the speech himself.
        await chair.act("agenda.activate", meeting_id=1, item_id=agenda[4])
        req = await delegates[3].act("speaker.request", meeting_id=1)
        await chair.act("speaker.grant", request_id=req["request_id"])
        await asyncio.sleep(speech_s)
        await delegates[3].act("speaker.finish", request_id=req["request_id"])
        facts.speakers.append(people[_user(3)]["full_name"])

        # 7. Votes: the budget resolution (open) and an election (secret).
        await chair.act("agenda.activate", meeting_id=1, item_id=agenda[6])
        poll = await chair.act("poll.create", meeting_id=1, title=OPEN_POLL,
                               agenda_item_id=agenda[6])
        await chair.act("poll.open", poll_id=poll["poll_id"])
        await _vote(delegates, poll["poll_id"],
                    {n: "yes" if n <= 24 else "no" if n <= 26 else "abstain"
                     for n in delegates})
        facts.polls[OPEN_POLL] = await chair.act("poll.close", poll_id=poll["poll_id"])
        poll = await chair.act("poll.create", meeting_id=1, title=SECRET_POLL, secret=True,
                               options=["yes", "no"], agenda_item_id=agenda[6])
        await chair.act("poll.open", poll_id=poll["poll_id"])
        await _vote(delegates, poll["poll_id"],
                    {n: "yes" if n <= 22 else "no" for n in delegates if n <= 25})
        facts.polls[SECRET_POLL] = await chair.act("poll.close", poll_id=poll["poll_id"])

        await clerk.act("minutes.save", meeting_id=1, item_id=agenda[6],
                        opinions="", conclusions="<p>Hội đồng nhân dân thành phố biểu quyết "
                        "thông qua Nghị quyết về dự toán ngân sách năm 2027.</p>",
                        base_version=0)
        await clerk.act("minutes.save", meeting_id=1, item_id=None, opinions="",
                        conclusions=GENERAL, base_version=0)
        await chair.act("meeting.end", meeting_id=1)
    finally:
        await asyncio.gather(chair.close(), clerk.close(),
                             *(c.close() for c in delegates.values()), return_exceptions=True)
    return facts
