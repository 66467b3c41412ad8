"""The attachments runtime: the owners' read rules (collected from the manifests), the
hook that lets ``GET /documents/<sha256>`` and ``document.fetch`` serve an attachment
its reader may read, and the start-up sweep of stale staged uploads.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, or_, select
from sqlalchemy.engine import Connection

from server.module import AttachmentOwner, Reader
from server.modules.attachments.tables import attachments as A
from server.modules.documents.tables import document_versions, documents
from server.storage.committer import utc_now_iso

if TYPE_CHECKING:
    from server.services import Services
    from server.storage.committer import Tx

log = logging.getLogger(__name__)

STALE_AFTER = timedelta(days=1)
"""A staged upload nobody claimed within this long is removed at start-up."""

BlobInUse = Callable[[Connection, str], bool]
"""``(conn, sha256) -> still referenced``: a module keeping blobs of its own (registry)."""


@dataclass
class AttachmentRuntime:
    services: Services
    owners: dict[str, AttachmentOwner]
    blob_in_use: list[BlobInUse] = field(default_factory=list)

    def reader(self, conn: Connection, user_id: int, is_admin: bool) -> Reader:
        profile = self.services.profile_of(conn, user_id)
        return Reader(user_id=user_id, is_admin=is_admin, roles=frozenset(profile.roles),
                      unit_id=profile.unit_id)

    def may_read(self, conn: Connection, reader: Reader, row: Any) -> bool:
        """A staged file: its uploader only; a claimed one: whom its owner allows."""
        if row.owner_kind is None:
            return row.uploader_id == reader.user_id
        rule = self.owners.get(row.owner_kind)
        return rule is not None and rule(conn, reader, row.owner_id)

    def may_read_owner(self, conn: Connection, reader: Reader, owner_kind: str,
                       owner_id: int) -> bool:
        rule = self.owners.get(owner_kind)
        return rule is not None and rule(conn, reader, owner_id)

    def hash_readable(self, conn: Connection, sha256: str, user_id: int,
                      is_admin: bool) -> bool:
        """The documents hook: some attachment with this hash is readable to the user."""
        rows = conn.execute(select(A).where(or_(A.c.sha256 == sha256,
                                                A.c.pdf_sha256 == sha256))).all()
        if not rows:
            return False
        reader = self.reader(conn, user_id, is_admin)
        return any(self.may_read(conn, reader, r) for r in rows)

    def _referenced(self, conn: Connection, sha256: str) -> bool:
        for table in (A, documents, document_versions):
            if conn.execute(select(table.c.id).where(or_(
                    table.c.sha256 == sha256, *([table.c.pdf_sha256 == sha256]
                                                if table is A else
                                                [table.c.original_sha256 == sha256])))
                            ).first() is not None:
                return True
        return any(hook(conn, sha256) for hook in self.blob_in_use)

    async def sweep(self, now: datetime | None = None) -> int:
        """Remove staged uploads older than a day, and their blobs nobody else uses."""
        cutoff = utc_now_iso((now or datetime.now(UTC)) - STALE_AFTER)

        def unit(tx: Tx) -> list[str]:
            stale = tx.conn.execute(select(A.c.id, A.c.sha256, A.c.pdf_sha256).where(
                A.c.owner_kind.is_(None), A.c.created_at < cutoff)).all()
            if not stale:
                return []
            tx.conn.execute(delete(A).where(A.c.id.in_([r.id for r in stale])))
            hashes = {h for r in stale for h in (r.sha256, r.pdf_sha256) if h}
            return sorted(h for h in hashes if not self._referenced(tx.conn, h))

        unused = await self.services.committer.run(unit)
        runtime = self.services.documents
        if runtime is not None:
            for digest in unused:
                runtime.blobs.remove(digest)
        if unused:
            log.info("removed %d blobs of stale staged attachments", len(unused))
        return len(unused)


def runtime_of(services: Services) -> AttachmentRuntime:
    return services.extra["attachments"]  # type: ignore[no-any-return]


def setup_attachments(services: Services) -> None:
    """Collect the owners' rules, hook into the documents' readers, sweep once started."""
    from server.modules import all_modules

    owners = {kind: rule for m in all_modules() for kind, rule in m.attachment_owners.items()}
    runtime = AttachmentRuntime(services, owners)
    services.extra["attachments"] = runtime
    if services.documents is not None:
        services.documents.readable_hooks.append(runtime.hash_readable)

    def start() -> None:
        task = asyncio.get_running_loop().create_task(runtime.sweep(), name="attachment-sweep")
        services.extra["attachments_sweep"] = task

    services.on_start.append(start)
