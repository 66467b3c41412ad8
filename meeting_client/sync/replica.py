"""A terminal's copy of one meeting, kept equal to the server's by applying events.

:class:`MeetingReplica` holds the state and tells listeners about changes;
it is built from a snapshot and advanced one ``seq`` at a time with the pure
reducer of :mod:`meeting_protocol.state`, so it can only ever equal the
server's state at some ``seq``. Ordering the stream (buffering, dropping
duplicates, noticing gaps) is the job of :class:`TopicFeed`, which does no
I/O so that the tricky part is testable without a network.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from meeting_protocol.envelope import Event
from meeting_protocol.events import meeting_topic
from meeting_protocol.state import Snapshot, apply_event

logger = logging.getLogger(__name__)

ReplicaListener = Callable[[Snapshot, Event | None], None]


class MeetingReplica:
    """The state of meeting ``meeting_id`` as of event ``seq``.

    Listeners run after each applied event (with that event) and after a full
    reset from a snapshot (with ``None``). A listener that raises is logged
    and does not stop the others, nor the replica.
    """

    def __init__(self, meeting_id: int, seq: int, state: Snapshot) -> None:
        self._meeting_id = meeting_id
        self._topic = meeting_topic(meeting_id)
        self._seq = seq
        self._state = state
        self._listeners: list[ReplicaListener] = []

    def __repr__(self) -> str:
        return f"<MeetingReplica meeting_id={self._meeting_id} seq={self._seq}>"

    @property
    def meeting_id(self) -> int:
        return self._meeting_id

    @property
    def topic(self) -> str:
        """The event topic this replica follows, ``meeting:<id>``."""
        return self._topic

    @property
    def seq(self) -> int:
        """The ``seq`` of the last event reflected in :attr:`state`."""
        return self._seq

    @property
    def state(self) -> Snapshot:
        """The current state; a new object after every change, never mutated."""
        return self._state

    def add_listener(self, cb: ReplicaListener) -> None:
        self._listeners.append(cb)

    def remove_listener(self, cb: ReplicaListener) -> None:
        """Forget ``cb``; forgetting one that was never added is not an error."""
        with contextlib.suppress(ValueError):
            self._listeners.remove(cb)

    def apply(self, event: Event) -> bool:
        """Apply ``event`` if it is the next one.

        Returns:
            True when the event was applied or was a duplicate (``seq`` at or
            below :attr:`seq`, ignored); False on a gap, i.e. events are
            missing before this one and the caller must re-subscribe.

        Raises:
            ValueError: the event belongs to another topic.
            MalformedEvent: the event's data does not fit its struct (a
                KeyError and a ValueError); the replica is left unchanged.
        """
        if event.topic != self._topic:
            raise ValueError(f"event of {event.topic!r} offered to {self._topic!r}")
        if event.seq <= self._seq:
            return True
        if event.seq != self._seq + 1:
            return False
        # Reduce first: if the event is malformed, seq and state stay consistent.
        self._state = apply_event(self._state, event)
        self._seq = event.seq
        self._notify(event)
        return True

    def reset(self, seq: int, snapshot: Snapshot) -> None:
        """Replace the whole state with the server's snapshot as of ``seq``."""
        self._seq = seq
        self._state = snapshot
        self._notify(None)

    def _notify(self, event: Event | None) -> None:
        for cb in list(self._listeners):
            try:
                cb(self._state, event)
            except Exception:
                logger.exception("replica listener %r failed", cb)


@dataclass
class FeedOutcome:
    """What the owner of a :class:`TopicFeed` must do after feeding it.

    Attributes:
        applied: events applied to the replica, in order, to pass on to
            event listeners.
        resync: the stream has a gap that only a re-subscribe can fill; send
            ``meeting.subscribe`` with ``since=feed.replica.seq``.
    """

    applied: list[Event] = field(default_factory=list)
    resync: bool = False


