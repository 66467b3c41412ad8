"""A plain protocol client for tests: no reconnection, no magic."""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any

from websockets.asyncio.client import ClientConnection, connect


class Failed(Exception):
    def __init__(self, reply: dict[str, Any]) -> None:
        super().__init__(f"{reply.get('code')}: {reply.get('message')}")
        self.code = reply.get("code")
        self.message = reply.get("message")
        self.reply = reply


class WsClient:
    """Sends commands, matches replies by id, queues pushed events."""

    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self.events: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.frames: list[dict[str, Any]] = []
        self._next = 0
        self._waiting: dict[int | None, asyncio.Future[dict[str, Any]]] = {}
        self._null_errors: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._reader = asyncio.create_task(self._read())

    @classmethod
    async def open(cls, url: str, **kw: Any) -> WsClient:
        ws = await connect(url, compression=None, max_size=None, **kw)
        return cls(ws)

    @classmethod
    async def signed_in(cls, url: str, username: str, password: str = "demo") -> WsClient:
        client = await cls.open(url)
        await client.call("auth.login", username=username, password=password)
        return client

    async def _read(self) -> None:
        try:
            async for raw in self.ws:
                msg = json.loads(raw)
                self.frames.append(msg)
                if msg.get("type") == "event":
                    self.events.put_nowait(msg)
                elif msg.get("id") is None:
                    self._null_errors.put_nowait(msg)
                else:
                    fut = self._waiting.pop(msg["id"], None)
                    if fut is not None and not fut.done():
                        fut.set_result(msg)
        except Exception:
            pass
        finally:
            for fut in self._waiting.values():
                if not fut.done():
                    fut.set_exception(ConnectionError("connection closed"))

    async def raw(self, type_: str, *, key: str | None = None, timeout: float = 20.0,
                  **fields: Any) -> dict[str, Any]:
        """Send a command and return the whole reply frame."""
        self._next += 1
        frame_id = self._next
        fut = asyncio.get_running_loop().create_future()
        self._waiting[frame_id] = fut
        body = {"id": frame_id, "type": type_, **fields}
        if key is not None:
            body["key"] = key
        await self.ws.send(json.dumps(body))
        return await asyncio.wait_for(fut, timeout)

    async def call(self, type_: str, *, key: str | None = None, **fields: Any) -> Any:
        reply = await self.raw(type_, key=key, **fields)
        if reply["type"] == "error":
            raise Failed(reply)
        return reply["data"]

    async def act(self, type_: str, **fields: Any) -> Any:
        """A mutating command with a fresh idempotency key."""
        return await self.call(type_, key=str(uuid.uuid4()), **fields)

    async def send_text(self, text: str | bytes) -> None:
        await self.ws.send(text)

    async def raw_reply(self, frame_id: int, timeout: float = 20.0) -> dict[str, Any]:
        """The reply to a frame sent by hand with :meth:`send_text`."""
        for frame in self.frames:
            if frame.get("id") == frame_id and frame.get("type") != "event":
                return frame
        fut = self._waiting.get(frame_id)
        if fut is None:
            fut = self._waiting[frame_id] = asyncio.get_running_loop().create_future()
        return await asyncio.wait_for(fut, timeout)

    async def null_error(self, timeout: float = 10.0) -> dict[str, Any]:
        return await asyncio.wait_for(self._null_errors.get(), timeout)

    async def next_event(self, name: str | None = None, timeout: float = 10.0) -> dict[str, Any]:
        """The next pushed event (of that name, skipping others)."""
        async def wait() -> dict[str, Any]:
            while True:
                ev = await self.events.get()
                if name is None or ev["event"] == name:
                    return ev

        return await asyncio.wait_for(wait(), timeout)

    def drain_events(self) -> list[dict[str, Any]]:
        out = []
        while not self.events.empty():
            out.append(self.events.get_nowait())
        return out

    async def close(self) -> None:
        await self.ws.close()
        self._reader.cancel()


async def sign_in_many(url: str, usernames: list[str]) -> list[WsClient]:
    return list(await asyncio.gather(*(WsClient.signed_in(url, u) for u in usernames)))


def delegate_names(n: int, start: int = 1) -> list[str]:
    return [f"d{i:03d}" for i in range(start, start + n)]

