"""Commands and events as typed structs: each names its wire type, and encodes as it must."""

from __future__ import annotations

import msgspec
import pytest

from meeting_protocol import events as ev
from meeting_protocol.commands import (
    COMMAND_PAYLOADS,
    MeetingTimeline,
    Payload,
    PollCreate,
    command_type,
    fields_of,
)
from meeting_protocol.documents import DOCUMENT_PAYLOADS, DocumentInfo, DocumentRef
from meeting_protocol.envelope import Event, command_frame
from meeting_protocol.hall import HallShow
from meeting_protocol.minutes import MINUTES_PAYLOADS, MinutesSave
from meeting_protocol.state import (
    REDUCED_EVENTS,
    Attendance,
    MeetingInfo,
    Snapshot,
    apply_event,
)
from server.app import build_registry

SENDABLE: dict[str, type[Payload]] = {
    **COMMAND_PAYLOADS, **DOCUMENT_PAYLOADS, **MINUTES_PAYLOADS, HallShow.TYPE: HallShow}


def _sendable() -> dict[str, type[Payload]]:
    """Every payload struct that names a command, the modules' included (by subclassing)."""
    found: dict[str, type[Payload]] = {}
    stack: list[type[Payload]] = [Payload]
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if cls.TYPE:
            assert found.setdefault(cls.TYPE, cls) is cls, f"two structs send {cls.TYPE}"
    return found


def test_every_server_command_has_a_struct_that_names_it() -> None:
    registry = build_registry()
    sendable = _sendable()
    assert SENDABLE.items() <= sendable.items()
    for spec in registry:
        cls = sendable[spec.name]
        assert spec.name == cls.TYPE
        assert issubclass(cls, spec.payload), spec.name  # the server decodes it as sent
    assert all(name == cls.TYPE for name, cls in SENDABLE.items())


def test_a_shared_payload_type_cannot_be_sent_without_its_command() -> None:
    with pytest.raises(TypeError):
        command_type(DocumentRef(meeting_id=1, document_id=2))


def test_fields_left_at_a_none_default_stay_off_the_wire() -> None:
    assert fields_of(HallShow(meeting_id=1, view="auto")) == {"meeting_id": 1, "view": "auto"}
    assert fields_of(HallShow(meeting_id=1, view="result", poll_id=4))["poll_id"] == 4
    # a required field that may be null, and non-None defaults, are sent as they are
    assert fields_of(MinutesSave(meeting_id=1, item_id=None)) == {
        "meeting_id": 1, "item_id": None, "opinions": "", "conclusions": "", "base_version": 0}
    assert fields_of(MeetingTimeline(meeting_id=1)) == {
        "meeting_id": 1, "after": 0, "limit": 1000}
    created = fields_of(PollCreate(meeting_id=1, title="A"))
    assert "majority" not in created and created["options"] == ["yes", "no", "abstain"]
    frame = msgspec.json.decode(command_frame(7, "hall.show", HallShow(meeting_id=1,
                                                                       view="auto"), key="k"))
    assert frame == {"id": 7, "type": "hall.show", "key": "k", "meeting_id": 1, "view": "auto"}


def test_every_reduced_event_has_a_struct_of_that_name() -> None:
    assert set(ev.EVENT_TYPES) >= REDUCED_EVENTS
    assert all(name == cls.NAME for name, cls in ev.EVENT_TYPES.items())


def test_an_event_that_leaves_a_field_out_encodes_without_it() -> None:
    started = ev.data_of(ev.MeetingStatusChanged(status="in_progress", started_at="t"))
    assert list(started) == ["status", "started_at"]
    info = DocumentInfo(id=3, title="Tờ trình", filename="a.pdf", sha256="0" * 64, size=1)
    whole = ev.data_of(ev.DocumentAdded(document_id=3, version=1, document=info))
    assert list(whole) == ["document_id", "version", "document"]
    assert whole["document"] == msgspec.to_builtins(info)
    hidden = ev.data_of(ev.DocumentReplaced(document_id=3, version=2, restricted=True))
    assert hidden == {"document_id": 3, "version": 2, "restricted": True}


def test_the_reducer_decodes_documents_and_refuses_malformed_data() -> None:
    state = Snapshot(
        meeting=MeetingInfo(id=1, title="Kỳ họp", starts_at="t", status="in_progress",
                            quorum=16, majority="absolute"),
        agenda=[], participants=[], speakers=[], polls=[],
        attendance=Attendance(present=0, expected=30, quorum_met=False))
    info = DocumentInfo(id=3, title="Tờ trình", filename="a.pdf", sha256="0" * 64, size=1)
    added = Event(topic="meeting:1", seq=1, at="t", event="document.added",
                  data=ev.data_of(ev.DocumentAdded(document_id=3, version=1, document=info)))
    state = apply_event(state, added)
    assert state.documents == [info]
    restricted = Event(topic="meeting:1", seq=2, at="t", event="document.replaced",
                       data={"document_id": 3, "version": 2, "restricted": True})
    assert apply_event(state, restricted).documents == []
    broken = Event(topic="meeting:1", seq=3, at="t", event="poll.progress",
                   data={"poll_id": "3", "cast": 1, "eligible": 30})
    with pytest.raises(ev.MalformedEvent) as info_:
        apply_event(state, broken)
    assert isinstance(info_.value, KeyError) and isinstance(info_.value, ValueError)
    unknown = Event(topic="meeting:1", seq=3, at="t", event="camera.moved", data={})
    assert apply_event(state, unknown) is state
    assert ev.decode_data(unknown) is None
