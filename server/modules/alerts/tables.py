"""Alerts, who received each one, the ingest sources, and the rules' cursors.

An alert is stored once; ``alert_recipients`` holds one row per recipient
(resolved when it was raised: a user who joins a unit later does not get old
alerts) with that recipient's acknowledgement. ``rule_key`` makes a rule's
firing unique: the key is written in the same transaction as the alert, so a
rule fires once per occasion whatever restarts happen in between.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from server.storage.schema import metadata

alert_sources = Table(
    "alert_sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("rate_per_s", Integer, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("revoked_at", String(32), nullable=True),
)

alerts = Table(
    "alerts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("level", String(16), nullable=False),
    Column("title", String(300), nullable=False),
    Column("body", Text, nullable=False),
    Column("link", String(2000), nullable=True),
    Column("source", String(100), nullable=False),
    Column("raised_at", String(32), nullable=False),
    Column("source_id", Integer, ForeignKey("alert_sources.id"), nullable=True),
    Column("idempotency_key", String(100), nullable=True),
    Column("rule_key", String(200), nullable=True, unique=True),
    UniqueConstraint("source_id", "idempotency_key", name="uq_alerts_source_key"),
)

alert_recipients = Table(
    "alert_recipients",
    metadata,
    Column("alert_id", Integer, ForeignKey("alerts.id", ondelete="CASCADE"),
           primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("acknowledged_at", String(32), nullable=True),
    Index("ix_alert_recipients_user", "user_id", "alert_id"),
)

alert_cursors = Table(
    "alert_cursors",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("seq", Integer, nullable=False),
    Column("flag", Boolean, nullable=False),
)
"""Where a scanning rule stands in a topic (e.g. ``quorum:<meeting>``: the last
attendance event seen and whether quorum was met then)."""
