"""Reconnect delays: growing caps, full jitter, no sleeping needed to test them."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from meeting_client.sync import Backoff, backoff_cap, backoff_delay
from meeting_client.sync.backoff import TERMINAL_INITIAL_S, TERMINAL_MAXIMUM_S


def highest(lo: float, hi: float) -> float:
    return hi


def test_the_cap_doubles_up_to_the_maximum() -> None:
    caps = [backoff_cap(n, 0.5, 10.0) for n in range(8)]
    assert caps == [0.5, 1.0, 2.0, 4.0, 8.0, 10.0, 10.0, 10.0]
    assert backoff_cap(10_000, 0.5, 10.0) == 10.0
    with pytest.raises(ValueError):
        backoff_cap(-1, 0.5, 10.0)


def test_delays_grow_with_the_attempts() -> None:
    backoff = Backoff(0.5, 10.0, uniform=highest)
    delays = [backoff.next_delay() for _ in range(7)]
    assert delays == [0.5, 1.0, 2.0, 4.0, 8.0, 10.0, 10.0]
    assert backoff.attempt == 7
    backoff.reset()
    assert backoff.next_delay() == 0.5


def test_delays_are_jittered_over_the_whole_range() -> None:
    rng = random.Random(20261124)
    delays = [backoff_delay(4, 0.5, 10.0, uniform=rng.uniform) for _ in range(1000)]
    assert all(0.0 <= d <= 8.0 for d in delays)
    assert len(set(delays)) == len(delays)  # no two terminals retry in lockstep
    assert min(delays) < 0.8 and max(delays) > 7.2  # full jitter: from ~0 to the cap
    assert 3.5 < sum(delays) / len(delays) < 4.5


def test_the_default_random_source_is_jittered_too() -> None:
    delays = {Backoff(1.0, 10.0).next_delay() for _ in range(50)}
    assert len(delays) > 1 and all(0.0 <= d <= 1.0 for d in delays)


def test_nonsense_settings_are_refused() -> None:
    with pytest.raises(ValueError):
        Backoff(0.0, 1.0)
    with pytest.raises(ValueError):
        Backoff(2.0, 1.0)


@given(st.integers(0, 200), st.floats(0.001, 5.0), st.floats(5.0, 120.0), st.randoms())
def test_a_delay_is_never_negative_nor_above_the_maximum(
    attempt: int, initial: float, maximum: float, rng: random.Random
) -> None:
    delay = backoff_delay(attempt, initial, maximum, uniform=rng.uniform)
    assert 0.0 <= delay <= backoff_cap(attempt, initial, maximum) <= maximum


def test_a_terminal_is_back_within_two_seconds_of_the_server() -> None:
    """Whatever the attempt, the worst delay is the cap: once the server answers again a
    terminal waits at most 2 s (plus connecting), not the 6–8 s a 10 s cap gave."""
    backoff = Backoff(TERMINAL_INITIAL_S, TERMINAL_MAXIMUM_S, uniform=highest)
    worst = [backoff.next_delay() for _ in range(50)]
    assert max(worst) == TERMINAL_MAXIMUM_S == 2.0
    assert worst[:2] == [0.25, 0.5]  # a short outage costs well under a second
    # a server away for 0.5 s: the attempts made while it is down cover ≤ 0.75 s of caps
    assert sum(worst[:2]) < 1.0
