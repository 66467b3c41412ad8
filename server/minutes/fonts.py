"""Liberation Serif for reportlab: Times-compatible metrics with every Vietnamese glyph.

The project ships the TTFs in ``resources/fonts`` (OFL-1.1) so a fresh machine renders the
same documents; Debian's fonts-liberation2 is the fallback for a source tree without them.
reportlab's built-in Times has no Vietnamese letters, hence the embedded TTF family.
"""

from __future__ import annotations

import threading
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
