"""``POST /api/alerts``: other systems raise alerts (PROTOCOL.md "Alerts").

Order of judgement: the token first (401, before any byte of the body is
read), then the source's rate (429), then the size (413), then the body
(400). Every refusal is logged with the source's name (never its token) and
the reason. With ``Idempotency-Key`` the same source and key again creates
nothing and answers ``200`` with the first ``alert_id``.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import msgspec
from aiohttp import web
from sqlalchemy import select

from meeting_protocol.alerts import DEFAULT_AUDIENCE, INGEST_LIMIT, AlertPost
from server.modules.alerts import audience
from server.modules.alerts.queries import raise_alert
from server.modules.alerts.sources import Source, find_source
from server.modules.alerts.tables import alerts
from server.transport.api import json_response

if TYPE_CHECKING:
    from server.services import Services
    from server.storage.committer import Tx

log = logging.getLogger(__name__)

PATH = "/api/alerts"
MAX_KEY = 100


@dataclass
class _Bucket:
    tokens: float
    at: float = field(default_factory=time.monotonic)


class RateLimits:
    """A token bucket per source: ``rate_per_s``, bursts of five seconds' worth."""

    def __init__(self) -> None:
        self._buckets: dict[int, _Bucket] = {}

    def allow(self, source: Source) -> bool:
        burst = max(1.0, source.rate_per_s * 5.0)
        now = time.monotonic()
        bucket = self._buckets.get(source.id)
        if bucket is None:
            bucket = self._buckets[source.id] = _Bucket(burst, now)
        bucket.tokens = min(burst, bucket.tokens + (now - bucket.at) * source.rate_per_s)
        bucket.at = now
        if bucket.tokens < 1.0:
            return False
        bucket.tokens -= 1.0
        return True


def _error(status: int, code: str, message: str) -> web.Response:
    return json_response(status, {"error": code, "message": message})


def _bearer(request: web.Request) -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


class AlertIngest:
    def __init__(self, services: Services, limits: RateLimits) -> None:
        self.services = services
        self.limits = limits

    def _refuse(self, request: web.Request, source: str, reason: str, status: int,
                code: str, message: str) -> web.Response:
        log.warning("alert post refused: source=%s peer=%s status=%d reason=%s",
                    source, request.remote, status, reason)
        return _error(status, code, message)

    async def post(self, request: web.Request) -> web.Response:
        token = _bearer(request)
        committer = self.services.committer
        source = (await committer.run(lambda tx: find_source(tx.conn, token))
                  if token else None)
        if source is None or source.revoked:
            reason = ("revoked token" if source else "unknown token" if token
                      else "no bearer token")
            return self._refuse(request, source.name if source else "-", reason, 401,
                                "unauthenticated", "Thiếu hoặc sai mã nguồn cảnh báo.")
        if not self.limits.allow(source):
            return self._refuse(request, source.name, "rate limit", 429, "rate_limited",
                                "Nguồn gửi quá nhiều cảnh báo; thử lại sau.")
        key = request.headers.get("Idempotency-Key")
        if key is not None and not 0 < len(key) <= MAX_KEY:
            return self._refuse(request, source.name, "bad Idempotency-Key", 400,
                                "bad_request", "Idempotency-Key phải dài 1–100 ký tự.")
        if (request.content_length or 0) > INGEST_LIMIT:
            return self._refuse(request, source.name, "body over 64 KiB", 413, "too_large",
                                "Nội dung cảnh báo vượt quá 64 KiB.")
        raw = await request.content.read(INGEST_LIMIT + 1)
        if len(raw) > INGEST_LIMIT:
            return self._refuse(request, source.name, "body over 64 KiB", 413, "too_large",
                                "Nội dung cảnh báo vượt quá 64 KiB.")
        try:
            post = msgspec.json.decode(raw, type=AlertPost)
        except msgspec.DecodeError as exc:
            return self._refuse(request, source.name, f"bad body: {exc}", 400, "bad_request",
                                f"Nội dung cảnh báo không hợp lệ ({exc}).")
        outcome = await committer.run(lambda tx: self._store(tx, source, post, key))
        if isinstance(outcome, str):
            return self._refuse(request, source.name, outcome, 400, "bad_request",
                                "Người nhận hoặc đơn vị nhận không tồn tại.")
        alert_id, created = outcome
        return json_response(201 if created else 200, {"alert_id": alert_id})

    @staticmethod
    def _store(tx: Tx, source: Source, post: AlertPost, key: str | None
               ) -> tuple[int, bool] | str:
        """``(alert_id, created)``, or the reason the post is refused."""
        if key is not None:
            first = tx.conn.execute(select(alerts.c.id).where(
                alerts.c.source_id == source.id, alerts.c.idempotency_key == key)).first()
            if first is not None:
                return int(first.id), False
        who = post.audience if post.audience and not post.audience.empty() else DEFAULT_AUDIENCE
        named = audience.existing_users(tx.conn, who.user_ids)
        if len(named) != len(set(who.user_ids)):
            return "unknown user ids in audience"
        if audience.unknown_units(tx.conn, who.unit_ids):
            return "unknown unit ids in audience"
        recipients = sorted(named | audience.unit_members(tx.conn, who.unit_ids)
                            | audience.role_holders(tx.conn, who.roles))
        alert_id = raise_alert(tx, level=post.level, title=post.title, body=post.body,
                               link=post.link, source=source.name, source_id=source.id,
                               idempotency_key=key, recipients=recipients)
        assert alert_id is not None
        return alert_id, True


def api_routes(services: Services) -> list[web.RouteDef]:
    ingest = AlertIngest(services, services.extra["alerts"].limits)
    return [web.post(PATH, ingest.post)]
