"""Conversations, their members (with how far each has read) and the messages.

A conversation is the set of its members: ``member_key`` (a hash of the sorted
member ids) finds "the existing conversation of exactly those people". Message
text lives here only, never in the event log.
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, Integer, String, Table, Text

from server.storage.schema import metadata

conversations = Table(
    "conversations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("member_key", String(64), nullable=False, unique=True),
    Column("created_at", String(32), nullable=False),
    Column("last_message_at", String(32), nullable=True),
)

conversation_members = Table(
    "conversation_members",
    metadata,
    Column("conversation_id", Integer, ForeignKey("conversations.id", ondelete="CASCADE"),
           primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True,
           index=True),
    Column("last_read_id", Integer, nullable=False),
)

messages = Table(
    "messages",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("conversation_id", Integer, ForeignKey("conversations.id", ondelete="CASCADE"),
           nullable=False),
    Column("from_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("text", Text, nullable=False),
    Column("sent_at", String(32), nullable=False),
    Column("ref_kind", String(16), nullable=True),
    Column("ref_id", Integer, nullable=True),
    Index("ix_messages_conversation", "conversation_id", "id"),
)
