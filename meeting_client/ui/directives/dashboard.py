"""The dashboard: the four government groups per lead unit as a stacked bar chart
(QtCharts), the totals and on-time rate, drill-down to the list, XLSX and PDF export."""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.directives import DirectivesStore
from meeting_client.ui.minutes.file_writer import FileWriter

TOUCH = 44
GROUP_COLOURS = {"completed_on_time": "#12b76a", "completed_late": "#f79009",
                 "not_due": "#2e90fa", "overdue": "#d92d20"}


class DirectivesDashboard(QWidget):
    """Figures from ``directive.dashboard``; a click on a unit's bar opens its list."""

    unit_chosen = Signal(int)
    """(unit id) — the user wants that unit's directives."""

    def __init__(self, store: DirectivesStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size: 16px;")
        self.chart = QChart()
        self.chart.setTitle(self.tr("Tình hình thực hiện nhiệm vụ theo đơn vị"))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.refresh_button = self._button(self.tr("Làm mới"))
        self.xlsx_button = self._button(self.tr("Xuất Excel"))
        self.pdf_button = self._button(self.tr("Xuất báo cáo PDF"))
        self.status = QLabel()
        self.writer = FileWriter(self)
        self.unit_ids: list[int] = []
        self._save_to: dict[str, str] = {}
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        for b in (self.refresh_button, self.xlsx_button, self.pdf_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self._connect_signals()

    def _button(self, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(TOUCH)
        return button

    def _connect_signals(self) -> None:
        self.store.dashboard_loaded.connect(self.show_figures)
        self.store.exported.connect(self.on_store_exported)
        self.refresh_button.clicked.connect(self.store.load_dashboard)
        self.xlsx_button.clicked.connect(lambda: self.on_export_clicked("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.on_export_clicked("pdf"))
        self.writer.written.connect(self.on_writer_written)
        self.writer.failed.connect(self.on_writer_failed)

    def labels(self) -> dict[str, str]:
        return {"completed_on_time": self.tr("Hoàn thành đúng hạn"),
                "completed_late": self.tr("Hoàn thành quá hạn"),
                "not_due": self.tr("Chưa hoàn thành, trong hạn"),
                "overdue": self.tr("Quá hạn")}

    def show_figures(self, data: dict[str, Any]) -> None:
        t = data.get("totals", {})
        rate = t.get("on_time_rate")
        self.summary.setText(self.tr(
            "Tổng số {0} nhiệm vụ · đúng hạn {1} · quá hạn đã xong {2} · trong hạn {3} · "
            "quá hạn {4} (trên 30 ngày: {5}) · không hạn {6} · tỷ lệ đúng hạn {7}").format(
            t.get("total", 0), t.get("completed_on_time", 0), t.get("completed_late", 0),
            t.get("not_due", 0), t.get("overdue", 0), t.get("overdue_30", 0),
            t.get("no_deadline", 0), "—" if rate is None else f"{rate * 100:.1f}%"))
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        units = [u for u in data.get("units", []) if u.get("unit_id") is not None]
        units.reverse()  # horizontal bars read top-down
        self.unit_ids = [int(u["unit_id"]) for u in units]
        series = QHorizontalStackedBarSeries()
        for key, label in self.labels().items():
            bars = QBarSet(label)
            bars.setColor(QColor(GROUP_COLOURS[key]))
            bars.append([float(u.get(key, 0)) for u in units])
            series.append(bars)
        series.clicked.connect(self.on_series_clicked)
        self.chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([u.get("name") or "—" for u in units])
        counts = QValueAxis()
        counts.setLabelFormat("%d")
        top = max([int(sum(u.get(k, 0) for k in GROUP_COLOURS)) for u in units] or [1])
        if top <= 10:  # whole numbers only: one tick per directive
            counts.setRange(0, max(top, 1))
            counts.setTickCount(max(top, 1) + 1)
        else:
            counts.setRange(0, top)
            counts.applyNiceNumbers()
        self.chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names)
        series.attachAxis(counts)

    def on_series_clicked(self, index: int, _bars: QBarSet) -> None:
        if 0 <= index < len(self.unit_ids):
            self.unit_chosen.emit(self.unit_ids[index])

    def on_export_clicked(self, fmt: str) -> None:
        filters = {"xlsx": self.tr("Bảng tính Excel (*.xlsx)"),
                   "pdf": self.tr("Tài liệu PDF (*.pdf)")}
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu báo cáo"),
                                              f"bao-cao-nhiem-vu.{fmt}", filters[fmt])
        if path:
            self.export_to(fmt, path)

    def export_to(self, fmt: str, path: str) -> None:
        """Ask the server for the file; it is written off the GUI thread when it comes."""
        self._save_to[fmt] = path
        self.status.setText(self.tr("Đang xuất báo cáo…"))
        self.store.export(fmt)

    def on_store_exported(self, filename: str, data: bytes) -> None:
        fmt = filename.rsplit(".", 1)[-1]
        path = self._save_to.pop(fmt, "")
        if path:
            self.writer.write(path, data)

    def on_writer_written(self, path: str) -> None:
        self.status.setText(self.tr("Đã lưu {0}").format(path))

    def on_writer_failed(self, path: str, reason: str) -> None:
        self.status.setText(self.tr("Không lưu được {0}: {1}").format(path, reason))
