"""Units, people's place in them, and global roles.

The ``admin`` role stays where it always was, ``users.is_admin`` (every check in
the server reads it); ``org_user_roles`` holds the other global roles. Position
(chức vụ) is ``users.title``, which the minutes already print. A user without an
``org_people`` row is active, in no unit, and need not change their password.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, ForeignKey, Integer, String, Table

from server.storage.schema import metadata

org_units = Table(
    "org_units",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(300), nullable=False),
    Column("code", String(50), nullable=True, unique=True),
    Column("parent_id", Integer, ForeignKey("org_units.id"), nullable=True, index=True),
    Column("head_id", Integer, ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
)

org_people = Table(
    "org_people",
    metadata,
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("unit_id", Integer, ForeignKey("org_units.id"), nullable=True, index=True),
    Column("active", Boolean, nullable=False),
    Column("must_change_password", Boolean, nullable=False),
    Column("email", String(200), nullable=True),
)

org_user_roles = Table(
    "org_user_roles",
    metadata,
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("role", String(16), primary_key=True),
)
