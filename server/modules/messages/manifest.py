"""messages: one-to-one and group conversations between users (tương tác nội bộ)."""

from __future__ import annotations

from server.module import Module, migrations_of
from server.modules.messages import tables
from server.modules.messages.commands import commands, may_read_attachments

MODULE = Module(name="messages", tables=tables, commands=commands,
                exports=("tables",), migrations=migrations_of(__file__),
                attachment_owners={"message": may_read_attachments})
