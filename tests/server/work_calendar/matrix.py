"""Rows of the authorization matrix (``tests/server/test_authorization.py``) for the work
calendar, and the objects they refer to (:func:`calendar_objects`, run by the admin first).

Event 1 is public and created by the admin (anyone may read it; only the office, its
creator or its host may change it); event 2 is a public weekly series whose occurrence of
7/12/2026 the admin cancels. Staff create events they host themselves, so every signed-in
role may run ``calendar.create``.
"""

from __future__ import annotations

from typing import Any

from tests.support.wsclient import WsClient

SIGNED_IN = {"chair", "clerk", "delegate", "observer", "admin", "outsider"}
OFFICE = {"admin"}  # no office user before the org module; admins pass every role check
CALENDAR_SEEN_BY_ALL = {"calendar.update", "calendar.cancel"}
"""Refused with ``forbidden`` (not ``not_found``) to outsiders: the event is public."""
SLOT = {"starts_at": "2026-12-07T08:00:00+07:00", "ends_at": "2026-12-07T09:00:00+07:00"}


async def calendar_objects(url: str) -> None:
    admin = await WsClient.signed_in(url, "admin")
    await admin.act("calendar.create", title="Chào cờ", visibility="public", **SLOT)
    await admin.act("calendar.create", title="Giao ban tuần", visibility="public",
                    rrule="FREQ=WEEKLY;COUNT=10", **SLOT)
    await admin.close()


def calendar_rows() -> dict[str, tuple[set[str], dict[str, Any]]]:
    week = {"from": "2026-12-07", "to": "2026-12-13"}
    return {
        "calendar.create": (SIGNED_IN, {"title": "Việc riêng", **SLOT}),
        "calendar.list": (SIGNED_IN, week),
        "calendar.get": (SIGNED_IN, {"event_id": 1}),
        "calendar.update": (OFFICE, {"event_id": 1, "title": "Chào cờ đầu tuần"}),
        "calendar.cancel": (OFFICE, {"event_id": 2, "scope": "occurrence",
                                     "occurrence": SLOT["starts_at"]}),
        "calendar.rooms": (SIGNED_IN, {}),
        "calendar.room.create": (OFFICE, {"name": "Phòng họp số 1", "capacity": 30}),
        "calendar.publish": (OFFICE, {"week": "2026-12-07"}),
        "calendar.week_pdf": (SIGNED_IN, {"week": "2026-12-07"}),
        "calendar.subscribe": (SIGNED_IN, {}),
        "calendar.reminder": (SIGNED_IN, {}),
        "calendar.holidays": (SIGNED_IN, {"from": "2027-01-01", "to": "2027-12-31"}),
    }
