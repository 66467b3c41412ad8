"""Alembic environment: always run with a connection handed in by the server."""

from __future__ import annotations

from alembic import context

from server.modules import load_all_tables

target_metadata = load_all_tables()
connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through server.storage.migrate")
context.configure(connection=connection, target_metadata=target_metadata,
                  render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
