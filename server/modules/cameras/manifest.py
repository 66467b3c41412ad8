"""cameras: registered cameras, their health monitor, and the camera-down alert."""

from __future__ import annotations

from server.module import Module, migrations_of
from server.modules.cameras import tables
from server.modules.cameras.cli import add_cameras_parser
from server.modules.cameras.commands import commands
from server.modules.cameras.monitor import setup_cameras

MODULE = Module(name="cameras", tables=tables, commands=commands, exports=("tables",),
                migrations=migrations_of(__file__), cli=add_cameras_parser,
                setup=setup_cameras)
