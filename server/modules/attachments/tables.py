"""The attachments table: one row per stored file, staged (no owner) until the owner's
command claims it."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, Integer, String, Table

from server.storage.schema import metadata

attachments = Table(
    "attachments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uploader_id", Integer, ForeignKey("users.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("filename", String(300), nullable=False),
    Column("size", Integer, nullable=False),
    Column("sha256", String(64), nullable=False, index=True),  # the file as uploaded
    # What the reader opens: the PDF itself, or the conversion of an office file.
    Column("pdf_sha256", String(64), nullable=True, index=True),
    Column("mime", String(100), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("owner_kind", String(32), nullable=True),
    Column("owner_id", Integer, nullable=True),
    Column("claimed_at", String(32), nullable=True),
    Index("ix_attachments_owner", "owner_kind", "owner_id"),
)
