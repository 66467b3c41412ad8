"""Server settings with visible defaults; the CLI fills them from flags."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Settings:
    db_url: str
    host: str = "127.0.0.1"
    port: int = 8765
    allow_demo: bool = False
    max_text_frame: int = 1 << 20
    """Larger text frames close the connection with 1009 (PROTOCOL.md)."""
    max_write_buffer: int = 4 << 20
    """A terminal whose unsent backlog exceeds this is dropped; it resyncs later."""
    rate_per_s: float = 50.0
    rate_burst: float = 200.0
    max_inflight: int = 256
    """Commands of one connection queued at once before ``rate_limited``."""
    session_ttl_s: int = 12 * 3600
    auth_timeout_s: float = 30.0
    """A connection that has not signed in by then is closed."""
    max_connections: int | None = None
    """Open sockets at most (None: derived from the file-descriptor limit); beyond, the
    upgrade is answered 503."""
    ping_interval_s: float = 20.0
    ping_timeout_s: float = 20.0
    resume_window: int = 10_000
    """A ``since`` further back than this many events gets a snapshot instead."""
    progress_interval_s: float = 0.25
    ballot_batch_min: int = 5
    """Secret ballots commit in groups of at least this many voters …"""
    ballot_batch_window_s: float = 1.0
    """… or once the first of them has waited this long (its added latency)."""
    login_free_failures: int = 5
    """Wrong passwords allowed before answers slow down (per user and per address)."""
    login_base_delay_s: float = 0.5
    """The first slowed attempt waits this long, each further one twice as long …"""
    login_max_delay_s: float = 30.0
    """… up to this."""
    argon2_time_cost: int = 2
    argon2_memory_kib: int = 19_456
    shutdown_timeout_s: float = 10.0
    listen_backlog: int = 1024
    """Connections the kernel queues before accept; asyncio's default of 100 makes a
    whole chamber reconnecting at once wait for SYN retransmissions (1 s, 3 s …)."""
    max_upload: int = 100 << 20
    """Largest document upload in bytes; larger ones are refused with ``too_large``."""
    convert_timeout_s: float = 120.0
    tls_cert: str | None = None
    """PEM certificate: with ``tls_key``, the port speaks only TLS (``wss://``)."""
    tls_key: str | None = None
    directive_scan_s: float = 60.0
    """How often the directives' reminder scan runs (deadlines near and passed)."""
    directive_remind_days: int = 3
    """Working days before a directive's deadline that its reminder fires."""
    api_port: int | None = None
    """The HTTP API's port (``POST /api/…``); ``None``: the WebSocket port + 1, or any free
    port when that one is 0."""
    """LibreOffice gets this long to turn one office file into PDF."""
