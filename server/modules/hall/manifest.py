"""hall: what the chamber's big screens show (hall.show)."""

from __future__ import annotations

from server.module import Module, migrations_of
from server.modules.hall import tables
from server.modules.hall.commands import commands, hall_choice

MODULE = Module(name="hall", tables=tables, commands=commands,
                migrations=migrations_of(__file__),
                snapshot={"hall": hall_choice})
