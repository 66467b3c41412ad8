"""Password hashing (argon2id) and the slow-down after wrong passwords."""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import Executor

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError


class Passwords:
    """argon2id with a cost chosen in Settings; verification runs off the loop.

    argon2-cffi releases the GIL, so verifying on a thread pool lets logins of
    many terminals use every core without stalling the event loop.
    """

    def __init__(self, *, time_cost: int = 2, memory_kib: int = 19_456) -> None:
        self._hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_kib, parallelism=1)
        # Verified against when the user does not exist, so that timing does
        # not tell which part of the credentials was wrong.
        self._dummy = self._hasher.hash("không có người dùng này")

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, stored_hash: str | None, password: str) -> bool:
        try:
            return self._hasher.verify(stored_hash or self._dummy, password) and (
                stored_hash is not None
            )
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    async def verify_async(self, executor: Executor, stored_hash: str | None,
                           password: str) -> bool:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(executor, self.verify, stored_hash, password)


class LoginThrottle:
    """Counts recent failures per user name and per address; answers get slower.

    After ``free`` failures, each further attempt waits 0.5 s, 1 s, 2 s …
    (at most ``max_delay``) before it is checked. Failures are forgotten after
    ``window`` seconds or on a successful sign-in of that user.
    """

    def __init__(self, free: int = 5, *, window: float = 900.0, max_delay: float = 30.0) -> None:
        self.free = free
        self.window = window
        self.max_delay = max_delay
        self._fails: dict[str, tuple[int, float]] = {}

    def _count(self, who: str, now: float) -> int:
        entry = self._fails.get(who)
        if entry is None:
            return 0
        count, last = entry
        if now - last > self.window:
            del self._fails[who]
            return 0
        return count

    def delay(self, username: str, address: str) -> float:
        now = time.monotonic()
        worst = max(self._count("u:" + username, now), self._count("a:" + address, now))
        if worst < self.free:
            return 0.0
        return min(self.max_delay, 0.5 * 2 ** (worst - self.free))

    def failed(self, username: str, address: str) -> None:
        now = time.monotonic()
        for who in ("u:" + username, "a:" + address):
            self._fails[who] = (self._count(who, now) + 1, now)
        if len(self._fails) > 100_000:  # bound memory under a spraying attack
            cutoff = now - self.window
            self._fails = {k: v for k, v in self._fails.items() if v[1] >= cutoff}

    def succeeded(self, username: str) -> None:
        self._fails.pop("u:" + username, None)
