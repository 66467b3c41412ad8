"""What the benchmarks share, and the small interface every benchmark adopts.

The interface
-------------
``python -m bench`` runs every module ``bench/<name>.py`` that defines::

    TITLE = "one line about what is measured"      # optional
    def run(quick: bool) -> list[Row]: ...

``quick`` asks for small sizes (seconds, not minutes). A ``run`` that also
accepts a keyword ``n: int | None = None`` gets ``--n`` from the command line
(one size only; the smoke tests call ``run(quick=True, n=20)``). Each
:class:`Row` is one measurement; where it makes sense it carries the same
measurement of the *raw stack* (a bare ``websockets`` server, argon2 alone …)
taken in the same run, so that a busy or slow machine shows in both columns
and the ratio stays meaningful. ``run`` should not print tables of its own
(progress lines on stderr are welcome); the runner prints one table and
writes ``bench/results/latest.json``.

The machinery
-------------
- :class:`ServerProcess`: a real ``meeting-server serve`` subprocess (open-file
  limit raised) that can be stopped, killed and started again on its port.
- :class:`Terminals`: simulated terminals spread over worker processes, each
  with its own asyncio loop and hundreds of connections, so the client side is
  not what is measured. Timestamps are ``CLOCK_MONOTONIC`` nanoseconds, which
  is one clock for every process on Linux.
- :class:`Baseline`: the raw stack — a bare ``websockets`` server in its own
  process that answers commands at once, replays a given list of frames after
  ``meeting.subscribe``, and ``broadcast()``-s a frame on a trigger.
- :class:`Client`: a plain protocol client for the coordinator (the chair).

Every load goes to 127.0.0.1 and is bounded in count and time.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import multiprocessing
import os
import resource
import shutil
import sys
import tempfile
import time
import traceback
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import asdict, dataclass, field
from multiprocessing.connection import Connection as Pipe
from pathlib import Path
from typing import Any, Literal

import msgspec

from tests.support.live import LiveServer

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
LOOPBACK = "127.0.0.1"


def now_ns() -> int:
    """CLOCK_MONOTONIC in ns: comparable between processes on Linux."""
    return time.clock_gettime_ns(time.CLOCK_MONOTONIC)


def raise_nofile() -> int:
    """Raise this process's open-file limit to the hard limit (1000 sockets need it)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY:
        hard = max(soft, 65536)
    if soft < hard:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def log(msg: str) -> None:
    """Progress on stderr, so tables on stdout stay clean."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def username(i: int, delegates: int) -> str:
    """Demo user names (PROTOCOL.md): d001…, four digits from 1000 delegates on."""
    from server.demo import username_for

    return username_for(i, delegates)


def workers_for(n: int) -> int:
    """Worker processes for ``n`` terminals: one per 250, at most four."""
    return max(1, min(4, -(-n // 250)))


def median(values: list[float]) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


# --- rows ----------------------------------------------------------------------------


@dataclass
class Row:
    """One measurement, optionally with the raw stack's figure for the same thing.

    ``better`` says which direction is good: ``lower`` for times and memory,
    ``higher`` for rates. :attr:`ratio` is always a cost ratio — how many times
    the raw stack's cost the product needs (1.0 = as fast as bare websockets,
    2.0 = twice the time per operation).
    """

    bench: str
    metric: str
    value: float | None
    unit: str
    baseline: float | None = None
    better: Literal["lower", "higher"] = "lower"
    target: str = ""
    ok: bool | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.value is None or self.baseline is None or not self.value or not self.baseline:
            return None
        if self.better == "higher":
            return self.baseline / self.value
        return self.value / self.baseline

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["ratio"] = self.ratio
        return out


def check(value: float | None, *, at_most: float | None = None,
          at_least: float | None = None) -> bool | None:
    """``ok`` for a value against a bound; None when nothing was measured."""
    if value is None:
        return None
    if at_most is not None and value > at_most:
        return False
    return not (at_least is not None and value < at_least)


# --- the server under test ------------------------------------------------------------


class ServerProcess(LiveServer):
    """The test suite's server process, with room for a thousand sockets and its memory."""

    def __init__(self, db_path: Path) -> None:
        super().__init__(db_path, preexec=raise_nofile)

    def rss_mb(self) -> float:
        import psutil

        if self.proc is None:
            raise RuntimeError("not started")
        return psutil.Process(self.proc.pid).memory_info().rss / 2**20


