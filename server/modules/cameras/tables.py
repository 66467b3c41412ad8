"""The registered cameras and their health.

``url`` and ``sub_url`` (with any credentials in them) never leave the server.
``state``/``state_since`` are the last probe's verdict; ``down_since`` is when the
current outage began (kept while the camera stays down, across restarts too), so
the camera-down alert's ``rule_key`` names one outage whatever restarts happen.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Integer, String, Table

from server.storage.schema import metadata

cameras = Table(
    "cameras",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("group_name", String(100), nullable=False),
    Column("url", String(2000), nullable=False),
    Column("sub_url", String(2000), nullable=True),
    Column("seats", String(2000), nullable=False, default=""),
    Column("overview", Boolean, nullable=False, default=False),
    Column("state", String(16), nullable=False, default="idle"),
    Column("state_since", String(32), nullable=False),
    Column("down_since", String(32), nullable=True),
)
