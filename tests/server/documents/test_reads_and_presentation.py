"""Read receipts (who has not opened which paper) and presenting (who turns the pages)."""

from __future__ import annotations

from tests.server.documents.conftest import PAPERS
from tests.support.wsclient import Failed


async def test_the_first_opening_counts_and_the_chair_sees_who_has_not_read(
        docs_server, terminal) -> None:
    d1, d2 = await terminal("d001"), await terminal("d002")
    chair = await terminal("chair")
    first = await d1.ws.act("document.opened", meeting_id=1, document_id=1)
    again = await d1.ws.act("document.opened", meeting_id=1, document_id=1)
    assert again["first_opened_at"] == first["first_opened_at"]
    await d2.ws.act("document.opened", meeting_id=1, document_id=2)
    readers = await chair.ws.call("document.readers", meeting_id=1)
    by_doc = {d["document_id"]: d for d in readers["documents"]}
    assert [r["user_id"] for r in by_doc[1]["opened"]] == [d1.user_id]
    assert by_doc[1]["opened"][0]["at"] == first["first_opened_at"]
    assert d2.user_id in by_doc[1]["not_opened"] and d1.user_id not in by_doc[1]["not_opened"]
    assert [r["user_id"] for r in by_doc[2]["opened"]] == [d2.user_id]
    # A confidential paper's readers are chair and clerk only.
    clerk = await terminal("clerk")
    secret = await clerk.upload(PAPERS / "bao-cao-tham-tra.pdf", access="confidential")
    one = await chair.ws.call("document.readers", meeting_id=1,
                              document_id=secret["document_id"])
    (entry,) = one["documents"]
    assert sorted(entry["not_opened"]) == sorted([chair.user_id, clerk.user_id])
    # Delegates may not ask.
    try:
        await d1.ws.call("document.readers", meeting_id=1)
    except Failed as refused:
        assert refused.code == "forbidden"
    else:
        raise AssertionError("a delegate saw the read receipts")


async def test_the_chair_names_a_presenter_who_then_turns_everyones_pages(
        docs_server, terminal) -> None:
    chair = await terminal("chair")
    d1, d2 = await terminal("d001"), await terminal("d002")
    await d1.ws.call("meeting.subscribe", meeting_id=1, since=0)
    refused = await d2.ws.raw("presentation.page", key="p0", meeting_id=1, document_id=1,
                              page=2)
    assert refused["code"] == "forbidden"
    await chair.ws.act("presentation.presenter", meeting_id=1, user_id=d2.user_id)
    named = await d1.ws.next_event("presentation.presenter")
    assert named["data"] == {"user_id": d2.user_id}
    assert await d2.ws.act("presentation.page", meeting_id=1, document_id=1, page=4) == {
        "document_id": 1, "page": 4}
    turned = await d1.ws.next_event("presentation.page")
    assert turned["data"] == {"document_id": 1, "page": 4, "presenter_id": d2.user_id}
    assert (await d1.ws.raw("presentation.page", key="p1", meeting_id=1, document_id=1,
                            page=5))["code"] == "forbidden"
    snap = (await (await terminal("d003")).ws.call("meeting.subscribe", meeting_id=1,
                                                   since=0))["snapshot"]
    assert snap["designated_presenter"] == d2.user_id
    assert snap["presentation"] == {"document_id": 1, "page": 4, "presenter_id": d2.user_id}
    assert (await d2.ws.act("presentation.stop", meeting_id=1)) == {"stopped": True}
    await d1.ws.next_event("presentation.stopped")
    await chair.ws.act("presentation.presenter", meeting_id=1, user_id=None)
    assert (await d1.ws.next_event("presentation.presenter"))["data"] == {"user_id": None}
    assert (await d2.ws.raw("presentation.page", key="p2", meeting_id=1, document_id=1,
                            page=2))["code"] == "forbidden"