async def arrival_latency(terms: Terminals, event: str,
                          fire: Callable[[], Awaitable[int]]) -> tuple[float, float]:
    """Arm the terminals for ``event``, ``fire()`` (it returns its send time in ns), and
    return (last, median) arrival in ms after it."""
    await terms.order("arm", event=event)
    t0 = await fire()
    got = merge(await terms.order("collect", timeout=60.0))
    if got.get("missing"):
        raise BenchError(f"{got['missing']} terminals never got {event}")
    marks = got["marks"]
    return (max(marks) - t0) / 1e6, (median(marks) - t0) / 1e6


@contextlib.contextmanager
def scratch_dir(prefix: str) -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix=f"bench-{prefix}-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


# --- frames --------------------------------------------------------------------------


class _Frame(msgspec.Struct):
    """What terminals read of a server frame; ``data`` stays undecoded."""

    type: str
    id: int | None = None
    seq: int | None = None
    event: str | None = None
    code: str | None = None
    message: str | None = None
    data: msgspec.Raw = msgspec.Raw(b"null")


class _Subscribed(msgspec.Struct):
    seq: int
    snapshot: msgspec.Raw = msgspec.Raw(b"null")


class _Token(msgspec.Struct):
    token: str


_decode_frame = msgspec.json.Decoder(_Frame).decode
_decode_subscribed = msgspec.json.Decoder(_Subscribed).decode
_decode_token = msgspec.json.Decoder(_Token).decode
_encode = msgspec.json.Encoder().encode


class BenchError(RuntimeError):
    """A command failed where the benchmark needs it to succeed."""


# --- the coordinator's client ------------------------------------------------------------


