"""Minutes (biên bản) and conclusion notices in the layout of Decree 30/2020/NĐ-CP.

``model`` is pure data and wording; ``pdf`` (reportlab) and ``docx`` (python-docx) render it;
``notice`` derives the conclusion notice. The renderers are imported lazily so that code
which only builds a ``MinutesDraft`` does not pay for reportlab and python-docx.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from server.modules.minutes.model import (
    Absentee,
    Attendance,
    ItemMinutes,
    MinutesDraft,
    NamedBallot,
    Person,
    PollResult,
    Speech,
    minutes_number_label,
)

if TYPE_CHECKING:
    from server.modules.minutes.docx import render_docx
    from server.modules.minutes.notice import ConclusionNotice, notice_from_draft, render_notice_pdf
    from server.modules.minutes.pdf import render_pdf

_LAZY = {
    "render_pdf": "server.modules.minutes.pdf",
    "render_docx": "server.modules.minutes.docx",
    "ConclusionNotice": "server.modules.minutes.notice",
    "notice_from_draft": "server.modules.minutes.notice",
    "render_notice_pdf": "server.modules.minutes.notice",
}

__all__ = [
    "Absentee",
    "Attendance",
    "ConclusionNotice",
    "ItemMinutes",
    "MinutesDraft",
    "NamedBallot",
    "Person",
    "PollResult",
    "Speech",
    "minutes_number_label",
    "notice_from_draft",
    "render_docx",
    "render_notice_pdf",
    "render_pdf",
]


def __getattr__(name: str) -> Any:
    """Import a renderer on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(module), name)
