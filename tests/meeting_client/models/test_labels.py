"""The clerk's timeline names every kind of event in Vietnamese."""

from __future__ import annotations

from meeting_client.models.labels import EventContext, event_text
from meeting_protocol.envelope import Event


def ev(name: str, **data: object) -> Event:
    return Event(topic="meeting:1", seq=1, at="2026-11-24T02:00:00.000Z", event=name,
                 data=dict(data))


def test_documents_minutes_and_hall_events_read_as_sentences() -> None:
    ctx = EventContext(names={7: "Lê Văn Bình"})
    assert event_text(ev("document.added", document_id=3,
                         document={"title": "Tờ trình ngân sách"}), ctx) == (
        "Thêm tài liệu: Tờ trình ngân sách")
    assert event_text(ev("presentation.presenter", user_id=7), ctx) == (
        "Chỉ định người trình bày: Lê Văn Bình")
    assert event_text(ev("minutes.issued", number=7, year=2026, label="Số: 07/BB-HĐND"),
                      ctx) == "Cấp số biên bản: Số: 07/BB-HĐND"
    assert event_text(ev("hall.view", view="attendance"), ctx) == (
        "Đổi nội dung màn hình hội trường")
    assert event_text(ev("minutes.saved", item_id=2, version=3), ctx) == (
        "Thư ký cập nhật biên bản")
