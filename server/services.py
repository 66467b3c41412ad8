"""The objects every handler may need, built once by ``server.app``.

Core objects come first; then what modules put in (their manifest's
``setup``), typed here so handlers need no casts. The core never reads the
module fields.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from server.config import Settings
from server.storage.committer import Committer
from server.transport.fanout import Hub

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from server.dispatch import Membership
    from server.module import MeetingGuard
    from server.modules.accounts.live import LiveSessions
    from server.modules.accounts.passwords import LoginThrottle, Passwords
    from server.modules.accounts.service import Profile
    from server.modules.documents.transfer import DocumentRuntime
    from server.modules.meetings.snapshot import SnapshotCache
    from server.modules.voting.progress import ProgressCoalescer


@dataclass
class Services:
    settings: Settings
    committer: Committer
    hub: Hub
    passwords: Passwords
    throttle: LoginThrottle
    cpu: ThreadPoolExecutor
    """For CPU-heavy work off the loop (argon2)."""
    membership: Membership
    """Who is what in which meeting (the meetings module's answer, for the dispatcher)."""
    snapshots: SnapshotCache
    """The latest snapshot of each meeting (database thread only)."""
    meeting_end_guards: tuple[MeetingGuard, ...] = ()
    """Modules' checks before a meeting may end (from the manifests)."""
    progress: ProgressCoalescer = field(default=None)  # type: ignore[assignment]
    """Set by the voting module's setup."""
    live: LiveSessions = field(default=None)  # type: ignore[assignment]
    """Signed-in connections by user, to end or update sessions at once (accounts' setup)."""
    profile_of: Callable[[Connection, int], Profile] = field(default=None)  # type: ignore[assignment]
    """A user's unit, position, global roles and account state at sign-in (accounts'
    setup gives admin-or-staff; the org module's setup the whole profile)."""
    documents: DocumentRuntime | None = None
    """Blob store and bulk transfers (binary frames); None refuses binary frames."""
    on_shutdown: list[Callable[[], None]] = field(default_factory=list)
    """Run once the last commit is done (modules stop their executors and timers)."""
    api_url: str | None = None
    """Where the HTTP API listens (``/healthz`` reports it as ``api``); set at start-up."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Runtime objects of modules that the core does not know by name."""
