"""Payloads of the minutes commands (``minutes.*``), see docs/protocol.md (Minutes).

Kept apart from :mod:`meeting_protocol.commands` because the minutes domain declares its
commands itself (``payload=`` in the server's CommandSet). The clerk's texts travel as a
small HTML subset (``p b i u br ul ol li``) that the server sanitises; anything else a client
sends is reduced to that subset, never rejected, so a paste from a word processor still saves.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

import msgspec

from meeting_protocol.commands import Id, Payload

MAX_TEXT = 200_000
"""Characters of one rich-text field, markup included (a long debate fits many times)."""

RichText = Annotated[str, msgspec.Meta(max_length=MAX_TEXT)]
Version = Annotated[int, msgspec.Meta(ge=0, le=2**53 - 1)]
Format = Literal["pdf", "docx"]

MINUTES_SAVED = "minutes.saved"
"""Event on ``meeting:<id>``: ``{item_id, version, updated_by}`` — not the text itself."""
MINUTES_ISSUED = "minutes.issued"
"""Event on ``meeting:<id>``: ``{number, year, label}`` once the minutes have a number."""
NOTICE_ISSUED = "minutes.notice_issued"
"""Event on ``meeting:<id>``: ``{number, year, label, due_on}`` for the conclusion notice."""


class MinutesGet(Payload):
    TYPE: ClassVar[str] = "minutes.get"
    meeting_id: Id


class MinutesSave(Payload):
    """One agenda item's texts (``item_id``), or the general part (``item_id`` null).

    ``base_version`` is the version the editor loaded (0 when nothing was saved yet); a save
    over a newer version is refused with ``conflict``.
    """

    TYPE: ClassVar[str] = "minutes.save"
    meeting_id: Id
    item_id: Id | None
    opinions: RichText = ""
    conclusions: RichText = ""
    base_version: Version = 0


class MinutesDraftText(msgspec.Struct, kw_only=True, forbid_unknown_fields=False):
    """Unsaved texts of one item (``item_id`` null: the general part), for a preview."""

    item_id: Id | None
    opinions: RichText = ""
    conclusions: RichText = ""


class MinutesRender(Payload):
    """``drafts`` replace the saved texts of their items in this rendering only (nothing is
    stored), so an editor can preview what the clerk is typing before it is saved."""

    TYPE: ClassVar[str] = "minutes.render"
    meeting_id: Id
    format: Format = "pdf"
    drafts: Annotated[list[MinutesDraftText], msgspec.Meta(max_length=1000)] = msgspec.field(
        default_factory=list)


class MinutesIssue(Payload):
    TYPE: ClassVar[str] = "minutes.issue"
    meeting_id: Id


class MinutesNotice(Payload):
    TYPE: ClassVar[str] = "minutes.notice"
    meeting_id: Id


MINUTES_PAYLOADS: dict[str, type[Payload]] = {cls.TYPE: cls for cls in (
    MinutesGet, MinutesSave, MinutesRender, MinutesIssue, MinutesNotice,
)}
