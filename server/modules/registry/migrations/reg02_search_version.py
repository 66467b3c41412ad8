"""registry: a version of the SQLite search index, for remembered match counts

Revision ID: reg02_search_version
Revises: reg01_registry
Create Date: 2026-12-04 14:45:00

``registry_fts_version`` holds one number that every change to ``registry_fts`` raises in
the same transaction (``search.SqliteBackend.put``/``put_many``): a count remembered under
an older number is never used, whichever process (the server, ``registry import``) wrote.
SQLite only, like the index itself.
"""

from __future__ import annotations

from alembic import op

revision = "reg02_search_version"
down_revision = "reg01_registry"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        op.execute("CREATE TABLE registry_fts_version (id INTEGER PRIMARY KEY CHECK (id = 1), "
                   "version INTEGER NOT NULL)")
        op.execute("INSERT INTO registry_fts_version (id, version) VALUES (1, 0)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        op.execute("DROP TABLE IF EXISTS registry_fts_version")
