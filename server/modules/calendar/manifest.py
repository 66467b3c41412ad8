"""calendar: the work calendar (lịch công tác) — events, rooms, double bookings, published
weeks, reminders, the weekly PDF and ``GET /calendar.ics``."""

from __future__ import annotations

from server.module import Module, migrations_of
from server.modules.calendar import tables
from server.modules.calendar.commands import commands, may_read_event_files
from server.modules.calendar.ics import ics_routes
from server.modules.calendar.reminders import setup_reminders

MODULE = Module(name="calendar", tables=tables, commands=commands,
                migrations=migrations_of(__file__), api=ics_routes, setup=setup_reminders,
                attachment_owners={"calendar_event": may_read_event_files})
