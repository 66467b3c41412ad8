"""The fuzzing suite builds its frames from the command registry: ours are in it, with
their own field names."""

from __future__ import annotations

from tests.resilience.test_protocol_fuzz import FIELDS, NAMES

OURS = {"camera.list": set(), "camera.subscribe": {"since"},
        "camera.watch": {"camera_id", "sub"}}


def test_the_fuzzer_knows_our_commands_and_their_fields() -> None:
    assert set(OURS) <= set(NAMES)
    for name, fields in OURS.items():
        assert set(FIELDS[name]) == fields, name
