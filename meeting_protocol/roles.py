"""Roles: in a meeting (per participant) and global (per user).

Both sides need them: the server to decide who may run a command, the
terminal to decide which controls to show.
"""

from __future__ import annotations

# In a meeting (PROTOCOL.md "Meeting core"). An admin passes every chair and
# clerk check but never acts as a delegate.
CHAIR = "chair"
CLERK = "clerk"
DELEGATE = "delegate"
OBSERVER = "observer"
HALL = "hall"
"""A hall screen's device account (extension): follows the meeting, acts on nothing, and
is no person — not counted, not in the minutes."""
MEETING_ROLES = frozenset({CHAIR, CLERK, DELEGATE, OBSERVER, HALL})

# Global roles (PROTOCOL.md "People and units"); a user with none is staff.
ADMIN = "admin"
OFFICE = "office"
LEADER = "leader"
OPERATOR = "operator"
GLOBAL_ROLES = frozenset({ADMIN, OFFICE, LEADER, OPERATOR})
