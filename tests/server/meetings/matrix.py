"""Rows of the authorization matrix (``tests/server/test_authorization.py``) for preparing
meetings, and the meetings they act on.

They act on meetings 2 (scheduled) and 3 (cancelled), written into the matrix database by
:func:`seed_preparation`, never on meeting 1 which the core rows use. Meeting 3 answers
``conflict`` to whoever may act on it (not an access error), so commands whose effect
could not repeat for the next role (``participant.add_unit``, ``agenda.remove``) target it.
The matrix has no ``office`` user before the org module; admin stands for office.
"""

from __future__ import annotations

import sqlite3
from typing import Any

PREPARERS = {"clerk", "admin"}
INVITED = {"chair", "clerk", "delegate", "observer"}
SEEN = {"chair", "clerk", "delegate", "observer", "admin"}


def seed_preparation(con: sqlite3.Connection) -> None:
    """Meetings 2 and 3 with the demo chair, clerk, d001 and the matrix observer."""
    ids = dict(con.execute("SELECT username, id FROM users WHERE username IN "
                           "('chair', 'clerk', 'd001', 'd002', 'observer')").fetchall())
    starts_at = con.execute("SELECT starts_at FROM meetings WHERE id=1").fetchone()[0]
    for meeting_id, status in ((2, "scheduled"), (3, "cancelled")):
        con.execute("INSERT INTO meetings (id, title, body, location, starts_at, status, "
                    "quorum, majority, speech_limit_s) VALUES (?, ?, '', '', ?, ?, 1, "
                    "'absolute', 300)", (meeting_id, f"Cuộc họp thử quyền {meeting_id}",
                                         starts_at, status))
        for name, role in (("chair", "chair"), ("clerk", "clerk"), ("d001", "delegate"),
                           ("observer", "observer")):
            con.execute("INSERT INTO participants (meeting_id, user_id, role, present) "
                        "VALUES (?, ?, ?, 0)", (meeting_id, ids[name], role))
        con.execute("INSERT INTO agenda_items (id, meeting_id, position, title, active, "
                    "taken_up_at) VALUES (?, ?, 1, 'Nội dung thử', 0, ?)",
                    (100 + meeting_id, meeting_id, starts_at))
    con.execute("INSERT INTO agenda_items (id, meeting_id, position, title, active) "
                "VALUES (110, 2, 2, 'Nội dung thứ hai', 0)")


def preparation_rows(d002_id: int = 5) -> dict[str, tuple[set[str], dict[str, Any]]]:
    """``d002_id``: the demo's d002 (users admin, chair, clerk, d001, d002… in order)."""
    start = "2026-12-07T08:00:00+07:00"
    return {
        "meeting.create": ({"admin"}, {"title": "Thử quyền", "starts_at": start}),
        "meeting.kinds": ({"admin"}, {}),
        "meeting.defaults": ({"admin"}, {"kind": "briefing", "quorum_rule": "half"}),
        "meeting.update": (PREPARERS, {"meeting_id": 2, "location": "Phòng 2"}),
        "meeting.copy": (PREPARERS, {"meeting_id": 2, "starts_at": start}),
        "participant.add": (PREPARERS, {"meeting_id": 2, "user_id": d002_id,
                                        "role": "delegate"}),
        "participant.update": (PREPARERS, {"meeting_id": 2, "user_id": d002_id,
                                           "seat": "B02"}),
        "participant.remove": (PREPARERS, {"meeting_id": 2, "user_id": d002_id}),
        "participant.add_unit": (PREPARERS, {"meeting_id": 3, "unit_id": 1}),
        "agenda.add": (PREPARERS, {"meeting_id": 2, "title": "Thử quyền"}),
        "agenda.update": (PREPARERS, {"meeting_id": 2, "item_id": 110, "duration_min": 5}),
        "agenda.move": (PREPARERS, {"meeting_id": 2, "item_id": 110, "position": 1}),
        # Taken up already: conflict for those allowed.
        "agenda.remove": (PREPARERS, {"meeting_id": 2, "item_id": 102}),
        "seatplan.save": (PREPARERS, {"meeting_id": 2, "blocks": [{"seats": [["A01"]]}]}),
        "invitation.reply": (INVITED, {"meeting_id": 2, "reply": "attend"}),
        "invitation.render": (SEEN, {"meeting_id": 2}),
        # Published already / cancelled already: conflict for those allowed.
        "meeting.get": ({"chair", "clerk", "admin"}, {"meeting_id": 2}),
        "participant.candidates": (PREPARERS, {"meeting_id": 2}),
        "meeting.publish": (PREPARERS, {"meeting_id": 2}),
        "meeting.cancel": (PREPARERS, {"meeting_id": 3}),
    }