class TopicFeed:
    """Puts one meeting topic's events in order for its replica (no I/O).

    The server's stream is ordered, but a terminal still sees events it cannot
    apply yet: live events that arrive while a ``meeting.subscribe`` is
    awaiting its result, replayed events around a re-subscribe, and events
    after a gap. The feed keeps those until they fit, drops duplicates, and
    says when to re-subscribe. The owner sends at most one subscribe at a
    time: it calls :meth:`begin_subscribe` before sending and passes the
    reply to :meth:`subscribed` or :meth:`subscribe_failed`.
    """

    def __init__(self, meeting_id: int) -> None:
        self.meeting_id = meeting_id
        self.topic = meeting_topic(meeting_id)
        self.replica: MeetingReplica | None = None
        self.subscribing = False
        """A ``meeting.subscribe`` is on the wire; events are held until its result."""
        self._replay_until = 0
        self._need_snapshot = False
        self._held: dict[int, Event] = {}

    def __repr__(self) -> str:
        return (f"<TopicFeed {self.topic} since={self.since} subscribing={self.subscribing}"
                f" held={len(self._held)}>")

    @property
    def held(self) -> int:
        """How many events wait for an earlier one (for diagnostics and tests)."""
        return len(self._held)

    @property
    def since(self) -> int:
        """The ``since`` to subscribe with: what the replica has, or 0 for a snapshot."""
        if self.replica is None or self._need_snapshot:
            return 0
        return self.replica.seq

    def begin_subscribe(self) -> None:
        self.subscribing = True

    def subscribe_failed(self) -> None:
        """The subscribe got an error or was lost; held events stay for the next try."""
        self.subscribing = False

    def connection_lost(self) -> None:
        """Nothing more will come on the old connection; a re-subscribe replays it."""
        self.subscribing = False
        self._replay_until = 0
        self._held.clear()

    def subscribed(self, seq: int, snapshot: Snapshot | None) -> FeedOutcome:
        """Take a ``meeting.subscribe`` result: ``{"seq": N}`` or ``{"seq": N, "snapshot": …}``.

        After a snapshot the replica is reset to it; after a bare ``seq`` the
        server replays the missed events next, and they come through
        :meth:`offer` like live ones.

        Raises:
            ValueError: a first subscribe answered without a snapshot, which
                leaves nothing to build the replica from.
        """
        self.subscribing = False
        outcome = FeedOutcome()
        if snapshot is not None:
            self._need_snapshot = False
            if self.replica is None:
                self.replica = MeetingReplica(self.meeting_id, seq, snapshot)
            else:
                self.replica.reset(seq, snapshot)
        elif self.replica is None:
            raise ValueError(f"subscribe to {self.topic} answered without a snapshot")
        elif seq < self.replica.seq or self._need_snapshot:
            # The server is behind us (a restored backup?) or ignored our wish
            # for a snapshot: our state cannot be trusted, ask again from 0.
            logger.warning("%s: server at seq %d, replica at %d; asking for a snapshot",
                           self.topic, seq, self.replica.seq)
            self._want_snapshot(outcome)
            return outcome
        self._replay_until = seq
        self._drain(outcome)
        return outcome

    def offer(self, event: Event) -> FeedOutcome:
        """Take one pushed event of this topic."""
        outcome = FeedOutcome()
        replica = self.replica
        if self.subscribing or replica is None:
            self._held.setdefault(event.seq, event)
            return outcome
        if event.seq <= replica.seq:
            return outcome
        if event.seq == replica.seq + 1:
            if self._apply(event, outcome):
                self._drain(outcome)
            return outcome
        self._held.setdefault(event.seq, event)
        self._check_gap(event.seq, outcome)
        return outcome

    def _drain(self, outcome: FeedOutcome) -> None:
        """Apply the held events that now follow on; notice a gap behind the rest."""
        replica = self.replica
        if replica is None:  # pragma: no cover - callers checked
            return
        for seq in [s for s in self._held if s <= replica.seq]:
            del self._held[seq]
        while (event := self._held.pop(replica.seq + 1, None)) is not None:
            if not self._apply(event, outcome):
                return
        if self._held:
            self._check_gap(max(self._held), outcome)

    def _check_gap(self, newest: int, outcome: FeedOutcome) -> None:
        """Ask for a re-subscribe unless the missing events are still due from a replay.

        After a ``{"seq": N}`` result, events up to N are on their way; an
        event beyond N + 1 while some up to N are missing means the replay
        itself lost something.
        """
        replica = self.replica
        if replica is None or self.subscribing:
            return
        if replica.seq < self._replay_until and newest <= self._replay_until + 1:
            return
        outcome.resync = True

    def _apply(self, event: Event, outcome: FeedOutcome) -> bool:
        replica = self.replica
        if replica is None:  # pragma: no cover - callers checked
            return False
        try:
            replica.apply(event)
        except (KeyError, TypeError, ValueError):
            # A malformed event cannot be skipped (the state would silently
            # differ from the server's): take the server's snapshot instead.
            logger.exception("%s: cannot apply event %d", self.topic, event.seq)
            self._want_snapshot(outcome)
            return False
        outcome.applied.append(event)
        return True

    def _want_snapshot(self, outcome: FeedOutcome) -> None:
        self._need_snapshot = True
        self._held.clear()
        self._replay_until = 0
        outcome.resync = True
