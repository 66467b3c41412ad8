"""A rich-text field for the clerk, and its export to the minutes' HTML subset.

The server keeps ``p b i u br ul ol li`` and nothing else (it sanitises whatever arrives);
``QTextEdit.toHtml()`` writes a whole styled document instead, so :func:`document_html`
walks the document itself and writes only the subset. That keeps what is sent small, keeps
the comparison "is this item changed?" exact, and makes the saved text render the same in
every client.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent, QFont, QTextCharFormat, QTextDocument, QTextListFormat
from PySide6.QtWidgets import QTextEdit, QWidget

ORDERED_STYLES = frozenset({
    QTextListFormat.Style.ListDecimal, QTextListFormat.Style.ListLowerAlpha,
    QTextListFormat.Style.ListUpperAlpha, QTextListFormat.Style.ListLowerRoman,
    QTextListFormat.Style.ListUpperRoman,
})
LINE_SEPARATOR = "\u2028"  # Shift+Enter inside a paragraph


def _fragment_html(text: str, fmt: QTextCharFormat) -> str:
    parts = [escape(line, quote=False) for line in text.split(LINE_SEPARATOR)]
    out = "<br>".join(parts)
    if not text.strip(LINE_SEPARATOR):
        return out
    if fmt.fontUnderline():
        out = f"<u>{out}</u>"
    if fmt.fontItalic():
        out = f"<i>{out}</i>"
    if fmt.fontWeight() >= QFont.Weight.DemiBold.value:
        out = f"<b>{out}</b>"
    return out


def _block_html(block: object) -> str:
    pieces = []
    it = block.begin()  # type: ignore[attr-defined]
    while not it.atEnd():
        fragment = it.fragment()
        if fragment.isValid():
            pieces.append(_fragment_html(fragment.text(), fragment.charFormat()))
        it += 1
    return "".join(pieces)


def document_html(doc: QTextDocument) -> str:
    """The document in the minutes' HTML subset; ``""`` when it holds only whitespace."""
    out: list[str] = []
    open_list: object | None = None
    open_tag = ""
    block = doc.begin()
    while block.isValid():
        text_list = block.textList()
        inner = _block_html(block)
        if text_list is not None:
            if text_list is not open_list:
                if open_list is not None:
                    out.append(f"</{open_tag}>")
                ordered = text_list.format().style() in ORDERED_STYLES
                open_tag = "ol" if ordered else "ul"
                out.append(f"<{open_tag}>")
                open_list = text_list
            out.append(f"<li>{inner}</li>")
        else:
            if open_list is not None:
                out.append(f"</{open_tag}>")
                open_list = None
            if block.text().strip():
                out.append(f"<p>{inner}</p>")
        block = block.next()
    if open_list is not None:
        out.append(f"</{open_tag}>")
    html = "".join(out)
    return "" if not doc.toPlainText().strip() else html


class RichTextField(QTextEdit):
    """A QTextEdit with the few formats the minutes know: bold, italic, lists.

    Pasted text keeps bold and italic (the subset is applied on export, not on paste).
    """

    focused = Signal()
    """The field got the keyboard focus: phrases are inserted where the clerk types."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(True)
        self.setTabChangesFocus(True)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()

    def html(self) -> str:
        return document_html(self.document())

    def set_html(self, html: str) -> None:
        """Replace the content without leaving an undo step the clerk could undo into."""
        self.document().setHtml(html)
        self.document().clearUndoRedoStacks()
        self.moveCursor(self.textCursor().MoveOperation.End)

    def toggle_bold(self) -> None:
        fmt = QTextCharFormat()
        bold = self.fontWeight() < QFont.Weight.DemiBold.value
        fmt.setFontWeight(QFont.Weight.Bold.value if bold else QFont.Weight.Normal.value)
        self.mergeCurrentCharFormat(fmt)

    def toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.fontItalic())
        self.mergeCurrentCharFormat(fmt)

    def toggle_list(self, ordered: bool) -> None:
        """Make the paragraph(s) a list, or, when already that kind of list, plain again."""
        cursor = self.textCursor()
        style = (QTextListFormat.Style.ListDecimal if ordered
                 else QTextListFormat.Style.ListDisc)
        current = cursor.currentList()
        cursor.beginEditBlock()
        if current is not None and (current.format().style() in ORDERED_STYLES) == ordered:
            block = cursor.block()
            current.remove(block)
            fmt = block.blockFormat()
            fmt.setIndent(0)
            cursor.setBlockFormat(fmt)
        else:
            cursor.createList(style)
        cursor.endEditBlock()

    def insert_phrase(self, text: str) -> None:
        """Insert at the cursor, as plain text in the current format, and keep the focus."""
        self.textCursor().insertText(text)
        self.setFocus()