class Client:
    """A plain protocol client for the coordinator (the chair, other delegates).

    Events are kept with their arrival time and raw text, so that a benchmark
    can hand the very bytes of an event to the baseline server.
    """

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.seq = 0
        self.events: list[tuple[int, bytes, _Frame]] = []
        self.last_data = b"null"
        """The undecoded ``data`` of the last result (e.g. a snapshot to replay)."""
        self._next = 0
        self._waiting: dict[int, asyncio.Future[_Frame]] = {}
        self._event_waiters: list[tuple[str, asyncio.Future[bytes]]] = []
        self._reader = asyncio.create_task(self._read())

    @classmethod
    async def open(cls, url: str) -> Client:
        from websockets.asyncio.client import connect

        ws = await connect(url, compression=None, max_size=None, open_timeout=30)
        return cls(ws)

    @classmethod
    async def signed_in(cls, url: str, user: str, password: str = "demo") -> Client:
        client = await cls.open(url)
        await client.call("auth.login", username=user, password=password)
        return client

    async def _read(self) -> None:
        try:
            while True:
                raw = await self.ws.recv(decode=False)
                t = now_ns()
                frame = _decode_frame(raw)
                if frame.type == "event":
                    self.seq = max(self.seq, frame.seq or 0)
                    self.events.append((t, raw, frame))
                    for item in list(self._event_waiters):
                        if item[0] == frame.event and not item[1].done():
                            item[1].set_result(raw)
                            self._event_waiters.remove(item)
                elif frame.id is not None:
                    fut = self._waiting.pop(frame.id, None)
                    if fut is not None and not fut.done():
                        fut.set_result(frame)
        except Exception:
            pass
        finally:
            for fut in self._waiting.values():
                if not fut.done():
                    fut.set_exception(ConnectionError("connection closed"))

    async def call(self, type_: str, *, key: str | None = None, timeout: float = 60.0,
                   **fields: Any) -> Any:
        """Send a command; return its decoded ``data`` or raise :class:`BenchError`."""
        self._next += 1
        frame_id = self._next
        fut: asyncio.Future[_Frame] = asyncio.get_running_loop().create_future()
        self._waiting[frame_id] = fut
        body: dict[str, Any] = {"id": frame_id, "type": type_, **fields}
        if key is not None:
            body["key"] = key
        await self.ws.send(_encode(body), text=True)
        frame = await asyncio.wait_for(fut, timeout)
        if frame.type == "error":
            raise BenchError(f"{type_}: {frame.code}: {frame.message}")
        self.last_data = bytes(frame.data)
        data = msgspec.json.decode(frame.data)
        if type_ == "meeting.subscribe" and isinstance(data, dict) and "snapshot" in data:
            self.seq = max(self.seq, int(data["seq"]))
        return data

    async def act(self, type_: str, **fields: Any) -> Any:
        """A mutating command with a fresh idempotency key."""
        return await self.call(type_, key=str(uuid.uuid4()), **fields)

    def expect_event(self, name: str) -> asyncio.Future[bytes]:
        """A future for the raw text of the next event called ``name``."""
        fut: asyncio.Future[bytes] = asyncio.get_running_loop().create_future()
        self._event_waiters.append((name, fut))
        return fut

    async def wait_seq(self, seq: int, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while self.seq < seq:
            if time.monotonic() > deadline:
                raise BenchError(f"seq {seq} not reached (at {self.seq})")
            await asyncio.sleep(0.01)

    async def close(self) -> None:
        with contextlib.suppress(Exception):
            await self.ws.close()
        self._reader.cancel()


# --- simulated terminals (worker side) -------------------------------------------------------


class _Term:
    """One simulated terminal inside a worker process."""

    __slots__ = ("mark", "reader", "seq", "synced", "token", "user", "waiting", "ws")

    def __init__(self, user: str) -> None:
        self.user = user
        self.ws: Any = None
        self.reader: asyncio.Task[None] | None = None
        self.token: str | None = None
        self.seq = 0
        self.mark: int | None = None
        self.synced: int | None = None
        self.waiting: dict[int, asyncio.Future[tuple[int, _Frame]]] = {}


class _Worker:
    """Holds many terminals on one loop and runs the coordinator's orders."""

    def __init__(self) -> None:
        self.terms: list[_Term] = []
        self.next_id = 0
        self.armed: str | None = None
        self.marked = 0
        self.marked_all = asyncio.Event()
        self.target_seq: int | None = None
        self.synced = 0
        self.synced_all = asyncio.Event()

    # -- wire --

    async def _connect(self, term: _Term, url: str, deadline: float) -> None:
        """Open a connection, retrying refusals and timeouts until ``deadline``."""
        from websockets.asyncio.client import connect

        delay = 0.05
        while True:
            try:
                term.ws = await connect(url, compression=None, max_size=None,
                                        open_timeout=max(1.0, deadline - time.monotonic()),
                                        ping_interval=None, close_timeout=1)
                break
            except (OSError, TimeoutError):
                if time.monotonic() + delay > deadline:
                    raise
                await asyncio.sleep(delay)
                delay = min(1.0, delay * 2)
        term.reader = asyncio.create_task(self._read(term, term.ws))

    async def _read(self, term: _Term, ws: Any) -> None:
        try:
            while True:
                raw = await ws.recv(decode=False)
                t = now_ns()
                frame = _decode_frame(raw)
                if frame.type == "event":
                    if frame.seq is not None and frame.seq > term.seq:
                        term.seq = frame.seq
                    if self.armed is not None and frame.event == self.armed and term.mark is None:
                        term.mark = t
                        self.marked += 1
                        if self.marked >= len(self.terms):
                            self.marked_all.set()
                    self._check_synced(term, t)
                elif frame.id is not None:
                    fut = term.waiting.pop(frame.id, None)
                    if fut is not None and not fut.done():
                        fut.set_result((t, frame))
        except Exception:
            pass
        finally:
            for fut in term.waiting.values():
                if not fut.done():
                    fut.set_exception(ConnectionError("closed"))
            term.waiting.clear()

    def _check_synced(self, term: _Term, t: int) -> None:
        target = self.target_seq
        if target is not None and term.synced is None and term.seq >= target:
            term.synced = t
            self.synced += 1
            if self.synced >= len(self.terms):
                self.synced_all.set()

    async def _call(self, term: _Term, type_: str, fields: dict[str, Any], key: str | None,
                    timeout: float) -> tuple[int, int, _Frame]:
        self.next_id += 1
        frame_id = self.next_id
        fut: asyncio.Future[tuple[int, _Frame]] = asyncio.get_running_loop().create_future()
        term.waiting[frame_id] = fut
        body = {"id": frame_id, "type": type_, **self._fill(term, fields)}
        if key is not None:
            body["key"] = key
        sent = now_ns()
        await term.ws.send(_encode(body), text=True)
        t, frame = await asyncio.wait_for(fut, timeout)
        if frame.type == "result":
            if type_ in ("auth.login", "auth.resume"):
                term.token = _decode_token(frame.data).token
            elif type_ == "meeting.subscribe":
                # A bare {"seq": N} is followed by the missed events: the terminal
                # has seen N only once they arrived. A snapshot is as of N.
                sub = _decode_subscribed(frame.data)
                if bytes(sub.snapshot) != b"null":
                    term.seq = max(term.seq, sub.seq)
                    self._check_synced(term, t)
        return sent, t, frame

    @staticmethod
    def _fill(term: _Term, fields: dict[str, Any]) -> dict[str, Any]:
        """Replace ``$username``, ``$token``, ``$seq`` by this terminal's values."""
        out = {}
        for k, v in fields.items():
            if v == "$username":
                v = term.user
            elif v == "$token":
                v = term.token
            elif v == "$seq":
                v = term.seq
            out[k] = v
        return out

    # -- orders --

    async def do_open(self, url: str, users: list[str], concurrency: int = 0,
                      timeout: float = 120.0) -> dict[str, Any]:
        """Connect ``users`` (all at once when ``concurrency`` is 0)."""
        self.terms = [_Term(u) for u in users]
        deadline = time.monotonic() + timeout
        sem = asyncio.Semaphore(concurrency or len(self.terms) or 1)
        done: list[int] = []
        errors: Counter[str] = Counter()

        async def one(term: _Term) -> None:
            async with sem:
                try:
                    await self._connect(term, url, deadline)
                    done.append(now_ns())
                except Exception as exc:
                    errors[type(exc).__name__] += 1

        t0 = now_ns()
        await asyncio.gather(*(one(t) for t in self.terms))
        return {"t0": t0, "done": done, "errors": dict(errors)}

    async def do_each(self, type_: str, fields: dict[str, Any], keyed: bool = False,
                      start_at: int | None = None, concurrency: int = 0,
                      timeout: float = 120.0) -> dict[str, Any]:
        """Every terminal sends one command; returns send/reply times and error codes."""
        if start_at is not None:
            await asyncio.sleep(max(0.0, (start_at - now_ns()) / 1e9))
        sem = asyncio.Semaphore(concurrency or len(self.terms) or 1)
        sends: list[int] = []
        replies: list[int] = []
        codes: Counter[str] = Counter()

        async def one(term: _Term) -> None:
            async with sem:
                try:
                    sent, t, frame = await self._call(
                        term, type_, fields, str(uuid.uuid4()) if keyed else None, timeout)
                except Exception as exc:
                    codes[type(exc).__name__] += 1
                    return
                sends.append(sent)
                replies.append(t)
                codes[frame.code or "ok"] += 1

        await asyncio.gather(*(one(t) for t in self.terms))
        return {"sends": sends, "replies": replies, "codes": dict(codes)}

    async def do_arm(self, event: str) -> None:
        """From now on, note when each terminal first receives ``event``."""
        for term in self.terms:
            term.mark = None
        self.marked = 0
        self.marked_all = asyncio.Event()
        self.armed = event

    async def do_collect(self, timeout: float = 60.0) -> dict[str, Any]:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.marked_all.wait(), timeout)
        self.armed = None
        marks = [t.mark for t in self.terms if t.mark is not None]
        return {"marks": marks, "missing": len(self.terms) - len(marks)}

    async def do_drop(self) -> None:
        """Abort every connection at once (the network went away)."""
        for term in self.terms:
            if term.ws is not None and term.ws.transport is not None:
                term.ws.transport.abort()
        await asyncio.sleep(0.05)

    async def do_storm(self, url: str, target_seq: int, meeting_id: int = 1,
                       timeout: float = 120.0, fresh: bool = False) -> dict[str, Any]:
        """All terminals at once: reconnect, ``auth.resume``, ``meeting.subscribe`` since.

        ``fresh`` terminals (restarted themselves) subscribe with ``since`` 0 and get
        a snapshot. Returns when every terminal has seen ``target_seq`` (or on timeout).
        """
        for term in self.terms:
            term.synced = None
        self.synced = 0
        self.synced_all = asyncio.Event()
        self.target_seq = target_seq
        deadline = time.monotonic() + timeout
        errors: Counter[str] = Counter()

        async def one(term: _Term) -> None:
            try:
                if term.ws is not None and term.ws.transport is not None:
                    term.ws.transport.abort()
                await self._connect(term, url, deadline)
                _s, _t, f = await self._call(term, "auth.resume", {"token": "$token"}, None,
                                             timeout)
                if f.type == "error":
                    errors[f"resume:{f.code}"] += 1
                    return
                _s, _t, f = await self._call(
                    term, "meeting.subscribe",
                    {"meeting_id": meeting_id, "since": 0 if fresh else "$seq"}, None, timeout)
                if f.type == "error":
                    errors[f"subscribe:{f.code}"] += 1
            except Exception as exc:
                errors[type(exc).__name__] += 1

        t0 = now_ns()
        await asyncio.gather(*(one(t) for t in self.terms))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.synced_all.wait(),
                                   max(0.1, deadline - time.monotonic()))
        self.target_seq = None
        synced = [t.synced for t in self.terms if t.synced is not None]
        return {"t0": t0, "synced": synced, "missing": len(self.terms) - len(synced),
                "errors": dict(errors)}

    async def do_seqs(self) -> list[int]:
        return [t.seq for t in self.terms]

    async def do_close(self) -> None:
        for term in self.terms:
            if term.ws is not None:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(term.ws.close(), 2)
        for term in self.terms:
            if term.reader is not None:
                term.reader.cancel()
        self.terms = []


