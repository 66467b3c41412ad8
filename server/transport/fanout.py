"""Topic subscriptions and the encode-once fan-out of events."""

from __future__ import annotations

from collections import defaultdict
from typing import Protocol

from meeting_protocol.envelope import Event, encode
from server.transport.wire import text_frame


class Subscriber(Protocol):
    def send_wire(self, frame: bytes) -> None:
        """Write one whole WebSocket frame without waiting."""


class Hub:
    """Who listens to which topic. Publishing never awaits.

    Each event is encoded and framed once, and the same bytes are written to
    every subscriber's socket without waiting; a subscriber that cannot keep
    up is dropped by its own ``send_wire`` (see ``transport``), so it never delays the others.
    """

    def __init__(self) -> None:
        self._topics: dict[str, set[Subscriber]] = defaultdict(set)
        self.published = 0

    def subscribe(self, topic: str, sub: Subscriber) -> None:
        self._topics[topic].add(sub)

    def unsubscribe(self, topic: str, sub: Subscriber) -> None:
        subs = self._topics.get(topic)
        if subs is not None:
            subs.discard(sub)
            if not subs:
                del self._topics[topic]

    def subscribers(self, topic: str) -> int:
        return len(self._topics.get(topic, ()))

    def members(self, topic: str) -> list[Subscriber]:
        """A copy of the topic's subscribers (safe to call from the database thread:
        copying a set is one step under the GIL)."""
        return list(self._topics.get(topic, ()))

    def publish(self, events: list[Event]) -> None:
        for event in events:
            subs = self._topics.get(event.topic)
            self.published += 1
            if not subs:
                continue
            frame = text_frame(encode(event))
            for sub in list(subs):
                sub.send_wire(frame)
