"""The HTTP API beside the WebSocket port: what needs more than ``GET``.

websockets' own HTTP handling accepts only ``GET`` (STACK.md), so other city
systems' ``POST /api/alerts``, calendar feeds and the like are served by
aiohttp on a second port, reported by ``GET /healthz`` as ``api``
(PROTOCOL.md, "Alerts"). Modules declare their routes in their manifest
(``Module.api``); this layer only runs them: the fan-out path and the
documents' sendfile path on the ``/ws`` port are untouched by it.

Failure modes: a handler's unexpected exception becomes a ``500`` with a
JSON body and a logged traceback; the server lives on. Bodies above
``max_body`` are refused by aiohttp with ``413`` before a handler runs.
"""

from __future__ import annotations

import json
import logging
import ssl
from collections.abc import Awaitable, Callable, Iterable

from aiohttp import web

log = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def json_response(status: int, body: dict[str, object]) -> web.Response:
    return web.Response(status=status, text=json.dumps(body, ensure_ascii=False),
                        content_type="application/json")


@web.middleware
async def _errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Unexpected exceptions become a JSON ``500``; aiohttp's HTTP errors pass through."""
    try:
        return await handler(request)
    except web.HTTPException:
        raise
    except Exception:
        log.exception("api %s %s failed", request.method, request.path)
        return json_response(500, {"error": "internal", "message": "Lỗi máy chủ."})


class HttpApi:
    """An aiohttp site on ``host:port`` serving the modules' routes."""

    def __init__(self, routes: Iterable[web.AbstractRouteDef], *, host: str, port: int,
                 tls: ssl.SSLContext | None = None, max_body: int = 1 << 20) -> None:
        self.app = web.Application(middlewares=[_errors], client_max_size=max_body)
        self.app.add_routes(list(routes))
        self.host = host
        self.requested_port = port
        self.tls = tls
        self.port: int | None = None
        self._runner: web.AppRunner | None = None

    @property
    def url(self) -> str:
        scheme = "https" if self.tls else "http"
        return f"{scheme}://{self.host}:{self.port}"

    async def start(self) -> int:
        self._runner = web.AppRunner(self.app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.requested_port,
                           ssl_context=self.tls, backlog=128)
        await site.start()
        server = site._server  # aiohttp keeps the listening sockets there
        assert server is not None and server.sockets
        self.port = int(server.sockets[0].getsockname()[1])
        return self.port

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
