"""The objects every handler may need, built once by ``server.app``."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from server.config import Settings
from server.fanout import Hub
from server.modules.accounts.live import LiveSessions
from server.modules.meetings.snapshot import SnapshotCache
from server.storage.committer import Committer

if TYPE_CHECKING:
    from server.modules.accounts.passwords import LoginThrottle, Passwords
    from server.modules.documents.transfer import DocumentRuntime
    from server.modules.voting.progress import ProgressCoalescer


@dataclass
class Services:
    settings: Settings
    committer: Committer
    hub: Hub
    passwords: Passwords
    throttle: LoginThrottle
    progress: ProgressCoalescer
    cpu: ThreadPoolExecutor
    """For CPU-heavy work off the loop (argon2)."""
    snapshots: SnapshotCache = field(default_factory=SnapshotCache)
    """The latest snapshot of each meeting (database thread only)."""
    live: LiveSessions = field(default_factory=LiveSessions)
    """Signed-in connections by user, to end or update sessions at once."""
    documents: DocumentRuntime | None = None
    """Blob store and bulk transfers (binary frames); None refuses binary frames."""
