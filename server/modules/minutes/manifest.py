"""minutes: drafts from the event log, the clerk's texts, PDF/DOCX, conclusion notices."""

from __future__ import annotations

from server.module import Module, migrations_of
from server.modules.minutes import tables
from server.modules.minutes.cli import add_minutes_parser
from server.modules.minutes.commands import commands

MODULE = Module(name="minutes", tables=tables, commands=commands,
                exports=("tables", "queries", "model", "pdf"),
                migrations=migrations_of(__file__),
                cli=add_minutes_parser)