def _worker_main(pipe: Pipe) -> None:
    """Entry point of a worker process: obey orders from the pipe until ``quit``."""
    raise_nofile()

    async def serve() -> None:
        worker = _Worker()
        loop = asyncio.get_running_loop()
        while True:
            order, kwargs = await loop.run_in_executor(None, pipe.recv)
            if order == "quit":
                await worker.do_close()
                pipe.send(("ok", None))
                return
            try:
                result = await getattr(worker, f"do_{order}")(**kwargs)
                pipe.send(("ok", result))
            except Exception:
                pipe.send(("err", traceback.format_exc()))

    asyncio.run(serve())


class Terminals:
    """``users`` spread over worker processes; orders go to all workers at once.

    The blocking pipe round trips run in a thread (:meth:`order` is async), so
    the coordinator's own clients keep running meanwhile.
    """

    def __init__(self, users: list[str], workers: int | None = None) -> None:
        self.users = users
        count = workers or workers_for(len(users))
        count = max(1, min(count, len(users) or 1))
        ctx = multiprocessing.get_context("spawn")
        self._pipes: list[Pipe] = []
        self._procs: list[Any] = []
        self.shares: list[list[str]] = [users[i::count] for i in range(count)]
        for _ in range(count):
            parent, child = ctx.Pipe()
            proc = ctx.Process(target=_worker_main, args=(child,), daemon=True)
            proc.start()
            self._pipes.append(parent)
            self._procs.append(proc)

    def __len__(self) -> int:
        return len(self.users)

    def _order_sync(self, order: str, per_worker: list[dict[str, Any]]) -> list[Any]:
        for pipe, kwargs in zip(self._pipes, per_worker, strict=True):
            pipe.send((order, kwargs))
        results = []
        failures = []
        for pipe in self._pipes:
            status, value = pipe.recv()
            if status == "err":
                failures.append(value)
            results.append(value)
        if failures:
            raise BenchError(f"worker failed on {order}:\n" + "\n".join(failures))
        return results

    async def order(self, order: str, **kwargs: Any) -> list[Any]:
        """Send the same order to every worker; a list of their answers."""
        return await asyncio.to_thread(self._order_sync, order, [kwargs] * len(self._pipes))

    async def open(self, url: str, *, concurrency: int = 0) -> dict[str, Any]:
        """Connect every user (``concurrency`` per worker, 0 = all at once)."""
        per = [{"url": url, "users": share, "concurrency": concurrency}
               for share in self.shares]
        results = await asyncio.to_thread(self._order_sync, "open", per)
        return merge(results)

    async def each(self, type_: str, fields: dict[str, Any] | None = None, *,
                   keyed: bool = False, start_in: float | None = 0.2,
                   concurrency: int = 0, timeout: float = 120.0) -> dict[str, Any]:
        """Every terminal sends ``type_`` at the same moment; merged times and codes."""
        start_at = now_ns() + int(start_in * 1e9) if start_in is not None else None
        results = await self.order("each", type_=type_, fields=fields or {}, keyed=keyed,
                                   start_at=start_at, concurrency=concurrency,
                                   timeout=timeout)
        return merge(results)

    async def seat(self, url: str, *, check_in: bool = False, open_concurrency: int = 100,
                   concurrency: int = 0, subscribe_concurrency: int | None = None) -> None:
        """Connect, sign in, check in (if asked) and subscribe to meeting 1, in that order:
        a chamber ready to be measured. ``concurrency`` is per worker (0 = all at once)."""
        opened = await self.open(url, concurrency=open_concurrency)
        if opened.get("errors"):
            raise BenchError(f"connect: {opened['errors']}")
        await self.each_ok("auth.login", {"username": "$username", "password": "demo"},
                           start_in=None, concurrency=concurrency)
        if check_in:
            await self.each_ok("attendance.check_in", {"meeting_id": 1}, keyed=True,
                               start_in=None, concurrency=concurrency)
        await self.each_ok("meeting.subscribe", {"meeting_id": 1, "since": 0}, start_in=None,
                           concurrency=concurrency if subscribe_concurrency is None
                           else subscribe_concurrency)

    async def each_ok(self, type_: str, fields: dict[str, Any] | None = None,
                      **kw: Any) -> dict[str, Any]:
        """Like :meth:`each`, but every terminal must get a ``result``."""
        out = await self.each(type_, fields, **kw)
        if out["codes"].get("ok", 0) != len(self.users):
            raise BenchError(f"{type_}: {out['codes']}")
        return out

    def close(self) -> None:
        for pipe in self._pipes:
            with contextlib.suppress(Exception):
                pipe.send(("quit", {}))
        for pipe, proc in zip(self._pipes, self._procs, strict=True):
            with contextlib.suppress(Exception):
                if pipe.poll(10):
                    pipe.recv()
            proc.join(10)
            if proc.is_alive():
                proc.kill()
                proc.join(5)


