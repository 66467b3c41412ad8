"""speakers: floor requests, the queue, grants and speaking-time limits."""

from __future__ import annotations

from server.module import Module
from server.modules.speakers import tables
from server.modules.speakers.commands import commands
from server.modules.speakers.queries import open_requests

MODULE = Module(name="speakers", tables=tables, commands=commands,
                snapshot={"speakers": open_requests})
