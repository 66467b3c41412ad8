"""The terminal's sync engine: connection, reconnect, replicas (plain asyncio, no Qt)."""

from meeting_client.sync.backoff import Backoff, backoff_cap, backoff_delay
from meeting_client.sync.client import (
    CommandError,
    ConnectionState,
    NotConnected,
    PendingCommand,
    RequestTimeout,
    SyncClient,
    UserInfo,
)
from meeting_client.sync.replica import MeetingReplica, TopicFeed

__all__ = [
    "Backoff",
    "CommandError",
    "ConnectionState",
    "MeetingReplica",
    "NotConnected",
    "PendingCommand",
    "RequestTimeout",
    "SyncClient",
    "TopicFeed",
    "UserInfo",
    "backoff_cap",
    "backoff_delay",
]
