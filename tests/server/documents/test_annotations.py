"""Private annotations: stored per user, shown to that user alone, pushed to the same
user's other terminals through ``user:<id>``."""

from __future__ import annotations

import asyncio

from tests.support.wsclient import WsClient


async def test_annotations_are_private_and_reach_the_same_users_other_terminal(
        docs_server, terminal) -> None:
    d1 = await terminal("d001")
    d2 = await terminal("d002")
    tablet = await WsClient.signed_in(docs_server.url, "d001")  # d001's second terminal
    try:
        sub = await tablet.call("user.subscribe", since=0)
        assert sub["topic"] == f"user:{d1.user_id}"
        await d2.ws.call("user.subscribe", since=0)
        saved = await d1.ws.act(
            "annotation.save", meeting_id=1, document_id=1, page=2, kind="highlight",
            rects=[[72.0, 100.5, 300.0, 14.0], [72.0, 116.0, 120.0, 14.0]],
            text="dự toán thu ngân sách", color="#ffd54f")
        note = await d1.ws.act("annotation.save", meeting_id=1, document_id=1, page=3,
                               kind="note", text="Hỏi lại Ban Kinh tế về số liệu.")
        pushed = await tablet.next_event("annotation.changed")
        assert pushed["topic"] == f"user:{d1.user_id}"
        assert pushed["data"] == {"document_id": 1, "annotation_id": saved["annotation_id"],
                                  "deleted": False}
        assert "ngân sách" not in str(pushed)  # the log names the change, not the words
        mine = await tablet.call("annotation.list", meeting_id=1, document_id=1)
        assert [(a["page"], a["kind"], a["text"]) for a in mine["annotations"]] == [
            (2, "highlight", "dự toán thu ngân sách"),
            (3, "note", "Hỏi lại Ban Kinh tế về số liệu.")]
        assert mine["annotations"][0]["rects"] == [[72.0, 100.5, 300.0, 14.0],
                                                   [72.0, 116.0, 120.0, 14.0]]

        # Another delegate sees none of it, cannot change or delete it.
        theirs = await d2.ws.call("annotation.list", meeting_id=1, document_id=1)
        assert theirs["annotations"] == []
        gone = await d2.ws.act("annotation.delete", meeting_id=1,
                               annotation_id=saved["annotation_id"])
        assert gone == {"annotation_id": saved["annotation_id"], "deleted": False}
        refused = await d2.ws.raw("annotation.save", key="x", meeting_id=1, document_id=1,
                                  page=2, kind="note", text="sửa trộm",
                                  annotation_id=note["annotation_id"])
        assert refused["code"] == "not_found"
        # The chair neither: annotations are nobody's business but their author's.
        chair = await terminal("chair")
        assert (await chair.ws.call("annotation.list", meeting_id=1, document_id=1)
                )["annotations"] == []
        # d002 heard nothing on its own topic (its next event is its own change).
        await d2.ws.act("annotation.save", meeting_id=1, document_id=1, page=1,
                        kind="note", text="của tôi")
        first = await d2.ws.next_event()
        assert first["topic"] == f"user:{d2.user_id}" and first["data"]["deleted"] is False

        # Deleting one's own pushes too; the second terminal's list follows.
        assert (await d1.ws.act("annotation.delete", meeting_id=1,
                                annotation_id=saved["annotation_id"]))["deleted"] is True
        await tablet.next_event("annotation.changed")  # the note
        deleted = await tablet.next_event("annotation.changed")
        assert deleted["data"]["deleted"] is True
        left = await tablet.call("annotation.list", meeting_id=1, document_id=1)
        assert [a["annotation_id"] for a in left["annotations"]] == [note["annotation_id"]]
    finally:
        await tablet.close()


async def test_user_subscribe_resumes_from_since(docs_server, terminal) -> None:
    d1 = await terminal("d001")
    first = await d1.ws.call("user.subscribe", since=0)
    for page in (1, 2):
        await d1.ws.act("annotation.save", meeting_id=1, document_id=1, page=page,
                        kind="note", text=f"trang {page}")
    other = await WsClient.signed_in(docs_server.url, "d001")
    try:
        again = await other.call("user.subscribe", since=first["seq"] + 1)
        # + 3: the two notes, then "session.elsewhere" (d001 now follows on two terminals)
        assert "reset" not in again and again["seq"] == first["seq"] + 3
        missed = await other.next_event("annotation.changed")
        assert missed["seq"] == first["seq"] + 2
        await asyncio.sleep(0)
    finally:
        await other.close()


async def test_one_user_on_two_terminals_is_told_on_both(docs_server, terminal) -> None:
    d1 = await terminal("d001")
    first = await d1.ws.call("user.subscribe", since=0)
    assert "terminals" not in first  # alone
    other = await WsClient.signed_in(docs_server.url, "d001")
    try:
        second = await other.call("user.subscribe", since=0)
        assert second["terminals"] == 2  # the newcomer: in its reply
        told = await d1.ws.next_event("session.elsewhere")  # the first: by an event
        assert told["topic"] == f"user:{d1.user_id}" and told["data"] == {"terminals": 2}
        assert told["seq"] == second["seq"]  # in the log like any event of the topic
    finally:
        await other.close()
    # Someone else on their own terminal is not concerned.
    d2 = await terminal("d002")
    alone = await d2.ws.call("user.subscribe", since=0)
    assert "terminals" not in alone
