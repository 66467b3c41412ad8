"""meetings: meetings, participants and their roles, agenda, attendance, quorum."""

from __future__ import annotations

from server.dispatch import CommandSet
from server.module import Module, migrations_of
from server.modules.meetings import tables
from server.modules.meetings.cli import add_meetings_parser
from server.modules.meetings.commands import commands as room
from server.modules.meetings.preparation import commands as preparation

MODULE = Module(name="meetings", tables=tables,
                commands=CommandSet([*room.specs, *preparation.specs]),
                migrations=migrations_of(__file__),
                cli=add_meetings_parser)
