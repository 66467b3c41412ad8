"""Meeting papers for the GUI: the list model, the bridge to the document cache on the
networking thread, and follow-the-presenter.

:class:`DocumentCenter` runs :class:`~meeting_client.sync.documents.MeetingDocuments`
on the networking thread (through ``Bridge.submit``) and reports back with
signals emitted on the GUI thread, through a :class:`GuiPost` (never on the
networking thread: the room may be deleted while a download runs). :class:`FollowController` holds
the follow-mode rules — when to turn, when the person left, when to publish
— so the reader stays a plain view.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from meeting_client.models.gui_post import GuiPost
from meeting_client.models.port import CommandPort
from meeting_client.sync.documents import DocumentCache, MeetingDocuments
from meeting_protocol.commands import PresentationPage
from meeting_protocol.documents import DocumentInfo
from meeting_protocol.state import Presentation, Snapshot

log = logging.getLogger(__name__)

Submit = Callable[[Callable[[Any], Awaitable[Any]]], int]
"""``CommandPort.submit``: run ``factory(client)`` on the networking thread."""

ID_ROLE = Qt.ItemDataRole.UserRole + 1
CACHED_ROLE = Qt.ItemDataRole.UserRole + 2
INFO_ROLE = Qt.ItemDataRole.UserRole + 3
_ROOT = QModelIndex()


def size_text(size: int) -> str:
    if size >= 1 << 20:
        return f"{size / (1 << 20):.1f} MB".replace(".", ",")
    return f"{max(1, size // 1024)} kB"


class DocumentListModel(QAbstractListModel):
    """The papers this person may read, agenda order, with "đã tải" once cached."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentInfo] = []
        self._cached: set[str] = set()
        self._agenda_item: int | None = None
        self._all: list[DocumentInfo] = []

    def rows(self) -> list[DocumentInfo]:
        return list(self._rows)

    def set_documents(self, documents: list[DocumentInfo]) -> None:
        self._all = list(documents)
        self._refilter()

    def set_agenda_item(self, item_id: int | None) -> None:
        """Show only the papers of one agenda item (None: every paper)."""
        self._agenda_item = item_id
        self._refilter()

    def _refilter(self) -> None:
        rows = [d for d in self._all
                if self._agenda_item is None or d.agenda_item_id == self._agenda_item]
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def set_cached(self, hashes: set[str]) -> None:
        self._cached = set(hashes)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        doc = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            mark = "" if doc.access == "all" else (
                self.tr(" · mật") if doc.access == "confidential" else self.tr(" · hạn chế"))
            state = self.tr("đã tải") if doc.sha256 in self._cached else self.tr("đang tải…")
            version = self.tr(" · bản %1").replace("%1", str(doc.version)) if (
                doc.version > 1) else ""
            return f"{doc.title}\n{size_text(doc.size)} · {state}{version}{mark}"
        if role == ID_ROLE:
            return doc.id
        if role == CACHED_ROLE:
            return doc.sha256 in self._cached
        if role == INFO_ROLE:
            return doc
        if role == Qt.ItemDataRole.ToolTipRole:
            return doc.title
        return None


