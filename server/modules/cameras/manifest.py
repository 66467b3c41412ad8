"""cameras: registered cameras, their health monitor, the camera-down alert, and the
watch URLs on the API port."""

from __future__ import annotations

from server.module import Module, migrations_of
from server.modules.cameras import tables
from server.modules.cameras.cli import add_cameras_parser
from server.modules.cameras.commands import commands
from server.modules.cameras.runtime import api_routes, setup_cameras

MODULE = Module(name="cameras", tables=tables, commands=commands, exports=("tables",),
                migrations=migrations_of(__file__), cli=add_cameras_parser,
                api=api_routes, setup=setup_cameras)
