"""The document reader: QtPdf page view, thumbnails, outline, search, private
annotations, and follow-the-presenter controls."""

from meeting_client.ui.reader.page_view import PageView
from meeting_client.ui.reader.reader_widget import ReaderWidget

__all__ = ["PageView", "ReaderWidget"]
