"""The chamber layout editor: blocks (the presidium, the hall's rows) and a preview.

A block is either the presidium (an explicit list of seats: "CT, PCT1, TK") or rows of
seats (rows × seats per row from a row letter: A01…A10, B01…). "Lấy từ ghế đã xếp" builds
the blocks from the seats already given to participants; "Lưu sơ đồ" sends the layout
(``seatplan.save``), which the chair's seat map and the hall then draw.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.seat_plan import BlockSpec, guess_blocks
from meeting_client.ui.look import label
from meeting_client.ui.seat_plan_view import SeatPlanView, SeatState


class SeatPlanTab(QWidget):
    save_requested = Signal(list)
    """(blocks) — the layout to store."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._participants: list[dict[str, Any]] = []
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("seatBlocks")
        self.table.setHorizontalHeaderLabels([
            self.tr("Khối"), self.tr("Đoàn chủ tịch"), self.tr("Số hàng"),
            self.tr("Ghế mỗi hàng"), self.tr("Hàng đầu / các ghế")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumHeight(180)
        self.hint = label(self.tr("Đoàn chủ tịch: liệt kê các ghế, cách nhau bằng dấu phẩy. "
                                  "Hội trường: số hàng, số ghế mỗi hàng và chữ của hàng đầu."),
                          "muted")
        self.guess_button = QPushButton(self.tr("Lấy từ ghế đã xếp"))
        self.add_button = QPushButton(self.tr("Thêm khối"))
        self.remove_button = QPushButton(self.tr("Xóa khối"))
        self.save_button = QPushButton(self.tr("Lưu sơ đồ"))
        self.save_button.setObjectName("primary")
        self.preview = SeatPlanView()
        buttons = QHBoxLayout()
        buttons.addWidget(self.guess_button)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.preview, 1)
        self.guess_button.clicked.connect(self.on_guess_clicked)
        self.add_button.clicked.connect(lambda: self.add_spec(BlockSpec(self.tr("Khối mới"),
                                                                        rows=1, per_row=10)))
        self.remove_button.clicked.connect(self.on_remove_clicked)
        self.save_button.clicked.connect(self.on_save_clicked)
        self.table.itemChanged.connect(self.refresh_preview)

    def load(self, plan: list[dict[str, Any]] | None, participants: list[dict[str, Any]]
             ) -> None:
        self._participants = list(participants)
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for block in plan or []:
            rows = block.get("seats", [])
            if block.get("presidium"):
                self.add_spec(BlockSpec(block.get("name", ""), presidium=True,
                                        seats=tuple(s for r in rows for s in r if s)))
            else:
                first = (rows[0][0][:1] if rows and rows[0] and rows[0][0] else "A")
                self.add_spec(BlockSpec(block.get("name", ""), rows=len(rows),
                                        per_row=max((len(r) for r in rows), default=0),
                                        first_row=first))
        self.table.blockSignals(False)
        self.refresh_preview()

    def add_spec(self, spec: BlockSpec) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        presidium = QTableWidgetItem()
        presidium.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        presidium.setCheckState(Qt.CheckState.Checked if spec.presidium
                                else Qt.CheckState.Unchecked)
        last = ", ".join(spec.seats) if spec.presidium else spec.first_row
        for column, item in enumerate((QTableWidgetItem(spec.name), presidium,
                                       QTableWidgetItem(str(spec.rows or "")),
                                       QTableWidgetItem(str(spec.per_row or "")),
                                       QTableWidgetItem(last))):
            self.table.setItem(row, column, item)
        self.refresh_preview()

    def specs(self) -> list[BlockSpec]:
        out = []
        for row in range(self.table.rowCount()):
            def text(column: int, row: int = row) -> str:
                item = self.table.item(row, column)
                return item.text().strip() if item is not None else ""

            check = self.table.item(row, 1)
            presidium = check is not None and check.checkState() == Qt.CheckState.Checked
            if presidium:
                seats = tuple(s.strip() for s in text(4).split(",") if s.strip())
                out.append(BlockSpec(text(0), presidium=True, seats=seats))
            else:
                rows = int(text(2)) if text(2).isdigit() else 0
                per_row = int(text(3)) if text(3).isdigit() else 0
                first = (text(4)[:1] or "A").upper()
                if not first.isalpha() or not first.isascii():
                    first = "A"
                out.append(BlockSpec(text(0), rows=min(rows, 26), per_row=min(per_row, 99),
                                     first_row=first))
        return out

    def blocks(self) -> list[dict[str, Any]]:
        return [spec.block() for spec in self.specs()]

    def refresh_preview(self, *_args: object) -> None:
        seated = {p["seat"]: p for p in self._participants if p.get("seat")}

        def state(seat: str) -> SeatState:
            who = seated.get(seat)
            return SeatState("present", str(who["full_name"]).split()[-1]) if who \
                else SeatState()

        self.preview.set_plan(self.blocks(), state)

    def on_guess_clicked(self) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for spec in guess_blocks(p.get("seat") for p in self._participants):
            self.add_spec(spec)
        self.table.blockSignals(False)
        self.refresh_preview()

    def on_remove_clicked(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        self.refresh_preview()

    def on_save_clicked(self) -> None:
        self.save_requested.emit(self.blocks())
