"""Conversations: the list on the left, the open one on the right, a compose box."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.attachments_model import AttachmentsCenter
from meeting_client.models.base import KEY_ROLE, ROW_ROLE
from meeting_client.ui.attachments.box import AttachmentBox, attachments_dialog
from meeting_client.ui.look import label
from meeting_client.ui.messages.bubbles import BubbleDelegate
from meeting_client.ui.messages.compose import ComposeBox
from meeting_client.ui.messages.new_conversation import NewConversationDialog

if TYPE_CHECKING:
    from meeting_client.models.messages_model import MessagesCenter


class MessagesPage(QWidget):
    """Self-contained: give it a :class:`MessagesCenter`; the workspace registers it."""

    link_requested = Signal(str)
    """(``meeting:1``, ``directive:3``, ``registry:5``) — a message's reference was opened
    (double click): the workspace shows that object."""

    def __init__(self, center: MessagesCenter, parent: QWidget | None = None, *,
                 attachments: AttachmentsCenter | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messagesPage")
        self.center = center
        self.attachments = attachments or AttachmentsCenter(center.port, parent=self)
        self._pending_to: list[int] | None = None
        self.new_button = QPushButton(self.tr("Cuộc trao đổi mới"))
        self.new_button.setObjectName("primary")
        self.conversations = QListView()
        self.conversations.setModel(center.conversations)
        self.conversations.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conversations.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.conversations.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.conversations.setSpacing(4)
        self.title = label(self.tr("Chọn một cuộc trao đổi"), "panelTitle")
        self.messages = QListView()
        self.messages.setModel(center.messages)
        self.messages.setWordWrap(True)
        self.messages.setSpacing(6)
        self.messages.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.messages.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.messages.setItemDelegate(BubbleDelegate(self.messages))
        self.messages.setResizeMode(QListView.ResizeMode.Adjust)
        self.messages.setUniformItemSizes(False)
        self.compose = ComposeBox()
        self.compose.setEnabled(False)
        self.attach_box = AttachmentBox(self.attachments)
        self.error = label("", "muted")

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(label(self.tr("Tin nhắn"), "panelTitle"))
        ll.addWidget(self.new_button)
        ll.addWidget(self.conversations, 1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.title)
        rl.addWidget(self.messages, 1)
        rl.addWidget(self.error)
        rl.addWidget(self.compose)
        rl.addWidget(self.attach_box)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([340, 900])
        layout = QHBoxLayout(self)
        layout.addWidget(split)

        self.new_button.clicked.connect(self.on_new_clicked)
        self.conversations.clicked.connect(self.on_conversation_clicked)
        self.messages.doubleClicked.connect(self.on_message_double_clicked)
        self.compose.send_requested.connect(self.on_send_requested)
        center.opened.connect(self.on_center_opened)
        center.sent.connect(self.on_center_sent)
        center.failed.connect(self.error.setText)
        center.messages.rowsInserted.connect(self._scroll_down)
        center.messages.modelReset.connect(self._scroll_down)

    def on_new_clicked(self) -> None:
        dialog = NewConversationDialog(list(self.center.people.values()), self.center.me_id,
                                       self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.start_with(dialog.chosen())

    def start_with(self, user_ids: list[int]) -> None:
        """A conversation with these people: the existing one, or one made by the first
        message."""
        members = tuple(sorted({*user_ids, self.center.me_id}))
        for row in self.center.conversations.rows():
            if tuple(sorted(row.member_ids)) == members:
                self.open(row.conversation_id)
                return
        self._pending_to = list(user_ids)
        self.center.current = None
        self.center.messages.set_rows([])
        self.title.setText(self.center.title_of(members))
        self.compose.setEnabled(True)
        self.compose.setFocus()

    def open(self, conversation_id: int) -> None:
        self._pending_to = None
        self.center.open(conversation_id)
        row = self.center.conversations.row_of_key(conversation_id)
        if row >= 0:
            self.conversations.setCurrentIndex(self.center.conversations.index(row, 0))
            self.title.setText(self.center.conversations.row_at(row).title)
        self.compose.setEnabled(True)

    def on_conversation_clicked(self) -> None:
        index = self.conversations.currentIndex()
        if index.isValid():
            self.open(int(index.data(KEY_ROLE)))

    def on_message_double_clicked(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None and row.attachments:
            attachments_dialog(self.attachments, list(row.attachments), self).show()
        elif row is not None and row.ref is not None:
            self.link_requested.emit(f"{row.ref[0]}:{row.ref[1]}")

    def on_send_requested(self, text: str) -> None:
        self.error.setText("")
        self.center.send(text, to=self._pending_to, attachment_ids=self.attach_box.ids())

    def on_center_sent(self, conversation_id: int) -> None:
        self.compose.clear()
        self.attach_box.clear()
        if self._pending_to is not None:
            self._pending_to = None
            self.center.refresh()
        self.center.open(conversation_id)

    def on_center_opened(self, conversation_id: int) -> None:
        row = self.center.conversations.row_of_key(conversation_id)
        if row >= 0:
            self.title.setText(self.center.conversations.row_at(row).title)

    def _scroll_down(self) -> None:
        self.messages.scrollToBottom()