class DocumentCenter(QObject):
    """One meeting's papers on this terminal, driven from the GUI thread."""

    documents_changed = Signal(list)
    """(list[DocumentInfo]) — what this person may read, restricted papers included."""
    progress_changed = Signal(int, int)
    """(bytes done, bytes total) of the prefetch; at most ~20 per second."""
    prefetched = Signal(int)
    """(bytes transferred) — every paper is on disk (0 on a second entry)."""
    document_ready = Signal(int, str)
    """(document id, local path) — answer to :meth:`request_open`."""
    annotations_changed = Signal(int, list)
    """(document id, list[Annotation]) — this person's annotations of a paper."""
    failed = Signal(str)
    """(message) — something went wrong in the background."""
    upload_progress = Signal(int, int)
    """(bytes sent, bytes total) of the file being uploaded."""
    uploaded = Signal(str)
    """(title) — the paper is stored on the server and listed."""
    elsewhere = Signal(int)
    """(terminals) — this user is signed in on that many terminals at once."""

    def __init__(self, submit: Submit, meeting_id: int, *, cache_dir: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self.meeting_id = meeting_id
        self.cache = DocumentCache(cache_dir)
        self.model = DocumentListModel(self)
        self._docs: MeetingDocuments | None = None
        self._documents: list[DocumentInfo] = []
        self._last_progress = 0.0
        self._gui = GuiPost(self)  # the networking thread reports only through it
        self.documents_changed.connect(self.on_documents_changed)

    # --- GUI thread ------------------------------------------------------------------

    def documents(self) -> list[DocumentInfo]:
        return list(self._documents)

    def document(self, document_id: int) -> DocumentInfo | None:
        return next((d for d in self._documents if d.id == document_id), None)

    def on_documents_changed(self, documents: list[DocumentInfo]) -> None:
        self._documents = list(documents)
        self.model.set_documents(self._documents)
        self.model.set_cached({d.sha256 for d in documents
                               if self.cache.cached(d.sha256) is not None})

    def start(self) -> None:
        """List and prefetch every paper (call once the meeting is open)."""
        self._run(self._start)

    def request_open(self, document_id: int) -> None:
        """Get the paper's local file (cached, or fetched now); ``document_ready`` follows."""
        self._run(lambda docs: self._open(docs, document_id))

    def load_annotations(self, document_id: int) -> None:
        self._run(lambda docs: self._annotations(docs, document_id))

    def save_annotation(self, document_id: int, **fields: Any) -> None:
        async def go(docs: MeetingDocuments) -> None:
            await docs.save_annotation(document_id, **fields)
            await self._annotations(docs, document_id)

        self._run(go)

    def delete_annotation(self, document_id: int, annotation_id: int) -> None:
        async def go(docs: MeetingDocuments) -> None:
            await docs.delete_annotation(annotation_id)
            await self._annotations(docs, document_id)

        self._run(go)

    def upload(self, path: str, title: str, agenda_item_id: int | None = None) -> None:
        """Send a file (PDF or office) to the server as a paper of this meeting.

        The server converts office files and refuses oversized or unreadable
        ones; its Vietnamese sentence comes back through ``failed``.
        """
        async def go(docs: MeetingDocuments) -> None:
            channel = await docs.channel()
            await channel.upload(Path(path), meeting_id=self.meeting_id, title=title or None,
                                 agenda_item_id=agenda_item_id,
                                 progress=lambda sent, size: self._gui(
                                     lambda: self.upload_progress.emit(sent, size)))
            await docs.refresh()
            self._gui(lambda: self.uploaded.emit(title))

        self._run(go)

    def stop(self) -> int:
        """Close the transfer connection; returns the bridge token of that work.

        Call it (and let it finish) before the bridge stops, or the networking
        loop ends with the transfer connection still open.
        """
        async def go(_client: Any) -> None:
            if self._docs is not None:
                await self._docs.close()
                self._docs = None

        return self._submit(go)

    # --- networking thread ---------------------------------------------------------------

    def _run(self, fn: Callable[[MeetingDocuments], Awaitable[Any]]) -> None:
        async def go(client: Any) -> None:
            try:
                docs = self._docs or await self._make(client)
                await fn(docs)
            except Exception as exc:
                log.warning("documents: %s", exc)
                message = getattr(exc, "message", None) or str(exc)
                self._gui(lambda: self.failed.emit(message))

        self._submit(go)

    async def _make(self, client: Any) -> MeetingDocuments:
        self._docs = MeetingDocuments(
            client, self.meeting_id, self.cache,
            on_documents=lambda items: self._gui(lambda: self.documents_changed.emit(items)),
            on_progress=self._progress,
            on_annotations=self._annotations_changed_elsewhere,
            on_elsewhere=lambda n: self._gui(lambda: self.elsewhere.emit(n)))
        return self._docs

    async def _start(self, docs: MeetingDocuments) -> None:
        report = await docs.start()
        documents = list(docs.documents)

        def done() -> None:
            self.progress_changed.emit(1, 1)
            self.documents_changed.emit(documents)
            self.prefetched.emit(report.transferred)

        self._gui(done)

    async def _open(self, docs: MeetingDocuments, document_id: int) -> None:
        doc = next((d for d in docs.documents if d.id == document_id), None)
        if doc is None:
            await docs.refresh()
            doc = next((d for d in docs.documents if d.id == document_id), None)
        if doc is None:
            self._gui(lambda: self.failed.emit(self.tr("Không tìm thấy tài liệu.")))
            return
        path = await docs.path(doc)
        self._gui(lambda: self.document_ready.emit(document_id, str(path)))
        try:
            await docs.opened(document_id)
        except Exception as exc:  # a read receipt must never block reading
            log.info("document.opened not recorded: %s", exc)

    async def _annotations(self, docs: MeetingDocuments, document_id: int) -> None:
        annotations = await docs.annotations(document_id)
        self._gui(lambda: self.annotations_changed.emit(document_id, annotations))

    def _annotations_changed_elsewhere(self, document_id: int) -> None:
        docs = self._docs
        if docs is None or document_id == 0:
            return
        asyncio.get_running_loop().create_task(self._quietly(
            self._annotations(docs, document_id)))

    @staticmethod
    async def _quietly(coro: Awaitable[Any]) -> None:
        try:
            await coro
        except Exception as exc:
            log.info("documents: %s", exc)

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self._last_progress < 0.05:
            return
        self._last_progress = now
        self._gui(lambda: self.progress_changed.emit(done, total))


class FollowController(QObject):
    """Follow-the-presenter for one terminal, with the loop guard of two-way page sync.

    - Following, a ``presentation.page`` from someone else opens that paper
      (``open_requested``) and turns to that page (``turn_requested``); the
      reader marks those moves as not the person's.
    - A move by the person leaves follow mode; :meth:`resume` comes back.
    - Presenting (chair, named presenter, speaker), the person's moves are
      published as ``presentation.page``, once per distinct page; the echo
      of one's own turn (``presenter_id`` is us) is never applied again.
    """

    state_changed = Signal()
    """following, presenting or the presentation changed: redraw the banner."""
    open_requested = Signal(int)
    """(document id) — show this paper (the presenter's)."""
    turn_requested = Signal(int)
    """(1-based page) — show this page of the paper on screen (a remote move)."""

    def __init__(self, port: CommandPort, meeting_id: int, me_id: int,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._port = port
        self.meeting_id = meeting_id
        self.me_id = me_id
        self.following = True
        self.presenting = False
        self.presentation: Presentation | None = None
        self.shown_document: int | None = None
        self.sent: list[tuple[int, int]] = []
        """Every ``presentation.page`` this terminal sent (document id, page)."""
        self._names: dict[int, str] = {}

    # --- inputs ----------------------------------------------------------------------

    def on_snapshot(self, snapshot: Snapshot) -> None:
        self._names = {p.user_id: p.full_name for p in snapshot.participants}
        self.set_presentation(snapshot.presentation)

    def set_presentation(self, presentation: Presentation | None) -> None:
        if presentation == self.presentation:
            return
        self.presentation = presentation
        if presentation is not None and self.following and not self.presenting and (
                presentation.presenter_id != self.me_id):
            self._follow()
        self.state_changed.emit()

    def on_reader_opened(self, document_id: int) -> None:
        self.shown_document = document_id
        p = self.presentation
        if self.presenting:
            self._publish(document_id, 1)
        elif self.following and p is not None and p.document_id == document_id:
            self.turn_requested.emit(p.page)
        self.state_changed.emit()

    def on_reader_page_changed(self, page: int, by_person: bool) -> None:
        if not by_person or self.shown_document is None:
            return  # a move we asked for: never echo it, never count it as leaving
        if self.presenting:
            self._publish(self.shown_document, page)
            return
        if self.following and self.presentation is not None:
            self.following = False
            self.state_changed.emit()

    def set_presenting(self, presenting: bool) -> None:
        """The person starts (or stops) presenting the paper on screen."""
        if presenting == self.presenting:
            return
        self.presenting = presenting
        self.state_changed.emit()

    def publish(self, page: int) -> None:
        """Send the page on screen now (e.g. when starting to present)."""
        if self.shown_document is not None:
            self._publish(self.shown_document, page)

    def leave(self) -> None:
        """The person chose another paper or switched follow mode off."""
        if self.following:
            self.following = False
            self.state_changed.emit()

    def resume(self) -> None:
        """"Quay lại theo dõi": follow again, from the presenter's current page."""
        self.following = True
        self._follow()
        self.state_changed.emit()

    # --- banner ----------------------------------------------------------------------

    def banner(self) -> tuple[bool | None, str, int | None]:
        """(following or None to hide, presenter's name, page) for the reader's banner."""
        p = self.presentation
        if p is None or self.presenting or p.presenter_id == self.me_id:
            return None, "", None
        name = self._names.get(p.presenter_id or 0, self.tr("Người trình bày"))
        return self.following, name, p.page

    # --- internals ---------------------------------------------------------------------

    def _follow(self) -> None:
        p = self.presentation
        if p is None:
            return
        if self.shown_document != p.document_id:
            self.open_requested.emit(p.document_id)
        else:
            self.turn_requested.emit(p.page)

    def _publish(self, document_id: int, page: int) -> None:
        if self.sent and self.sent[-1] == (document_id, page):
            return
        p = self.presentation
        if p is not None and (p.document_id, p.page) == (document_id, page) and (
                p.presenter_id == self.me_id):
            return
        self.sent.append((document_id, page))
        self._port.send_command(PresentationPage(meeting_id=self.meeting_id,
                                                 document_id=document_id, page=page))
