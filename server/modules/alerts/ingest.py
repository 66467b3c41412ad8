"""``POST /api/alerts``: other systems raise alerts (PROTOCOL.md "Alerts").

Order of judgement: the token first (401 whatever the body), then the
source's rate (429), then the size (413), then the body (400). A body over the
limit is never read past 64 KiB; everything else is judged and stored in one
unit of work. Every refusal is logged with the source's name (never its token) and
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
from sqlalchemy import bindparam, select

from meeting_protocol.alerts import DEFAULT_AUDIENCE, INGEST_LIMIT, AlertPost
from server.modules.alerts import audience
from server.modules.alerts.queries import raise_alert
from server.modules.alerts.sources import Source, find_source
from server.modules.alerts.tables import alerts
from server.storage.prepared import Prepared
from server.transport.api import json_response

if TYPE_CHECKING:
    from server.services import Services
    from server.storage.committer import Tx

log = logging.getLogger(__name__)

PATH = "/api/alerts"
_FIRST = Prepared(select(alerts.c.id).where(alerts.c.source_id == bindparam("source"),
                                            alerts.c.idempotency_key == bindparam("key")))
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


@dataclass(frozen=True, slots=True)
class Refusal:
    source: str
    """The source's name, ``-`` when the token names none (never the token)."""
    reason: str
    status: int
    code: str
    message: str


UNAUTHENTICATED = (401, "unauthenticated", "Thiếu hoặc sai mã nguồn cảnh báo.")


class AlertIngest:
    def __init__(self, services: Services, limits: RateLimits) -> None:
        self.services = services
        self.limits = limits

    async def post(self, request: web.Request) -> web.Response:
        """One unit of work judges the token, the rate, the size, the body and stores.

        The body (at most 64 KiB of it) is read before that unit, so that a post
        costs one trip to the database thread; it is judged only after the token.
        """
        token = _bearer(request)
        if token is None:
            return self._answer(request, Refusal("-", "no bearer token", *UNAUTHENTICATED))
        oversized = (request.content_length or 0) > INGEST_LIMIT
        post: AlertPost | None = None
        bad_body: str | None = None
        if not oversized:
            raw = await request.content.read(INGEST_LIMIT + 1)
            oversized = len(raw) > INGEST_LIMIT
            if not oversized:
                try:
                    post = msgspec.json.decode(raw, type=AlertPost)
                except msgspec.DecodeError as exc:
                    bad_body = str(exc)
        key = request.headers.get("Idempotency-Key")
        verdict = await self.services.committer.run(
            lambda tx: self._judge(tx, token, key, oversized, bad_body, post))
        return self._answer(request, verdict)

    def _answer(self, request: web.Request, verdict: Refusal | tuple[int, bool]
                ) -> web.Response:
        if isinstance(verdict, Refusal):
            log.warning("alert post refused: source=%s peer=%s status=%d reason=%s",
                        verdict.source, request.remote, verdict.status, verdict.reason)
            return _error(verdict.status, verdict.code, verdict.message)
        alert_id, created = verdict
        return json_response(201 if created else 200, {"alert_id": alert_id})

    def _judge(self, tx: Tx, token: str, key: str | None, oversized: bool,
               bad_body: str | None, post: AlertPost | None) -> Refusal | tuple[int, bool]:
        """In the database thread (the rate limits are only touched here)."""
        source = find_source(tx.conn, token)
        if source is None or source.revoked:
            return Refusal(source.name if source else "-",
                           "revoked token" if source else "unknown token", *UNAUTHENTICATED)
        if not self.limits.allow(source):
            return Refusal(source.name, "rate limit", 429, "rate_limited",
                           "Nguồn gửi quá nhiều cảnh báo; thử lại sau.")
        if key is not None and not 0 < len(key) <= MAX_KEY:
            return Refusal(source.name, "bad Idempotency-Key", 400, "bad_request",
                           "Idempotency-Key phải dài 1–100 ký tự.")
        if oversized:
            return Refusal(source.name, "body over 64 KiB", 413, "too_large",
                           "Nội dung cảnh báo vượt quá 64 KiB.")
        if post is None:
            return Refusal(source.name, f"bad body: {bad_body}", 400, "bad_request",
                           f"Nội dung cảnh báo không hợp lệ ({bad_body}).")
        outcome = self._store(tx, source, post, key)
        if isinstance(outcome, str):
            return Refusal(source.name, outcome, 400, "bad_request",
                           "Người nhận hoặc đơn vị nhận không tồn tại.")
        return outcome

    @staticmethod
    def _store(tx: Tx, source: Source, post: AlertPost, key: str | None
               ) -> tuple[int, bool] | str:
        """``(alert_id, created)``, or the reason the post is refused."""
        if key is not None:
            first = _FIRST.scalar(tx.conn, {"source": source.id, "key": key})
            if first is not None:
                return int(first), False
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
