"""Tables of the documents registry.

``registry_entries`` is one line of a register (Nghị định 30/2020, Phụ lục IV). Dates are
``YYYY-MM-DD`` strings (they sort as dates on every backend). ``(direction, year,
number)`` is unique: two registrations can never share a number, whatever the backend.
The search index lives beside it: an FTS5 table ``registry_fts`` (rowid = entry id) on
SQLite, a generated ``search_vector`` column with a GIN index on PostgreSQL — both made by
the module's migration, neither part of this metadata (see ``search.py``).
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

registry_entries = Table(
    "registry_entries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("direction", String(3), nullable=False),
    Column("year", Integer, nullable=False),
    Column("number", Integer, nullable=False),
    Column("registered_on", String(10), nullable=False),
    Column("symbol", String(100), nullable=False),
    Column("symbol_key", String(100), nullable=False),
    Column("issued_on", String(10), nullable=False),
    Column("issuer", String(300), nullable=False),
    Column("doc_type", String(300), nullable=False),
    Column("summary", Text, nullable=False),
    Column("received_on", String(10), nullable=True),
    Column("urgency", String(10), nullable=False),
    Column("confidential", Boolean, nullable=False),
    Column("status", String(12), nullable=False),
    Column("handler_id", Integer, ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
    Column("handler_unit_id", Integer, nullable=True),
    Column("deadline", String(10), nullable=True),
    Column("recipients", Text, nullable=True),
    Column("signer", String(300), nullable=True),
    Column("archive_holder", String(300), nullable=True),
    Column("copies", Integer, nullable=True),
    Column("forwarded_on", String(10), nullable=True),
    Column("note", Text, nullable=True),
    Column("file_sha256", String(64), nullable=True),
    Column("file_name", String(300), nullable=True),
    Column("file_size", Integer, nullable=True),
    Column("file_text", Text, nullable=True),
    Column("created_by", Integer, nullable=True),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Column("cancelled_at", String(32), nullable=True),
    UniqueConstraint("direction", "year", "number", name="uq_registry_entries_number"),
    Index("ix_registry_entries_symbol_key", "symbol_key"),
    Index("ix_registry_entries_registered", "direction", "registered_on"),
    Index("ix_registry_entries_issued_on", "issued_on"),
    Index("ix_registry_entries_handler_id", "handler_id"),
)

registry_readers = Table(
    "registry_readers",
    metadata,
    Column("entry_id", Integer, ForeignKey("registry_entries.id", ondelete="CASCADE"),
           primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_registry_readers_user_id", "user_id"),
)

registry_history = Table(
    "registry_history",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("entry_id", Integer, ForeignKey("registry_entries.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("action", String(16), nullable=False),
    Column("at", String(32), nullable=False),
    Column("by_id", Integer, nullable=True),
    Column("handler_id", Integer, nullable=True),
    Column("unit_id", Integer, nullable=True),
    Column("instruction", Text, nullable=True),
    Column("deadline", String(10), nullable=True),
    Column("note", Text, nullable=True),
)

registry_links = Table(
    "registry_links",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("entry_id", Integer, ForeignKey("registry_entries.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("meeting_id", Integer, nullable=True),
    Column("item_id", Integer, nullable=True),
    Column("directive_id", Integer, nullable=True),
    Column("at", String(32), nullable=False),
    Column("by_id", Integer, nullable=True),
)
