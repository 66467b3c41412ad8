"""Text that every document format can hold: no XML-incompatible characters.

XML 1.0 (DOCX, and the PDF text layer's metadata) forbids most C0 control
characters; one ``\\x0b`` — what Word's soft line break pastes — in a poll title
made every later DOCX of that meeting fail (issue 12, finding 6). Commands store
clean text (the transport cleans every payload that holds such a character) and
the renderers clean what older versions stored.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, TypeVar

import msgspec

T = TypeVar("T")

_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_SPACE = re.compile("[\x0b\x0c]")  # line and page breaks: keep the words apart
_ESCAPES = re.compile(r"\\u00[01][0-9a-fA-F]|\\u[dD][89a-fA-F]|\\u[fF]{3}[eEfF]|\\[bf]")
"""The JSON escapes that can decode to such a character (raw ones are invalid JSON)."""


def clean_text(text: str) -> str:
    """``text`` without XML-incompatible characters (line/page breaks become spaces)."""
    if not _BAD.search(text):
        return text
    return _BAD.sub("", _SPACE.sub(" ", text))


def frame_may_need_cleaning(frame: str | bytes) -> bool:
    """Cheap test on the raw JSON frame before walking its payload."""
    if isinstance(frame, bytes):
        frame = frame.decode("utf-8", "replace")
    return _ESCAPES.search(frame) is not None or _BAD.search(frame) is not None


def clean_tree(value: T) -> T:
    """Every string in ``value`` cleaned: msgspec structs, dataclasses, lists, dicts."""
    return _clean(value)  # type: ignore[no-any-return]


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, tuple):
        return type(value)(*(_clean(v) for v in value)) if hasattr(value, "_fields") else (
            tuple(_clean(v) for v in value))
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    if isinstance(value, msgspec.Struct):
        changes = {f: _clean(getattr(value, f)) for f in value.__struct_fields__}
        return msgspec.structs.replace(value, **changes)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _clean(getattr(value, f.name)) for f in dataclasses.fields(value)
                   if f.init}
        return dataclasses.replace(value, **changes)
    return value
