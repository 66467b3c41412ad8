"""Camera: the cameras by group with their live state, and the player of the chosen one.

A row shows group, name and state (colour and Vietnamese word); choosing a camera and
"Xem" asks the server for a watch URL (``camera.watch``) and plays it. States follow the
``cameras`` topic live. The stream of a camera that goes down ends; when it is live again
while still chosen for the player, the page asks for a new URL and plays on.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QCloseEvent, QColor, QHideEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.cameras import CameraStore
from meeting_client.ui.cameras.player import CameraPlayer

COLOURS = {"idle": "#6b7280", "connecting": "#b45309", "live": "#15803d", "down": "#b91c1c"}


def state_label(state: str) -> str:
    words = {
        "idle": QCoreApplication.translate("CamerasPage", "Chưa kiểm tra"),
        "connecting": QCoreApplication.translate("CamerasPage", "Đang kết nối"),
        "live": QCoreApplication.translate("CamerasPage", "Đang có tín hiệu"),
        "down": QCoreApplication.translate("CamerasPage", "Mất tín hiệu"),
    }
    return words.get(state, state)


class CamerasPage(QWidget):
    """The operators' camera page (workspace module ``cameras``)."""

    def __init__(self, store: CameraStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.watching: int | None = None
        """The camera the player is for (until "Dừng")."""
        self._was_down = False
        self._focus: int | None = None
        """A camera to select and watch once the list has arrived (an alert's link)."""
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Nhóm"), self.tr("Camera"), self.tr("Trạng thái")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _i: self.watch_selected())
        self.empty = QLabel(self.tr("Chưa có camera nào được đăng ký."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.player = CameraPlayer()
        self.title = QLabel(self.tr("Chọn một camera rồi bấm Xem."))
        self.title.setStyleSheet("font-weight: 600;")
        self.status = QLabel()
        self.status.setStyleSheet("color: #b91c1c;")
        self.watch_button = QPushButton(self.tr("Xem"))
        self.stop_button = QPushButton(self.tr("Dừng"))
        self.watch_button.clicked.connect(self.watch_selected)
        self.stop_button.clicked.connect(self.stop)

        left = QWidget()
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table)
        lay.addWidget(self.empty)
        right = QWidget()
        rlay = QVBoxLayout(right)
        rlay.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        bar.addWidget(self.watch_button)
        bar.addWidget(self.stop_button)
        rlay.addLayout(bar)
        rlay.addWidget(self.player, 1)
        rlay.addWidget(self.status)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        left.setMinimumWidth(420)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([460, 1000])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.addWidget(split)

        store.changed.connect(self.refresh)
        store.watch_ready.connect(self._play)
        store.failed.connect(self.status.setText)
        self.refresh()

    def refresh(self) -> None:
        chosen = self.selected_id()
        cams = self.store.cameras
        self.table.setRowCount(len(cams))
        for row, cam in enumerate(cams):
            state = QTableWidgetItem(state_label(cam.state))
            state.setForeground(QBrush(QColor(COLOURS.get(cam.state, "#000"))))
            group = QTableWidgetItem(cam.group)
            group.setData(Qt.ItemDataRole.UserRole, cam.camera_id)
            for col, item in enumerate((group, QTableWidgetItem(cam.name), state)):
                self.table.setItem(row, col, item)
            if cam.camera_id == chosen:
                self.table.selectRow(row)
        self.table.setVisible(bool(cams))
        self.empty.setVisible(self.store.loaded and not cams)
        if self._focus is not None and self.store.loaded:
            self.focus(self._focus)
        self._follow_watched()

    def _follow_watched(self) -> None:
        cam = self.store.camera(self.watching) if self.watching is not None else None
        if cam is None:
            return
        if cam.state == "down":
            self._was_down = True
            self.status.setText(self.tr("Camera đang mất tín hiệu."))
        elif cam.state == "live" and self._was_down:
            self._was_down = False
            self.status.clear()
            self.store.watch(cam.camera_id)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def select(self, camera_id: int) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == camera_id:
                self.table.selectRow(row)

    def focus(self, camera_id: int) -> None:
        """Select a camera and watch it (a camera alert's link); if the list has not
        arrived yet, as soon as it does."""
        self._focus = camera_id
        if self.store.camera(camera_id) is not None:
            self._focus = None
            self.select(camera_id)
            self.watch_selected()

    def watch_selected(self) -> None:
        camera_id = self.selected_id()
        if camera_id is not None:
            self.status.clear()
            self.watching, self._was_down = camera_id, False
            self.store.watch(camera_id)

    def _play(self, camera_id: int, url: str) -> None:
        if camera_id != self.watching:
            return  # stopped, or another camera chosen meanwhile
        cam = self.store.camera(camera_id)
        self.title.setText(cam.name if cam else "")
        if not self.player.available:
            self.status.setText(self.tr("Máy này thiếu libVLC: không phát được video."))
            return
        self.player.play(url)

    def stop(self) -> None:
        self.watching = None
        self.player.stop()
        self.title.setText(self.tr("Chọn một camera rồi bấm Xem."))

    def hideEvent(self, event: QHideEvent) -> None:
        """Another page, or the window closed: nobody sees the picture, so the stream is
        not pulled and decoded for no one ("Xem" starts it again)."""
        if self.watching is not None:
            self.stop()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.player.release()
        super().closeEvent(event)
