"""meetings: meetings, participants and their roles, agenda, attendance, quorum."""

from __future__ import annotations

from server.module import Module
from server.modules.meetings import tables
from server.modules.meetings.commands import commands

MODULE = Module(name="meetings", tables=tables, commands=commands)
