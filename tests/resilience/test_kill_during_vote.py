"""SIGKILL at random moments of a 200-delegate vote: nothing acknowledged is lost, nothing
counts twice.

Each round the chair creates and opens a poll (open or secret, at random) and a random
share of the 200 delegates cast ballots at random moments; the server is killed at a
random moment of that (before the poll exists, mid-ballots, after the last one …), and
sometimes again while the terminals retry. After each restart every terminal resumes
its session and re-sends *everything* it meant to send with its original idempotency
key. The closed poll must count exactly the intended ballots, each with its intended
choice; replies to retried commands must equal the first replies. CI runs
``RESILIENCE_ROUNDS`` (default 3) rounds; the full run is 20::

    RESILIENCE_ROUNDS=20 .venv/bin/pytest tests/resilience/test_kill_during_vote.py
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pytest

from tests.resilience.support import Terminal, seeded

N = 200
OPTIONS = ["yes", "no", "abstain"]


@dataclass
class Intent:
    """What one terminal means to do in a round, and what it was told the first time."""

    terminal: Terminal
    type: str
    fields: dict[str, Any]
    key: str = field(default_factory=lambda: str(uuid.uuid4()))
    first: dict[str, Any] | None = None

    async def send(self, **more: Any) -> dict[str, Any] | None:
        reply = await self.terminal.send(self.type, key=self.key, **self.fields, **more)
        if reply is not None and reply["type"] == "result" and self.first is None:
            self.first = reply
        return reply


async def restart(server: Any) -> None:
    await asyncio.to_thread(server.start)


async def all_back(terminals: list[Terminal]) -> None:
    await asyncio.gather(*(t.back() for t in terminals))


async def cast_wave(ballots: list[tuple[Intent, float]], poll_id: int) -> None:
    async def one(intent: Intent, delay: float) -> None:
        await asyncio.sleep(delay)
        await intent.send(poll_id=poll_id)

    await asyncio.gather(*(one(i, d) for i, d in ballots))


async def vote(create: Intent, open_: Intent, ballots: list[tuple[Intent, float]]) -> None:
    """Create, open, cast: as far as the server lets it go before it dies."""
    created = await create.send()
    if created is None or created["type"] != "result":
        return
    poll_id = created["data"]["poll_id"]
    opened = await open_.send(poll_id=poll_id)
    if opened is None or opened["type"] != "result":
        return
    await cast_wave(ballots, poll_id)


async def kill_after(server: Any, delay: float) -> None:
    await asyncio.sleep(delay)
    await asyncio.to_thread(server.kill)


@pytest.mark.timeout(600)
async def test_sigkill_at_random_moments_loses_nothing_and_counts_nothing_twice(
        make_server, rounds: int) -> None:
    rng = seeded("kill during vote")
    server = make_server(N)
    chair = await Terminal(server.url, "chair").sign_in()
    delegates = [Terminal(server.url, f"d{i:03d}") for i in range(1, N + 1)]
    await asyncio.gather(*(t.sign_in() for t in delegates))
    checked = await asyncio.gather(*(t.send("attendance.check_in", key=str(uuid.uuid4()),
                                            meeting_id=1) for t in delegates))
    assert all(c is not None and c["type"] == "result" for c in checked)
    everyone = [chair, *delegates]

    for r in range(rounds):
        secret = rng.random() < 0.3
        voters = rng.sample(delegates, rng.randint(N * 3 // 4, N))
        spread = rng.uniform(0.05, 0.6)
        ballots = [(Intent(t, "poll.cast", {"choice": rng.choice(OPTIONS)}),
                    rng.uniform(0, spread)) for t in voters]
        create = Intent(chair, "poll.create", {"meeting_id": 1, "secret": secret,
                                               "title": f"Biểu quyết vòng {r + 1}"})
        open_ = Intent(chair, "poll.open", {})
        kill_at = rng.uniform(0.0, spread + 0.15)
        second_kill = rng.random() < 0.35
        print(f"round {r + 1}: {len(voters)} ballots over {spread:.2f} s, secret={secret}, "
              f"kill at {kill_at:.3f} s{', and again while retrying' if second_kill else ''}")

        await asyncio.gather(vote(create, open_, ballots), kill_after(server, kill_at))
        print(f"  acknowledged before the kill: poll {create.first is not None}, "
              f"open {open_.first is not None}, "
              f"{sum(i.first is not None for i, _ in ballots)} ballots")
        await restart(server)
        await all_back(everyone)

        # Retry everything with the original keys; maybe die once more while doing it.
        created = await create.send()
        assert created is not None and created["type"] == "result", created
        assert create.first is not None and created["data"] == create.first["data"]
        poll_id = created["data"]["poll_id"]
        opened = await open_.send(poll_id=poll_id)
        assert opened is not None and opened["type"] == "result", opened
        assert open_.first is not None and opened["data"] == open_.first["data"]
        if second_kill:
            await asyncio.gather(cast_wave([(i, rng.uniform(0, 0.2)) for i, _ in ballots],
                                           poll_id),
                                 kill_after(server, rng.uniform(0.0, 0.2)))
            await restart(server)
            await all_back(everyone)
        retried = await asyncio.gather(*(i.send(poll_id=poll_id) for i, _ in ballots))
        bad = [(i.terminal.username, r_) for (i, _), r_ in zip(ballots, retried, strict=True)
               if r_ is None or r_.get("type") != "result"]
        assert not bad, bad[:5]
        for intent in [create, open_] + [i for i, _ in ballots]:
            assert intent.first is not None
        replays = [(i.first, r_) for (i, _), r_ in zip(ballots, retried, strict=True)]
        assert all(first["data"] == again["data"] for first, again in replays)

        closed = await chair.send("poll.close", key=str(uuid.uuid4()), poll_id=poll_id)
        assert closed is not None and closed["type"] == "result", closed
        data = closed["data"]
        intended = Counter(i.fields["choice"] for i, _ in ballots)
        assert data["cast"] == len(ballots)
        assert data["tally"] == {o: intended.get(o, 0) for o in OPTIONS}
        if not secret:
            recorded = {b["user_id"]: b["choice"] for b in data["ballots"]}
            assert len(data["ballots"]) == len(ballots)
            assert recorded == {i.terminal.user_id: i.fields["choice"] for i, _ in ballots}

    await asyncio.gather(*(t.drop() for t in everyone))
    assert server.stop() == 0
    audit = subprocess.run([sys.executable, "-m", "server.cli", "verify-audit", "--db",
                            server.db_url], capture_output=True, text=True, timeout=120)
    assert audit.returncode == 0, audit.stdout + audit.stderr
