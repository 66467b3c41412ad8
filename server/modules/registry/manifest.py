"""registry: the incoming and outgoing documents registers — register, route, search,
import, print (Nghị định 30/2020, Phụ lục IV)."""

from __future__ import annotations

from server.module import Module, migrations_of
from server.modules.registry import tables
from server.modules.registry.cli import add_registry_parser
from server.modules.registry.commands import commands
from server.modules.registry.files import may_read_entry_files, setup_registry

MODULE = Module(name="registry", tables=tables, commands=commands,
                exports=("tables", "queries"),
                migrations=migrations_of(__file__),
                cli=add_registry_parser, setup=setup_registry,
                attachment_owners={"registry": may_read_entry_files})
