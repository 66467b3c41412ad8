"""The minutes of one meeting as the editor sees them: texts, versions, files.

Talks to the server only through a :class:`~meeting_client.models.port.CommandPort` and
answers only with signals, so the widgets stay free of protocol details and a test can
drive it with a fake port. Holds no widgets.

Concurrency: every save carries the version it was typed over; the server refuses a stale
one (``conflict``) and this store reports it as :attr:`MinutesStore.conflict`. Another
terminal's save arrives as a ``minutes.saved`` event; since the server publishes an event
before it answers the command that caused it, an event for an item with a save of ours in
flight is held until our answer says whether the version was ours.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field, replace
from typing import Any, cast

from PySide6.QtCore import QObject, Signal

from meeting_client.models.port import CommandPort
from meeting_protocol import events as ev
from meeting_protocol.commands import Payload
from meeting_protocol.envelope import Event
from meeting_protocol.minutes import (
    Format,
    MinutesDraftText,
    MinutesGet,
    MinutesIssue,
    MinutesNotice,
    MinutesRender,
    MinutesSave,
)

GENERAL = 0
"""Key of the meeting's general part (overall conclusions); agenda items use their id."""


@dataclass(frozen=True, slots=True)
class ItemText:
    """One item's texts as last loaded or saved (the server's sanitised HTML)."""

    key: int
    title: str
    position: int
    opinions: str = ""
    conclusions: str = ""
    version: int = 0
    updated_by_name: str | None = None
    updated_at: str | None = None
    speakers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RenderedFile:
    """A document the server rendered (minutes or conclusion notice)."""

    fmt: str
    filename: str
    data: bytes
    pages: int | None = None
    label: str | None = None
    due_on: str | None = None


@dataclass(slots=True)
class _Pending:
    kind: str
    key: int = GENERAL
    purpose: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def _item_id(key: int) -> int | None:
    return None if key == GENERAL else key


