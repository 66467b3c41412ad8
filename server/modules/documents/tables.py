"""Tables of meeting documents: the current version, earlier versions, who may read
what, who opened what, private annotations, and the designated presenter.

``documents`` holds each paper's current version (so the core snapshot and
``presentation.page`` need no join); ``document_versions`` keeps every version
a replacement superseded, blobs included, for the record.
"""

from __future__ import annotations

from sqlalchemy import (
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

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("meeting_id", Integer, ForeignKey("meetings.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("agenda_item_id", Integer, nullable=True),
    Column("title", String(500), nullable=False),
    Column("filename", String(300), nullable=False),
    Column("sha256", String(64), nullable=False, index=True),
    Column("size", Integer, nullable=False),
    Column("mime", String(100), nullable=False),
    Column("created_at", String(32), nullable=False),
    # Added by revision 0002_documents:
    Column("version", Integer, nullable=False, default=1, server_default="1"),
    Column("access", String(16), nullable=False, default="all", server_default="all"),
    Column("original_sha256", String(64), nullable=True),
    Column("original_size", Integer, nullable=True),
    Column("original_filename", String(300), nullable=True),
    Column("updated_at", String(32), nullable=True),
    Column("removed_at", String(32), nullable=True),
)

document_versions = Table(
    "document_versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("version", Integer, nullable=False),
    Column("title", String(500), nullable=False),
    Column("filename", String(300), nullable=False),
    Column("sha256", String(64), nullable=False, index=True),
    Column("size", Integer, nullable=False),
    Column("mime", String(100), nullable=False),
    Column("original_sha256", String(64), nullable=True),
    Column("original_size", Integer, nullable=True),
    Column("original_filename", String(300), nullable=True),
    Column("created_at", String(32), nullable=False),
    Column("superseded_at", String(32), nullable=False),
    UniqueConstraint("document_id", "version"),
)

document_access = Table(
    "document_access",
    metadata,
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"),
           primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
)

document_reads = Table(
    "document_reads",
    metadata,
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"),
           primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("first_opened_at", String(32), nullable=False),
)

annotations = Table(
    "annotations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("meeting_id", Integer, ForeignKey("meetings.id", ondelete="CASCADE"),
           nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"),
           nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("page", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("rects", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("color", String(7), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Index("ix_annotations_user_id", "user_id", "document_id"),
)

presenters = Table(
    "presenters",
    metadata,
    Column("meeting_id", Integer, ForeignKey("meetings.id", ondelete="CASCADE"),
           primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
)
