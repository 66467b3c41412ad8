"""registry: entries, readers, history, links and the search index

Revision ID: reg01_registry
Revises: 0001
Create Date: 2026-12-04 10:30:00

A branch of its own (``registry``) off 0001. The search index depends on the backend:
an FTS5 table over the folded text on SQLite (filled by the module, which folds in
Python), a generated ``tsvector`` over ``unaccent`` (wrapped in an IMMUTABLE function)
with a GIN index on PostgreSQL.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "reg01_registry"
down_revision = "0001"
branch_labels = ("registry",)
depends_on = None

PG_FOLD = """
CREATE OR REPLACE FUNCTION registry_fold(text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$
"""
PG_VECTOR = """
ALTER TABLE registry_entries ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple'::regconfig, registry_fold(summary)), 'A') ||
  setweight(to_tsvector('simple'::regconfig, registry_fold(issuer || ' ' || doc_type)), 'B') ||
  setweight(to_tsvector('simple'::regconfig, registry_fold(coalesce(file_text, ''))), 'D')
) STORED
"""


def upgrade() -> None:
    op.create_table(
        "registry_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(3), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("registered_on", sa.String(10), nullable=False),
        sa.Column("symbol", sa.String(100), nullable=False),
        sa.Column("symbol_key", sa.String(100), nullable=False),
        sa.Column("issued_on", sa.String(10), nullable=False),
        sa.Column("issuer", sa.String(300), nullable=False),
        sa.Column("doc_type", sa.String(300), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("received_on", sa.String(10), nullable=True),
        sa.Column("urgency", sa.String(10), nullable=False),
        sa.Column("confidential", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("handler_id", sa.Integer(), nullable=True),
        sa.Column("handler_unit_id", sa.Integer(), nullable=True),
        sa.Column("deadline", sa.String(10), nullable=True),
        sa.Column("recipients", sa.Text(), nullable=True),
        sa.Column("signer", sa.String(300), nullable=True),
        sa.Column("archive_holder", sa.String(300), nullable=True),
        sa.Column("copies", sa.Integer(), nullable=True),
        sa.Column("forwarded_on", sa.String(10), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("file_sha256", sa.String(64), nullable=True),
        sa.Column("file_name", sa.String(300), nullable=True),
        sa.Column("file_size", sa.Integer(), nullable=True),
        sa.Column("file_text", sa.Text(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("cancelled_at", sa.String(32), nullable=True),
        sa.ForeignKeyConstraint(["handler_id"], ["users.id"],
                                name=op.f("fk_registry_entries_handler_id_users"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registry_entries")),
        sa.UniqueConstraint("direction", "year", "number", name="uq_registry_entries_number"),
    )
    op.create_index("ix_registry_entries_symbol_key", "registry_entries", ["symbol_key"])
    op.create_index("ix_registry_entries_registered", "registry_entries",
                    ["direction", "registered_on"])
    op.create_index("ix_registry_entries_issued_on", "registry_entries", ["issued_on"])
    op.create_index("ix_registry_entries_handler_id", "registry_entries", ["handler_id"])
    op.create_table(
        "registry_readers",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["entry_id"], ["registry_entries.id"],
                                name=op.f("fk_registry_readers_entry_id_registry_entries"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_registry_readers_user_id_users"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("entry_id", "user_id", name=op.f("pk_registry_readers")),
    )
    op.create_index("ix_registry_readers_user_id", "registry_readers", ["user_id"])
    op.create_table(
        "registry_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=True),
        sa.Column("handler_id", sa.Integer(), nullable=True),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("instruction", sa.Text(), nullable=True),
        sa.Column("deadline", sa.String(10), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["entry_id"], ["registry_entries.id"],
                                name=op.f("fk_registry_history_entry_id_registry_entries"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registry_history")),
    )
    op.create_index("ix_registry_history_entry_id", "registry_history", ["entry_id"])
    op.create_table(
        "registry_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("directive_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["entry_id"], ["registry_entries.id"],
                                name=op.f("fk_registry_links_entry_id_registry_entries"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registry_links")),
    )
    op.create_index("ix_registry_links_entry_id", "registry_links", ["entry_id"])

    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public")
        op.execute(PG_FOLD)
        op.execute(PG_VECTOR)
        op.execute("CREATE INDEX ix_registry_entries_search ON registry_entries "
                   "USING gin (search_vector)")
        op.execute("CREATE INDEX ix_registry_entries_symbol_pattern ON registry_entries "
                   "(symbol_key text_pattern_ops)")
    else:
        op.execute("CREATE VIRTUAL TABLE registry_fts USING fts5(summary, issuer, body, tags, "
                   "tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3')")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        op.execute("DROP TABLE IF EXISTS registry_fts")
    for name in ("registry_links", "registry_history", "registry_readers",
                 "registry_entries"):
        op.drop_table(name)