class MinutesStore(QObject):
    """Loads, saves and renders the minutes of ``meeting_id``."""

    loaded = Signal()
    """:meth:`items` holds every item's texts (after :meth:`load`)."""
    item_reloaded = Signal(int)
    """(key) — that item's texts were fetched again (after :meth:`reload`)."""
    saved = Signal(int, int)
    """(key, version) — committed on the server."""
    conflict = Signal(int, str)
    """(key, message) — someone else saved first; reload before saving again."""
    remote_saved = Signal(int, int)
    """(key, version) — another terminal saved this item."""
    rendered = Signal(str, object)
    """(purpose, RenderedFile) — ``purpose`` is what :meth:`render` was given."""
    notice_ready = Signal(object)
    """(RenderedFile) — the conclusion notice, with its number label and due date."""
    issued = Signal(str)
    """(label) — the minutes' number, e.g. "Số: 07/BB-HĐND"."""
    failed = Signal(str, str)
    """(what, message) — ``what`` is ``load``, ``save``, ``render:<purpose>``, ``notice``
    or ``issue``; the message is the server's sentence."""

    def __init__(self, port: CommandPort, meeting_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._port = port
        self.meeting_id = meeting_id
        self._items: dict[int, ItemText] = {}
        self._order: list[int] = []
        self._pending: dict[int, _Pending] = {}
        self._saving: dict[int, int] = {}  # key → token of the save in flight
        self._held: dict[int, int] = {}  # key → newest version announced during that save
        self.number_label: str | None = None
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._port.command_finished.connect(self.on_port_command_finished)
        self._port.command_failed.connect(self.on_port_command_failed)
        self._port.events_received.connect(self.on_events)

    # --- reading -----------------------------------------------------------------

    def items(self) -> list[ItemText]:
        """Agenda items in order, then the general part."""
        return [self._items[k] for k in self._order]

    def item(self, key: int) -> ItemText | None:
        return self._items.get(key)

    def is_saving(self, key: int | None = None) -> bool:
        return bool(self._saving) if key is None else key in self._saving

    def busy(self, kind: str) -> bool:
        return any(p.kind == kind for p in self._pending.values())

    # --- commands ----------------------------------------------------------------

    def _request(self, payload: Payload, pending: _Pending) -> int:
        token = self._port.send_request(payload)
        self._pending[token] = pending
        return token

    def _command(self, payload: Payload, pending: _Pending) -> int:
        token = self._port.send_command(payload)
        self._pending[token] = pending
        return token

    def load(self) -> int:
        return self._request(MinutesGet(meeting_id=self.meeting_id), _Pending("load"))

    def reload(self, key: int) -> int:
        """Fetch again, to continue from what another terminal saved for ``key``."""
        return self._request(MinutesGet(meeting_id=self.meeting_id), _Pending("reload", key))

    def save(self, key: int, opinions: str, conclusions: str) -> int | None:
        """Save over the version last loaded; None while a save of that item is in flight."""
        if key in self._saving:
            return None
        current = self._items.get(key)
        base = current.version if current is not None else 0
        token = self._command(MinutesSave(
            meeting_id=self.meeting_id, item_id=_item_id(key), opinions=opinions,
            conclusions=conclusions, base_version=base,
        ), _Pending("save", key, extra={"opinions": opinions, "conclusions": conclusions}))
        self._saving[key] = token
        return token

    def render(self, fmt: str, drafts: dict[int, tuple[str, str]], purpose: str) -> int:
        """Render PDF or DOCX with ``drafts`` (key → (opinions, conclusions)) standing in for
        the saved texts; the answer is :attr:`rendered` with the same ``purpose``."""
        payload = MinutesRender(meeting_id=self.meeting_id, format=cast(Format, fmt), drafts=[
            MinutesDraftText(item_id=_item_id(k), opinions=o, conclusions=c)
            for k, (o, c) in drafts.items()])
        return self._request(payload, _Pending("render", purpose=purpose))

    def notice(self) -> int:
        return self._command(MinutesNotice(meeting_id=self.meeting_id), _Pending("notice"))

    def issue(self) -> int:
        return self._command(MinutesIssue(meeting_id=self.meeting_id), _Pending("issue"))

    # --- answers -----------------------------------------------------------------

    def _take_minutes(self, data: dict[str, Any]) -> None:
        items: dict[int, ItemText] = {}
        order: list[int] = []
        for d in data.get("items", []):
            key = int(d["item_id"])
            items[key] = ItemText(
                key=key, title=str(d.get("title", "")), position=int(d.get("position", 0)),
                opinions=d.get("opinions") or "", conclusions=d.get("conclusions") or "",
                version=int(d.get("version", 0)), updated_by_name=d.get("updated_by_name"),
                updated_at=d.get("updated_at"), speakers=tuple(d.get("speakers") or ()))
            order.append(key)
        g = data.get("general") or {}
        items[GENERAL] = ItemText(
            key=GENERAL, title="", position=0, opinions=g.get("opinions") or "",
            conclusions=g.get("conclusions") or "", version=int(g.get("version", 0)),
            updated_by_name=g.get("updated_by_name"), updated_at=g.get("updated_at"))
        order.append(GENERAL)
        self._items, self._order = items, order
        number = data.get("number")
        self.number_label = number.get("label") if isinstance(number, dict) else None

    def on_port_command_finished(self, token: int, data: object) -> None:
        pending = self._pending.pop(token, None)
        if pending is None:
            return
        d: dict[str, Any] = data if isinstance(data, dict) else {}
        if pending.kind in ("load", "reload"):
            self._take_minutes(d)
            if pending.kind == "load":
                self.loaded.emit()
            else:
                self.item_reloaded.emit(pending.key)
        elif pending.kind == "save":
            self._saved(pending, d)
        elif pending.kind == "render":
            self.rendered.emit(pending.purpose, self._file(d))
        elif pending.kind == "notice":
            self.notice_ready.emit(self._file(d))
        elif pending.kind == "issue":
            self.number_label = str(d.get("label", ""))
            self.issued.emit(self.number_label)

    def _saved(self, pending: _Pending, d: dict[str, Any]) -> None:
        key = pending.key
        self._saving.pop(key, None)
        version = int(d.get("version", 0))
        old = self._items.get(key) or ItemText(key=key, title="", position=0)
        self._items[key] = replace(
            old, opinions=d.get("opinions", old.opinions),
            conclusions=d.get("conclusions", old.conclusions), version=version,
            updated_by_name=d.get("updated_by_name"), updated_at=d.get("updated_at"))
        if key not in self._order:
            self._order.append(key)
        self.saved.emit(key, version)
        held = self._held.pop(key, 0)
        if held > version:
            self.remote_saved.emit(key, held)

    @staticmethod
    def _file(d: dict[str, Any]) -> RenderedFile:
        return RenderedFile(
            fmt=str(d.get("format", "pdf")), filename=str(d.get("filename", "")),
            data=base64.b64decode(d.get("content_base64", "")), pages=d.get("pages"),
            label=d.get("label"), due_on=d.get("due_on"))

    def on_port_command_failed(self, token: int, code: str, message: str) -> None:
        pending = self._pending.pop(token, None)
        if pending is None:
            return
        if pending.kind == "save":
            self._saving.pop(pending.key, None)
            self._held.pop(pending.key, None)
            if code == "conflict":
                self.conflict.emit(pending.key, message)
                return
        what = f"render:{pending.purpose}" if pending.kind == "render" else pending.kind
        self.failed.emit(what, message)

    def on_events(self, events: list[Event]) -> None:
        """Note ``minutes.saved`` of this meeting: another terminal's save, or our own."""
        topic = f"meeting:{self.meeting_id}"
        for event in events:
            if event.topic != topic or event.event != ev.MinutesSaved.NAME:
                continue
            try:
                saved = ev.decode_data(event)
            except ev.MalformedEvent:
                continue
            if not isinstance(saved, ev.MinutesSaved):
                continue
            key = GENERAL if saved.item_id is None else saved.item_id
            version = saved.version
            if key in self._saving:
                self._held[key] = max(version, self._held.get(key, 0))
                continue
            current = self._items.get(key)
            if current is None or version > current.version:
                self.remote_saved.emit(key, version)
