"""Liberation Serif for reportlab: Times-compatible metrics with every Vietnamese glyph.

The project ships the TTFs in ``resources/fonts`` (OFL-1.1) so a fresh machine renders the
same documents; Debian's fonts-liberation2 is the fallback for a source tree without them.
reportlab's built-in Times has no Vietnamese letters, hence the embedded TTF family.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIRS: tuple[Path, ...] = (
    Path(__file__).resolve().parents[2] / "resources" / "fonts",
    Path("/usr/share/fonts/truetype/liberation2"),
)

FAMILY = "LiberationSerif"
REGULAR = "LiberationSerif"
BOLD = "LiberationSerif-Bold"
ITALIC = "LiberationSerif-Italic"
BOLD_ITALIC = "LiberationSerif-BoldItalic"

_FILES = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

_lock = threading.Lock()
_registered = False


def font_path(file_name: str) -> Path:
    """First existing copy of a font file, shipped copy first."""
    for directory in FONT_DIRS:
        candidate = directory / file_name
        if candidate.is_file():
            return candidate
    searched = ", ".join(str(d) for d in FONT_DIRS)
    raise FileNotFoundError(f"{file_name} not found (searched {searched})")


def register_fonts() -> str:
    """Register the family once per process (thread-safe) and return its name.

    With the family mapped, ``<b>``/``<i>`` in Paragraph markup and bold table cells pick
    the right face.
    """
    global _registered
    if _registered:
        return FAMILY
    with _lock:
        if not _registered:
            for name, file_name in _FILES.items():
                pdfmetrics.registerFont(TTFont(name, str(font_path(file_name))))
            pdfmetrics.registerFontFamily(
                FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
            )
            _registered = True
    return FAMILY


def face(bold: bool = False, italic: bool = False) -> str:
    """Font name for a style combination (fonts registered on first use)."""
    register_fonts()
    if bold and italic:
        return BOLD_ITALIC
    if bold:
        return BOLD
    if italic:
        return ITALIC
    return REGULAR


def text_width(text: str, size: float, *, bold: bool = False, italic: bool = False) -> float:
    """Width in points; Liberation Serif matches Times New Roman, so DOCX uses it too."""
    return pdfmetrics.stringWidth(text, face(bold, italic), size)


def _greedy(words: list[str], limit: float, size: float, bold: bool) -> list[str]:
    lines: list[str] = []
    current: list[str] = []
    for word in words:
        candidate = " ".join([*current, word])
        if current and text_width(candidate, size, bold=bold) > limit:
            lines.append(" ".join(current))
            current = [word]
        else:
            current.append(word)
    if current:
        lines.append(" ".join(current))
    return lines


# Words a Vietnamese title is naturally broken before (a new phrase starts there).
_PHRASE_STARTS = frozenset(
    {"của", "về", "tại", "và", "với", "trong", "theo", "cho", "đối", "giai", "nhiệm", "năm"}
)


def _best_two_line_break(
    words: list[str], size: float, width: float, bold: bool, at: Callable[[int], bool]
) -> list[str] | None:
    best: tuple[float, list[str]] | None = None
    for i in range(1, len(words)):
        if not at(i):
            continue
        first, second = " ".join(words[:i]), " ".join(words[i:])
        widest = max(text_width(first, size, bold=bold), text_width(second, size, bold=bold))
        if widest <= width and (best is None or widest < best[0]):
            best = (widest, [first, second])
    return None if best is None else best[1]


def balanced_lines(text: str, size: float, width: float, *, bold: bool = False) -> list[str]:
    """Break a centred title into even lines, at a comma or before a new phrase if possible.

    Plain greedy wrapping leaves a short orphan ("2026 - 2031") or splits a two-syllable
    word or a place name across lines; a clerk breaks the title where a phrase starts.
    """
    words = text.split()
    whole = " ".join(words)
    if not words or text_width(whole, size, bold=bold) <= width:
        return [whole] if words else []
    for at in (
        lambda i: words[i - 1].endswith(","),
        lambda i: words[i].lower() in _PHRASE_STARTS,
    ):
        lines = _best_two_line_break(words, size, width, bold, at)
        if lines is not None:
            return lines
    count = len(_greedy(words, width, size, bold))
    low, high = text_width(whole, size, bold=bold) / count, width
    for _ in range(24):  # smallest limit that still needs no more lines than greedy
        mid = (low + high) / 2
        if len(_greedy(words, mid, size, bold)) <= count:
            high = mid
        else:
            low = mid
    return _greedy(words, high, size, bold)
