"""Every event the server pushes is its ``meeting_protocol.events`` struct, byte for byte.

The shapes below were recorded from the server before events were typed (when they were
dict literals): the wire and the hash chain must not change when a struct does.
"""

from __future__ import annotations

from typing import Any

import msgspec

from meeting_protocol.envelope import Event
from meeting_protocol.events import EVENT_TYPES, decode_data
from tests.support.wsclient import WsClient

SHAPES: dict[str, tuple[str, ...]] = {
    "meeting.status in_progress": ("status", "started_at"),
    "meeting.status ended": ("status", "ended_at"),
    "attendance.changed check-in": ("present", "expected", "quorum_met", "user_id",
                                    "checked_in", "seat", "absence_reason"),
    "attendance.changed check-out": ("present", "expected", "quorum_met", "user_id",
                                     "checked_in"),
    "attendance.changed absence": ("present", "expected", "quorum_met", "user_id",
                                   "absence_reason"),
    "agenda.activated": ("item_id",),
    "speaker.requested": ("request_id", "user_id", "requested_at"),
    "speaker.withdrawn": ("request_id", "user_id", "by"),
    "speaker.granted": ("request_id", "user_id", "seat", "limit_s", "granted_at"),
    "speaker.finished": ("request_id", "user_id", "duration_s"),
    "poll.created": ("poll_id", "title", "agenda_item_id", "secret", "options", "majority",
                     "eligible"),
    "poll.opened": ("poll_id", "eligible", "options", "secret"),
    "poll.progress": ("poll_id", "cast", "eligible"),
    "poll.closed secret": ("poll_id", "tally", "cast", "eligible", "outcome", "majority",
                           "secret"),
    "poll.closed open": ("poll_id", "tally", "cast", "eligible", "outcome", "majority",
                         "secret", "ballots"),
    "hall.view": ("view", "poll_id"),
    "presentation.page": ("document_id", "page", "presenter_id"),
    "presentation.presenter": ("user_id",),
    "presentation.stopped": (),
    "document.removed": ("document_id",),
    "annotation.changed": ("document_id", "annotation_id", "deleted"),
    "minutes.saved": ("item_id", "version", "updated_by"),
    "minutes.issued": ("number", "year", "label"),
    "minutes.notice_issued": ("number", "year", "label", "due_on"),
}
"""Key order of each kind of event, as the dict literals sent them."""


def kind(name: str, data: dict[str, Any]) -> str:
    """Events of one name whose fields differ by case get a case of their own."""
    if name == "meeting.status":
        return f"{name} {data['status']}"
    if name == "attendance.changed":
        how = {True: "check-in", False: "check-out"}.get(data.get("checked_in"), "absence")
        return f"{name} {how}"
    if name == "poll.closed":
        return f"{name} {'secret' if data['secret'] else 'open'}"
    return name


def ordered(obj: Any) -> Any:
    """Dicts as lists of pairs, so that comparing also compares key order."""
    if isinstance(obj, dict):
        return [(k, ordered(v)) for k, v in obj.items()]
    if isinstance(obj, list):
        return [ordered(v) for v in obj]
    return obj


async def test_every_event_is_its_struct_on_the_wire(live_server, clients) -> None:
    url = live_server.url
    chair = clients(await WsClient.signed_in(url, "chair"))
    clerk = clients(await WsClient.signed_in(url, "clerk"))
    ds = [clients(await WsClient.signed_in(url, f"d{i:03d}")) for i in range(1, 18)]
    watcher = ds[-1]
    await watcher.call("meeting.subscribe", meeting_id=1)
    await watcher.call("user.subscribe")

    await chair.act("meeting.start", meeting_id=1)
    for i, d in enumerate(ds):
        await d.act("attendance.check_in", meeting_id=1, **({"seat": "1"} if i == 0 else {}))
    await ds[1].act("attendance.check_out", meeting_id=1)
    snapshot = (await chair.call("meeting.subscribe", meeting_id=1))["snapshot"]
    ids = {p["username"]: p["user_id"] for p in snapshot["participants"]}
    await clerk.act("attendance.set_absence", meeting_id=1, user_id=ids["d020"], reason="Ốm")
    await chair.act("agenda.activate", meeting_id=1, item_id=2)
    r1 = await ds[0].act("speaker.request", meeting_id=1)
    r2 = await ds[2].act("speaker.request", meeting_id=1)
    await ds[2].act("speaker.withdraw", request_id=r2["request_id"])
    await chair.act("speaker.grant", request_id=r1["request_id"])
    await chair.act("speaker.finish", request_id=r1["request_id"])
    for secret in (False, True):
        poll = await clerk.act("poll.create", meeting_id=1, title="Biểu quyết", secret=secret)
        await chair.act("poll.open", poll_id=poll["poll_id"])
        await ds[0].act("poll.cast", poll_id=poll["poll_id"], choice="yes")
        await watcher.next_event("poll.progress")
        await chair.act("poll.close", poll_id=poll["poll_id"])
    await chair.act("hall.show", meeting_id=1, view="result", poll_id=poll["poll_id"])
    await chair.act("hall.show", meeting_id=1, view="auto")
    await chair.act("presentation.page", meeting_id=1, document_id=1, page=2)
    await chair.act("presentation.presenter", meeting_id=1, user_id=ids["d001"])
    await chair.act("presentation.presenter", meeting_id=1, user_id=None)
    await chair.act("presentation.stop", meeting_id=1)
    await chair.act("document.remove", meeting_id=1, document_id=2)
    note = await watcher.act("annotation.save", meeting_id=1, document_id=1, page=1,
                             kind="note", text="x")
    await watcher.act("annotation.delete", meeting_id=1, annotation_id=note["annotation_id"])
    await clerk.act("minutes.save", meeting_id=1, item_id=None, conclusions="<p>Kết luận</p>")
    await chair.act("meeting.end", meeting_id=1)
    await clerk.act("minutes.issue", meeting_id=1)
    await clerk.act("minutes.notice", meeting_id=1)
    last = await watcher.next_event("minutes.notice_issued")

    frames = [f for f in watcher.frames if f.get("type") == "event"]
    assert frames[-1] == last
    for frame in frames:
        name, data = frame["event"], frame["data"]
        assert tuple(data) == SHAPES[kind(name, data)], (name, tuple(data))
        payload = decode_data(msgspec.convert(frame, Event))
        assert isinstance(payload, EVENT_TYPES[name])
        assert ordered(msgspec.to_builtins(payload)) == ordered(data), name
    seen = {kind(f["event"], f["data"]) for f in frames}
    assert seen == set(SHAPES), set(SHAPES) - seen