def merge(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Merge the workers' answers: concatenate lists, add counters, keep the earliest ``t0``."""
    out: dict[str, Any] = {}
    for result in results:
        for k, v in result.items():
            if isinstance(v, list):
                out.setdefault(k, []).extend(v)
            elif isinstance(v, dict):
                counter = out.setdefault(k, Counter())
                counter.update(v)
            elif k == "t0":
                out[k] = min(out.get(k, v), v)
            elif isinstance(v, int):
                out[k] = out.get(k, 0) + v
    for k, v in out.items():
        if isinstance(v, Counter):
            out[k] = dict(v)
    return out




def span_s(first: list[int], last: list[int]) -> float:
    """Seconds from the earliest of ``first`` to the latest of ``last``."""
    return (max(last) - min(first)) / 1e9


# --- the raw stack ---------------------------------------------------------------------


def _baseline_main(pipe: Pipe) -> None:
    """A bare ``websockets`` server: the raw stack the product is compared with.

    Any command frame gets an immediate ``result``; ``meeting.subscribe``
    answers ``{"seq": N}`` (or a given result, e.g. a snapshot) then sends the
    replay frames; a control connection sets those (``bench.replay``) and
    triggers ``broadcast()`` of a frame to every other connection
    (``bench.fire``). It listens with a backlog of 1024 (asyncio's default is
    100): the raw stack at its best, so that a storm of handshakes shows what
    a server's default costs.
    """
    raise_nofile()
    from websockets.asyncio.server import broadcast, serve

    class Cmd(msgspec.Struct):
        type: str
        id: int | None = None
        frame: str | None = None
        frames: list[str] = []
        seq: int = 0
        result: str | None = None

    decode = msgspec.json.Decoder(Cmd).decode
    state: dict[str, Any] = {"seq": 0, "frames": [], "terminals": set(), "result": None}
    login = _encode({"token": "t" * 43, "user": {"id": 1, "username": "u", "full_name": "U",
                                                  "roles": []}})

    async def handler(ws: Any) -> None:
        terminals: set[Any] = state["terminals"]
        terminals.add(ws)
        try:
            while True:
                raw = await ws.recv(decode=False)
                cmd = decode(raw)
                if cmd.type == "bench.fire":
                    terminals.discard(ws)
                    broadcast(terminals, (cmd.frame or "").encode(), text=True)
                    await ws.send(b'{"type":"bench.fired"}', text=True)
                elif cmd.type == "bench.replay":
                    terminals.discard(ws)
                    state["seq"] = cmd.seq
                    state["frames"] = [f.encode() for f in cmd.frames]
                    state["result"] = cmd.result.encode() if cmd.result else None
                    await ws.send(b'{"type":"bench.ok"}', text=True)
                elif cmd.type == "meeting.subscribe":
                    data = state["result"] or b'{"seq":%d}' % state["seq"]
                    await ws.send(b'{"type":"result","id":%d,"data":%s}' % (cmd.id or 0, data),
                                  text=True)
                    for frame in state["frames"]:
                        await ws.send(frame, text=True)
                elif cmd.type in ("auth.login", "auth.resume"):
                    await ws.send(b'{"type":"result","id":%d,"data":%s}' % (cmd.id or 0, login),
                                  text=True)
                else:
                    await ws.send(b'{"type":"result","id":%d,"data":{}}' % (cmd.id or 0),
                                  text=True)
        except Exception:
            pass
        finally:
            terminals.discard(ws)

    async def main() -> None:
        async with serve(handler, LOOPBACK, 0, compression=None, max_size=None,
                         ping_interval=None, backlog=1024) as server:
            port = next(iter(server.sockets)).getsockname()[1]
            pipe.send(port)
            loop = asyncio.get_running_loop()
            await loop.run_in_executor(None, pipe.recv)  # anything: stop

    asyncio.run(main())


class Baseline:
    """The bare websockets server process, and its control connection."""

    def __init__(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._pipe, child = ctx.Pipe()
        self.proc = ctx.Process(target=_baseline_main, args=(child,), daemon=True)
        self.proc.start()
        if not self._pipe.poll(60):
            raise BenchError("baseline server did not start")
        self.port: int = self._pipe.recv()
        self._control: Any = None

    @property
    def url(self) -> str:
        return f"ws://{LOOPBACK}:{self.port}/ws"

    @property
    def pid(self) -> int:
        return int(self.proc.pid)

    def rss_mb(self) -> float:
        import psutil

        return psutil.Process(self.pid).memory_info().rss / 2**20

    async def _ctl(self, body: dict[str, Any]) -> None:
        if self._control is None:
            from websockets.asyncio.client import connect

            self._control = await connect(self.url, compression=None, max_size=None)
        await self._control.send(_encode(body), text=True)
        await self._control.recv()

    async def replay(self, seq: int, frames: list[bytes], result: bytes | None = None) -> None:
        """Answer ``meeting.subscribe`` with ``seq`` (or ``result``), then these frames."""
        await self._ctl({"type": "bench.replay", "seq": seq,
                         "frames": [f.decode() for f in frames],
                         "result": result.decode() if result is not None else None})

    async def fire(self, frame: bytes) -> int:
        """Broadcast ``frame`` to every terminal; returns the send time (ns)."""
        if self._control is None:
            await self._ctl({"type": "bench.replay", "seq": 0, "frames": []})
        t0 = now_ns()
        await self._control.send(_encode({"type": "bench.fire", "frame": frame.decode()}),
                                 text=True)
        await self._control.recv()
        return t0

    async def close(self) -> None:
        if self._control is not None:
            with contextlib.suppress(Exception):
                await self._control.close()
        with contextlib.suppress(Exception):
            self._pipe.send("stop")
        self.proc.join(10)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(5)


# --- results -----------------------------------------------------------------------------


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def machine_info() -> dict[str, Any]:
    import platform

    return {"python": platform.python_version(), "cpus": os.cpu_count(),
            "load_before": os.getloadavg(), "platform": platform.platform()}


def write_json(path: Path, report: Report, info: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = {"info": info, "rows": [r.to_json() for r in report.rows],
            "skipped": [{"bench": b, "why": w} for b, w in report.skipped]}
    path.write_text(json.dumps(body, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit in ("ms", "s", "MB", "KB", "x") or abs(value) < 100:
        text = f"{value:.1f}" if abs(value) >= 10 else f"{value:.2f}"
    else:
        text = f"{value:,.0f}"
    return f"{text} {unit}".strip()


def table(rows: list[Row]) -> str:
    """A plain-text table (also valid Markdown) of every row."""
    head = ["bench", "metric", "measured", "raw stack", "ratio", "target", "ok", "notes"]
    body = []
    for r in rows:
        ratio = r.ratio
        body.append([
            r.bench, r.metric, fmt(r.value, r.unit),
            fmt(r.baseline, r.unit) if r.baseline is not None else "",
            f"{ratio:.2f}×" if ratio is not None else "", r.target,
            "" if r.ok is None else ("yes" if r.ok else "NO"), r.note,
        ])
    widths = [max(len(h), *(len(b[i]) for b in body)) if body else len(h)
              for i, h in enumerate(head)]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    for b in body:
        lines.append("| " + " | ".join(c.ljust(w) for c, w in zip(b, widths, strict=True))
                     + " |")
    return "\n".join(lines)


def read_json(path: Path) -> tuple[dict[str, Any], list[Row]]:
    """``(info, rows)`` of a results file written by :func:`write_json`."""
    body = json.loads(path.read_text(encoding="utf-8"))
    fields = set(Row.__dataclass_fields__)
    return body["info"], [Row(**{k: v for k, v in r.items() if k in fields})
                          for r in body["rows"]]
