"""Poll tables. Secret ballots are split on purpose (PROTOCOL.md, DESIGN.md #3).

``poll_voters`` knows *who* voted (to refuse a second ballot) and nothing
else: no choice, no time. ``poll_tallies`` holds one counter per option,
updated in place, so no row, key, timestamp or insertion order ties a voter
to a choice. Only open (non-secret) polls also write ``open_ballots``.

While a *secret* poll is open, its voters and counters are not here but in the
side database (``secret_voters`` / ``secret_tallies`` below): the main
database's WAL would keep one page image per commit and so pair voters with
choices (issue 12).
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, ForeignKey, Integer, String, Table, Text

from server.storage.schema import metadata
from server.storage.sidestore import metadata as side_metadata

polls = Table(
    "polls",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("meeting_id", Integer, ForeignKey("meetings.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("agenda_item_id", Integer, nullable=True),
    Column("title", String(500), nullable=False),
    Column("secret", Boolean, nullable=False),
    Column("options", Text, nullable=False),  # JSON list, in display order
    Column("majority", String(16), nullable=False),
    Column("status", String(16), nullable=False),  # draft | open | closed
    Column("eligible", Integer, nullable=False, default=0),
    Column("created_at", String(32), nullable=False),
    Column("opened_at", String(32), nullable=True),
    Column("closed_at", String(32), nullable=True),
    Column("outcome", String(16), nullable=True),
)

poll_voters = Table(
    "poll_voters",
    metadata,
    Column("poll_id", Integer, ForeignKey("polls.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", Integer, primary_key=True),
    sqlite_with_rowid=False,  # no rowid: row order carries no information
)

poll_tallies = Table(
    "poll_tallies",
    metadata,
    Column("poll_id", Integer, ForeignKey("polls.id", ondelete="CASCADE"), primary_key=True),
    Column("option", String(100), primary_key=True),
    Column("count", Integer, nullable=False, default=0),
)

open_ballots = Table(
    "open_ballots",
    metadata,
    Column("poll_id", Integer, ForeignKey("polls.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", Integer, primary_key=True),
    Column("choice", String(100), nullable=False),
    Column("cast_at", String(32), nullable=False),
)


# --- the side database (``server.storage.sidestore``): open secret polls only ---------
# While a secret poll is open its voter marks and counters live here, in a database
# that keeps no history; at close the final counters and the voter list move to
# ``poll_tallies`` / ``poll_voters`` above in one commit, and these rows are deleted.

secret_voters = Table(
    "secret_voters",
    side_metadata,
    Column("poll_id", Integer, primary_key=True),
    Column("user_id", Integer, primary_key=True),
    Column("key_hash", String(64), nullable=True),
    # SHA-256 of the ballot's idempotency key: the side database commits before the
    # main one, so a retry after a crash between the two finds the ballot here only.
    sqlite_with_rowid=False,
)

secret_tallies = Table(
    "secret_tallies",
    side_metadata,
    Column("poll_id", Integer, primary_key=True),
    Column("option", String(100), primary_key=True),
    Column("count", Integer, nullable=False),
    sqlite_with_rowid=False,
)
