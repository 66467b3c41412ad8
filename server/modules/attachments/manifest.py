"""attachments: files stored like meeting papers (content-addressed blobs, office files
converted to PDF) for other modules' objects — messages, directive reports, calendar
events, registry entries. The owner module claims them and decides who reads them."""

from __future__ import annotations

from server.module import Module, migrations_of
from server.modules.attachments import tables
from server.modules.attachments.commands import commands
from server.modules.attachments.runtime import setup_attachments

MODULE = Module(name="attachments", tables=tables, commands=commands,
                exports=("tables", "claim", "runtime"),
                migrations=migrations_of(__file__), setup=setup_attachments)
