"""The fuzzing suite builds its frames from the command registry: ours are in it, with
their own field names (so fuzzed frames reach their handlers, not only the decoder)."""

from __future__ import annotations

from tests.resilience.test_protocol_fuzz import FIELDS, NAMES

OURS = {"alert.list": {"unacknowledged", "limit"}, "alert.ack": {"alert_id"},
        "message.send": {"to", "conversation_id", "text", "ref", "attachment_ids"},
        "message.list": {"conversation_id", "before", "limit"},
        "message.conversations": set(),
        "message.read": {"conversation_id", "message_id"}}


def test_the_fuzzer_knows_our_commands_and_their_fields() -> None:
    assert set(OURS) <= set(NAMES)
    for name, fields in OURS.items():
        assert set(FIELDS[name]) == fields, name
