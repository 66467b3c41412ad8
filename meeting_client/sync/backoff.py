"""Reconnect delays: exponential back-off with full jitter.

A chamber full of terminals loses the server at the same instant (a restart,
a switch reboot). If they all retried on the same schedule they would hit the
server in waves; drawing each delay uniformly between 0 and an exponentially
growing cap ("full jitter") spreads them out while the cap still bounds how
long a terminal stays away once the server is back.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable

TERMINAL_INITIAL_S = 0.25
TERMINAL_MAXIMUM_S = 2.0
"""A chamber terminal's reconnect caps. A restarted server is back in about half a
second; with the cap held at 2 s a terminal is in again within about 1–2 s of that
(a 10 s cap left people waiting 6–8 s), while the jitter still spreads a chamber's
terminals over two seconds instead of one burst."""


def backoff_cap(attempt: int, initial: float, maximum: float) -> float:
    """The upper bound of the delay before retry number ``attempt`` (0-based).

    ``initial * 2**attempt``, never above ``maximum``.
    """
    if attempt < 0:
        raise ValueError("attempt must be >= 0")
    if attempt >= 64:  # no overflow for absurd attempt counts
        return maximum
    return min(maximum, math.ldexp(initial, attempt))


def backoff_delay(
    attempt: int,
    initial: float,
    maximum: float,
    *,
    uniform: Callable[[float, float], float] = random.uniform,
) -> float:
    """A random delay in ``[0, backoff_cap(attempt, initial, maximum)]``.

    Args:
        attempt: how many retries failed before this one (0 for the first).
        initial: cap of the first delay, in seconds.
        maximum: the largest cap, in seconds.
        uniform: the random source, ``random.uniform`` by default; tests pass
            a seeded ``random.Random().uniform`` or a fixed function.
    """
    return uniform(0.0, backoff_cap(attempt, initial, maximum))


class Backoff:
    """Successive reconnect delays, restarted by :meth:`reset` after a success."""

    def __init__(
        self,
        initial: float = 0.5,
        maximum: float = 10.0,
        *,
        uniform: Callable[[float, float], float] = random.uniform,
    ) -> None:
        if initial <= 0 or maximum < initial:
            raise ValueError("need 0 < initial <= maximum")
        self.initial = initial
        self.maximum = maximum
        self._uniform = uniform
        self.attempt = 0

    def next_delay(self) -> float:
        """The delay before the next retry; each call moves one attempt further."""
        delay = backoff_delay(self.attempt, self.initial, self.maximum, uniform=self._uniform)
        self.attempt += 1
        return delay

    def reset(self) -> None:
        self.attempt = 0
