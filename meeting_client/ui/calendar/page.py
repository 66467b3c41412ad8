"""The work calendar page: the weekly schedule, a day view and a month view.

Week navigation by keyboard (PgUp/PgDn, Alt+←/→, Home = this week), by the big buttons
and by a horizontal swipe on a touch screen. Filters by leader and by room. Those allowed
add and edit events in :class:`~meeting_client.ui.calendar.editor.EventEditor`; every open
calendar follows changes live (the store refetches what a ``calendar.changed`` touches).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QGestureEvent,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStackedWidget,
    QSwipeGesture,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.base import ROW_ROLE
from meeting_client.models.calendar import (
    DAY_NAMES,
    CalendarStore,
    CalEvent,
    DayModel,
    MonthModel,
    WeekScheduleModel,
    monday_of,
    tr,
)
from meeting_client.ui.look import label, set_state


class CalendarPage(QWidget):
    """Lịch công tác: one page, three views over one :class:`CalendarStore`."""

    edit_requested = Signal(object)
    """(CalEvent | None) — open the editor (None: a new event on the shown day)."""

    def __init__(self, store: CalendarStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarPage")
        self.store = store
        self.anchor = date.today()
        self.mode = "week"
        self.week_model = WeekScheduleModel(store, self)
        self.day_model = DayModel(store, self)
        self.month_model = MonthModel(store, self)

        self.title = label("", "panelTitle", wrap=False)
        self.status = label("", "muted", wrap=False)
        self.prev_button = QPushButton(self.tr("◀ Tuần trước"))
        self.today_button = QPushButton(self.tr("Tuần này"))
        self.next_button = QPushButton(self.tr("Tuần sau ▶"))
        self.mode_buttons: dict[str, QPushButton] = {}
        self.mode_group = QButtonGroup(self)
        for key, text in (("week", self.tr("Tuần")), ("day", self.tr("Ngày")),
                          ("month", self.tr("Tháng"))):
            button = QPushButton(text)
            button.setCheckable(True)
            button.setObjectName(f"mode_{key}")
            self.mode_group.addButton(button)
            self.mode_buttons[key] = button
        self.mode_buttons["week"].setChecked(True)
        self.leader_filter = QComboBox()
        self.leader_filter.setObjectName("leaderFilter")
        self.room_filter = QComboBox()
        self.room_filter.setObjectName("roomFilter")
        self.add_button = QPushButton(self.tr("+ Thêm lịch"))
        self.add_button.setObjectName("primary")
        self.publish_button = QPushButton(self.tr("Ban hành lịch tuần"))
        self.publish_button.setVisible(store.is_office)

        self.week_table = self._table("weekTable", self.week_model)
        # Rows are fitted to their text as they come into view: a busy week has hundreds
        # of rows, and measuring all of them up front costs a second.
        self.week_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.week_table.verticalHeader().setDefaultSectionSize(56)
        self._fitted: set[int] = set()
        header = self.week_table.horizontalHeader()
        for col, width in ((0, 120), (1, 80), (3, 200), (5, 190), (6, 170)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.day_table = self._table("dayTable", self.day_model)
        self.day_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        self.day_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.month_table = self._table("monthTable", self.month_model)
        self.month_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.month_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.month_table.setWordWrap(True)
        self.stack = QStackedWidget()
        for table in (self.week_table, self.day_table, self.month_table):
            self.stack.addWidget(table)

        nav = QHBoxLayout()
        for w in (self.prev_button, self.today_button, self.next_button):
            nav.addWidget(w)
        nav.addSpacing(16)
        for button in self.mode_buttons.values():
            nav.addWidget(button)
        nav.addStretch(1)
        nav.addWidget(self.leader_filter)
        nav.addWidget(self.room_filter)
        heading = QHBoxLayout()
        heading.addWidget(self.title)
        heading.addStretch(1)
        heading.addWidget(self.status)
        heading.addWidget(self.publish_button)
        heading.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(heading)
        layout.addLayout(nav)
        layout.addWidget(self.stack, 1)

        self.editor: QWidget | None = None
        """The open event editor, if any (kept so tests and the page can reach it)."""
        self.grabGesture(Qt.GestureType.SwipeGesture)
        self._fill_filters()
        self._connect_signals()
        self.show_period()

    def _table(self, name: str, model: object) -> QTableView:
        table = QTableView()
        table.setObjectName(name)
        table.setModel(model)  # type: ignore[arg-type]
        table.setWordWrap(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        return table

    def _connect_signals(self) -> None:
        self.prev_button.clicked.connect(self.on_prev_clicked)
        self.next_button.clicked.connect(self.on_next_clicked)
        self.today_button.clicked.connect(self.on_today_clicked)
        for key, button in self.mode_buttons.items():
            button.clicked.connect(lambda _=False, k=key: self.set_mode(k))
        self.leader_filter.currentIndexChanged.connect(self.on_filter_changed)
        self.room_filter.currentIndexChanged.connect(self.on_filter_changed)
        self.add_button.clicked.connect(lambda: self.edit_requested.emit(None))
        self.edit_requested.connect(self.on_edit_requested)
        self.publish_button.clicked.connect(
            lambda: self.store.publish(monday_of(self.anchor)))
        self.store.changed.connect(self.on_store_changed)
        self.store.directory_loaded.connect(self._fill_filters)
        self.store.failed.connect(self.on_store_failed)
        self.week_model.modelReset.connect(self._apply_spans)
        self.week_table.verticalScrollBar().valueChanged.connect(self.fit_visible_rows)
        for table in (self.week_table, self.day_table):
            table.doubleClicked.connect(self.on_table_double_clicked)
        self.month_table.doubleClicked.connect(self.on_month_double_clicked)
        for keys, slot in (((QKeySequence.StandardKey.MoveToPreviousPage,), self.on_prev_clicked),
                           ((QKeySequence.StandardKey.MoveToNextPage,), self.on_next_clicked),
                           (("Alt+Left",), self.on_prev_clicked),
                           (("Alt+Right",), self.on_next_clicked),
                           (("Home",), self.on_today_clicked)):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)

    # --- what is shown ----------------------------------------------------------------

    def period(self) -> tuple[date, date]:
        """The dates fetched for the current mode and anchor."""
        if self.mode == "month":
            first = monday_of(self.anchor.replace(day=1))
            return first, first + timedelta(days=41)
        monday = monday_of(self.anchor)
        return monday, monday + timedelta(days=6)

    def show_period(self) -> None:
        first, last = self.period()
        monday = monday_of(self.anchor)
        self.week_model.set_week(monday)
        self.day_model.set_day(self.anchor)
        self.month_model.set_month(self.anchor)
        self.stack.setCurrentIndex(("week", "day", "month").index(self.mode))
        self.publish_button.setVisible(self.store.is_office and self.mode == "week")
        step = {"week": (self.tr("◀ Tuần trước"), self.tr("Tuần sau ▶")),
                "day": (self.tr("◀ Hôm trước"), self.tr("Hôm sau ▶")),
                "month": (self.tr("◀ Tháng trước"), self.tr("Tháng sau ▶"))}[self.mode]
        self.prev_button.setText(step[0])
        self.next_button.setText(step[1])
        self.today_button.setText(self.tr("Hôm nay") if self.mode == "day" else
                                  self.tr("Tuần này") if self.mode == "week" else
                                  self.tr("Tháng này"))
        self._update_title()
        self.store.set_range(first, last)

    def _update_title(self) -> None:
        monday = monday_of(self.anchor)
        if self.mode == "week":
            self.title.setText(self.tr("Lịch công tác tuần {n} ({a} – {b})").format(
                n=monday.isocalendar().week, a=f"{monday:%d/%m}",
                b=f"{monday + timedelta(days=6):%d/%m/%Y}"))
        elif self.mode == "day":
            text = f"{tr(DAY_NAMES[self.anchor.weekday()])}, {self.anchor:%d/%m/%Y}"
            holiday = self.store.holidays.get(self.anchor)
            self.title.setText(f"{text} — {holiday}" if holiday else text)
        else:
            self.title.setText(self.tr("Lịch công tác tháng {month} năm {year}").format(
                month=self.anchor.month, year=self.anchor.year))
        pub = self.store.week_publication(monday) if self.mode == "week" else None
        if pub is None:
            self.status.setText(self.tr("Chưa ban hành") if self.mode == "week" else "")
            set_state(self.status, "")
        elif pub["superseded"]:
            self.status.setText(self.tr("Lịch điều chỉnh — đã thay đổi sau khi ban hành "
                                        "(lần {n})").format(n=pub["version"]))
            set_state(self.status, "warn")
        else:
            self.status.setText(self.tr("Đã ban hành (lần {n})").format(n=pub["version"]))
            set_state(self.status, "ok")

    def _apply_spans(self) -> None:
        self.week_table.clearSpans()
        for row, col, rows in self.week_model.spans():
            self.week_table.setSpan(row, col, rows, 1)
        self._fitted.clear()
        self.fit_visible_rows()

    def fit_visible_rows(self) -> None:
        """Fit the rows on screen (and a few below) to their wrapped text, once each."""
        table = self.week_table
        count = self.week_model.rowCount()
        for _ in range(4):  # fitting moves rows out of view: settle in a few rounds
            first = max(0, table.rowAt(0))
            last = table.rowAt(table.viewport().height() - 1)
            last = count - 1 if last < 0 else last
            todo = [r for r in range(first, min(count, last + 8)) if r not in self._fitted]
            if not todo:
                return
            for row in todo:
                table.resizeRowToContents(row)
                self._fitted.add(row)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fitted.clear()  # the columns changed width: the text wraps anew
        self.fit_visible_rows()

    def _fill_filters(self) -> None:
        d = self.store.directory
        for combo, first, items, current in (
                (self.leader_filter, self.tr("Tất cả lãnh đạo"), d.leaders(),
                 self.store.user_filter),
                (self.room_filter, self.tr("Tất cả phòng họp"),
                 sorted(((r, v["name"]) for r, v in d.rooms.items()), key=lambda p: p[1]),
                 self.store.room_filter)):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, None)
            for key, name in items:
                combo.addItem(name, key)
            combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
            combo.blockSignals(False)

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.mode_buttons[mode].setChecked(True)
        self.show_period()

    def go_to(self, day: date) -> None:
        self.anchor = day
        self.show_period()

    def step(self, direction: int) -> None:
        if self.mode == "week":
            self.go_to(self.anchor + timedelta(days=7 * direction))
        elif self.mode == "day":
            self.go_to(self.anchor + timedelta(days=direction))
        else:
            month = self.anchor.month - 1 + direction
            self.go_to(date(self.anchor.year + month // 12, month % 12 + 1, 1))

    def event_at(self, table: QTableView, row: int) -> CalEvent | None:
        value = table.model().index(row, 0).data(ROW_ROLE)
        return value if isinstance(value, CalEvent) else None

    # --- slots --------------------------------------------------------------------------

    def on_prev_clicked(self) -> None:
        self.step(-1)

    def on_next_clicked(self) -> None:
        self.step(1)

    def on_today_clicked(self) -> None:
        self.go_to(date.today())

    def on_filter_changed(self) -> None:
        self.store.set_filters(user_id=self.leader_filter.currentData(),
                               room_id=self.room_filter.currentData())

    def on_store_changed(self) -> None:
        self._update_title()

    def on_store_failed(self, message: str) -> None:
        self.status.setText(message)
        set_state(self.status, "warn")

    def on_table_double_clicked(self, index: QModelIndex) -> None:
        ev = index.data(ROW_ROLE)
        if isinstance(ev, CalEvent):
            self.edit_requested.emit(ev)

    def on_edit_requested(self, event: CalEvent | None) -> None:
        from meeting_client.ui.calendar.editor import EventEditor

        self.editor = EventEditor(self.store, event, day=self.anchor, parent=self)
        self.editor.open()

    def on_month_double_clicked(self, index: QModelIndex) -> None:
        self.anchor = self.month_model.day_at(index)
        self.set_mode("day")

    def event(self, e: QEvent) -> bool:  # a horizontal swipe turns the page
        if isinstance(e, QGestureEvent):  # before e.type(): cheap for every other event
            swipe = e.gesture(Qt.GestureType.SwipeGesture)
            if isinstance(swipe, QSwipeGesture) and \
                    swipe.state() == Qt.GestureState.GestureFinished:
                horizontal = swipe.horizontalDirection()
                if horizontal == QSwipeGesture.SwipeDirection.Left:
                    self.step(1)
                elif horizontal == QSwipeGesture.SwipeDirection.Right:
                    self.step(-1)
                return True
        return super().event(e)
