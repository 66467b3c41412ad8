"""directives: tasks from meetings' conclusions and leaders' instructions, tracked to done."""

from __future__ import annotations

from typing import TYPE_CHECKING

from server.module import Module, migrations_of
from server.modules.directives import tables
from server.modules.directives.commands import commands
from server.modules.directives.reminders import ReminderTimer
from server.modules.directives.service import exists_row, may_read_report_files
from server.modules.meetings.queries import on_agenda_link

if TYPE_CHECKING:
    from server.services import Services


def _setup(services: Services) -> None:
    """Start the reminder scan (it stops with the server); check ``agenda.add``'s
    ``directive_id`` for the meetings module."""
    on_agenda_link(services, exists_row)
    timer = ReminderTimer(services)
    timer.start()
    services.on_shutdown.append(timer.stop)


MODULE = Module(name="directives", tables=tables, commands=commands,
                migrations=migrations_of(__file__), setup=_setup,
                attachment_owners={"directive_report": may_read_report_files})
