"""Password hashing (argon2id) and the slow-down after wrong passwords."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Callable
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

    After ``free`` failures, each further attempt waits ``base``, 2×``base``,
    4×``base`` … (at most ``max_delay``) before it is checked. Failures are
    forgotten after ``window`` seconds.

    Bursts cannot outrun the count (issue 12, finding 3): attempts for one user
    name run one at a time, and an address has at most as many attempts in
    flight as it has free failures left (at least one), so every failure is
    counted before the next attempt is judged. Legitimate logins behind one
    address (a ward office's NAT) still run in parallel until failures pile up,
    and the password check itself is limited by the CPU pool anyway.

    A successful sign-in forgets that user's failures, removes them from the
    address's count, and halves what other accounts' failures left there: the
    address has shown a real person, so colleagues are not made to wait; an
    attacker gains nothing on the accounts it guesses, each counted by name.
    """

    def __init__(self, free: int = 5, *, base: float = 0.5, window: float = 900.0,
                 max_delay: float = 30.0) -> None:
        self.free = free
        self.base = base
        self.window = window
        self.max_delay = max_delay
        self._users: dict[str, tuple[int, float]] = {}
        self._addresses: dict[str, dict[str, tuple[float, float]]] = {}
        """address → user name → (failures, last); fractional after halving."""
        self._gates: dict[str, _Gate] = {}

    def schedule(self, attempts: int) -> float:
        """The least total wait of ``attempts`` consecutive wrong passwords (documented)."""
        return sum(self._delay_for(n) for n in range(attempts))

    def _delay_for(self, failures: float) -> float:
        if failures < self.free:
            return 0.0
        return min(self.max_delay, self.base * 2 ** (int(failures) - self.free))

    def _user_count(self, username: str, now: float) -> int:
        entry = self._users.get(username)
        if entry is None:
            return 0
        if now - entry[1] > self.window:
            del self._users[username]
            return 0
        return entry[0]

    def _address_count(self, address: str, now: float) -> float:
        names = self._addresses.get(address)
        if not names:
            return 0.0
        live = {n: v for n, v in names.items() if now - v[1] <= self.window}
        if len(live) != len(names):
            if live:
                self._addresses[address] = live
            else:
                del self._addresses[address]
        return sum(v[0] for v in live.values())

    def delay(self, username: str, address: str) -> float:
        now = time.monotonic()
        worst = max(self._user_count(username, now), self._address_count(address, now))
        return self._delay_for(worst)

    def failed(self, username: str, address: str) -> None:
        now = time.monotonic()
        self._users[username] = (self._user_count(username, now) + 1, now)
        names = self._addresses.setdefault(address, {})
        key = username if len(names) < 1000 or username in names else "*"
        names[key] = (names.get(key, (0.0, now))[0] + 1, now)
        if len(self._users) + len(self._addresses) > 100_000:  # bound memory under spraying
            cutoff = now - self.window
            self._users = {k: v for k, v in self._users.items() if v[1] >= cutoff}
            self._addresses = {a: n for a, n in self._addresses.items()
                               if any(v[1] >= cutoff for v in n.values())}

    def succeeded(self, username: str, address: str = "") -> None:
        self._users.pop(username, None)
        names = self._addresses.get(address)
        if names is None:
            return
        names.pop(username, None)
        for name, (count, last) in list(names.items()):
            names[name] = (count / 2, last)

    @contextlib.asynccontextmanager
    async def attempt(self, username: str, address: str) -> AsyncIterator[None]:
        """Hold while one attempt is judged and checked (see the class docstring)."""
        keys = ("u:" + username, "a:" + address)
        user_gate, addr_gate = (self._gate(k) for k in keys)
        try:
            await user_gate.enter(lambda: 1)
            try:
                await addr_gate.enter(lambda: max(1, self.free - int(
                    self._address_count(address, time.monotonic()))))
                try:
                    yield
                finally:
                    await addr_gate.leave()
            finally:
                await user_gate.leave()
        finally:
            for key, gate in zip(keys, (user_gate, addr_gate), strict=True):
                gate.users -= 1
                if gate.users == 0 and self._gates.get(key) is gate:
                    del self._gates[key]

    def _gate(self, key: str) -> _Gate:
        gate = self._gates.get(key)
        if gate is None:
            gate = self._gates[key] = _Gate()
        gate.users += 1
        return gate


class _Gate:
    """At most ``allowed()`` holders at once; ``allowed`` is read again on every release."""

    __slots__ = ("busy", "cond", "users")

    def __init__(self) -> None:
        self.cond = asyncio.Condition()
        self.busy = 0
        self.users = 0
        """Attempts holding or waiting for this gate (it is dropped at zero)."""

    async def enter(self, allowed: Callable[[], int]) -> None:
        async with self.cond:
            await self.cond.wait_for(lambda: self.busy < allowed())
            self.busy += 1

    async def leave(self) -> None:
        async with self.cond:
            self.busy -= 1
            self.cond.notify_all()
