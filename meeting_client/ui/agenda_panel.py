"""The agenda with the current item highlighted; the chair also moves through it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QListView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.base import KEY_ROLE
from meeting_client.models.document_model import ID_ROLE
from meeting_client.models.session import MeetingSession
from meeting_client.ui.look import label


class RoomyDelegate(QStyledItemDelegate):
    """Rows tall enough to touch (≥ 48 px), text wrapped and centred vertically."""

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height() + 20, 48))

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.rect.adjust(8, 0, -8, 0)


class AgendaPanel(QFrame):
    """Agenda list, a place for the item's papers, and (chair) previous/next/activate."""

    def __init__(self, session: MeetingSession, *, chair_controls: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self._session = session
        self.list = QListView()
        self.list.setObjectName("agendaList")
        self.list.setModel(session.agenda_model)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setSpacing(2)
        self.list.setItemDelegate(RoomyDelegate(self.list))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionMode(
            QAbstractItemView.SelectionMode.SingleSelection if chair_controls
            else QAbstractItemView.SelectionMode.NoSelection)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus if not chair_controls
                                 else Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Chương trình kỳ họp"), "panelTitle"))
        layout.addWidget(self.list, 3)
        self.previous_button = self.activate_button = self.next_button = None
        if chair_controls:
            self.previous_button = QPushButton(self.tr("◀ Nội dung trước"))
            self.activate_button = QPushButton(self.tr("Chuyển tới nội dung đã chọn"))
            self.next_button = QPushButton(self.tr("Nội dung tiếp ▶"))
            self.next_button.setObjectName("primary")
            row = QHBoxLayout()
            row.addWidget(self.previous_button)
            row.addWidget(self.next_button)
            layout.addLayout(row)
            layout.addWidget(self.activate_button)
        else:
            layout.addWidget(label(self.tr("Tài liệu"), "panelSubtitle"))
            self.documents = label(self.tr("Tài liệu của nội dung đang thảo luận sẽ hiển thị "
                                           "tại đây."), "muted")
            self.documents.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            layout.addWidget(self.documents, 1)
        self._connect_signals()
        self.on_session_changed()

    def attach_documents(self, model: QAbstractItemModel,
                         open_document: Callable[[int], None]) -> None:
        """Show the current item's papers (a ``DocumentListModel``) in place of the
        placeholder; a tap opens one with ``open_document(document_id)``."""
        if self.next_button is not None:
            return  # the chair's panel has no papers list (the console has a button)
        view = QListView()
        view.setObjectName("agendaDocuments")
        view.setModel(model)
        view.setWordWrap(True)
        view.setSpacing(2)
        view.setItemDelegate(RoomyDelegate(view))
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = self.layout()
        layout.replaceWidget(self.documents, view)
        self.documents.hide()
        self.documents_list = view
        view.clicked.connect(lambda index: open_document(int(index.data(ID_ROLE))))

    def _connect_signals(self) -> None:
        self._session.snapshot_changed.connect(self.on_session_changed)
        self._session.online_changed.connect(self.on_session_changed)
        if self.next_button is not None:
            self.previous_button.clicked.connect(self.on_previous_clicked)
            self.next_button.clicked.connect(self.on_next_clicked)
            self.activate_button.clicked.connect(self.on_activate_clicked)
            self.list.selectionModel().selectionChanged.connect(self.on_session_changed)

    def _selected_id(self) -> int | None:
        rows = self.list.selectionModel().selectedRows()
        return rows[0].data(KEY_ROLE) if rows else None

    def on_session_changed(self, *_args: object) -> None:
        active = self._session.agenda_model.active_row()
        if active >= 0:
            self.list.scrollTo(self._session.agenda_model.index(active, 0),
                               QAbstractItemView.ScrollHint.EnsureVisible)
        if self.next_button is None:
            return
        online = self._session.online and not self._session.ended()
        self.previous_button.setEnabled(online and self._session.neighbour_item(-1) is not None)
        self.next_button.setEnabled(online and self._session.neighbour_item(1) is not None)
        selected = self._selected_id()
        item = self._session.active_item()
        self.activate_button.setEnabled(online and selected is not None
                                        and (item is None or item.id != selected))

    def on_previous_clicked(self) -> None:
        item = self._session.neighbour_item(-1)
        if item is not None:
            self._session.activate_item(item.id)

    def on_next_clicked(self) -> None:
        item = self._session.neighbour_item(1)
        if item is not None:
            self._session.activate_item(item.id)

    def on_activate_clicked(self) -> None:
        selected = self._selected_id()
        if selected is not None:
            self._session.activate_item(selected)
            self.list.setCurrentIndex(QModelIndex())
