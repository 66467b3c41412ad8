"""voting: polls, ballots (secret ones split from voters), tallies, outcomes."""

from __future__ import annotations

from server.module import Module
from server.modules.voting import tables
from server.modules.voting.commands import commands, refuse_end_while_open
from server.modules.voting.progress import setup_progress
from server.modules.voting.queries import poll_states

MODULE = Module(name="voting", tables=tables, commands=commands,
                snapshot={"polls": poll_states},
                meeting_end_guards=(refuse_end_while_open,),
                setup=setup_progress)
